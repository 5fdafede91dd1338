#include "gridview.h"

#include "gridcelldelegate.h"
#include "queue/queuemodel.h"
#include "queue/thumbnailloader.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDir>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QRubberBand>
#include <QScrollBar>
#include <QStyleOption>
#include <QToolTip>

#include <algorithm>
#include <limits>

namespace Boucle {

namespace {

// The thumbnails are decoded at this size (the cell's box shows them scaled to fit).
constexpr QSize thumbnailSize(168, 126);
// How far ahead of the screen the queue's pages are read while the view is idle, in screens.
constexpr int prefetchScreens = 2;

} // namespace

GridView::GridView(QWidget *parent)
    : QAbstractItemView(parent)
    , m_thumbnails(std::make_unique<ThumbnailLoader>(thumbnailSize))
{
    setObjectName(QStringLiteral("grid"));
    setSelectionMode(ExtendedSelection);
    setSelectionBehavior(SelectRows);
    setEditTriggers(NoEditTriggers);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollMode(ScrollPerPixel);
    setItemDelegate(new GridCellDelegate(this));
    setMouseTracking(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    connect(m_thumbnails.get(), &ThumbnailLoader::thumbnailReady, this, &GridView::thumbnailReady);
    m_autoScroll.setInterval(30);
    connect(&m_autoScroll, &QTimer::timeout, this, &GridView::autoScrollRubberBand);
    // Pages of rows near the screen are read when the view is idle, between frames, so that
    // scrolling on finds them in the queue's cache.
    m_prefetch.setSingleShot(true);
    m_prefetch.setInterval(0);
    connect(&m_prefetch, &QTimer::timeout, this, &GridView::prefetchAround);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] { m_prefetch.start(); });
}

GridView::~GridView() = default;

void GridView::setQueue(QueueModel *queue, const QString &dataRoot)
{
    disconnect(m_queueGone);
    m_queue = queue;
    if (queue)
        m_queueGone = connect(queue, &QObject::destroyed, this, [this] { m_queue = nullptr; });
    m_dataRoot = dataRoot;
    m_thumbnails->clear();
    m_waitingRows.clear();
    m_anchorRow = -1;
    setModel(queue); // makes a selection model, through setSelectionModel
    updateGeometries();
    viewport()->update();
}

void GridView::setSelectionModel(QItemSelectionModel *selection)
{
    if (QItemSelectionModel *previous = selectionModel())
        disconnect(previous, &QItemSelectionModel::selectionChanged, this,
                   &GridView::emitSelectedCount);
    QAbstractItemView::setSelectionModel(selection);
    if (selectionModel())
        connect(selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &GridView::emitSelectedCount);
}

void GridView::setClasses(const QStringList &classes)
{
    m_classes = classes;
}

void GridView::setCellSize(QSize size)
{
    m_cell = size.expandedTo(QSize(96, 96));
    updateGeometries();
    viewport()->update();
}

void GridView::reset()
{
    QAbstractItemView::reset();
    m_waitingRows.clear();
    m_anchorRow = -1;
    updateGeometries();
    emitSelectedCount();
}

int GridView::rowCount() const
{
    return m_queue ? m_queue->rowCount() : 0;
}

int GridView::columnCount() const
{
    const int width = viewport()->width() - m_spacing;
    return std::max(1, width / (m_cell.width() + m_spacing));
}

int GridView::leftMargin() const
{
    // The cells are centred: what a row of cells leaves is shared on both sides.
    const int used = columnCount() * (m_cell.width() + m_spacing) - m_spacing;
    return std::max(m_spacing, (viewport()->width() - used) / 2);
}

int GridView::rowsPerPage() const
{
    return std::max(1, viewport()->height() / (m_cell.height() + m_spacing));
}

QRect GridView::contentCellRect(int row) const
{
    const int columns = columnCount();
    const int line = row / columns;
    const int column = row % columns;
    return QRect(leftMargin() + column * (m_cell.width() + m_spacing),
                 m_spacing + line * (m_cell.height() + m_spacing), m_cell.width(), m_cell.height());
}

QRect GridView::cellRect(int row) const
{
    return contentCellRect(row).translated(0, -verticalOffset());
}

