// labelme JSON, one file per image beside where its image's path puts it (images/a.jpg →
// images/a.json), as labelme 5.1.1 writes them with imageData null. Rotated boxes, which
// labelme cannot hold, become 4-point polygons. docs/formats/labelstudio-labelme-cvat.md.
#include "annotationwriter.h"
#include "atomicoutput.h"
#include "boxrotation.h"
#include "jsontextwriter.h"
#include "progress/progresssink.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

namespace Boucle::AnnotationWriters {

namespace {

void writeJsonValue(JsonTextWriter &json, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        json.value(value.toBool());
        break;
    case QJsonValue::Double:
        json.value(value.toDouble());
        break;
    case QJsonValue::String:
        json.value(value.toString());
        break;
    case QJsonValue::Array:
        json.beginArray();
        for (const QJsonValue &item : value.toArray())
            writeJsonValue(json, item);
        json.endArray();
        break;
    case QJsonValue::Object: {
        json.beginObject();
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) { // keys sorted
            json.key(it.key());
            writeJsonValue(json, it.value());
        }
        json.endObject();
        break;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        json.null();
        break;
    }
}

void writeShape(JsonTextWriter &json, const Annotation &object, const QPolygonF &points,
                const char *type)
{
    json.beginObject();
    json.key(QStringLiteral("label"));
    json.value(object.label);
    json.key(QStringLiteral("points"));
    json.beginArray();
    for (const QPointF &point : points) {
        json.beginArray(true);
        json.value(point.x());
        json.value(point.y());
        json.endArray();
    }
    json.endArray();
    json.key(QStringLiteral("group_id"));
    const QJsonValue group = object.attributes.value(QLatin1String("group_id"));
    if (group.isDouble())
        json.value(group.toDouble());
    else
        json.null();
    const QJsonValue description = object.attributes.value(QLatin1String("description"));
    if (description.isString()) {
        json.key(QStringLiteral("description"));
        json.value(description.toString());
    }
    json.key(QStringLiteral("shape_type"));
    json.value(QString::fromLatin1(type));
    json.key(QStringLiteral("flags"));
    writeJsonValue(json, object.attributes.value(QLatin1String("flags")).toObject());
    json.endObject();
}

// The JSON's path in the output: the image's path with .json for its extension.
QString jsonPathFor(const QString &imagePath)
{
    const qsizetype slash = imagePath.lastIndexOf(QLatin1Char('/'));
    const qsizetype dot = imagePath.lastIndexOf(QLatin1Char('.'));
    return (dot > slash + 1 ? imagePath.left(dot) : imagePath) + QStringLiteral(".json");
}

} // namespace

AnnotationWriteResult writeLabelme(const AnnotationSet &set, const QString &output,
                                   const AnnotationWriteOptions &options)
{
    AnnotationWriteResult result;
    AtomicOutput folder(output, AtomicOutput::Kind::Folder);
    if (!folder.begin()) {
        result.error = folder.error();
        return result;
    }
    const QString finalFolder = QFileInfo(output).absoluteFilePath();
    QSet<QString> written;
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
                    QCoreApplication::translate("Boucle::LabelmeWriter", "Writing labelme files"));
        }
        const QString cleaned = QDir::cleanPath(image.path);
        if (cleaned.isEmpty() || QDir::isAbsolutePath(cleaned) || cleaned == QLatin1String("..")
            || cleaned.startsWith(QLatin1String("../"))) {
            result.error = QCoreApplication::translate(
                                   "Boucle::LabelmeWriter",
                                   "the image path '%1' does not lead inside the output folder")
                                   .arg(image.path);
            return result;
        }
        const QString jsonPath = jsonPathFor(cleaned);
        if (written.contains(jsonPath)) {
            result.error = QCoreApplication::translate(
                                   "Boucle::LabelmeWriter",
                                   "two images would share %1 (their paths differ only by the "
                                   "extension); labelme keeps one JSON per image name")
                                   .arg(jsonPath);
            return result;
        }
        written.insert(jsonPath);
        if (!image.size.isValid()) {
            result.error = QCoreApplication::translate(
                                   "Boucle::LabelmeWriter",
                                   "the size of %1 is unknown; labelme files state it")
                                   .arg(image.path);
            return result;
        }
        QString imagePath = QFileInfo(cleaned).fileName();
        if (!options.imagesFolder.isEmpty()) {
            const QString jsonFolder
                    = QFileInfo(QDir(finalFolder).filePath(jsonPath)).absolutePath();
            imagePath = QDir(jsonFolder)
                                .relativeFilePath(
                                        QDir(options.imagesFolder).absoluteFilePath(cleaned));
        }

        JsonTextWriter json;
        json.beginObject();
        json.key(QStringLiteral("version"));
        json.value(QStringLiteral("5.1.1"));
        json.key(QStringLiteral("flags"));
        QJsonObject flags = image.attributes.value(QLatin1String("flags")).toObject();
        if (!image.label.isEmpty())
            flags.insert(image.label, true);
        writeJsonValue(json, flags);
        json.key(QStringLiteral("shapes"));
        json.beginArray();
        for (const Annotation &object : image.objects) {
            switch (object.shape) {
            case Annotation::Shape::Box:
                if (object.rotation == 0.0) {
                    writeShape(json, object,
                               QPolygonF {object.box.topLeft(), object.box.bottomRight()},
                               "rectangle");
                } else {
                    writeShape(json, object,
                               BoxRotation::cornersAboutTopLeft(object.box, object.rotation),
                               "polygon");
                }
                ++objects;
                break;
            case Annotation::Shape::Polygon:
                for (const QPolygonF &outline : object.polygons) {
                    writeShape(json, object, outline, "polygon");
                    ++objects;
                }
                break;
            case Annotation::Shape::Point:
                writeShape(json, object,
                           QPolygonF {object.polygons.isEmpty() || object.polygons.first().isEmpty()
                                              ? object.box.topLeft()
                                              : object.polygons.first().first()},
                           "point");
                ++objects;
                break;
            case Annotation::Shape::Mask:
                result.error
                        = QCoreApplication::translate("Boucle::LabelmeWriter",
                                                      "%1 holds a mask; labelme 5.1.1 files cannot")
                                  .arg(image.path);
                return result;
            }
        }
        json.endArray();
        json.key(QStringLiteral("imagePath"));
        json.value(imagePath);
        json.key(QStringLiteral("imageData"));
        json.null();
        json.key(QStringLiteral("imageHeight"));
        json.value(double(image.size.height()));
        json.key(QStringLiteral("imageWidth"));
        json.value(double(image.size.width()));
        json.endObject();
        if (!folder.writeFile(jsonPath, json.text())) {
            result.error = folder.error();
            return result;
        }
        result.files.append(jsonPath);
    }
    if (!folder.commit()) {
        result.error = folder.error();
        result.files.clear();
        return result;
    }
    result.images = int(set.images.size());
    result.objects = objects;
    return result;
}

} // namespace Boucle::AnnotationWriters
