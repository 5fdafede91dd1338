// ObjectEditItem: the edit layer of the SampleView. It paints an ObjectEditor's objects over the
// image and heatmap (ObjectOverlayPainter) and repaints only the region the editor says changed,
// so a drag on a 4096-pixel image never redraws the image or the heatmap beyond that region.
// GUI thread only.
#pragma once

#include "editing/objectoverlaypainter.h"

#include <QGraphicsItem>

namespace Boucle {

class ObjectEditor;

class ObjectEditItem : public QGraphicsItem
{
public:
    explicit ObjectEditItem(const ObjectEditor &editor, QGraphicsItem *parent = nullptr);

    // The image's rectangle; captions and handles may reach `margin` units beyond it.
    void setArea(const QRectF &area, double margin);
    // Repaints `region` (object units) widened by the painter's margin at the current zoom.
    void updateRegion(const QRectF &region, double zoom);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    const ObjectEditor &m_editor;
    ObjectOverlayPainter m_painter;
    QRectF m_bounds;
};

} // namespace Boucle
