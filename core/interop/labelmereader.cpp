// labelme JSON: one file per image ({shapes, imagePath, imageWidth, imageHeight, flags}), or a
// folder of them. Points are pixels of the displayed image, continuous, as Boucle's own.
// docs/formats/labelstudio-labelme-cvat.md is the users' contract.
#include "annotationreader.h"
#include "imagesize.h"
#include "interopjson.h"
#include "progress/progresssink.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace Boucle::AnnotationReaders {

namespace {

using InteropJson::element;
using InteropJson::member;

constexpr qint64 maxFileBytes = 64ll * 1024 * 1024; // imageData may hold the image in base64
constexpr int maxFiles = 1'000'000;
constexpr double tolerancePixels = 1e-6;
constexpr double maxSide = 1'000'000;

class LabelmeFileReader
{
public:
    LabelmeFileReader(const QString &file, const QString &imagesFolder,
                      const AnnotationReadOptions &options, AnnotationReadResult &result,
                      QSet<QString> &classNames)
        : m_path(file)
        , m_file(QDir::toNativeSeparators(file))
        , m_imagesFolder(imagesFolder)
        , m_options(options)
        , m_result(result)
        , m_classNames(classNames)
    { }

    void read();

private:
    bool fail(const QString &field, const QString &message)
    {
        m_result.addProblem({m_file, 0, field, message}, m_options.listedProblems);
        return false;
    }
    bool wrongType(const QString &field, const QJsonValue &value, const QString &expected)
    {
        return fail(field,
                    QCoreApplication::translate("Boucle::LabelmeReader", "%1 expected, not %2")
                            .arg(expected, InteropJson::typeName(value)));
    }
    bool side(const QJsonObject &object, const QString &key, int *out);
    bool readShape(const QJsonObject &shape, const QString &field, const QSize &size,
                   AnnotatedImage *image);
    bool checkDisplayedSize(const AnnotatedImage &image);

    QString m_path;
    QString m_file;
    QString m_imagesFolder;
    const AnnotationReadOptions &m_options;
    AnnotationReadResult &m_result;
    QSet<QString> &m_classNames;
};

bool LabelmeFileReader::side(const QJsonObject &object, const QString &key, int *out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return fail(key, QCoreApplication::translate("Boucle::LabelmeReader",
                                                     "missing; Boucle needs the image's size"));
    if (!value.isDouble())
        return wrongType(key, value,
                         QCoreApplication::translate("Boucle::LabelmeReader", "a number"));
    const double number = value.toDouble();
    if (!(number >= 1 && number <= maxSide && number == std::floor(number)))
        return fail(key, QCoreApplication::translate(
                                 "Boucle::LabelmeReader",
                                 "%1 is not a whole number of pixels from 1 to 1000000")
                                 .arg(number, 0, 'g', 17));
    *out = int(number);
    return true;
}

void LabelmeFileReader::read()
{
    QString problem;
    qint64 line = 0;
    const std::optional<QJsonDocument> document
            = InteropJson::readFile(m_path, maxFileBytes, &problem, &line);
    if (!document) {
        m_result.addProblem({m_file, line, {}, problem}, m_options.listedProblems);
        return;
    }
    if (!document->isObject()) {
        fail({}, QCoreApplication::translate(
                         "Boucle::LabelmeReader",
                         "a labelme file is a JSON object; this file holds an array"));
        return;
    }
    const QJsonObject root = document->object();
    AnnotatedImage image;
    image.originFile = m_file;

    const QJsonValue imagePath = root.value(QLatin1String("imagePath"));
    if (!imagePath.isString() || imagePath.toString().isEmpty()) {
        imagePath.isUndefined()
                ? fail(QStringLiteral("imagePath"),
                       QCoreApplication::translate("Boucle::LabelmeReader", "missing"))
                : wrongType(
                        QStringLiteral("imagePath"), imagePath,
                        QCoreApplication::translate("Boucle::LabelmeReader", "a non-empty string"));
        return;
    }
    // labelme on Windows writes the path with backslashes.
    QString written = imagePath.toString();
    written.replace(QLatin1Char('\\'), QLatin1Char('/'));
    const QString absolute
            = QDir::cleanPath(QFileInfo(m_path).absoluteDir().absoluteFilePath(written));
    image.path = QDir::cleanPath(QDir(m_imagesFolder).relativeFilePath(absolute));

    int width = 0, height = 0;
    if (!side(root, QStringLiteral("imageWidth"), &width)
        || !side(root, QStringLiteral("imageHeight"), &height))
        return;
    image.size = QSize(width, height);

    const QJsonValue flags = root.value(QLatin1String("flags"));
    if (!flags.isUndefined() && !flags.isNull() && !flags.isObject()) {
        wrongType(QStringLiteral("flags"), flags,
                  QCoreApplication::translate("Boucle::LabelmeReader", "an object"));
        return;
    }
    // labelme's image-level flags are how it classifies an image: the one set flag is the label.
    QStringList set;
    const QJsonObject flagObject = flags.toObject();
    for (auto it = flagObject.begin(); it != flagObject.end(); ++it) {
        if (!it.value().isBool()) {
            wrongType(member(QStringLiteral("flags"), it.key()), it.value(),
                      QCoreApplication::translate("Boucle::LabelmeReader", "true or false"));
            return;
        }
        if (it.value().toBool())
            set.append(it.key());
    }
    if (set.size() > 1) {
        fail(QStringLiteral("flags"),
             QCoreApplication::translate("Boucle::LabelmeReader",
                                         "%1 flags are set (%2); Boucle reads the one set flag "
                                         "as the image's label")
                     .arg(set.size())
                     .arg(set.join(QLatin1String(", "))));
        return;
    }
    if (!set.isEmpty()) {
        image.label = set.first();
        if (!m_classNames.contains(image.label)) {
            m_classNames.insert(image.label);
            m_result.set.classes.append({image.label, -1, {}});
        }
    }
    if (!flagObject.isEmpty())
        image.attributes.insert(QStringLiteral("flags"), flagObject);

    const QJsonValue shapes = root.value(QLatin1String("shapes"));
    if (!shapes.isArray()) {
        shapes.isUndefined()
                ? fail(QStringLiteral("shapes"),
                       QCoreApplication::translate("Boucle::LabelmeReader", "missing"))
                : wrongType(QStringLiteral("shapes"), shapes,
                            QCoreApplication::translate("Boucle::LabelmeReader", "an array"));
        return;
    }
    const QJsonArray list = shapes.toArray();
    bool ok = true;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString field = element(QStringLiteral("shapes"), i);
        if (!list.at(i).isObject())
            ok = wrongType(field, list.at(i),
                           QCoreApplication::translate("Boucle::LabelmeReader", "an object"));
        else if (!readShape(list.at(i).toObject(), field, image.size, &image))
            ok = false;
    }
    if (ok && checkDisplayedSize(image))
        m_result.set.images.append(std::move(image));
}

