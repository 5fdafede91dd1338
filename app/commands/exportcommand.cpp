// boucle export PROJECT [--version V | --batch NAME] --format F --out PATH
#include "argumentparser.h"
#include "dataset/datasetexporter.h"
#include "interop/outsideexport.h"
#include "projectarguments.h"
#include "terminalprogress.h"

namespace Boucle::Cli {
namespace {

int runExport(CommandContext &context)
{
    const QString name = QStringLiteral("export");
    ArgumentParser parser({QStringLiteral("--version"), QStringLiteral("--format"),
                           QStringLiteral("--out"), QStringLiteral("--batch")},
                          {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
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
                                        "imagefolder-csv"));
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
    const QString given = parser.value(QStringLiteral("--version"), QStringLiteral("head"));
    int number = store->headVersion();
    if (given != QLatin1String("head")) {
        const auto version = store->findVersion(given);
        if (!version)
            return fail(context, name, unknownVersion(given, store->headVersion()));
        number = version->number;
    }
    if (number == 0)
        return fail(context, name,
                    QStringLiteral("the project has no version yet (boucle commit)"));
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
         QStringLiteral("export PROJECT [--version V | --batch NAME] --format F --out PATH"),
         QStringLiteral("write a version's labels for training (jsonl, csv, coco, yolo, voc, "
                        "labelstudio, labelme, cvat, imagefolder, imagefolder-csv), or a batch's "
                        "predictions (coco-results, labelstudio, ...)"),
         runExport});

} // namespace
} // namespace Boucle::Cli
