#include "outsideimport.h"

#include "annotationpredictionsource.h"
#include "annotationreader.h"
#include "classidmap.h"
#include "store/projectfileidentity.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace Boucle::OutsideImport {

namespace {

// Where the paths of the file's images start when the reader does not say: --images, else the
// folder of the file (or the folder given).
QString defaultImagesFolder(const OutsideImportRequest &request)
{
    if (!request.imagesFolder.isEmpty())
        return QFileInfo(request.imagesFolder).absoluteFilePath();
    const QFileInfo info(request.path);
    return info.isDir() ? info.absoluteFilePath() : info.absolutePath();
}

QString imagesFolderOf(const AnnotationSet &set, const OutsideImportRequest &request)
{
    return set.imagesFolder.isEmpty() ? defaultImagesFolder(request) : set.imagesFolder;
}

} // namespace

std::optional<InteropFormat> formatOf(const OutsideImportRequest &request, QString *error)
{
    if (request.format)
        return request.format;
    return InteropFormats::detect(request.path, error);
}

ImportReport predictions(ProjectStore &store, const ImportOptions &options,
                         const OutsideImportRequest &request, ProgressSink *progress)
{
    LogImporter importer(store);
    importer.setOptions(options);
    QString error;
    const auto format = formatOf(request, &error);
    if (!format) {
        ImportReport report;
        report.logPath = request.path;
        report.error = error;
        return report;
    }
    if (*format == InteropFormat::Native)
        return importer.import(request.path, progress);
    if (*format == InteropFormat::ImageFolder) {
        ImportReport report;
        report.logPath = request.path;
        report.error = QCoreApplication::translate(
                "Boucle::OutsideImport", "ImageFolder is written by boucle export, not read");
        return report;
    }
    if (isProjectDatabaseFile(store.path(), request.path)) {
        ImportReport report;
        report.logPath = request.path;
        report.error
                = QCoreApplication::translate("Boucle::OutsideImport",
                                              "%1 is the project file itself; nothing was imported")
                          .arg(QDir::toNativeSeparators(request.path));
        return report;
    }
    AnnotationPredictionSource::Options sourceOptions;
    sourceOptions.format = *format;
    sourceOptions.dataRoot = store.dataRoot();
    sourceOptions.projectClasses = store.classNames(true);
    sourceOptions.read.imagesFolder = request.imagesFolder.isEmpty()
                                              ? QString()
                                              : QFileInfo(request.imagesFolder).absoluteFilePath();
    sourceOptions.read.cocoGroundTruth = request.cocoGroundTruth;
    sourceOptions.read.progress = progress;
    sourceOptions.model = request.model;
    AnnotationPredictionSource source(sourceOptions);
    ImportReport report = importer.import(source, request.path, progress);
    if (report.isSuccess()) {
        // The numbers the file gave its classes are kept for the next export.
        if (auto recordError = ClassIdMap::record(store, *format, source.set().classes)) {
            report.outcome = ImportReport::Outcome::Failed;
            report.error
                    = QCoreApplication::translate(
                              "Boucle::OutsideImport",
                              "the predictions were imported, but the class numbers of the file "
                              "could not be kept: %1")
                              .arg(recordError.message);
        }
    }
    return report;
}

LabelImporter::Result labels(ProjectStore &store, const OutsideImportRequest &request,
                             const QString &author, ProgressSink *progress)
{
    LabelImporter importer(store);
    LabelImporter::Result result;
    auto refuse = [&result](const QString &message) {
        result.error = StoreError::make(StoreError::Code::InvalidArgument, message);
        return result;
    };
    QString error;
    const auto format = formatOf(request, &error);
    if (!format)
        return refuse(error);
    if (*format == InteropFormat::Native)
        return importer.importFile(request.path, author);
    if (*format == InteropFormat::ImageFolder)
        return refuse(QCoreApplication::translate(
                "Boucle::OutsideImport", "ImageFolder is written by boucle export, not read"));
    if (isProjectDatabaseFile(store.path(), request.path))
        return refuse(
                QCoreApplication::translate("Boucle::OutsideImport",
                                            "%1 is the project file itself; nothing was imported")
                        .arg(QDir::toNativeSeparators(request.path)));
    AnnotationReadOptions readOptions;
    // Empty unless given: each format has its own default (YOLO's images/ beside labels/).
    readOptions.imagesFolder = request.imagesFolder.isEmpty()
                                       ? QString()
                                       : QFileInfo(request.imagesFolder).absoluteFilePath();
    readOptions.cocoGroundTruth = request.cocoGroundTruth;
    readOptions.progress = progress;
    AnnotationReadResult read = AnnotationReaders::read(*format, request.path, readOptions);
    if (read.cancelled)
        return refuse(QCoreApplication::translate("Boucle::OutsideImport",
                                                  "cancelled; nothing was imported"));
    if (!read.isValid()) {
        for (const auto &problem : std::as_const(read.problems))
            result.problems.append(problem.toString());
        return refuse(QCoreApplication::translate("Boucle::OutsideImport",
                                                  "%1 has %n problem(s); nothing was imported",
                                                  nullptr, int(read.problemCount))
                              .arg(QDir::toNativeSeparators(request.path)));
    }
    if (read.set.kind == AnnotationSet::Kind::Predictions)
        return refuse(
                QCoreApplication::translate(
                        "Boucle::OutsideImport",
                        "this %1 file holds predictions (with scores), not ground truth; add it "
                        "with boucle import")
                        .arg(InteropFormats::displayName(*format)));
    const auto classes = read.set.classes;
    const QString imagesFolder = imagesFolderOf(read.set, request);
    return importer.importSet(
            read.set, request.path, imagesFolder, author,
            [&store, format, &classes]() { return ClassIdMap::record(store, *format, classes); });
}

} // namespace Boucle::OutsideImport
