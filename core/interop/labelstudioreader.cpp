// Label Studio's JSON export: a list of tasks, each with `data` (the image), `annotations`
// (people's results) and `predictions` (a model's). Region values are percentages of
// original_width/original_height, converted to pixels here, once. docs/formats/
// labelstudio-labelme-cvat.md is the users' contract.
#include "annotationreader.h"
#include "boxrotation.h"
#include "interopjson.h"
#include "progress/progresssink.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

#include <cmath>

namespace Boucle::AnnotationReaders {

namespace {

using InteropJson::element;
using InteropJson::member;

constexpr qint64 maxFileBytes = 256ll * 1024 * 1024;
constexpr double tolerancePixels = 1e-6;
constexpr double maxSide = 1'000'000;

// Result types that describe neither a region nor a class of the image: skipped.
const QSet<QString> &ignoredTypes()
{
    static const QSet<QString> types {QStringLiteral("relation"), QStringLiteral("textarea"),
                                      QStringLiteral("rating"),   QStringLiteral("number"),
                                      QStringLiteral("datetime"), QStringLiteral("pairwise")};
    return types;
}

bool looksLikeImage(const QString &text)
{
    static const QRegularExpression pattern(
            QStringLiteral("\\.(jpe?g|png|bmp|gif|tiff?|webp)($|[?#&])|^(/data/|https?://|s3://|"
                           "gs://|azure-blob://)"),
            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(text).hasMatch();
}

// The image path as the rest of Boucle reads it (relative to ReadOptions::imagesFolder).
QString imagePathFromUrl(const QString &url)
{
    const qsizetype localFiles = url.indexOf(QLatin1String("/data/local-files/?"));
    if (localFiles >= 0) {
        const QUrlQuery query(url.mid(localFiles + int(qstrlen("/data/local-files/?"))));
        return query.queryItemValue(QStringLiteral("d"), QUrl::FullyDecoded);
    }
    const qsizetype upload = url.indexOf(QLatin1String("/data/upload/"));
    if (upload >= 0) {
        QString name = QUrl::fromPercentEncoding(url.section(QLatin1Char('/'), -1).toUtf8());
        // Label Studio puts 8 hexadecimal digits and '-' before an uploaded file's name.
        static const QRegularExpression prefix(QStringLiteral("^[0-9a-f]{8}-(.+)$"));
        const QRegularExpressionMatch match = prefix.match(name);
        return match.hasMatch() ? match.captured(1) : name;
    }
    const qsizetype scheme = url.indexOf(QLatin1String("://"));
    if (scheme > 0) {
        const QUrl parsed(url);
        QString path = parsed.path(QUrl::FullyDecoded);
        while (path.startsWith(QLatin1Char('/')))
            path.remove(0, 1);
        return path;
    }
    return url;
}

class TaskReader
{
public:
    TaskReader(const QString &file, const AnnotationReadOptions &options,
               AnnotationReadResult &result)
        : m_file(QDir::toNativeSeparators(file))
        , m_options(options)
        , m_result(result)
    { }

    void read(const QJsonArray &tasks);

private:
    bool fail(const QString &field, const QString &message)
    {
        m_result.addProblem({m_file, 0, field, message}, m_options.listedProblems);
        return false;
    }
    bool wrongType(const QString &field, const QJsonValue &value, const QString &expected)
    {
        return fail(field,
                    QCoreApplication::translate("Boucle::LabelStudioReader", "%1 expected, not %2")
                            .arg(expected, InteropJson::typeName(value)));
    }
    bool number(const QJsonObject &object, const QString &key, const QString &field, double *out,
                bool required = true);
    bool percent(const QJsonObject &object, const QString &key, const QString &field, double side,
                 double *pixels);
    bool readTask(const QJsonObject &task, const QString &field);
    bool readImagePath(const QJsonObject &task, const QString &field, AnnotatedImage *image);
    bool readResults(const QJsonValue &results, const QString &field, std::optional<double> score,
                     AnnotatedImage *image);
    bool readRegion(const QJsonObject &item, const QString &type, const QString &field,
                    std::optional<double> score, AnnotatedImage *image);
    void noteClass(const QString &name)
    {
        if (!m_classNames.contains(name)) {
            m_classNames.insert(name);
            m_result.set.classes.append({name, -1, {}});
        }
    }

    QString m_file;
    const AnnotationReadOptions &m_options;
    AnnotationReadResult &m_result;
    QSet<QString> m_classNames;
    bool m_groundTruth = true;
    std::optional<QString> m_modelVersion;
};

bool TaskReader::number(const QJsonObject &object, const QString &key, const QString &field,
                        double *out, bool required)
{
    const QJsonValue value = object.value(key);
    const QString path = member(field, key);
    if (value.isUndefined()) {
        if (required)
            return fail(path, QCoreApplication::translate("Boucle::LabelStudioReader", "missing"));
        return true;
    }
    if (!value.isDouble())
        return wrongType(path, value,
                         QCoreApplication::translate("Boucle::LabelStudioReader", "a number"));
    *out = value.toDouble();
    if (!std::isfinite(*out))
        return fail(path, QCoreApplication::translate("Boucle::LabelStudioReader",
                                                      "NaN and infinite numbers are not allowed"));
    return true;
}

bool TaskReader::percent(const QJsonObject &object, const QString &key, const QString &field,
                         double side, double *pixels)
{
    double value = 0;
    if (!number(object, key, field, &value))
        return false;
    if (value < 0 && (key == QLatin1String("width") || key == QLatin1String("height")))
        return fail(member(field, key),
                    QCoreApplication::translate("Boucle::LabelStudioReader", "negative size"));
    *pixels = value * side / 100.0;
    if (*pixels < -tolerancePixels || *pixels > side + tolerancePixels)
        return fail(member(field, key),
                    QCoreApplication::translate("Boucle::LabelStudioReader",
                                                "%1 %, outside 0 to 100 % of the image")
                            .arg(value, 0, 'g', 17));
    return true;
}

void TaskReader::read(const QJsonArray &tasks)
{
    // Ground truth when any task holds an annotation that was not cancelled; otherwise the
    // models' predictions.
    m_groundTruth = false;
    for (const QJsonValue &task : tasks) {
        for (const QJsonValue &annotation :
             task.toObject().value(QLatin1String("annotations")).toArray())
            if (annotation.isObject()
                && !annotation.toObject().value(QLatin1String("was_cancelled")).toBool())
                m_groundTruth = true;
        if (m_groundTruth)
            break;
    }
    m_result.set.kind
            = m_groundTruth ? AnnotationSet::Kind::GroundTruth : AnnotationSet::Kind::Predictions;
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        if (m_options.progress) {
            if (m_options.progress->isCancelled()) {
                m_result.cancelled = true;
                return;
            }
            m_options.progress->progress(i, tasks.size(),
                                         QCoreApplication::translate("Boucle::LabelStudioReader",
                                                                     "Reading Label Studio tasks"));
        }
        const QString field = element(QString(), i);
        if (!tasks.at(i).isObject()) {
            wrongType(
                    field, tasks.at(i),
                    QCoreApplication::translate("Boucle::LabelStudioReader", "a task (an object)"));
            continue;
        }
        readTask(tasks.at(i).toObject(), field);
    }
    if (m_modelVersion) {
        const qsizetype at = m_modelVersion->lastIndexOf(QLatin1Char('@'));
        if (at > 0 && at + 1 < m_modelVersion->size()) {
            m_result.set.modelName = m_modelVersion->left(at);
            m_result.set.modelVersion = m_modelVersion->mid(at + 1);
        } else {
            m_result.set.modelVersion = *m_modelVersion;
        }
    }
}

bool TaskReader::readImagePath(const QJsonObject &task, const QString &field, AnnotatedImage *image)
{
    const QString dataField = member(field, QStringLiteral("data"));
    const QJsonValue data = task.value(QLatin1String("data"));
    if (!data.isObject())
        return data.isUndefined()
                       ? fail(dataField,
                              QCoreApplication::translate("Boucle::LabelStudioReader", "missing"))
                       : wrongType(dataField, data,
                                   QCoreApplication::translate("Boucle::LabelStudioReader",
                                                               "an object"));
    const QJsonObject object = data.toObject();
    QString url;
    if (object.value(QLatin1String("image")).isString()) {
        url = object.value(QLatin1String("image")).toString();
    } else {
        QStringList keys;
        for (auto it = object.begin(); it != object.end(); ++it)
            if (it.value().isString() && looksLikeImage(it.value().toString()))
                keys.append(it.key());
        if (keys.size() != 1)
            return fail(dataField,
                        keys.isEmpty()
                                ? QCoreApplication::translate(
                                        "Boucle::LabelStudioReader",
                                        "no image: give the image's URL as data.image")
                                : QCoreApplication::translate(
                                          "Boucle::LabelStudioReader",
                                          "several values look like images (%1); give the one to "
                                          "read as data.image")
                                          .arg(keys.join(QLatin1String(", "))));
        url = object.value(keys.first()).toString();
    }
    image->path = imagePathFromUrl(url);
    if (image->path.isEmpty())
        return fail(dataField, QCoreApplication::translate("Boucle::LabelStudioReader",
                                                           "the image URL '%1' names no file")
                                       .arg(url));
    return true;
}

bool TaskReader::readTask(const QJsonObject &task, const QString &field)
{
    AnnotatedImage image;
    image.originFile = m_file;
    image.originField = field;
    if (!readImagePath(task, field, &image))
        return false;
    if (task.value(QLatin1String("id")).isDouble())
        image.attributes.insert(QStringLiteral("id"), task.value(QLatin1String("id")));

    const QString listKey
            = m_groundTruth ? QStringLiteral("annotations") : QStringLiteral("predictions");
    const QString listField = member(field, listKey);
    const QJsonValue list = task.value(listKey);
    if (list.isUndefined() || list.isNull())
        return true; // nothing said about this image
    if (!list.isArray())
        return wrongType(listField, list,
                         QCoreApplication::translate("Boucle::LabelStudioReader", "an array"));
    const QJsonArray entries = list.toArray();
    qsizetype chosen = -1;
    for (qsizetype j = 0; j < entries.size(); ++j) {
        if (!entries.at(j).isObject())
            return wrongType(element(listField, j), entries.at(j),
                             QCoreApplication::translate("Boucle::LabelStudioReader", "an object"));
        if (m_groundTruth
            && entries.at(j).toObject().value(QLatin1String("was_cancelled")).toBool())
            continue;
        if (chosen >= 0) {
            if (m_groundTruth)
                continue; // the first annotation that was not cancelled counts
            return fail(listField, QCoreApplication::translate(
                                           "Boucle::LabelStudioReader",
                                           "%1 predictions for one task; Boucle reads one model's "
                                           "predictions per task (export one model version)")
                                           .arg(entries.size()));
        }
        chosen = j;
    }
    if (chosen < 0)
        return true;
    const QString entryField = element(listField, chosen);
    const QJsonObject entry = entries.at(chosen).toObject();
    std::optional<double> score;
    if (!m_groundTruth) {
        const QJsonValue version = entry.value(QLatin1String("model_version"));
        const QString versionField = member(entryField, QStringLiteral("model_version"));
        if (!version.isUndefined() && !version.isNull() && !version.isString())
            return wrongType(versionField, version,
                             QCoreApplication::translate("Boucle::LabelStudioReader", "a string"));
        const QString text = version.toString();
        if (m_modelVersion && *m_modelVersion != text)
            return fail(versionField,
                        QCoreApplication::translate(
                                "Boucle::LabelStudioReader",
                                "model_version '%1' differs from '%2' of earlier tasks; "
                                "Boucle reads one model version per file")
                                .arg(text, *m_modelVersion));
        m_modelVersion = text;
        if (entry.contains(QLatin1String("score"))) {
            double value = 0;
            if (!number(entry, QStringLiteral("score"), entryField, &value))
                return false;
            score = value;
        }
    }
    if (!readResults(entry.value(QLatin1String("result")),
                     member(entryField, QStringLiteral("result")), score, &image))
        return false;
    m_result.set.images.append(std::move(image));
    return true;
}

bool TaskReader::readResults(const QJsonValue &results, const QString &field,
                             std::optional<double> score, AnnotatedImage *image)
{
    if (results.isUndefined())
        return fail(field, QCoreApplication::translate("Boucle::LabelStudioReader", "missing"));
    if (!results.isArray())
        return wrongType(field, results,
                         QCoreApplication::translate("Boucle::LabelStudioReader", "an array"));
    const QJsonArray items = results.toArray();
    bool ok = true;
    for (qsizetype k = 0; k < items.size(); ++k) {
        const QString itemField = element(field, k);
        if (!items.at(k).isObject()) {
            ok = wrongType(itemField, items.at(k),
                           QCoreApplication::translate("Boucle::LabelStudioReader", "an object"));
            continue;
        }
        const QJsonObject item = items.at(k).toObject();
        const QJsonValue type = item.value(QLatin1String("type"));
        if (!type.isString()) {
            ok = type.isUndefined()
                         ? fail(member(itemField, QStringLiteral("type")),
                                QCoreApplication::translate("Boucle::LabelStudioReader", "missing"))
                         : wrongType(member(itemField, QStringLiteral("type")), type,
                                     QCoreApplication::translate("Boucle::LabelStudioReader",
                                                                 "a string"));
            continue;
        }
        if (ignoredTypes().contains(type.toString()))
            continue;
        std::optional<double> itemScore = score;
        if (item.contains(QLatin1String("score"))) {
            double value = 0;
            if (!number(item, QStringLiteral("score"), itemField, &value)) {
                ok = false;
                continue;
            }
            itemScore = value;
        }
        if (itemScore && (*itemScore < 0 || *itemScore > 1)) {
            ok = fail(
                    member(itemField, QStringLiteral("score")),
                    QCoreApplication::translate("Boucle::LabelStudioReader", "%1 is outside 0 to 1")
                            .arg(*itemScore, 0, 'g', 17));
            continue;
        }
        if (!readRegion(item, type.toString(), itemField, itemScore, image))
            ok = false;
    }
    return ok;
}

bool TaskReader::readRegion(const QJsonObject &item, const QString &type, const QString &field,
                            std::optional<double> score, AnnotatedImage *image)
{
    const QString valueField = member(field, QStringLiteral("value"));
    const QJsonValue valueJson = item.value(QLatin1String("value"));
    if (!valueJson.isObject())
        return valueJson.isUndefined()
                       ? fail(valueField,
                              QCoreApplication::translate("Boucle::LabelStudioReader", "missing"))
                       : wrongType(valueField, valueJson,
                                   QCoreApplication::translate("Boucle::LabelStudioReader",
                                                               "an object"));
    const QJsonObject value = valueJson.toObject();

    // The one class a region or a choice names, under the key its type names.
    auto oneLabel = [&](const QString &key, QString *label) {
        const QString labelsField = member(valueField, key);
        const QJsonValue labels = value.value(key);
        if (!labels.isArray())
            return labels.isUndefined()
                           ? fail(labelsField, QCoreApplication::translate(
                                                       "Boucle::LabelStudioReader", "missing"))
                           : wrongType(labelsField, labels,
                                       QCoreApplication::translate("Boucle::LabelStudioReader",
                                                                   "an array of strings"));
        const QJsonArray names = labels.toArray();
        if (names.size() != 1)
            return fail(labelsField,
                        QCoreApplication::translate(
                                "Boucle::LabelStudioReader",
                                "%1 labels; Boucle reads exactly one per region or image")
                                .arg(names.size()));
        if (!names.at(0).isString() || names.at(0).toString().isEmpty())
            return wrongType(
                    element(labelsField, 0), names.at(0),
                    QCoreApplication::translate("Boucle::LabelStudioReader", "a non-empty string"));
        *label = names.at(0).toString();
        return true;
    };

    if (type == QLatin1String("choices")) {
        QString label;
        if (!oneLabel(QStringLiteral("choices"), &label))
            return false;
        if (!image->label.isEmpty())
            return fail(field,
                        QCoreApplication::translate(
                                "Boucle::LabelStudioReader",
                                "a second image-level choice ('%1' after '%2'); Boucle keeps "
                                "one label per image")
                                .arg(label, image->label));
        image->label = label;
        image->labelScore = score;
        noteClass(label);
        return true;
    }

    Annotation annotation;
    QString labelKey;
    if (type == QLatin1String("rectanglelabels")) {
        annotation.shape = Annotation::Shape::Box;
        labelKey = type;
    } else if (type == QLatin1String("polygonlabels")) {
        annotation.shape = Annotation::Shape::Polygon;
        labelKey = type;
    } else if (type == QLatin1String("keypointlabels")) {
        annotation.shape = Annotation::Shape::Point;
        labelKey = type;
    } else {
        return fail(member(field, QStringLiteral("type")),
                    QCoreApplication::translate(
                            "Boucle::LabelStudioReader",
                            "'%1' results are not read by Boucle (rectanglelabels, polygonlabels, "
                            "keypointlabels and choices are)")
                            .arg(type));
    }

    // The image's size, which the percentages refer to.
    double width = 0, height = 0;
    if (!number(item, QStringLiteral("original_width"), field, &width)
        || !number(item, QStringLiteral("original_height"), field, &height))
        return false;
    for (const auto &[key, side] : {std::pair {QStringLiteral("original_width"), width},
                                    std::pair {QStringLiteral("original_height"), height}}) {
        if (side <= 0 || side > maxSide || side != std::floor(side))
            return fail(member(field, key),
                        QCoreApplication::translate(
                                "Boucle::LabelStudioReader",
                                "%1 is not a whole number of pixels from 1 to 1000000")
                                .arg(side, 0, 'g', 17));
    }
    const QSize size {int(width), int(height)};
    if (image->size.isValid() && image->size != size)
        return fail(member(field, QStringLiteral("original_width")),
                    QCoreApplication::translate(
                            "Boucle::LabelStudioReader",
                            "the image is %1×%2 here but %3×%4 in an earlier result")
                            .arg(size.width())
                            .arg(size.height())
                            .arg(image->size.width())
                            .arg(image->size.height()));
    image->size = size;
    // Regions drawn on an image turned in Label Studio's editor are not on the image as
    // displayed everywhere else.
    double imageRotation = 0;
    if (!number(item, QStringLiteral("image_rotation"), field, &imageRotation, false))
        return false;
    if (imageRotation != 0)
        return fail(
                member(field, QStringLiteral("image_rotation")),
                QCoreApplication::translate(
                        "Boucle::LabelStudioReader",
                        "the image was turned %1° in Label Studio's editor; Boucle reads regions "
                        "drawn on the image as displayed (image_rotation 0)")
                        .arg(imageRotation, 0, 'g', 17));

    if (!oneLabel(labelKey, &annotation.label))
        return false;
    annotation.score = score;

    auto outside = [&](const QPointF &point) {
        return point.x() < -tolerancePixels || point.y() < -tolerancePixels
               || point.x() > width + tolerancePixels || point.y() > height + tolerancePixels;
    };

    if (annotation.shape == Annotation::Shape::Box) {
        double x = 0, y = 0, w = 0, h = 0, rotation = 0;
        if (!percent(value, QStringLiteral("x"), valueField, width, &x)
            || !percent(value, QStringLiteral("y"), valueField, height, &y)
            || !percent(value, QStringLiteral("width"), valueField, width, &w)
            || !percent(value, QStringLiteral("height"), valueField, height, &h)
            || !number(value, QStringLiteral("rotation"), valueField, &rotation, false))
            return false;
        annotation.box = QRectF(x, y, w, h);
        annotation.rotation = rotation;
        const QPolygonF corners = BoxRotation::cornersAboutTopLeft(annotation.box, rotation);
        for (const QPointF &corner : corners)
            if (outside(corner))
                return fail(valueField,
                            rotation == 0
                                    ? QCoreApplication::translate(
                                            "Boucle::LabelStudioReader",
                                            "the box reaches beyond the image (x + width or y + "
                                            "height is more than 100 %)")
                                    : QCoreApplication::translate(
                                              "Boucle::LabelStudioReader",
                                              "the box turned by %1° reaches beyond the image")
                                              .arg(rotation, 0, 'g', 17));
    } else if (annotation.shape == Annotation::Shape::Polygon) {
        const QString pointsField = member(valueField, QStringLiteral("points"));
        const QJsonValue points = value.value(QLatin1String("points"));
        if (!points.isArray())
            return points.isUndefined()
                           ? fail(pointsField, QCoreApplication::translate(
                                                       "Boucle::LabelStudioReader", "missing"))
                           : wrongType(pointsField, points,
                                       QCoreApplication::translate("Boucle::LabelStudioReader",
                                                                   "an array of [x, y]"));
        QPolygonF outline;
        const QJsonArray list = points.toArray();
        for (qsizetype p = 0; p < list.size(); ++p) {
            const QString pointField = element(pointsField, p);
            const QJsonArray pair = list.at(p).toArray();
            if (!list.at(p).isArray() || pair.size() != 2 || !pair.at(0).isDouble()
                || !pair.at(1).isDouble())
                return wrongType(pointField, list.at(p),
                                 QCoreApplication::translate("Boucle::LabelStudioReader",
                                                             "[x, y] (two numbers)"));
            const QPointF point(pair.at(0).toDouble() * width / 100.0,
                                pair.at(1).toDouble() * height / 100.0);
            if (!std::isfinite(point.x()) || !std::isfinite(point.y()))
                return fail(pointField, QCoreApplication::translate(
                                                "Boucle::LabelStudioReader",
                                                "NaN and infinite numbers are not allowed"));
            if (outside(point))
                return fail(pointField, QCoreApplication::translate(
                                                "Boucle::LabelStudioReader",
                                                "[%1, %2] %, outside 0 to 100 % of the image")
                                                .arg(pair.at(0).toDouble(), 0, 'g', 17)
                                                .arg(pair.at(1).toDouble(), 0, 'g', 17));
            outline.append(point);
        }
        if (outline.size() < 3)
            return fail(pointsField,
                        QCoreApplication::translate("Boucle::LabelStudioReader",
                                                    "%1 points; a polygon needs at least 3")
                                .arg(outline.size()));
        annotation.polygons.append(outline);
        annotation.box = outline.boundingRect();
    } else {
        double x = 0, y = 0, radius = 0;
        if (!percent(value, QStringLiteral("x"), valueField, width, &x)
            || !percent(value, QStringLiteral("y"), valueField, height, &y)
            || !number(value, QStringLiteral("width"), valueField, &radius, false))
            return false;
        annotation.polygons.append(QPolygonF {QPointF(x, y)});
        annotation.box = QRectF(x, y, 0, 0);
        if (value.contains(QLatin1String("width")))
            annotation.attributes.insert(QStringLiteral("width"), radius);
    }
    noteClass(annotation.label);
    image->objects.append(std::move(annotation));
    return true;
}

} // namespace

AnnotationReadResult readLabelStudio(const QString &path, const AnnotationReadOptions &options)
{
    AnnotationReadResult result;
    QString problem;
    qint64 line = 0;
    const std::optional<QJsonDocument> document
            = InteropJson::readFile(path, maxFileBytes, &problem, &line);
    if (!document) {
        result.addProblem({QDir::toNativeSeparators(path), line, {}, problem},
                          options.listedProblems);
        return result;
    }
    if (!document->isArray()) {
        result.addProblem(
                {QDir::toNativeSeparators(path),
                 0,
                 {},
                 QCoreApplication::translate(
                         "Boucle::LabelStudioReader",
                         "a Label Studio export is a JSON list of tasks; this file holds %1")
                         .arg(InteropJson::typeName(document->object()))},
                options.listedProblems);
        return result;
    }
    TaskReader(path, options, result).read(document->array());
    return result;
}

} // namespace Boucle::AnnotationReaders
