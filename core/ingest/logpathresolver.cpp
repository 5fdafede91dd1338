#include "logpathresolver.h"

#include <QCoreApplication>
#include <QDir>

namespace Boucle {

namespace {

// True when every '/'-separated component is a plain name (not "", "." or ".."): such a path is
// already clean, and joining it to a clean prefix needs no QDir::cleanPath.
bool plainPath(const QString &path)
{
    qsizetype componentStart = 0;
    const qsizetype size = path.size();
    const QChar *data = path.constData();
    for (qsizetype i = 0; i <= size; ++i) {
        if (i < size && data[i] != QLatin1Char('/'))
            continue;
        const qsizetype length = i - componentStart;
        if (length == 0)
            return false;
        if (data[componentStart] == QLatin1Char('.')
            && (length == 1 || (length == 2 && data[componentStart + 1] == QLatin1Char('.'))))
            return false;
        componentStart = i + 1;
    }
    return true;
}

} // namespace

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
    // no file system call, and a path that is already clean no QDir::cleanPath either.
    if (m_logInsideRoot && plainPath(written))
        return m_prefix.isEmpty() ? written : m_prefix + written;
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
