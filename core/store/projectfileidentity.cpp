#include "projectfileidentity.h"

#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

namespace Boucle {

namespace {

// stat(), which follows symlinks and opens no descriptor.
bool identityOf(const QString &path, quint64 *device, quint64 *inode)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return false;
    *device = quint64(status.st_dev);
    *inode = quint64(status.st_ino);
    return true;
}

// Where `path` leads: its canonical path, or for a file that does not exist yet, where a write
// would land (a dangling link's target, or the name in its resolved folder).
QString resolvedPath(const QString &path)
{
    const QFileInfo info(path);
    if (const QString canonical = info.canonicalFilePath(); !canonical.isEmpty())
        return canonical;
    if (info.isSymLink())
        return info.symLinkTarget();
    if (const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
        !folder.isEmpty())
        return folder + QLatin1Char('/') + info.fileName();
    return info.absoluteFilePath();
}

} // namespace

ProjectDatabaseFiles::ProjectDatabaseFiles(const QString &projectPath)
{
    if (projectPath.isEmpty())
        return;
    const QString project = resolvedPath(projectPath);
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        const QString own = project + QLatin1String(suffix);
        m_names.append(own);
        quint64 device = 0;
        quint64 inode = 0;
        if (identityOf(own, &device, &inode))
            m_identities.append({device, inode});
    }
}

bool ProjectDatabaseFiles::contains(QStringView canonicalFolder, QStringView name, quint64 device,
                                    quint64 inode) const
{
    if (m_identities.contains({device, inode}))
        return true;
    const qsizetype length = canonicalFolder.size() + 1 + name.size();
    for (const QString &own : m_names) {
        if (own.size() == length && own.at(canonicalFolder.size()) == QLatin1Char('/')
            && own.startsWith(canonicalFolder) && own.endsWith(name))
            return true;
    }
    return false;
}

bool ProjectDatabaseFiles::contains(const QString &candidate) const
{
    if (m_names.isEmpty() || candidate.isEmpty())
        return false;
    if (m_names.contains(resolvedPath(candidate)))
        return true;
    quint64 device = 0;
    quint64 inode = 0;
    return identityOf(candidate, &device, &inode) && m_identities.contains({device, inode});
}

} // namespace Boucle
