// COCO ground truth (cocodataset.org/#format-data) into an AnnotationSet. COCO's bbox
// [x, y, width, height] is already in the set's convention (pixels from the image's top-left
// corner, continuous), so coordinates are taken as they are; what is checked is everything the
// file states about itself. docs/formats/coco.md is the contract.
#include "annotationreader.h"

#include "cocoelements.h"
#include "imagesize.h"
#include "ingest/inputrules.h"
#include "progress/progresssink.h"
#include <QCoreApplication>

#include <QDir>
#include <QFileInfo>

namespace Boucle {

namespace CocoElements {

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

constexpr qsizetype progressStep = 1 << 16;

bool asObject(const element &value, const Where &where, Reporter &reporter, object *out)
{
    if (value.get_object().get(*out) == simdjson::SUCCESS)
        return true;
    reporter.problem(where.at({}),
                     QCoreApplication::translate("Boucle::CocoReader", "must be an object, not %1")
                             .arg(typeName(value)));
    return false;
}

bool asString(const element &value, const Where &where, QStringView field, Reporter &reporter,
              QString *out)
{
    std::string_view text;
    if (value.get_string().get(text) != simdjson::SUCCESS) {
        reporter.problem(where.at(field), QCoreApplication::translate("Boucle::CocoReader",
                                                                      "must be a string, not %1")
                                                  .arg(typeName(value)));
        return false;
    }
    *out = fromView(text);
    return true;
}

void missing(const Where &where, const char *field, Reporter &reporter)
{
    reporter.problem(where.at(QString::fromLatin1(field)),
                     QCoreApplication::translate("Boucle::CocoReader", "is missing"));
}

bool readCategories(const array &list, AnnotationSet &set, GroundTruthIds &ids, Reporter &reporter)
{
    if (qsizetype(list.size()) > InputRules::maxClasses) {
        reporter.problem(
                QStringLiteral("categories"),
                QCoreApplication::translate("Boucle::CocoReader",
                                            "lists %1 categories, more than the limit of %2")
                        .arg(list.size())
                        .arg(InputRules::maxClasses));
        return false;
    }
    QHash<QString, qsizetype> names;
    qsizetype index = 0;
    for (const element value : list) {
        const Where where {"categories", index++};
        object entry;
        if (!asObject(value, where, reporter, &entry))
            continue;
        AnnotationClass category;
        qint64 id = 0;
        bool hasId = false, hasName = false, ok = true;
        for (const auto field : entry) {
            if (field.key == "id") {
                hasId = true;
                ok = readInteger(field.value, where, u"id", reporter, &id, 0,
                                 std::numeric_limits<int>::max())
                     && ok;
            } else if (field.key == "name") {
                hasName = true;
                ok = asString(field.value, where, u"name", reporter, &category.name) && ok;
            } else if (field.key == "supercategory") {
                ok = asString(field.value, where, u"supercategory", reporter,
                              &category.supercategory)
                     && ok;
            }
        }
        if (!hasId)
            missing(where, "id", reporter);
        if (!hasName)
            missing(where, "name", reporter);
        if (!ok || !hasId || !hasName)
            continue;
        const QString nameProblem = InputRules::classNameProblem(category.name);
        if (!nameProblem.isEmpty()) {
            reporter.problem(where.at(u"name"), nameProblem);
            continue;
        }
        if (const auto seen = ids.categories.constFind(id); seen != ids.categories.cend()) {
            reporter.problem(
                    where.at(u"id"),
                    QCoreApplication::translate("Boucle::CocoReader",
                                                "the category id %1 is already categories[%2]")
                            .arg(id)
                            .arg(*seen));
            continue;
        }
        if (const auto seen = names.constFind(category.name); seen != names.cend()) {
            reporter.problem(
                    where.at(u"name"),
                    QCoreApplication::translate("Boucle::CocoReader",
                                                "the category name '%1' is already categories[%2]")
                            .arg(category.name)
                            .arg(*seen));
            continue;
        }
        category.id = int(id);
        ids.categories.insert(id, set.classes.size());
        names.insert(category.name, where.index);
        set.classes.append(std::move(category));
    }
    return !reporter.hasProblems();
}

// The displayed size of the image file, when it exists and can be read; invalid otherwise (the
// importer reports missing files).
QSize sizeOnDisk(const QString &folder, const QString &name, const AnnotationReadOptions &options)
{
    QString error;
    if (options.imageSize)
        return options.imageSize(name, &error);
    const QString file = QDir(folder).filePath(name);
    if (!QFileInfo(file).isFile())
        return {};
    return imageDisplayedSize(file, &error);
}

void readImages(const array &list, const QString &folder, const AnnotationReadOptions &options,
                AnnotationSet &set, GroundTruthIds &ids, Reporter &reporter)
{
    if (qsizetype(list.size()) > maxImages) {
        reporter.problem(QStringLiteral("images"),
                         QCoreApplication::translate("Boucle::CocoReader",
                                                     "lists %1 images, more than the limit of %2")
                                 .arg(list.size())
                                 .arg(maxImages));
        return;
    }
    set.images.reserve(qsizetype(list.size()));
    ids.images.reserve(qsizetype(list.size()));
    QHash<QString, qsizetype> paths;
    paths.reserve(qsizetype(list.size()));
    qsizetype index = 0;
    for (const element value : list) {
        const Where where {"images", index++};
        object entry;
        if (!asObject(value, where, reporter, &entry))
            continue;
        AnnotatedImage image;
        qint64 id = 0, width = 0, height = 0;
        bool hasId = false, hasName = false, hasWidth = false, hasHeight = false, ok = true;
        for (const auto field : entry) {
            if (field.key == "id") {
                hasId = true;
                ok = readInteger(field.value, where, u"id", reporter, &id) && ok;
            } else if (field.key == "file_name") {
                hasName = true;
                ok = asString(field.value, where, u"file_name", reporter, &image.path) && ok;
            } else if (field.key == "width") {
                hasWidth = true;
                ok = readInteger(field.value, where, u"width", reporter, &width, 1, maxImageSide)
                     && ok;
            } else if (field.key == "height") {
                hasHeight = true;
                ok = readInteger(field.value, where, u"height", reporter, &height, 1, maxImageSide)
                     && ok;
            } else {
                // license, coco_url, flickr_url, date_captured, ...: kept for the writer.
                std::string_view text;
                double number = 0;
                bool flag = false;
                if (field.value.get_string().get(text) == simdjson::SUCCESS)
                    image.attributes.insert(fromView(field.key), fromView(text));
                else if (field.value.get_double().get(number) == simdjson::SUCCESS)
                    image.attributes.insert(fromView(field.key), number);
                else if (field.value.get_bool().get(flag) == simdjson::SUCCESS)
                    image.attributes.insert(fromView(field.key), flag);
            }
        }
        if (!hasId)
            missing(where, "id", reporter);
        if (!hasName)
            missing(where, "file_name", reporter);
        if (!hasWidth)
            missing(where, "width", reporter);
        if (!hasHeight)
            missing(where, "height", reporter);
        if (!ok || !hasId || !hasName || !hasWidth || !hasHeight)
            continue;
        if (image.path.isEmpty() || image.path.size() > InputRules::maxPathBytes) {
            reporter.problem(where.at(u"file_name"),
                             image.path.isEmpty()
                                     ? QCoreApplication::translate("Boucle::CocoReader", "is empty")
                                     : QCoreApplication::translate("Boucle::CocoReader",
                                                                   "is longer than %1 characters")
                                               .arg(InputRules::maxPathBytes));
            continue;
        }
        if (const auto seen = ids.images.constFind(id); seen != ids.images.cend()) {
            reporter.problem(where.at(u"id"),
                             QCoreApplication::translate("Boucle::CocoReader",
                                                         "the image id %1 is already %2")
                                     .arg(id)
                                     .arg(set.images[*seen].originField));
            continue;
        }
        if (const auto seen = paths.constFind(image.path); seen != paths.cend()) {
            reporter.problem(
                    where.at(u"file_name"),
                    QCoreApplication::translate("Boucle::CocoReader", "'%1' is already images[%2]")
                            .arg(image.path)
                            .arg(*seen));
            continue;
        }
        image.size = QSize(int(width), int(height));
        const QSize displayed = sizeOnDisk(folder, image.path, options);
        if (displayed.isValid() && displayed != image.size) {
            reporter.problem(
                    where.at({}),
                    displayed == image.size.transposed()
                            ? QCoreApplication::translate(
                                      "Boucle::CocoReader",
                                      "states %1×%2 but '%3' is displayed %4×%5 (its EXIF "
                                      "orientation turns it): the coordinates may refer to the "
                                      "stored pixels; give the displayed size and coordinates")
                                      .arg(width)
                                      .arg(height)
                                      .arg(image.path)
                                      .arg(displayed.width())
                                      .arg(displayed.height())
                            : QCoreApplication::translate("Boucle::CocoReader",
                                                          "states %1×%2 but '%3' is %4×%5 pixels")
                                      .arg(width)
                                      .arg(height)
                                      .arg(image.path)
                                      .arg(displayed.width())
                                      .arg(displayed.height()));
            continue;
        }
        image.attributes.insert(QStringLiteral("id"), id);
        image.originFile = reporter.file();
        image.originField = where.at({});
        paths.insert(image.path, where.index);
        ids.images.insert(id, set.images.size());
        set.images.append(std::move(image));
    }
}

bool readAnnotations(const array &list, AnnotationSet &set, const GroundTruthIds &ids,
                     const AnnotationReadOptions &options, Reporter &reporter,
                     AnnotationReadResult &result)
{
    const qsizetype total = qsizetype(list.size());
    if (total > maxAnnotations) {
        reporter.problem(
                QStringLiteral("annotations"),
                QCoreApplication::translate("Boucle::CocoReader",
                                            "lists %1 annotations, more than the limit of %2")
                        .arg(total)
                        .arg(maxAnnotations));
        return false;
    }
    QHash<qint64, qsizetype> seenIds;
    seenIds.reserve(total);
    qsizetype index = 0;
    for (const element value : list) {
        if (options.progress && index % progressStep == 0) {
            if (options.progress->isCancelled()) {
                result.cancelled = true;
                return false;
            }
            options.progress->progress(
                    index, total,
                    QCoreApplication::translate("Boucle::CocoReader", "Reading COCO annotations"));
        }
        const Where where {"annotations", index++};
        object entry;
        if (!asObject(value, where, reporter, &entry))
            continue;
        element idValue, imageValue, categoryValue, bboxValue, segmentationValue, crowdValue,
                areaValue;
        bool hasId = false, hasImage = false, hasCategory = false, hasBox = false,
             hasSegmentation = false, hasCrowd = false, hasArea = false;
        for (const auto field : entry) {
            const std::string_view key = field.key;
            if (key == "id") {
                idValue = field.value;
                hasId = true;
            } else if (key == "image_id") {
                imageValue = field.value;
                hasImage = true;
            } else if (key == "category_id") {
                categoryValue = field.value;
                hasCategory = true;
            } else if (key == "bbox") {
                bboxValue = field.value;
                hasBox = true;
            } else if (key == "segmentation") {
                segmentationValue = field.value;
                hasSegmentation = true;
            } else if (key == "iscrowd") {
                crowdValue = field.value;
                hasCrowd = true;
            } else if (key == "area") {
                areaValue = field.value;
                hasArea = true;
            }
        }
        if (!hasId || !hasImage || !hasCategory) {
            missing(where, !hasId ? "id" : !hasImage ? "image_id" : "category_id", reporter);
            continue;
        }
        if (!hasBox && !hasSegmentation) {
            reporter.problem(where.at({}),
                             QCoreApplication::translate("Boucle::CocoReader",
                                                         "has neither a bbox nor a segmentation"));
            continue;
        }
        qint64 id = 0, imageId = 0, categoryId = 0;
        if (!readInteger(idValue, where, u"id", reporter, &id)
            || !readInteger(imageValue, where, u"image_id", reporter, &imageId)
            || !readInteger(categoryValue, where, u"category_id", reporter, &categoryId))
            continue;
        const auto image = ids.images.constFind(imageId);
        if (image == ids.images.cend()) {
            reporter.problem(where.at(u"image_id"),
                             QCoreApplication::translate("Boucle::CocoReader",
                                                         "no image has the id %1 in \"images\"")
                                     .arg(imageId));
            continue;
        }
        const auto category = ids.categories.constFind(categoryId);
        if (category == ids.categories.cend()) {
            reporter.problem(
                    where.at(u"category_id"),
                    QCoreApplication::translate("Boucle::CocoReader",
                                                "no category has the id %1 in \"categories\"")
                            .arg(categoryId));
            continue;
        }
        if (const auto seen = seenIds.constFind(id); seen != seenIds.cend()) {
            reporter.problem(
                    where.at(u"id"),
                    QCoreApplication::translate("Boucle::CocoReader",
                                                "the annotation id %1 is already annotations[%2]")
                            .arg(id)
                            .arg(*seen));
            continue;
        }
        seenIds.insert(id, where.index);
        AnnotatedImage &target = set.images[*image];
        Annotation annotation;
        annotation.label = set.classes[*category].name;
        if (hasBox && !readBox(bboxValue, where, target.size, reporter, &annotation.box))
            continue;
        if (hasSegmentation
            && !readSegmentation(segmentationValue, where, target.size, reporter, &annotation))
            continue;
        if (!hasBox) {
            if (annotation.shape == Annotation::Shape::Box) {
                reporter.problem(
                        where.at(u"segmentation"),
                        QCoreApplication::translate(
                                "Boucle::CocoReader",
                                "is empty and there is no bbox: the annotation has no shape"));
                continue;
            }
            annotation.box
                    = annotation.shape == Annotation::Shape::Mask ? annotation.mask.bounds() : [&] {
                          QRectF box;
                          for (const QPolygonF &part : annotation.polygons)
                              box |= part.boundingRect();
                          return box;
                      }();
        }
        if (hasCrowd) {
            qint64 crowd = 0;
            bool flag = false;
            if (crowdValue.get_bool().get(flag) == simdjson::SUCCESS)
                crowd = flag ? 1 : 0;
            else if (!readInteger(crowdValue, where, u"iscrowd", reporter, &crowd, 0, 1))
                continue;
            annotation.crowd = crowd == 1;
        }
        if (hasArea) {
            double area = 0;
            if (areaValue.get_double().get(area) != simdjson::SUCCESS || !(area >= 0)) {
                reporter.problem(
                        where.at(u"area"),
                        QCoreApplication::translate("Boucle::CocoReader",
                                                    "must be a number of at least 0, not %1")
                                .arg(areaValue.is_number() ? QString::number(area)
                                                           : typeName(areaValue)));
                continue;
            }
        }
        annotation.attributes.insert(QStringLiteral("id"), id);
        target.objects.append(std::move(annotation));
    }
    return true;
}

} // namespace

AnnotationReadResult readGroundTruth(const QString &path, const AnnotationReadOptions &options,
                                     GroundTruthIds *ids)
{
    AnnotationReadResult result;
    result.set.kind = AnnotationSet::Kind::GroundTruth;
    Reporter reporter(result, path, options.listedProblems);
    simdjson::dom::parser parser;
    element root;
    if (!parseFile(path, parser, &root, reporter))
        return result;
    object top;
    if (root.get_object().get(top) != simdjson::SUCCESS) {
        reporter.problem({}, QCoreApplication::translate(
                                     "Boucle::CocoReader",
                                     "a COCO file is an object {\"images\", \"annotations\", "
                                     "\"categories\"}, not %1")
                                     .arg(typeName(root)));
        return result;
    }
    element images, annotations, categories;
    bool hasImages = false, hasAnnotations = false, hasCategories = false;
    for (const auto field : top) {
        if (field.key == "images") {
            images = field.value;
            hasImages = true;
        } else if (field.key == "annotations") {
            annotations = field.value;
            hasAnnotations = true;
        } else if (field.key == "categories") {
            categories = field.value;
            hasCategories = true;
        }
    }
    if (!hasImages || !hasCategories) {
        reporter.problem(QString::fromLatin1(hasImages ? "categories" : "images"),
                         QCoreApplication::translate(
                                 "Boucle::CocoReader",
                                 "is missing: a COCO file lists its images and its categories"));
        return result;
    }
    array imageList, annotationList, categoryList;
    if (categories.get_array().get(categoryList) != simdjson::SUCCESS) {
        reporter.problem(
                QStringLiteral("categories"),
                QCoreApplication::translate("Boucle::CocoReader", "must be an array, not %1")
                        .arg(typeName(categories)));
        return result;
    }
    if (images.get_array().get(imageList) != simdjson::SUCCESS) {
        reporter.problem(
                QStringLiteral("images"),
                QCoreApplication::translate("Boucle::CocoReader", "must be an array, not %1")
                        .arg(typeName(images)));
        return result;
    }
    if (hasAnnotations && annotations.get_array().get(annotationList) != simdjson::SUCCESS) {
        reporter.problem(
                QStringLiteral("annotations"),
                QCoreApplication::translate("Boucle::CocoReader", "must be an array, not %1")
                        .arg(typeName(annotations)));
        return result;
    }
    if (!readCategories(categoryList, result.set, *ids, reporter))
        return result;
    const QString folder = options.imagesFolder.isEmpty() ? QFileInfo(path).absolutePath()
                                                          : options.imagesFolder;
    readImages(imageList, folder, options, result.set, *ids, reporter);
    if (reporter.hasProblems())
        return result; // annotations would only repeat "no image has the id"
    if (hasAnnotations)
        readAnnotations(annotationList, result.set, *ids, options, reporter, result);
    if (options.progress && !result.cancelled)
        options.progress->progress(
                1, 1,
                QCoreApplication::translate("Boucle::CocoReader", "Reading COCO annotations"));
    return result;
}

} // namespace CocoElements

namespace AnnotationReaders {

AnnotationReadResult readCoco(const QString &path, const AnnotationReadOptions &options)
{
    CocoElements::GroundTruthIds ids;
    return CocoElements::readGroundTruth(path, options, &ids);
}

} // namespace AnnotationReaders
} // namespace Boucle
