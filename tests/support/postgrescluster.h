// PostgresCluster: a throwaway PostgreSQL 15 server for one test process. initdb into a
// temporary folder, pg_ctl start listening on a Unix socket in that folder only (no TCP port,
// so parallel test processes never collide), trust authentication on that socket; stopped and
// removed with the object. Run as root, the server runs as the `postgres` user (PostgreSQL
// refuses to run as root). Test thread only.
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace Boucle::Testing {

class PostgresCluster
{
public:
    PostgresCluster();
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster &) = delete;
    PostgresCluster &operator=(const PostgresCluster &) = delete;

    // Before start(): the server asks every connection for a password (scram-sha-256) instead
    // of trusting the socket; the super user's password is `password`.
    void requirePassword(const QString &password) { m_password = password; }
    // Starts the server; false with `problem()` saying why (missing binaries, initdb failed).
    bool start();
    QString problem() const { return m_problem; }

    QString socketFolder() const { return m_dir.path(); }
    QString superUser() const { return QStringLiteral("postgres"); }
    // A project address on this server's `postgres` database.
    QString projectUrl(const QString &project) const;

private:
    bool run(const QString &program, const QStringList &arguments);

    QTemporaryDir m_dir;
    QString m_binaries;
    QString m_problem;
    QString m_password;
    bool m_started = false;
};

} // namespace Boucle::Testing
