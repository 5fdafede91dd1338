// The project store: every entity round-trips, and every way a file can be wrong gives a clear
// message and changes nothing.
#include "store/projectstore.h"
#include "store/storetransaction.h"
#include "temporaryproject.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

class TestProjectStore : public QObject
{
    Q_OBJECT

private slots:
    void samplesModelsAndPredictionsRoundTrip();
    void batchesAndReviewsRoundTrip();
    void labelRevisionsAndVersionsRoundTrip();
    void classesAreRetiredNotDeleted();
    void transactionRollsBackAsAWhole();
    void changeSignalFiresOnceAfterCommit();
    void badFiles_data();
    void badFiles();
    void newerSchemaIsRefused();
    void readOnlyFileIsRefusedForWriting();
    void lockedDatabaseWaitsThenFailsCleanly();
    void refusesPathsLeavingTheDataRoot_data();
    void refusesPathsLeavingTheDataRoot();
    void existingProjectIsNotOverwritten();
    void seesWhatAnotherConnectionWrote();
    void serverProblemsNameTheAddress();
};

void TestProjectStore::samplesModelsAndPredictionsRoundTrip()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    auto &store = project.store();
    QVERIFY(!store.ensureClasses(
            {QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("bird")}));

    SampleRecord sample;
    sample.path = QStringLiteral("images/a.png");
    sample.sha256 = QByteArray(64, 'a');
    sample.byteSize = 1234;
    sample.width = 640;
    sample.height = 480;
    sample.split = SampleSplit::Test;
    sample.metadata = QJsonObject {{QStringLiteral("camera"), QStringLiteral("left")}};
    QVERIFY(!store.addSample(sample));
    QVERIFY(sample.id > 0);

    SampleRecord again;
    again.path = sample.path;
    QVERIFY(!store.addSample(again));
    QCOMPARE(again.id, sample.id);
    QCOMPARE(store.sampleCount(), 1);

    const auto read = store.sample(sample.id);
    QVERIFY(read);
    QCOMPARE(read->path, sample.path);
    QCOMPARE(read->sha256, sample.sha256);
    QCOMPARE(read->byteSize, 1234);
    QCOMPARE(read->width, 640);
    QCOMPARE(read->height, 480);
    QCOMPARE(read->split, SampleSplit::Test);
    QCOMPARE(read->metadata, sample.metadata);
    QCOMPARE(read->kind, QStringLiteral("image"));

    ModelRecord model {0, QStringLiteral("resnet"), QStringLiteral("2"), {}, 0, {}};
    QVERIFY(!store.addModel(model));
    QVERIFY(model.id > 0);
    QVERIFY(!store.setModelMetrics(model.id, QJsonObject {{QStringLiteral("accuracy"), 0.9}}, 3));
    const auto readModel = store.modelByKey(QStringLiteral("resnet"), QStringLiteral("2"));
    QVERIFY(readModel);
    QCOMPARE(readModel->key(), QStringLiteral("resnet@2"));
    QCOMPARE(readModel->trainedOnVersion, 3);
    QCOMPARE(readModel->metrics.value(QStringLiteral("accuracy")).toDouble(), 0.9);

    PredictionRecord prediction;
    prediction.sampleId = sample.id;
    prediction.modelId = model.id;
    prediction.label = QStringLiteral("dog");
    prediction.confidence = 0.625;
    prediction.probs = {0.25f, 0.625f, 0.125f};
    prediction.committee = {{QStringLiteral("knn@1"), QStringLiteral("cat"), {0.5f, 0.5f, 0.0f}},
                            {QStringLiteral("svm@1"), QStringLiteral("dog"), {}}};
    prediction.embedding = {1.5f, -2.0f, 0.0f, 3.25f};
    PredictedObject box;
    box.label = QStringLiteral("cat");
    box.score = 0.5;
    box.box = QRectF(1, 2, 30, 40);
    PredictedObject polygon;
    polygon.shape = PredictedObject::Shape::Polygon;
    polygon.label = QStringLiteral("dog");
    polygon.score = 0.25;
    polygon.polygon = QPolygonF({QPointF(0, 0), QPointF(10, 0), QPointF(5, 8)});
    PredictedObject span;
    span.shape = PredictedObject::Shape::Span;
    span.label = QStringLiteral("bird");
    span.score = 0.75;
    span.spanStart = 3;
    span.spanEnd = 9;
    span.text = QStringLiteral("sparrow");
    span.page = 2;
    prediction.objects = {box, polygon, span};
    prediction.heatmapPath = QStringLiteral("heat/a.npy");
    prediction.predictedAt = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    prediction.truth = QStringLiteral("cat");
    prediction.report = QStringLiteral("looks wrong");
    prediction.upstreamFlags = {{QStringLiteral("drift"), QStringLiteral("PSI 0.3")}};
    prediction.metadata = QJsonObject {{QStringLiteral("request"), 42}};
    prediction.logLine = 7;
    QVERIFY(!store.addPrediction(prediction));
    QVERIFY(prediction.id > 0);

    PredictionRecord duplicate = prediction;
    duplicate.id = 0;
    duplicate.label = QStringLiteral("cat");
    QVERIFY(!store.addPrediction(duplicate));
    QCOMPARE(duplicate.id, prediction.id);
    QCOMPARE(store.predictionCount(), 1);

    const auto readPrediction = store.prediction(prediction.id);
    QVERIFY(readPrediction);
    QCOMPARE(readPrediction->label, QStringLiteral("dog"));
    QCOMPARE(readPrediction->confidence, 0.625);
    QCOMPARE(readPrediction->probs, prediction.probs);
    QCOMPARE(readPrediction->committee.size(), 2);
    QCOMPARE(readPrediction->committee.at(0).model, QStringLiteral("knn@1"));
    QCOMPARE(readPrediction->committee.at(0).probs, prediction.committee.at(0).probs);
    QCOMPARE(readPrediction->committee.at(1).label, QStringLiteral("dog"));
    QCOMPARE(readPrediction->embedding, prediction.embedding);
    QCOMPARE(readPrediction->objects.size(), 3);
    QCOMPARE(readPrediction->objects.at(0).box, box.box);
    QCOMPARE(readPrediction->objects.at(1).polygon, polygon.polygon);
    QCOMPARE(readPrediction->objects.at(2).spanEnd, 9);
    QCOMPARE(readPrediction->objects.at(2).text, QStringLiteral("sparrow"));
    QCOMPARE(readPrediction->objects.at(2).page, 2);
    QCOMPARE(readPrediction->heatmapPath, prediction.heatmapPath);
    QCOMPARE(readPrediction->predictedAt, prediction.predictedAt);
    QCOMPARE(readPrediction->truth, QStringLiteral("cat"));
    QCOMPARE(readPrediction->report, prediction.report);
    QCOMPARE(readPrediction->upstreamFlags.size(), 1);
    QCOMPARE(readPrediction->upstreamFlags.at(0).detail, QStringLiteral("PSI 0.3"));
    QCOMPARE(readPrediction->metadata, prediction.metadata);
    QCOMPARE(readPrediction->logLine, 7);
    QCOMPARE(store.predictionsForSample(sample.id).size(), 1);

    // Everything survives closing and reopening the file.
    store.close();
    ProjectStore reopened;
    QVERIFY(!reopened.open(project.projectPath()));
    QCOMPARE(reopened.prediction(prediction.id)->embedding, prediction.embedding);
    QCOMPARE(reopened.classNames(),
             QStringList({QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("bird")}));
}

