// TemporaryProject: a fresh Boucle project in a QTemporaryDir, removed with the object.
// Test thread only.
#pragma once

#include "store/projectstore.h"

#include <QTemporaryDir>

namespace Boucle::Testing {

class TemporaryProject
{
public:
    TemporaryProject();

    bool isValid() const { return m_valid; }
    QString directory() const { return m_dir.path(); }
    QString projectPath() const { return m_dir.filePath(QStringLiteral("project.boucle")); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    ProjectStore &store() { return m_store; }
    // Writes a file under the project's folder (the data root), creating folders.
    bool writeFile(const QString &relativePath, const QByteArray &content);

private:
    QTemporaryDir m_dir;
    ProjectStore m_store;
    bool m_valid = false;
};

} // namespace Boucle::Testing
