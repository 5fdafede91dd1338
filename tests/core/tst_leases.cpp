// Leases: many reviewers on one batch. Two windows (stores) or two processes asking for their
// next item never get the same one; a lease expires; a decision or undo on an item whose lease was
// lost is refused and writes nothing; only a lead steals a lease, and the steal is audited; the
// second answer of a double review never goes to the first reviewer.
#include "review/reviewsession.h"
#include "reviewfixture.h"
#include "store/projectstore.h"
#include "store/storetransaction.h"
#include "temporaryproject.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTextStream>
#include <QTimeZone>
#include <QUuid>

using namespace Boucle;
using Boucle::Testing::ReviewFixture;
using Boucle::Testing::TemporaryProject;

namespace {

const char childFlag[] = "--reviewer-child";

// The child process: a reviewer who takes the next item, approves it and lets it go, until the
// batch has nothing left for them; prints each item it decided.
int runReviewerChild(const QString &path, const QString &reviewer)
{
    ProjectStore store;
    if (auto error = store.open(path)) {
        QTextStream(stderr) << error.message << '\n';
        return 2;
    }
    ReviewSession session(store);
    session.setReviewer(reviewer);
    const BatchId batch = store.batches().constFirst().id;
    QTextStream out(stdout);
    for (;;) {
        const auto next = store.takeNextItem(batch, reviewer);
        if (next.isError()) {
            QTextStream(stderr) << next.error.message << '\n';
            return 3;
        }
        if (!next.value)
            return 0;
        if (auto error = session.approve(next.value->itemId)) {
            QTextStream(stderr) << error.message << '\n';
            return 4;
        }
        out << next.value->itemId << Qt::endl;
        if (auto error = store.releaseLease(next.value->itemId)) {
            QTextStream(stderr) << error.message << '\n';
            return 5;
        }
    }
}

} // namespace

class TestLeases : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void twoStoresNeverShareAnItem();
    void twoProcessesNeverShareAnItem();
    void aLiveLeaseIsNotTaken();
    void anExpiredLeaseIsTakenAndTheDecisionRefused();
    void anUndoOnAHeldItemIsRefused();
    void aLostLeaseStaysLostAfterItsTakerLetsGo();
    void anItemNobodyHoldsIsDecided();
    void renewingKeepsTheItem();
    void leaseDurationIsTheProjectsSetting();
    void onlyALeadSteals();
    void secondAnswerNeverGoesToTheFirstReviewer();
    void nextItemFollowsReviewOrderAcrossBothPasses();
    void nextItemIsFoundPastAPageOfHeldItems();
    void nextItemPassesOverAnItemBeingUndone();
    void objectStepsFollowTheItemsLease();

private:
    // A second window on the project: its own store (and session), on the same clock.
    std::unique_ptr<ProjectStore> openOther();
    // Rows of what a decision writes, read through a connection of its own.
    QList<qint64> writtenRows() const;

    std::unique_ptr<TemporaryProject> m_project;
    ReviewFixture m_fixture;
    QDateTime m_now;
};

void TestLeases::init()
{
    m_project = std::make_unique<TemporaryProject>();
    QVERIFY(m_project->isValid());
    m_now = QDateTime(QDate(2026, 3, 2), QTime(14, 2), QTimeZone::utc());
    m_project->store().setClock([this] { return m_now; });
    const auto error = Testing::makeReviewFixture(m_project->store(), 12, m_fixture);
    QVERIFY2(!error, qPrintable(error.message));
}

void TestLeases::cleanup()
{
    m_project.reset();
}

std::unique_ptr<ProjectStore> TestLeases::openOther()
{
    auto other = std::make_unique<ProjectStore>();
    if (other->open(m_project->projectPath()))
        return nullptr;
    other->setClock([this] { return m_now; });
    return other;
}

QList<qint64> TestLeases::writtenRows() const
{
    const QString name = QUuid::createUuid().toString();
    QList<qint64> counts;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_project->projectPath());
        if (db.open()) {
            for (const char *table : {"reviews", "review_roles", "label_revisions", "audit",
                                      "review_stages", "lease_steals"}) {
                QSqlQuery query(db);
                query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
                counts.append(query.next() ? query.value(0).toLongLong() : -1);
            }
            QSqlQuery statuses(db);
            statuses.exec(QStringLiteral("SELECT count(*) FROM batch_items WHERE status <> "
                                         "'pending'"));
            counts.append(statuses.next() ? statuses.value(0).toLongLong() : -1);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return counts;
}