void TestProjectStore::batchesAndReviewsRoundTrip()
{
    Testing::TemporaryProject project;
    auto &store = project.store();
    QList<BatchItemRecord> items;
    for (int i = 0; i < 5; ++i) {
        SampleRecord sample;
        sample.path = QStringLiteral("s%1.png").arg(i);
        QVERIFY(!store.addSample(sample));
        BatchItemRecord item;
        item.sampleId = sample.id;
        item.priority = 1.0 - i * 0.1;
        item.control = i == 4;
        item.reasons = {{QStringLiteral("low_confidence"), 0.7,
                         QStringLiteral("confidence 0.30 below 0.50")},
                        {QStringLiteral("margin"), 0.2, QStringLiteral("margin 0.05 below 0.10")}};
        items.append(item);
    }
    BatchRecord batch;
    batch.name = QStringLiteral("monday");
    batch.createdBy = QStringLiteral("lead");
    batch.policy = QJsonObject {{QStringLiteral("size"), 5}};
    QVERIFY(!store.addBatch(batch, items));
    QVERIFY(batch.id > 0);

    BatchRecord sameName;
    sameName.name = QStringLiteral("monday");
    QList<BatchItemRecord> none;
    QCOMPARE(store.addBatch(sameName, none).code, StoreError::Code::Conflict);

    const auto window = store.batchItems(batch.id, 1, 2);
    QCOMPARE(window.size(), 2);
    QCOMPARE(window.at(0).position, 1);
    QCOMPARE(window.at(0).reasons.size(), 2);
    QCOMPARE(window.at(0).reasons.at(0).reason, QStringLiteral("confidence 0.30 below 0.50"));
    QCOMPARE(store.batchItems(batch.id).at(4).control, true);
    QCOMPARE(store.batchByName(QStringLiteral("monday"))->policy, batch.policy);
    QCOMPARE(store.batchItemCount(batch.id), 5);

    ReviewRecord review;
    review.batchItemId = items.at(0).id;
    review.sampleId = items.at(0).sampleId;
    review.reviewer = QStringLiteral("ann");
    review.action = ReviewAction::Override;
    review.label = QStringLiteral("dog");
    review.blindLabel = QStringLiteral("cat");
    review.comment = QStringLiteral("ears");
    review.startedAt = QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
    review.finishedAt = QDateTime(QDate(2026, 1, 1), QTime(9, 0, 4), Qt::UTC);
    QVERIFY(!store.recordReview(review));
    const auto readReview = store.review(review.id);
    QVERIFY(readReview);
    QCOMPARE(readReview->action, ReviewAction::Override);
    QCOMPARE(readReview->label, QStringLiteral("dog"));
    QCOMPARE(readReview->blindLabel, QStringLiteral("cat"));
    QCOMPARE(readReview->comment, QStringLiteral("ears"));
    QCOMPARE(readReview->startedAt, review.startedAt);
    QCOMPARE(readReview->finishedAt, review.finishedAt);
    QCOMPARE(store.batchItem(items.at(0).id)->status, ReviewStatus::Overridden);
    QCOMPARE(store.batchByName(QStringLiteral("monday"))->decidedCount, 1);

    // Undo is a new review that revokes the earlier one; the item is pending again.
    ReviewRecord revoke;
    revoke.batchItemId = review.batchItemId;
    revoke.sampleId = review.sampleId;
    revoke.reviewer = QStringLiteral("ann");
    revoke.action = ReviewAction::Revoke;
    revoke.revokesReviewId = review.id;
    QVERIFY(!store.recordReview(revoke));
    QCOMPARE(store.batchItem(items.at(0).id)->status, ReviewStatus::Pending);
    QCOMPARE(store.reviewsForSample(review.sampleId).size(), 2);

    // Reviews are append-only, even through SQL.
    QSqlQuery query(store.database());
    QVERIFY(!query.exec(QStringLiteral("UPDATE reviews SET label_id = NULL")));
    QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit")));
}

