// The demo project and one turn of the loop, end to end on a small slice of opencv-doc's digits:
// the demo's own log goes through the ordinary import, the seed is version 1, a batch is flagged;
// after the batch is decided and committed, a retrain records model 2 and flags the next batch.
#include "learning/datasetloader.h"
#include "loop/demoproject.h"
#include "loop/loopturn.h"
#include "store/projectstore.h"
#include "store/storetransaction.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

class TestDemoProject : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void buildsAndClosesOneLoop();
    void refusesAFolderThatHoldsADemo();

private:
    QTemporaryDir m_dir;
    QString m_project;
};

void TestDemoProject::initTestCase()
{
    if (!QFile::exists(DatasetLoader::defaultPath(QStringLiteral("digits"))))
        QSKIP("opencv-doc's digits.png is not installed (Debian package opencv-doc)");
    DemoProject::Options options;
    options.sampleLimit = 400;
    options.batchSize = 20;
    const auto error
            = DemoProject::build(m_dir.filePath(QStringLiteral("demo")), options, &m_project);
    QVERIFY2(!error, qPrintable(error.message));
}

void TestDemoProject::buildsAndClosesOneLoop()
{
    ProjectStore store;
    QVERIFY(!store.open(m_project));
    QCOMPARE(store.classNames().size(), 10);
    // 400 samples: 20 % held out (never imported), the rest is the seed plus the pool.
    QCOMPARE(store.sampleCount(), 320);
    QCOMPARE(store.headVersion(), 1);
    QCOMPARE(store.version(1)->total, 20); // 5 % seed
    const auto models = store.models();
    QCOMPARE(models.size(), 1);
    QVERIFY(models.at(0).metrics.value(QStringLiteral("accuracy")).toDouble() > 0.3);
    const auto batch = store.batchByName(QStringLiteral("Loop 1"));
    QVERIFY(batch);
    QCOMPARE(batch->itemCount, 20);
    QVERIFY(store.verify().intact);

    // Reviewers confirm the flagged items: the batch's labels join the dataset as version 2.
    {
        StoreTransaction transaction(store);
        for (const auto &item : store.batchItems(batch->id)) {
            const auto prediction = store.prediction(item.predictionId);
            QVERIFY(prediction);
            ReviewRecord review;
            review.batchItemId = item.id;
            review.sampleId = item.sampleId;
            review.predictionId = item.predictionId;
            review.reviewer = QStringLiteral("tester");
            review.action = ReviewAction::Approve;
            review.label = prediction->label;
            QVERIFY(!store.recordReview(review));
            LabelRevision revision {0,  item.sampleId,
                                    {}, prediction->label,
                                    {}, QStringLiteral("tester"),
                                    {}, review.id,
                                    {}, 0,
                                    0};
            QVERIFY(!store.addLabelRevision(revision));
        }
        QVERIFY(!transaction.commit());
    }
    QVERIFY(!store.commitVersion(QStringLiteral("tester"), QStringLiteral("loop 1 reviewed")));

    LoopTurn::Options options;
    options.batchSize = 15;
    const auto turn = LoopTurn::run(store, options);
    QVERIFY2(!turn.error, qPrintable(turn.error.message));
    QCOMPARE(turn.datasetVersion, 2);
    QCOMPARE(turn.trainedOn, 40);
    QCOMPARE(turn.modelKey, QStringLiteral("digits-committee@2"));
    QCOMPARE(turn.batchName, QStringLiteral("Loop 2"));
    QCOMPARE(turn.batchItems, 15);
    const auto history = LoopTurn::history(store);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(1).datasetVersion, 2);
    QCOMPARE(history.at(1).accuracy, turn.accuracy);
    // The new predictions sit beside the old ones; reviewed samples are not flagged again.
    QCOMPARE(store.models().size(), 2);
    const auto next = store.batchByName(QStringLiteral("Loop 2"));
    QSet<SampleId> first;
    for (const auto &item : store.batchItems(batch->id))
        first.insert(item.sampleId);
    for (const auto &item : store.batchItems(next->id))
        QVERIFY(!first.contains(item.sampleId));
    QVERIFY(store.verify().intact);
}

void TestDemoProject::refusesAFolderThatHoldsADemo()
{
    QString again;
    const auto error = DemoProject::build(QFileInfo(m_project).absolutePath(), {}, &again);
    QCOMPARE(error.code, StoreError::Code::Conflict);
}

QTEST_GUILESS_MAIN(TestDemoProject)
#include "tst_demoproject.moc"
