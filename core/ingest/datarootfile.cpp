#include "datarootfile.h"

#include "imaging/regularfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <limits>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Boucle {

namespace {

// What a non-regular file is, in words ("a FIFO (named pipe)").
QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return QCoreApplication::translate("Boucle::DataRootFile", "a folder");
    if (S_ISFIFO(mode))
        return QCoreApplication::translate("Boucle::DataRootFile", "a FIFO (named pipe)");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QCoreApplication::translate("Boucle::DataRootFile", "a device");
    if (S_ISSOCK(mode))
        return QCoreApplication::translate("Boucle::DataRootFile", "a socket");
    return QCoreApplication::translate("Boucle::DataRootFile", "not a regular file");
}

QString gibibytes(qint64 bytes)
{
    return QString::number(double(bytes) / double(qint64(1) << 30), 'g', 3);
}

// Opens `name` in `folder` for reading, without updating the file's access time when the
// process may ask that (O_NOATIME: it owns the file, or has CAP_FOWNER). Under `relatime` the
// first read of a file since it was written, or since a day, writes its access time: probing a
// million images would dirty a million inodes for the file system to write back, on the cores
// the import needs. A file the process may not open so gets EPERM and is opened as before; after
// the first such refusal the process stops asking (a data set's files mostly share an owner).
int openWithoutAccessTime(int folder, const char *name, int flags)
{
    static std::atomic<bool> refused {false};
    if (!refused.load(std::memory_order_relaxed)) {
        const int fd = ::openat(folder, name, flags | O_NOATIME);
        if (fd >= 0 || errno != EPERM)
            return fd;
        refused.store(true, std::memory_order_relaxed);
    }
    return ::openat(folder, name, flags);
}

// True when every '/'-separated component of `path` is a plain name (no "", "." or ".."): the
// folder cache serves only such paths.
bool plainRelative(const QString &path)
{
    if (path.isEmpty())
        return false;
    qsizetype start = 0;
    for (;;) {
        qsizetype end = path.indexOf(QLatin1Char('/'), start);
        if (end < 0)
            end = path.size();
        const QStringView part = QStringView(path).mid(start, end - start);
        if (part.isEmpty() || part == u"." || part == u"..")
            return false;
        if (end == path.size())
            return true;
        start = end + 1;
    }
}

// A file name in the file system's encoding (UTF-8), without an allocation for a short ASCII
// name: the probes of an import name a million files.
class NativeName
{
public:
    explicit NativeName(QStringView name)
    {
        if (name.size() < qsizetype(sizeof m_ascii)) {
            qsizetype i = 0;
            for (; i < name.size(); ++i) {
                const char16_t c = name.at(i).unicode();
                if (c == 0 || c >= 0x80)
                    break;
                m_ascii[i] = char(c);
            }
            if (i == name.size()) {
                m_ascii[i] = '\0';
                m_text = m_ascii;
                return;
            }
        }
        m_other = QFile::encodeName(name.toString());
        m_text = m_other.constData();
    }
    NativeName(const NativeName &) = delete;
    NativeName &operator=(const NativeName &) = delete;

    const char *data() const { return m_text; }

private:
    char m_ascii[256];
    QByteArray m_other;
    const char *m_text = nullptr;
};

} // namespace

// A folder of the data root, resolved and opened once.
struct DataRootFile::Folder
{
    QString canonical; // every link resolved; empty when the folder does not exist
    int fd = -1;       // open on `canonical`; -1 when it does not exist

    ~Folder()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

struct DataRootFile::Folders
{
    // Descriptors held at most; past it the cache starts again (holders keep theirs alive).
    static constexpr qsizetype maxOpen = 256;
    // Tells this cache from any other in a thread's LastFolder, even one at the same address.
    const quint64 serial = nextSerial();
    QMutex mutex;
    QHash<QString, std::shared_ptr<const Folder>> byPath; // relative to the data root
    qsizetype open = 0;

