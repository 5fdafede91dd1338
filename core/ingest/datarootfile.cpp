#include "datarootfile.h"

#include "imaging/regularfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <limits>

#include <sys/stat.h>

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

} // namespace

DataRootFile::DataRootFile(const QString &dataRoot, const QString &projectPath)
    : m_dataRoot(QDir::cleanPath(QDir(dataRoot).absolutePath()))
    , m_projectFiles(projectPath)
{
    m_canonicalRoot = QFileInfo(m_dataRoot).canonicalFilePath();
    if (m_canonicalRoot.isEmpty())
        m_canonicalRoot = m_dataRoot;
}

DataRootFile::Check DataRootFile::check(const QString &relativePath) const
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
    if (m_projectFiles.contains(canonical, quint64(status.st_dev), quint64(status.st_ino))) {
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
    result.canonicalPath = canonical;
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
