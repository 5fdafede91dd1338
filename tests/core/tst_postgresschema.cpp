// The project schema on PostgreSQL: every migration of a project file is written in
// PostgreSQL's dialect, creates on a real (throwaway) server the same tables, columns, indexes
// and triggers a fresh project file has, and its triggers refuse the same edits with the same
// sentences.
#include "postgrescluster.h"
#include "store/leasestatements.h"
#include "store/postgresschema.h"
#include "store/schemamigrations.h"
#include "store/serverconnection.h"
#include "temporaryproject.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <map>
#include <set>

using namespace Boucle;
using Boucle::Testing::PostgresCluster;
using Boucle::Testing::TemporaryProject;

namespace {

// table -> column -> type, in words both back ends agree on.
using Columns = std::map<QString, std::map<QString, QString>>;

QString commonType(const QString &sqliteType)
{
    const QString type = sqliteType.toUpper();
    if (type == QLatin1String("INTEGER"))
        return QStringLiteral("integer");
    if (type == QLatin1String("REAL"))
        return QStringLiteral("real");
    if (type == QLatin1String("BLOB"))
        return QStringLiteral("blob");
    return type.toLower();
}

QString commonPostgresType(const QString &postgresType)
{
    if (postgresType == QLatin1String("bigint"))
        return QStringLiteral("integer");
    if (postgresType == QLatin1String("double precision"))
        return QStringLiteral("real");
    if (postgresType == QLatin1String("bytea"))
        return QStringLiteral("blob");
    return postgresType;
}

} // namespace

class TestPostgresSchema : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyMigrationIsWrittenForPostgres();
    void unknownStatementsAreNamed();
    void bothBackEndsHoldTheSameSchema();
    void theServerRefusesTheSameEdits();
    void leaseStatementsRunOnTheServer();

private:
    bool exec(const QString &sql, QString *error = nullptr);
    // Prepares `sql`, binds `values` in order and runs it; the query, run or failed.
    std::unique_ptr<QSqlQuery> run(const QString &sql, const QVariantList &values);

    std::unique_ptr<PostgresCluster> m_cluster;
    QSqlDatabase m_db;
};

void TestPostgresSchema::initTestCase()
{
    m_cluster = std::make_unique<PostgresCluster>();
    QVERIFY2(m_cluster->start(), qPrintable(m_cluster->problem()));
    const auto location = ProjectLocation::parse(m_cluster->projectUrl(QStringLiteral("p")));
    QVERIFY2(location, qPrintable(location.error.message));
    const auto error = ServerConnection::open(location.value, QStringLiteral("server"));
    QVERIFY2(!error, qPrintable(error.message));
    m_db = QSqlDatabase::database(QStringLiteral("server"), false);
    QVERIFY(exec(QStringLiteral("CREATE SCHEMA p")));
    QVERIFY(exec(QStringLiteral("SET search_path TO p")));
    QVERIFY(m_db.transaction());
    for (int number = 1; number <= latestSchemaVersion(); ++number) {
        const auto statements = PostgresSchema::migration(number);
        QVERIFY2(statements, qPrintable(statements.error.message));
        for (const auto &statement : statements.value) {
            QString problem;
            QVERIFY2(exec(statement, &problem), qPrintable(QStringLiteral("migration %1: %2\n%3")
                                                                   .arg(number)
                                                                   .arg(problem, statement)));
        }
    }
    QVERIFY(m_db.commit());
}

void TestPostgresSchema::cleanupTestCase()
{
    m_db = {};
    QSqlDatabase::removeDatabase(QStringLiteral("server"));
}

bool TestPostgresSchema::exec(const QString &sql, QString *error)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

void TestPostgresSchema::everyMigrationIsWrittenForPostgres()
{
    QVERIFY(latestSchemaVersion() >= 7);
    for (int number = 1; number <= latestSchemaVersion(); ++number) {
        const auto statements = PostgresSchema::migration(number);
        QVERIFY2(statements, qPrintable(statements.error.message));
        QVERIFY(statements.value.size() >= schemaMigration(number).size());
    }
    QVERIFY(PostgresSchema::migration(latestSchemaVersion() + 1).isError());
}

void TestPostgresSchema::unknownStatementsAreNamed()
{
    const auto pragma = PostgresSchema::translate(QStringLiteral("PRAGMA foreign_keys = ON"));
    QVERIFY(pragma.isError());
    QVERIFY2(pragma.error.message.contains(QStringLiteral("PRAGMA foreign_keys")),
             qPrintable(pragma.error.message));
    const auto insertTrigger = PostgresSchema::translate(
            QStringLiteral("CREATE TRIGGER t AFTER INSERT ON x BEGIN UPDATE y SET z = 1; END"));
    QVERIFY(insertTrigger.isError());
    QVERIFY(PostgresSchema::translate(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY "
                                                     "AUTOINCREMENT)"))
                    .isError());
}