void TestProjectStore::labelRevisionsAndVersionsRoundTrip()
{
    Testing::TemporaryProject project;
    auto &store = project.store();
    SampleRecord sample;
    sample.path = QStringLiteral("x.png");
    QVERIFY(!store.addSample(sample));

    LabelRevision revision;
    revision.sampleId = sample.id;
    revision.label = QStringLiteral("cat");
    revision.author = QStringLiteral("ann");
    revision.reason = QStringLiteral("first look");
    QVERIFY(!store.addLabelRevision(revision));
    QVERIFY(revision.id > 0);
    QCOMPARE(store.currentLabel(sample.id), QStringLiteral("cat"));
    QCOMPARE(store.workingChangeCount(), 1);

    // The same label again writes nothing.
    LabelRevision same = revision;
    same.id = 0;
    QVERIFY(!store.addLabelRevision(same));
    QCOMPARE(same.id, 0);

    VersionRecord version;
    QVERIFY(!store.commitVersion(QStringLiteral("ann"), QStringLiteral("seed"), &version));
    QCOMPARE(version.number, 1);
    QCOMPARE(version.added, 1);
    QCOMPARE(version.total, 1);
    QCOMPARE(version.hash.size(), 64);
    QCOMPARE(store.workingChangeCount(), 0);
    QCOMPARE(store.commitVersion(QStringLiteral("ann"), QStringLiteral("empty")).code,
             StoreError::Code::Conflict);

    const auto history = store.sampleHistory(sample.id);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0).versionAdded, 1);
    QCOMPARE(history.at(0).reason, QStringLiteral("first look"));
    QCOMPARE(store.findVersion(QString::fromLatin1(version.hash.left(8)))->number, 1);
    QCOMPARE(store.findVersion(QStringLiteral("v1"))->number, 1);
    QVERIFY(!store.findVersion(QStringLiteral("7")));
}

