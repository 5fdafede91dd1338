// verify() finds rows altered behind Boucle's back with the sqlite3 shell (on a server project:
// plain SQL on a connection of its own, with the triggers and foreign keys switched off), and names
// the first; an anchor kept outside the project catches a chain whose tail was cut.
#include "store/auditedrows.h"
#include "store/projectstore.h"
#include "store/rowencoding.h"
#include "store/storetransaction.h"
#include "store/writtenrows.h"
#include "temporaryproject.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Boucle;

class TestAuditChain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void intactProjectVerifies();
    void tamperingIsNamed_data();
    void tamperingIsNamed();
    void triggersRefuseRewrites_data();
    void triggersRefuseRewrites();
    void anchorFileCatchesACutChain();
    void revisionsOfOneTransactionShareASeal_data();
    void revisionsOfOneTransactionShareASeal();
    void concurrentWritersKeepOneChain();
    void aLargeRangeIsSealedAsItsParts();
    void rowsDigestedAsWrittenAreTakenOnlyWhenTheyReadBackTheSame_data();
    void rowsDigestedAsWrittenAreTakenOnlyWhenTheyReadBackTheSame();

private:
    // A project with two versions, a model's predictions, a batch with reasons, reviews with
    // roles (one round awaiting a second answer) and label revisions; closed so the shell can edit
    // it. Version 2 is the last entry of the chain unless endWithReviews, which adds two item
    // reviews after it.
    void buildHistory(Testing::TemporaryProject &project, bool endWithReviews = false);
    void runShell(Testing::TemporaryProject &project, const QString &sql, bool mustSucceed = true);
    QString m_sqlite;
};

void TestAuditChain::initTestCase()
{
    m_sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (m_sqlite.isEmpty() && !Testing::TemporaryProject::onServer())
        QSKIP("the sqlite3 shell (Debian package sqlite3) is not installed");
}

namespace {

void recordItemReview(ProjectStore &store, const BatchItemRecord &item, const QString &reviewer,
                      ReviewRole role)
{
    ReviewRecord review;
    review.batchItemId = item.id;
    review.sampleId = item.sampleId;
    review.predictionId = item.predictionId;
    review.reviewer = reviewer;
    review.action = ReviewAction::Approve;
    review.label = QStringLiteral("cat");
    QVERIFY(!store.recordReview(review));
    QVERIFY(!store.recordReviewRole(review.id, role));
}

} // namespace

void TestAuditChain::buildHistory(Testing::TemporaryProject &project, bool endWithReviews)
{
    auto &store = project.store();
    QList<SampleId> ids;
    for (int i = 0; i < 4; ++i) {
        SampleRecord sample;
        sample.path = QStringLiteral("%1.png").arg(i);
        sample.sha256 = QByteArray(64, char('a' + i));
        QVERIFY(!store.addSample(sample));
        ids.append(sample.id);
        LabelRevision revision {
                0,  sample.id, {}, QStringLiteral("cat"), {}, QStringLiteral("ann"), {}, 0,
                {}, 0,         0};
        QVERIFY(!store.addLabelRevision(revision));
    }
    QVERIFY(!store.commitVersion(QStringLiteral("ann"), QStringLiteral("seed")));

    ModelRecord model;
    model.name = QStringLiteral("net");
    model.version = QStringLiteral("1");
    QVERIFY(!store.addModel(model));
    QList<BatchItemRecord> items;
    for (int i = 0; i < 4; ++i) {
        PredictionRecord prediction;
        prediction.sampleId = ids[i];
        prediction.modelId = model.id;
        prediction.label = QStringLiteral("cat");
        prediction.confidence = 0.4 + 0.1 * i;
        prediction.probs = {float(0.4 + 0.1 * i), float(0.6 - 0.1 * i)};
        QVERIFY(!store.addPrediction(prediction));
        BatchItemRecord item;
        item.sampleId = ids[i];
        item.predictionId = prediction.id;
        item.priority = 1.0 - 0.1 * i;
        item.reasons = {{QStringLiteral("low_confidence"), 0.5,
                         QStringLiteral("confidence %1 below 0.80").arg(prediction.confidence)}};
        items.append(item);
    }
    BatchRecord batch;
    batch.name = QStringLiteral("first");
    QVERIFY(!store.addBatch(batch, items));
    recordItemReview(store, items[0], QStringLiteral("carol"), ReviewRole::Single);
    recordItemReview(store, items[1], QStringLiteral("carol"), ReviewRole::First);

    for (int i = 0; i < 2; ++i) {
        ReviewRecord review;
        review.sampleId = ids[i];
        review.reviewer = QStringLiteral("bob");
        review.action = ReviewAction::Override;
        review.label = QStringLiteral("dog");
        review.comment = QStringLiteral("tail");
        QVERIFY(!store.recordReview(review));
        LabelRevision revision {0,
                                ids[i],
                                {},
                                QStringLiteral("dog"),
                                {},
                                QStringLiteral("bob"),
                                QStringLiteral("tail"),
                                review.id,
                                {},
                                0,
                                0};
        QVERIFY(!store.addLabelRevision(revision));
    }
    QVERIFY(!store.commitVersion(QStringLiteral("bob"), QStringLiteral("corrections")));
    if (endWithReviews) {
        recordItemReview(store, items[1], QStringLiteral("dave"), ReviewRole::Second);
        recordItemReview(store, items[2], QStringLiteral("dave"), ReviewRole::Single);
    }
    const auto report = store.verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
    store.close();
}

