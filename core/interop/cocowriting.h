// CocoWriting: what COCO ground truth and COCO results writers share: the ids they give images,
// categories and annotations (stable ones from the set when it has them), the area COCO states
// and a segmentation in the form it was read in. Only the COCO writers include this. Any thread.
#pragma once

#include "annotationset.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace Boucle::CocoWriting {

struct Ids
{
    QList<qint64> images;              // per set.images
    QList<AnnotationClass> categories; // in the order written, each with its id
    QHash<QString, qint64> categoryOf; // label → category id
    bool annotationIdsFromSet = false; // true: each object's attributes["id"]
};

// The ids to write; `written` says which objects are written (all, or those with a score).
// False with *error set when the set cannot be written as COCO (two classes with one id, an
// image without a size, a rotated box, a point, a mask of another size than its image).
bool assignIds(const AnnotationSet &set, bool scoredOnly, Ids *ids, QString *error);

// The id of an object: its attributes["id"] when ids.annotationIdsFromSet, else `sequential`.
qint64 annotationId(const Ids &ids, const Annotation &annotation, qint64 sequential);

// The box COCO states: the object's box, or its shape's extent when the box was not set.
QRectF boxOf(const Annotation &annotation);
// COCO's area: w×h for a box, the shoelace area of the polygons, the set pixels of a mask.
double areaOf(const Annotation &annotation);
// "bbox":[...] and, for polygons and masks, ,"segmentation":... (no leading comma for bbox).
void appendBox(QByteArray &out, const QRectF &box);
void appendSegmentation(QByteArray &out, const Annotation &annotation);

} // namespace Boucle::CocoWriting
