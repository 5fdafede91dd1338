// The pivot of a rotated box. Annotation::rotation turns a box clockwise about its top-left
// corner (Label Studio's convention); CVAT turns it about its centre. Both describe the same
// shape with different unrotated boxes: these functions convert between them (exactly once, at
// a format's edge) and give the corners of the shape. Angles in degrees, clockwise on screen
// (y downwards). Pure functions; any thread.
#pragma once

#include <QPolygonF>
#include <QRectF>

namespace Boucle::BoxRotation {

// The box that, turned by `degrees` about its centre, covers the same shape as `box` turned by
// `degrees` about its top-left corner. Same size.
QRectF cornerPivotToCentrePivot(const QRectF &box, double degrees);
// The inverse.
QRectF centrePivotToCornerPivot(const QRectF &box, double degrees);
// The four corners of `box` turned by `degrees` about its top-left corner, starting at that
// corner and going clockwise.
QPolygonF cornersAboutTopLeft(const QRectF &box, double degrees);

} // namespace Boucle::BoxRotation
