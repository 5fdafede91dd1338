// ReviewSession: every decision, undo and redo, bulk decisions, blind review, the comment policy,
// timing, and durability (another connection sees each decision as soon as the call returns).
#include "review/reviewsession.h"
#include "reviewfixture.h"
#include "temporaryproject.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Boucle;
using namespace Boucle::Testing;

class TestReviewSession : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void decisionIsDurable_data();
    void decisionIsDurable();
    void undoAppendsAndRestores_data();
    void undoAppendsAndRestores();
    void redoDecidesAgain();
    void relabelThenUndoRestoresEarlierLabel();
    void bulkDecisionIsOneUndoStep();
    void overrideCommentPolicy_data();
    void overrideCommentPolicy();
    void blindFirstAnswerIsKept();
    void blindModeRefusesJudgingBeforeAnswer();
    void decisionRecordsTime();
    void refusals_data();
    void refusals();

private:
    // What a second connection to the project file sees now.
    struct Seen
    {
        QList<ReviewRecord> reviews;
        QString label;
        ReviewStatus status = ReviewStatus::Pending;
    };
    Seen seenFromDisk(int index) const;

    std::unique_ptr<TemporaryProject> m_project;
    std::unique_ptr<ReviewSession> m_session;
    ReviewFixture m_fixture;
    QDateTime m_now;
};

void TestReviewSession::init()
{
    m_project = std::make_unique<TemporaryProject>();
    QVERIFY(m_project->isValid());
    m_now = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    m_project->store().setClock([this] { return m_now; });
    QVERIFY(!makeReviewFixture(m_project->store(), 8, m_fixture));
    m_session = std::make_unique<ReviewSession>(m_project->store());
    m_session->setReviewer(QStringLiteral("ada"));
}

void TestReviewSession::cleanup()
{
    m_session.reset();
    m_project.reset();
}

TestReviewSession::Seen TestReviewSession::seenFromDisk(int index) const
{
    Seen seen;
    ProjectStore other;
    if (other.open(m_project->projectPath(), ProjectStore::OpenMode::ReadOnly))
        return seen;
    const auto &item = m_fixture.items.at(index);
    seen.reviews = other.reviewsForBatchItem(item.id);
    seen.label = other.currentLabel(item.sampleId);
    if (const auto stored = other.batchItem(item.id))
        seen.status = stored->status;
    return seen;
}

void TestReviewSession::decisionIsDurable_data()
{
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("label");
    QTest::addColumn<int>("expectedStatus");
    QTest::addColumn<QString>("expectedLabel"); // ground truth after the decision

    // Item 1 predicts "dog".
    QTest::newRow("approve") << int(ReviewAction::Approve) << QString()
                             << int(ReviewStatus::Approved) << QStringLiteral("dog");
    QTest::newRow("override") << int(ReviewAction::Override) << QStringLiteral("fish")
                              << int(ReviewStatus::Overridden) << QStringLiteral("fish");
    QTest::newRow("relabel") << int(ReviewAction::Relabel) << QStringLiteral("horse")
                             << int(ReviewStatus::Relabelled) << QStringLiteral("horse");
    QTest::newRow("skip") << int(ReviewAction::Skip) << QString() << int(ReviewStatus::Skipped)
                          << QString();
    QTest::newRow("escalate") << int(ReviewAction::Escalate) << QString()
                              << int(ReviewStatus::Escalated) << QString();
}

void TestReviewSession::decisionIsDurable()
{
    QFETCH(int, action);
    QFETCH(QString, label);
    QFETCH(int, expectedStatus);
    QFETCH(QString, expectedLabel);
    const BatchItemId item = m_fixture.items.at(1).id;
    const QString comment = QStringLiteral("looked twice");
    StoreError error;
    switch (ReviewAction(action)) {
    case ReviewAction::Approve:
        error = m_session->approve(item, comment);
        break;
    case ReviewAction::Override:
        error = m_session->override(item, label, comment);
        break;
    case ReviewAction::Relabel:
        error = m_session->relabel(item, label, comment);
        break;
    case ReviewAction::Skip:
        error = m_session->skip(item, comment);
        break;
    case ReviewAction::Escalate:
        error = m_session->escalate(item, comment);
        break;
    case ReviewAction::Revoke:
        QFAIL("not a decision");
    }
    QVERIFY2(!error, qPrintable(error.message));

    const Seen seen = seenFromDisk(1);
    QCOMPARE(seen.reviews.size(), 1);
    QCOMPARE(int(seen.reviews.constFirst().action), action);
    QCOMPARE(seen.reviews.constFirst().reviewer, QStringLiteral("ada"));
    QCOMPARE(seen.reviews.constFirst().comment, comment);
    QCOMPARE(int(seen.status), expectedStatus);
    QCOMPARE(seen.label, expectedLabel);
    // The other items are untouched.
    QCOMPARE(int(seenFromDisk(2).status), int(ReviewStatus::Pending));
    QVERIFY(m_session->canUndo());
}

