// Label Studio tasks that import back into Label Studio with the same meaning: the image as a
// local-files URL, ground truth as `annotations`, a model's output as `predictions` (with
// model_version and score, as pre-annotations), regions in percent of original_width/height.
// docs/formats/labelstudio-labelme-cvat.md holds the labeling config these tasks match.
#include "annotationwriter.h"
#include "atomicoutput.h"
#include "jsontextwriter.h"
#include "progress/progresssink.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>

namespace Boucle::AnnotationWriters {

namespace {

class TaskWriter
{
public:
    explicit TaskWriter(const AnnotationSet &set)
        : m_set(set)
    { }

    // False with *error set when an image holds what Label Studio cannot.
    bool writeImage(const AnnotatedImage &image, int index, QString *error, int *objects);
    QByteArray finish()
    {
        m_json.endArray();
        return m_json.text();
    }
    void start() { m_json.beginArray(); }

private:
    void regionHeader(const QString &id, const char *type, const char *fromName,
                      const AnnotatedImage &image)
    {
        m_json.beginObject();
        m_json.key(QStringLiteral("id"));
        m_json.value(id);
        m_json.key(QStringLiteral("type"));
        m_json.value(QString::fromLatin1(type));
        m_json.key(QStringLiteral("from_name"));
        m_json.value(QString::fromLatin1(fromName));
        m_json.key(QStringLiteral("to_name"));
        m_json.value(QStringLiteral("image"));
        if (image.size.isValid()) {
            m_json.key(QStringLiteral("original_width"));
            m_json.value(double(image.size.width()));
            m_json.key(QStringLiteral("original_height"));
            m_json.value(double(image.size.height()));
            m_json.key(QStringLiteral("image_rotation"));
            m_json.value(0.0);
        }
    }
    void regionFooter(const QString &labelKey, const QString &label, std::optional<double> score)
    {
        m_json.key(labelKey);
        m_json.beginArray(true);
        m_json.value(label);
        m_json.endArray();
        m_json.endObject(); // value
        if (score && m_set.kind == AnnotationSet::Kind::Predictions) {
            m_json.key(QStringLiteral("score"));
            m_json.value(*score);
        }
        m_json.endObject();
    }