void TestAuditChain::runShell(Testing::TemporaryProject &project, const QString &sql,
                              bool mustSucceed)
{
    if (project.isServer()) {
        // The same edits in PostgreSQL's words: with the safeguards off for the session, the
        // statements that drop triggers or foreign keys have nothing left to do.
        static const QRegularExpression safeguards(
                QStringLiteral("(DROP TRIGGER \\w+|PRAGMA foreign_keys=OFF);"));
        QString edits = sql;
        edits.remove(safeguards);
        edits.replace(QStringLiteral("zeroblob(8)"), QStringLiteral("'\\x0000000000000000'"));
        QString problem;
        const bool done = project.runOnServer(edits, mustSucceed, &problem);
        if (mustSucceed)
            QVERIFY2(done, qPrintable(problem));
        else
            QVERIFY2(!done, "the edit went through");
        return;
    }
    QProcess shell;
    shell.start(m_sqlite, {project.projectPath(), sql});
    QVERIFY(shell.waitForFinished(30000));
    if (mustSucceed)
        QVERIFY2(shell.exitCode() == 0, shell.readAllStandardError().constData());
    else
        QVERIFY2(shell.exitCode() != 0, "the shell's edit went through");
}

void TestAuditChain::intactProjectVerifies()
{
    Testing::TemporaryProject project;
    buildHistory(project, true);
    ProjectStore store;
    QVERIFY(!store.open(project.projectPath(), ProjectStore::OpenMode::ReadOnly));
    const auto report = store.verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
    QCOMPARE(report.versionsChecked, 2);
    // 2 classes, 1 model, 4 samples, 4 predictions, 1 batch, 4 items, 4 reasons, 6 label
    // revisions.
    QCOMPARE(report.sealedRows, 26);
    const auto head = store.auditHead();
    QCOMPARE(report.head.entries, head.entries);
    QCOMPARE(report.head.hash, head.hash);
    QCOMPARE(head.entries, report.auditEntries);
    QCOMPARE(head.hash.size(), 64);
    // The project's own head is an anchor it holds.
    const auto anchored = store.verify(head);
    QVERIFY2(anchored.intact, qPrintable(anchored.problem));
    QVERIFY(anchored.anchorMatched);
    // An older head is held too: the chain only grows.
    const auto older = ProjectStore::AuditHead {head.entries + 1, head.hash};
    QVERIFY(!store.verify(older).intact);
}

