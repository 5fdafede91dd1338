// ReasonChipsDelegate: paints the triggers that flagged an item (QueueModel::ReasonsRole, stored
// names) as small rounded chips that carry the trigger's display name in the window's language and
// its fixed colour (triggers/triggernames.h), so a column of reasons reads at a glance and reads
// the same in every session. GUI thread only.
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

    // The chip's colour and text for a stored trigger name.
    static QColor colourOf(const QString &trigger);
    static QString textOf(const QString &trigger);
};

} // namespace Boucle
