#include "reasonchipsdelegate.h"

#include "queuemodel.h"
#include "triggers/triggernames.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace Boucle {

namespace {

QFont chipFont(const QStyleOptionViewItem &option)
{
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

constexpr int chipPadding = 10; // inside a chip, left and right together
constexpr int chipGap = 4;
constexpr int chipMargin = 3;

} // namespace

QColor ReasonChipsDelegate::colourOf(const QString &trigger)
{
    return triggerColour(trigger);
}

QString ReasonChipsDelegate::textOf(const QString &trigger)
{
    return triggerDisplayName(trigger);
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
    const QFont font = chipFont(option);
    painter->setFont(font);
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 4;
    int x = option.rect.left() + chipMargin;
    const int y = option.rect.center().y() - height / 2;
    for (const QString &trigger : triggers) {
        const QString text = textOf(trigger);
        const int width = metrics.horizontalAdvance(text) + chipPadding;
        if (x + width > option.rect.right()) {
            painter->setPen(option.palette.color(QPalette::Text));
            painter->drawText(QRect(x, y, option.rect.right() - x, height), Qt::AlignVCenter,
                              QStringLiteral("…"));
            break;
        }
        const QRect chip(x, y, width, height);
        const QColor fill = colourOf(trigger);
        // A darker edge keeps the lightest chips apart from a white row.
        painter->setPen(QPen(fill.darker(130), 1.0));
        painter->setBrush(fill);
        painter->drawRoundedRect(QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0,
                                 height / 2.0);
        painter->setPen(triggerTextColour(fill));
        painter->drawText(chip, Qt::AlignCenter, text);
        x += width + chipGap;
    }
    painter->restore();
}

QSize ReasonChipsDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics metrics(chipFont(option));
    int width = chipMargin * 2;
    for (const QString &trigger : index.data(QueueModel::ReasonsRole).toStringList())
        width += metrics.horizontalAdvance(textOf(trigger)) + chipPadding + chipGap;
    size.setWidth(std::max(size.width(), width));
    return size;
}

} // namespace Boucle
