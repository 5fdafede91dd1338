// ReasonChipsDelegate: paints the triggers that flagged an item (QueueModel::ReasonsRole) as
// small rounded chips, one colour per trigger, so a column of reasons reads at a glance.
// GUI thread only.
#pragma once

#include <QStyledItemDelegate>

namespace Boucle {

class ReasonChipsDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor colourOf(const QString &trigger);
};

} // namespace Boucle
