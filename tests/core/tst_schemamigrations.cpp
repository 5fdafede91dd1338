// Files written by every earlier schema open in this Boucle, upgraded, with nothing lost.
// The fixtures in tests/data/schema-N.boucle were written by Boucle at schema N (run this test
// with BOUCLE_WRITE_FIXTURE=DIR to write the current schema's fixture into DIR).
#include "store/projectstore.h"
#include "store/schemamigrations.h"
#include "store/storetransaction.h"
#include "triggers/flagreasontext.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

namespace {

// The same content in every fixture, so each can be checked the same way.
void writeFixtureContent(ProjectStore &store)
{
    QList<BatchItemRecord> items;
    QList<SampleId> ids;
    for (int i = 0; i < 3; ++i) {
        SampleRecord sample;
        sample.path = QStringLiteral("images/%1.png").arg(i);
        sample.sha256 = QByteArray(64, char('a' + i));
        QVERIFY(!store.addSample(sample));
        ids.append(sample.id);
        LabelRevision revision {0,  sample.id,
                                {}, i == 2 ? QStringLiteral("dog") : QStringLiteral("cat"),
                                {}, QStringLiteral("ann"),
                                {}, 0,
                                {}, 0,
                                0};
        QVERIFY(!store.addLabelRevision(revision));
        BatchItemRecord item;
        item.sampleId = sample.id;
        // Since schema 6 with its details; before, the sentence alone.
        item.reasons = {makeFlagReason(QStringLiteral("low_confidence"), 0.5,
                                       ReasonDetails::lowConfidence(0.4, 0.5))};
        QCOMPARE(item.reasons.constFirst().reason, QStringLiteral("confidence 0.40 below 0.50"));
        items.append(item);
    }
    QVERIFY(!store.commitVersion(QStringLiteral("ann"), QStringLiteral("seed")));
    BatchRecord batch;
    batch.name = QStringLiteral("first");
    QVERIFY(!store.addBatch(batch, items));
    ReviewRecord review;
    review.batchItemId = items.at(0).id;
    review.sampleId = ids.at(0);
    review.reviewer = QStringLiteral("bob");
    review.action = ReviewAction::Override;
    review.label = QStringLiteral("dog");
    QVERIFY(!store.recordReview(review));
    LabelRevision revision {
            0,  ids.at(0), {}, QStringLiteral("dog"), {}, QStringLiteral("bob"), {}, review.id,
            {}, 0,         0};
    QVERIFY(!store.addLabelRevision(revision));
    QVERIFY(!store.commitVersion(QStringLiteral("bob"), QStringLiteral("fix")));
}

void checkFixtureContent(ProjectStore &store)
{
    QCOMPARE(store.sampleCount(), 3);
    QCOMPARE(store.headVersion(), 2);
    QCOMPARE(store.labelsAt(1).value.size(), 3);
    QCOMPARE(store.diff(1, 2).value.size(), 1);
    QCOMPARE(store.diff(1, 2).value.at(0).newLabel, QStringLiteral("dog"));
    QCOMPARE(store.batchByName(QStringLiteral("first"))->itemCount, 3);
    QCOMPARE(store.batchItems(store.batchByName(QStringLiteral("first"))->id).at(0).status,
             ReviewStatus::Overridden);
    const auto report = store.verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
}

} // namespace

class TestSchemaMigrations : public QObject
{
    Q_OBJECT

private slots:
    void writeFixtureWhenAsked();
    void everyKeptFixtureOpens_data();
    void everyKeptFixtureOpens();
    void everyEarlierSchemaUpgrades_data();
    void everyEarlierSchemaUpgrades();
    void upgradeSealsEarlierRows_data();
    void upgradeSealsEarlierRows();
    void reasonDetailsAcrossSchemas_data();
    void reasonDetailsAcrossSchemas();
    void revisionEntriesKeptWhenSealingBegins();
};

void TestSchemaMigrations::writeFixtureWhenAsked()
{
    const QString target = qEnvironmentVariable("BOUCLE_WRITE_FIXTURE");
    if (target.isEmpty())
        QSKIP("set BOUCLE_WRITE_FIXTURE=DIR to write this schema's fixture");
    const QString path
            = QDir(target).filePath(QStringLiteral("schema-%1.boucle").arg(latestSchemaVersion()));
    QFile::remove(path);
    ProjectStore store;
    QVERIFY(!store.create(path));
    writeFixtureContent(store);
    store.close();
}

void TestSchemaMigrations::everyKeptFixtureOpens_data()
{
    QTest::addColumn<QString>("fixture");
    const QDir data(QStringLiteral(BOUCLE_TEST_DATA_DIR));
    const auto fixtures
            = data.entryList({QStringLiteral("schema-*.boucle")}, QDir::Files, QDir::Name);
    QVERIFY2(!fixtures.isEmpty(), "no schema fixtures in tests/data");
    for (const auto &name : fixtures)
        QTest::newRow(qPrintable(name)) << data.filePath(name);
    // The current schema must have its fixture, so the next migration is tested against it.
    QVERIFY(fixtures.contains(QStringLiteral("schema-%1.boucle").arg(latestSchemaVersion())));
}

