// boucle import-labels PROJECT FILE [--author NAME]
#include "argumentparser.h"
#include "dataset/labelimporter.h"
#include "projectarguments.h"

namespace Boucle::Cli {
namespace {

int runImportLabels(CommandContext &context)
{
    const QString name = QStringLiteral("import-labels");
    ArgumentParser parser({QStringLiteral("--author")}, {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 2)
        return usage(context, name, QStringLiteral("expected PROJECT and FILE"));
    auto store = openProject(parser.positional(0), context);
    if (!store)
        return Failure;
    LabelImporter importer(*store);
    const auto result = importer.importFile(parser.positional(1),
                                            authorName(parser.value(QStringLiteral("--author"))));
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
         QStringLiteral("import-labels PROJECT FILE [--author NAME]"),
         QStringLiteral("add existing ground truth (CSV sample,label or JSONL)"), runImportLabels});

} // namespace
} // namespace Boucle::Cli
