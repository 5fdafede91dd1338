// OutsideExport: `boucle export` (and File ▸ Export…) in an outside format: the labels of a
// version, or the predictions of a batch, gathered by ExportSet and written by the format's
// AnnotationWriters function, atomically. Same thread as the store.
#pragma once

#include "interopformat.h"
#include "store/projectstore.h"

namespace Boucle {

class ProgressSink;

struct OutsideExportRequest
{
    InteropFormat format = InteropFormat::Coco;
    int version = 0;   // the version whose labels are written, when batch is 0
    BatchId batch = 0; // else the batch whose predictions are written
    QString output;    // a file or a folder, as the format writes
    bool imageFolderAsCsv = false;
};

struct OutsideExportResult
{
    QString error; // empty on success
    int images = 0;
    int objects = 0;
    int skippedNonImages = 0;
    int missingImages = 0;
    bool cancelled = false;

    bool isSuccess() const { return error.isEmpty() && !cancelled; }
    // "wrote 120 images and 845 objects of version 3 as COCO to out.json (2 documents left out)"
    QString summary(const OutsideExportRequest &request) const;
};

namespace OutsideExport {

OutsideExportResult run(const ProjectStore &store, const OutsideExportRequest &request,
                        ProgressSink *progress = nullptr);

} // namespace OutsideExport

} // namespace Boucle