void TestLeases::twoStoresNeverShareAnItem()
{
    ProjectStore &ana = m_project->store();
    auto bob = openOther();
    QVERIFY(bob);
    QVERIFY(ana.leaseSession() != bob->leaseSession());
    QSet<BatchItemId> anaItems, bobItems;
    for (int turn = 0; turn < 6; ++turn) {
        const auto forAna = ana.takeNextItem(m_fixture.batch.id, QStringLiteral("ana"), anaItems);
        QVERIFY2(forAna && forAna.value, qPrintable(forAna.error.message));
        anaItems.insert(forAna.value->itemId);
        const auto forBob = bob->takeNextItem(m_fixture.batch.id, QStringLiteral("bob"), bobItems);
        QVERIFY2(forBob && forBob.value, qPrintable(forBob.error.message));
        QCOMPARE(forBob.value->holder, QStringLiteral("bob"));
        bobItems.insert(forBob.value->itemId);
    }
    QCOMPARE(anaItems.size(), 6);
    QCOMPARE(bobItems.size(), 6);
    QVERIFY(!anaItems.intersects(bobItems));
    // Everything is held: nothing is left for either, or for a third window.
    QVERIFY(!bob->takeNextItem(m_fixture.batch.id, QStringLiteral("bob"), bobItems).value);
    auto cleo = openOther();
    QVERIFY(cleo);
    const auto forCleo = cleo->takeNextItem(m_fixture.batch.id, QStringLiteral("cleo"));
    QVERIFY(forCleo);
    QVERIFY(!forCleo.value);
    // A window that closes lets its items go.
    QVERIFY(!ana.releaseLeases());
    const auto afterRelease = cleo->takeNextItem(m_fixture.batch.id, QStringLiteral("cleo"));
    QVERIFY(afterRelease.value);
    QVERIFY(anaItems.contains(afterRelease.value->itemId));
}

void TestLeases::twoProcessesNeverShareAnItem()
{
    // Real time from here: the children use the system clock.
    m_project->store().setClock([] { return QDateTime::currentDateTimeUtc(); });
    const QString path = m_project->projectPath();
    QList<QProcess *> reviewers;
    for (const char *name : {"ana", "bob", "cleo"}) {
        auto *process = new QProcess(this);
        process->start(QCoreApplication::applicationFilePath(),
                       {QString::fromLatin1(childFlag), path, QString::fromLatin1(name)});
        reviewers.append(process);
    }
    QList<BatchItemId> decided;
    for (auto *process : std::as_const(reviewers)) {
        QVERIFY(process->waitForFinished(120000));
        QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
        const auto lines = process->readAllStandardOutput().split('\n');
        for (const auto &line : lines) {
            if (!line.trimmed().isEmpty())
                decided.append(line.trimmed().toLongLong());
        }
        delete process;
    }
    // Every item decided once, by one reviewer.
    QCOMPARE(decided.size(), m_fixture.items.size());
    QCOMPARE(QSet<BatchItemId>(decided.cbegin(), decided.cend()).size(), m_fixture.items.size());
    ProjectStore &store = m_project->store();
    for (const auto &item : std::as_const(m_fixture.items))
        QCOMPARE(store.reviewsForBatchItem(item.id).size(), 1);
    const auto report = store.verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
}

void TestLeases::aLiveLeaseIsNotTaken()
{
    ProjectStore &ana = m_project->store();
    auto bob = openOther();
    QVERIFY(bob);
    const BatchItemId item = m_fixture.items.at(3).id;
    const auto taken = ana.takeLease(item, QStringLiteral("ana"));
    QVERIFY2(taken, qPrintable(taken.error.message));
    QCOMPARE(taken.value.expiresAt, m_now.addSecs(10 * 60));
    QVERIFY(ana.holdsLease(item));
    m_now = m_now.addSecs(9 * 60);
    const auto refused = bob->takeLease(item, QStringLiteral("bob"));
    QVERIFY(refused.isError());
    QVERIFY2(refused.error.message.startsWith(QStringLiteral("Item 4 is held by ana since ")),
             qPrintable(refused.error.message));
    QVERIFY(!bob->holdsLease(item));
    // The same person in a second window is told so.
    const auto twice = bob->takeLease(item, QStringLiteral("ana"));
    QVERIFY2(twice.error.message.contains(QStringLiteral("ana in another window")),
             qPrintable(twice.error.message));
    // Bob's decision on it is refused too.
    ReviewSession session(*bob);
    session.setReviewer(QStringLiteral("bob"));
    const auto before = writtenRows();
    const auto error = session.approve(item);
    QVERIFY(error);
    QVERIFY2(error.message.contains(QStringLiteral("is now held by ana since"))
                     && error.message.endsWith(QStringLiteral("your decision was not saved.")),
             qPrintable(error.message));
    QCOMPARE(writtenRows(), before);
}

