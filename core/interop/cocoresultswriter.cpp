// An AnnotationSet's predictions as COCO detection results: a flat array of {image_id,
// category_id, bbox, score[, segmentation]}, one a line, for pycocotools' loadRes. Only objects
// with a score are written; image and category ids follow the same rules as the ground-truth
// writer, so results written beside a ground truth read from COCO name the same ids.
// docs/formats/coco.md is the contract.
#include "annotationwriter.h"
#include "atomicoutput.h"
#include "cocowriting.h"
#include "jsontext.h"
#include "progress/progresssink.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace Boucle::AnnotationWriters {

AnnotationWriteResult writeCocoResults(const AnnotationSet &set, const QString &output,
                                       const AnnotationWriteOptions &options)
{
    AnnotationWriteResult result;
    CocoWriting::Ids ids;
    if (!CocoWriting::assignIds(set, true, &ids, &result.error))
        return result;

    QByteArray out;
    out.append('[');
    int written = 0;
    for (qsizetype i = 0; i < set.images.size(); ++i) {
        if (options.progress && i % 4096 == 0) {
            if (options.progress->isCancelled()) {
                result.cancelled = true;
                return result;
            }
            options.progress->progress(
                    i, set.images.size(),
                    QCoreApplication::translate("Boucle::CocoWriter", "Writing COCO results"));
        }
        bool any = false;
        for (const Annotation &annotation : set.images[i].objects) {
            if (!annotation.score)
                continue;
            out.append(written ? ",\n{\"image_id\":" : "\n{\"image_id\":");
            JsonText::appendInteger(out, ids.images[i]);
            out.append(",\"category_id\":");
            JsonText::appendInteger(out, ids.categoryOf.value(annotation.label));
            out.append(',');
            CocoWriting::appendBox(out, CocoWriting::boxOf(annotation));
            out.append(",\"score\":");
            JsonText::appendNumber(out, *annotation.score);
            CocoWriting::appendSegmentation(out, annotation);
            out.append('}');
            ++written;
            any = true;
        }
        result.images += any ? 1 : 0;
    }
    out.append(written ? "\n]\n" : "]\n");
    result.objects = written;

    AtomicOutput file(output, AtomicOutput::Kind::File);
    if (!file.begin() || !file.writeAll(out) || !file.commit()) {
        result.error = file.error();
        result.images = result.objects = 0;
        return result;
    }
    result.files = {QFileInfo(output).fileName()};
    return result;
}

} // namespace Boucle::AnnotationWriters