void TestPostgresSchema::bothBackEndsHoldTheSameSchema()
{
    TemporaryProject project;
    QVERIFY(project.isValid());
    auto file = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("file"));
    file.setDatabaseName(project.projectPath());
    QVERIFY(file.open());
    Columns fileColumns;
    std::set<QString> fileIndexes, fileTriggers;
    {
        QSqlQuery objects(file);
        QVERIFY(objects.exec(QStringLiteral("SELECT type, name FROM sqlite_master WHERE name NOT "
                                            "LIKE 'sqlite_%'")));
        while (objects.next()) {
            const QString type = objects.value(0).toString();
            const QString name = objects.value(1).toString();
            if (type == QLatin1String("index")) {
                fileIndexes.insert(name);
            } else if (type == QLatin1String("trigger")) {
                fileTriggers.insert(name);
            } else if (type == QLatin1String("table")) {
                QSqlQuery columns(file);
                QVERIFY(columns.exec(QStringLiteral("PRAGMA table_info(%1)").arg(name)));
                while (columns.next())
                    fileColumns[name][columns.value(1).toString()]
                            = commonType(columns.value(2).toString());
            }
        }
    }
    file.close();
    file = {};
    QSqlDatabase::removeDatabase(QStringLiteral("file"));

    Columns serverColumns;
    {
        QSqlQuery columns(m_db);
        QVERIFY(columns.exec(
                QStringLiteral("SELECT table_name, column_name, data_type FROM "
                               "information_schema.columns WHERE table_schema = 'p'")));
        while (columns.next())
            serverColumns[columns.value(0).toString()][columns.value(1).toString()]
                    = commonPostgresType(columns.value(2).toString());
    }
    std::set<QString> serverIndexes;
    {
        // Keys and UNIQUE constraints have implicit indexes on both sides; only named ones count.
        QSqlQuery indexes(m_db);
        QVERIFY(indexes.exec(QStringLiteral(
                "SELECT indexname FROM pg_indexes WHERE schemaname = 'p' AND indexname NOT IN"
                " (SELECT conname FROM pg_constraint WHERE connamespace = 'p'::regnamespace)")));
        while (indexes.next())
            serverIndexes.insert(indexes.value(0).toString());
    }
    std::set<QString> serverTriggers;
    {
        QSqlQuery triggers(m_db);
        QVERIFY(triggers.exec(QStringLiteral("SELECT trigger_name FROM "
                                             "information_schema.triggers WHERE trigger_schema = "
                                             "'p'")));
        while (triggers.next())
            serverTriggers.insert(triggers.value(0).toString());
    }

    // SQLite's implicit rowid of a table without an integer key (project settings, leases,
    // signers) is a column on the server.
    for (const auto &table :
         {QStringLiteral("project"), QStringLiteral("leases"), QStringLiteral("signers")})
        fileColumns[table][QStringLiteral("rowid")] = QStringLiteral("integer");
    QVERIFY(fileColumns.size() > 15);
    for (const auto &[table, columns] : fileColumns) {
        QVERIFY2(serverColumns.count(table), qPrintable(table));
        for (const auto &[column, type] : columns) {
            const auto found = serverColumns[table].find(column);
            QVERIFY2(found != serverColumns[table].end(), qPrintable(table + u'.' + column));
            QVERIFY2(found->second == type, qPrintable(table + u'.' + column + u' ' + type
                                                       + QStringLiteral(" vs ") + found->second));
        }
        QCOMPARE(serverColumns[table].size(), columns.size());
    }
    QCOMPARE(serverColumns.size(), fileColumns.size());
    QVERIFY(!fileIndexes.empty());
    QCOMPARE(serverIndexes, fileIndexes);
    QVERIFY(!fileTriggers.empty());
    QCOMPARE(serverTriggers, fileTriggers);
}