void TestProjectStore::classesAreRetiredNotDeleted()
{
    Testing::TemporaryProject project;
    auto &store = project.store();
    QVERIFY(!store.ensureClasses({QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(!store.retireClass(QStringLiteral("a")));
    QCOMPARE(store.classNames(), QStringList {QStringLiteral("b")});
    QCOMPARE(store.classNames(true).size(), 2);
    SampleRecord sample;
    sample.path = QStringLiteral("s.png");
    QVERIFY(!store.addSample(sample));
    LabelRevision revision {
            0, sample.id, {}, QStringLiteral("a"), {}, QStringLiteral("ann"), {}, 0, {}, 0, 0};
    const auto error = store.addLabelRevision(revision);
    QCOMPARE(error.code, StoreError::Code::InvalidArgument);
    QVERIFY(error.message.contains(QStringLiteral("retired")));
    QCOMPARE(store.retireClass(QStringLiteral("zebra")).code, StoreError::Code::NotFound);
}

void TestProjectStore::transactionRollsBackAsAWhole()
{
    Testing::TemporaryProject project;
    auto &store = project.store();
    {
        StoreTransaction transaction(store);
        SampleRecord sample;
        sample.path = QStringLiteral("kept-only-if-committed.png");
        QVERIFY(!store.addSample(sample));
        // An inner failure poisons the outer transaction.
        SampleRecord bad;
        bad.path = QStringLiteral("../outside.png");
        QVERIFY(store.addSample(bad).isError());
        {
            StoreTransaction inner(store);
            inner.rollback();
        }
        QVERIFY(transaction.commit().isError());
    }
    QCOMPARE(store.sampleCount(), 0);
    {
        StoreTransaction transaction(store);
        SampleRecord sample;
        sample.path = QStringLiteral("dropped.png");
        QVERIFY(!store.addSample(sample));
        // Leaves scope without commit: rolled back.
    }
    QCOMPARE(store.sampleCount(), 0);
}

void TestProjectStore::changeSignalFiresOnceAfterCommit()
{
    Testing::TemporaryProject project;
    auto &store = project.store();
    QSignalSpy spy(&store, &ProjectStore::changed);
    {
        StoreTransaction transaction(store);
        for (int i = 0; i < 3; ++i) {
            SampleRecord sample;
            sample.path = QStringLiteral("s%1.png").arg(i);
            QVERIFY(!store.addSample(sample));
        }
        QCOMPARE(spy.count(), 0);
        QVERIFY(!transaction.commit());
    }
    QCOMPARE(spy.count(), 1);
    const auto changes = spy.at(0).at(0).value<ProjectStore::Changes>();
    QVERIFY(changes.testFlag(ProjectStore::Change::Samples));
}

void TestProjectStore::badFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("expectedCode");
    QTest::addColumn<QString>("expectedWords");
    QTest::newRow("text file") << QByteArray("sample,label\na.png,cat\n")
                               << int(StoreError::Code::NotAProject)
                               << QStringLiteral("not a Boucle project");
    QTest::newRow("empty file") << QByteArray() << int(StoreError::Code::NotAProject)
                                << QStringLiteral("not a Boucle project");
    QByteArray corrupt("SQLite format 3\0", 16);
    corrupt.append(QByteArray(4096, '\xff'));
    QTest::newRow("damaged SQLite header")
            << corrupt << int(StoreError::Code::Corrupt) << QStringLiteral("damaged");
}

void TestProjectStore::badFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(int, expectedCode);
    QFETCH(QString, expectedWords);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.boucle"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    ProjectStore store;
    const auto error = store.open(path);
    QCOMPARE(int(error.code), expectedCode);
    QVERIFY2(error.message.contains(expectedWords), qPrintable(error.message));
    QVERIFY(error.message.contains(path));
    QVERIFY(!store.isOpen());
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), content); // nothing was changed
}

