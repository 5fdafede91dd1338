// OutsideImport: `boucle import` and `import-labels` (and File ▸ Import…) for every format: a
// native log goes to LogImporter / LabelImporter as before; an outside format is read by its
// AnnotationReaders function and stored through the same importers, so it obeys the same rules
// (data root, file rule, all or nothing, audit). Predictions must carry scores and ground truth
// must not: each file is refused by the other command with a sentence saying which to use.
// Same thread as the store.
#pragma once

#include "dataset/labelimporter.h"
#include "ingest/logimporter.h"
#include "interopformat.h"

#include <optional>

namespace Boucle {

class ProgressSink;

struct OutsideImportRequest
{
    QString path;                        // a file, or a folder (YOLO, VOC, labelme)
    std::optional<InteropFormat> format; // nullopt: recognised from the file
    QString imagesFolder;                // where the file's image paths start; empty: beside it
    QString cocoGroundTruth;             // COCO results: the ground truth naming the images
    QString model;                       // name@version for formats that name no model
};

namespace OutsideImport {

// The request's format, given or recognised; nullopt with *error set.
std::optional<InteropFormat> formatOf(const OutsideImportRequest &request, QString *error);

ImportReport predictions(ProjectStore &store, const ImportOptions &options,
                         const OutsideImportRequest &request, ProgressSink *progress = nullptr);

LabelImporter::Result labels(ProjectStore &store, const OutsideImportRequest &request,
                             const QString &author, ProgressSink *progress = nullptr);

} // namespace OutsideImport

} // namespace Boucle
