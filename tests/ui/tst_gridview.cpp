// GridView on its own over a temporary project: one cell per queue row, read lazily; clicks,
// Ctrl and Shift clicks, a rubber band dragged with the mouse, the navigation keys, the signals
// the main window listens to (approve, relabel, skip, open), the thumbnails painted once decoded,
// and a bulk decision made through the signals as the window makes it (one undo step).
#include "grid/gridview.h"
#include "queue/queuemodel.h"
#include "queue/thumbnailloader.h"
#include "review/reviewsession.h"
#include "reviewfixture.h"
#include "temporaryproject.h"

#include <QApplication>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

class TestGridView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void oneCellPerItemReadLazily();
    void clickCtrlClickShiftClick();
    void rubberBandSelectsTheCellsItTouches();
    void ctrlRubberBandAddsToTheSelection();
    void keysMoveAndExtend_data();
    void keysMoveAndExtend();
    void selectAllAndClear();
    void sharesTheQueueTableSelection();
    void signalsForTheWindow();
    void relabelMenuOffersTheClasses();
    void thumbnailsArePaintedOnceDecoded();
    void blindReviewHidesThePrediction();
    void bulkApproveThroughTheSignalIsOneUndoStep();

private:
    void show(int items, bool images = false, QSize size = QSize(800, 600));
    QList<int> selectedRows() const;
    QPoint centreOf(int row) const { return m_grid->cellRect(row).center(); }
    void click(int row, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);

    std::unique_ptr<TemporaryProject> m_project;
    ReviewFixture m_fixture;
    std::unique_ptr<QueueModel> m_queue;
    std::unique_ptr<GridView> m_grid;
};

void TestGridView::init()
{
    m_project = std::make_unique<TemporaryProject>();
    QVERIFY(m_project->isValid());
}

void TestGridView::cleanup()
{
    m_grid.reset();
    m_queue.reset();
    m_project.reset();
}

void TestGridView::show(int items, bool images, QSize size)
{
    ProjectStore &store = m_project->store();
    QVERIFY(!makeReviewFixture(store, items, m_fixture,
                               images ? m_project->filePath(QStringLiteral("images")) : QString()));
    m_queue = std::make_unique<QueueModel>();
    m_queue->setBatch(&store, m_fixture.batch.id);
    m_grid = std::make_unique<GridView>();
    m_grid->setQueue(m_queue.get(), store.dataRoot());
    m_grid->setClasses(store.classNames());
    m_grid->resize(size);
    m_grid->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_grid.get()));
    m_grid->setFocus();
    QCoreApplication::processEvents();
}

QList<int> TestGridView::selectedRows() const
{
    QList<int> rows;
    for (const auto &[first, last] : m_grid->selectedRowRanges()) {
        for (int row = first; row <= last; ++row)
            rows.append(row);
    }
    return rows;
}

void TestGridView::click(int row, Qt::KeyboardModifiers modifiers)
{
    QTest::mouseClick(m_grid->viewport(), Qt::LeftButton, modifiers, centreOf(row));
}

void TestGridView::press(int key, Qt::KeyboardModifiers modifiers)
{
    QTest::keyClick(m_grid.get(), Qt::Key(key), modifiers);
}

void TestGridView::oneCellPerItemReadLazily()
{
    show(2000);
    QCOMPARE(m_queue->rowCount(), 2000);
    // 800 px hold four 176 px cells with their gaps.
    QCOMPARE(m_grid->columnCount(), 4);
    const auto [first, last] = m_grid->visibleRows();
    QCOMPARE(first, 0);
    QVERIFY(last < 20);
    // Cells of one line share a top; the next line starts below the first.
    QCOMPARE(m_grid->cellRect(1).top(), m_grid->cellRect(0).top());
    QVERIFY(m_grid->cellRect(4).top() > m_grid->cellRect(0).bottom());
    // Only the page of rows on screen (and the one read ahead) came from the store.
    QVERIFY2(m_queue->loadedPageCount() <= 2,
             qPrintable(QString::number(m_queue->loadedPageCount())));

    press(Qt::Key_End);
    QCOMPARE(m_grid->currentIndex().row(), 1999);
    QVERIFY(m_grid->viewport()->rect().contains(m_grid->cellRect(1999)));
    QCoreApplication::processEvents();
    QVERIFY(m_queue->loadedPageCount() <= 4);
    QCOMPARE(m_grid->currentItem(), m_fixture.items.at(1999).id);
}