int GridView::rowAtContent(QPoint content) const
{
    const int count = rowCount();
    if (count == 0 || content.y() < m_spacing || content.x() < leftMargin())
        return -1;
    const int stepX = m_cell.width() + m_spacing;
    const int stepY = m_cell.height() + m_spacing;
    const int column = (content.x() - leftMargin()) / stepX;
    const int line = (content.y() - m_spacing) / stepY;
    if (column >= columnCount() || (content.x() - leftMargin()) % stepX >= m_cell.width()
        || (content.y() - m_spacing) % stepY >= m_cell.height())
        return -1;
    const qint64 row = qint64(line) * columnCount() + column;
    return row < count ? int(row) : -1;
}

std::pair<int, int> GridView::visibleRows() const
{
    const int count = rowCount();
    if (count == 0)
        return {-1, -1};
    const int stepY = m_cell.height() + m_spacing;
    const int columns = columnCount();
    const int top = std::max(0, (verticalOffset() - m_spacing) / stepY);
    const int bottom = (verticalOffset() + viewport()->height()) / stepY;
    const int first = std::min(count - 1, top * columns);
    const int last = int(std::min<qint64>(count - 1, (qint64(bottom) + 1) * columns - 1));
    return {first, last};
}

QModelIndex GridView::indexAt(const QPoint &point) const
{
    const int row = rowAtContent(point + QPoint(0, verticalOffset()));
    return row >= 0 && model() ? model()->index(row, 0, rootIndex()) : QModelIndex();
}

QRect GridView::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    return cellRect(index.row());
}

void GridView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    if (!index.isValid())
        return;
    const QRect content = contentCellRect(index.row());
    const int height = viewport()->height();
    int value = verticalOffset();
    switch (hint) {
    case EnsureVisible:
        if (content.top() - m_spacing < value)
            value = content.top() - m_spacing;
        else if (content.bottom() + m_spacing > value + height)
            value = content.bottom() + m_spacing - height + 1;
        break;
    case PositionAtTop:
        value = content.top() - m_spacing;
        break;
    case PositionAtBottom:
        value = content.bottom() + m_spacing - height + 1;
        break;
    case PositionAtCenter:
        value = content.center().y() - height / 2;
        break;
    }
    verticalScrollBar()->setValue(value);
    viewport()->update();
}

void GridView::keyboardSearch(const QString &)
{
    // Typing must not search: the base class would read every row of the queue to match text.
}

int GridView::horizontalOffset() const
{
    return 0;
}

int GridView::verticalOffset() const
{
    return verticalScrollBar()->value();
}

bool GridView::isIndexHidden(const QModelIndex &) const
{
    return false;
}

void GridView::updateGeometries()
{
    const int count = rowCount();
    const int columns = columnCount();
    const qint64 lines = (qint64(count) + columns - 1) / columns;
    const qint64 content = lines * (m_cell.height() + m_spacing) + m_spacing;
    const int maximum = int(
            std::clamp<qint64>(content - viewport()->height(), 0, std::numeric_limits<int>::max()));
    verticalScrollBar()->setRange(0, maximum);
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setSingleStep(std::max(1, (m_cell.height() + m_spacing) / 3));
    QAbstractItemView::updateGeometries();
}

QItemSelection GridView::rowRange(int from, int to) const
{
    QItemSelection selection;
    if (!model() || from < 0 || to < 0)
        return selection;
    const int lastColumn = model()->columnCount(rootIndex()) - 1;
    selection.select(model()->index(std::min(from, to), 0, rootIndex()),
                     model()->index(std::max(from, to), lastColumn, rootIndex()));
    return selection;
}

QItemSelection GridView::cellsIn(const QRect &content) const
{
    QItemSelection selection;
    const int count = rowCount();
    if (!model() || count == 0 || !content.isValid())
        return selection;
    const int stepX = m_cell.width() + m_spacing;
    const int stepY = m_cell.height() + m_spacing;
    const int columns = columnCount();
    const int left = leftMargin();
    // The columns and lines whose cells the rectangle overlaps (not only their gaps).
    int firstColumn = std::max(0, (content.left() - left) / stepX);
    if (content.left() - left - firstColumn * stepX >= m_cell.width())
        ++firstColumn;
    const int lastColumn = std::min(columns - 1, (content.right() - left) / stepX);
    int firstLine = std::max(0, (content.top() - m_spacing) / stepY);
    if (content.top() - m_spacing - firstLine * stepY >= m_cell.height())
        ++firstLine;
    const int lastLine = (content.bottom() - m_spacing) / stepY;
    if (content.right() < left || content.bottom() < m_spacing || firstColumn > lastColumn)
        return selection;
    const int lastModelColumn = model()->columnCount(rootIndex()) - 1;
    for (int line = firstLine; line <= lastLine; ++line) {
        const qint64 first = qint64(line) * columns + firstColumn;
        if (first >= count)
            break;
        const int last = int(std::min<qint64>(count - 1, qint64(line) * columns + lastColumn));
        selection.append(QItemSelectionRange(model()->index(int(first), 0, rootIndex()),
                                             model()->index(last, lastModelColumn, rootIndex())));
    }
    return selection;
}