void TestLeases::anExpiredLeaseIsTakenAndTheDecisionRefused()
{
    ProjectStore &ana = m_project->store();
    auto bob = openOther();
    QVERIFY(bob);
    const BatchItemId item = m_fixture.items.at(0).id;
    QVERIFY(ana.takeLease(item, QStringLiteral("ana")));
    // Ana's laptop sleeps past the lease; Bob's next item is hers.
    m_now = m_now.addSecs(10 * 60);
    const auto next = bob->takeNextItem(m_fixture.batch.id, QStringLiteral("bob"));
    QVERIFY(next.value);
    QCOMPARE(next.value->itemId, item);
    QCOMPARE(next.value->acquiredAt, m_now);
    QVERIFY(!ana.holdsLease(item));

    ReviewSession session(ana);
    session.setReviewer(QStringLiteral("ana"));
    const auto before = writtenRows();
    const auto error = session.approve(item);
    QVERIFY(error);
    QCOMPARE(error.message, QStringLiteral("Item 1 is now held by bob since %1; your decision was "
                                           "not saved.")
                                    .arg(m_now.toLocalTime().toString(QStringLiteral("HH:mm"))));
    QCOMPARE(writtenRows(), before);
    QVERIFY(!session.canUndo());
    // A bulk decision that holds the item is refused whole.
    const auto bulk = session.approveAll({m_fixture.items.at(5).id, item});
    QVERIFY(bulk);
    QCOMPARE(writtenRows(), before);
    // Bob decides it.
    ReviewSession bobSession(*bob);
    bobSession.setReviewer(QStringLiteral("bob"));
    QVERIFY(!bobSession.approve(item));
    QCOMPARE(bob->reviewsForBatchItem(item).size(), 1);
}

void TestLeases::anUndoOnAHeldItemIsRefused()
{
    ProjectStore &ana = m_project->store();
    auto bob = openOther();
    QVERIFY(bob);
    const BatchItemId item = m_fixture.items.at(2).id;
    ReviewSession session(ana);
    session.setReviewer(QStringLiteral("ana"));
    QVERIFY(ana.takeLease(item, QStringLiteral("ana")));
    QVERIFY(!session.approve(item));
    QVERIFY(!ana.releaseLease(item));
    // Bob opens the decided item to look again; Ana's undo would pull it from under him.
    QVERIFY(bob->takeLease(item, QStringLiteral("bob")));
    const auto before = writtenRows();
    const auto error = session.undo();
    QVERIFY(error);
    QVERIFY2(error.message.endsWith(QStringLiteral("your undo was not saved.")),
             qPrintable(error.message));
    QCOMPARE(writtenRows(), before);
    QVERIFY(session.canUndo());
    // Once Bob moves on, the undo goes through.
    QVERIFY(!bob->releaseLeases());
    QVERIFY(!session.undo());
    QCOMPARE(ana.batchItem(item)->status, ReviewStatus::Pending);
}

void TestLeases::aLostLeaseStaysLostAfterItsTakerLetsGo()
{
    ProjectStore &ana = m_project->store();
    auto bob = openOther();
    QVERIFY(bob);
    const BatchItemId item = m_fixture.items.at(1).id;
    QVERIFY(ana.takeLease(item, QStringLiteral("ana")));
    m_now = m_now.addSecs(11 * 60);
    QVERIFY(bob->takeLease(item, QStringLiteral("bob")));
    ReviewSession bobSession(*bob);
    bobSession.setReviewer(QStringLiteral("bob"));
    QVERIFY(!bobSession.override(item, QStringLiteral("horse")));
    QVERIFY(!bob->releaseLeases());
    // Nobody holds the item now, but Ana's window still shows it as she left it: her answer would
    // overwrite Bob's without her knowing.
    const auto renewed = ana.renewLeases();
    QVERIFY(renewed);
    QCOMPARE(renewed.value, QList<BatchItemId> {item});
    ReviewSession session(ana);
    session.setReviewer(QStringLiteral("ana"));
    const auto before = writtenRows();
    const auto error = session.approve(item);
    QVERIFY(error);
    QVERIFY2(error.message.startsWith(QStringLiteral("Item 2 was taken by bob at ")),
             qPrintable(error.message));
    QCOMPARE(writtenRows(), before);
    // Taking it again (the window shows it anew, with Bob's answer) lets her decide.
    QVERIFY(ana.takeLease(item, QStringLiteral("ana")));
    QVERIFY(!session.approve(item));
}

