// A project's connection is opened with SQLite in multi-thread mode, without memory statistics
// and with its memory from SqliteSmallBlocks (sqlitelibrarysetup.h), and one thread per
// connection keeps working with it: four threads, each with its own store on the same project,
// write at the same time and every row lands.
#include "store/projectstore.h"
#include "store/sqliteconnection.h"
#include "store/sqlitelibrarysetup.h"
#include "store/sqlitesmallblocks.h"
#include "store/storetransaction.h"
#include "temporaryproject.h"

#include <QSqlQuery>
#include <QTest>

#include <sqlite3.h>

#include <thread>

using namespace Boucle;

class TestSqliteLibrarySetup : public QObject
{
    Q_OBJECT

private slots:
    void projectConnectionsTakeNoMutex();
    void sqliteFreesIntoTheSmallBlocks();
    void threadsWithTheirOwnStoresWriteTogether();
};

void TestSqliteLibrarySetup::projectConnectionsTakeNoMutex()
{
    Testing::TemporaryProject project;
    if (project.store().isServer())
        QSKIP("the SQLite library serves project files only");
    QVERIFY(setUpSqliteLibrary());
    sqlite3 *handle = sqliteConnectionOf(project.store().database());
    QVERIFY(handle);
    // Serialized mode gives every connection a mutex; multi-thread mode none.
    QCOMPARE(static_cast<void *>(sqlite3_db_mutex(handle)), nullptr);
    // Memory statistics off: SQLite counts nothing, though the project is open and was written.
    sqlite3_int64 used = -1;
    sqlite3_int64 highest = -1;
    QCOMPARE(sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &used, &highest, 0), SQLITE_OK);
    QCOMPARE(used, sqlite3_int64(0));
}

void TestSqliteLibrarySetup::sqliteFreesIntoTheSmallBlocks()
{
    Testing::TemporaryProject project;
    if (project.store().isServer())
        QSKIP("the SQLite library serves project files only");
    QVERIFY(setUpSqliteLibrary());
    // Nothing in this test calls SqliteSmallBlocks itself: what this thread keeps, SQLite freed
    // (a statement's cursors and program, when it ends) through the installed methods.
    {
        QSqlQuery query(project.store().database());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM samples WHERE path LIKE 'a%'")));
        QVERIFY(query.next());
    }
    QVERIFY(SqliteSmallBlocks::keptByThisThread() > 0);
}

void TestSqliteLibrarySetup::threadsWithTheirOwnStoresWriteTogether()
{
    Testing::TemporaryProject project;
    if (project.store().isServer())
        QSKIP("the SQLite library serves project files only");
    const QString path = project.store().path();
    constexpr int threads = 4;
    constexpr int rowsPerThread = 200;
    QStringList failures[threads];
    std::vector<std::thread> writers;
    for (int t = 0; t < threads; ++t) {
        writers.emplace_back([t, &path, &failures] {
            ProjectStore store;
            if (auto error = store.open(path)) {
                failures[t].append(error.message);
                return;
            }
            for (int i = 0; i < rowsPerThread; ++i) {
                StoreTransaction transaction(store);
                if (auto error = transaction.beginError()) {
                    failures[t].append(error.message);
                    return;
                }
                QSqlQuery insert(store.database());
                insert.prepare(QStringLiteral(
                        "INSERT INTO models (name, version, created_at) VALUES (?, ?, ?)"));
                insert.addBindValue(QStringLiteral("writer %1").arg(t));
                insert.addBindValue(QString::number(i));
                insert.addBindValue(QStringLiteral("2024-05-01T12:30:00.000Z"));
                if (!insert.exec()) {
                    failures[t].append(QStringLiteral("insert %1").arg(i));
                    return;
                }
                if (auto error = transaction.commit()) {
                    failures[t].append(error.message);
                    return;
                }
            }
        });
    }
    for (auto &writer : writers)
        writer.join();
    for (int t = 0; t < threads; ++t)
        QVERIFY2(failures[t].isEmpty(), qPrintable(failures[t].join(QLatin1Char('\n'))));
    QSqlQuery count(project.store().database());
    QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM models WHERE name LIKE 'writer %'")));
    QVERIFY(count.next());
    QCOMPARE(count.value(0).toInt(), threads * rowsPerThread);
    const auto verified = project.store().verify();
    QVERIFY2(verified.intact, qPrintable(verified.problem));
}

QTEST_GUILESS_MAIN(TestSqliteLibrarySetup)
#include "tst_sqlitelibrarysetup.moc"