void GridView::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    if (!selectionModel())
        return;
    selectionModel()->select(cellsIn(rect.normalized().translated(0, verticalOffset())),
                             command | QItemSelectionModel::Rows);
}

QRegion GridView::visualRegionForSelection(const QItemSelection &selection) const
{
    QRegion region;
    const auto [first, last] = visibleRows();
    if (first < 0)
        return region;
    for (const QItemSelectionRange &range : selection) {
        const int top = std::max(first, range.top());
        const int bottom = std::min(last, range.bottom());
        for (int row = top; row <= bottom; ++row)
            region += cellRect(row);
    }
    return region;
}

QList<std::pair<int, int>> GridView::selectedRowRanges() const
{
    QList<std::pair<int, int>> ranges;
    if (!selectionModel())
        return ranges;
    for (const QItemSelectionRange &range : selectionModel()->selection())
        ranges.append({range.top(), range.bottom()});
    std::sort(ranges.begin(), ranges.end());
    QList<std::pair<int, int>> merged;
    for (const auto &range : std::as_const(ranges)) {
        if (!merged.isEmpty() && range.first <= merged.last().second + 1)
            merged.last().second = std::max(merged.last().second, range.second);
        else
            merged.append(range);
    }
    return merged;
}

int GridView::selectedCount() const
{
    qint64 count = 0;
    for (const auto &[first, last] : selectedRowRanges())
        count += last - first + 1;
    return int(count);
}

QList<BatchItemId> GridView::selectedItems() const
{
    QList<BatchItemId> items;
    if (!m_queue)
        return items;
    items.reserve(selectedCount());
    for (const auto &[first, last] : selectedRowRanges()) {
        for (int row = first; row <= last; ++row) {
            if (const BatchItemId id = m_queue->itemAt(row))
                items.append(id);
        }
    }
    return items;
}

BatchItemId GridView::currentItem() const
{
    const QModelIndex current = currentIndex();
    return current.isValid() && m_queue ? m_queue->itemAt(current.row()) : 0;
}

void GridView::setCurrentRow(int row)
{
    if (!model() || row < 0 || row >= rowCount())
        return;
    moveCurrent(row, Qt::NoModifier);
}

void GridView::emitSelectedCount()
{
    emit selectedCountChanged(selectedCount());
}

QModelIndex GridView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers)
{
    const int count = rowCount();
    if (count == 0)
        return {};
    const QModelIndex current = currentIndex();
    const int row = current.isValid() ? current.row() : -1;
    if (row < 0) // nothing current yet: End goes to the last item, every other key to the first
        return model()->index(cursorAction == MoveEnd ? count - 1 : 0, 0, rootIndex());
    const int columns = columnCount();
    const int page = rowsPerPage() * columns;
    int target = row;
    switch (cursorAction) {
    case MoveLeft:
    case MovePrevious:
        target = row - 1;
        break;
    case MoveRight:
    case MoveNext:
        target = row + 1;
        break;
    case MoveUp:
        target = row - columns >= 0 ? row - columns : row;
        break;
    case MoveDown:
        // From the last full line, Down goes to the last item rather than nowhere.
        target = row + columns < count ? row + columns
                                       : (row / columns < (count - 1) / columns ? count - 1 : row);
        break;
    case MovePageUp:
        target = row - page >= 0 ? row - page : row % columns;
        break;
    case MovePageDown:
        target = row + page < count ? row + page : count - 1;
        break;
    case MoveHome:
        target = 0;
        break;
    case MoveEnd:
        target = count - 1;
        break;
    }
    target = std::clamp(target, 0, count - 1);
    return model()->index(target, 0, rootIndex());
}

