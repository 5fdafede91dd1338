// CVAT for images 1.1 XML, as CVAT exports it: <meta><task><labels>, then one <image> per image
// with <box> (rotation about the centre, converted here once from Boucle's top-left pivot),
// <polygon>, <points> and <tag>. docs/formats/labelstudio-labelme-cvat.md.
#include "annotationwriter.h"
#include "atomicoutput.h"
#include "boxrotation.h"
#include "exactnumber.h"
#include "progress/progresssink.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>
#include <QSet>
#include <QXmlStreamWriter>

#include <cmath>

namespace Boucle::AnnotationWriters {

namespace {

QString number(double value)
{
    return ExactNumber::toString(value);
}

QString pointList(const QPolygonF &points)
{
    QStringList pairs;
    for (const QPointF &point : points)
        pairs.append(number(point.x()) + QLatin1Char(',') + number(point.y()));
    return pairs.join(QLatin1Char(';'));
}

// label, source, occluded, then the geometry, then z_order and group_id: CVAT's own order.
void startShape(QXmlStreamWriter &xml, const char *kind, const Annotation &object)
{
    xml.writeStartElement(QString::fromLatin1(kind));
    xml.writeAttribute(QStringLiteral("label"), object.label);
    const QJsonValue source = object.attributes.value(QLatin1String("source"));
    xml.writeAttribute(QStringLiteral("source"),
                       source.isString() ? source.toString() : QStringLiteral("manual"));
    xml.writeAttribute(QStringLiteral("occluded"),
                       object.attributes.value(QLatin1String("occluded")).toBool()
                               ? QStringLiteral("1")
                               : QStringLiteral("0"));
}

void endShape(QXmlStreamWriter &xml, const Annotation &object)
{
    xml.writeAttribute(QStringLiteral("z_order"),
                       number(object.attributes.value(QLatin1String("z_order")).toDouble()));
    const QJsonValue group = object.attributes.value(QLatin1String("group_id"));
    if (group.isDouble())
        xml.writeAttribute(QStringLiteral("group_id"), number(group.toDouble()));
    const QJsonObject extra = object.attributes.value(QLatin1String("attribute")).toObject();
    for (auto it = extra.begin(); it != extra.end(); ++it) { // sorted by name
        xml.writeStartElement(QStringLiteral("attribute"));
        xml.writeAttribute(QStringLiteral("name"), it.key());
        xml.writeCharacters(it.value().isString() ? it.value().toString()
                                                  : number(it.value().toDouble()));
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

} // namespace

AnnotationWriteResult writeCvat(const AnnotationSet &set, const QString &output,
                                const AnnotationWriteOptions &options)
{
    AnnotationWriteResult result;
    // The labels: the set's classes in their order, then any other label in order of use.
    QStringList labels;
    QSet<QString> seen;
    auto addLabel = [&](const QString &label) {
        if (!label.isEmpty() && !seen.contains(label)) {
            seen.insert(label);
            labels.append(label);
        }
    };
    for (const AnnotationClass &annotationClass : set.classes)
        addLabel(annotationClass.name);
    for (const AnnotatedImage &image : set.images) {
        addLabel(image.label);
        for (const Annotation &object : image.objects)
            addLabel(object.label);
        if (!image.size.isValid()) {
            result.error
                    = QCoreApplication::translate("Boucle::CvatWriter",
                                                  "the size of %1 is unknown; CVAT files state it")
                              .arg(image.path);
            return result;
        }
        for (const Annotation &object : image.objects)
            if (object.shape == Annotation::Shape::Mask) {
                result.error = QCoreApplication::translate(
                                       "Boucle::CvatWriter",
                                       "%1 holds a mask; Boucle does not write CVAT masks")
                                       .arg(image.path);
                return result;
            }
    }

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QXmlStreamWriter xml(&buffer);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("annotations"));
    xml.writeTextElement(QStringLiteral("version"), QStringLiteral("1.1"));
    xml.writeStartElement(QStringLiteral("meta"));
    xml.writeStartElement(QStringLiteral("task"));
    xml.writeTextElement(QStringLiteral("name"), QStringLiteral("Boucle export"));
    xml.writeTextElement(QStringLiteral("size"), QString::number(set.images.size()));
    xml.writeTextElement(QStringLiteral("mode"), QStringLiteral("annotation"));
    xml.writeStartElement(QStringLiteral("labels"));
    for (const QString &label : std::as_const(labels)) {
        xml.writeStartElement(QStringLiteral("label"));
        xml.writeTextElement(QStringLiteral("name"), label);
        xml.writeEmptyElement(QStringLiteral("attributes"));
        xml.writeEndElement();
    }
    xml.writeEndElement(); // labels
    xml.writeEndElement(); // task
    xml.writeEndElement(); // meta

    int objects = 0;
    for (int i = 0; i < set.images.size(); ++i) {
        const AnnotatedImage &image = set.images.at(i);
        if (options.progress) {
            if (options.progress->isCancelled()) {
                result.cancelled = true;
                return result;
            }
            options.progress->progress(
                    i, set.images.size(),
                    QCoreApplication::translate("Boucle::CvatWriter", "Writing CVAT annotations"));
        }
        xml.writeStartElement(QStringLiteral("image"));
        xml.writeAttribute(QStringLiteral("id"), QString::number(i));
        xml.writeAttribute(QStringLiteral("name"), image.path);
        xml.writeAttribute(QStringLiteral("width"), QString::number(image.size.width()));
        xml.writeAttribute(QStringLiteral("height"), QString::number(image.size.height()));
        for (const Annotation &object : image.objects) {
            switch (object.shape) {
            case Annotation::Shape::Box: {
                const QRectF box
                        = BoxRotation::cornerPivotToCentrePivot(object.box, object.rotation);
                startShape(xml, "box", object);
                xml.writeAttribute(QStringLiteral("xtl"), number(box.left()));
                xml.writeAttribute(QStringLiteral("ytl"), number(box.top()));
                xml.writeAttribute(QStringLiteral("xbr"), number(box.right()));
                xml.writeAttribute(QStringLiteral("ybr"), number(box.bottom()));
                if (object.rotation != 0.0) {
                    // CVAT takes angles from 0 to 360 only: -30° is written 330°.
                    double degrees = std::fmod(object.rotation, 360.0);
                    if (degrees < 0)
                        degrees += 360.0;
                    xml.writeAttribute(QStringLiteral("rotation"), number(degrees));
                }
                endShape(xml, object);
                ++objects;
                break;
            }
            case Annotation::Shape::Polygon:
                // One outline per <polygon>: each part of a several-part object is its own.
                for (const QPolygonF &outline : object.polygons) {
                    startShape(xml, "polygon", object);
                    xml.writeAttribute(QStringLiteral("points"), pointList(outline));
                    endShape(xml, object);
                    ++objects;
                }
                break;
            case Annotation::Shape::Point:
                startShape(xml, "points", object);
                xml.writeAttribute(QStringLiteral("points"),
                                   pointList(object.polygons.isEmpty()
                                                     ? QPolygonF {object.box.topLeft()}
                                                     : object.polygons.first()));
                endShape(xml, object);
                ++objects;
                break;
            case Annotation::Shape::Mask:
                break;
            }
        }
        if (!image.label.isEmpty()) {
            xml.writeStartElement(QStringLiteral("tag"));
            xml.writeAttribute(QStringLiteral("label"), image.label);
            xml.writeAttribute(QStringLiteral("source"), QStringLiteral("manual"));
            xml.writeEndElement();
        }
        xml.writeEndElement(); // image
    }
    xml.writeEndElement(); // annotations
    xml.writeEndDocument();

    AtomicOutput file(output, AtomicOutput::Kind::File);
    if (!file.begin() || !file.writeAll(bytes) || !file.commit()) {
        result.error = file.error();
        return result;
    }
    result.images = int(set.images.size());
    result.objects = objects;
    result.files.append(QFileInfo(output).fileName());
    return result;
}

} // namespace Boucle::AnnotationWriters
