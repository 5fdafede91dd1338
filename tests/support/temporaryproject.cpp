#include "temporaryproject.h"

#include "postgrescluster.h"
#include "store/projectlocation.h"
#include "store/serverconnection.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace Boucle::Testing {

namespace {

std::unique_ptr<PostgresCluster> &sharedCluster()
{
    static std::unique_ptr<PostgresCluster> cluster;
    return cluster;
}

void stopSharedCluster()
{
    sharedCluster().reset();
}

// The one server of this process. A run asked for PostgreSQL must not pass on SQLite: when the
// server cannot start, the process stops here with the reason.
PostgresCluster &cluster()
{
    auto &cluster = sharedCluster();
    if (!cluster) {
        if (!ServerConnection::driverAvailable()) {
            std::fprintf(stderr, "BOUCLE_TEST_BACKEND=postgresql, but Qt's PostgreSQL driver is "
                                 "not installed (Debian package libqt6sql6-psql)\n");
            std::fflush(stderr);
            std::_Exit(2);
        }
        cluster = std::make_unique<PostgresCluster>();
        if (!cluster->start()) {
            std::fprintf(stderr,
                         "BOUCLE_TEST_BACKEND=postgresql, but the throwaway PostgreSQL server "
                         "cannot start: %s\n",
                         qPrintable(cluster->problem()));
            std::fflush(stderr);
            std::_Exit(2);
        }
        qAddPostRoutine(stopSharedCluster);
    }
    return *cluster;
}

} // namespace

bool TemporaryProject::onServer()
{
    return qEnvironmentVariable("BOUCLE_TEST_BACKEND")
                   .compare(QLatin1String("postgresql"), Qt::CaseInsensitive)
           == 0;
}

QString TemporaryProject::newServerProject()
{
    static int counter = 0;
    return cluster().projectUrl(QStringLiteral("project_%1").arg(++counter));
}

TemporaryProject::TemporaryProject()
{
    if (!m_dir.isValid())
        return;
    if (onServer())
        m_serverUrl = newServerProject();
    const auto error = m_store.create(projectPath(), m_dir.path());
    if (error && onServer()) {
        std::fprintf(stderr, "cannot create %s: %s\n", qPrintable(m_serverUrl),
                     qPrintable(error.message));
        std::fflush(stderr);
    }
    m_valid = !error.isError();
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

bool TemporaryProject::runOnServer(const QString &sql, bool withoutSafeguards, QString *error)
{
    if (!isServer()) {
        if (error)
            *error = QStringLiteral("not a server project");
        return false;
    }
    const auto location = ProjectLocation::parse(m_serverUrl);
    const QString name = QStringLiteral("outside-%1").arg(quintptr(this));
    bool ok = true;
    QString problem;
    if (const auto opened = ServerConnection::open(location.value, name)) {
        problem = opened.message;
        ok = false;
    } else {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            QSqlQuery query(db);
            QStringList statements {
                    QStringLiteral("SET search_path TO %1").arg(location.value.project())};
            if (withoutSafeguards)
                statements.append(QStringLiteral("SET session_replication_role = replica"));
            for (const auto &statement : sql.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
                if (!statement.trimmed().isEmpty())
                    statements.append(statement.trimmed());
            }
            for (const auto &statement : std::as_const(statements)) {
                if (!query.exec(statement)) {
                    problem = statement + QStringLiteral(": ") + query.lastError().text();
                    ok = false;
                    break;
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    if (error)
        *error = problem;
    return ok;
}

} // namespace Boucle::Testing
