// GridCellDelegate: paints one cell of the GridView from the QueueModel's roles — the thumbnail
// (from the view's loader; a placeholder naming the kind while it is decoded or when it cannot be
// shown), the item's number and status, the predicted class ("hidden" in blind review), a
// confidence bar red to green, and one chip per reason in the colour the queue table uses.
// Only text that fits is drawn; longer text ends in "…". GUI thread only.
#pragma once

#include <QStyledItemDelegate>

namespace Boucle {

class GridCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The height the text lines under the thumbnail take with `font`.
    static int textHeight(const QFont &font);
    // Where the thumbnail goes in a cell.
    static QRect thumbnailRect(const QRect &cell, const QFont &font);
};

} // namespace Boucle
