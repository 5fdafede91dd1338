// Bulk decisions of ReviewSession (approveAll, relabelAll, skipAll), as the grid view makes them
// over a selection: one undo step restores every item, redo decides them again, each item gets
// one review in the audit chain and the chain verifies, every decision is on disk when the call
// returns, and a selection with one item that cannot take the decision is refused whole.
#include "review/reviewsession.h"
#include "reviewfixture.h"
#include "temporaryproject.h"

#include <QSignalSpy>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

class TestBulkDecisions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void bulkDecisionIsDurable_data();
    void bulkDecisionIsDurable();
    void oneUndoRestoresAllAndRedoDecidesAgain_data();
    void oneUndoRestoresAllAndRedoDecidesAgain();
    void auditChainVerifiesAfterUndoAndRedo();
    void itemNamedTwiceIsDecidedOnce();
    void refusalWritesNothing_data();
    void refusalWritesNothing();
    void decidedItemsCanBeDecidedAgainInBulk();

private:
    enum class Bulk { Approve, Relabel, Skip };
    StoreError decideAll(Bulk bulk, const QList<BatchItemId> &items, const QString &label = {});
    QList<BatchItemId> fixtureItems(std::initializer_list<int> indexes) const;

    // What a second connection to the project file sees now.
    struct Seen
    {
        int reviews = 0;
        QString label;
        ReviewStatus status = ReviewStatus::Pending;
    };
    Seen seenFromDisk(int index) const;
    qint64 auditEntriesOnDisk() const;

    std::unique_ptr<TemporaryProject> m_project;
    std::unique_ptr<ReviewSession> m_session;
    ReviewFixture m_fixture;
};

void TestBulkDecisions::init()
{
    m_project = std::make_unique<TemporaryProject>();
    QVERIFY(m_project->isValid());
    // 12 items; item i predicts classes[i % 6]: cat, dog, bird, fish, horse, sheep.
    QVERIFY(!makeReviewFixture(m_project->store(), 12, m_fixture));
    m_session = std::make_unique<ReviewSession>(m_project->store());
    m_session->setReviewer(QStringLiteral("ada"));
}

void TestBulkDecisions::cleanup()
{
    m_session.reset();
    m_project.reset();
}

StoreError TestBulkDecisions::decideAll(Bulk bulk, const QList<BatchItemId> &items,
                                        const QString &label)
{
    switch (bulk) {
    case Bulk::Approve:
        return m_session->approveAll(items);
    case Bulk::Relabel:
        return m_session->relabelAll(items, label);
    case Bulk::Skip:
        return m_session->skipAll(items);
    }
    return {};
}

QList<BatchItemId> TestBulkDecisions::fixtureItems(std::initializer_list<int> indexes) const
{
    QList<BatchItemId> items;
    for (int index : indexes)
        items.append(m_fixture.items.at(index).id);
    return items;
}

TestBulkDecisions::Seen TestBulkDecisions::seenFromDisk(int index) const
{
    Seen seen;
    ProjectStore other;
    if (other.open(m_project->projectPath(), ProjectStore::OpenMode::ReadOnly))
        return seen;
    const auto &item = m_fixture.items.at(index);
    seen.reviews = int(other.reviewsForBatchItem(item.id).size());
    seen.label = other.currentLabel(item.sampleId);
    if (const auto stored = other.batchItem(item.id))
        seen.status = stored->status;
    return seen;
}

qint64 TestBulkDecisions::auditEntriesOnDisk() const
{
    ProjectStore other;
    if (other.open(m_project->projectPath(), ProjectStore::OpenMode::ReadOnly))
        return -1;
    return other.auditHead().entries;
}

