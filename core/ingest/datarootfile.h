// DataRootFile: the one rule for files that a prediction log or a label file names (samples,
// heatmaps) and for those input files themselves. A named file must be a regular file, under
// the data root once symbolic links are resolved, and no larger than a cap; it is opened without
// blocking (a FIFO or a device never hangs the caller) and checked again on the open descriptor,
// so a file swapped between the check and the open is refused too. Value type; its const
// members may run on several threads at once (they read only members set by the constructor).
#pragma once

#include "store/projectfileidentity.h"

#include <QString>

class QFile;

namespace Boucle {

class DataRootFile
{
public:
    // Samples and heatmaps larger than this are refused (a sparse or runaway file would
    // otherwise be hashed for minutes).
    static constexpr qint64 maxFileBytes = qint64(4) << 30;

    enum class Status {
        Regular, // a regular file under the data root, at most maxFileBytes
        Missing, // nothing is there (or a dangling link): stored as missing
        Refused, // something is there that must not be read; reason() says what
    };

    struct Check
    {
        Status status = Status::Missing;
        QString reason;        // for Refused: a sentence naming the file
        QString canonicalPath; // for Regular: the file with every link resolved
        qint64 size = 0;       // for Regular
        qint64 modifiedNs = 0; // for Regular: modification time, nanoseconds since the epoch
    };

    // `projectPath`: the project's database, which is never read as a sample or a heatmap
    // (closing a descriptor of it would drop the process's SQLite locks).
    explicit DataRootFile(const QString &dataRoot, const QString &projectPath = {});

    // `relativePath` is relative to the data root, '/' separators (LogPathResolver's output).
    Check check(const QString &relativePath) const;

    // Checks and opens the file for reading into `file` (unopened QFile). False with `check`
    // telling why (Missing or Refused).
    bool open(const QString &relativePath, QFile &file, Check *check) const;

    // Opens an input file the user named (a prediction log, a label file) anywhere: it must be
    // a regular file (never a FIFO, a device or a folder). False with `error` set to a sentence
    // about "the file" (the caller names it).
    static bool openInput(const QString &path, QFile &file, QString *error);

    QString dataRoot() const { return m_dataRoot; }

private:
    QString m_dataRoot;      // absolute, as given
    QString m_canonicalRoot; // with links resolved
    ProjectDatabaseFiles m_projectFiles;
};

} // namespace Boucle
