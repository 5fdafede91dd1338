// Double review and adjudication in the main window, driven by keys: ada answers first, bob
// works the second-review queue without seeing her answers, cyd works the adjudication queue
// with both answers side by side; the project file is checked after each step.
#include "imaging/sampleprefetcher.h"
#include "mainwindow.h"
#include "panels/flagreasonspanel.h"
#include "panels/roundpanel.h"
#include "queue/queuemodel.h"
#include "review/reviewsession.h"
#include "reviewfixture.h"
#include "screenshots.h"
#include "store/projectstore.h"

#include <QApplication>
#include <QComboBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
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
    void openWindowAs(const QString &reviewer);
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    ReviewStage stageOnDisk(int index) const;
    QString labelOnDisk(int index) const;
    QString queueCell(int row, int column) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_projectPath;
    ReviewFixture m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

void TestAdjudicationWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BoucleTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_adjudicationworkspace"));
}

void TestAdjudicationWorkspace::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_projectPath = m_dir->filePath(QStringLiteral("review.boucle"));
    ProjectStore store;
    QVERIFY(!store.create(m_projectPath, m_dir->path()));
    QVERIFY(!makeReviewFixture(store, 6, m_fixture, m_dir->filePath(QStringLiteral("images"))));
    ReviewSession session(store);
    DoubleReviewPolicy policy;
    policy.share = 1.0;
    QVERIFY(!session.setDoubleReviewPolicy(policy));
}

void TestAdjudicationWorkspace::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestAdjudicationWorkspace::openWindowAs(const QString &reviewer)
{
    m_window.reset();
    QSettings().setValue(QStringLiteral("reviewer"), reviewer);
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 860);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    const StoreError error = m_window->openProject(m_projectPath);
    QVERIFY2(!error, qPrintable(error.message));
    m_window->prefetcher()->waitForDone();
    QCoreApplication::processEvents();
}

void TestAdjudicationWorkspace::press(int key, Qt::KeyboardModifiers modifiers)
{
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
    QTest::keyClick(target, Qt::Key(key), modifiers);
    QCoreApplication::processEvents();
}

ReviewStage TestAdjudicationWorkspace::stageOnDisk(int index) const
{
    ProjectStore other;
    if (other.open(m_projectPath, ProjectStore::OpenMode::ReadOnly))
        return ReviewStage::None;
    return other.reviewRound(m_fixture.items.at(index).id).stage;
}

QString TestAdjudicationWorkspace::labelOnDisk(int index) const
{
    ProjectStore other;
    if (other.open(m_projectPath, ProjectStore::OpenMode::ReadOnly))
        return {};
    return other.currentLabel(m_fixture.items.at(index).sampleId);
}

QString TestAdjudicationWorkspace::queueCell(int row, int column) const
{
    return m_window->queueModel()->index(row, column).data().toString();
}

void TestAdjudicationWorkspace::secondReviewAndAdjudicationByKeys()
{
    // Ada answers items 0 (cat: approve) and 1 (dog: override with fish, key 4).
    openWindowAs(QStringLiteral("ada"));
    press(Qt::Key_A);
    QCOMPARE(stageOnDisk(0), ReviewStage::AwaitingSecond);
    QVERIFY(m_window->lastMessage().contains(QStringLiteral("second reviewer")));
    press(Qt::Key_4);
    press(Qt::Key_O);
    QCOMPARE(stageOnDisk(1), ReviewStage::AwaitingSecond);
    QCOMPARE(labelOnDisk(1), QString()); // not the label until a second reviewer agrees
    // Her own second-review queue is empty: she may not answer twice.
    press(Qt::Key_F6);
    QCOMPARE(m_window->queueModel()->rowCount(), 0);

    // Bob works the second-review queue: both items, with nothing of ada's answers in view.
    openWindowAs(QStringLiteral("bob"));
    press(Qt::Key_F6);
    QCOMPARE(m_window->queueModel()->rowCount(), 2);
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(0).id);
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(queueCell(row, QueueModel::StatusColumn),
                 QStringLiteral("Awaiting second review"));
        QCOMPARE(queueCell(row, QueueModel::ReviewerColumn), QString());
    }
    const QString history = m_window->reasonsPanel()->toPlainText();
    QVERIFY2(!history.contains(QStringLiteral("ada")), qPrintable(history));
    QVERIFY(m_window->roundPanel()->isVisibleTo(m_window.get()));
    QCOMPARE(m_window->roundPanel()->table()->rowCount(), 0);
    QVERIFY(m_window->roundPanel()->summary().contains(QStringLiteral("Another reviewer")));

    // Item 0: bob approves too, and the item is settled as "cat".
    press(Qt::Key_A);
    QCOMPARE(stageOnDisk(0), ReviewStage::Settled);
    QCOMPARE(labelOnDisk(0), QStringLiteral("cat"));
    // Item 1: bob says bird (key 3), ada said fish: adjudication.
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(1).id);
    press(Qt::Key_3);
    press(Qt::Key_O);
    QCOMPARE(stageOnDisk(1), ReviewStage::Adjudication);
    QVERIFY(m_window->lastMessage().contains(QStringLiteral("adjudication")));
    QCOMPARE(labelOnDisk(1), QString());
    // Bob cannot adjudicate his own disagreement.
    press(Qt::Key_F7);
    QCOMPARE(m_window->queueModel()->rowCount(), 0);

    // Cyd adjudicates, with both answers side by side, and chooses bird.
    openWindowAs(QStringLiteral("cyd"));
    press(Qt::Key_F7);
    QCOMPARE(m_window->queueModel()->rowCount(), 1);
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(1).id);
    QCOMPARE(queueCell(0, QueueModel::StatusColumn), QStringLiteral("In adjudication"));
    const QTableWidget *answers = m_window->roundPanel()->table();
    QCOMPARE(answers->rowCount(), 2);
    QCOMPARE(answers->item(0, 0)->text(), QStringLiteral("ada"));
    QCOMPARE(answers->item(0, 3)->text(), QStringLiteral("fish"));
    QCOMPARE(answers->item(1, 0)->text(), QStringLiteral("bob"));
    QCOMPARE(answers->item(1, 3)->text(), QStringLiteral("bird"));
    // The adjudicator's view, for the README.
    QString error;
    QVERIFY2(saveScreenshot(m_window->grab().toImage(),
                            QStringLiteral("workspace-adjudication.png"), &error),
             qPrintable(error));
    press(Qt::Key_3);
    press(Qt::Key_O);
    QCOMPARE(stageOnDisk(1), ReviewStage::Settled);
    QCOMPARE(labelOnDisk(1), QStringLiteral("bird"));

    // Undo by key: back to adjudication, and the label is gone again.
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(stageOnDisk(1), ReviewStage::Adjudication);
    QCOMPARE(labelOnDisk(1), QString());
    press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(labelOnDisk(1), QStringLiteral("bird"));

    // Every answer is in the file.
    ProjectStore other;
    QVERIFY(!other.open(m_projectPath, ProjectStore::OpenMode::ReadOnly));
    QCOMPARE(other.reviewsForBatchItem(m_fixture.items.at(1).id).size(), 5);
    QVERIFY(other.verify().intact);
}

QTEST_MAIN(TestAdjudicationWorkspace)
#include "tst_adjudicationworkspace.moc"