void TestBulkDecisions::bulkDecisionIsDurable_data()
{
    QTest::addColumn<int>("bulk");
    QTest::addColumn<QString>("label");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("labels"); // ground truth of items 2, 3, 4 afterwards
    QTest::addColumn<QString>("undoText");
    QTest::newRow("approve") << int(Bulk::Approve) << QString() << int(ReviewStatus::Approved)
                             << QStringList {QStringLiteral("bird"), QStringLiteral("fish"),
                                             QStringLiteral("horse")}
                             << QStringLiteral("Approve 3 items");
    QTest::newRow("relabel") << int(Bulk::Relabel) << QStringLiteral("sheep")
                             << int(ReviewStatus::Relabelled)
                             << QStringList {QStringLiteral("sheep"), QStringLiteral("sheep"),
                                             QStringLiteral("sheep")}
                             << QStringLiteral("Relabel 3 items");
    QTest::newRow("skip") << int(Bulk::Skip) << QString() << int(ReviewStatus::Skipped)
                          << QStringList {QString(), QString(), QString()}
                          << QStringLiteral("Skip 3 items");
}

void TestBulkDecisions::bulkDecisionIsDurable()
{
    QFETCH(int, bulk);
    QFETCH(QString, label);
    QFETCH(int, status);
    QFETCH(QStringList, labels);
    QFETCH(QString, undoText);
    QSignalSpy decided(m_session.get(), &ReviewSession::itemDecided);
    QVERIFY(!decideAll(Bulk(bulk), fixtureItems({2, 3, 4}), label));
    // Another connection sees every decision as soon as the call returns.
    for (int i = 0; i < 3; ++i) {
        const Seen seen = seenFromDisk(2 + i);
        QCOMPARE(int(seen.status), status);
        QCOMPARE(seen.label, labels.at(i));
        QCOMPARE(seen.reviews, 1);
    }
    QCOMPARE(seenFromDisk(1).status, ReviewStatus::Pending);
    QCOMPARE(seenFromDisk(5).status, ReviewStatus::Pending);
    QCOMPARE(decided.size(), 3);
    QCOMPARE(m_session->decisionCount(), 3);
    QCOMPARE(m_session->undoText(), undoText);
}

void TestBulkDecisions::oneUndoRestoresAllAndRedoDecidesAgain_data()
{
    QTest::addColumn<int>("bulk");
    QTest::addColumn<QString>("label");
    QTest::addColumn<int>("status");
    QTest::newRow("approve") << int(Bulk::Approve) << QString() << int(ReviewStatus::Approved);
    QTest::newRow("relabel") << int(Bulk::Relabel) << QStringLiteral("dog")
                             << int(ReviewStatus::Relabelled);
    QTest::newRow("skip") << int(Bulk::Skip) << QString() << int(ReviewStatus::Skipped);
}

void TestBulkDecisions::oneUndoRestoresAllAndRedoDecidesAgain()
{
    QFETCH(int, bulk);
    QFETCH(QString, label);
    QFETCH(int, status);
    // Item 0 was approved alone first: the bulk step's undo must leave that decision in force.
    QVERIFY(!m_session->approve(m_fixture.items.at(0).id));
    const QList<int> chosen {1, 3, 5, 7, 9, 11};
    QList<BatchItemId> items;
    for (int index : chosen)
        items.append(m_fixture.items.at(index).id);
    QVERIFY(!decideAll(Bulk(bulk), items, label));

    QVERIFY(!m_session->undo());
    for (int index : chosen) {
        const Seen seen = seenFromDisk(index);
        QCOMPARE(seen.status, ReviewStatus::Pending);
        QCOMPARE(seen.label, QString());
        QCOMPARE(seen.reviews, 2); // the decision and its revocation, both kept
    }
    QCOMPARE(seenFromDisk(0).status, ReviewStatus::Approved);
    QCOMPARE(seenFromDisk(0).label, QStringLiteral("cat"));
    QCOMPARE(m_session->undoText(), QStringLiteral("Approve"));
    QCOMPARE(m_session->decisionCount(), 1);

    QVERIFY(m_session->canRedo());
    QVERIFY(!m_session->redo());
    for (int index : chosen) {
        const Seen seen = seenFromDisk(index);
        QCOMPARE(int(seen.status), status);
        QCOMPARE(seen.reviews, 3);
        if (Bulk(bulk) == Bulk::Relabel)
            QCOMPARE(seen.label, label);
        else if (Bulk(bulk) == Bulk::Approve)
            QCOMPARE(seen.label, m_fixture.predictions.at(index).label);
        else
            QCOMPARE(seen.label, QString());
    }
    QCOMPARE(m_session->decisionCount(), 1 + int(chosen.size()));
}