void TestAuditChain::tamperingIsNamed_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("endWithReviews");
    QTest::addColumn<bool>("anchored");
    QTest::newRow("label changed")
            << QStringLiteral("DROP TRIGGER label_revisions_no_rewrite;"
                              " UPDATE label_revisions SET label_id = 2 WHERE id = 3;")
            << QStringLiteral("label_revisions row 3 was altered") << false << false;
    QTest::newRow("author changed")
            << QStringLiteral("DROP TRIGGER label_revisions_no_rewrite;"
                              " UPDATE label_revisions SET author = 'eve' WHERE id = 6;")
            << QStringLiteral("label_revisions row 6 was altered") << false << false;
    QTest::newRow("review comment changed") << QStringLiteral(
            "DROP TRIGGER reviews_no_update; UPDATE reviews SET comment = 'x' WHERE id = 2;")
                                            << QStringLiteral("reviews row 2 was altered") << false
                                            << false;
    QTest::newRow("review deleted")
            << QStringLiteral("DROP TRIGGER reviews_no_delete; PRAGMA foreign_keys=OFF; DELETE "
                              "FROM reviews WHERE id = 1;")
            << QStringLiteral("reviews row 1 was deleted") << false << false;
    QTest::newRow("version message changed")
            << QStringLiteral("DROP TRIGGER versions_no_update;"
                              " UPDATE versions SET message = 'nothing to see' WHERE number = 1;")
            << QStringLiteral("versions row 1 was altered") << false << false;
    QTest::newRow("revision moved to another version")
            << QStringLiteral("DROP TRIGGER label_revisions_no_rewrite;"
                              " UPDATE label_revisions SET version_added = 1 WHERE id = 6;")
            << QStringLiteral("version 1 no longer matches") << false << false;
    QTest::newRow("revision inserted")
            << QStringLiteral(
                       "INSERT INTO label_revisions (sample_id, label_id, author, created_at)"
                       " VALUES (1, 1, 'eve', '2026-01-01');")
            << QStringLiteral("label_revisions row 7 was added outside Boucle") << false << false;
    QTest::newRow("audit row rewritten")
            << QStringLiteral(
                       "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'eve' WHERE id = 2;")
            << QStringLiteral("audit row 2 was altered") << false << false;

    // (a) The last reviews, their roles and their audit rows are cut. The items' statuses and
    // stages still tell; when they are reset too, only the anchor does.
    const QString cutReviews = QStringLiteral(
            "DROP TRIGGER reviews_no_delete; DROP TRIGGER review_roles_no_delete;"
            " DROP TRIGGER audit_no_delete; PRAGMA foreign_keys=OFF;"
            " DELETE FROM audit WHERE id >= (SELECT id FROM audit WHERE subject = 'reviews'"
            " AND subject_id = 5);"
            " DELETE FROM review_roles WHERE review_id >= 5; DELETE FROM reviews WHERE id >= 5;");
    QTest::newRow("a: tail of reviews cut")
            << cutReviews << QStringLiteral("batch_items row 3 has the status 'approved'") << true
            << false;
    QTest::newRow("a: tail of reviews cut, derived state reset, anchored")
            << cutReviews
                       + QStringLiteral(" UPDATE batch_items SET status = 'pending' WHERE id = 3;"
                                        " DELETE FROM review_stages WHERE batch_item_id = 3;"
                                        " UPDATE review_stages SET stage = 'second',"
                                        " round_start = 2 WHERE batch_item_id = 2;")
            << QStringLiteral("the audit chain was cut: it holds") << true << true;

    // (b) The last version and its audit row are deleted.
    const QString cutVersion
            = QStringLiteral("DROP TRIGGER versions_no_delete; DROP TRIGGER audit_no_delete;"
                             " DELETE FROM audit WHERE subject = 'versions' AND subject_id = 2;"
                             " DELETE FROM versions WHERE number = 2;");
    QTest::newRow("b: last version cut")
            << cutVersion
            << QStringLiteral("label_revisions row 5 was committed in version 2, which does not "
                              "exist")
            << false << false;
    QTest::newRow("b: last version cut, revisions put back, anchored")
            << cutVersion
                       + QStringLiteral(" DROP TRIGGER label_revisions_no_rewrite;"
                                        " UPDATE label_revisions SET version_added = NULL"
                                        " WHERE version_added = 2;"
                                        " DROP TRIGGER label_closures_no_delete;"
                                        " DELETE FROM label_closures WHERE version = 2;")
            << QStringLiteral("the audit chain was cut: it holds") << false << true;

    // (c) A revision's bookkeeping, which changes what "labels as of version 1" exports.
    QTest::newRow("c: version_closed rewritten")
            << QStringLiteral("DROP TRIGGER label_revisions_no_rewrite;"
                              " UPDATE label_revisions SET version_closed = 1 WHERE id = 5;")
            << QStringLiteral("label_revisions row 5 has version_closed 1, but it must be empty")
            << false << false;
    QTest::newRow("c: closure deleted")
            << QStringLiteral("DROP TRIGGER label_closures_no_delete;"
                              " DELETE FROM label_closures WHERE version = 2;")
            << QStringLiteral("was closed by version 2, but label_closures holds no closure for it")
            << false << false;
    QTest::newRow("c: head revision closed")
            << QStringLiteral("DROP TRIGGER label_closures_next_version;"
                              " INSERT INTO label_closures (revision_id, version) VALUES (5, 2);")
            << QStringLiteral("label_revisions row 5 has a closure at version 2 in "
                              "label_closures, but no later version changes sample")
            << false << false;
    QTest::newRow("c: closure moved to another version")
            << QStringLiteral("DROP TRIGGER label_closures_no_update;"
                              " UPDATE label_closures SET version = 1;")
            << QStringLiteral("in label_closures, but it must be 2") << false << false;
    QTest::newRow("c: committed revision marked superseded")
            << QStringLiteral("UPDATE label_revisions SET superseded = 1 WHERE id = 3;")
            << QStringLiteral("label_revisions row 3 was committed in version 1 but is marked "
                              "superseded")
            << false << false;

    // (d) Class names, which every label refers to.
    QTest::newRow("d: class names swapped")
            << QStringLiteral("DROP TRIGGER classes_no_rename;"
                              " UPDATE classes SET name = 'tmp' WHERE name = 'cat';"
                              " UPDATE classes SET name = 'cat' WHERE name = 'dog';"
                              " UPDATE classes SET name = 'dog' WHERE name = 'tmp';")
            << QStringLiteral("classes row 1 was altered") << false << false;
    QTest::newRow("d: class retired outside Boucle")
            << QStringLiteral("UPDATE classes SET retired = 1 WHERE name = 'dog';")
            << QStringLiteral("classes row 2 was retired outside Boucle") << false << false;

    // (e) What the reviewer saw: predictions, sample hashes, batch items, reasons, stages.
    QTest::newRow("e: prediction altered")
            << QStringLiteral("DROP TRIGGER predictions_no_update;"
                              " UPDATE predictions SET confidence = 0.99 WHERE id = 3;")
            << QStringLiteral("predictions row 3 was altered") << false << false;
    QTest::newRow("e: prediction probabilities altered")
            << QStringLiteral("DROP TRIGGER predictions_no_update;"
                              " UPDATE predictions SET probs = zeroblob(8) WHERE id = 2;")
            << QStringLiteral("predictions row 2 was altered") << false << false;
    QTest::newRow("e: prediction deleted")
            << QStringLiteral("DROP TRIGGER predictions_no_delete; PRAGMA foreign_keys=OFF;"
                              " DELETE FROM predictions WHERE id = 2;")
            << QStringLiteral("predictions row 2 was deleted") << false << false;
    QTest::newRow("e: prediction inserted")
            << QStringLiteral("INSERT INTO predictions (sample_id, model_id, label_id, confidence)"
                              " VALUES (1, 99, 2, 0.2);")
            << QStringLiteral("predictions row 5 was added outside Boucle") << false << false;
    QTest::newRow("e: sample hash altered")
            << QStringLiteral("DROP TRIGGER samples_no_rewrite;"
                              " UPDATE samples SET sha256 = 'ff' WHERE id = 2;")
            << QStringLiteral("samples row 2 was altered") << false << false;
    QTest::newRow("e: model renamed")
            << QStringLiteral("DROP TRIGGER models_no_rewrite;"
                              " UPDATE models SET version = '2' WHERE id = 1;")
            << QStringLiteral("models row 1 was altered") << false << false;
    QTest::newRow("e: batch renamed")
            << QStringLiteral("DROP TRIGGER batches_no_update;"
                              " UPDATE batches SET name = 'other' WHERE id = 1;")
            << QStringLiteral("batches row 1 was altered") << false << false;
    QTest::newRow("e: batch item altered")
            << QStringLiteral("DROP TRIGGER batch_items_no_rewrite;"
                              " UPDATE batch_items SET priority = 9 WHERE id = 4;")
            << QStringLiteral("batch_items row 4 was altered") << false << false;
    QTest::newRow("e: batch item deleted")
            << QStringLiteral("DROP TRIGGER batch_items_no_delete; PRAGMA foreign_keys=OFF;"
                              " DELETE FROM batch_items WHERE id = 4;")
            << QStringLiteral("batch_items row 4 was deleted") << false << false;
    QTest::newRow("e: batch item status rewritten")
            << QStringLiteral("UPDATE batch_items SET status = 'pending' WHERE id = 1;")
            << QStringLiteral("batch_items row 1 has the status 'pending', but its reviews say "
                              "'approved'")
            << false << false;
    QTest::newRow("e: reason altered")
            << QStringLiteral("DROP TRIGGER batch_item_reasons_no_update;"
                              " UPDATE batch_item_reasons SET reason = 'routine' WHERE id = 2;")
            << QStringLiteral("batch_item_reasons row 2 was altered") << false << false;
    QTest::newRow("e: reason inserted")
            << QStringLiteral("INSERT INTO batch_item_reasons (batch_item_id, trigger_name, score,"
                              " reason) VALUES (1, 'report', 1, 'x');")
            << QStringLiteral("batch_item_reasons row 5 was added outside Boucle") << false
            << false;
    QTest::newRow("e: review stage altered")
            << QStringLiteral("UPDATE review_stages SET stage = 'settled' WHERE batch_item_id = 2;")
            << QStringLiteral("review_stages row of batch item 2 says 'settled'") << false << false;
    QTest::newRow("e: review stage deleted")
            << QStringLiteral("DELETE FROM review_stages WHERE batch_item_id = 2;")
            << QStringLiteral("the review_stages row of batch item 2 was deleted") << false
            << false;
    QTest::newRow("project setting changed")
            << QStringLiteral("UPDATE project SET value = 'elsewhere' WHERE key = 'data_root';")
            << QStringLiteral("project setting 'data_root' (row 1) was changed outside Boucle")
            << false << false;
    QTest::newRow("project setting added")
            << QStringLiteral("INSERT INTO project (key, value) VALUES ('blind', 'false');")
            << QStringLiteral("project setting 'blind' (row 4) was added outside Boucle") << false
            << false;
    QTest::newRow("e: seal detail altered")
            << QStringLiteral("DROP TRIGGER audit_ranges_no_update;"
                              " UPDATE audit_ranges SET row_count = 3 WHERE audit_id ="
                              " (SELECT id FROM audit WHERE subject = 'predictions' LIMIT 1);")
            << QStringLiteral("was altered (it no longer matches audit row") << false << false;
}