void TestSchemaMigrations::everyKeptFixtureOpens()
{
    QFETCH(QString, fixture);
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("copy.boucle"));
    QVERIFY(QFile::copy(fixture, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    ProjectStore store;
    const auto error = store.open(copy);
    QVERIFY2(!error, qPrintable(error.message));
    QCOMPARE(store.schemaVersion(), latestSchemaVersion());
    checkFixtureContent(store);
}

void TestSchemaMigrations::everyEarlierSchemaUpgrades_data()
{
    QTest::addColumn<int>("schema");
    for (int schema = 1; schema <= latestSchemaVersion(); ++schema)
        QTest::addRow("schema %d", schema) << schema;
}

void TestSchemaMigrations::everyEarlierSchemaUpgrades()
{
    QFETCH(int, schema);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.boucle"));
    {
        ProjectStore store;
        QVERIFY(!store.createAtSchemaVersion(path, schema));
        QCOMPARE(store.schemaVersion(), schema);
    }
    ProjectStore store;
    QVERIFY(!store.open(path));
    QCOMPARE(store.schemaVersion(), latestSchemaVersion());
    writeFixtureContent(store);
    checkFixtureContent(store);
}

void TestSchemaMigrations::upgradeSealsEarlierRows_data()
{
    QTest::addColumn<QString>("fixture");
    const QDir data(QStringLiteral(BOUCLE_TEST_DATA_DIR));
    for (int schema = 1; schema < 4; ++schema) {
        const QString name = QStringLiteral("schema-%1.boucle").arg(schema);
        QTest::newRow(qPrintable(name)) << data.filePath(name);
    }
}

// Rows written before schema 4 (samples, predictions, batches, classes) had no audit entry; the
// upgrade seals them as they are, so an edit after the upgrade is named.
void TestSchemaMigrations::upgradeSealsEarlierRows()
{
    QFETCH(QString, fixture);
    const QString sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite.isEmpty())
        QSKIP("the sqlite3 shell (Debian package sqlite3) is not installed");
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("copy.boucle"));
    QVERIFY(QFile::copy(fixture, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    {
        ProjectStore store;
        QVERIFY(!store.open(copy));
        const auto report = store.verify();
        QVERIFY2(report.intact, qPrintable(report.problem));
        // 2 classes, 3 samples, 1 batch, 3 items, 3 reasons.
        QCOMPARE(report.sealedRows, 12);
    }
    QProcess shell;
    shell.start(sqlite, {copy, QStringLiteral("DROP TRIGGER samples_no_rewrite;"
                                              " UPDATE samples SET sha256 = 'ff' WHERE id = 2;")});
    QVERIFY(shell.waitForFinished(30000));
    QCOMPARE(shell.exitCode(), 0);
    ProjectStore store;
    QVERIFY(!store.open(copy, ProjectStore::OpenMode::ReadOnly));
    const auto report = store.verify();
    QVERIFY(!report.intact);
    QVERIFY2(report.problem.contains(QStringLiteral("samples row 2 was altered")),
             qPrintable(report.problem));
    QVERIFY2(report.problem.contains(QStringLiteral("upgrade to schema 4")),
             qPrintable(report.problem));
}

void TestSchemaMigrations::reasonDetailsAcrossSchemas_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<bool>("withDetails");
    const QDir data(QStringLiteral(BOUCLE_TEST_DATA_DIR));
    QTest::newRow("schema 5") << data.filePath(QStringLiteral("schema-5.boucle")) << false;
    QTest::newRow("schema 6") << data.filePath(QStringLiteral("schema-6.boucle")) << true;
}