void TestLeases::anItemNobodyHoldsIsDecided()
{
    auto bob = openOther();
    QVERIFY(bob);
    QVERIFY(bob->takeLease(m_fixture.items.at(0).id, QStringLiteral("bob")));
    ReviewSession session(m_project->store());
    session.setReviewer(QStringLiteral("ana"));
    QVERIFY(!session.approve(m_fixture.items.at(1).id));
    QVERIFY(!session.undo());
    QVERIFY(!session.redo());
    QCOMPARE(m_project->store().batchItem(m_fixture.items.at(1).id)->status,
             ReviewStatus::Approved);
}

void TestLeases::renewingKeepsTheItem()
{
    ProjectStore &ana = m_project->store();
    auto bob = openOther();
    QVERIFY(bob);
    const BatchItemId item = m_fixture.items.at(4).id;
    QVERIFY(ana.takeLease(item, QStringLiteral("ana")));
    m_now = m_now.addSecs(9 * 60);
    const auto renewed = ana.renewLeases();
    QVERIFY(renewed);
    QVERIFY(renewed.value.isEmpty());
    m_now = m_now.addSecs(9 * 60);
    QVERIFY(bob->takeLease(item, QStringLiteral("bob")).isError());
    const auto lease = bob->currentLease(item);
    QVERIFY(lease);
    QCOMPARE(lease->holder, QStringLiteral("ana"));
    // Acquired when first taken, not at each renewal.
    QCOMPARE(lease->acquiredAt, m_now.addSecs(-18 * 60));
}

void TestLeases::leaseDurationIsTheProjectsSetting()
{
    ProjectStore &ana = m_project->store();
    QCOMPARE(ana.leaseMinutes(), ProjectStore::defaultLeaseMinutes);
    QVERIFY(ana.setLeaseMinutes(0));
    QVERIFY(ana.setLeaseMinutes(24 * 60 + 1));
    QVERIFY(!ana.setLeaseMinutes(3));
    auto bob = openOther();
    QVERIFY(bob);
    QCOMPARE(bob->leaseMinutes(), 3);
    const auto taken = ana.takeLease(m_fixture.items.at(0).id, QStringLiteral("ana"));
    QCOMPARE(taken.value.expiresAt, m_now.addSecs(3 * 60));
    m_now = m_now.addSecs(3 * 60);
    QVERIFY(bob->takeLease(m_fixture.items.at(0).id, QStringLiteral("bob")));
}

