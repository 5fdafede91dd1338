#include "outsideexport.h"

#include "annotationwriter.h"
#include "exportset.h"
#include "progress/progresssink.h"
#include "store/projectfileidentity.h"

#include <QCoreApplication>
#include <QDir>

namespace Boucle {

namespace { } // namespace

QString OutsideExportResult::summary(const OutsideExportRequest &request) const
{
    QString text
            = request.batch != 0
                      ? QCoreApplication::translate(
                                "Boucle::OutsideExport",
                                "wrote %1 images and %2 predicted objects of the batch as %3 to %4")
                                .arg(images)
                                .arg(objects)
                                .arg(InteropFormats::displayName(request.format),
                                     QDir::toNativeSeparators(request.output))
                      : QCoreApplication::translate(
                                "Boucle::OutsideExport",
                                "wrote %1 images and %2 objects of version %3 as %4 to %5")
                                .arg(images)
                                .arg(objects)
                                .arg(request.version)
                                .arg(InteropFormats::displayName(request.format),
                                     QDir::toNativeSeparators(request.output));
    if (skippedNonImages > 0)
        text += QCoreApplication::translate(
                        "Boucle::OutsideExport",
                        " (%1 documents or feature rows left out: this format holds images)")
                        .arg(skippedNonImages);
    if (missingImages > 0)
        text += QCoreApplication::translate("Boucle::OutsideExport",
                                            " (%1 image files missing: their stored size was used)")
                        .arg(missingImages);
    return text;
}

namespace OutsideExport {

OutsideExportResult run(const ProjectStore &store, const OutsideExportRequest &request,
                        ProgressSink *progress)
{
    OutsideExportResult result;
    if (request.format == InteropFormat::Native) {
        result.error = QCoreApplication::translate(
                "Boucle::OutsideExport", "the native formats are written by DatasetExporter");
        return result;
    }
    if (isProjectDatabaseFile(store.path(), request.output)) {
        result.error = QCoreApplication::translate(
                               "Boucle::OutsideExport",
                               "%1 is the project file or one of its SQLite files; choose another "
                               "output")
                               .arg(QDir::toNativeSeparators(request.output));
        return result;
    }
    ExportSet gathered
            = request.batch != 0
                      ? ExportSet::forBatch(store, request.batch, request.format, progress)
                      : ExportSet::forVersion(store, request.version, request.format, progress);
    result.skippedNonImages = gathered.skippedNonImages;
    result.missingImages = gathered.missingImages;
    if (progress && progress->isCancelled()) {
        result.cancelled = true;
        return result;
    }
    if (!gathered.error.isEmpty()) {
        result.error = gathered.error;
        return result;
    }
    AnnotationWriteOptions options;
    options.imagesFolder = store.dataRoot();
    options.imageFolderAsCsv = request.imageFolderAsCsv;
    options.progress = progress;
    const AnnotationWriteResult written
            = AnnotationWriters::write(request.format, gathered.set, request.output, options);
    result.error = written.error;
    result.cancelled = written.cancelled;
    result.images = written.images;
    result.objects = written.objects;
    return result;
}

} // namespace OutsideExport

} // namespace Boucle
