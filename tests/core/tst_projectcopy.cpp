// `boucle migrate`'s copy: a project with samples, predictions, a batch, reviews, two versions and
// settings goes to another file and to a PostgreSQL server project and back, and each copy
// verifies, ends its audit chain where the source does and holds the same labels in every
// version. A copy that cannot be made leaves nothing behind.
#include "store/projectstore.h"
#include "temporaryproject.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Boucle;

class TestProjectCopy : public QObject
{
    Q_OBJECT

private slots:
    void fileToFile();
    void fileToServerAndBack();
    void anExistingTargetIsRefused();
    void aProjectThatDoesNotVerifyIsNotCopied();
    void commandLine();

private:
    void buildHistory(ProjectStore &store);
    void compareWith(ProjectStore &source, const QString &copyLocation);
};

namespace {

QString labelsText(const ProjectStore &store, int version)
{
    const auto labels = store.labelsAt(version);
    if (labels.isError())
        return QStringLiteral("error: ") + labels.error.message;
    QStringList lines;
    for (const auto &labelled : labels.value)
        lines.append(labelled.samplePath + QLatin1Char('=') + labelled.label);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

void TestProjectCopy::buildHistory(ProjectStore &store)
{
    QVERIFY(!store.setSetting(QStringLiteral("review.blind"), QStringLiteral("true")));
    QList<BatchItemRecord> items;
    ModelRecord model;
    model.name = QStringLiteral("net");
    model.version = QStringLiteral("1");
    QVERIFY(!store.addModel(model));
    for (int i = 0; i < 5; ++i) {
        SampleRecord sample;
        sample.path = QStringLiteral("img/%1.png").arg(i);
        sample.sha256 = QByteArray(64, char('a' + i));
        QVERIFY(!store.addSample(sample));
        LabelRevision revision;
        revision.sampleId = sample.id;
        revision.label = i % 2 ? QStringLiteral("cat") : QStringLiteral("dog");
        revision.author = QStringLiteral("ann");
        QVERIFY(!store.addLabelRevision(revision));
        PredictionRecord prediction;
        prediction.sampleId = sample.id;
        prediction.modelId = model.id;
        prediction.label = QStringLiteral("cat");
        prediction.confidence = 0.4 + 0.1 * i;
        prediction.probs = {float(0.4 + 0.1 * i), float(0.6 - 0.1 * i)};
        prediction.embedding = {1.5f, -2.25f, float(i)};
        QVERIFY(!store.addPrediction(prediction));
        BatchItemRecord item;
        item.sampleId = sample.id;
        item.predictionId = prediction.id;
        item.priority = 1.0 - 0.1 * i;
        item.reasons = {{QStringLiteral("low_confidence"), 0.5, QStringLiteral("low")}};
        items.append(item);
    }
    QVERIFY(!store.commitVersion(QStringLiteral("ann"), QStringLiteral("seed")));
    BatchRecord batch;
    batch.name = QStringLiteral("first");
    QVERIFY(!store.addBatch(batch, items));
    for (int i = 0; i < 3; ++i) {
        ReviewRecord review;
        review.batchItemId = items[i].id;
        review.sampleId = items[i].sampleId;
        review.predictionId = items[i].predictionId;
        review.reviewer = QStringLiteral("bob");
        review.action = ReviewAction::Override;
        review.label = QStringLiteral("bird");
        review.comment = QStringLiteral("wings");
        QVERIFY(!store.recordReview(review));
        LabelRevision revision;
        revision.sampleId = items[i].sampleId;
        revision.label = QStringLiteral("bird");
        revision.author = QStringLiteral("bob");
        revision.reason = QStringLiteral("wings");
        revision.reviewId = review.id;
        QVERIFY(!store.addLabelRevision(revision));
    }
    QVERIFY(!store.commitVersion(QStringLiteral("bob"), QStringLiteral("corrections")));
    // A working change left uncommitted travels too.
    LabelRevision working;
    working.sampleId = items[4].sampleId;
    working.label = QStringLiteral("cat");
    working.author = QStringLiteral("bob");
    QVERIFY(!store.addLabelRevision(working));
    const auto report = store.verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
}

void TestProjectCopy::compareWith(ProjectStore &source, const QString &copyLocation)
{
    ProjectStore copy;
    const auto error = copy.open(copyLocation, ProjectStore::OpenMode::ReadOnly);
    QVERIFY2(!error, qPrintable(error.message));
    const auto report = copy.verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
    const auto sourceReport = source.verify();
    QCOMPARE(report.sealedRows, sourceReport.sealedRows);
    QCOMPARE(report.versionsChecked, 2);
    QCOMPARE(copy.versions().size(), 2);
    for (int version = 1; version <= 2; ++version)
        QCOMPARE(labelsText(copy, version), labelsText(source, version));
    QCOMPARE(copy.workingChangeCount(), 1);
    QCOMPARE(copy.setting(QStringLiteral("review.blind")), QStringLiteral("true"));
    const auto changes = copy.diff(1, 2);
    QVERIFY(!changes.isError());
    QCOMPARE(changes.value.size(), 3);
    QCOMPARE(changes.value.first().reason, QStringLiteral("wings"));
    // The samples are found where the source finds them.
    QCOMPARE(copy.dataRoot(), source.dataRoot());
}

void TestProjectCopy::fileToFile()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    buildHistory(project.store());
    const QString target = project.filePath(QStringLiteral("sub/copy.boucle"));
    QVERIFY(QDir().mkpath(project.filePath(QStringLiteral("sub"))));
    qint64 rows = 0;
    const auto parsed = ProjectLocation::parse(target);
    QVERIFY(!parsed.isError());
    const auto error = project.store().copyTo(parsed.value, &rows);
    QVERIFY2(!error, qPrintable(error.message));
    QVERIFY(rows > 40);
    compareWith(project.store(), target);
    // Same chain: the copy moved folders, so its data root was made absolute with one more entry.
    ProjectStore copy;
    QVERIFY(!copy.open(target, ProjectStore::OpenMode::ReadOnly));
    QCOMPARE(copy.auditHead().entries, project.store().auditHead().entries + 1);
}

void TestProjectCopy::fileToServerAndBack()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    buildHistory(project.store());
    const QString server = Testing::TemporaryProject::newServerProject();
    QVERIFY(!server.isEmpty());
    auto parsed = ProjectLocation::parse(server);
    QVERIFY2(!parsed.isError(), qPrintable(parsed.error.message));
    auto error = project.store().copyTo(parsed.value);
    QVERIFY2(!error, qPrintable(error.message));
    compareWith(project.store(), server);

