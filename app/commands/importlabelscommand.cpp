// boucle import-labels PROJECT FILE [--format F] [--images DIR] [--author NAME]
#include "argumentparser.h"
#include "interop/outsideimport.h"
#include "projectarguments.h"
#include "terminalprogress.h"

namespace Boucle::Cli {
namespace {

int runImportLabels(CommandContext &context)
{
    const QString name = QStringLiteral("import-labels");
    ArgumentParser parser(
            {QStringLiteral("--author"), QStringLiteral("--format"), QStringLiteral("--images")},
            {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 2)
        return usage(context, name, QStringLiteral("expected PROJECT and FILE"));
    OutsideImportRequest request;
    request.path = parser.positional(1);
    if (parser.isSet(QStringLiteral("--format"))) {
        request.format = InteropFormats::fromName(parser.value(QStringLiteral("--format")));
        if (!request.format || *request.format == InteropFormat::ImageFolder
            || *request.format == InteropFormat::CocoResults)
            return usage(context, name,
                         QStringLiteral("--format must be one of: native (jsonl, csv), coco, "
                                        "yolo, voc, labelstudio, labelme, cvat"));
    }
    request.imagesFolder = parser.value(QStringLiteral("--images"));
    auto store = openProject(parser.positional(0), context);
    if (!store)
        return Failure;
    LabelImporter::Result result;
    {
        TerminalProgress progress(context.err);
        result = OutsideImport::labels(
                *store, request, authorName(parser.value(QStringLiteral("--author"))), &progress);
    }
    if (result.error) {
        // The first problems show what is wrong; thousands of lines would bury the summary.
        constexpr qsizetype shownProblems = 20;
        for (qsizetype i = 0; i < std::min(shownProblems, result.problems.size()); ++i)
            context.err << result.problems.at(i) << '\n';
        if (result.problems.size() > shownProblems)
            context.err << "... " << (result.problems.size() - shownProblems) << " more bad rows\n";
        return fail(context, name, result.error.message);
    }
    context.out << result.rows << " rows, " << result.revisions << " label changes, "
                << result.newSamples << " new samples";
    if (result.missingSamples > 0)
        context.out << " (" << result.missingSamples << " files missing under the data root)";
    context.out << "; not committed yet (boucle commit)\n";
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("import-labels"),
         QStringLiteral("import-labels PROJECT FILE [--format F] [--images DIR] [--author NAME]"),
         QStringLiteral("add existing ground truth: CSV sample,label, JSONL, COCO, YOLO, Pascal "
                        "VOC, Label Studio, labelme, CVAT"),
         runImportLabels});

} // namespace
} // namespace Boucle::Cli