void TestProjectStore::newerSchemaIsRefused()
{
    Testing::TemporaryProject project;
    QVERIFY(QSqlQuery(project.store().database())
                    .exec(project.isServer()
                                  ? QStringLiteral("UPDATE boucle_schema SET schema_version = 99")
                                  : QStringLiteral("PRAGMA user_version=99")));
    project.store().close();
    ProjectStore store;
    const auto error = store.open(project.projectPath());
    QCOMPARE(error.code, StoreError::Code::NewerSchema);
    QVERIFY(error.message.contains(QStringLiteral("newer Boucle")));
    QVERIFY(error.message.contains(QStringLiteral("99")));
    QVERIFY2(error.message.contains(project.projectPath()), qPrintable(error.message));

    if (project.isServer()) {
        // Another application's schema on the same database is not taken for a project.
        QString problem;
        QVERIFY2(project.runOnServer(QStringLiteral("CREATE SCHEMA other; CREATE TABLE other.t"
                                                    " (x BIGINT)"),
                                     false, &problem),
                 qPrintable(problem));
        QString address = project.projectPath();
        address.replace(QRegularExpression(QStringLiteral("project=\\w+")),
                        QStringLiteral("project=other"));
        const auto refused = store.open(address);
        QCOMPARE(refused.code, StoreError::Code::NotAProject);
        QVERIFY2(refused.message.contains(QStringLiteral("not a Boucle project")),
                 qPrintable(refused.message));
    }

    // Another application's SQLite file is not taken for a project.
    QTemporaryDir dir;
    const QString other = dir.filePath(QStringLiteral("other.db"));
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        db.setDatabaseName(other);
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("CREATE TABLE t (x)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    QCOMPARE(store.open(other).code, StoreError::Code::NotAProject);
}

void TestProjectStore::readOnlyFileIsRefusedForWriting()
{
    Testing::TemporaryProject project;
    SampleRecord sample;
    sample.path = QStringLiteral("a.png");
    QVERIFY(!project.store().addSample(sample));
    project.store().close();
    ProjectStore store;
    if (project.isServer()) {
        // No file permissions on a server: a read-only opening is the server's read-only
        // transactions, and it refuses writes with the same message.
        QVERIFY(!store.open(project.projectPath(), ProjectStore::OpenMode::ReadOnly));
        QCOMPARE(store.sampleCount(), 1);
        SampleRecord another;
        another.path = QStringLiteral("b.png");
        QCOMPARE(store.addSample(another).code, StoreError::Code::ReadOnly);
        QCOMPARE(store.sampleCount(), 1);
        return;
    }
    QFile::setPermissions(project.projectPath(), QFile::ReadOwner | QFile::ReadUser);
    const auto error = store.open(project.projectPath());
    QCOMPARE(error.code, StoreError::Code::ReadOnly);
    QVERIFY(error.message.contains(QStringLiteral("read-only")));
    // Read-only opening still works, and refuses writes with a message.
    QVERIFY(!store.open(project.projectPath(), ProjectStore::OpenMode::ReadOnly));
    QCOMPARE(store.sampleCount(), 1);
    SampleRecord another;
    another.path = QStringLiteral("b.png");
    QCOMPARE(store.addSample(another).code, StoreError::Code::ReadOnly);
    QFile::setPermissions(project.projectPath(), QFile::ReadOwner | QFile::WriteOwner);
}

void TestProjectStore::lockedDatabaseWaitsThenFailsCleanly()
{
    qputenv("BOUCLE_BUSY_TIMEOUT_MS", "200");
    Testing::TemporaryProject project;
    ProjectStore holder;
    QVERIFY(!holder.open(project.projectPath()));
    StoreTransaction holding(holder);
    QVERIFY(!holding.beginError());

    ProjectStore writer;
    QVERIFY(!writer.open(project.projectPath()));
    SampleRecord sample;
    sample.path = QStringLiteral("late.png");
    const auto error = writer.addSample(sample);
    QCOMPARE(error.code, StoreError::Code::Locked);
    QVERIFY(error.message.contains(QStringLiteral("locked")));
    holding.rollback();
    QCOMPARE(writer.sampleCount(), 0);
    QVERIFY(!writer.addSample(sample)); // once released, the write goes through
    qunsetenv("BOUCLE_BUSY_TIMEOUT_MS");
}

void TestProjectStore::refusesPathsLeavingTheDataRoot_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("absolute") << QStringLiteral("/etc/passwd");
    QTest::newRow("parent") << QStringLiteral("../secret.png");
    QTest::newRow("parent inside") << QStringLiteral("a/../../b.png");
    QTest::newRow("empty") << QString();
    QTest::newRow("backslash") << QStringLiteral("a\\b.png");
}

