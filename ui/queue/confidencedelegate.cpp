#include "confidencedelegate.h"

#include "queuemodel.h"

#include <QApplication>
#include <QPainter>

namespace Boucle {

void ConfidenceDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const double confidence = index.data(QueueModel::ConfidenceRole).toDouble();
    if (confidence < 0)
        return;
    const QRect frame = option.rect.adjusted(4, option.rect.height() / 2 - 7, -4,
                                             -(option.rect.height() / 2 - 7));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(option.palette.color(QPalette::AlternateBase).darker(105));
    painter->drawRoundedRect(frame, 3, 3);
    QRectF filled = frame;
    filled.setWidth(frame.width() * std::clamp(confidence, 0.0, 1.0));
    // Hue from red (0) to green (120): a glance tells a doubtful prediction from a sure one.
    painter->setBrush(QColor::fromHsvF(float(confidence / 3.0), 0.55f, 0.85f));
    painter->drawRoundedRect(filled, 3, 3);
    painter->setPen(option.palette.color(QPalette::Text));
    painter->drawText(frame, Qt::AlignCenter, index.data(Qt::DisplayRole).toString());
    painter->restore();
}

} // namespace Boucle