void TestAuditChain::tamperingIsNamed()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    QFETCH(bool, endWithReviews);
    QFETCH(bool, anchored);
    Testing::TemporaryProject project;
    buildHistory(project, endWithReviews);
    std::optional<ProjectStore::AuditHead> anchor;
    if (anchored) {
        ProjectStore store;
        QVERIFY(!store.open(project.projectPath(), ProjectStore::OpenMode::ReadOnly));
        anchor = store.auditHead();
    }

    runShell(project, sql);

    ProjectStore store;
    QVERIFY(!store.open(project.projectPath(), ProjectStore::OpenMode::ReadOnly));
    const auto report = store.verify(anchor);
    QVERIFY2(!report.intact, "verify found the project intact");
    QVERIFY2(report.problem.contains(expected), qPrintable(report.problem));
}

void TestAuditChain::triggersRefuseRewrites_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("version_closed")
            << QStringLiteral("UPDATE label_revisions SET version_closed = 1 WHERE id = 5;");
    QTest::newRow("closure deleted") << QStringLiteral("DELETE FROM label_closures;");
    QTest::newRow("closure moved") << QStringLiteral("UPDATE label_closures SET version = 1;");
    QTest::newRow("closure added")
            << QStringLiteral("INSERT INTO label_closures (revision_id, version) VALUES (5, 2);");
    QTest::newRow("class name") << QStringLiteral("UPDATE classes SET name = 'x' WHERE id = 1;");
    QTest::newRow("prediction") << QStringLiteral("UPDATE predictions SET confidence = 1;");
    QTest::newRow("sample hash") << QStringLiteral("UPDATE samples SET sha256 = 'ff';");
    QTest::newRow("reason") << QStringLiteral("DELETE FROM batch_item_reasons;");
    QTest::newRow("version") << QStringLiteral("DELETE FROM versions WHERE number = 2;");
}