void TestGridView::clickCtrlClickShiftClick()
{
    show(24);
    click(2);
    QCOMPARE(selectedRows(), QList<int>({2}));
    click(5, Qt::ControlModifier);
    QCOMPARE(selectedRows(), QList<int>({2, 5}));
    click(2, Qt::ControlModifier); // toggles it off
    QCOMPARE(selectedRows(), QList<int>({5}));
    // Shift+click: the range in reading order from the last clicked cell, across lines.
    click(5);
    click(9, Qt::ShiftModifier);
    QCOMPARE(selectedRows(), QList<int>({5, 6, 7, 8, 9}));
    click(3, Qt::ShiftModifier);
    QCOMPARE(selectedRows(), QList<int>({3, 4, 5}));
    // Ctrl+Shift adds a range to what is selected.
    click(12);
    click(14, Qt::ShiftModifier | Qt::ControlModifier);
    QCOMPARE(selectedRows(), QList<int>({12, 13, 14}));
    click(0, Qt::ControlModifier);
    click(1, Qt::ShiftModifier | Qt::ControlModifier);
    QCOMPARE(selectedRows(), QList<int>({0, 1, 12, 13, 14}));
    QCOMPARE(m_grid->selectedCount(), 5);
    QCOMPARE(m_grid->selectedItems(),
             QList<BatchItemId>({m_fixture.items.at(0).id, m_fixture.items.at(1).id,
                                 m_fixture.items.at(12).id, m_fixture.items.at(13).id,
                                 m_fixture.items.at(14).id}));
    // A click on no cell clears the selection.
    const QRect last = m_grid->cellRect(23);
    QTest::mouseClick(m_grid->viewport(), Qt::LeftButton, {},
                      QPoint(last.right() + 3, last.bottom() + 3));
    QCOMPARE(m_grid->selectedCount(), 0);
}