bool LabelmeFileReader::checkDisplayedSize(const AnnotatedImage &image)
{
    const QString full = QDir(m_imagesFolder).filePath(image.path);
    if (!QFileInfo::exists(full))
        return true; // the importer says which images are missing
    QString error;
    const QSize displayed = m_options.imageSize ? m_options.imageSize(image.path, &error)
                                                : imageDisplayedSize(full, &error);
    if (!displayed.isValid() || displayed == image.size)
        return true;
    return fail(QStringLiteral("imageWidth"),
                QCoreApplication::translate(
                        "Boucle::LabelmeReader",
                        "the file says the image is %1×%2, but %3 is %4×%5 as displayed (EXIF "
                        "orientation applied); the points would not fall where they were drawn")
                        .arg(image.size.width())
                        .arg(image.size.height())
                        .arg(image.path)
                        .arg(displayed.width())
                        .arg(displayed.height()));
}

bool LabelmeFileReader::readShape(const QJsonObject &shape, const QString &field, const QSize &size,
                                  AnnotatedImage *image)
{
    Annotation annotation;
    const QString labelField = member(field, QStringLiteral("label"));
    const QJsonValue label = shape.value(QLatin1String("label"));
    if (!label.isString() || label.toString().isEmpty())
        return label.isUndefined() ? fail(
                       labelField, QCoreApplication::translate("Boucle::LabelmeReader", "missing"))
                                   : wrongType(labelField, label,
                                               QCoreApplication::translate("Boucle::LabelmeReader",
                                                                           "a non-empty string"));
    annotation.label = label.toString();

    const QString typeField = member(field, QStringLiteral("shape_type"));
    const QJsonValue typeValue = shape.value(QLatin1String("shape_type"));
    QString type = QStringLiteral("polygon"); // labelme's default, for files older than 3.0
    if (typeValue.isString())
        type = typeValue.toString();
    else if (!typeValue.isUndefined() && !typeValue.isNull())
        return wrongType(typeField, typeValue,
                         QCoreApplication::translate("Boucle::LabelmeReader", "a string"));

    const QString pointsField = member(field, QStringLiteral("points"));
    const QJsonValue pointsValue = shape.value(QLatin1String("points"));
    if (!pointsValue.isArray())
        return pointsValue.isUndefined()
                       ? fail(pointsField,
                              QCoreApplication::translate("Boucle::LabelmeReader", "missing"))
                       : wrongType(pointsField, pointsValue,
                                   QCoreApplication::translate("Boucle::LabelmeReader",
                                                               "an array of [x, y]"));
    QPolygonF points;
    const QJsonArray list = pointsValue.toArray();
    for (qsizetype p = 0; p < list.size(); ++p) {
        const QString pointField = element(pointsField, p);
        const QJsonArray pair = list.at(p).toArray();
        if (!list.at(p).isArray() || pair.size() != 2 || !pair.at(0).isDouble()
            || !pair.at(1).isDouble())
            return wrongType(
                    pointField, list.at(p),
                    QCoreApplication::translate("Boucle::LabelmeReader", "[x, y] (two numbers)"));
        const QPointF point(pair.at(0).toDouble(), pair.at(1).toDouble());
        if (!std::isfinite(point.x()) || !std::isfinite(point.y()))
            return fail(pointField,
                        QCoreApplication::translate("Boucle::LabelmeReader",
                                                    "NaN and infinite numbers are not allowed"));
        if (point.x() < -tolerancePixels || point.y() < -tolerancePixels
            || point.x() > size.width() + tolerancePixels
            || point.y() > size.height() + tolerancePixels)
            return fail(pointField,
                        QCoreApplication::translate("Boucle::LabelmeReader",
                                                    "[%1, %2] is outside the %3×%4 image")
                                .arg(point.x(), 0, 'g', 17)
                                .arg(point.y(), 0, 'g', 17)
                                .arg(size.width())
                                .arg(size.height()));
        points.append(point);
    }

    if (type == QLatin1String("rectangle")) {
        if (points.size() != 2)
            return fail(pointsField, QCoreApplication::translate(
                                             "Boucle::LabelmeReader",
                                             "%1 points; a rectangle has exactly 2 (two opposite "
                                             "corners)")
                                             .arg(points.size()));
        annotation.shape = Annotation::Shape::Box;
        annotation.box = QRectF(points.at(0), points.at(1)).normalized();
    } else if (type == QLatin1String("polygon")) {
        if (points.size() < 3)
            return fail(pointsField,
                        QCoreApplication::translate("Boucle::LabelmeReader",
                                                    "%1 points; a polygon needs at least 3")
                                .arg(points.size()));
        annotation.shape = Annotation::Shape::Polygon;
        annotation.polygons.append(points);
        annotation.box = points.boundingRect();
    } else if (type == QLatin1String("point")) {
        if (points.size() != 1)
            return fail(pointsField, QCoreApplication::translate("Boucle::LabelmeReader",
                                                                 "%1 points; a point has exactly 1")
                                             .arg(points.size()));
        annotation.shape = Annotation::Shape::Point;
        annotation.polygons.append(points);
        annotation.box = QRectF(points.first(), QSizeF(0, 0));
    } else {
        return fail(typeField, QCoreApplication::translate(
                                       "Boucle::LabelmeReader",
                                       "'%1' shapes are not read by Boucle (rectangle, polygon and "
                                       "point are)")
                                       .arg(type));
    }

    const QJsonValue group = shape.value(QLatin1String("group_id"));
    if (group.isDouble() && group.toDouble() == std::floor(group.toDouble()))
        annotation.attributes.insert(QStringLiteral("group_id"), group);
    else if (!group.isUndefined() && !group.isNull())
        return wrongType(
                member(field, QStringLiteral("group_id")), group,
                QCoreApplication::translate("Boucle::LabelmeReader", "a whole number or null"));
    const QJsonValue flags = shape.value(QLatin1String("flags"));
    if (flags.isObject() && !flags.toObject().isEmpty())
        annotation.attributes.insert(QStringLiteral("flags"), flags);
    else if (!flags.isUndefined() && !flags.isNull() && !flags.isObject())
        return wrongType(member(field, QStringLiteral("flags")), flags,
                         QCoreApplication::translate("Boucle::LabelmeReader", "an object"));
    const QJsonValue description = shape.value(QLatin1String("description"));
    if (description.isString() && !description.toString().isEmpty())
        annotation.attributes.insert(QStringLiteral("description"), description);

    if (!m_classNames.contains(annotation.label)) {
        m_classNames.insert(annotation.label);
        m_result.set.classes.append({annotation.label, -1, {}});
    }
    image->objects.append(std::move(annotation));
    return true;
}

} // namespace