void TestReviewSession::undoAppendsAndRestores_data()
{
    QTest::addColumn<bool>("approveFirst");
    QTest::newRow("approve") << true;
    QTest::newRow("escalate") << false;
}

void TestReviewSession::undoAppendsAndRestores()
{
    QFETCH(bool, approveFirst);
    const BatchItemId item = m_fixture.items.at(0).id;
    QVERIFY(!(approveFirst ? m_session->approve(item) : m_session->escalate(item)));
    QVERIFY(!m_session->undo());

    const Seen seen = seenFromDisk(0);
    QCOMPARE(seen.reviews.size(), 2); // never deleted: the decision and its revoke
    QCOMPARE(seen.reviews.at(1).action, ReviewAction::Revoke);
    QCOMPARE(seen.reviews.at(1).revokesReviewId, seen.reviews.at(0).id);
    QCOMPARE(seen.status, ReviewStatus::Pending);
    QCOMPARE(seen.label, QString());
    QVERIFY(!m_session->canUndo());
    QVERIFY(m_session->canRedo());
    if (approveFirst) {
        // The history keeps the approved label and its removal.
        const auto history = m_project->store().sampleHistory(m_fixture.items.at(0).sampleId);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).label, QStringLiteral("cat"));
        QCOMPARE(history.at(1).label, QString());
    }
}

void TestReviewSession::redoDecidesAgain()
{
    const BatchItemId item = m_fixture.items.at(2).id;
    QVERIFY(!m_session->override(item, QStringLiteral("cat"), QStringLiteral("beak is a tail")));
    QVERIFY(!m_session->undo());
    QCOMPARE(m_session->redoText(), QStringLiteral("Override"));
    QVERIFY(!m_session->redo());
    const Seen seen = seenFromDisk(2);
    QCOMPARE(seen.reviews.size(), 3);
    QCOMPARE(seen.reviews.at(2).action, ReviewAction::Override);
    QCOMPARE(seen.status, ReviewStatus::Overridden);
    QCOMPARE(seen.label, QStringLiteral("cat"));
    QVERIFY(!m_session->canRedo());
}

void TestReviewSession::relabelThenUndoRestoresEarlierLabel()
{
    const BatchItemId item = m_fixture.items.at(3).id; // predicts fish
    QVERIFY(!m_session->approve(item));
    QCOMPARE(seenFromDisk(3).label, QStringLiteral("fish"));
    QVERIFY(!m_session->relabel(item, QStringLiteral("bird"), QStringLiteral("fins are wings")));
    QCOMPARE(seenFromDisk(3).label, QStringLiteral("bird"));
    QVERIFY(!m_session->undo());
    const Seen seen = seenFromDisk(3);
    QCOMPARE(seen.label, QStringLiteral("fish"));
    QCOMPARE(seen.status, ReviewStatus::Approved); // the approval is still in force
    QVERIFY(!m_session->undo());
    QCOMPARE(seenFromDisk(3).label, QString());
    QCOMPARE(seenFromDisk(3).reviews.size(), 4);
}

void TestReviewSession::bulkDecisionIsOneUndoStep()
{
    const QList<BatchItemId> items
            = {m_fixture.items.at(4).id, m_fixture.items.at(5).id, m_fixture.items.at(6).id};
    QSignalSpy decided(m_session.get(), &ReviewSession::itemDecided);
    QVERIFY(!m_session->approveAll(items));
    QCOMPARE(decided.size(), 3);
    QCOMPARE(m_session->undoText(), QStringLiteral("Approve 3 items"));
    for (int index : {4, 5, 6})
        QCOMPARE(seenFromDisk(index).status, ReviewStatus::Approved);
    QCOMPARE(seenFromDisk(4).label, QStringLiteral("horse"));
    QVERIFY(!m_session->undo());
    QVERIFY(!m_session->canUndo());
    for (int index : {4, 5, 6}) {
        QCOMPARE(seenFromDisk(index).status, ReviewStatus::Pending);
        QCOMPARE(seenFromDisk(index).label, QString());
    }
    QVERIFY(!m_session->relabelAll(items, QStringLiteral("dog")));
    for (int index : {4, 5, 6})
        QCOMPARE(seenFromDisk(index).label, QStringLiteral("dog"));
}