void TestLeases::onlyALeadSteals()
{
    ProjectStore &ana = m_project->store();
    auto lea = openOther();
    QVERIFY(lea);
    const BatchItemId item = m_fixture.items.at(6).id;
    QVERIFY(ana.takeLease(item, QStringLiteral("ana")));
    const auto before = writtenRows();
    // No lead named: nobody steals.
    auto refused = lea->stealLease(item, QStringLiteral("lea"), QStringLiteral("ana is away"));
    QVERIFY(refused.isError());
    QVERIFY2(refused.error.message.contains(QStringLiteral("names no lead")),
             qPrintable(refused.error.message));
    QVERIFY(!ana.setSetting(ProjectStore::leaseLeadsKey(), QStringLiteral("lea, max")));
    const auto afterSetting = writtenRows();
    refused = lea->stealLease(item, QStringLiteral("bob"), QStringLiteral("ana is away"));
    QVERIFY(refused.isError());
    QCOMPARE(refused.error.message,
             QStringLiteral("Only a lead (lea, max) may take an item another reviewer holds; bob "
                            "is not one, so nothing was changed."));
    QVERIFY(lea->stealLease(item, QStringLiteral("lea"), QStringLiteral("  ")).isError());
    QCOMPARE(writtenRows(), afterSetting);
    QVERIFY(before != afterSetting); // the setting itself is audited

    const auto stolen = lea->stealLease(item, QStringLiteral("lea"), QStringLiteral("ana is away"));
    QVERIFY2(stolen, qPrintable(stolen.error.message));
    QCOMPARE(stolen.value.holder, QStringLiteral("lea"));
    QVERIFY(lea->holdsLease(item));
    // Audited: one row naming the lead, the previous holder, the item and the reason, and one
    // entry of the chain for it.
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("steals"));
        db.setDatabaseName(m_project->projectPath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral(
                "SELECT s.lead, s.previous_holder, s.batch_item_id, s.reason, a.actor"
                " FROM lease_steals s JOIN audit a ON a.subject = 'lease_steals'"
                " AND a.subject_id = s.id")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("lea"));
        QCOMPARE(query.value(1).toString(), QStringLiteral("ana"));
        QCOMPARE(query.value(2).toLongLong(), item);
        QCOMPARE(query.value(3).toString(), QStringLiteral("ana is away"));
        QCOMPARE(query.value(4).toString(), QStringLiteral("lea"));
        QVERIFY(!query.next());
        // The record cannot be rewritten through SQL.
        QVERIFY(!query.exec(QStringLiteral("UPDATE lease_steals SET reason = 'x'")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("steals"));
    auto report = ana.verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
    // Ana's decision on it is refused.
    ReviewSession session(ana);
    session.setReviewer(QStringLiteral("ana"));
    QVERIFY(session.approve(item));
    // A steal row added behind Boucle's back is caught.
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("forge"));
        db.setDatabaseName(m_project->projectPath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral(
                "INSERT INTO lease_steals (batch_item_id, pass, lead, previous_holder,"
                " previous_session, previous_acquired_ms, reason, stolen_ms)"
                " SELECT batch_item_id, pass, 'eve', 'ana', 's', 0, 'x', 0 FROM lease_steals")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("forge"));
    report = ana.verify();
    QVERIFY(!report.intact);
    QVERIFY2(report.problem.contains(QStringLiteral("lease_steals row 2")),
             qPrintable(report.problem));
}

void TestLeases::secondAnswerNeverGoesToTheFirstReviewer()
{
    ProjectStore &ana = m_project->store();
    ReviewSession anaSession(ana);
    anaSession.setReviewer(QStringLiteral("ana"));
    DoubleReviewPolicy everyItem;
    everyItem.share = 1.0;
    QVERIFY(!anaSession.setDoubleReviewPolicy(everyItem));
    auto bob = openOther();
    QVERIFY(bob);
    ReviewSession bobSession(*bob);
    bobSession.setReviewer(QStringLiteral("bob"));

    // Ana answers first on every item she is given, and is never given one of her own again.
    QSet<BatchItemId> firstByAna;
    for (int turn = 0; turn < 4; ++turn) {
        const auto next = ana.takeNextItem(m_fixture.batch.id, QStringLiteral("ana"));
        QVERIFY(next.value);
        QCOMPARE(next.value->pass, LeasePass::First);
        QVERIFY(!firstByAna.contains(next.value->itemId));
        QVERIFY(!anaSession.approve(next.value->itemId));
        QCOMPARE(ana.reviewRound(next.value->itemId).stage, ReviewStage::AwaitingSecond);
        firstByAna.insert(next.value->itemId);
        QVERIFY(!ana.releaseLease(next.value->itemId));
    }
    // Her own items wait for a second answer: she cannot take them, and a second answer of hers
    // is refused by the session and by the store.
    const BatchItemId own = *firstByAna.cbegin();
    const auto refused = ana.takeLease(own, QStringLiteral("ana"));
    QVERIFY(refused.isError());
    QVERIFY2(refused.error.message.contains(QStringLiteral("you gave the first one")),
             qPrintable(refused.error.message));
    const auto before = writtenRows();
    QVERIFY(anaSession.approve(own));
    {
        StoreTransaction transaction(ana);
        ReviewRecord review;
        review.batchItemId = own;
        review.sampleId = ana.batchItem(own)->sampleId;
        review.reviewer = QStringLiteral("ana");
        review.action = ReviewAction::Approve;
        review.label = QStringLiteral("cat");
        QVERIFY(!ana.recordReview(review));
        const auto error = ana.recordReviewRole(review.id, ReviewRole::Second);
        QVERIFY(error);
        QVERIFY2(error.message.contains(QStringLiteral("ana gave the first one")),
                 qPrintable(error.message));
    }
    QCOMPARE(writtenRows(), before);
    // Bob's next items are the second answers of Ana's items, then items of their own.
    for (int turn = 0; turn < 4; ++turn) {
        const auto next = bob->takeNextItem(m_fixture.batch.id, QStringLiteral("bob"));
        QVERIFY(next.value);
        QCOMPARE(next.value->pass, LeasePass::Second);
        QVERIFY(firstByAna.contains(next.value->itemId));
        QVERIFY(!bobSession.approve(next.value->itemId));
        QCOMPARE(bob->reviewRound(next.value->itemId).stage, ReviewStage::Settled);
        QVERIFY(!bob->releaseLease(next.value->itemId));
    }
    const auto next = bob->takeNextItem(m_fixture.batch.id, QStringLiteral("bob"));
    QVERIFY(next.value);
    QCOMPARE(next.value->pass, LeasePass::First);
    QVERIFY(!firstByAna.contains(next.value->itemId));
    const auto report = ana.verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
}