    static quint64 nextSerial()
    {
        static std::atomic<quint64> last {0};
        return ++last;
    }
};

DataRootFile::DataRootFile(const QString &dataRoot, const QString &projectPath)
    : m_dataRoot(QDir::cleanPath(QDir(dataRoot).absolutePath()))
    , m_projectFiles(projectPath)
    , m_folders(std::make_shared<Folders>())
{
    m_canonicalRoot = QFileInfo(m_dataRoot).canonicalFilePath();
    if (m_canonicalRoot.isEmpty())
        m_canonicalRoot = m_dataRoot;
}

std::shared_ptr<const DataRootFile::Folder> DataRootFile::folderOf(const QString &relativePath,
                                                                   QStringView *name) const
{
    if (!plainRelative(relativePath))
        return nullptr;
    const qsizetype slash = relativePath.lastIndexOf(QLatin1Char('/'));
    *name = QStringView(relativePath).mid(slash + 1);
    // The folder this thread found last: the files of a log mostly share a few folders, and the
    // probes of an import run on the same few threads, so most lookups end here without taking
    // the cache's lock or hashing. It does not keep the folder (nor its descriptor) alive.
    struct LastFolder
    {
        quint64 serial = 0; // of the Folders it came from; 0: none
        QString path;
        std::weak_ptr<const Folder> folder;
    };
    thread_local LastFolder lastFolder;
    const QStringView folderView
            = slash < 0 ? QStringView() : QStringView(relativePath).left(slash);
    if (lastFolder.serial == m_folders->serial && lastFolder.path == folderView) {
        if (auto folder = lastFolder.folder.lock())
            return folder;
    }
    const QString folderPath = folderView.toString();
    auto remembered = [&folderPath, this](const std::shared_ptr<const Folder> &folder) {
        lastFolder = {m_folders->serial, folderPath, folder};
        return folder;
    };
    {
        QMutexLocker lock(&m_folders->mutex);
        const auto found = m_folders->byPath.constFind(folderPath);
        if (found != m_folders->byPath.cend())
            return remembered(found.value());
    }
    // Resolved outside the lock: two threads may resolve the same folder, the first one kept.
    auto folder = std::make_shared<Folder>();
    const QString absolute
            = folderPath.isEmpty() ? m_dataRoot : m_dataRoot + QLatin1Char('/') + folderPath;
    folder->canonical = QFileInfo(absolute).canonicalFilePath();
    if (!folder->canonical.isEmpty()) {
        const bool inside = m_canonicalRoot == QLatin1String("/")
                            || folder->canonical == m_canonicalRoot
                            || folder->canonical.startsWith(m_canonicalRoot + QLatin1Char('/'));
        if (!inside)
            return nullptr; // refused file by file, with its own resolution in the message
        folder->fd = ::open(QFile::encodeName(folder->canonical).constData(),
                            O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (folder->fd < 0)
            return nullptr; // not a folder (any more): the full resolution says what it is
    }
    QMutexLocker lock(&m_folders->mutex);
    const auto found = m_folders->byPath.constFind(folderPath);
    if (found != m_folders->byPath.cend())
        return remembered(found.value());
    if (m_folders->open >= Folders::maxOpen || m_folders->byPath.size() >= 16 * Folders::maxOpen) {
        m_folders->byPath.clear();
        m_folders->open = 0;
    }
    m_folders->open += folder->fd >= 0 ? 1 : 0;
    m_folders->byPath.insert(folderPath, folder);
    return remembered(folder);
}

DataRootFile::Check DataRootFile::check(const QString &relativePath) const
{
    QStringView name;
    const auto folder = folderOf(relativePath, &name);
    if (!folder)
        return checkResolved(relativePath);
    if (folder->fd < 0)
        return {}; // its folder does not exist: missing
    bool link = false;
    Check result = checkInFolder(*folder, name, NativeName(name).data(), relativePath, &link);
    if (result.status == Status::Regular && !link) {
        result.canonicalPath.reserve(folder->canonical.size() + 1 + name.size());
        if (folder->canonical != QLatin1String("/"))
            result.canonicalPath.append(folder->canonical);
        result.canonicalPath.append(QLatin1Char('/')).append(name);
    }
    return result;
}

DataRootFile::Check DataRootFile::checkInFolder(const Folder &folder, QStringView name,
                                                const char *nativeName, const QString &relativePath,
                                                bool *link) const
{
    struct stat status
    { };
    if (::fstatat(folder.fd, nativeName, &status, AT_SYMLINK_NOFOLLOW) != 0)
        return {}; // nothing there: missing
    if (S_ISLNK(status.st_mode)) {
        *link = true;
        return checkResolved(relativePath);
    }
    const QStringView prefix = folder.canonical == QLatin1String("/")
                                       ? QStringView()
                                       : QStringView(folder.canonical);
    return checkStatus(relativePath, prefix, name, status);
}

DataRootFile::Check DataRootFile::checkResolved(const QString &relativePath) const
{
    Check result;
    const QString absolute = m_dataRoot + QLatin1Char('/') + relativePath;
    const QString canonical = QFileInfo(absolute).canonicalFilePath();
    if (canonical.isEmpty())
        return result; // nothing there, or a link to nothing: missing, never read
    const bool inside = m_canonicalRoot == QLatin1String("/")
                                ? true
                                : canonical.startsWith(m_canonicalRoot + QLatin1Char('/'));
    if (!inside) {
        result.status = Status::Refused;
        result.reason
                = QCoreApplication::translate(
                          "Boucle::DataRootFile",
                          "'%1' leads to %2, outside the data root %3 (symbolic links must stay "
                          "inside it)")
                          .arg(relativePath, QDir::toNativeSeparators(canonical),
                               QDir::toNativeSeparators(m_canonicalRoot));
        return result;
    }
    struct stat status
    { };
    if (::stat(QFile::encodeName(canonical).constData(), &status) != 0)
        return result;
    const qsizetype slash = canonical.lastIndexOf(QLatin1Char('/'));
    result = checkStatus(relativePath, QStringView(canonical).left(slash),
                         QStringView(canonical).mid(slash + 1), status);
    if (result.status == Status::Regular)
        result.canonicalPath = canonical;
    return result;
}

DataRootFile::Check DataRootFile::checkStatus(const QString &relativePath,
                                              QStringView canonicalFolder, QStringView name,
                                              const struct stat &status) const
{
    Check result;
    if (m_projectFiles.contains(canonicalFolder, name, quint64(status.st_dev),
                                quint64(status.st_ino))) {
        result.status = Status::Refused;
        result.reason = QCoreApplication::translate("Boucle::DataRootFile",
                                                    "'%1' is the project's own database file")
                                .arg(relativePath);
        return result;
    }
    if (!S_ISREG(status.st_mode)) {
        result.status = Status::Refused;
        result.reason = QCoreApplication::translate("Boucle::DataRootFile",
                                                    "'%1' is %2, not a regular file")
                                .arg(relativePath, kindOf(status.st_mode));
        return result;
    }
    if (qint64(status.st_size) > maxFileBytes) {
        result.status = Status::Refused;
        result.reason = QCoreApplication::translate(
                                "Boucle::DataRootFile",
                                "'%1' is %2 GiB; sample and heatmap files are limited to %3 GiB")
                                .arg(relativePath, gibibytes(qint64(status.st_size)),
                                     gibibytes(maxFileBytes));
        return result;
    }
    result.status = Status::Regular;
    result.size = qint64(status.st_size);
    result.modifiedNs = qint64(status.st_mtim.tv_sec) * 1000000000 + qint64(status.st_mtim.tv_nsec);
    return result;
}

bool DataRootFile::open(const QString &relativePath, QFile &file, Check *check) const
{
    Check found = this->check(relativePath);
    if (found.status == Status::Regular) {
        // Checked again on the descriptor: the path may have changed since check().
        QString reason;
        if (!RegularFile::openInto(file, found.canonicalPath, maxFileBytes, &reason)) {
            found.status
                    = QFileInfo::exists(found.canonicalPath) ? Status::Refused : Status::Missing;
            found.reason = QCoreApplication::translate("Boucle::DataRootFile",
                                                       "'%1' cannot be opened: %2")
                                   .arg(relativePath, reason);
        }
    }
    const bool opened = found.status == Status::Regular;
    if (check)
        *check = std::move(found);
    return opened;
}

int DataRootFile::openDescriptor(const QString &relativePath, Check *check) const
{
    QStringView name;
    const auto folder = folderOf(relativePath, &name);
    Check found;
    int fd = -1;
    bool link = false;
    if (folder && folder->fd >= 0) {
        const NativeName nativeName(name);
        found = checkInFolder(*folder, name, nativeName.data(), relativePath, &link);
        // A file that is a link was resolved in full: it is opened by its resolved path below.
        if (found.status == Status::Regular && !link) {
            // O_NOFOLLOW: a file swapped for a link since the check is refused (ELOOP), and
            // O_NONBLOCK: one swapped for a FIFO does not block; fstat says what was opened.
            fd = openWithoutAccessTime(folder->fd, nativeName.data(),
                                       O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW);
            struct stat opened
            { };
            QString reason;
            if (fd < 0) {
                reason = QString::fromLocal8Bit(strerror(errno));
                if (errno == ENOENT)
                    found.status = Status::Missing;
            } else if (::fstat(fd, &opened) != 0) {
                reason = QString::fromLocal8Bit(strerror(errno));
            } else if (!S_ISREG(opened.st_mode)) {
                reason = kindOf(opened.st_mode);
            } else if (qint64(opened.st_size) > maxFileBytes) {
                reason = QCoreApplication::translate("Boucle::DataRootFile",
                                                     "it is %1 GiB, over the %2 GiB limit")
                                 .arg(gibibytes(qint64(opened.st_size)), gibibytes(maxFileBytes));
            } else {
                found.size = qint64(opened.st_size);
                found.modifiedNs = qint64(opened.st_mtim.tv_sec) * 1000000000
                                   + qint64(opened.st_mtim.tv_nsec);
            }
            if (!reason.isEmpty()) {
                if (fd >= 0)
                    ::close(fd);
                fd = -1;
                if (found.status == Status::Regular)
                    found.status = Status::Refused;
                found.reason = QCoreApplication::translate("Boucle::DataRootFile",
                                                           "'%1' cannot be opened: %2")
                                       .arg(relativePath, reason);
            }
        }
    }
    if (!folder || (folder->fd >= 0 && link && found.status == Status::Regular)) {
        QFile file;
        if (open(relativePath, file, &found)) {
            fd = ::fcntl(file.handle(), F_DUPFD_CLOEXEC, 0);
            if (fd < 0) {
                found.status = Status::Refused;
                found.reason = QCoreApplication::translate("Boucle::DataRootFile",
                                                           "'%1' cannot be opened: %2")
                                       .arg(relativePath, QString::fromLocal8Bit(strerror(errno)));
            }
        }
    }
    if (check)
        *check = std::move(found);
    return fd;
}

bool DataRootFile::openInput(const QString &path, QFile &file, QString *error)
{
    struct stat status
    { };
    if (::stat(QFile::encodeName(path).constData(), &status) != 0) {
        *error = errno == ENOENT ? QCoreApplication::translate("Boucle::DataRootFile",
                                                               "the file does not exist")
                                 : QCoreApplication::translate("Boucle::DataRootFile",
                                                               "cannot read the file (%1)")
                                           .arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    if (!S_ISREG(status.st_mode)) {
        *error = QCoreApplication::translate("Boucle::DataRootFile",
                                             "this is %1, not a regular file")
                         .arg(kindOf(status.st_mode));
        return false;
    }
    // Opened without blocking and checked again on the descriptor.
    if (!RegularFile::openInto(file, path, std::numeric_limits<qint64>::max(), error))
        return false;
    return true;
}

} // namespace Boucle