void TestReviewSession::overrideCommentPolicy_data()
{
    QTest::addColumn<bool>("required");
    QTest::addColumn<QString>("comment");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("not required, none") << false << QString() << true;
    QTest::newRow("required, none") << true << QString() << false;
    QTest::newRow("required, blank") << true << QStringLiteral("   ") << false;
    QTest::newRow("required, given") << true << QStringLiteral("ears are wrong") << true;
}

void TestReviewSession::overrideCommentPolicy()
{
    QFETCH(bool, required);
    QFETCH(QString, comment);
    QFETCH(bool, accepted);
    QVERIFY(!m_session->setCommentRequiredToOverride(required));
    // The policy is the project's: a second session on another connection follows it.
    ProjectStore other;
    QVERIFY(!other.open(m_project->projectPath()));
    ReviewSession otherSession(other);
    QCOMPARE(otherSession.commentRequiredToOverride(), required);

    const StoreError error
            = m_session->override(m_fixture.items.at(0).id, QStringLiteral("dog"), comment);
    QCOMPARE(!error, accepted);
    if (!accepted) {
        QVERIFY(error.message.contains(QLatin1String("comment")));
        QVERIFY(seenFromDisk(0).reviews.isEmpty());
        QVERIFY(!m_session->canUndo());
    } else {
        QCOMPARE(seenFromDisk(0).label, QStringLiteral("dog"));
    }
    // Skips and approvals never need a comment.
    QVERIFY(!m_session->approve(m_fixture.items.at(1).id));
}

void TestReviewSession::blindFirstAnswerIsKept()
{
    m_session->setReviewerBlind(true);
    const BatchItemId item = m_fixture.items.at(1).id; // predicts dog
    QVERIFY(!m_session->isRevealed(item));
    QVERIFY(m_session->giveBlindAnswer(item, QStringLiteral("unicorn")).isError());
    QVERIFY(!m_session->isRevealed(item));
    QVERIFY(!m_session->giveBlindAnswer(item, QStringLiteral("cat")));
    QVERIFY(m_session->isRevealed(item));
    // Seeing the prediction, the reviewer agrees with the model after all.
    QVERIFY(!m_session->approve(item));
    const Seen seen = seenFromDisk(1);
    QCOMPARE(seen.reviews.size(), 1);
    QCOMPARE(seen.reviews.constFirst().blindLabel, QStringLiteral("cat"));
    QCOMPARE(seen.reviews.constFirst().label, QStringLiteral("dog"));
    QCOMPARE(seen.label, QStringLiteral("dog"));
}

void TestReviewSession::blindModeRefusesJudgingBeforeAnswer()
{
    QVERIFY(!m_session->setProjectBlind(true));
    QVERIFY(m_session->isBlind());
    const BatchItemId item = m_fixture.items.at(0).id;
    const StoreError error = m_session->approve(item);
    QCOMPARE(error.code, StoreError::Code::Conflict);
    QVERIFY(seenFromDisk(0).reviews.isEmpty());
    // Skipping or escalating needs no first answer: the reviewer may not know.
    QVERIFY(!m_session->skip(item));
    QCOMPARE(seenFromDisk(0).status, ReviewStatus::Skipped);
}

void TestReviewSession::decisionRecordsTime()
{
    const BatchItemId item = m_fixture.items.at(0).id;
    const QDateTime shown = m_now;
    m_session->startItem(item);
    m_now = m_now.addSecs(7);
    QVERIFY(!m_session->approve(item));
    const Seen seen = seenFromDisk(0);
    QCOMPARE(seen.reviews.constFirst().startedAt, shown);
    QCOMPARE(seen.reviews.constFirst().finishedAt, shown.addSecs(7));
}

void TestReviewSession::refusals_data()
{
    QTest::addColumn<QString>("reviewer");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("no reviewer") << QString() << QStringLiteral("dog") << QStringLiteral("name");
    QTest::newRow("unknown class")
            << QStringLiteral("ada") << QStringLiteral("unicorn") << QStringLiteral("unicorn");
    QTest::newRow("no class") << QStringLiteral("ada") << QString() << QStringLiteral("class");
    QTest::newRow("same as prediction")
            << QStringLiteral("ada") << QStringLiteral("cat") << QStringLiteral("approve");
}

void TestReviewSession::refusals()
{
    QFETCH(QString, reviewer);
    QFETCH(QString, label);
    QFETCH(QString, messagePart);
    m_session->setReviewer(reviewer);
    const StoreError error = m_session->override(m_fixture.items.at(0).id, label);
    QVERIFY(error.isError());
    QVERIFY2(error.message.contains(messagePart), qPrintable(error.message));
    QVERIFY(seenFromDisk(0).reviews.isEmpty());
    QVERIFY(!m_session->canUndo());
}

QTEST_GUILESS_MAIN(TestReviewSession)
#include "tst_reviewsession.moc"
