#include "logpathresolver.h"

#include <QCoreApplication>
#include <QDir>

namespace Boucle {

LogPathResolver::LogPathResolver(const QString &logFolder, const QString &dataRoot)
    : m_logFolder(QDir::cleanPath(QDir(logFolder).absolutePath()))
    , m_dataRoot(QDir::cleanPath(QDir(dataRoot).absolutePath()))
{
    const QString relative = QDir(m_dataRoot).relativeFilePath(m_logFolder);
    m_logInsideRoot = relative != QLatin1String("..") && !relative.startsWith(QLatin1String("../"))
                      && !QDir::isAbsolutePath(relative);
    if (m_logInsideRoot && relative != QLatin1String("."))
        m_prefix = relative + QLatin1Char('/');
}

QString LogPathResolver::resolve(const QString &written, QString *error) const
{
    if (written.isEmpty()) {
        *error = QCoreApplication::translate("Boucle::LogPathResolver", "the path is empty");
        return {};
    }
    const bool windowsAbsolute = written.size() > 1 && written.at(1) == QLatin1Char(':');
    if (QDir::isAbsolutePath(written) || written.startsWith(QLatin1Char('\\')) || windowsAbsolute) {
        *error = QCoreApplication::translate(
                "Boucle::LogPathResolver",
                "absolute paths are refused; write the path relative to the log's folder");
        return {};
    }
    if (written.contains(QLatin1Char('\\'))) {
        *error = QCoreApplication::translate("Boucle::LogPathResolver",
                                             "use '/' to separate folders in paths");
        return {};
    }
    if (written.contains(QChar(0))) {
        *error = QCoreApplication::translate("Boucle::LogPathResolver",
                                             "the path contains a NUL character");
        return {};
    }
    if (written.endsWith(QLatin1Char('/')) || written == QLatin1String(".")
        || written.endsWith(QLatin1String("/."))) {
        *error = QCoreApplication::translate("Boucle::LogPathResolver",
                                             "the path names a folder, not a file");
        return {};
    }
    // The common case (the log sits inside the data root, the path has no "." or "..") needs
    // no file system call.
    QString joined = m_logInsideRoot ? QDir::cleanPath(m_prefix + written)
                                     : QDir(m_dataRoot)
                                               .relativeFilePath(QDir::cleanPath(
                                                       m_logFolder + QLatin1Char('/') + written));
    if (joined == QLatin1String("..") || joined.startsWith(QLatin1String("../"))
        || QDir::isAbsolutePath(joined)) {
        *error = QCoreApplication::translate("Boucle::LogPathResolver",
                                             "the path leaves the data root %1")
                         .arg(QDir::toNativeSeparators(m_dataRoot));
        return {};
    }
    if (joined == QLatin1String(".")) {
        *error = QCoreApplication::translate("Boucle::LogPathResolver",
                                             "the path names a folder, not a file");
        return {};
    }
    return joined;
}

QString LogPathResolver::absolute(const QString &relativeToDataRoot) const
{
    return m_dataRoot + QLatin1Char('/') + relativeToDataRoot;
}

} // namespace Boucle