void TestLeases::nextItemFollowsReviewOrderAcrossBothPasses()
{
    ProjectStore &ana = m_project->store();
    ReviewSession anaSession(ana);
    anaSession.setReviewer(QStringLiteral("ana"));
    DoubleReviewPolicy everyItem;
    everyItem.share = 1.0;
    QVERIFY(!anaSession.setDoubleReviewPolicy(everyItem));
    // Ana gives the first answer of items 2 and 4: they wait for a second answer, among items
    // nobody answered yet.
    const auto items = ana.batchItems(m_fixture.batch.id);
    for (const int index : {1, 3}) {
        QVERIFY(ana.takeLease(items.at(index).id, QStringLiteral("ana")));
        QVERIFY(!anaSession.approve(items.at(index).id));
        QVERIFY(!ana.releaseLease(items.at(index).id));
    }
    // Bob is given the batch in its order: item 1, the second answer of item 2, item 3, ...
    auto bob = openOther();
    QVERIFY(bob);
    const QList<std::pair<int, LeasePass>> expected {{0, LeasePass::First},
                                                     {1, LeasePass::Second},
                                                     {2, LeasePass::First},
                                                     {3, LeasePass::Second},
                                                     {4, LeasePass::First}};
    QSet<BatchItemId> held; // the window passes over what it holds already
    for (const auto &[index, pass] : expected) {
        const auto next = bob->takeNextItem(m_fixture.batch.id, QStringLiteral("bob"), held);
        QVERIFY2(next && next.value, qPrintable(next.error.message));
        QCOMPARE(next.value->itemId, items.at(index).id);
        QCOMPARE(next.value->pass, pass);
        held.insert(next.value->itemId);
    }
    // Ana, who gave the first answers, skips items 2 and 4 and what Bob holds.
    const auto forAna = ana.takeNextItem(m_fixture.batch.id, QStringLiteral("ana"));
    QVERIFY(forAna.value);
    QCOMPARE(forAna.value->itemId, items.at(5).id);
}

void TestLeases::nextItemIsFoundPastAPageOfHeldItems()
{
    // More items than the next-item query reads at a time (64), the first 70 held by Ana.
    TemporaryProject project;
    QVERIFY(project.isValid());
    ReviewFixture fixture;
    const auto made = Testing::makeReviewFixture(project.store(), 150, fixture);
    QVERIFY2(!made, qPrintable(made.message));
    ProjectStore &ana = project.store();
    QSet<BatchItemId> held;
    for (int turn = 0; turn < 70; ++turn) {
        const auto next = ana.takeNextItem(fixture.batch.id, QStringLiteral("ana"), held);
        QVERIFY(next.value);
        held.insert(next.value->itemId);
    }
    ProjectStore bob;
    QVERIFY(!bob.open(project.projectPath()));
    const auto items = bob.batchItems(fixture.batch.id);
    const auto next = bob.takeNextItem(fixture.batch.id, QStringLiteral("bob"));
    QVERIFY2(next && next.value, qPrintable(next.error.message));
    QCOMPARE(next.value->itemId, items.at(70).id);
    // Ana lets item 5 go: it comes back first.
    QVERIFY(!ana.releaseLease(items.at(4).id));
    const auto again = bob.takeNextItem(fixture.batch.id, QStringLiteral("bob"));
    QVERIFY(again.value);
    QCOMPARE(again.value->itemId, items.at(4).id);
}