void GridView::moveCurrent(int row, Qt::KeyboardModifiers modifiers)
{
    if (!selectionModel() || row < 0)
        return;
    const QModelIndex index = model()->index(row, 0, rootIndex());
    if (modifiers.testFlag(Qt::ShiftModifier)) {
        if (m_anchorRow < 0)
            m_anchorRow = currentIndex().isValid() ? currentIndex().row() : row;
        const auto command = modifiers.testFlag(Qt::ControlModifier)
                                     ? QItemSelectionModel::Select
                                     : QItemSelectionModel::ClearAndSelect;
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        selectionModel()->select(rowRange(m_anchorRow, row), command | QItemSelectionModel::Rows);
    } else if (modifiers.testFlag(Qt::ControlModifier)) {
        // Ctrl moves the current cell only; Ctrl+Space or Ctrl+click toggles it.
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    } else {
        m_anchorRow = row;
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                         | QItemSelectionModel::Rows);
    }
    scrollTo(index);
}

void GridView::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers();
    CursorAction action = MoveNext;
    switch (event->key()) {
    case Qt::Key_Left:
        action = MoveLeft;
        break;
    case Qt::Key_Right:
        action = MoveRight;
        break;
    case Qt::Key_Up:
        action = MoveUp;
        break;
    case Qt::Key_Down:
        action = MoveDown;
        break;
    case Qt::Key_Home:
        action = MoveHome;
        break;
    case Qt::Key_End:
        action = MoveEnd;
        break;
    case Qt::Key_PageUp:
        action = MovePageUp;
        break;
    case Qt::Key_PageDown:
        action = MovePageDown;
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (const BatchItemId item = currentItem())
            emit itemActivated(item);
        event->accept();
        return;
    case Qt::Key_Space:
        if (currentIndex().isValid()) {
            const auto command = modifiers.testFlag(Qt::ControlModifier)
                                         ? QItemSelectionModel::Toggle
                                         : QItemSelectionModel::Select;
            selectionModel()->select(rowRange(currentIndex().row(), currentIndex().row()),
                                     command | QItemSelectionModel::Rows);
            m_anchorRow = currentIndex().row();
        }
        event->accept();
        return;
    case Qt::Key_Escape:
        if (selectionModel())
            selectionModel()->clearSelection();
        event->accept();
        return;
    case Qt::Key_A:
        if (modifiers == Qt::NoModifier) {
            emit approveSelected();
            event->accept();
            return;
        }
        if (event->matches(QKeySequence::SelectAll) && model() && rowCount() > 0) {
            selectionModel()->select(rowRange(0, rowCount() - 1),
                                     QItemSelectionModel::ClearAndSelect
                                             | QItemSelectionModel::Rows);
            event->accept();
            return;
        }
        break;
    case Qt::Key_S:
        if (modifiers == Qt::NoModifier) {
            emit skipSelected();
            event->accept();
            return;
        }
        break;
    case Qt::Key_R:
        if (modifiers == Qt::NoModifier) {
            const QModelIndex current = currentIndex();
            const QRect cell = current.isValid() ? cellRect(current.row()) : QRect();
            const QPoint at = viewport()->rect().intersects(cell) ? cell.center()
                                                                  : viewport()->rect().center();
            showRelabelMenu(viewport()->mapToGlobal(at));
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    if (event->key() == Qt::Key_Left || event->key() == Qt::Key_Right || event->key() == Qt::Key_Up
        || event->key() == Qt::Key_Down || event->key() == Qt::Key_Home
        || event->key() == Qt::Key_End || event->key() == Qt::Key_PageUp
        || event->key() == Qt::Key_PageDown) {
        const QModelIndex next = moveCursor(action, modifiers);
        if (next.isValid())
            moveCurrent(next.row(), modifiers);
        event->accept();
        return;
    }
    QAbstractItemView::keyPressEvent(event);
}

void GridView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    if (!selectionModel())
        return;
    const QModelIndex index = indexAt(event->position().toPoint());
    const Qt::KeyboardModifiers modifiers = event->modifiers();
    if (event->button() == Qt::RightButton) {
        // A right click on an unselected cell acts on that cell alone.
        if (index.isValid() && !selectionModel()->isSelected(index))
            moveCurrent(index.row(), Qt::NoModifier);
        event->accept();
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    m_pressed = true;
    m_banding = false;
    m_pressModifiers = modifiers;
    m_pressContent = event->position().toPoint() + QPoint(0, verticalOffset());
    m_lastViewportPoint = event->position().toPoint();
    if (index.isValid()) {
        if (modifiers.testFlag(Qt::ShiftModifier)) {
            moveCurrent(index.row(), modifiers);
        } else if (modifiers.testFlag(Qt::ControlModifier)) {
            selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
            selectionModel()->select(rowRange(index.row(), index.row()),
                                     QItemSelectionModel::Toggle | QItemSelectionModel::Rows);
            m_anchorRow = index.row();
        } else {
            moveCurrent(index.row(), Qt::NoModifier);
        }
    } else if (!modifiers.testFlag(Qt::ControlModifier) && !modifiers.testFlag(Qt::ShiftModifier)) {
        selectionModel()->clearSelection();
    }
    m_selectionAtPress = selectionModel()->selection();
    event->accept();
}

void GridView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressed || !(event->buttons() & Qt::LeftButton)) {
        event->ignore();
        return;
    }
    const QPoint point = event->position().toPoint();
    if (!m_banding) {
        const QPoint pressed = m_pressContent - QPoint(0, verticalOffset());
        if ((point - pressed).manhattanLength() < QApplication::startDragDistance())
            return;
        m_banding = true;
    }
    extendRubberBand(point);
    // Beyond the top or bottom edge the view scrolls on while the button is held.
    if (point.y() < 0 || point.y() > viewport()->height())
        m_autoScroll.start();
    else
        m_autoScroll.stop();
    event->accept();
}

