#include "settledfiles.h"

#include <QDir>
#include <QFileInfo>

namespace Boucle {

SettledFiles::SettledFiles(const QString &folder, qint64 settleMs)
    : m_folder(QDir(folder).absolutePath())
    , m_settleMs(settleMs)
{ }

bool SettledFiles::isCandidateName(const QString &fileName)
{
    if (fileName.startsWith(QLatin1Char('.')) || fileName.endsWith(QLatin1Char('~')))
        return false;
    const QString lower = fileName.toLower();
    for (const char *temporary : {".part", ".tmp", ".partial", ".crdownload", ".swp"})
        if (lower.endsWith(QLatin1String(temporary)))
            return false;
    for (const char *log : {".jsonl", ".ndjson", ".csv"})
        if (lower.endsWith(QLatin1String(log)))
            return true;
    return false;
}

QStringList SettledFiles::look(qint64 nowMs)
{
    QStringList settled;
    QHash<QString, Seen> seenNow;
    const QDir dir(m_folder);
    const auto entries
            = dir.entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &info : entries) {
        if (!isCandidateName(info.fileName()) || !info.isFile())
            continue;
        const QString path = info.absoluteFilePath();
        Seen now {info.size(), info.lastModified(), nowMs};
        const auto before = m_seen.constFind(path);
        if (before != m_seen.cend() && before->size == now.size && before->modified == now.modified)
            now.since = before->since;
        seenNow.insert(path, now);
        if (nowMs - now.since >= m_settleMs)
            settled.append(path);
    }
    m_seen = seenNow;
    return settled;
}

} // namespace Boucle