void TestGridView::rubberBandSelectsTheCellsItTouches()
{
    show(24);
    QSignalSpy counted(m_grid.get(), &GridView::selectedCountChanged);
    // From the gap left of cell 1 to the middle of the cell two lines down and one right: a
    // rectangle of 2 columns by 3 lines.
    const QRect from = m_grid->cellRect(1);
    const QPoint start(from.left() - 2, from.top() + 10);
    const QPoint end = centreOf(1 + 2 * m_grid->columnCount() + 1);
    QTest::mousePress(m_grid->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(m_grid->viewport(), (start + end) / 2);
    QTest::mouseMove(m_grid->viewport(), end);
    QTest::mouseRelease(m_grid->viewport(), Qt::LeftButton, {}, end);
    const int columns = m_grid->columnCount();
    QCOMPARE(selectedRows(),
             QList<int>({1, 2, 1 + columns, 2 + columns, 1 + 2 * columns, 2 + 2 * columns}));
    QVERIFY(!counted.isEmpty());
    QCOMPARE(counted.constLast().constFirst().toInt(), 6);

    // A band dragged back up and left selects the same way.
    QTest::mousePress(m_grid->viewport(), Qt::LeftButton, {}, centreOf(columns + 1));
    QTest::mouseMove(m_grid->viewport(), centreOf(1) + QPoint(-5, -5));
    QTest::mouseMove(m_grid->viewport(), centreOf(0));
    QTest::mouseRelease(m_grid->viewport(), Qt::LeftButton, {}, centreOf(0));
    QCOMPARE(selectedRows(), QList<int>({0, 1, columns, columns + 1}));
}

void TestGridView::ctrlRubberBandAddsToTheSelection()
{
    show(24);
    click(20);
    const QPoint start = centreOf(0);
    const QPoint end = centreOf(1);
    QTest::mousePress(m_grid->viewport(), Qt::LeftButton, Qt::ControlModifier, start);
    QTest::mouseMove(m_grid->viewport(), end);
    QTest::mouseRelease(m_grid->viewport(), Qt::LeftButton, Qt::ControlModifier, end);
    QCOMPARE(selectedRows(), QList<int>({0, 1, 20}));
}

void TestGridView::keysMoveAndExtend_data()
{
    QTest::addColumn<QList<int>>("keys");
    QTest::addColumn<QList<int>>("modifiers");
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("selected");
    // 4 columns, 60 items, starting on item 0.
    QTest::newRow("right") << QList<int> {Qt::Key_Right} << QList<int> {0} << 1 << 1;
    QTest::newRow("down goes a line") << QList<int> {Qt::Key_Down} << QList<int> {0} << 4 << 1;
    QTest::newRow("down then up") << QList<int> {Qt::Key_Down, Qt::Key_Right, Qt::Key_Up}
                                  << QList<int> {0, 0, 0} << 1 << 1;
    QTest::newRow("left at the start stays")
            << QList<int> {Qt::Key_Left} << QList<int> {0} << 0 << 1;
    QTest::newRow("end") << QList<int> {Qt::Key_End} << QList<int> {0} << 59 << 1;
    QTest::newRow("end then home")
            << QList<int> {Qt::Key_End, Qt::Key_Home} << QList<int> {0, 0} << 0 << 1;
    // -1: one page down, as many whole lines as the viewport holds.
    QTest::newRow("page down goes a screen of lines")
            << QList<int> {Qt::Key_PageDown} << QList<int> {0} << -1 << 1;
    QTest::newRow("page down then page up")
            << QList<int> {Qt::Key_PageDown, Qt::Key_PageDown, Qt::Key_PageUp}
            << QList<int> {0, 0, 0} << -1 << 1;
    QTest::newRow("shift+right twice extends")
            << QList<int> {Qt::Key_Right, Qt::Key_Right}
            << QList<int> {Qt::ShiftModifier, Qt::ShiftModifier} << 2 << 3;
    QTest::newRow("shift+down extends a line in reading order")
            << QList<int> {Qt::Key_Down} << QList<int> {Qt::ShiftModifier} << 4 << 5;
    QTest::newRow("shift+end selects to the last")
            << QList<int> {Qt::Key_End} << QList<int> {Qt::ShiftModifier} << 59 << 60;
    QTest::newRow("ctrl moves without selecting")
            << QList<int> {Qt::Key_Right, Qt::Key_Right}
            << QList<int> {Qt::ControlModifier, Qt::ControlModifier} << 2 << 1;
    QTest::newRow("ctrl+space adds the current one")
            << QList<int> {Qt::Key_Right, Qt::Key_Right, Qt::Key_Space}
            << QList<int> {Qt::ControlModifier, Qt::ControlModifier, Qt::ControlModifier} << 2 << 2;
}

void TestGridView::keysMoveAndExtend()
{
    QFETCH(QList<int>, keys);
    QFETCH(QList<int>, modifiers);
    QFETCH(int, current);
    QFETCH(int, selected);
    show(60);
    QCOMPARE(m_grid->columnCount(), 4);
    m_grid->setCurrentRow(0);
    for (int i = 0; i < keys.size(); ++i)
        press(keys.at(i), Qt::KeyboardModifiers(modifiers.at(i)));
    if (current < 0) {
        const int lines = m_grid->viewport()->height() / (m_grid->cellSize().height() + 6);
        QVERIFY(lines >= 2);
        current = lines * m_grid->columnCount();
    }
    QCOMPARE(m_grid->currentIndex().row(), current);
    QCOMPARE(m_grid->selectedCount(), selected);
    QVERIFY(m_grid->viewport()->rect().intersects(m_grid->cellRect(current)));
}

void TestGridView::selectAllAndClear()
{
    show(40);
    press(Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(m_grid->selectedCount(), 40);
    QCOMPARE(m_grid->selectedItems().size(), 40);
    press(Qt::Key_Escape);
    QCOMPARE(m_grid->selectedCount(), 0);
}

void TestGridView::sharesTheQueueTableSelection()
{
    show(20);
    QTableView table;
    table.setModel(m_queue.get());
    table.setSelectionBehavior(QAbstractItemView::SelectRows);
    m_grid->setSelectionModel(table.selectionModel());
    QSignalSpy counted(m_grid.get(), &GridView::selectedCountChanged);
    click(2);
    click(6, Qt::ShiftModifier);
    QCOMPARE(table.selectionModel()->selectedRows().size(), 5);
    QCOMPARE(counted.constLast().constFirst().toInt(), 5);
    // What the table selects, the grid shows selected.
    table.selectionModel()->select(m_queue->index(11, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(selectedRows(), QList<int>({11}));
}

void TestGridView::signalsForTheWindow()
{
    show(12);
    QSignalSpy approve(m_grid.get(), &GridView::approveSelected);
    QSignalSpy skip(m_grid.get(), &GridView::skipSelected);
    QSignalSpy activated(m_grid.get(), &GridView::itemActivated);
    click(3);
    press(Qt::Key_A);
    QCOMPARE(approve.size(), 1);
    press(Qt::Key_S);
    QCOMPARE(skip.size(), 1);
    press(Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.constFirst().constFirst().value<BatchItemId>(), m_fixture.items.at(3).id);
    QTest::mouseDClick(m_grid->viewport(), Qt::LeftButton, {}, centreOf(7));
    QCOMPARE(activated.size(), 2);
    QCOMPARE(activated.constLast().constFirst().value<BatchItemId>(), m_fixture.items.at(7).id);
    QCOMPARE(m_grid->currentIndex().row(), 7);
}

void TestGridView::relabelMenuOffersTheClasses()
{
    show(12);
    QSignalSpy relabel(m_grid.get(), &GridView::relabelSelected);
    click(1);
    click(2, Qt::ShiftModifier);
    press(Qt::Key_R);
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) != nullptr);
    QStringList offered;
    QAction *sheep = nullptr;
    for (QAction *action : menu->actions()) {
        offered.append(action->text());
        if (action->text() == QLatin1String("sheep"))
            sheep = action;
    }
    QCOMPARE(offered, m_fixture.classes);
    QVERIFY(sheep);
    sheep->trigger();
    menu->close();
    QCOMPARE(relabel.size(), 1);
    QCOMPARE(relabel.constFirst().constFirst().toString(), QStringLiteral("sheep"));
}

void TestGridView::thumbnailsArePaintedOnceDecoded()
{
    show(8, true);
    m_grid->viewport()->repaint();
    m_grid->thumbnails()->waitForDone();
    QCoreApplication::processEvents();
    const QImage screen = m_grid->viewport()->grab().toImage();
    // The fixture's sample 2 is filled with its class's colour, with a disc in the middle; a
    // point near the thumbnail's top left corner shows that fill.
    const QRect cell = m_grid->cellRect(2);
    const QColor expected = QColor::fromHsv((2 * 55) % 360, 120, 230);
    bool found = false;
    const int dpr = int(screen.devicePixelRatio());
    for (int y = cell.top() + 30; y < cell.top() + 60 && !found; y += 2) {
        for (int x = cell.left() + 8; x < cell.left() + 40 && !found; x += 2) {
            const QColor seen = screen.pixelColor(x * dpr, y * dpr);
            found = std::abs(seen.red() - expected.red()) < 12
                    && std::abs(seen.green() - expected.green()) < 12
                    && std::abs(seen.blue() - expected.blue()) < 12;
        }
    }
    QVERIFY2(found, "the thumbnail of sample 2 is not painted in its cell");
}

void TestGridView::blindReviewHidesThePrediction()
{
    show(6);
    m_grid->viewport()->repaint();
    m_grid->thumbnails()->waitForDone(); // the cells say "no preview": there are no files
    QCoreApplication::processEvents();
    m_grid->viewport()->repaint();
    const QRect cell = m_grid->cellRect(1);
    const QImage shown = m_grid->viewport()->grab(cell).toImage();
    // Blind review: the queue hides the predicted class and the confidence of unrevealed items,
    // and the cell paints what the queue says.
    m_queue->setRevealPredicate([](BatchItemId) { return false; });
    const QModelIndex index = m_queue->index(1, 0);
    QVERIFY(index.data(QueueModel::HiddenRole).toBool());
    QCOMPARE(index.siblingAtColumn(QueueModel::LabelColumn).data().toString(),
             QStringLiteral("hidden"));
    QCOMPARE(index.data(QueueModel::ConfidenceRole).toDouble(), -1.0);
    m_grid->viewport()->repaint();
    const QImage hidden = m_grid->viewport()->grab(cell).toImage();
    QVERIFY(shown != hidden);
    m_queue->setRevealPredicate({});
    m_grid->viewport()->repaint();
    QCOMPARE(m_grid->viewport()->grab(cell).toImage(), shown);
}

void TestGridView::bulkApproveThroughTheSignalIsOneUndoStep()
{
    show(12);
    ProjectStore &store = m_project->store();
    ReviewSession session(store);
    session.setReviewer(QStringLiteral("ada"));
    // What the main window does with the signals.
    StoreError last;
    connect(m_grid.get(), &GridView::approveSelected, &session,
            [&] { last = session.approveAll(m_grid->selectedItems()); });
    connect(m_grid.get(), &GridView::relabelSelected, &session, [&](const QString &label) {
        last = session.relabelAll(m_grid->selectedItems(), label);
    });
    connect(m_grid.get(), &GridView::skipSelected, &session,
            [&] { last = session.skipAll(m_grid->selectedItems()); });
    connect(&session, &ReviewSession::itemDecided, m_queue.get(),
            [this](BatchItemId item) { m_queue->refreshItem(item); });

    const QRect from = m_grid->cellRect(0);
    QTest::mousePress(m_grid->viewport(), Qt::LeftButton, {}, from.topLeft() - QPoint(2, 2));
    QTest::mouseMove(m_grid->viewport(), centreOf(5));
    QTest::mouseRelease(m_grid->viewport(), Qt::LeftButton, {}, centreOf(5));
    QCOMPARE(selectedRows(), QList<int>({0, 1, 4, 5}));
    press(Qt::Key_A);
    QVERIFY2(!last, qPrintable(last.message));
    for (int row : {0, 1, 4, 5}) {
        QCOMPARE(store.batchItem(m_fixture.items.at(row).id)->status, ReviewStatus::Approved);
        QCOMPARE(m_queue->index(row, 0).data(QueueModel::StatusRole).toInt(),
                 int(ReviewStatus::Approved));
    }
    QCOMPARE(store.batchItem(m_fixture.items.at(2).id)->status, ReviewStatus::Pending);
    QCOMPARE(session.undoText(), QStringLiteral("Approve 4 items"));
    QVERIFY(!session.undo());
    for (int row : {0, 1, 4, 5})
        QCOMPARE(store.batchItem(m_fixture.items.at(row).id)->status, ReviewStatus::Pending);
    click(7);
    click(8, Qt::ShiftModifier);
    press(Qt::Key_S);
    QVERIFY(!last);
    QCOMPARE(store.batchItem(m_fixture.items.at(7).id)->status, ReviewStatus::Skipped);
    QCOMPARE(store.batchItem(m_fixture.items.at(8).id)->status, ReviewStatus::Skipped);
}

QTEST_MAIN(TestGridView)
#include "tst_gridview.moc"