    // And back to a file, an offline snapshot: the same history again.
    ProjectStore onServer;
    QVERIFY(!onServer.open(server, ProjectStore::OpenMode::ReadOnly));
    QVERIFY(onServer.isServer());
    QCOMPARE(onServer.auditHead().entries, project.store().auditHead().entries + 1);
    const QString snapshot = project.filePath(QStringLiteral("snapshot.boucle"));
    parsed = ProjectLocation::parse(snapshot);
    error = onServer.copyTo(parsed.value);
    QVERIFY2(!error, qPrintable(error.message));
    compareWith(project.store(), snapshot);
    ProjectStore back;
    QVERIFY(!back.open(snapshot, ProjectStore::OpenMode::ReadOnly));
    QCOMPARE(back.auditHead().entries, onServer.auditHead().entries);
    QCOMPARE(back.auditHead().hash, onServer.auditHead().hash);
}

void TestProjectCopy::anExistingTargetIsRefused()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    buildHistory(project.store());
    Testing::TemporaryProject other;
    QVERIFY(other.isValid());
    const auto before = other.store().auditHead();
    const auto parsed = ProjectLocation::parse(other.projectPath());
    const auto error = project.store().copyTo(parsed.value);
    QVERIFY(error.isError());
    QVERIFY2(error.message.contains(QStringLiteral("already exists")), qPrintable(error.message));
    QCOMPARE(other.store().auditHead().hash, before.hash);
}

void TestProjectCopy::aProjectThatDoesNotVerifyIsNotCopied()
{
    if (Testing::TemporaryProject::onServer())
        QSKIP("the edit behind Boucle's back is made with the sqlite3 shell on a project file");
    const QString sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    QVERIFY2(!sqlite.isEmpty(), "the sqlite3 shell (Debian package sqlite3) is needed");
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    buildHistory(project.store());
    project.store().close();
    QProcess shell;
    shell.start(sqlite,
                {project.projectPath(), QStringLiteral("DROP TRIGGER predictions_no_update;"
                                                       " UPDATE predictions SET"
                                                       " confidence = 0.99 WHERE id = 2;")});
    QVERIFY(shell.waitForFinished(30000));
    QCOMPARE(shell.exitCode(), 0);
    ProjectStore store;
    QVERIFY(!store.open(project.projectPath(), ProjectStore::OpenMode::ReadOnly));
    const QString target = project.filePath(QStringLiteral("copy.boucle"));
    const auto error = store.copyTo(ProjectLocation::parse(target).value);
    QVERIFY(error.isError());
    QVERIFY2(error.message.contains(QStringLiteral("predictions row 2 was altered")),
             qPrintable(error.message));
    QVERIFY(!QFileInfo::exists(target));
}

void TestProjectCopy::commandLine()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    buildHistory(project.store());
    const QString path = project.projectPath();
    project.store().close();
    const QString target = project.filePath(QStringLiteral("copied.boucle"));
    QProcess boucle;
    boucle.start(QStringLiteral(BOUCLE_BINARY), {QStringLiteral("migrate"), path, target});
    QVERIFY(boucle.waitForFinished(120000));
    QVERIFY2(boucle.exitCode() == 0, boucle.readAllStandardError().constData());
    QVERIFY(boucle.readAllStandardOutput().contains("the copy verifies"));
    boucle.start(QStringLiteral(BOUCLE_BINARY), {QStringLiteral("verify"), target});
    QVERIFY(boucle.waitForFinished(120000));
    QVERIFY2(boucle.exitCode() == 0, boucle.readAllStandardError().constData());
    // A second run finds the copy there and leaves it alone.
    boucle.start(QStringLiteral(BOUCLE_BINARY), {QStringLiteral("migrate"), path, target});
    QVERIFY(boucle.waitForFinished(120000));
    QCOMPARE(boucle.exitCode(), 1);
    QVERIFY(boucle.readAllStandardError().contains("already exists"));
}

QTEST_GUILESS_MAIN(TestProjectCopy)
#include "tst_projectcopy.moc"
