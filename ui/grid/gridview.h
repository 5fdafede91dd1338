// GridView: the items of a review queue as a grid of thumbnails, for deciding many at once. Each
// cell shows the sample, its predicted class, a confidence bar, the reasons it was flagged (as
// chips) and its status. It is a view over the queue's own QueueModel, so it shows the same rows
// in the same filter and order as the queue table, and shares its selection model if asked.
//
// Every cell has the same size, so where a row is on screen is arithmetic: nothing is measured or
// stored per item, and a batch of a million items costs what a screenful costs. Rows come from the
// QueueModel's pages; thumbnails come from the view's own ThumbnailLoader (worker threads, larger
// than the table's), asked for only by the cells being painted.
//
// Selection: click, Ctrl+click (toggle), Shift+click (the range in reading order from the
// anchor), a rubber band dragged with the mouse (the cells it touches; with Ctrl, added), arrows,
// Home/End, PgUp/PgDn (with Shift, extending), Ctrl+A, Esc (clear). Enter or a double click opens
// the current item (itemActivated). The decisions themselves are the main window's: the view
// only says what the reviewer asked for (approveSelected, relabelSelected, skipSelected, from the
// keys A, R and S when no window action takes them, or from the context menu).
// GUI thread only.
#pragma once

#include "records/projectrecords.h"

#include <QAbstractItemView>
#include <QHash>
#include <QItemSelection>
#include <QTimer>

#include <memory>

namespace Boucle {

class QueueModel;
class ThumbnailLoader;

class GridView : public QAbstractItemView
{
    Q_OBJECT

public:
    explicit GridView(QWidget *parent = nullptr);
    ~GridView() override;

    // Shows the rows of `queue`; samples are read under `dataRoot`. nullptr: nothing.
    void setQueue(QueueModel *queue, const QString &dataRoot);
    QueueModel *queue() const { return m_queue; }
    // The classes offered by "Relabel selected as" (R and the context menu).
    void setClasses(const QStringList &classes);
    QStringList classes() const { return m_classes; }

    // The size of one cell; the thumbnail takes what the text below it leaves.
    QSize cellSize() const { return m_cell; }
    void setCellSize(QSize size);
    int columnCount() const;
    // Where the cell of `row` is, in viewport coordinates (it may be off screen).
    QRect cellRect(int row) const;
    // The rows on screen, first and last (-1, -1 when empty).
    std::pair<int, int> visibleRows() const;

    // The selected rows as sorted, disjoint ranges [first, last].
    QList<std::pair<int, int>> selectedRowRanges() const;
    int selectedCount() const;
    // The selected items in queue order. Reads the queue's pages that hold them, so a very large
    // selection costs in proportion to its size.
    QList<BatchItemId> selectedItems() const;
    BatchItemId currentItem() const;
    // Makes `row` current and the only row selected, and scrolls to it.
    void setCurrentRow(int row);

    ThumbnailLoader *thumbnails() const { return m_thumbnails.get(); }

    // The queue table's selection model may be shared, so both views select the same items.
    void setSelectionModel(QItemSelectionModel *selection) override;

    QModelIndex indexAt(const QPoint &point) const override;
    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    void keyboardSearch(const QString &search) override;
    void reset() override;

signals:
    void approveSelected();
    void relabelSelected(const QString &label);
    void skipSelected();
    // Enter or a double click on an item: open it in the single view.
    void itemActivated(Boucle::BatchItemId item);
    void selectedCountChanged(int count);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &index) const override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    void updateGeometries() override;

    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    friend class GridCellDelegate;

    int rowCount() const;
    int rowAtContent(QPoint content) const; // -1 between or beyond the cells
    QRect contentCellRect(int row) const;
    int leftMargin() const;
    int rowsPerPage() const;
    // The rows between `from` and `to` (either order) as one selection.
    QItemSelection rowRange(int from, int to) const;
    // The cells a rectangle in content coordinates touches.
    QItemSelection cellsIn(const QRect &content) const;
    void extendRubberBand(QPoint viewportPoint);
    void autoScrollRubberBand();
    void moveCurrent(int row, Qt::KeyboardModifiers modifiers);
    void showRelabelMenu(QPoint globalPosition);
    QMenu *buildMenu(QWidget *parent);
    void thumbnailReady(SampleId sample);
    void prefetchAround();
    // The sample's thumbnail, or a null image while it is decoded (the cell is repainted then).
    QImage thumbnailFor(int row) const;
    void emitSelectedCount();

    QueueModel *m_queue = nullptr;
    QMetaObject::Connection m_queueGone;
    QString m_dataRoot;
    QStringList m_classes;
    QSize m_cell {176, 200};
    int m_spacing = 6;
    std::unique_ptr<ThumbnailLoader> m_thumbnails;
    mutable QHash<SampleId, QList<int>> m_waitingRows; // painted rows waiting for a thumbnail

    int m_anchorRow = -1;
    // The rubber band, in content coordinates (y includes the scroll offset).
    bool m_pressed = false;
    bool m_banding = false;
    QPoint m_pressContent;
    QPoint m_lastViewportPoint;
    Qt::KeyboardModifiers m_pressModifiers;
    QItemSelection m_selectionAtPress;
    QTimer m_autoScroll;
    QTimer m_prefetch;
};

} // namespace Boucle
