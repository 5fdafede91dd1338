#include "projectfileidentity.h"

#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

namespace Boucle {

namespace {

// stat(), which follows symlinks and opens no descriptor.
bool sameFile(const QString &a, const QString &b)
{
    struct stat first = {};
    struct stat second = {};
    if (::stat(QFile::encodeName(a).constData(), &first) != 0
        || ::stat(QFile::encodeName(b).constData(), &second) != 0)
        return false;
    return first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

} // namespace

bool isProjectDatabaseFile(const QString &projectPath, const QString &candidate)
{
    if (projectPath.isEmpty() || candidate.isEmpty())
        return false;
    const QString project = QFileInfo(projectPath).absoluteFilePath();
    // A file that does not exist yet can still be one of them by name (a symlink's target, or
    // the journal SQLite will create next to the project).
    const QFileInfo info(candidate);
    QString resolved = info.absoluteFilePath();
    if (const QString canonical = info.canonicalFilePath(); !canonical.isEmpty())
        resolved = canonical;
    else if (info.isSymLink())
        resolved = info.symLinkTarget(); // dangling: where a write would land
    else if (const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
             !folder.isEmpty())
        resolved = folder + QLatin1Char('/') + info.fileName();
    const QString canonicalProject = QFileInfo(project).canonicalFilePath().isEmpty()
                                             ? project
                                             : QFileInfo(project).canonicalFilePath();
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        const QString own = canonicalProject + QLatin1String(suffix);
        if (resolved == own || sameFile(candidate, own))
            return true;
    }
    return false;
}

} // namespace Boucle