AnnotationReadResult readLabelme(const QString &path, const AnnotationReadOptions &options)
{
    AnnotationReadResult result;
    const QFileInfo info(path);
    QStringList files;
    if (info.isDir()) {
        QDirIterator it(path, {QStringLiteral("*.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            files.append(it.next());
            if (files.size() > maxFiles) {
                result.addProblem(
                        {QDir::toNativeSeparators(path),
                         0,
                         {},
                         QCoreApplication::translate(
                                 "Boucle::LabelmeReader",
                                 "more than %1 JSON files; Boucle reads at most that many "
                                 "labelme files at once")
                                 .arg(maxFiles)},
                        options.listedProblems);
                return result;
            }
        }
        std::sort(files.begin(), files.end());
    } else {
        files.append(path);
    }
    const QString imagesFolder
            = !options.imagesFolder.isEmpty()
                      ? options.imagesFolder
                      : (info.isDir() ? info.absoluteFilePath() : info.absolutePath());
    QSet<QString> classNames;
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (options.progress) {
            if (options.progress->isCancelled()) {
                result.cancelled = true;
                return result;
            }
            options.progress->progress(
                    i, files.size(),
                    QCoreApplication::translate("Boucle::LabelmeReader", "Reading labelme files"));
        }
        LabelmeFileReader(files.at(i), imagesFolder, options, result, classNames).read();
    }
    return result;
}

} // namespace Boucle::AnnotationReaders
