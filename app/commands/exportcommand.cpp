// boucle export PROJECT [--version V | --batch NAME] --format F --out PATH
// boucle export PROJECT [--version V] --deidentify --format dicom [--pseudonym-prefix P] OUT
#include "argumentparser.h"
#include "dataset/datasetexporter.h"
#include "interop/deidentifiedexport.h"
#include "interop/outsideexport.h"
#include "projectarguments.h"
#include "terminalprogress.h"

namespace Boucle::Cli {
namespace {

// The version --version names (head by default), or 0 after printing why there is none.
int versionNumber(CommandContext &context, const QString &name, const ArgumentParser &parser,
                  const ProjectStore &store)
{
    const QString given = parser.value(QStringLiteral("--version"), QStringLiteral("head"));
    int number = store.headVersion();
    if (given != QLatin1String("head")) {
        const auto version = store.findVersion(given);
        if (!version) {
            fail(context, name, unknownVersion(given, store.headVersion()));
            return 0;
        }
        number = version->number;
    }
    if (number == 0)
        fail(context, name, QStringLiteral("the project has no version yet (boucle commit)"));
    return number;
}

// --deidentify --format dicom: the version's DICOM samples with the Basic Profile applied.
int runDeidentifiedExport(CommandContext &context, const QString &name,
                          const ArgumentParser &parser, const QString &out)
{
    if (!parser.isSet(QStringLiteral("--deidentify")))
        return usage(context, name,
                     QStringLiteral("--format dicom writes de-identified copies only: add "
                                    "--deidentify"));
    if (parser.value(QStringLiteral("--format")) != QLatin1String("dicom"))
        return usage(context, name,
                     QStringLiteral("--deidentify writes DICOM files: give --format dicom"));
    if (parser.isSet(QStringLiteral("--batch")))
        return usage(context, name,
                     QStringLiteral("--deidentify exports a version's labels, not a batch"));
    auto store = openProject(parser.positional(0), context, ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return Failure;
    DeidentifiedExportRequest request;
    request.version = versionNumber(context, name, parser, *store);
    if (request.version == 0)
        return Failure;
    request.output = out;
    request.pseudonymPrefix
            = parser.value(QStringLiteral("--pseudonym-prefix"), request.pseudonymPrefix);
    DeidentifiedExportResult result;
    {
        TerminalProgress progress(context.err);
        result = DeidentifiedExport::run(*store, request, &progress);
    }
    for (const QString &left : result.leftOut)
        context.err << "left out " << left << '\n';
    for (const QString &warning : result.warnings)
        context.err << "warning: " << warning << '\n';
    if (!result.isSuccess())
        return fail(context, name, result.cancelled ? QStringLiteral("cancelled") : result.error);
    context.err << result.summary(request) << '\n';
    return Success;
}

int runExport(CommandContext &context)
{
    const QString name = QStringLiteral("export");
    ArgumentParser parser({QStringLiteral("--version"), QStringLiteral("--format"),
                           QStringLiteral("--out"), QStringLiteral("--batch"),
                           QStringLiteral("--pseudonym-prefix")},
                          {QStringLiteral("--deidentify")});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.isSet(QStringLiteral("--deidentify"))
        || parser.value(QStringLiteral("--format")) == QLatin1String("dicom")) {
        // The output folder may also follow the project, as in `export P --deidentify ... OUT/`.
        if (parser.positionals().isEmpty() || parser.positionals().size() > 2
            || (parser.positionals().size() == 2 && parser.isSet(QStringLiteral("--out"))))
            return usage(context, name, QStringLiteral("expected PROJECT and one output folder"));
        const QString out = parser.value(QStringLiteral("--out"), parser.positional(1));
        if (out.isEmpty())
            return usage(context, name, QStringLiteral("give the output folder (--out FOLDER)"));
        return runDeidentifiedExport(context, name, parser, out);
    }
    if (parser.isSet(QStringLiteral("--pseudonym-prefix")))
        return usage(context, name, QStringLiteral("--pseudonym-prefix goes with --deidentify"));
    if (parser.positionals().size() != 1)
        return usage(context, name, QStringLiteral("expected one PROJECT"));
    const QString formatName = parser.value(QStringLiteral("--format"), QStringLiteral("jsonl"));
    const auto format = DatasetExporter::formatFromName(formatName);
    OutsideExportRequest outside;
    if (!format) {
        const bool csvFolder = formatName == QLatin1String("imagefolder-csv");
        const auto interop = csvFolder ? std::optional(InteropFormat::ImageFolder)
                                       : InteropFormats::fromName(formatName);
        if (!interop || *interop == InteropFormat::Native)
            return usage(context, name,
                         QStringLiteral("--format must be one of: jsonl, csv, coco, coco-results, "
                                        "yolo, voc, labelstudio, labelme, cvat, imagefolder, "
                                        "imagefolder-csv, dicom (with --deidentify)"));
        outside.format = *interop;
        outside.imageFolderAsCsv = csvFolder;
    }
    const QString out = parser.value(QStringLiteral("--out"));
    if (out.isEmpty())
        return usage(context, name, QStringLiteral("--out FILE is required"));
    auto store = openProject(parser.positional(0), context, ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return Failure;
    const QString batchName = parser.value(QStringLiteral("--batch"));
    if (!batchName.isEmpty()) {
        if (format)
            return usage(context, name,
                         QStringLiteral("--batch writes predictions: give an outside --format "
                                        "(coco-results, labelstudio, yolo, ...)"));
        if (parser.isSet(QStringLiteral("--version")))
            return usage(context, name, QStringLiteral("give --version or --batch, not both"));
        const auto batch = store->batchByName(batchName);
        if (!batch)
            return fail(context, name,
                        QStringLiteral("there is no batch named '%1'").arg(batchName));
        outside.batch = batch->id;
        outside.output = out;
        OutsideExportResult result;
        {
            TerminalProgress progress(context.err);
            result = OutsideExport::run(*store, outside, &progress);
        }
        if (!result.isSuccess())
            return fail(context, name, result.error);
        context.err << result.summary(outside) << '\n';
        return Success;
    }
    const int number = versionNumber(context, name, parser, *store);
    if (number == 0)
        return Failure;
    if (!format) {
        outside.version = number;
        outside.output = out;
        OutsideExportResult result;
        {
            TerminalProgress progress(context.err);
            result = OutsideExport::run(*store, outside, &progress);
        }
        if (!result.isSuccess())
            return fail(context, name, result.error);
        context.err << result.summary(outside) << '\n';
        return Success;
    }
    DatasetExporter exporter(*store);
    int written = 0;
    if (const auto error = exporter.exportVersion(number, *format, out, &written))
        return fail(context, name, error.message);
    context.err << "wrote " << written << " labelled samples of version " << number << " to " << out
                << '\n';
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("export"),
         QStringLiteral("export PROJECT [--version V | --batch NAME] --format F --out PATH "
                        "[--deidentify]"),
         QStringLiteral("write a version's labels for training (jsonl, csv, coco, yolo, voc, "
                        "labelstudio, labelme, cvat, imagefolder, imagefolder-csv), a batch's "
                        "predictions (coco-results, labelstudio, ...), or a version's DICOM "
                        "samples de-identified (DICOM PS3.15 Basic Profile) with their labels"),
         runExport});

} // namespace
} // namespace Boucle::Cli
