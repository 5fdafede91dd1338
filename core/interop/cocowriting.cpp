#include "cocowriting.h"

#include "jsontext.h"

#include <QCoreApplication>
#include <QSet>

#include <cmath>

namespace Boucle::CocoWriting {

namespace {

// attributes["id"] as a whole number, when it is one.
bool integerId(const QJsonObject &attributes, qint64 *out)
{
    const QJsonValue value = attributes.value(QLatin1String("id"));
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    if (number != std::floor(number) || std::abs(number) > 9.0e15)
        return false;
    *out = qint64(number);
    return true;
}

bool written(const Annotation &annotation, bool scoredOnly)
{
    return !scoredOnly || annotation.score.has_value();
}

QString objectName(const AnnotatedImage &image, qsizetype index)
{
    return QCoreApplication::translate("Boucle::CocoWriter", "object %1 of '%2'")
            .arg(index + 1)
            .arg(image.path);
}

} // namespace

bool assignIds(const AnnotationSet &set, bool scoredOnly, Ids *ids, QString *error)
{
    // Categories: the set's own ids first, then the next free ones from 1 in list order, then
    // labels the objects use that the class list lacks.
    QSet<qint64> used;
    for (const AnnotationClass &category : set.classes) {
        if (category.id < 0)
            continue;
        if (used.contains(category.id)) {
            *error = QCoreApplication::translate("Boucle::CocoWriter",
                                                 "two classes have the category id %1")
                             .arg(category.id);
            return false;
        }
        used.insert(category.id);
    }
    qint64 next = 1;
    auto add = [&](AnnotationClass category) {
        if (ids->categoryOf.contains(category.name))
            return;
        if (category.id < 0) {
            while (used.contains(next))
                ++next;
            category.id = int(next);
            used.insert(next);
        }
        ids->categoryOf.insert(category.name, category.id);
        ids->categories.append(std::move(category));
    };
    for (const AnnotationClass &category : set.classes)
        add(category);

    bool imageIdsFromSet = true, annotationIdsFromSet = true;
    QSet<qint64> imageIds, annotationIds;
    for (const AnnotatedImage &image : set.images) {
        if (!image.size.isValid()) {
            *error = QCoreApplication::translate("Boucle::CocoWriter",
                                                 "the size of '%1' is unknown; COCO states every "
                                                 "image's width and height")
                             .arg(image.path);
            return false;
        }
        qint64 id = 0;
        if (imageIdsFromSet && integerId(image.attributes, &id) && !imageIds.contains(id))
            imageIds.insert(id);
        else
            imageIdsFromSet = false;
        for (qsizetype i = 0; i < image.objects.size(); ++i) {
            const Annotation &annotation = image.objects[i];
            if (!written(annotation, scoredOnly))
                continue;
            if (annotation.shape == Annotation::Shape::Point) {
                *error = QCoreApplication::translate(
                                 "Boucle::CocoWriter",
                                 "%1 is a point; COCO annotations are boxes, polygons or masks")
                                 .arg(objectName(image, i));
                return false;
            }
            if (annotation.rotation != 0.0) {
                *error = QCoreApplication::translate(
                                 "Boucle::CocoWriter",
                                 "%1 is a box rotated by %2°; COCO boxes cannot be rotated")
                                 .arg(objectName(image, i))
                                 .arg(annotation.rotation);
                return false;
            }
            if (annotation.shape == Annotation::Shape::Mask
                && (annotation.mask.width != image.size.width()
                    || annotation.mask.height != image.size.height()
                    || !annotation.mask.isConsistent())) {
                *error = QCoreApplication::translate(
                                 "Boucle::CocoWriter",
                                 "the mask of %1 does not cover its image (%2×%3)")
                                 .arg(objectName(image, i))
                                 .arg(image.size.width())
                                 .arg(image.size.height());
                return false;
            }
            add(AnnotationClass {annotation.label, -1, {}});
            if (annotationIdsFromSet && integerId(annotation.attributes, &id)
                && !annotationIds.contains(id))
                annotationIds.insert(id);
            else
                annotationIdsFromSet = false;
        }
    }
    ids->images.reserve(set.images.size());
    for (qsizetype i = 0; i < set.images.size(); ++i) {
        qint64 id = i + 1;
        if (imageIdsFromSet)
            integerId(set.images[i].attributes, &id);
        ids->images.append(id);
    }
    ids->annotationIdsFromSet = annotationIdsFromSet;
    return true;
}

qint64 annotationId(const Ids &ids, const Annotation &annotation, qint64 sequential)
{
    qint64 id = sequential;
    if (ids.annotationIdsFromSet)
        integerId(annotation.attributes, &id);
    return id;
}

QRectF boxOf(const Annotation &annotation)
{
    if (!annotation.box.isNull())
        return annotation.box;
    if (annotation.shape == Annotation::Shape::Mask)
        return annotation.mask.bounds();
    QRectF box;
    for (const QPolygonF &part : annotation.polygons)
        box |= part.boundingRect();
    return box;
}

double areaOf(const Annotation &annotation)
{
    switch (annotation.shape) {
    case Annotation::Shape::Mask:
        return double(annotation.mask.area());
    case Annotation::Shape::Polygon: {
        double total = 0;
        for (const QPolygonF &part : annotation.polygons) {
            double twice = 0;
            for (qsizetype i = 0, n = part.size(); i < n; ++i) {
                const QPointF &a = part[i];
                const QPointF &b = part[(i + 1) % n];
                twice += a.x() * b.y() - b.x() * a.y();
            }
            total += std::abs(twice) / 2.0;
        }
        return total;
    }
    case Annotation::Shape::Box:
    case Annotation::Shape::Point:
        break;
    }
    const QRectF box = boxOf(annotation);
    return box.width() * box.height();
}

void appendBox(QByteArray &out, const QRectF &box)
{
    out.append("\"bbox\":[");
    JsonText::appendNumber(out, box.x());
    out.append(',');
    JsonText::appendNumber(out, box.y());
    out.append(',');
    JsonText::appendNumber(out, box.width());
    out.append(',');
    JsonText::appendNumber(out, box.height());
    out.append(']');
}

void appendSegmentation(QByteArray &out, const Annotation &annotation)
{
    if (annotation.shape == Annotation::Shape::Polygon) {
        out.append(",\"segmentation\":[");
        for (qsizetype p = 0; p < annotation.polygons.size(); ++p) {
            out.append(p ? ",[" : "[");
            const QPolygonF &part = annotation.polygons[p];
            for (qsizetype i = 0; i < part.size(); ++i) {
                if (i)
                    out.append(',');
                JsonText::appendNumber(out, part[i].x());
                out.append(',');
                JsonText::appendNumber(out, part[i].y());
            }
            out.append(']');
        }
        out.append(']');
    } else if (annotation.shape == Annotation::Shape::Mask) {
        const RleMask &mask = annotation.mask;
        out.append(",\"segmentation\":{\"size\":[");
        JsonText::appendInteger(out, mask.height);
        out.append(',');
        JsonText::appendInteger(out, mask.width);
        out.append("],\"counts\":");
        if (annotation.attributes.value(QLatin1String("rle_counts")).toString()
            == QLatin1String("list")) {
            out.append('[');
            for (qsizetype i = 0; i < mask.counts.size(); ++i) {
                if (i)
                    out.append(',');
                JsonText::appendInteger(out, mask.counts[i]);
            }
            out.append(']');
        } else {
            // The compressed string's characters are 48..111, '\\' (92) among them.
            JsonText::appendString(out, QString::fromLatin1(mask.toCompressedString()));
        }
        out.append('}');
    }
}

} // namespace Boucle::CocoWriting
