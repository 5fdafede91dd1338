// Leases in the review window: it holds the item it shows and the ones it prefetches, so another
// reviewer is given other items; when its lease ran out and someone took the item, a decision by
// key is refused with a sentence in the decision bar, nothing reaches the disk, and the window
// moves on to an item it can hold; closing the window lets its items go.
#include "mainwindow.h"
#include "panels/decisionbar.h"
#include "reviewfixture.h"
#include "store/projectstore.h"
#include "windowfixture.h"

#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

using namespace Boucle;
using namespace Boucle::Testing;

class TestReviewLeases : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void anotherReviewerIsGivenOtherItems();
    void aDecisionOnAnItemTakenMeanwhileIsRefused();
    void closingTheWindowLetsItsItemsGo();
    void aLeadTakesOverTheShownItemWithAReason();
    void someoneWhoIsNotALeadCannotTakeOver();

private:
    // Bob's store holds item 5 live (past what Ada's window prefetches); Ada moves onto it.
    std::unique_ptr<ProjectStore> bobHoldsTheFifthItem();
    // Types `reason` into the next question asked and accepts it; the question's text is kept.
    void answerNextQuestion(const QString &reason, QString *question);
    MainWindow *window() const { return m_window.window(); }
    // Bob, in another window (his own store on the project file).
    std::unique_ptr<ProjectStore> openBob(int minutesAhead = 0);
    QString decisionBarText() const;

    WindowFixture m_window;
    ReviewFixture m_fixture;
};

void TestReviewLeases::initTestCase()
{
    WindowFixture::isolateSettings(QStringLiteral("tst_reviewleases"));
}

void TestReviewLeases::init()
{
    QVERIFY(m_window.prepare(QStringLiteral("ada")));
    QVERIFY(!m_window.createProject([this](ProjectStore &store) {
        return makeReviewFixture(store, 10, m_fixture, m_window.filePath(QStringLiteral("images")));
    }));
    const StoreError error = m_window.openWindow(QSize(1400, 860));
    QVERIFY2(!error, qPrintable(error.message));
}

void TestReviewLeases::cleanup()
{
    m_window.reset();
}

std::unique_ptr<ProjectStore> TestReviewLeases::openBob(int minutesAhead)
{
    auto bob = std::make_unique<ProjectStore>();
    if (bob->open(m_window.projectPath()))
        return nullptr;
    bob->setClock([minutesAhead] {
        return QDateTime::currentDateTimeUtc().addSecs(qint64(minutesAhead) * 60);
    });
    return bob;
}

QString TestReviewLeases::decisionBarText() const
{
    QStringList texts;
    for (const QLabel *label : window()->decisionBar()->findChildren<QLabel *>())
        texts.append(label->text());
    return texts.join(QLatin1Char('\n'));
}

void TestReviewLeases::anotherReviewerIsGivenOtherItems()
{
    QCOMPARE(window()->currentItem(), m_fixture.items.at(0).id);
    auto bob = openBob();
    QVERIFY(bob);
    // Ada's window holds item 1 and the three it prefetches.
    const auto next = bob->takeNextItem(m_fixture.batch.id, QStringLiteral("bob"));
    QVERIFY2(next, qPrintable(next.error.message));
    QVERIFY(next.value);
    QCOMPARE(next.value->itemId, m_fixture.items.at(4).id);
    // Ada moves on: item 1 goes back to the team (item 5, in her prefetch now, is Bob's).
    m_window.press(Qt::Key_Down);
    m_window.settle();
    QCOMPARE(window()->currentItem(), m_fixture.items.at(1).id);
    const auto then
            = bob->takeNextItem(m_fixture.batch.id, QStringLiteral("bob"), {next.value->itemId});
    QVERIFY(then.value);
    QCOMPARE(then.value->itemId, m_fixture.items.at(0).id);
}

void TestReviewLeases::aDecisionOnAnItemTakenMeanwhileIsRefused()
{
    QCOMPARE(window()->currentItem(), m_fixture.items.at(0).id);
    // Ada left the window open past her lease; Bob, eleven minutes on, takes the item.
    auto bob = openBob(11);
    QVERIFY(bob);
    const auto taken = bob->takeLease(m_fixture.items.at(0).id, QStringLiteral("bob"));
    QVERIFY2(taken, qPrintable(taken.error.message));

    m_window.press(Qt::Key_A);
    m_window.settle();
    const QString sentence
            = QStringLiteral("Item 1 is now held by bob since %1; your decision was not saved.")
                      .arg(taken.value.acquiredAt.toLocalTime().toString(QStringLiteral("HH:mm")));
    QCOMPARE(window()->lastMessage(), sentence);
    QVERIFY2(decisionBarText().contains(sentence), qPrintable(decisionBarText()));
    // Nothing on disk, and the window is on an item it holds, ready for the next key.
    QVERIFY(m_window.reviewsOnDisk(m_fixture.items.at(0).id).isEmpty());
    QCOMPARE(m_window.statusOnDisk(m_fixture.items.at(0).id), ReviewStatus::Pending);
    QCOMPARE(window()->currentItem(), m_fixture.items.at(1).id);
    QVERIFY(window()->store()->holdsLease(m_fixture.items.at(1).id));
    m_window.press(Qt::Key_A);
    m_window.settle();
    QCOMPARE(m_window.statusOnDisk(m_fixture.items.at(1).id), ReviewStatus::Approved);
    QCOMPARE(window()->currentItem(), m_fixture.items.at(2).id);
}