void TestLeases::nextItemPassesOverAnItemBeingUndone()
{
    // On a server, writes wait for the project's lock but taking a lease does not: Bob takes his
    // next item while Ana's undo of an item's first answer is written and not yet committed.
    // He must not be given that item's second answer (it no longer waits for one): the load
    // test saw it, and Bob's answer then stood beside Ana's as a second first answer.
    const QString address = TemporaryProject::newServerProject();
    ProjectStore ana;
    const auto created = ana.create(address, m_project->directory());
    QVERIFY2(!created, qPrintable(created.message));
    ReviewFixture fixture;
    const auto made = Testing::makeReviewFixture(ana, 4, fixture);
    QVERIFY2(!made, qPrintable(made.message));
    ReviewSession anaSession(ana);
    anaSession.setReviewer(QStringLiteral("ana"));
    DoubleReviewPolicy everyItem;
    everyItem.share = 1.0;
    QVERIFY(!anaSession.setDoubleReviewPolicy(everyItem));
    const auto items = ana.batchItems(fixture.batch.id);
    const BatchItemId first = items.at(0).id;
    QVERIFY(ana.takeLease(first, QStringLiteral("ana")));
    QVERIFY(!anaSession.approve(first));
    QVERIFY(!ana.releaseLease(first));
    QCOMPARE(ana.reviewRound(first).stage, ReviewStage::AwaitingSecond);

    ProjectStore bob;
    QVERIFY(!bob.open(address));
    {
        StoreTransaction undoing(ana);
        QVERIFY(!anaSession.undo());
        const auto next = bob.takeNextItem(fixture.batch.id, QStringLiteral("bob"));
        QVERIFY2(next && next.value, qPrintable(next.error.message));
        QCOMPARE(next.value->itemId, items.at(1).id);
        QCOMPARE(next.value->pass, LeasePass::First);
        QVERIFY(!undoing.commit());
    }
    // Undone, the item waits for its first answer again, and Bob is given that.
    QCOMPARE(ana.reviewRound(first).stage, ReviewStage::None);
    const auto again = bob.takeNextItem(fixture.batch.id, QStringLiteral("bob"));
    QVERIFY(again.value);
    QCOMPARE(again.value->itemId, first);
    QCOMPARE(again.value->pass, LeasePass::First);
}

void TestLeases::objectStepsFollowTheItemsLease()
{
    // Items with a predicted box each.
    TemporaryProject project;
    QVERIFY(project.isValid());
    ReviewFixture fixture;
    QVERIFY(!Testing::makeReviewFixture(project.store(), 3, fixture,
                                        project.filePath(QStringLiteral("images"))));
    ProjectStore bob;
    QVERIFY(!bob.open(project.projectPath()));
    const BatchItemId item = fixture.items.at(0).id;
    QVERIFY(bob.takeLease(item, QStringLiteral("bob")));
    ReviewSession session(project.store());
    session.setReviewer(QStringLiteral("ana"));
    const qint64 reviews = project.store().reviewsForSample(fixture.items.at(0).sampleId).size();
    const auto error = session.approveObject(item, 0);
    QVERIFY(error);
    QVERIFY2(error.message.contains(QStringLiteral("is now held by bob")),
             qPrintable(error.message));
    QCOMPARE(project.store().reviewsForSample(fixture.items.at(0).sampleId).size(), reviews);
    QVERIFY(!session.canUndo());
    // Once Bob lets it go, the step is taken; and while he holds it again, its undo is refused.
    QVERIFY(!bob.releaseLeases());
    QVERIFY(!session.approveObject(item, 0));
    QVERIFY(bob.takeLease(item, QStringLiteral("bob")));
    QVERIFY(session.undo());
    QVERIFY(session.canUndo());
}

int main(int argc, char **argv)
{
    if (argc == 4 && qstrcmp(argv[1], childFlag) == 0) {
        QCoreApplication app(argc, argv);
        return runReviewerChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    }
    // The fixture with objects draws its images (fonts): a GUI application, offscreen.
    QGuiApplication app(argc, argv);
    TestLeases test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_leases.moc"
