// DicomUidMap: the new UIDs of one de-identified export. Each original UID gets a new one the
// first time it is met and the same one every later time, so the files of a series still share
// their Series Instance UID, a study its Study Instance UID, and a reference to another instance
// still points at it. New UIDs are "2.25." followed by a random 128-bit UUID in decimal (PS3.5
// B.2): they carry no organisation, host, process or time that could be traced back. One object
// per export; not thread-safe.
#pragma once

#include <QByteArray>
#include <QHash>

namespace Boucle {

class DicomUidMap
{
public:
    // The new UID for `original` (trailing spaces and NULs of a padded value ignored).
    QByteArray replace(const QByteArray &original);
    qsizetype size() const { return m_map.size(); }

    // A fresh "2.25.<decimal>" UID of at most 64 characters.
    static QByteArray newUid();

private:
    QHash<QByteArray, QByteArray> m_map;
};

} // namespace Boucle
