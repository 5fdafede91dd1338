// StoredObject: how an Annotation (annotationset.h) is kept in a label revision's `objects`
// array, and how a prediction's objects become Annotations and back. The stored form extends the
// prediction log's object ({label, score, bbox | polygon}, docs/formats.md) so that an export
// gives back what an import read:
//
//   {"label": "car", "bbox": [x, y, w, h]}                                      a box
//   {"label": "car", "bbox": [...], "rotation": 30}                              a rotated box
//   {"label": "car", "bbox": [...], "polygon": [[x, y], ...]}                    one outline
//   {"label": "car", "bbox": [...], "polygons": [[[x, y], ...], [[x, y], ...]]}  several parts
//   {"label": "car", "bbox": [...], "mask": {"size": [h, w], "counts": [...]}}   a mask (RLE)
//   {"label": "car", "bbox": [...], "point": [x, y]}                             a point
//   plus "iscrowd": true, "score": 0.9 and "attributes": {...} when they apply.
//
// "bbox" is always the object's extent as its source stated it; the shape is the richest
// geometry present (mask, point, polygon(s), else the box). A reviewer's decision on a predicted
// object ({"object", "decision", ...}, objectreview.h) reads the same way. Pure functions.
#pragma once

#include "annotationset.h"
#include "records/projectrecords.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Boucle::StoredObject {

QJsonObject fromAnnotation(const Annotation &annotation);
QJsonArray fromAnnotations(const QList<Annotation> &annotations);

// Nullopt for an entry that holds no image geometry (a text span, a removed object).
std::optional<Annotation> toAnnotation(const QJsonObject &object);
QList<Annotation> toAnnotations(const QJsonArray &objects);

// A prediction's objects: one per box, polygon part or mask (shown as its extent); a rotated
// box becomes the polygon of its four corners. A point becomes an empty box at the point.
QList<PredictedObject> toPredictedObjects(const Annotation &annotation);
Annotation fromPredictedObject(const PredictedObject &object);

// The four corners of `box` turned by `degrees` clockwise about its top-left corner.
QPolygonF rotatedCorners(const QRectF &box, double degrees);

} // namespace Boucle::StoredObject
