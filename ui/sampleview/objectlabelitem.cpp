#include "sampleview/objectlabelitem.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>

namespace Boucle {

ObjectLabelItem::ObjectLabelItem(const QString &text, const QColor &colour, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_text(text)
    , m_colour(colour)
{
    setFlag(QGraphicsItem::ItemIgnoresTransformations, true);
    const QFontMetricsF metrics(QGuiApplication::font());
    const QSizeF size(metrics.horizontalAdvance(m_text) + 8, metrics.height() + 2);
    m_rect = QRectF(QPointF(0, -size.height()), size);
}

QRectF ObjectLabelItem::boundingRect() const
{
    return m_rect;
}

void ObjectLabelItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_colour);
    painter->drawRect(m_rect);
    // Dark text on light tags, white on dark ones.
    painter->setPen(m_colour.lightnessF() > 0.6 ? Qt::black : Qt::white);
    painter->setFont(QGuiApplication::font());
    painter->drawText(m_rect.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, m_text);
}

} // namespace Boucle