void TestAuditChain::triggersRefuseRewrites()
{
    QFETCH(QString, sql);
    Testing::TemporaryProject project;
    buildHistory(project);
    runShell(project, sql, false);
    ProjectStore store;
    QVERIFY(!store.open(project.projectPath(), ProjectStore::OpenMode::ReadOnly));
    QVERIFY2(store.verify().intact, qPrintable(store.verify().problem));
}

void TestAuditChain::anchorFileCatchesACutChain()
{
    Testing::TemporaryProject project;
    buildHistory(project, true);
    const QString anchorPath = project.filePath(QStringLiteral("head.json"));
    auto runVerify = [&](const QStringList &options, QString *out, QString *err) {
        QProcess boucle;
        boucle.start(QStringLiteral(BOUCLE_BINARY),
                     QStringList {QStringLiteral("verify"), project.projectPath()} + options);
        if (!boucle.waitForFinished(60000))
            return -1;
        *out = QString::fromUtf8(boucle.readAllStandardOutput());
        *err = QString::fromUtf8(boucle.readAllStandardError());
        return boucle.exitCode();
    };
    QString out;
    QString err;
    QVERIFY2(runVerify({QStringLiteral("--write-anchor"), anchorPath}, &out, &err) == 0,
             qPrintable(err));
    QVERIFY2(out.contains(QStringLiteral("audit head: ")), qPrintable(out));
    QVERIFY(QFile::exists(anchorPath));
    QCOMPARE(runVerify({QStringLiteral("--anchor"), anchorPath}, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("anchor holds")), qPrintable(out));

    // The printed line serves as an anchor too.
    const QString headLine = out.section(QLatin1Char('\n'), 1, 1);
    const QString linePath = project.filePath(QStringLiteral("head.txt"));
    QFile line(linePath);
    QVERIFY(line.open(QIODevice::WriteOnly));
    line.write(headLine.toUtf8());
    line.close();

    runShell(project,
             QStringLiteral("DROP TRIGGER reviews_no_delete; DROP TRIGGER review_roles_no_delete;"
                            " DROP TRIGGER audit_no_delete; PRAGMA foreign_keys=OFF;"
                            " DELETE FROM audit WHERE id >= (SELECT id FROM audit WHERE subject ="
                            " 'reviews' AND subject_id = 6);"
                            " DELETE FROM review_roles WHERE review_id = 6;"
                            " DELETE FROM reviews WHERE id = 6;"
                            " UPDATE batch_items SET status = 'pending' WHERE id = 3;"
                            " DELETE FROM review_stages WHERE batch_item_id = 3;"));
    // Without the anchor, nothing is left to tell: that is what the anchor is for.
    QCOMPARE(runVerify({}, &out, &err), 0);
    QCOMPARE(runVerify({QStringLiteral("--anchor"), anchorPath}, &out, &err), 3);
    QVERIFY2(err.contains(QStringLiteral("the audit chain was cut")), qPrintable(err));
    QCOMPARE(runVerify({QStringLiteral("--anchor"), linePath}, &out, &err), 3);
    QVERIFY2(err.contains(QStringLiteral("the audit chain was cut")), qPrintable(err));
    QCOMPARE(runVerify({QStringLiteral("--anchor"), project.filePath(QStringLiteral("none"))}, &out,
                       &err),
             1);
    QVERIFY2(err.contains(QStringLiteral("cannot be read")), qPrintable(err));
}

