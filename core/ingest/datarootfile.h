// DataRootFile: the one rule for files that a prediction log or a label file names (samples,
// heatmaps) and for those input files themselves. A named file must be a regular file, under
// the data root once symbolic links are resolved, and no larger than a cap; it is opened without
// blocking (a FIFO or a device never hangs the caller) and checked again on the open descriptor,
// so a file swapped between the check and the open is refused too.
//
// The folders that hold the files are resolved once per DataRootFile object (every link of
// every component, as before) and kept open; a file is then one fstatat()/openat() relative to
// its folder's descriptor, never a path walked again through links. A file that is itself a
// symbolic link, or a path with "." or ".." components, takes the full resolution each time.
// What that guarantees: a file is read from inside the folder that was inside the data root when
// the first file of that folder was checked through this object; a folder replaced later by a
// link to elsewhere is seen by the next DataRootFile (the next import), not by this one. Copies
// share the folder cache. Its const members may run on several threads at once.
#pragma once

#include "store/projectfileidentity.h"

#include <QString>

#include <memory>

#include <sys/stat.h>

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

    // Like open(), into a raw descriptor (read-only, non-blocking, close-on-exec) that the
    // caller closes; -1 with `check` telling why. For readers of a few header bytes (pread):
    // `check` leaves canonicalPath empty when the file was opened in its folder (the probes of
    // an import would build a million paths that nobody reads).
    int openDescriptor(const QString &relativePath, Check *check) const;

    QString dataRoot() const { return m_dataRoot; }

private:
    struct Folder;
    struct Folders;
    // The folder of `relativePath` from the cache (resolved and opened on first use), or null
    // when the path must take the full resolution (checkResolved).
    // `name`: the file's name, a view into `relativePath`.
    std::shared_ptr<const Folder> folderOf(const QString &relativePath, QStringView *name) const;
    // The file `name` of an open `folder` by one fstatat(); a link (`link` set) takes the full
    // resolution instead.
    Check checkInFolder(const Folder &folder, QStringView name, const char *nativeName,
                        const QString &relativePath, bool *link) const;
    Check checkResolved(const QString &relativePath) const;
    // `canonicalFolder`: empty for the root folder "/". Leaves canonicalPath to the caller.
    Check checkStatus(const QString &relativePath, QStringView canonicalFolder, QStringView name,
                      const struct stat &status) const;

    QString m_dataRoot;      // absolute, as given
    QString m_canonicalRoot; // with links resolved
    ProjectDatabaseFiles m_projectFiles;
    std::shared_ptr<Folders> m_folders;
};

} // namespace Boucle
