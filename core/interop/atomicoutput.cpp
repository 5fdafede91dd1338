#include "atomicoutput.h"

#include "store/projectfileidentity.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUuid>

#include <cstdio>

namespace Boucle {

namespace {

QString uniqueSibling(const QString &finalPath, const char *purpose)
{
    const QFileInfo info(finalPath);
    return info.absoluteDir().filePath(
            QStringLiteral(".%1.%2-%3")
                    .arg(info.fileName(), QLatin1String(purpose),
                         QUuid::createUuid().toString(QUuid::Id128).left(12)));
}

} // namespace

AtomicOutput::AtomicOutput(const QString &finalPath, Kind kind, const QString &projectPath)
    : m_final(QFileInfo(finalPath).absoluteFilePath())
    , m_projectPath(projectPath)
    , m_kind(kind)
{ }

AtomicOutput::~AtomicOutput()
{
    if (m_committed || m_staging.isEmpty())
        return;
    if (m_kind == Kind::Folder)
        QDir(m_staging).removeRecursively();
    else
        QFile::remove(m_staging);
}

bool AtomicOutput::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool AtomicOutput::begin()
{
    if (!m_projectPath.isEmpty() && isProjectDatabaseFile(m_projectPath, m_final))
        return fail(
                QCoreApplication::translate(
                        "Boucle::AtomicOutput",
                        "%1 is the project file or one of its SQLite files; choose another output")
                        .arg(QDir::toNativeSeparators(m_final)));
    const QFileInfo finalInfo(m_final);
    if (!finalInfo.absoluteDir().exists())
        return fail(
                QCoreApplication::translate("Boucle::AtomicOutput", "the folder %1 does not exist")
                        .arg(QDir::toNativeSeparators(finalInfo.absolutePath())));
    if (m_kind == Kind::Folder) {
        if (finalInfo.exists() && !finalInfo.isDir())
            return fail(QCoreApplication::translate(
                                "Boucle::AtomicOutput",
                                "%1 exists and is not a folder; this format writes a folder")
                                .arg(QDir::toNativeSeparators(m_final)));
        m_staging = uniqueSibling(m_final, "partial");
        if (!QDir().mkdir(m_staging))
            return fail(QCoreApplication::translate("Boucle::AtomicOutput",
                                                    "cannot create a folder beside %1")
                                .arg(QDir::toNativeSeparators(m_final)));
        return true;
    }
    if (finalInfo.isDir())
        return fail(QCoreApplication::translate("Boucle::AtomicOutput",
                                                "%1 is a folder; this format writes a file")
                            .arg(QDir::toNativeSeparators(m_final)));
    m_staging = uniqueSibling(m_final, "partial");
    return true;
}

bool AtomicOutput::writeFile(const QString &relativePath, const QByteArray &bytes)
{
    Q_ASSERT(m_kind == Kind::Folder);
    const QString path = QDir(m_staging).filePath(relativePath);
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return fail(
                QCoreApplication::translate("Boucle::AtomicOutput", "cannot create the folder %1")
                        .arg(QDir::toNativeSeparators(folder)));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()
        || !file.flush()) {
        return fail(QCoreApplication::translate("Boucle::AtomicOutput", "cannot write %1: %2")
                            .arg(QDir::toNativeSeparators(relativePath), file.errorString()));
    }
    return true;
}

bool AtomicOutput::link(const QString &relativePath, const QString &target)
{
    Q_ASSERT(m_kind == Kind::Folder);
    const QString path = QDir(m_staging).filePath(relativePath);
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return fail(
                QCoreApplication::translate("Boucle::AtomicOutput", "cannot create the folder %1")
                        .arg(QDir::toNativeSeparators(folder)));
    if (!QFile::link(target, path))
        return fail(
                QCoreApplication::translate("Boucle::AtomicOutput", "cannot make the link %1 to %2")
                        .arg(QDir::toNativeSeparators(relativePath),
                             QDir::toNativeSeparators(target)));
    return true;
}

bool AtomicOutput::writeAll(const QByteArray &bytes)
{
    Q_ASSERT(m_kind == Kind::File);
    QFile file(m_staging);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()
        || !file.flush())
        return fail(
                QCoreApplication::translate("Boucle::AtomicOutput", "cannot write beside %1: %2")
                        .arg(QDir::toNativeSeparators(m_final), file.errorString()));
    return true;
}

bool AtomicOutput::commit()
{
    if (m_kind == Kind::File) {
        // rename() replaces the old file in one step: a reader sees the old or the new one.
        if (std::rename(QFile::encodeName(m_staging).constData(),
                        QFile::encodeName(m_final).constData())
            != 0)
            return fail(QCoreApplication::translate("Boucle::AtomicOutput",
                                                    "cannot move the export into place as %1")
                                .arg(QDir::toNativeSeparators(m_final)));
        m_committed = true;
        return true;
    }
    // A folder cannot be replaced in one step: the old one is moved aside first and removed only
    // once the new one is in place, so a failure leaves one of them whole.
    QString aside;
    if (QFileInfo::exists(m_final)) {
        aside = uniqueSibling(m_final, "previous");
        if (std::rename(QFile::encodeName(m_final).constData(),
                        QFile::encodeName(aside).constData())
            != 0)
            return fail(QCoreApplication::translate("Boucle::AtomicOutput",
                                                    "cannot move the previous %1 aside")
                                .arg(QDir::toNativeSeparators(m_final)));
    }
    if (std::rename(QFile::encodeName(m_staging).constData(),
                    QFile::encodeName(m_final).constData())
        != 0) {
        if (!aside.isEmpty())
            std::rename(QFile::encodeName(aside).constData(),
                        QFile::encodeName(m_final).constData());
        return fail(QCoreApplication::translate("Boucle::AtomicOutput",
                                                "cannot move the export into place as %1")
                            .arg(QDir::toNativeSeparators(m_final)));
    }
    m_committed = true;
    if (!aside.isEmpty())
        QDir(aside).removeRecursively();
    return true;
}

} // namespace Boucle
