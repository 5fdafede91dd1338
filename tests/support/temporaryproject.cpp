#include "temporaryproject.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Boucle::Testing {

TemporaryProject::TemporaryProject()
{
    if (!m_dir.isValid())
        return;
    m_valid = !m_store.create(projectPath(), m_dir.path()).isError();
}

bool TemporaryProject::writeFile(const QString &relativePath, const QByteArray &content)
{
    const QString path = m_dir.filePath(relativePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(content) == content.size();
}

} // namespace Boucle::Testing