// Reasons written before schema 6 keep their sentence and their seal; reasons written since carry
// their details, shown in the reader's number format. Either way, a details value written behind
// Boucle's back is named by verify.
void TestSchemaMigrations::reasonDetailsAcrossSchemas()
{
    QFETCH(QString, fixture);
    QFETCH(bool, withDetails);
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("copy.boucle"));
    QVERIFY(QFile::copy(fixture, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    const QLocale french(QLocale::French, QLocale::France);
    {
        ProjectStore store;
        QVERIFY(!store.open(copy));
        const auto items = store.batchItems(store.batchByName(QStringLiteral("first"))->id);
        const FlagReason reason = items.at(0).reasons.at(0);
        QCOMPARE(reason.reason, QStringLiteral("confidence 0.40 below 0.50"));
        QCOMPARE(!reason.details.isEmpty(), withDetails);
        QCOMPARE(reasonSentence(reason, french),
                 withDetails ? QStringLiteral("confidence 0,40 below 0,50") : reason.reason);
        const auto report = store.verify();
        QVERIFY2(report.intact, qPrintable(report.problem));
    }
    const QString sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite.isEmpty())
        QSKIP("the sqlite3 shell (Debian package sqlite3) is not installed");
    QProcess shell;
    shell.start(sqlite,
                {copy, QStringLiteral("DROP TRIGGER batch_item_reasons_no_update;"
                                      " UPDATE batch_item_reasons SET details ="
                                      " '{\"confidence\":0.1,\"threshold\":0.5}' WHERE id = 1;")});
    QVERIFY(shell.waitForFinished(30000));
    QCOMPARE(shell.exitCode(), 0);
    ProjectStore store;
    QVERIFY(!store.open(copy, ProjectStore::OpenMode::ReadOnly));
    const auto report = store.verify();
    QVERIFY(!report.intact);
    QVERIFY2(report.problem.contains(QStringLiteral("batch_item_reasons row 1 was altered")),
             qPrintable(report.problem));
}

// Revisions written before schema 8 keep the audit entry each one got; the upgrade rewrites none
// of them (the chain still holds its old head where it was), revisions written after are sealed
// by range, and an edit to either kind is named.
void TestSchemaMigrations::revisionEntriesKeptWhenSealingBegins()
{
    const QString sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite.isEmpty())
        QSKIP("the sqlite3 shell (Debian package sqlite3) is not installed");
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("copy.boucle"));
    QVERIFY(QFile::copy(
            QDir(QStringLiteral(BOUCLE_TEST_DATA_DIR)).filePath(QStringLiteral("schema-7.boucle")),
            copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    auto shell = [&sqlite, &copy](const QString &sql) {
        QProcess process;
        process.start(sqlite, {copy, sql});
        process.waitForFinished(30000);
        return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    };
    const QString oldHead = shell(QStringLiteral(
            "SELECT (SELECT count(*) FROM audit) || ' ' || lower(hex(hash)) FROM audit"
            " WHERE id = (SELECT max(id) FROM audit);"));
    const ProjectStore::AuditHead anchor {oldHead.section(QLatin1Char(' '), 0, 0).toLongLong(),
                                          oldHead.section(QLatin1Char(' '), 1, 1).toLatin1()};
    QVERIFY2(anchor.entries > 0 && anchor.hash.size() == 64, qPrintable(oldHead));
    const QString perRow = shell(
            QStringLiteral("SELECT count(*) FROM audit WHERE subject = 'label_revisions';"));
    QCOMPARE(perRow, QStringLiteral("4"));
    {
        ProjectStore store;
        QVERIFY(!store.open(copy));
        QCOMPARE(store.schemaVersion(), latestSchemaVersion());
        QList<SampleId> ids;
        for (int i = 0; i < 3; ++i)
            ids.append(store.sampleByPath(QStringLiteral("images/%1.png").arg(i))->id);
        StoreTransaction transaction(store);
        for (const SampleId id : std::as_const(ids)) {
            LabelRevision revision;
            revision.sampleId = id;
            revision.label = QStringLiteral("bird");
            revision.author = QStringLiteral("carol");
            QVERIFY(!store.addLabelRevision(revision));
        }
        QVERIFY(!transaction.commit());
        QVERIFY(!store.commitVersion(QStringLiteral("carol"), QStringLiteral("birds")));
        const auto report = store.verify(anchor);
        QVERIFY2(report.intact, qPrintable(report.problem));
        QVERIFY(report.anchorMatched);
    }
    QCOMPARE(shell(QStringLiteral("SELECT count(*) FROM audit WHERE subject = 'label_revisions';")),
             perRow);
    QCOMPARE(shell(QStringLiteral("SELECT count(*) FROM audit WHERE subject ="
                                  " 'label_revisions range';")),
             QStringLiteral("1"));

    // Row 2 has an entry of its own (schema 7), row 6 lies inside the range sealed at schema 8.
    for (const int row : {2, 6}) {
        const QString edited = dir.filePath(QStringLiteral("edited-%1.boucle").arg(row));
        QVERIFY(QFile::copy(copy, edited));
        QProcess process;
        process.start(sqlite, {edited, QStringLiteral("DROP TRIGGER label_revisions_no_rewrite;"
                                                      " UPDATE label_revisions SET author = 'eve'"
                                                      " WHERE id = %1;")
                                               .arg(row)});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        ProjectStore store;
        QVERIFY(!store.open(edited, ProjectStore::OpenMode::ReadOnly));
        const auto report = store.verify();
        QVERIFY(!report.intact);
        QVERIFY2(report.problem.contains(
                         QStringLiteral("label_revisions row %1 was altered").arg(row)),
                 qPrintable(report.problem));
    }
}

QTEST_GUILESS_MAIN(TestSchemaMigrations)
#include "tst_schemamigrations.moc"