void TestPostgresSchema::theServerRefusesTheSameEdits()
{
    QString problem;
    QVERIFY(exec(QStringLiteral("INSERT INTO audit (at, actor, subject, subject_id, digest, hash)"
                                " VALUES ('t', 'ann', 'review', 1, '\\x00', '\\x01')")));
    QVERIFY(!exec(QStringLiteral("UPDATE audit SET actor = 'eve'"), &problem));
    QVERIFY2(problem.contains(QStringLiteral("the audit chain is append-only")),
             qPrintable(problem));
    QVERIFY(!exec(QStringLiteral("DELETE FROM audit"), &problem));
    QVERIFY2(problem.contains(QStringLiteral("the audit chain is append-only")),
             qPrintable(problem));

    QVERIFY(exec(QStringLiteral("INSERT INTO classes (name, position) VALUES ('cat', 0)")));
    QVERIFY(exec(QStringLiteral("UPDATE classes SET retired = 1 WHERE name = 'cat'")));
    QVERIFY(!exec(QStringLiteral("UPDATE classes SET retired = 0 WHERE name = 'cat'"), &problem));
    QVERIFY2(problem.contains(QStringLiteral("a retired class stays retired")),
             qPrintable(problem));
    QVERIFY(!exec(QStringLiteral("UPDATE classes SET name = 'dog'"), &problem));
    QVERIFY2(problem.contains(QStringLiteral("never renamed")), qPrintable(problem));

    QVERIFY(exec(QStringLiteral("INSERT INTO samples (path, added_at) VALUES ('a.png', 't')")));
    QVERIFY(exec(QStringLiteral("INSERT INTO label_revisions (sample_id, label_id, author,"
                                " created_at) SELECT s.id, c.id, 'ann', 't' FROM samples s,"
                                " classes c")));
    // Bookkeeping moves forward: into the version being committed (the first, here), superseded.
    QVERIFY2(exec(QStringLiteral("UPDATE label_revisions SET version_added = 1"), &problem),
             qPrintable(problem));
    QVERIFY(exec(QStringLiteral("UPDATE label_revisions SET superseded = 1")));
    // Content never changes, and bookkeeping never goes back or skips a version.
    for (const char *edit :
         {"UPDATE label_revisions SET author = 'eve'", "UPDATE label_revisions SET superseded = 0",
          "UPDATE label_revisions SET version_added = 2",
          "UPDATE label_revisions SET version_closed = 7"}) {
        QVERIFY2(!exec(QString::fromLatin1(edit), &problem), edit);
        QVERIFY2(problem.contains(QStringLiteral("label revisions are append-only")),
                 qPrintable(problem));
    }
    QVERIFY2(exec(QStringLiteral("UPDATE label_revisions SET version_closed = 1"), &problem),
             qPrintable(problem));
}

std::unique_ptr<QSqlQuery> TestPostgresSchema::run(const QString &sql, const QVariantList &values)
{
    auto query = std::make_unique<QSqlQuery>(m_db);
    if (!query->prepare(sql))
        return query;
    for (const auto &value : values)
        query->addBindValue(value);
    query->exec();
    return query;
}