void TestBulkDecisions::auditChainVerifiesAfterUndoAndRedo()
{
    const qint64 before = auditEntriesOnDisk();
    QVERIFY(before >= 0);
    QVERIFY(!m_session->approveAll(fixtureItems({0, 1, 2, 3})));
    const qint64 afterApprove = auditEntriesOnDisk();
    // At least one audited review per item.
    QVERIFY2(afterApprove - before >= 4, qPrintable(QString::number(afterApprove - before)));
    QVERIFY(!m_session->relabelAll(fixtureItems({4, 5}), QStringLiteral("cat")));
    QVERIFY(!m_session->skipAll(fixtureItems({6, 7, 8})));
    QVERIFY(!m_session->undo());
    QVERIFY(!m_session->undo());
    QVERIFY(!m_session->redo());

    ProjectStore other;
    QVERIFY(!other.open(m_project->projectPath(), ProjectStore::OpenMode::ReadOnly));
    const auto report = other.verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
    QVERIFY(report.head.entries > afterApprove);
    QCOMPARE(seenFromDisk(4).label, QStringLiteral("cat"));
    QCOMPARE(seenFromDisk(6).status, ReviewStatus::Pending);
}

void TestBulkDecisions::itemNamedTwiceIsDecidedOnce()
{
    const BatchItemId first = m_fixture.items.at(2).id;
    const BatchItemId second = m_fixture.items.at(3).id;
    QSignalSpy decided(m_session.get(), &ReviewSession::itemDecided);
    QVERIFY(!m_session->approveAll({first, second, first, second, first}));
    QCOMPARE(seenFromDisk(2).reviews, 1);
    QCOMPARE(seenFromDisk(3).reviews, 1);
    QCOMPARE(decided.size(), 2);
    QCOMPARE(m_session->undoText(), QStringLiteral("Approve 2 items"));
}

void TestBulkDecisions::refusalWritesNothing_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<QString>("message"); // a part of the refusal the reviewer reads
    QTest::newRow("a detection without a label of its own")
            << QStringLiteral("detection") << QStringLiteral("item 3 has no predicted label");
    QTest::newRow("relabel to a class the project lacks")
            << QStringLiteral("unknown class") << QStringLiteral("'zebra' is not a class");
    QTest::newRow("a second answer by the first reviewer")
            << QStringLiteral("double review") << QStringLiteral("item 5 waits for a second");
    QTest::newRow("blind review without a first answer")
            << QStringLiteral("blind") << QStringLiteral("on item 4 before");
    QTest::newRow("an item that does not exist")
            << QStringLiteral("missing") << QStringLiteral("there is no batch item 999999");
    QTest::newRow("no reviewer name")
            << QStringLiteral("anonymous") << QStringLiteral("give your name");
}

