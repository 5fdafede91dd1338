// Double review and adjudication in the main window, driven by keys: ada answers first, bob
// works the second-review queue without seeing her answers, cyd works the adjudication queue
// with both answers side by side; the project file is checked after each step.
#include "mainwindow.h"
#include "panels/flagreasonspanel.h"
#include "panels/roundpanel.h"
#include "queue/queuemodel.h"
#include "review/reviewsession.h"
#include "reviewfixture.h"
#include "screenshots.h"
#include "store/projectstore.h"
#include "windowfixture.h"

#include <QApplication>
#include <QComboBox>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

class TestAdjudicationWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void secondReviewAndAdjudicationByKeys();

private:
    // A new window (the last one goes) with `reviewer` named in the settings.
    void openWindowAs(const QString &reviewer);
    ReviewStage stageOnDisk(int index) const;
    QString labelOnDisk(int index) const;
    QString queueCell(int row, int column) const;
    MainWindow *window() const { return m_window.window(); }

    WindowFixture m_window;
    ReviewFixture m_fixture;
};

void TestAdjudicationWorkspace::initTestCase()
{
    WindowFixture::isolateSettings(QStringLiteral("tst_adjudicationworkspace"));
}

void TestAdjudicationWorkspace::init()
{
    QVERIFY(m_window.prepare());
    QVERIFY(!m_window.createProject([this](ProjectStore &store) {
        if (StoreError error
            = makeReviewFixture(store, 6, m_fixture, m_window.filePath(QStringLiteral("images"))))
            return error;
        ReviewSession session(store);
        DoubleReviewPolicy policy;
        policy.share = 1.0;
        return session.setDoubleReviewPolicy(policy);
    }));
}

void TestAdjudicationWorkspace::cleanup()
{
    m_window.reset();
}

void TestAdjudicationWorkspace::openWindowAs(const QString &reviewer)
{
    QSettings().setValue(QStringLiteral("reviewer"), reviewer);
    const StoreError error = m_window.openWindow(QSize(1400, 860));
    QVERIFY2(!error, qPrintable(error.message));
}

ReviewStage TestAdjudicationWorkspace::stageOnDisk(int index) const
{
    ProjectStore other;
    if (other.open(m_window.projectPath(), ProjectStore::OpenMode::ReadOnly))
        return ReviewStage::None;
    return other.reviewRound(m_fixture.items.at(index).id).stage;
}

QString TestAdjudicationWorkspace::labelOnDisk(int index) const
{
    return m_window.labelOnDisk(m_fixture.items.at(index).sampleId);
}

QString TestAdjudicationWorkspace::queueCell(int row, int column) const
{
    return window()->queueModel()->index(row, column).data().toString();
}

void TestAdjudicationWorkspace::secondReviewAndAdjudicationByKeys()
{
    // Ada answers items 0 (cat: approve) and 1 (dog: override with fish, key 4).
    openWindowAs(QStringLiteral("ada"));
    m_window.press(Qt::Key_A);
    QCOMPARE(stageOnDisk(0), ReviewStage::AwaitingSecond);
    QVERIFY(window()->lastMessage().contains(QStringLiteral("second reviewer")));
    m_window.press(Qt::Key_4);
    m_window.press(Qt::Key_O);
    QCOMPARE(stageOnDisk(1), ReviewStage::AwaitingSecond);
    QCOMPARE(labelOnDisk(1), QString()); // not the label until a second reviewer agrees
    // Her own second-review queue is empty: she may not answer twice.
    m_window.press(Qt::Key_F6);
    QCOMPARE(window()->queueModel()->rowCount(), 0);

    // Bob works the second-review queue: both items, with nothing of ada's answers in view.
    openWindowAs(QStringLiteral("bob"));
    m_window.press(Qt::Key_F6);
    QCOMPARE(window()->queueModel()->rowCount(), 2);
    QCOMPARE(window()->currentItem(), m_fixture.items.at(0).id);
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(queueCell(row, QueueModel::StatusColumn),
                 QStringLiteral("Awaiting second review"));
        QCOMPARE(queueCell(row, QueueModel::ReviewerColumn), QString());
    }
    const QString history = window()->reasonsPanel()->toPlainText();
    QVERIFY2(!history.contains(QStringLiteral("ada")), qPrintable(history));
    QVERIFY(window()->roundPanel()->isVisibleTo(window()));
    QCOMPARE(window()->roundPanel()->table()->rowCount(), 0);
    QVERIFY(window()->roundPanel()->summary().contains(QStringLiteral("Another reviewer")));

    // Item 0: bob approves too, and the item is settled as "cat".
    m_window.press(Qt::Key_A);
    QCOMPARE(stageOnDisk(0), ReviewStage::Settled);
    QCOMPARE(labelOnDisk(0), QStringLiteral("cat"));
    // Item 1: bob says bird (key 3), ada said fish: adjudication.
    QCOMPARE(window()->currentItem(), m_fixture.items.at(1).id);
    m_window.press(Qt::Key_3);
    m_window.press(Qt::Key_O);
    QCOMPARE(stageOnDisk(1), ReviewStage::Adjudication);
    QVERIFY(window()->lastMessage().contains(QStringLiteral("adjudication")));
    QCOMPARE(labelOnDisk(1), QString());
    // Bob cannot adjudicate his own disagreement.
    m_window.press(Qt::Key_F7);
    QCOMPARE(window()->queueModel()->rowCount(), 0);

    // Cyd adjudicates, with both answers side by side, and chooses bird.
    openWindowAs(QStringLiteral("cyd"));
    m_window.press(Qt::Key_F7);
    QCOMPARE(window()->queueModel()->rowCount(), 1);
    QCOMPARE(window()->currentItem(), m_fixture.items.at(1).id);
    QCOMPARE(queueCell(0, QueueModel::StatusColumn), QStringLiteral("In adjudication"));
    const QTableWidget *answers = window()->roundPanel()->table();
    QCOMPARE(answers->rowCount(), 2);
    QCOMPARE(answers->item(0, 0)->text(), QStringLiteral("ada"));
    QCOMPARE(answers->item(0, 3)->text(), QStringLiteral("fish"));
    QCOMPARE(answers->item(1, 0)->text(), QStringLiteral("bob"));
    QCOMPARE(answers->item(1, 3)->text(), QStringLiteral("bird"));
    // The adjudicator's view, for the README.
    QString error;
    QVERIFY2(saveScreenshot(window()->grab().toImage(),
                            QStringLiteral("workspace-adjudication.png"), &error),
             qPrintable(error));
    m_window.press(Qt::Key_3);
    m_window.press(Qt::Key_O);
    QCOMPARE(stageOnDisk(1), ReviewStage::Settled);
    QCOMPARE(labelOnDisk(1), QStringLiteral("bird"));

    // Undo by key: back to adjudication, and the label is gone again.
    m_window.press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(stageOnDisk(1), ReviewStage::Adjudication);
    QCOMPARE(labelOnDisk(1), QString());
    m_window.press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(labelOnDisk(1), QStringLiteral("bird"));

    // Every answer is in the file.
    ProjectStore other;
    QVERIFY(!other.open(m_window.projectPath(), ProjectStore::OpenMode::ReadOnly));
    QCOMPARE(other.reviewsForBatchItem(m_fixture.items.at(1).id).size(), 5);
    QVERIFY(other.verify().intact);
}

QTEST_MAIN(TestAdjudicationWorkspace)
#include "tst_adjudicationworkspace.moc"