// The lease statements (the store's own SQL, unchanged) on the server: a lease is taken once,
// an expired one is taken over, the next-item query leaves out held items and the first
// reviewer's own second answers, and renewing, releasing and stealing touch the rows they should.
void TestPostgresSchema::leaseStatementsRunOnTheServer()
{
    auto id = [this](const QString &sql) {
        QSqlQuery query(m_db);
        return query.exec(sql) && query.next() ? query.value(0).toLongLong() : qint64(-1);
    };
    const qint64 sample = id(QStringLiteral(
            "INSERT INTO samples (path, added_at) VALUES ('lease.png', 't') RETURNING id"));
    const qint64 batch = id(QStringLiteral(
            "INSERT INTO batches (name, created_at) VALUES ('leases', 't') RETURNING id"));
    QVERIFY(sample > 0 && batch > 0);
    QList<qint64> items;
    for (int position = 0; position < 3; ++position)
        items.append(id(QStringLiteral("INSERT INTO batch_items (batch_id, position, sample_id)"
                                       " VALUES (%1, %2, %3) RETURNING id")
                                .arg(batch)
                                .arg(position)
                                .arg(sample)));
    QVERIFY(items.constLast() > 0);
    const qint64 first = items.at(0);

    auto take = [this](qint64 item, const QString &holder, const QString &session, qint64 at) {
        auto query = run(LeaseStatements::take(), {item, 1, holder, session, at, at + 1000});
        return query->isActive() ? query->numRowsAffected() : -1;
    };
    QCOMPARE(take(first, QStringLiteral("ann"), QStringLiteral("A"), 1000), 1);
    QCOMPARE(take(first, QStringLiteral("bob"), QStringLiteral("B"), 1500), 0); // live: refused
    QCOMPARE(take(first, QStringLiteral("bob"), QStringLiteral("B"), 2000), 1); // expired
    QCOMPARE(take(first, QStringLiteral("bob"), QStringLiteral("B"), 2100), 1); // kept
    {
        auto lease = run(LeaseStatements::itemLease(), {first, 1});
        QVERIFY(lease->next());
        QCOMPARE(lease->value(2).toString(), QStringLiteral("bob"));
        QCOMPARE(lease->value(4).toLongLong(), 2000); // acquired when taken, not when kept
        QCOMPARE(lease->value(5).toLongLong(), 3100);
    }

    // Ann answered item 3 first; it waits for a second answer.
    const qint64 third = items.at(2);
    const qint64 review = id(QStringLiteral("INSERT INTO reviews (batch_item_id, sample_id,"
                                            " reviewer, action, finished_at) VALUES (%1, %2,"
                                            " 'ann', 'approve', 't') RETURNING id")
                                     .arg(third)
                                     .arg(sample));
    QVERIFY(exec(QStringLiteral("INSERT INTO review_stages (batch_item_id, stage, round_start)"
                                " VALUES (%1, 'second', %2)")
                         .arg(third)
                         .arg(review)));
    QVERIFY(exec(
            QStringLiteral("UPDATE batch_items SET status = 'approved' WHERE id = %1").arg(third)));
    auto candidates = [this, batch](const QString &reviewer, const QString &session) {
        auto query = run(LeaseStatements::nextCandidates(64),
                         {batch, -1, session, 2200, QStringLiteral("second"), batch, -1, reviewer,
                          session, 2200});
        QList<std::pair<qint64, int>> found;
        while (query->next())
            found.append({query->value(0).toLongLong(), query->value(1).toInt()});
        if (!query->isActive())
            found.append({-1, -1});
        return found;
    };
    // Bob holds item 1; Ann is not given item 3's second answer; Cleo is.
    QCOMPARE(candidates(QStringLiteral("ann"), QStringLiteral("A")),
             (QList<std::pair<qint64, int>> {{items.at(1), 1}}));
    QCOMPARE(candidates(QStringLiteral("cleo"), QStringLiteral("C")),
             (QList<std::pair<qint64, int>> {{items.at(1), 1}, {third, 2}}));
    QCOMPARE(candidates(QStringLiteral("bob"), QStringLiteral("B")),
             (QList<std::pair<qint64, int>> {{first, 1}, {items.at(1), 1}, {third, 2}}));
    QVERIFY(run(LeaseStatements::ownAnswerInRound(), {third, QStringLiteral("ann")})->next());
    QVERIFY(!run(LeaseStatements::ownAnswerInRound(), {third, QStringLiteral("cleo")})->next());
    QVERIFY(run(LeaseStatements::secondAnswerBySameReviewer(),
                {third, QStringLiteral("second"), review + 1, QStringLiteral("ann")})
                    ->next());

    QCOMPARE(
            run(LeaseStatements::renew(), {5000, first, 1, QStringLiteral("B")})->numRowsAffected(),
            1);
    QCOMPARE(
            run(LeaseStatements::renew(), {5000, first, 1, QStringLiteral("A")})->numRowsAffected(),
            0);
    QCOMPARE(take(items.at(1), QStringLiteral("ann"), QStringLiteral("A"), 2200), 1);
    QCOMPARE(run(LeaseStatements::steal(), {QStringLiteral("lea"), QStringLiteral("L"), 2300, 9000,
                                            items.at(1), 1, QStringLiteral("A")})
                     ->numRowsAffected(),
             1);
    QCOMPARE(run(LeaseStatements::recordSteal(),
                 {items.at(1), 1, QStringLiteral("lea"), QStringLiteral("ann"), QStringLiteral("A"),
                  2200, QStringLiteral("away"), 2300})
                     ->numRowsAffected(),
             1);
    {
        auto steals = run(LeaseStatements::stealRows(), {});
        QVERIFY(steals->next());
        QCOMPARE(steals->value(3).toString(), QStringLiteral("lea"));
        QCOMPARE(steals->value(4).toString(), QStringLiteral("ann"));
        QVERIFY(run(LeaseStatements::stealRow(), {steals->value(0)})->next());
    }
    QString problem;
    QVERIFY(!exec(QStringLiteral("UPDATE lease_steals SET reason = 'x'"), &problem));
    QVERIFY2(problem.contains(QStringLiteral("lease steals are append-only")), qPrintable(problem));
    QCOMPARE(run(LeaseStatements::releaseItem(), {2400, first, QStringLiteral("B"), 2400})
                     ->numRowsAffected(),
             1);
    QCOMPARE(run(LeaseStatements::releaseSession(), {2400, QStringLiteral("L"), 2400})
                     ->numRowsAffected(),
             1);
    QCOMPARE(run(LeaseStatements::releaseSession(), {2400, QStringLiteral("L"), 2400})
                     ->numRowsAffected(),
             0);
    auto leases = run(LeaseStatements::itemLeases(), {first});
    QVERIFY(leases->next());
    QCOMPARE(leases->value(5).toLongLong(), 2400);
}

QTEST_GUILESS_MAIN(TestPostgresSchema)
#include "tst_postgresschema.moc"
