// SettledFiles: which prediction logs in a folder are complete enough to import. A file is
// taken once its size and modification time have stayed the same for the settle time across
// two looks at the folder; hidden and temporary names (".x", "*.part", "*.tmp", "*~") and
// anything but *.jsonl, *.ndjson and *.csv are never taken, so a writer that writes under a
// temporary name and renames is always safe. Used by `boucle watch` (docs/hooks.md).
//
// Any thread; one object per watching loop. The clock is passed in, so tests need no sleeps.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QStringList>

namespace Boucle {

class SettledFiles
{
public:
    SettledFiles(const QString &folder, qint64 settleMs);

    static bool isCandidateName(const QString &fileName);

    // Looks at the folder at time `nowMs` (any monotonic clock in milliseconds) and returns the
    // absolute paths of the candidate files that have not changed for the settle time, in name
    // order. A file is returned at every look while it stays settled; the caller keeps track
    // of what it has done with it.
    QStringList look(qint64 nowMs);

    struct Seen
    {
        qint64 size = -1;
        QDateTime modified;
        qint64 since = 0; // when this size and time were first seen
    };
    // What the last look saw of `path` (absolute).
    Seen seen(const QString &path) const { return m_seen.value(path); }

private:
    QString m_folder;
    qint64 m_settleMs;
    QHash<QString, Seen> m_seen;
};

} // namespace Boucle
