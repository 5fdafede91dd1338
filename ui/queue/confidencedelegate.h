// ConfidenceDelegate: paints a confidence (QueueModel::ConfidenceRole, 0..1) as a bar with its
// value, red when low, green when high; nothing while the prediction is hidden. GUI thread only.
#pragma once

#include <QStyledItemDelegate>

namespace Boucle {

class ConfidenceDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace Boucle
