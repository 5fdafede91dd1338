// COCO detection results ([{image_id, category_id, bbox, score, segmentation?}], what
// pycocotools' loadRes reads) into an AnnotationSet of predictions. A results file names images
// and categories by id only, so the ground-truth file that gave those ids is read first
// (AnnotationReadOptions::cocoGroundTruth): its images (all of them, also those the model found
// nothing in), their sizes and its categories. docs/formats/coco.md is the contract.
#include "annotationreader.h"

#include "cocoelements.h"
#include "progress/progresssink.h"
#include <QCoreApplication>

#include <QDir>

namespace Boucle::AnnotationReaders {

using namespace CocoElements;
using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

AnnotationReadResult readCocoResults(const QString &path, const AnnotationReadOptions &options)
{
    AnnotationReadResult result;
    Reporter reporter(result, path, options.listedProblems);
    if (options.cocoGroundTruth.isEmpty()) {
        reporter.problem({}, QCoreApplication::translate(
                                     "Boucle::CocoReader",
                                     "COCO results name images by id only: give the ground-truth "
                                     "COCO file that names them (--coco-gt)"));
        return result;
    }
    GroundTruthIds ids;
    AnnotationReadOptions truthOptions = options;
    truthOptions.progress = nullptr;
    AnnotationReadResult truth = readGroundTruth(options.cocoGroundTruth, truthOptions, &ids);
    if (!truth.isValid()) {
        truth.set = {};
        return truth; // its problems name the ground-truth file
    }
    result.set = std::move(truth.set);
    result.set.kind = AnnotationSet::Kind::Predictions;
    for (AnnotatedImage &image : result.set.images)
        image.objects.clear();

    simdjson::dom::parser parser;
    element root;
    if (!parseFile(path, parser, &root, reporter))
        return result;
    array list;
    if (root.get_array().get(list) != simdjson::SUCCESS) {
        reporter.problem({}, QCoreApplication::translate(
                                     "Boucle::CocoReader",
                                     "COCO results are an array [{\"image_id\", \"category_id\", "
                                     "\"bbox\", \"score\"}, ...], not %1")
                                     .arg(typeName(root)));
        return result;
    }
    const qsizetype total = qsizetype(list.size());
    if (total > maxAnnotations) {
        reporter.problem({},
                         QCoreApplication::translate("Boucle::CocoReader",
                                                     "lists %1 results, more than the limit of %2")
                                 .arg(total)
                                 .arg(maxAnnotations));
        return result;
    }
    qsizetype index = 0;
    for (const element value : list) {
        if (options.progress && index % (1 << 16) == 0) {
            if (options.progress->isCancelled()) {
                result.cancelled = true;
                return result;
            }
            options.progress->progress(
                    index, total,
                    QCoreApplication::translate("Boucle::CocoReader", "Reading COCO results"));
        }
        const Where where {"", index++};
        object entry;
        if (value.get_object().get(entry) != simdjson::SUCCESS) {
            reporter.problem(where.at({}), QCoreApplication::translate("Boucle::CocoReader",
                                                                       "must be an object, not %1")
                                                   .arg(typeName(value)));
            continue;
        }
        element imageValue, categoryValue, bboxValue, scoreValue, segmentationValue, idValue;
        bool hasImage = false, hasCategory = false, hasBox = false, hasScore = false,
             hasSegmentation = false, hasId = false;
        for (const auto field : entry) {
            const std::string_view key = field.key;
            if (key == "image_id") {
                imageValue = field.value;
                hasImage = true;
            } else if (key == "category_id") {
                categoryValue = field.value;
                hasCategory = true;
            } else if (key == "bbox") {
                bboxValue = field.value;
                hasBox = true;
            } else if (key == "score") {
                scoreValue = field.value;
                hasScore = true;
            } else if (key == "segmentation") {
                segmentationValue = field.value;
                hasSegmentation = true;
            } else if (key == "id") {
                idValue = field.value;
                hasId = true;
            }
        }
        if (!hasImage || !hasCategory || !hasScore) {
            reporter.problem(where.at(!hasImage      ? u"image_id"
                                      : !hasCategory ? u"category_id"
                                                     : u"score"),
                             QCoreApplication::translate("Boucle::CocoReader", "is missing"));
            continue;
        }
        if (!hasBox && !hasSegmentation) {
            reporter.problem(where.at({}),
                             QCoreApplication::translate("Boucle::CocoReader",
                                                         "has neither a bbox nor a segmentation"));
            continue;
        }
        qint64 imageId = 0, categoryId = 0, id = 0;
        if (!readInteger(imageValue, where, u"image_id", reporter, &imageId)
            || !readInteger(categoryValue, where, u"category_id", reporter, &categoryId)
            || (hasId && !readInteger(idValue, where, u"id", reporter, &id)))
            continue;
        const auto image = ids.images.constFind(imageId);
        if (image == ids.images.cend()) {
            reporter.problem(
                    where.at(u"image_id"),
                    QCoreApplication::translate("Boucle::CocoReader",
                                                "no image has the id %1 in the ground truth %2")
                            .arg(imageId)
                            .arg(QDir::toNativeSeparators(options.cocoGroundTruth)));
            continue;
        }
        const auto category = ids.categories.constFind(categoryId);
        if (category == ids.categories.cend()) {
            reporter.problem(
                    where.at(u"category_id"),
                    QCoreApplication::translate("Boucle::CocoReader",
                                                "no category has the id %1 in the ground truth %2")
                            .arg(categoryId)
                            .arg(QDir::toNativeSeparators(options.cocoGroundTruth)));
            continue;
        }
        double score = 0;
        if (scoreValue.get_double().get(score) != simdjson::SUCCESS) {
            reporter.problem(
                    where.at(u"score"),
                    QCoreApplication::translate("Boucle::CocoReader", "must be a number, not %1")
                            .arg(typeName(scoreValue)));
            continue;
        }
        if (!(score >= 0.0 && score <= 1.0)) {
            reporter.problem(
                    where.at(u"score"),
                    QCoreApplication::translate("Boucle::CocoReader", "must be from 0 to 1, not %1")
                            .arg(score, 0, 'g', 17));
            continue;
        }
        AnnotatedImage &target = result.set.images[*image];
        Annotation annotation;
        annotation.label = result.set.classes[*category].name;
        annotation.score = score;
        if (hasBox && !readBox(bboxValue, where, target.size, reporter, &annotation.box))
            continue;
        if (hasSegmentation
            && !readSegmentation(segmentationValue, where, target.size, reporter, &annotation))
            continue;
        if (!hasBox) {
            if (annotation.shape == Annotation::Shape::Box) {
                reporter.problem(where.at(u"segmentation"),
                                 QCoreApplication::translate(
                                         "Boucle::CocoReader",
                                         "is empty and there is no bbox: the result has no shape"));
                continue;
            }
            if (annotation.shape == Annotation::Shape::Mask) {
                annotation.box = annotation.mask.bounds();
            } else {
                for (const QPolygonF &part : annotation.polygons)
                    annotation.box |= part.boundingRect();
            }
        }
        target.objects.append(std::move(annotation));
    }
    if (options.progress && !result.cancelled)
        options.progress->progress(
                1, 1, QCoreApplication::translate("Boucle::CocoReader", "Reading COCO results"));
    return result;
}

} // namespace Boucle::AnnotationReaders
