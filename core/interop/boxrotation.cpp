#include "boxrotation.h"

#include <cmath>
#include <numbers>

namespace Boucle::BoxRotation {

namespace {

// (dx, dy) turned clockwise on screen: with y pointing down this is the usual rotation matrix.
QPointF turned(double dx, double dy, double degrees)
{
    if (degrees == 0.0)
        return {dx, dy};
    const double radians = degrees * std::numbers::pi / 180.0;
    const double c = std::cos(radians), s = std::sin(radians);
    return {dx * c - dy * s, dx * s + dy * c};
}

} // namespace

QRectF cornerPivotToCentrePivot(const QRectF &box, double degrees)
{
    if (degrees == 0.0)
        return box;
    // The shape's centre is the top-left corner plus the turned half-diagonal.
    const QPointF centre = box.topLeft() + turned(box.width() / 2, box.height() / 2, degrees);
    return {centre.x() - box.width() / 2, centre.y() - box.height() / 2, box.width(), box.height()};
}

QRectF centrePivotToCornerPivot(const QRectF &box, double degrees)
{
    if (degrees == 0.0)
        return box;
    const QPointF topLeft = box.center() - turned(box.width() / 2, box.height() / 2, degrees);
    return {topLeft.x(), topLeft.y(), box.width(), box.height()};
}

QPolygonF cornersAboutTopLeft(const QRectF &box, double degrees)
{
    const QPointF origin = box.topLeft();
    QPolygonF corners;
    corners << origin << origin + turned(box.width(), 0, degrees)
            << origin + turned(box.width(), box.height(), degrees)
            << origin + turned(0, box.height(), degrees);
    return corners;
}

} // namespace Boucle::BoxRotation