void TestProjectStore::refusesPathsLeavingTheDataRoot()
{
    QFETCH(QString, path);
    Testing::TemporaryProject project;
    SampleRecord sample;
    sample.path = path;
    QCOMPARE(project.store().addSample(sample).code, StoreError::Code::InvalidArgument);
    QCOMPARE(project.store().sampleCount(), 0);
}

void TestProjectStore::existingProjectIsNotOverwritten()
{
    Testing::TemporaryProject project;
    SampleRecord sample;
    sample.path = QStringLiteral("a.png");
    QVERIFY(!project.store().addSample(sample));
    ProjectStore second;
    QCOMPARE(second.create(project.projectPath()).code, StoreError::Code::Conflict);
    QCOMPARE(project.store().sampleCount(), 1);
    QCOMPARE(second.open(project.filePath(QStringLiteral("missing.boucle"))).code,
             StoreError::Code::NotFound);
}

void TestProjectStore::seesWhatAnotherConnectionWrote()
{
    // A reader must never be stuck on an old snapshot: what another process commits shows at once.
    Testing::TemporaryProject project;
    SampleRecord first;
    first.path = QStringLiteral("first.png");
    QVERIFY(!project.store().addSample(first));
    ProjectStore other;
    QVERIFY(!other.open(project.projectPath()));
    QVERIFY(other.sampleByPath(first.path));
    QVERIFY(!other.sampleByPath(QStringLiteral("second.png")));
    SampleRecord second;
    second.path = QStringLiteral("second.png");
    QVERIFY(!project.store().addSample(second));
    QVERIFY(other.sampleByPath(second.path));
    LabelRevision revision {
            0, second.id, {}, QStringLiteral("cat"), {}, QStringLiteral("ann"), {}, 0, {}, 0, 0};
    QVERIFY(!project.store().addLabelRevision(revision));
    QCOMPARE(other.currentLabel(second.id), QStringLiteral("cat"));
}

void TestProjectStore::serverProblemsNameTheAddress()
{
    if (!Testing::TemporaryProject::onServer())
        QSKIP("server projects only (the @postgresql run)");
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    QCOMPARE(project.store().path(), project.projectPath());
    QVERIFY(QDir::isAbsolutePath(project.store().dataRoot()));
    QCOMPARE(project.store().dataRoot(), QDir::cleanPath(project.directory()));

    // A project that is not there is named, with the way to make it.
    QString address = project.projectPath();
    address.replace(QRegularExpression(QStringLiteral("project=\\w+")),
                    QStringLiteral("project=nowhere"));
    ProjectStore store;
    auto error = store.open(address);
    QCOMPARE(error.code, StoreError::Code::NotFound);
    QVERIFY2(error.message.contains(address), qPrintable(error.message));
    QVERIFY(!store.isOpen());

    // A server that is down: its address is named, and nothing is left open.
    QTemporaryDir empty;
    const QString downAddress
            = QStringLiteral("postgresql://postgres@/postgres?project=p&host=%1").arg(empty.path());
    error = store.open(downAddress);
    QCOMPARE(error.code, StoreError::Code::Failed);
    QVERIFY2(error.message.contains(QStringLiteral("Cannot connect to")),
             qPrintable(error.message));
    QVERIFY2(error.message.contains(empty.path()), qPrintable(error.message));
    QVERIFY(!store.isOpen());
    QCOMPARE(store.create(downAddress).code, StoreError::Code::Failed);

    // A refused address never reaches the server, and never repeats its password.
    error = store.open(QStringLiteral("postgresql://ann:secret@db.example/boucle?project=p"));
    QCOMPARE(error.code, StoreError::Code::InvalidArgument);
    QVERIFY(!error.message.contains(QStringLiteral("secret")));

    // Two projects on one database are two schemas, each with its own rows.
    ProjectStore second;
    const QString secondAddress = Testing::TemporaryProject::newServerProject();
    QVERIFY(!second.create(secondAddress, project.directory()));
    SampleRecord sample;
    sample.path = QStringLiteral("only-here.png");
    QVERIFY(!second.addSample(sample));
    QCOMPARE(second.sampleCount(), 1);
    QCOMPARE(project.store().sampleCount(), 0);
    QVERIFY(second.verify().intact);
}

QTEST_GUILESS_MAIN(TestProjectStore)
#include "tst_projectstore.moc"