void GridView::extendRubberBand(QPoint viewportPoint)
{
    m_lastViewportPoint = viewportPoint;
    const QPoint current = viewportPoint + QPoint(0, verticalOffset());
    const QRect band = QRect(m_pressContent, current).normalized();
    const QItemSelection cells = cellsIn(band);
    if (m_pressModifiers.testFlag(Qt::ControlModifier)) {
        QItemSelection combined = m_selectionAtPress;
        combined.merge(cells, QItemSelectionModel::Select);
        selectionModel()->select(combined,
                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    } else {
        selectionModel()->select(cells,
                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    if (const int row = rowAtContent(current); row >= 0)
        selectionModel()->setCurrentIndex(model()->index(row, 0, rootIndex()),
                                          QItemSelectionModel::NoUpdate);
    viewport()->update();
}

void GridView::autoScrollRubberBand()
{
    if (!m_banding) {
        m_autoScroll.stop();
        return;
    }
    const int height = viewport()->height();
    const int y = m_lastViewportPoint.y();
    const int distance = y < 0 ? y : (y > height ? y - height : 0);
    if (distance == 0) {
        m_autoScroll.stop();
        return;
    }
    // Faster the further the pointer is past the edge.
    const int step = std::clamp(distance, -m_cell.height(), m_cell.height());
    verticalScrollBar()->setValue(verticalOffset() + step);
    extendRubberBand(m_lastViewportPoint);
}

void GridView::mouseReleaseEvent(QMouseEvent *event)
{
    m_autoScroll.stop();
    if (m_banding)
        viewport()->update();
    m_pressed = false;
    m_banding = false;
    m_selectionAtPress.clear();
    event->accept();
}

void GridView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && index.isValid() && m_queue) {
        moveCurrent(index.row(), Qt::NoModifier);
        if (const BatchItemId item = m_queue->itemAt(index.row()))
            emit itemActivated(item);
    }
    event->accept();
}

QMenu *GridView::buildMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const int count = selectedCount();
    QAction *approve = menu->addAction(tr("Approve %n selected", nullptr, count));
    approve->setEnabled(count > 0);
    connect(approve, &QAction::triggered, this, &GridView::approveSelected);
    QMenu *relabel = menu->addMenu(tr("Relabel %n selected as", nullptr, count));
    relabel->setEnabled(count > 0 && !m_classes.isEmpty());
    for (const QString &name : std::as_const(m_classes)) {
        QAction *action = relabel->addAction(name);
        connect(action, &QAction::triggered, this, [this, name] { emit relabelSelected(name); });
    }
    QAction *skip = menu->addAction(tr("Skip %n selected", nullptr, count));
    skip->setEnabled(count > 0);
    connect(skip, &QAction::triggered, this, &GridView::skipSelected);
    menu->addSeparator();
    QAction *open = menu->addAction(tr("Open in the single view"));
    open->setEnabled(currentIndex().isValid());
    connect(open, &QAction::triggered, this, [this] {
        if (const BatchItemId item = currentItem())
            emit itemActivated(item);
    });
    return menu;
}