    const AnnotationSet &m_set;
    JsonTextWriter m_json;
};

bool TaskWriter::writeImage(const AnnotatedImage &image, int index, QString *error, int *objects)
{
    const double width = image.size.width(), height = image.size.height();
    if (!image.objects.isEmpty() && !image.size.isValid()) {
        *error = QCoreApplication::translate(
                         "Boucle::LabelStudioWriter",
                         "the size of %1 is unknown; Label Studio regions need it")
                         .arg(image.path);
        return false;
    }
    for (const Annotation &object : image.objects)
        if (object.shape == Annotation::Shape::Mask) {
            *error = QCoreApplication::translate("Boucle::LabelStudioWriter",
                                                 "%1 holds a mask; Label Studio's brush format is "
                                                 "not written by Boucle")
                             .arg(image.path);
            return false;
        }
    const bool predictions = m_set.kind == AnnotationSet::Kind::Predictions;

    m_json.beginObject();
    m_json.key(QStringLiteral("id"));
    m_json.value(double(index + 1));
    m_json.key(QStringLiteral("data"));
    m_json.beginObject();
    m_json.key(QStringLiteral("image"));
    m_json.value(QStringLiteral("/data/local-files/?d=")
                 + QString::fromLatin1(QUrl::toPercentEncoding(image.path, "/")));
    m_json.endObject();
    m_json.key(predictions ? QStringLiteral("predictions") : QStringLiteral("annotations"));
    m_json.beginArray();
    m_json.beginObject();
    if (predictions) {
        m_json.key(QStringLiteral("model_version"));
        m_json.value(!m_set.modelName.isEmpty() && !m_set.modelVersion.isEmpty()
                             ? m_set.modelName + QLatin1Char('@') + m_set.modelVersion
                             : m_set.modelName + m_set.modelVersion);
        // The task's score is its least confident result, so that sorting tasks by prediction
        // score in Label Studio brings the doubtful ones first.
        std::optional<double> lowest = image.labelScore;
        for (const Annotation &object : image.objects)
            if (object.score)
                lowest = lowest ? std::min(*lowest, *object.score) : *object.score;
        if (lowest) {
            m_json.key(QStringLiteral("score"));
            m_json.value(*lowest);
        }
    }
    m_json.key(QStringLiteral("result"));
    m_json.beginArray();
    int region = 0;
    auto nextId = [&]() {
        return QStringLiteral("t%1r%2").arg(index + 1).arg(region++);
    };
    for (const Annotation &object : image.objects) {
        switch (object.shape) {
        case Annotation::Shape::Box:
            regionHeader(nextId(), "rectanglelabels", "label", image);
            m_json.key(QStringLiteral("value"));
            m_json.beginObject();
            m_json.key(QStringLiteral("x"));
            m_json.value(object.box.x() * 100.0 / width);
            m_json.key(QStringLiteral("y"));
            m_json.value(object.box.y() * 100.0 / height);
            m_json.key(QStringLiteral("width"));
            m_json.value(object.box.width() * 100.0 / width);
            m_json.key(QStringLiteral("height"));
            m_json.value(object.box.height() * 100.0 / height);
            m_json.key(QStringLiteral("rotation"));
            m_json.value(object.rotation);
            regionFooter(QStringLiteral("rectanglelabels"), object.label, object.score);
            ++*objects;
            break;
        case Annotation::Shape::Polygon:
            // Label Studio has one outline per region: each part becomes a region.
            for (const QPolygonF &outline : object.polygons) {
                regionHeader(nextId(), "polygonlabels", "polygon", image);
                m_json.key(QStringLiteral("value"));
                m_json.beginObject();
                m_json.key(QStringLiteral("points"));
                m_json.beginArray();
                for (const QPointF &point : outline) {
                    m_json.beginArray(true);
                    m_json.value(point.x() * 100.0 / width);
                    m_json.value(point.y() * 100.0 / height);
                    m_json.endArray();
                }
                m_json.endArray();
                m_json.key(QStringLiteral("closed"));
                m_json.value(true);
                regionFooter(QStringLiteral("polygonlabels"), object.label, object.score);
                ++*objects;
            }
            break;
        case Annotation::Shape::Point: {
            const QPointF point = object.polygons.isEmpty() || object.polygons.first().isEmpty()
                                          ? object.box.topLeft()
                                          : object.polygons.first().first();
            regionHeader(nextId(), "keypointlabels", "keypoint", image);
            m_json.key(QStringLiteral("value"));
            m_json.beginObject();
            m_json.key(QStringLiteral("x"));
            m_json.value(point.x() * 100.0 / width);
            m_json.key(QStringLiteral("y"));
            m_json.value(point.y() * 100.0 / height);
            m_json.key(QStringLiteral("width"));
            const QJsonValue radius = object.attributes.value(QLatin1String("width"));
            m_json.value(radius.isDouble() ? radius.toDouble() : 0.5);
            regionFooter(QStringLiteral("keypointlabels"), object.label, object.score);
            ++*objects;
            break;
        }
        case Annotation::Shape::Mask:
            break;
        }
    }
    if (!image.label.isEmpty()) {
        regionHeader(nextId(), "choices", "choice", image);
        m_json.key(QStringLiteral("value"));
        m_json.beginObject();
        regionFooter(QStringLiteral("choices"), image.label, image.labelScore);
    }
    m_json.endArray(); // result
    m_json.endObject();
    m_json.endArray(); // annotations or predictions
    m_json.endObject();
    return true;
}

} // namespace

AnnotationWriteResult writeLabelStudio(const AnnotationSet &set, const QString &output,
                                       const AnnotationWriteOptions &options)
{
    AnnotationWriteResult result;
    TaskWriter writer(set);
    writer.start();
    for (int i = 0; i < set.images.size(); ++i) {
        if (options.progress) {
            if (options.progress->isCancelled()) {
                result.cancelled = true;
                return result;
            }
            options.progress->progress(i, set.images.size(),
                                       QCoreApplication::translate("Boucle::LabelStudioWriter",
                                                                   "Writing Label Studio tasks"));
        }
        if (!writer.writeImage(set.images.at(i), i, &result.error, &result.objects))
            return result;
        ++result.images;
    }
    AtomicOutput file(output, AtomicOutput::Kind::File);
    if (!file.begin() || !file.writeAll(writer.finish()) || !file.commit()) {
        result.error = file.error();
        result.images = result.objects = 0;
        return result;
    }
    result.files.append(QFileInfo(output).fileName());
    return result;
}

} // namespace Boucle::AnnotationWriters
