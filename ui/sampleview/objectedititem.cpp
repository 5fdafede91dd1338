#include "sampleview/objectedititem.h"

#include "editing/objecteditor.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace Boucle {

ObjectEditItem::ObjectEditItem(const ObjectEditor &editor, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_editor(editor)
{
    setFlag(QGraphicsItem::ItemUsesExtendedStyleOption, true);
    setAcceptedMouseButtons(Qt::NoButton);
}

void ObjectEditItem::setArea(const QRectF &area, double margin)
{
    const QRectF bounds = area.adjusted(-margin, -margin, margin, margin);
    if (bounds == m_bounds)
        return;
    prepareGeometryChange();
    m_bounds = bounds;
}

void ObjectEditItem::updateRegion(const QRectF &region, double zoom)
{
    const double margin = ObjectOverlayPainter::screenMargin / std::max(1e-6, zoom) + 1.0;
    update(region.normalized().adjusted(-margin, -margin, margin, margin));
}

QRectF ObjectEditItem::boundingRect() const
{
    return m_bounds;
}

void ObjectEditItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    m_painter.paint(painter, m_editor, option->exposedRect);
}

} // namespace Boucle