void TestAuditChain::revisionsOfOneTransactionShareASeal_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");
    QTest::newRow("label changed inside the range")
            << QStringLiteral("DROP TRIGGER label_revisions_no_rewrite;"
                              " UPDATE label_revisions SET label_id = 2 WHERE id = 3;")
            << QStringLiteral("label_revisions row 3 was altered after it was recorded");
    QTest::newRow("reason changed at the end of the range")
            << QStringLiteral("DROP TRIGGER label_revisions_no_rewrite;"
                              " UPDATE label_revisions SET reason = 'none' WHERE id = 5;")
            << QStringLiteral("label_revisions row 5 was altered after it was recorded");
    QTest::newRow("time changed")
            << QStringLiteral("DROP TRIGGER label_revisions_no_rewrite;"
                              " UPDATE label_revisions SET created_at = '2020-01-01' WHERE id = 2;")
            << QStringLiteral("label_revisions row 2 was altered after it was recorded");
    QTest::newRow("revision deleted inside the range")
            << QStringLiteral("DROP TRIGGER label_revisions_no_delete; PRAGMA foreign_keys=OFF;"
                              " DELETE FROM label_revisions WHERE id = 4;")
            << QStringLiteral("label_revisions row 4 was deleted");
    QTest::newRow("revision inserted after the range")
            << QStringLiteral(
                       "INSERT INTO label_revisions (sample_id, label_id, author, created_at)"
                       " VALUES (1, 1, 'eve', '2026-01-01');")
            << QStringLiteral("label_revisions row 6 was added outside Boucle");
}

