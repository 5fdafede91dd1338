// ExportSet: what an export in an outside format holds, gathered from a project: the labels of
// one dataset version (ground truth for the next training run), or the predictions of one
// batch's items (pre-annotations for another tool, e.g. flagged samples sent to Label Studio).
// Images only: documents and feature rows are counted and left out. Sizes are those of the images
// as displayed, read from their headers (the stored size is used for a file that is missing).
// Same thread as the store.
#pragma once

#include "annotationset.h"
#include "interopformat.h"
#include "store/projectstore.h"

namespace Boucle {

class ProgressSink;

struct ExportSet
{
    AnnotationSet set;
    int skippedNonImages = 0; // documents and feature rows, which these formats cannot hold
    int missingImages = 0;    // files not found: their stored size is used
    QString error;            // set when nothing can be exported

    static ExportSet forVersion(const ProjectStore &store, int version, InteropFormat format,
                                ProgressSink *progress = nullptr);
    static ExportSet forBatch(const ProjectStore &store, BatchId batch, InteropFormat format,
                              ProgressSink *progress = nullptr);
};

} // namespace Boucle