void GridView::contextMenuEvent(QContextMenuEvent *event)
{
    buildMenu(this)->popup(event->globalPos());
    event->accept();
}

void GridView::showRelabelMenu(QPoint globalPosition)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("gridRelabelMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const int count = selectedCount();
    menu->setTitle(tr("Relabel %n selected as", nullptr, count));
    if (count == 0 || m_classes.isEmpty()) {
        QAction *none = menu->addAction(count == 0 ? tr("Select items first")
                                                   : tr("This project has no classes"));
        none->setEnabled(false);
    }
    for (const QString &name : std::as_const(m_classes)) {
        QAction *action = menu->addAction(name);
        action->setEnabled(count > 0);
        connect(action, &QAction::triggered, this, [this, name] { emit relabelSelected(name); });
    }
    menu->popup(globalPosition);
}

bool GridView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_queue) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QModelIndex index = indexAt(help->pos());
        if (!index.isValid()) {
            QToolTip::hideText();
            return true;
        }
        // The sample's path, then each reason in full (hidden in blind review).
        QStringList lines {index.siblingAtColumn(QueueModel::ThumbnailColumn)
                                   .data(Qt::ToolTipRole)
                                   .toString()};
        const QString reasons
                = index.siblingAtColumn(QueueModel::ReasonsColumn).data(Qt::ToolTipRole).toString();
        if (!reasons.isEmpty())
            lines.append(reasons);
        QToolTip::showText(help->globalPos(), lines.join(QLatin1Char('\n')), viewport(),
                           visualRect(index));
        return true;
    }
    return QAbstractItemView::viewportEvent(event);
}

QImage GridView::thumbnailFor(int row) const
{
    if (!m_queue)
        return {};
    const auto found = m_queue->rowAt(row);
    if (!found)
        return {};
    const QString path = QDir(m_dataRoot).filePath(found->samplePath);
    QImage image = m_thumbnails->thumbnail(found->item.sampleId, path);
    if (image.isNull()) {
        QList<int> &rows = m_waitingRows[found->item.sampleId];
        if (!rows.contains(row))
            rows.append(row);
    }
    return image;
}

void GridView::thumbnailReady(SampleId sample)
{
    const QList<int> rows = m_waitingRows.take(sample);
    const QRect visible = viewport()->rect();
    for (int row : rows) {
        const QRect cell = cellRect(row);
        if (cell.intersects(visible))
            viewport()->update(cell);
    }
}

void GridView::prefetchAround()
{
    if (!m_queue)
        return;
    const auto [first, last] = visibleRows();
    if (first < 0)
        return;
    // Touching one row per page is enough: the queue reads the whole page.
    const int screen = last - first + 1;
    for (int step = 1; step <= prefetchScreens; ++step) {
        m_queue->itemAt(std::min(rowCount() - 1, last + step * screen));
        m_queue->itemAt(std::max(0, first - step * screen));
    }
}

void GridView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QRect exposed = event->rect();
    painter.fillRect(exposed, palette().color(QPalette::Base));
    if (!model() || !m_queue)
        return;
    const auto [first, last] = visibleRows();
    if (first < 0)
        return;
    // Rows no longer on screen need no repaint when their thumbnail arrives; a full repaint asks
    // again for every cell on screen.
    if (exposed.contains(viewport()->rect()))
        m_waitingRows.clear();
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.widget = this;
    const QModelIndex current = currentIndex();
    const bool focused = hasFocus();
    QAbstractItemDelegate *delegate = itemDelegate();
    for (int row = first; row <= last; ++row) {
        const QRect cell = cellRect(row);
        if (!cell.intersects(exposed))
            continue;
        const QModelIndex index = model()->index(row, 0, rootIndex());
        option.rect = cell;
        option.state = QStyle::State_Enabled;
        if (selectionModel() && selectionModel()->isSelected(index))
            option.state |= QStyle::State_Selected;
        if (focused && index == current)
            option.state |= QStyle::State_HasFocus;
        delegate->paint(&painter, option, index);
    }
    if (m_banding) {
        QStyleOptionRubberBand band;
        band.initFrom(viewport());
        band.shape = QRubberBand::Rectangle;
        band.opaque = false;
        band.rect = QRect(m_pressContent - QPoint(0, verticalOffset()), m_lastViewportPoint)
                            .normalized();
        style()->drawControl(QStyle::CE_RubberBand, &band, &painter, viewport());
    }
    m_prefetch.start();
}

} // namespace Boucle