// Label revisions written in one transaction get one audit entry between them, as rows written in
// bulk do; changing any one of them behind Boucle's back is still named, row by row.
void TestAuditChain::revisionsOfOneTransactionShareASeal()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    Testing::TemporaryProject project;
    {
        auto &store = project.store();
        const qint64 entriesBefore = store.auditHead().entries;
        StoreTransaction transaction(store);
        for (int i = 0; i < 5; ++i) {
            SampleRecord sample;
            sample.path = QStringLiteral("%1.png").arg(i);
            QVERIFY(!store.addSample(sample));
            LabelRevision revision;
            revision.sampleId = sample.id;
            revision.label = i % 2 ? QStringLiteral("dog") : QStringLiteral("cat");
            revision.author = QStringLiteral("ann");
            revision.reason = QStringLiteral("first look");
            QVERIFY(!store.addLabelRevision(revision));
        }
        QVERIFY(!transaction.commit());
        // One seal each for the classes, the samples and the revisions.
        QCOMPARE(store.auditHead().entries, entriesBefore + 3);
        QVERIFY(!store.commitVersion(QStringLiteral("ann"), QStringLiteral("seed")));
        const auto report = store.verify();
        QVERIFY2(report.intact, qPrintable(report.problem));
        store.close();
    }
    runShell(project, sql);
    ProjectStore store;
    QVERIFY(!store.open(project.projectPath(), ProjectStore::OpenMode::ReadOnly));
    const auto report = store.verify();
    QVERIFY2(!report.intact, "verify found the project intact");
    QVERIFY2(report.problem.contains(expected), qPrintable(report.problem));
}

// Two writers at once, each with its own connection: their transactions queue (the file's write
// lock, the server project's advisory lock), so the audit chain stays one chain and every row
// they added is sealed once.
void TestAuditChain::concurrentWritersKeepOneChain()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    QVERIFY(!project.store().ensureClasses({QStringLiteral("ann"), QStringLiteral("bob")}));
    project.store().close();
    const QString address = project.projectPath();
    constexpr int decisions = 20;
    std::atomic<int> failures {0};
    auto write = [&address, &failures](const QString &who) {
        ProjectStore store;
        if (store.open(address)) {
            ++failures;
            return;
        }
        for (int i = 0; i < decisions; ++i) {
            SampleRecord sample;
            sample.path = QStringLiteral("%1/%2.png").arg(who).arg(i);
            if (store.addSample(sample)) {
                ++failures;
                continue;
            }
            ReviewRecord review;
            review.sampleId = sample.id;
            review.reviewer = who;
            review.action = ReviewAction::Override;
            review.label = who;
            LabelRevision revision;
            revision.sampleId = sample.id;
            revision.label = who;
            revision.author = who;
            StoreTransaction transaction(store);
            if (store.recordReview(review)) {
                ++failures;
                continue;
            }
            revision.reviewId = review.id;
            if (store.addLabelRevision(revision) || transaction.commit())
                ++failures;
        }
    };
    std::thread ann(write, QStringLiteral("ann"));
    std::thread bob(write, QStringLiteral("bob"));
    ann.join();
    bob.join();
    QCOMPARE(failures.load(), 0);

    ProjectStore store;
    QVERIFY(!store.open(address, ProjectStore::OpenMode::ReadOnly));
    QCOMPARE(store.sampleCount(), 2 * decisions);
    QCOMPARE(store.workingRevisions().size(), 2 * decisions);
    const auto report = store.verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
    // Per decision: the sample's seal, the review, and the revision's seal.
    QVERIFY(report.auditEntries >= 6 * decisions);
}

// A range of 60,000 rows is digested on a second thread while the first reads (see
// AuditedRows::sealRows); its seal must name the same rows with the same digests as the seals of
// its two halves, each small enough to be digested on the reading thread.
void TestAuditChain::aLargeRangeIsSealedAsItsParts()
{
    Testing::TemporaryProject project;
    auto &store = project.store();
    if (store.isServer())
        QSKIP("a server project's rows are digested as Qt reads them; no second thread");
    QSqlQuery fill(store.database());
    QVERIFY2(fill.exec(QStringLiteral(
                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <"
                     " 60000) INSERT INTO samples (path, byte_size, width, height, added_at)"
                     " SELECT 'img/' || i || '.png', i * 7, i % 640, i % 480,"
                     " '2024-05-01T12:30:00.000Z' FROM n")),
             qPrintable(fill.lastError().text()));
    const int schema = store.schemaVersion();
    const auto whole
            = AuditedRows::sealRows(store.database(), QStringLiteral("samples"), 1, 60000, schema);
    const auto firstHalf
            = AuditedRows::sealRows(store.database(), QStringLiteral("samples"), 1, 30000, schema);
    const auto secondHalf = AuditedRows::sealRows(store.database(), QStringLiteral("samples"),
                                                  30001, 60000, schema);
    QVERIFY(whole && firstHalf && secondHalf);
    QCOMPARE(whole->rowCount, 60000);
    QCOMPARE(whole->rowIds, QStringLiteral("1-60000"));
    QCOMPARE(whole->rowTags.size(), 4 * 60000);
    QCOMPARE(whole->rowTags, firstHalf->rowTags + secondHalf->rowTags);
    // The same rows read again give the same seal.
    const auto again
            = AuditedRows::sealRows(store.database(), QStringLiteral("samples"), 1, 60000, schema);
    QVERIFY(again);
    QCOMPARE(again->rowsDigest, whole->rowsDigest);
}

