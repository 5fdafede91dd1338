#include "exportset.h"

#include "classidmap.h"
#include "imagesize.h"
#include "progress/progresssink.h"
#include "storedobject.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace Boucle {

namespace {

// Fills the image's path and displayed size; false for a sample these formats cannot hold.
bool describeImage(const ProjectStore &store, const SampleRecord &sample, AnnotatedImage &image,
                   ExportSet &result)
{
    if (sample.kind != QLatin1String("image")) {
        ++result.skippedNonImages;
        return false;
    }
    image.path = sample.path;
    QString error;
    const QString absolute = store.absoluteSamplePath(sample.path);
    image.size = QFileInfo(absolute).isFile() ? imageDisplayedSize(absolute, &error) : QSize();
    if (!image.size.isValid()) {
        ++result.missingImages;
        image.size = QSize(sample.width, sample.height);
    }
    return true;
}

} // namespace

ExportSet ExportSet::forVersion(const ProjectStore &store, int version, InteropFormat format,
                                ProgressSink *progress)
{
    ExportSet result;
    result.set.kind = AnnotationSet::Kind::GroundTruth;
    result.set.classes = ClassIdMap::forExport(store, format);
    const auto read = store.labelsAt(version);
    if (read.isError()) {
        result.error = read.error.message;
        return result;
    }
    const QList<LabelledSample> &labels = read.value;
    const QString what
            = QCoreApplication::translate("Boucle::ExportSet", "Gathering version %1").arg(version);
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (progress && i % 256 == 0) {
            progress->progress(i, labels.size(), what);
            if (progress->isCancelled()) {
                result.error = QCoreApplication::translate("Boucle::ExportSet", "cancelled");
                return result;
            }
        }
        const LabelledSample &labelled = labels.at(i);
        const auto sample = store.sample(labelled.sampleId);
        if (!sample)
            continue;
        AnnotatedImage image;
        if (!describeImage(store, *sample, image, result))
            continue;
        image.label = labelled.label;
        image.objects = StoredObject::toAnnotations(labelled.objects);
        result.set.images.append(std::move(image));
    }
    return result;
}

ExportSet ExportSet::forBatch(const ProjectStore &store, BatchId batch, InteropFormat format,
                              ProgressSink *progress)
{
    ExportSet result;
    result.set.kind = AnnotationSet::Kind::Predictions;
    result.set.classes = ClassIdMap::forExport(store, format);
    const QList<BatchItemRecord> items = store.batchItems(batch);
    if (items.isEmpty()) {
        result.error = QCoreApplication::translate("Boucle::ExportSet", "the batch has no items");
        return result;
    }
    const QString what
            = QCoreApplication::translate("Boucle::ExportSet", "Gathering the batch's predictions");
    QSet<ModelId> models;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (progress && i % 256 == 0) {
            progress->progress(i, items.size(), what);
            if (progress->isCancelled()) {
                result.error = QCoreApplication::translate("Boucle::ExportSet", "cancelled");
                return result;
            }
        }
        const auto prediction = store.prediction(items.at(i).predictionId);
        const auto sample = store.sample(items.at(i).sampleId);
        if (!prediction || !sample)
            continue;
        AnnotatedImage image;
        if (!describeImage(store, *sample, image, result))
            continue;
        image.label = prediction->label;
        if (!prediction->label.isEmpty())
            image.labelScore = prediction->confidence;
        for (const auto &object : prediction->objects)
            if (object.shape != PredictedObject::Shape::Span)
                image.objects.append(StoredObject::fromPredictedObject(object));
        models.insert(prediction->modelId);
        result.set.images.append(std::move(image));
    }
    // One model names the set; a batch mixing models is named after the oldest.
    if (!models.isEmpty()) {
        if (const auto model = store.model(*std::min_element(models.cbegin(), models.cend()))) {
            result.set.modelName = model->name;
            result.set.modelVersion = model->version;
        }
    }
    return result;
}

} // namespace Boucle
