#include "storedobject.h"

#include <QTransform>

namespace Boucle::StoredObject {

namespace {

QJsonArray pointsToJson(const QPolygonF &polygon)
{
    QJsonArray points;
    for (const QPointF &point : polygon)
        points.append(QJsonArray {point.x(), point.y()});
    return points;
}

// An outline from [[x, y], ...]; empty when any point is malformed.
QPolygonF pointsFromJson(const QJsonArray &array)
{
    QPolygonF polygon;
    polygon.reserve(array.size());
    for (const auto &value : array) {
        const QJsonArray pair = value.toArray();
        if (pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isDouble())
            return {};
        polygon.append(QPointF(pair.at(0).toDouble(), pair.at(1).toDouble()));
    }
    return polygon;
}

} // namespace

QJsonObject fromAnnotation(const Annotation &annotation)
{
    QJsonObject json {
            {QStringLiteral("label"), annotation.label},
            {QStringLiteral("bbox"), QJsonArray {annotation.box.x(), annotation.box.y(),
                                                 annotation.box.width(), annotation.box.height()}}};
    switch (annotation.shape) {
    case Annotation::Shape::Box:
        if (annotation.rotation != 0.0)
            json.insert(QStringLiteral("rotation"), annotation.rotation);
        break;
    case Annotation::Shape::Polygon:
        if (annotation.polygons.size() == 1) {
            json.insert(QStringLiteral("polygon"), pointsToJson(annotation.polygons.first()));
        } else {
            QJsonArray parts;
            for (const auto &polygon : annotation.polygons)
                parts.append(pointsToJson(polygon));
            json.insert(QStringLiteral("polygons"), parts);
        }
        break;
    case Annotation::Shape::Mask: {
        QJsonArray counts;
        for (const quint32 count : annotation.mask.counts)
            counts.append(qint64(count));
        json.insert(QStringLiteral("mask"),
                    QJsonObject {{QStringLiteral("size"),
                                  QJsonArray {annotation.mask.height, annotation.mask.width}},
                                 {QStringLiteral("counts"), counts}});
        break;
    }
    case Annotation::Shape::Point:
        if (!annotation.polygons.isEmpty() && !annotation.polygons.first().isEmpty()) {
            const QPointF point = annotation.polygons.first().first();
            json.insert(QStringLiteral("point"), QJsonArray {point.x(), point.y()});
        }
        break;
    }
    if (annotation.crowd)
        json.insert(QStringLiteral("iscrowd"), true);
    if (annotation.score)
        json.insert(QStringLiteral("score"), *annotation.score);
    if (!annotation.attributes.isEmpty())
        json.insert(QStringLiteral("attributes"), annotation.attributes);
    return json;
}

QJsonArray fromAnnotations(const QList<Annotation> &annotations)
{
    QJsonArray array;
    for (const auto &annotation : annotations)
        array.append(fromAnnotation(annotation));
    return array;
}

std::optional<Annotation> toAnnotation(const QJsonObject &object)
{
    // A false positive a reviewer removed (or an added object taken back) is not in the image.
    const QString decision = object.value(QStringLiteral("decision")).toString();
    if (decision == QLatin1String("remove") || decision == QLatin1String("delete"))
        return std::nullopt;
    Annotation annotation;
    annotation.label = object.value(QStringLiteral("label")).toString();
    const QJsonArray bbox = object.value(QStringLiteral("bbox")).toArray();
    if (bbox.size() == 4)
        annotation.box = QRectF(bbox.at(0).toDouble(), bbox.at(1).toDouble(), bbox.at(2).toDouble(),
                                bbox.at(3).toDouble());
    if (object.contains(QStringLiteral("mask"))) {
        const QJsonObject mask = object.value(QStringLiteral("mask")).toObject();
        const QJsonArray size = mask.value(QStringLiteral("size")).toArray();
        if (size.size() != 2)
            return std::nullopt;
        annotation.shape = Annotation::Shape::Mask;
        annotation.mask.height = size.at(0).toInt();
        annotation.mask.width = size.at(1).toInt();
        const QJsonArray counts = mask.value(QStringLiteral("counts")).toArray();
        annotation.mask.counts.reserve(counts.size());
        for (const auto &count : counts)
            annotation.mask.counts.append(quint32(count.toInteger()));
    } else if (object.contains(QStringLiteral("point"))) {
        const QJsonArray point = object.value(QStringLiteral("point")).toArray();
        if (point.size() != 2)
            return std::nullopt;
        annotation.shape = Annotation::Shape::Point;
        annotation.polygons = {QPolygonF {QPointF(point.at(0).toDouble(), point.at(1).toDouble())}};
    } else if (object.contains(QStringLiteral("polygons"))) {
        annotation.shape = Annotation::Shape::Polygon;
        for (const auto &part : object.value(QStringLiteral("polygons")).toArray()) {
            const QPolygonF polygon = pointsFromJson(part.toArray());
            if (polygon.size() < 3)
                return std::nullopt;
            annotation.polygons.append(polygon);
        }
        if (annotation.polygons.isEmpty())
            return std::nullopt;
    } else if (object.contains(QStringLiteral("polygon"))) {
        const QPolygonF polygon = pointsFromJson(object.value(QStringLiteral("polygon")).toArray());
        if (polygon.size() < 3)
            return std::nullopt;
        annotation.shape = Annotation::Shape::Polygon;
        annotation.polygons = {polygon};
    } else if (bbox.size() == 4) {
        annotation.shape = Annotation::Shape::Box;
        annotation.rotation = object.value(QStringLiteral("rotation")).toDouble();
    } else {
        return std::nullopt; // a span, or nothing drawn on an image
    }
    if (annotation.shape == Annotation::Shape::Polygon && bbox.size() != 4) {
        QRectF extent;
        for (const auto &polygon : std::as_const(annotation.polygons))
            extent = extent.isNull() ? polygon.boundingRect()
                                     : extent.united(polygon.boundingRect());
        annotation.box = extent;
    }
    annotation.crowd = object.value(QStringLiteral("iscrowd")).toBool();
    if (object.value(QStringLiteral("score")).isDouble())
        annotation.score = object.value(QStringLiteral("score")).toDouble();
    annotation.attributes = object.value(QStringLiteral("attributes")).toObject();
    return annotation;
}

QList<Annotation> toAnnotations(const QJsonArray &objects)
{
    QList<Annotation> annotations;
    annotations.reserve(objects.size());
    for (const auto &value : objects) {
        if (auto annotation = toAnnotation(value.toObject()))
            annotations.append(std::move(*annotation));
    }
    return annotations;
}

QPolygonF rotatedCorners(const QRectF &box, double degrees)
{
    QTransform turn;
    turn.translate(box.x(), box.y());
    turn.rotate(degrees); // clockwise on screen, where y grows downwards
    turn.translate(-box.x(), -box.y());
    return turn.map(QPolygonF(box));
}

QList<PredictedObject> toPredictedObjects(const Annotation &annotation)
{
    PredictedObject object;
    object.label = annotation.label;
    object.score = annotation.score.value_or(1.0);
    object.box = annotation.box;
    QList<PredictedObject> objects;
    switch (annotation.shape) {
    case Annotation::Shape::Box:
        if (annotation.rotation != 0.0) {
            object.shape = PredictedObject::Shape::Polygon;
            QPolygonF corners = rotatedCorners(annotation.box, annotation.rotation);
            corners.removeLast(); // QPolygonF(QRectF) repeats the first corner
            object.polygon = corners;
        }
        objects.append(object);
        break;
    case Annotation::Shape::Polygon:
        object.shape = PredictedObject::Shape::Polygon;
        for (const auto &polygon : annotation.polygons) {
            object.polygon = polygon;
            objects.append(object);
        }
        break;
    case Annotation::Shape::Mask:
        if (annotation.mask.isConsistent() && annotation.mask.area() > 0) {
            object.shape = PredictedObject::Shape::Mask;
            object.mask = annotation.mask;
            object.box = annotation.mask.bounds();
        }
        objects.append(object);
        break;
    case Annotation::Shape::Point:
        if (!annotation.polygons.isEmpty() && !annotation.polygons.first().isEmpty())
            object.box = QRectF(annotation.polygons.first().first(), QSizeF(0, 0));
        objects.append(object);
        break;
    }
    return objects;
}

Annotation fromPredictedObject(const PredictedObject &object)
{
    Annotation annotation;
    annotation.label = object.label;
    annotation.score = object.score;
    if (object.shape == PredictedObject::Shape::Polygon) {
        annotation.shape = Annotation::Shape::Polygon;
        annotation.polygons = {object.polygon};
        annotation.box = object.polygon.boundingRect();
    } else if (object.shape == PredictedObject::Shape::Mask) {
        annotation.shape = Annotation::Shape::Mask;
        annotation.mask = object.mask;
        annotation.box = object.mask.bounds();
    } else {
        annotation.box = object.box;
    }
    return annotation;
}

} // namespace Boucle::StoredObject
