#include "reasonchipsdelegate.h"

#include "queuemodel.h"

#include <QApplication>
#include <QPainter>

namespace Boucle {

QColor ReasonChipsDelegate::colourOf(const QString &trigger)
{
    // A fixed hue per trigger name, so "committee" has the same colour in every row and session.
    const uint hash = qHash(trigger, 7u);
    return QColor::fromHsv(int(hash % 360), 90, 235);
}

void ReasonChipsDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QStringList triggers = index.data(QueueModel::ReasonsRole).toStringList();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 4;
    int x = option.rect.left() + 3;
    const int y = option.rect.center().y() - height / 2;
    for (const QString &trigger : triggers) {
        const QString text = trigger;
        const int width = metrics.horizontalAdvance(text) + 10;
        if (x + width > option.rect.right()) {
            painter->setPen(option.palette.color(QPalette::Text));
            painter->drawText(QRect(x, y, option.rect.right() - x, height), Qt::AlignVCenter,
                              QStringLiteral("…"));
            break;
        }
        const QRect chip(x, y, width, height);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colourOf(trigger));
        painter->drawRoundedRect(chip, height / 2.0, height / 2.0);
        painter->setPen(Qt::black);
        painter->drawText(chip, Qt::AlignCenter, text);
        x += width + 4;
    }
    painter->restore();
}

QSize ReasonChipsDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(size.width()
                  + 20 * int(index.data(QueueModel::ReasonsRole).toStringList().size()));
    return size;
}

} // namespace Boucle