// Rows a writer digests as it inserts them (WrittenRows) seal the transaction only when they are
// the stored rows: a wrong encoding, a gap in the ids, rows written after them or more rows than
// it keeps make the seal read every row back. Whichever way, the project verifies.
void TestAuditChain::rowsDigestedAsWrittenAreTakenOnlyWhenTheyReadBackTheSame_data()
{
    QTest::addColumn<QString>("mistake");
    QTest::addColumn<bool>("taken");
    QTest::newRow("none") << QString() << true;
    QTest::newRow("a value encoded wrong") << QStringLiteral("value") << false;
    QTest::newRow("a column short") << QStringLiteral("columns") << false;
    QTest::newRow("a gap in the ids") << QStringLiteral("gap") << false;
    QTest::newRow("a row written after them") << QStringLiteral("after") << false;
    QTest::newRow("a row written before them") << QStringLiteral("before") << true;
    QTest::newRow("more rows than it keeps") << QStringLiteral("cap") << false;
}

void TestAuditChain::rowsDigestedAsWrittenAreTakenOnlyWhenTheyReadBackTheSame()
{
    QFETCH(QString, mistake);
    QFETCH(bool, taken);
    Testing::TemporaryProject project;
    auto &store = project.store();
    if (store.isServer())
        QSKIP("rows are digested as written in a project file only");
    const int rows = 500;
    const qint64 before = AuditedRows::rowsSealedAsWritten();
    {
        StoreTransaction transaction(store);
        QVERIFY(!transaction.beginError());
        QSqlQuery insert(store.database());
        QVERIFY(insert.prepare(QStringLiteral(
                "INSERT INTO models (id, name, version, created_at) VALUES (?, ?, ?, ?)")));
        auto add = [&insert](qint64 id, const QString &name) {
            insert.addBindValue(id);
            insert.addBindValue(name);
            insert.addBindValue(QStringLiteral("1"));
            insert.addBindValue(QStringLiteral("2024-05-01T12:30:00.000Z"));
            return insert.exec();
        };
        if (mistake == QLatin1String("before"))
            QVERIFY(add(1, QStringLiteral("first")));
        const qint64 first = mistake == QLatin1String("before") ? 2 : 1;
        WrittenRows written(store.database(), QStringLiteral("models"), store.schemaVersion(),
                            mistake == QLatin1String("cap") ? rows / 5
                                                            : WrittenRows::defaultMaxRows);
        for (qint64 i = 0; i < rows; ++i) {
            const qint64 id = first + i + (mistake == QLatin1String("gap") && i >= 100 ? 1 : 0);
            const QString name = QStringLiteral("model %1").arg(i);
            QVERIFY(add(id, name));
            RowEncoding row;
            row.addText(name.toUtf8());
            // A mistake of the writer's encoding shows on every row it writes: the rows read
            // back to check it find it.
            if (mistake == QLatin1String("value"))
                row.addInteger(1);
            else
                row.addText("1");
            if (mistake != QLatin1String("columns"))
                row.addText("2024-05-01T12:30:00.000Z");
            written.add(id, row);
        }
        if (mistake == QLatin1String("after"))
            QVERIFY(add(10000, QStringLiteral("last")));
        QVERIFY(!transaction.commit());
    }
    QCOMPARE(AuditedRows::rowsSealedAsWritten() - before, taken ? qint64(rows) : 0);
    const auto verified = store.verify();
    QVERIFY2(verified.intact, qPrintable(verified.problem));
}

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_auditchain.moc"
