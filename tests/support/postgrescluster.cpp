#include "postgrescluster.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QUrl>

#include <pwd.h>
#include <unistd.h>

namespace Boucle::Testing {

namespace {

// Debian keeps the server programs out of PATH, per major version.
QString findBinaries()
{
    for (const char *folder : {"/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin"}) {
        if (QFileInfo::exists(QString::fromLatin1(folder) + QStringLiteral("/initdb")))
            return QString::fromLatin1(folder);
    }
    return {};
}

} // namespace

PostgresCluster::PostgresCluster()
    : m_dir(QDir::tempPath() + QStringLiteral("/boucle-pg-XXXXXX"))
    , m_binaries(findBinaries())
{ }

PostgresCluster::~PostgresCluster()
{
    if (m_started) {
        run(m_binaries + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
             QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")});
    }
}

bool PostgresCluster::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (geteuid() == 0) {
        process.start(QStringLiteral("runuser"),
                      QStringList {QStringLiteral("-u"), QStringLiteral("postgres"),
                                   QStringLiteral("--"), program}
                              + arguments);
    } else {
        process.start(program, arguments);
    }
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        m_problem = QStringLiteral("%1 failed: %2")
                            .arg(QFileInfo(program).fileName(),
                                 QString::fromLocal8Bit(process.readAll()).right(800));
        return false;
    }
    return true;
}

bool PostgresCluster::start()
{
    if (m_started)
        return true;
    if (!m_dir.isValid()) {
        m_problem = QStringLiteral("cannot make a temporary folder");
        return false;
    }
    if (m_binaries.isEmpty()) {
        m_problem = QStringLiteral("PostgreSQL's server programs are not installed (Debian "
                                   "package postgresql; packaging/install-dependencies.sh)");
        return false;
    }
    if (geteuid() == 0) {
        if (QStandardPaths::findExecutable(QStringLiteral("runuser")).isEmpty()) {
            m_problem = QStringLiteral("running as root, but runuser (Debian package util-linux) "
                                       "is not there to start the server as the postgres user");
            return false;
        }
        const passwd *postgres = getpwnam("postgres");
        if (!postgres) {
            m_problem = QStringLiteral("running as root, but there is no postgres user to run "
                                       "the server as");
            return false;
        }
        if (chown(QFile::encodeName(m_dir.path()).constData(), postgres->pw_uid, postgres->pw_gid)
            != 0) {
            m_problem = QStringLiteral("cannot give %1 to the postgres user").arg(m_dir.path());
            return false;
        }
    }
    const QString data = m_dir.filePath(QStringLiteral("data"));
    QStringList initdb {QStringLiteral("-D"),
                        data,
                        QStringLiteral("-U"),
                        superUser(),
                        QStringLiteral("-E"),
                        QStringLiteral("UTF8"),
                        QStringLiteral("--locale=C.UTF-8"),
                        QStringLiteral("--no-sync")};
    if (m_password.isEmpty()) {
        initdb << QStringLiteral("-A") << QStringLiteral("trust");
    } else {
        const QString passwordFile = m_dir.filePath(QStringLiteral("password"));
        QFile file(passwordFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(m_password.toUtf8()) < 0) {
            m_problem = QStringLiteral("cannot write %1").arg(passwordFile);
            return false;
        }
        file.close();
        if (geteuid() == 0) {
            const passwd *postgres = getpwnam("postgres");
            if (!postgres
                || chown(QFile::encodeName(passwordFile).constData(), postgres->pw_uid,
                         postgres->pw_gid)
                           != 0) {
                m_problem = QStringLiteral("cannot give %1 to the postgres user").arg(passwordFile);
                return false;
            }
        }
        initdb << QStringLiteral("-A") << QStringLiteral("scram-sha-256")
               << QStringLiteral("--pwfile=%1").arg(passwordFile);
    }
    if (!run(m_binaries + QStringLiteral("/initdb"), initdb))
        return false;
    // Small and quick: no TCP, no fsync (a throwaway server), the socket in our folder.
    const QString options = QStringLiteral("-c listen_addresses='' -k %1 -c fsync=off "
                                           "-c full_page_writes=off -c max_connections=60")
                                    .arg(m_dir.path());
    if (!run(m_binaries + QStringLiteral("/pg_ctl"),
             {QStringLiteral("-D"), data, QStringLiteral("-o"), options, QStringLiteral("-l"),
              m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
              QStringLiteral("start")})) {
        return false;
    }
    m_started = true;
    return true;
}

QString PostgresCluster::projectUrl(const QString &project) const
{
    return QStringLiteral("postgresql://%1@/postgres?project=%2&host=%3")
            .arg(superUser(), project,
                 QString::fromUtf8(
                         QUrl::toPercentEncoding(socketFolder(), QByteArrayLiteral("/"))));
}

} // namespace Boucle::Testing
