// LogPathResolver: turns a path written in a prediction log (relative to the log's folder) into
// a path relative to the project's data root, refusing absolute paths and paths that climb out
// of the data root. Value type; any thread.
#pragma once

#include <QString>

namespace Boucle {

class LogPathResolver
{
public:
    LogPathResolver(const QString &logFolder, const QString &dataRoot);

    // The path relative to the data root ('/' separators), or an empty string with `error` set.
    QString resolve(const QString &written, QString *error) const;
    QString absolute(const QString &relativeToDataRoot) const;
    QString dataRoot() const { return m_dataRoot; }

private:
    QString m_logFolder;
    QString m_dataRoot;
    QString m_prefix; // the log folder relative to the data root, with a trailing '/' or empty
    bool m_logInsideRoot = true;
};

} // namespace Boucle
