// Project addresses: a path is a file; a postgresql:// URL names a project on a server, and an
// address that cannot be used (a password in it, no project, a bad port) is refused with the
// part named and the password never repeated.
#include "store/projectlocation.h"

#include <QTest>

using namespace Boucle;

class TestProjectLocation : public QObject
{
    Q_OBJECT

private slots:
    void aPathIsAFile();
    void aServerAddressIsRead();
    void aSocketFolderAndIPv6AreRead();
    void theDisplayedAddressReadsBackTheSame();
    void unusableAddressesAreRefused_data();
    void unusableAddressesAreRefused();
    void aPasswordIsRefusedAndNeverRepeated();
};

void TestProjectLocation::aPathIsAFile()
{
    const auto parsed = ProjectLocation::parse(QStringLiteral("/data/cats.boucle"));
    QVERIFY2(parsed, qPrintable(parsed.error.message));
    QVERIFY(parsed.value.isFile());
    QCOMPARE(parsed.value.filePath(), QStringLiteral("/data/cats.boucle"));
    // A relative path that merely contains the scheme's words is still a path.
    QVERIFY(ProjectLocation::parse(QStringLiteral("postgresql.boucle")).value.isFile());
    QVERIFY(ProjectLocation::parse(QStringLiteral("  ")).isError());
}

void TestProjectLocation::aServerAddressIsRead()
{
    const auto parsed
            = ProjectLocation::parse(QStringLiteral("postgresql://ann%40lab@db.example.org:6543/"
                                                    "triage?project=chest_xray&sslmode=require"));
    QVERIFY2(parsed, qPrintable(parsed.error.message));
    const auto &location = parsed.value;
    QCOMPARE(location.kind(), ProjectLocation::Kind::Postgres);
    QCOMPARE(location.user(), QStringLiteral("ann@lab"));
    QCOMPARE(location.host(), QStringLiteral("db.example.org"));
    QCOMPARE(location.port(), 6543);
    QCOMPARE(location.database(), QStringLiteral("triage"));
    QCOMPARE(location.project(), QStringLiteral("chest_xray"));
    QCOMPARE(location.sslMode(), QStringLiteral("require"));
    QVERIFY(location.connectOptions().contains(QStringLiteral("sslmode=require")));
    QVERIFY(location.connectOptions().contains(QStringLiteral("connect_timeout=")));

    const auto plain = ProjectLocation::parse(QStringLiteral("postgres://h/d?project=p"));
    QVERIFY2(plain, qPrintable(plain.error.message));
    QCOMPARE(plain.value.port(), 5432);
    QVERIFY(plain.value.user().isEmpty());
}

void TestProjectLocation::aSocketFolderAndIPv6AreRead()
{
    const auto socket = ProjectLocation::parse(
            QStringLiteral("postgresql://bob@/triage?project=p1&host=%2Fvar%2Frun%2Fpostgresql"));
    QVERIFY2(socket, qPrintable(socket.error.message));
    QCOMPARE(socket.value.host(), QStringLiteral("/var/run/postgresql"));
    QCOMPARE(socket.value.user(), QStringLiteral("bob"));

    const auto v6 = ProjectLocation::parse(QStringLiteral("postgresql://[::1]:5433/d?project=p"));
    QVERIFY2(v6, qPrintable(v6.error.message));
    QCOMPARE(v6.value.host(), QStringLiteral("::1"));
    QCOMPARE(v6.value.port(), 5433);
}

void TestProjectLocation::theDisplayedAddressReadsBackTheSame()
{
    for (const char *address :
         {"postgresql://ann@db:6543/triage?project=chest_xray&sslmode=verify-full",
          "postgresql://bob@/triage?project=p1&host=%2Ftmp%2Fsock&port=5999",
          "postgresql://[::1]:5433/d?project=p"}) {
        const auto first = ProjectLocation::parse(QString::fromLatin1(address));
        QVERIFY2(first, address);
        const auto second = ProjectLocation::parse(first.value.displayText());
        QVERIFY2(second, qPrintable(first.value.displayText()));
        QCOMPARE(second.value.displayText(), first.value.displayText());
        QCOMPARE(second.value.host(), first.value.host());
        QCOMPARE(second.value.port(), first.value.port());
        QCOMPARE(second.value.user(), first.value.user());
        QCOMPARE(second.value.project(), first.value.project());
    }
}

void TestProjectLocation::unusableAddressesAreRefused_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("named");
    QTest::newRow("no project") << "postgresql://h/d"
                                << "?project=NAME";
    QTest::newRow("empty project") << "postgresql://h/d?project="
                                   << "?project=NAME";
    QTest::newRow("upper case") << "postgresql://h/d?project=Cats"
                                << "\"Cats\"";
    QTest::newRow("dash") << "postgresql://h/d?project=a-b"
                          << "\"a-b\"";
    QTest::newRow("pg_ prefix") << "postgresql://h/d?project=pg_x"
                                << "pg_";
    QTest::newRow("public") << "postgresql://h/d?project=public"
                            << "\"public\"";
    QTest::newRow("too long") << QStringLiteral("postgresql://h/d?project=")
                                         + QString(64, QLatin1Char('a'))
                              << "63";
    QTest::newRow("no database") << "postgresql://h/?project=p"
                                 << "no database";
    QTest::newRow("no path") << "postgresql://h?project=p"
                             << "no database";
    QTest::newRow("port") << "postgresql://h:99999/d?project=p"
                          << "\"99999\"";
    QTest::newRow("port text") << "postgresql://h:abc/d?project=p"
                               << "\"abc\"";
    QTest::newRow("unknown parameter") << "postgresql://h/d?project=p&colour=red"
                                       << "\"colour\"";
    QTest::newRow("sslmode") << "postgresql://h/d?project=p&sslmode=maybe"
                             << "\"maybe\"";
    QTest::newRow("ipv6 unclosed") << "postgresql://[::1/d?project=p"
                                   << "']'";
}

void TestProjectLocation::unusableAddressesAreRefused()
{
    QFETCH(QString, address);
    QFETCH(QString, named);
    const auto parsed = ProjectLocation::parse(address);
    QVERIFY(parsed.isError());
    QCOMPARE(parsed.error.code, StoreError::Code::InvalidArgument);
    QVERIFY2(parsed.error.message.contains(named), qPrintable(parsed.error.message));
}

void TestProjectLocation::aPasswordIsRefusedAndNeverRepeated()
{
    for (const char *address : {"postgresql://ann:s3cr3t-pw@db/triage?project=p",
                                "postgresql://ann@db/triage?project=p&password=s3cr3t-pw"}) {
        const auto parsed = ProjectLocation::parse(QString::fromLatin1(address));
        QVERIFY2(parsed.isError(), address);
        QVERIFY2(parsed.error.message.contains(QStringLiteral("~/.pgpass")),
                 qPrintable(parsed.error.message));
        QVERIFY2(!parsed.error.message.contains(QStringLiteral("s3cr3t")),
                 qPrintable(parsed.error.message));
    }
}

QTEST_GUILESS_MAIN(TestProjectLocation)
#include "tst_projectlocation.moc"
