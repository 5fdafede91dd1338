// Reaching a project's PostgreSQL server through Qt's QPSQL driver, on a throwaway server this
// test starts itself (initdb into a temporary folder, a Unix socket, no TCP): a connection from
// an address, a clear error when nobody listens, notifications between two connections (what
// live updates stand on) and an advisory lock that serialises two writers (what the audit
// chain's append stands on).
#include "postgrescluster.h"
#include "store/serverconnection.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Boucle;
using Boucle::Testing::PostgresCluster;

class TestServerConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void anAddressOpensAConnection();
    void nobodyListeningIsAClearError();
    void aFileIsNotAServer();
    void aNotificationReachesTheOtherConnection();
    void anAdvisoryLockSerialisesTwoWriters();

private:
    QSqlDatabase connect(const QString &name);

    std::unique_ptr<PostgresCluster> m_cluster;
};

void TestServerConnection::initTestCase()
{
    QVERIFY2(ServerConnection::driverAvailable(),
             "Qt's QPSQL driver is missing (libqt6sql6-psql, packaging/install-dependencies.sh)");
    m_cluster = std::make_unique<PostgresCluster>();
    QVERIFY2(m_cluster->start(), qPrintable(m_cluster->problem()));
}

void TestServerConnection::cleanup()
{
    for (const auto &name : QSqlDatabase::connectionNames())
        QSqlDatabase::removeDatabase(name);
}

QSqlDatabase TestServerConnection::connect(const QString &name)
{
    const auto location = ProjectLocation::parse(m_cluster->projectUrl(QStringLiteral("p")));
    if (location.isError()) {
        qWarning() << location.error.message;
        return {};
    }
    if (auto error = ServerConnection::open(location.value, name)) {
        qWarning() << error.message;
        return {};
    }
    return QSqlDatabase::database(name, false);
}

void TestServerConnection::anAddressOpensAConnection()
{
    {
        auto db = connect(QStringLiteral("first"));
        QVERIFY(db.isOpen());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT current_user, version()")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), m_cluster->superUser());
        QVERIFY2(query.value(1).toString().startsWith(QStringLiteral("PostgreSQL 1")),
                 qPrintable(query.value(1).toString()));
    }
}

void TestServerConnection::nobodyListeningIsAClearError()
{
    QTemporaryDir empty;
    const auto location = ProjectLocation::parse(
            QStringLiteral("postgresql://postgres@/postgres?project=p&host=%1")
                    .arg(QString::fromUtf8(QUrl::toPercentEncoding(empty.path()))));
    QVERIFY2(location, qPrintable(location.error.message));
    const auto error = ServerConnection::open(location.value, QStringLiteral("nobody"));
    QVERIFY(error.isError());
    QVERIFY2(error.message.startsWith(QStringLiteral("Cannot connect to postgresql://")),
             qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("project=p")), qPrintable(error.message));
    QVERIFY(!ServerConnection::needsPassword(error));
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("nobody")));
}

void TestServerConnection::aFileIsNotAServer()
{
    const auto location = ProjectLocation::parse(QStringLiteral("/tmp/x.boucle"));
    QVERIFY(location);
    const auto error = ServerConnection::open(location.value, QStringLiteral("file"));
    QCOMPARE(error.code, StoreError::Code::InvalidArgument);
}

void TestServerConnection::aNotificationReachesTheOtherConnection()
{
    {
        auto listener = connect(QStringLiteral("listener"));
        auto writer = connect(QStringLiteral("writer"));
        QVERIFY(listener.isOpen() && writer.isOpen());
        QVERIFY(listener.driver()->subscribeToNotification(QStringLiteral("boucle_changes")));
        QSignalSpy spy(listener.driver(), &QSqlDriver::notification);
        QVERIFY(QSqlQuery(writer).exec(QStringLiteral("NOTIFY boucle_changes, 'reviews'")));
        QVERIFY(spy.wait(10000));
        QCOMPARE(spy.first().at(0).toString(), QStringLiteral("boucle_changes"));
        QCOMPARE(spy.first().at(1).value<QSqlDriver::NotificationSource>(),
                 QSqlDriver::OtherSource);
        QCOMPARE(spy.first().at(2).toString(), QStringLiteral("reviews"));
    }
}

void TestServerConnection::anAdvisoryLockSerialisesTwoWriters()
{
    {
        auto first = connect(QStringLiteral("a"));
        auto second = connect(QStringLiteral("b"));
        QVERIFY(first.isOpen() && second.isOpen());
        QVERIFY(first.transaction());
        QSqlQuery take(first);
        QVERIFY(take.exec(QStringLiteral("SELECT pg_advisory_xact_lock(4242)")));
        QSqlQuery probe(second);
        QVERIFY(probe.exec(QStringLiteral("SELECT pg_try_advisory_lock(4242)")));
        QVERIFY(probe.next());
        QCOMPARE(probe.value(0).toBool(), false); // held by the other transaction
        QVERIFY(first.commit());                  // released with it
        QVERIFY(probe.exec(QStringLiteral("SELECT pg_try_advisory_lock(4242)")));
        QVERIFY(probe.next());
        QCOMPARE(probe.value(0).toBool(), true);
    }
}

QTEST_GUILESS_MAIN(TestServerConnection)
#include "tst_serverconnection.moc"
