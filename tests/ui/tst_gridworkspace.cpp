// The grid (G) in the real window, driven by keys and the mouse: it shows the same queue, a
// Shift-click range approved with A is one step that Ctrl+Z takes back, a rubber band relabelled
// with a class key and R, R alone lists the classes, a selection with decided items asks first,
// and Enter opens the current item in the single view.
#include "grid/gridview.h"
#include "mainwindow.h"
#include "queue/queuemodel.h"
#include "queue/thumbnailloader.h"
#include "reviewfixture.h"
#include "screenshots.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace Boucle;
using namespace Boucle::Testing;

class TestGridWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void shiftClickRangeApprovedAsOneStep();
    void rubberBandRelabelledByKeys();
    void relabelMenuWhenNoClassChosen();
    void decidedItemsInTheSelectionAskFirst();
    void enterOpensTheItem();

private:
    void openGrid(int items);
    void click(int row, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    QPoint centreOf(int row) const;
    ReviewStatus status(int index) const;

    WindowFixture m_window;
    ReviewFixture m_fixture;
    GridView *m_grid = nullptr;
};

void TestGridWorkspace::initTestCase()
{
    WindowFixture::isolateSettings(QStringLiteral("tst_gridworkspace"));
}

void TestGridWorkspace::init()
{
    QVERIFY(m_window.prepare());
}

void TestGridWorkspace::cleanup()
{
    m_grid = nullptr;
    m_window.reset();
}

void TestGridWorkspace::openGrid(int items)
{
    QVERIFY(!m_window.createProject([&](ProjectStore &store) {
        return makeReviewFixture(store, items, m_fixture,
                                 m_window.filePath(QStringLiteral("images")));
    }));
    QVERIFY(!m_window.openWindow(QSize(1366, 768)));
    QVERIFY(!m_window.window()->isGridShown());
    m_window.press(Qt::Key_G);
    QVERIFY(m_window.window()->isGridShown());
    m_grid = m_window.window()->gridView();
    QVERIFY(m_grid->isVisible());
    QCOMPARE(m_grid->queue(), m_window.window()->queueModel());
    QCoreApplication::processEvents();
}

QPoint TestGridWorkspace::centreOf(int row) const
{
    return m_grid->cellRect(row).center();
}

void TestGridWorkspace::click(int row, Qt::KeyboardModifiers modifiers)
{
    QTest::mouseClick(m_grid->viewport(), Qt::LeftButton, modifiers, centreOf(row));
    QCoreApplication::processEvents();
}

ReviewStatus TestGridWorkspace::status(int index) const
{
    return m_window.statusOnDisk(m_fixture.items.at(index).id);
}

void TestGridWorkspace::shiftClickRangeApprovedAsOneStep()
{
    openGrid(12);
    click(1);
    click(4, Qt::ShiftModifier);
    QCOMPARE(m_grid->selectedCount(), 4);
    m_window.press(Qt::Key_A);
    for (int i = 0; i < 12; ++i)
        QCOMPARE(status(i), i >= 1 && i <= 4 ? ReviewStatus::Approved : ReviewStatus::Pending);
    // The picture shows the grid as a reviewer sees it a moment later: every thumbnail decoded.
    m_grid->thumbnails()->waitForDone();
    QCoreApplication::processEvents();
    QString error;
    QVERIFY2(saveScreenshot(m_window.window()->grab().toImage(),
                            QStringLiteral("workspace-grid.png"), &error),
             qPrintable(error));

    // One undo takes the four back.
    m_window.press(Qt::Key_Z, Qt::ControlModifier);
    for (int i = 1; i <= 4; ++i)
        QCOMPARE(status(i), ReviewStatus::Pending);
    QVERIFY(m_window.window()->isGridShown());
}

void TestGridWorkspace::rubberBandRelabelledByKeys()
{
    openGrid(12);
    const int columns = m_grid->columnCount();
    QVERIFY(columns >= 2);
    // A band from the gap left of cell 0 to the middle of the cell below cell 1: 2 × 2 cells.
    const QRect first = m_grid->cellRect(0);
    const QPoint start(first.left() - 2, first.top() + 10);
    const QPoint end = centreOf(columns + 1);
    QTest::mousePress(m_grid->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(m_grid->viewport(), (start + end) / 2);
    QTest::mouseMove(m_grid->viewport(), end);
    QTest::mouseRelease(m_grid->viewport(), Qt::LeftButton, {}, end);
    QCOMPARE(m_grid->selectedCount(), 4);

    m_window.press(Qt::Key_3); // bird
    m_window.press(Qt::Key_R);
    for (int index : {0, 1, columns, columns + 1}) {
        QCOMPARE(status(index), ReviewStatus::Relabelled);
        QCOMPARE(m_window.labelOnDisk(m_fixture.items.at(index).sampleId), QStringLiteral("bird"));
    }
    QCOMPARE(status(2), ReviewStatus::Pending);
}

void TestGridWorkspace::relabelMenuWhenNoClassChosen()
{
    openGrid(6);
    click(2);
    // R with no class chosen lists the classes at the cell; choosing "fish" relabels the item.
    QTimer::singleShot(50, [] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        QAction *fish = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->text() == QLatin1String("fish"))
                fish = action;
        }
        QVERIFY(fish);
        menu->setActiveAction(fish);
        QTest::keyClick(menu, Qt::Key_Return);
    });
    m_window.press(Qt::Key_R);
    QCOMPARE(status(2), ReviewStatus::Relabelled);
    QCOMPARE(m_window.labelOnDisk(m_fixture.items.at(2).sampleId), QStringLiteral("fish"));
}

void TestGridWorkspace::decidedItemsInTheSelectionAskFirst()
{
    openGrid(6);
    click(0);
    m_window.press(Qt::Key_A);
    QCOMPARE(status(0), ReviewStatus::Approved);
    click(0);
    click(2, Qt::ShiftModifier);
    QString question;
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [poll, &question] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        poll->stop();
        poll->deleteLater();
        question = box->text();
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    });
    poll->start(10);
    m_window.press(Qt::Key_S);
    QVERIFY2(question.contains(QStringLiteral("1 of the 3 selected items were already decided")),
             qPrintable(question));
    for (int i = 0; i <= 2; ++i)
        QCOMPARE(status(i), ReviewStatus::Skipped);
}

void TestGridWorkspace::enterOpensTheItem()
{
    openGrid(8);
    click(5);
    m_window.press(Qt::Key_Return);
    QVERIFY(!m_window.window()->isGridShown());
    QCOMPARE(m_window.window()->currentItem(), m_fixture.items.at(5).id);
    // G again shows the grid on the same item.
    m_window.press(Qt::Key_G);
    QVERIFY(m_window.window()->isGridShown());
    QCOMPARE(m_grid->currentItem(), m_fixture.items.at(5).id);
}

QTEST_MAIN(TestGridWorkspace)
#include "tst_gridworkspace.moc"
