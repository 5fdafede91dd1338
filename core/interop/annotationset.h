// AnnotationSet: what an outside annotation format (COCO, YOLO, Pascal VOC, Label Studio, labelme,
// CVAT for images) holds once read, and what a writer of those formats is given. Every reader
// converts its own convention into this one exactly once, and every writer converts out of it
// exactly once, so no format's convention leaks into another:
//
//   coordinates are pixels of the image AS DISPLAYED (its EXIF orientation applied), origin at
//   the top-left corner of the image, x to the right, y downwards, continuous: [0, 0, W, H]
//   covers the whole image W pixels wide and H high (VOC's 1-based corners, YOLO's normalised
//   centres and Label Studio's percentages are converted at the edge).
//
// docs/formats.md is the users' contract for each format. Plain values; any thread.
#pragma once

#include "records/rlemask.h"

#include <QJsonObject>
#include <QList>
#include <QPolygonF>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QVector>

#include <optional>

namespace Boucle {

// One object in an image: a box, one or more polygons, a mask or a point, with its class.
struct Annotation
{
    enum class Shape { Box, Polygon, Mask, Point };
    Shape shape = Shape::Box;
    QString label;
    std::optional<double> score; // a model's score; ground truth has none
    // Box: the box. Polygon, Mask, Point: their extent (what COCO calls bbox).
    QRectF box;
    // Degrees, clockwise, about the box's top-left corner (Label Studio's convention); 0 for
    // formats that cannot rotate a box.
    double rotation = 0.0;
    // Polygon: one or more outlines (COCO allows several parts per object), each of at least 3
    // points, closed implicitly. Point: one "outline" of exactly one point.
    QList<QPolygonF> polygons;
    RleMask mask;       // Mask
    bool crowd = false; // COCO's iscrowd
    // What a format keeps beside the geometry (VOC's difficult/truncated/pose, CVAT's occluded,
    // z_order and attributes, labelme's group_id and flags, COCO's annotation id), so that its own
    // writer gives it back. Keys are the format's own names.
    QJsonObject attributes;
};

// One image of the set, with its image-level label (classification) and its objects.
struct AnnotatedImage
{
    QString path; // as the file names it, '/' separators (relative to ReadOptions::imagesFolder)
    // The displayed size the file states (for YOLO: read from the image's header with its EXIF
    // orientation applied); invalid when unknown.
    QSize size;
    QString label; // image-level class; empty when none
    std::optional<double> labelScore;
    QList<Annotation> objects;
    // Where the image was read, for messages: the file and, when known, its line and JSON path
    // ("images[12]") or element.
    QString originFile;
    qint64 originLine = 0;
    QString originField;
    QJsonObject attributes; // per-image extras a format keeps (COCO image id, license, ...)
};

// One class of the set. `id` is the format's own number for it (COCO category id, YOLO index,
// -1 for formats that name classes only).
struct AnnotationClass
{
    QString name;
    int id = -1;
    QString supercategory; // COCO
};

struct AnnotationSet
{
    enum class Kind { GroundTruth, Predictions };
    Kind kind = Kind::GroundTruth;
    QList<AnnotationClass> classes; // in the format's order
    QList<AnnotatedImage> images;   // in the file's order
    // The folder the images' paths are relative to, as the reader settled it (absolute): the
    // caller's AnnotationReadOptions::imagesFolder, or the format's own default (YOLO's images/
    // beside labels/, VOC's JPEGImages/ beside Annotations/). Empty: the read file's folder.
    QString imagesFolder;
    // Predictions: the model as the file names it (Label Studio's model_version); empty when the
    // format names none.
    QString modelName;
    QString modelVersion;
};

} // namespace Boucle