void TestBulkDecisions::refusalWritesNothing()
{
    QFETCH(QString, situation);
    QFETCH(QString, message);
    ProjectStore &store = m_project->store();
    QList<BatchItemId> items = fixtureItems({0, 1, 2});
    QList<int> untouched {0, 1, 2};
    StoreError error;
    qint64 before = 0;
    if (situation == QLatin1String("detection")) {
        // A batch of two classified samples and a detection whose prediction has boxes only:
        // its objects take their own decisions, so it cannot be approved as a whole.
        SampleRecord sample;
        sample.path = QStringLiteral("images/street.png");
        QVERIFY(!store.addSample(sample));
        PredictionRecord prediction;
        prediction.sampleId = sample.id;
        prediction.modelId = m_fixture.predictions.first().modelId;
        PredictedObject car;
        car.label = QStringLiteral("cat");
        car.score = 0.4;
        car.box = QRectF(10, 10, 50, 30);
        prediction.objects.append(car);
        QVERIFY(!store.addPrediction(prediction));
        QList<BatchItemRecord> extra;
        for (int index : {0, 1}) {
            BatchItemRecord item;
            item.sampleId = m_fixture.items.at(index).sampleId;
            item.predictionId = m_fixture.items.at(index).predictionId;
            extra.append(item);
        }
        BatchItemRecord detection;
        detection.sampleId = sample.id;
        detection.predictionId = prediction.id;
        extra.append(detection);
        BatchRecord batch;
        batch.name = QStringLiteral("mixed");
        QVERIFY(!store.addBatch(batch, extra));
        items = {extra.at(0).id, extra.at(1).id, extra.at(2).id};
        before = auditEntriesOnDisk();
        error = m_session->approveAll(items);
        for (const BatchItemId id : std::as_const(items))
            QCOMPARE(store.reviewsForBatchItem(id).size(), 0);
    } else if (situation == QLatin1String("unknown class")) {
        before = auditEntriesOnDisk();
        error = m_session->relabelAll(items, QStringLiteral("zebra"));
    } else if (situation == QLatin1String("double review")) {
        DoubleReviewPolicy policy;
        policy.share = 1.0; // every item gets a second answer
        QVERIFY(!m_session->setDoubleReviewPolicy(policy));
        QVERIFY(!m_session->approve(m_fixture.items.at(4).id)); // ada's first answer
        m_session->clearHistory();
        items = fixtureItems({0, 1, 4, 2});
        before = auditEntriesOnDisk();
        error = m_session->approveAll(items);
    } else if (situation == QLatin1String("blind")) {
        m_session->setReviewerBlind(true);
        QVERIFY(!m_session->giveBlindAnswer(m_fixture.items.at(0).id, QStringLiteral("cat")));
        QVERIFY(!m_session->giveBlindAnswer(m_fixture.items.at(1).id, QStringLiteral("dog")));
        items = fixtureItems({0, 1, 3, 2});
        untouched = {0, 1, 2, 3};
        before = auditEntriesOnDisk();
        error = m_session->approveAll(items);
    } else if (situation == QLatin1String("missing")) {
        items.append(999999);
        before = auditEntriesOnDisk();
        error = m_session->skipAll(items);
    } else if (situation == QLatin1String("anonymous")) {
        m_session->setReviewer(QString());
        before = auditEntriesOnDisk();
        error = m_session->skipAll(items);
    }
    QVERIFY(error);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QCOMPARE(auditEntriesOnDisk(), before);
    for (int index : std::as_const(untouched)) {
        QCOMPARE(seenFromDisk(index).reviews, 0);
        QCOMPARE(seenFromDisk(index).status, ReviewStatus::Pending);
    }
    QVERIFY(!m_session->canUndo());
}

void TestBulkDecisions::decidedItemsCanBeDecidedAgainInBulk()
{
    // A selection that mixes decided and pending items: each gets the new decision, and undoing
    // it brings back what each had before.
    QVERIFY(!m_session->relabelAll(fixtureItems({0, 1}), QStringLiteral("horse")));
    QVERIFY(!m_session->approveAll(fixtureItems({0, 1, 2})));
    QCOMPARE(seenFromDisk(0).label, QStringLiteral("cat"));
    QCOMPARE(seenFromDisk(1).label, QStringLiteral("dog"));
    QCOMPARE(seenFromDisk(2).label, QStringLiteral("bird"));
    QVERIFY(!m_session->undo());
    QCOMPARE(seenFromDisk(0).label, QStringLiteral("horse"));
    QCOMPARE(seenFromDisk(0).status, ReviewStatus::Relabelled);
    QCOMPARE(seenFromDisk(1).label, QStringLiteral("horse"));
    QCOMPARE(seenFromDisk(2).label, QString());
    QCOMPARE(seenFromDisk(2).status, ReviewStatus::Pending);
}

QTEST_GUILESS_MAIN(TestBulkDecisions)
#include "tst_bulkdecisions.moc"
