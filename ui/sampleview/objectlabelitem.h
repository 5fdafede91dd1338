// ObjectLabelItem: the "label 0.87" tag drawn at a predicted object's corner. It keeps its size
// on screen whatever the zoom, so labels stay readable on a 4096-pixel image at "fit".
// GUI thread only.
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QString>

namespace Boucle {

class ObjectLabelItem : public QGraphicsItem
{
public:
    ObjectLabelItem(const QString &text, const QColor &colour, QGraphicsItem *parent = nullptr);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_text;
    QColor m_colour;
    QRectF m_rect; // in screen pixels, above and to the right of the anchor point
};

} // namespace Boucle
