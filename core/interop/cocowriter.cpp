// An AnnotationSet as COCO ground truth: {"images", "annotations", "categories"}, one entry a
// line, keys in a fixed order, numbers in their shortest exact form, so the same set gives the
// same bytes. Coordinates need no conversion (COCO's bbox is the set's convention). Ids come back
// as they were read when the set carries them (attributes["id"]), else 1, 2, 3...
// docs/formats/coco.md is the contract.
#include "annotationwriter.h"
#include "atomicoutput.h"
#include "cocowriting.h"
#include "jsontext.h"
#include "progress/progresssink.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace Boucle::AnnotationWriters {

namespace {

void appendAttribute(QByteArray &out, const QString &key, const QJsonValue &value)
{
    if (!value.isString() && !value.isDouble() && !value.isBool())
        return;
    out.append(',');
    JsonText::appendString(out, key);
    out.append(':');
    if (value.isString())
        JsonText::appendString(out, value.toString());
    else if (value.isBool())
        out.append(value.toBool() ? "true" : "false");
    else
        JsonText::appendNumber(out, value.toDouble());
}

} // namespace

AnnotationWriteResult writeCoco(const AnnotationSet &set, const QString &output,
                                const AnnotationWriteOptions &options)
{
    AnnotationWriteResult result;
    CocoWriting::Ids ids;
    if (!CocoWriting::assignIds(set, false, &ids, &result.error))
        return result;

    QByteArray out;
    out.reserve(qsizetype(set.images.size()) * 96);
    out.append("{\"images\":[");
    for (qsizetype i = 0; i < set.images.size(); ++i) {
        const AnnotatedImage &image = set.images[i];
        out.append(i ? ",\n{\"id\":" : "\n{\"id\":");
        JsonText::appendInteger(out, ids.images[i]);
        out.append(",\"file_name\":");
        JsonText::appendString(out, image.path);
        out.append(",\"width\":");
        JsonText::appendInteger(out, image.size.width());
        out.append(",\"height\":");
        JsonText::appendInteger(out, image.size.height());
        for (auto it = image.attributes.begin(); it != image.attributes.end(); ++it) {
            if (it.key() != QLatin1String("id"))
                appendAttribute(out, it.key(), it.value());
        }
        out.append('}');
    }
    out.append("\n],\n\"annotations\":[");
    qint64 sequential = 0;
    for (qsizetype i = 0; i < set.images.size(); ++i) {
        if (options.progress && i % 4096 == 0) {
            if (options.progress->isCancelled()) {
                result.cancelled = true;
                return result;
            }
            options.progress->progress(
                    i, set.images.size(),
                    QCoreApplication::translate("Boucle::CocoWriter", "Writing COCO annotations"));
        }
        for (const Annotation &annotation : set.images[i].objects) {
            out.append(sequential ? ",\n{\"id\":" : "\n{\"id\":");
            JsonText::appendInteger(out, CocoWriting::annotationId(ids, annotation, ++sequential));
            out.append(",\"image_id\":");
            JsonText::appendInteger(out, ids.images[i]);
            out.append(",\"category_id\":");
            JsonText::appendInteger(out, ids.categoryOf.value(annotation.label));
            out.append(',');
            CocoWriting::appendBox(out, CocoWriting::boxOf(annotation));
            out.append(",\"area\":");
            JsonText::appendNumber(out, CocoWriting::areaOf(annotation));
            out.append(annotation.crowd ? ",\"iscrowd\":1" : ",\"iscrowd\":0");
            CocoWriting::appendSegmentation(out, annotation);
            out.append('}');
        }
        result.images++;
    }
    result.objects = int(sequential);
    out.append("\n],\n\"categories\":[");
    for (qsizetype c = 0; c < ids.categories.size(); ++c) {
        const AnnotationClass &category = ids.categories[c];
        out.append(c ? ",\n{\"id\":" : "\n{\"id\":");
        JsonText::appendInteger(out, category.id);
        out.append(",\"name\":");
        JsonText::appendString(out, category.name);
        out.append(",\"supercategory\":");
        JsonText::appendString(out, category.supercategory);
        out.append('}');
    }
    out.append("\n]}\n");

    AtomicOutput file(output, AtomicOutput::Kind::File);
    if (!file.begin() || !file.writeAll(out) || !file.commit()) {
        result.error = file.error();
        result.images = result.objects = 0;
        return result;
    }
    result.files = {QFileInfo(output).fileName()};
    if (options.progress)
        options.progress->progress(
                1, 1,
                QCoreApplication::translate("Boucle::CocoWriter", "Writing COCO annotations"));
    return result;
}

} // namespace Boucle::AnnotationWriters
