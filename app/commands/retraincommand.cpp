// boucle retrain PROJECT [--batch-size N]
#include "argumentparser.h"
#include "loop/loopturn.h"
#include "projectarguments.h"
#include "terminalprogress.h"

namespace Boucle::Cli {
namespace {

int runRetrain(CommandContext &context)
{
    const QString name = QStringLiteral("retrain");
    ArgumentParser parser({QStringLiteral("--batch-size")}, {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 1)
        return usage(context, name, QStringLiteral("expected one PROJECT"));
    auto store = openProject(parser.positional(0), context);
    if (!store)
        return Failure;
    TerminalProgress progress(context.err);
    const auto result = LoopTurn::run(
            *store, parser.value(QStringLiteral("--batch-size"), QStringLiteral("50")).toInt(),
            &progress);
    progress.finish();
    if (result.error)
        return fail(context, name, result.error.message);
    context.out << result.modelKey << ": held-out accuracy "
                << QString::number(result.accuracy * 100, 'f', 2) << " %, trained on "
                << result.trainedOn << " labels of version " << result.datasetVersion
                << "; flagged '" << result.batchName << "' (" << result.batchItems << " items)\n";
    context.out << "accuracy per loop:\n";
    for (const auto &point : LoopTurn::history(*store))
        context.out << "  " << point.modelKey << "  version " << point.datasetVersion << "  "
                    << point.trainedOn << " labels  "
                    << QString::number(point.accuracy * 100, 'f', 2) << " %\n";
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("retrain"), QStringLiteral("retrain PROJECT [--batch-size N]"),
         QStringLiteral("train on the head version, predict the pool, "
                        "flag the next batch"),
         runRetrain});

} // namespace
} // namespace Boucle::Cli
