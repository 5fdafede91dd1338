#include "imaging/regularfile.h"

#include <QCoreApplication>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Boucle {

QString RegularFile::tooLargeReason(qint64 size, qint64 maxBytes)
{
    return QCoreApplication::translate("Boucle::RegularFile",
                                       "the file is %1, more than the %2 Boucle reads for it")
            .arg(RegularFile::describeBytes(size), RegularFile::describeBytes(maxBytes));
}

namespace {

#ifdef Q_OS_UNIX
QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return QCoreApplication::translate("Boucle::RegularFile", "it is a folder, not a file");
    if (S_ISFIFO(mode))
        return QCoreApplication::translate("Boucle::RegularFile",
                                           "it is a named pipe (FIFO), not a regular file");
    if (S_ISCHR(mode))
        return QCoreApplication::translate("Boucle::RegularFile",
                                           "it is a character device, not a regular file");
    if (S_ISBLK(mode))
        return QCoreApplication::translate("Boucle::RegularFile",
                                           "it is a block device, not a regular file");
    if (S_ISSOCK(mode))
        return QCoreApplication::translate("Boucle::RegularFile",
                                           "it is a socket, not a regular file");
    return QCoreApplication::translate("Boucle::RegularFile", "it is not a regular file");
}

QString fromErrno(int error)
{
    switch (error) {
    case ENOENT:
    case ENOTDIR:
        return QCoreApplication::translate("Boucle::RegularFile", "the file does not exist");
    case EACCES:
    case EPERM:
        return QCoreApplication::translate("Boucle::RegularFile",
                                           "the file cannot be read (permissions)");
    case ELOOP:
        return QCoreApplication::translate("Boucle::RegularFile", "its symbolic links loop");
    default:
        return QCoreApplication::translate("Boucle::RegularFile", "the file cannot be read (%1)")
                .arg(QString::fromLocal8Bit(std::strerror(error)));
    }
}
#endif

} // namespace

bool RegularFile::open(const QString &path, qint64 maxBytes)
{
    m_reason.clear();
    m_size = 0;
    if (!openInto(m_file, path, maxBytes, &m_reason))
        return false;
    m_size = m_file.size();
    return true;
}

bool RegularFile::openInto(QFile &file, const QString &path, qint64 maxBytes, QString *reason)
{
    file.close();
    const auto refuse = [reason](const QString &why) {
        if (reason)
            *reason = why;
        return false;
    };
    if (path.isEmpty() || path.contains(QChar(0)))
        return refuse(
                QCoreApplication::translate("Boucle::RegularFile", "the file does not exist"));
#ifdef Q_OS_UNIX
    const QByteArray native = QFile::encodeName(path);
    // stat first, so that a pipe or a device is never opened at all (opening one can block, and
    // opening some devices has effects).
    struct stat before = {};
    if (::stat(native.constData(), &before) != 0)
        return refuse(fromErrno(errno));
    if (!S_ISREG(before.st_mode))
        return refuse(kindOf(before.st_mode));
    if (before.st_size > maxBytes)
        return refuse(tooLargeReason(before.st_size, maxBytes));
    // Should the path have become a pipe since, O_NONBLOCK makes open() return at once and the
    // fstat below refuses it. The flag stays: regular files ignore it.
    const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return refuse(fromErrno(errno));
    struct stat opened = {};
    QString refusal;
    if (::fstat(fd, &opened) != 0)
        refusal = fromErrno(errno);
    else if (!S_ISREG(opened.st_mode))
        refusal = kindOf(opened.st_mode);
    else if (opened.st_size > maxBytes)
        refusal = tooLargeReason(opened.st_size, maxBytes);
    if (!refusal.isEmpty()) {
        ::close(fd);
        return refuse(refusal);
    }
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return refuse(
                QCoreApplication::translate("Boucle::RegularFile", "the file cannot be read (%1)")
                        .arg(file.errorString()));
    }
#else
    const QFileInfo info(path);
    if (!info.exists())
        return refuse(
                QCoreApplication::translate("Boucle::RegularFile", "the file does not exist"));
    if (!info.isFile())
        return refuse(
                QCoreApplication::translate("Boucle::RegularFile", "it is not a regular file"));
    if (info.size() > maxBytes)
        return refuse(tooLargeReason(info.size(), maxBytes));
    file.setFileName(path);
    if (!file.open(QIODevice::ReadOnly))
        return refuse(
                QCoreApplication::translate("Boucle::RegularFile", "the file cannot be read (%1)")
                        .arg(file.errorString()));
#endif
    return true;
}

QByteArray RegularFile::read(qint64 offset, qint64 count)
{
    if (!m_file.isOpen() || offset < 0 || count <= 0 || offset >= m_size || !m_file.seek(offset))
        return {};
    // Never more than the file held when it was opened: a file that grows is read as it was.
    return m_file.read(std::min(count, m_size - offset));
}

std::optional<QByteArray> RegularFile::readAll(const QString &path, qint64 maxBytes,
                                               QString *reason)
{
    RegularFile file;
    if (!file.open(path, maxBytes)) {
        if (reason)
            *reason = file.reason();
        return std::nullopt;
    }
    return file.read(0, file.size());
}

QString RegularFile::describeBytes(qint64 bytes)
{
    if (bytes < 1000)
        return QCoreApplication::translate("Boucle::RegularFile", "%n byte(s)", nullptr,
                                           int(bytes));
    if (bytes < 1000 * 1000)
        return QCoreApplication::translate("Boucle::RegularFile", "%1 kB")
                .arg(double(bytes) / 1e3, 0, 'f', 1);
    if (bytes < 1000ll * 1000 * 1000)
        return QCoreApplication::translate("Boucle::RegularFile", "%1 MB")
                .arg(double(bytes) / 1e6, 0, 'f', bytes < 10'000'000 ? 1 : 0);
    return QCoreApplication::translate("Boucle::RegularFile", "%1 GB")
            .arg(double(bytes) / 1e9, 0, 'f', 1);
}

} // namespace Boucle