void TestReviewLeases::closingTheWindowLetsItsItemsGo()
{
    auto bob = openBob();
    QVERIFY(bob);
    QVERIFY(bob->takeLease(m_fixture.items.at(0).id, QStringLiteral("bob")).isError());
    m_window.closeWindow();
    const auto next = bob->takeNextItem(m_fixture.batch.id, QStringLiteral("bob"));
    QVERIFY(next.value);
    QCOMPARE(next.value->itemId, m_fixture.items.at(0).id);
}

std::unique_ptr<ProjectStore> TestReviewLeases::bobHoldsTheFifthItem()
{
    auto bob = openBob();
    if (!bob || bob->takeLease(m_fixture.items.at(4).id, QStringLiteral("bob")).isError())
        return nullptr;
    for (int step = 0; step < 4; ++step) {
        m_window.press(Qt::Key_Down);
        m_window.settle();
    }
    return bob;
}

void TestReviewLeases::answerNextQuestion(const QString &reason, QString *question)
{
    QTimer::singleShot(50, this, [this, reason, question] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            answerNextQuestion(reason, question);
            return;
        }
        *question = dialog->labelText();
        auto *field = dialog->findChild<QLineEdit *>();
        QVERIFY(field);
        QTest::keyClicks(field, reason);
        QTest::keyClick(field, Qt::Key_Return);
    });
}

void TestReviewLeases::aLeadTakesOverTheShownItemWithAReason()
{
    QVERIFY(!window()->store()->setSetting(ProjectStore::leaseLeadsKey(), QStringLiteral("ada")));
    auto bob = bobHoldsTheFifthItem();
    QVERIFY(bob);
    const BatchItemId item = m_fixture.items.at(4).id;
    QCOMPARE(window()->currentItem(), item);
    QVERIFY2(window()->lastMessage().contains(QStringLiteral("bob")),
             qPrintable(window()->lastMessage()));

    QString question;
    answerNextQuestion(QStringLiteral("bob went home"), &question);
    m_window.press(Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    m_window.settle();
    QVERIFY2(question.contains(QStringLiteral("bob holds this item")), qPrintable(question));
    QVERIFY(window()->store()->holdsLease(item));
    QVERIFY2(window()->lastMessage().contains(QStringLiteral("You hold this item now")),
             qPrintable(window()->lastMessage()));

    // Ada's key now decides the item, and Bob's decision on it would be refused.
    m_window.press(Qt::Key_A);
    m_window.settle();
    QCOMPARE(m_window.statusOnDisk(item), ReviewStatus::Approved);
    QCOMPARE(bob->leaseRefusal(item, false).code, StoreError::Code::Conflict);

    // The audit keeps who took it from whom, and why.
    QSqlQuery steals(window()->store()->database());
    QVERIFY(steals.exec(QStringLiteral("SELECT lead, previous_holder, reason FROM lease_steals")));
    QVERIFY(steals.next());
    QCOMPARE(steals.value(0).toString(), QStringLiteral("ada"));
    QCOMPARE(steals.value(1).toString(), QStringLiteral("bob"));
    QCOMPARE(steals.value(2).toString(), QStringLiteral("bob went home"));
    QVERIFY(!steals.next());
    steals.finish();
    QVERIFY2(window()->store()->verify().intact, qPrintable(window()->store()->verify().problem));
}

void TestReviewLeases::someoneWhoIsNotALeadCannotTakeOver()
{
    QVERIFY(!window()->store()->setSetting(ProjectStore::leaseLeadsKey(), QStringLiteral("carol")));
    auto bob = bobHoldsTheFifthItem();
    QVERIFY(bob);
    const BatchItemId item = m_fixture.items.at(4).id;
    QString question;
    answerNextQuestion(QStringLiteral("I want it"), &question);
    m_window.press(Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    m_window.settle();
    QVERIFY2(window()->lastMessage().contains(QStringLiteral("Only a lead (carol)")),
             qPrintable(window()->lastMessage()));
    QVERIFY(!window()->store()->holdsLease(item));
    QVERIFY(bob->holdsLease(item));
}

QTEST_MAIN(TestReviewLeases)
#include "tst_reviewleases.moc"
