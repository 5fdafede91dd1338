// TemporaryProject: a fresh Boucle project, removed with the object. A project file in a
// QTemporaryDir by default; when the environment variable BOUCLE_TEST_BACKEND is `postgresql`
// (the `@postgresql` entries of ctest), a project on a throwaway PostgreSQL server shared by the
// whole test process (started on first use, stopped when the application object goes away). The
// folder is made either way: it is the data root and holds the files a test writes.
// Test thread only.
#pragma once

#include "store/projectstore.h"

#include <QTemporaryDir>

namespace Boucle::Testing {

class TemporaryProject
{
public:
    TemporaryProject();

    // True when this process's projects live on the throwaway server.
    static bool onServer();
    // A project address on the shared throwaway server (started if need be), for a test that
    // creates a second project itself; the name is fresh in this process.
    static QString newServerProject();

    bool isValid() const { return m_valid; }
    bool isServer() const { return !m_serverUrl.isEmpty(); }
    QString directory() const { return m_dir.path(); }
    // The project file, or the server project's address: what ProjectStore::open takes.
    QString projectPath() const
    {
        return isServer() ? m_serverUrl : m_dir.filePath(QStringLiteral("project.boucle"));
    }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    ProjectStore &store() { return m_store; }
    // Writes a file under the project's folder (the data root), creating folders.
    bool writeFile(const QString &relativePath, const QByteArray &content);

    // Runs `sql` (statements separated by ';') on a server project through a connection of its
    // own, as a person with psql would. withoutSafeguards switches off the project's triggers
    // and foreign keys for that connection (session_replication_role = replica), as one would to
    // edit rows behind Boucle's back. False with `error` set when the server refused.
    bool runOnServer(const QString &sql, bool withoutSafeguards, QString *error = nullptr);

private:
    QTemporaryDir m_dir;
    QString m_serverUrl;
    ProjectStore m_store;
    bool m_valid = false;
};

} // namespace Boucle::Testing
