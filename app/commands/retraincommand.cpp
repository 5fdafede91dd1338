// boucle retrain PROJECT [--batch-size N] [--author NAME]
// Commits the working labels first ("before loop N") when they hold changes, then learns from
// the head version; with no new label since the last loop's version it trains nothing.
#include "argumentparser.h"
#include "hooks/hookinvocation.h"
#include "hooks/hookrunner.h"
#include "loop/loopturn.h"
#include "projectarguments.h"
#include "terminalprogress.h"

namespace Boucle::Cli {
namespace {

int runRetrain(CommandContext &context)
{
    const QString name = QStringLiteral("retrain");
    ArgumentParser parser({QStringLiteral("--batch-size"), QStringLiteral("--author")}, {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 1)
        return usage(context, name, QStringLiteral("expected one PROJECT"));
    LoopTurn::Options options;
    if (!readWholeNumber(context, name, parser, QStringLiteral("--batch-size"), 1,
                         &options.batchSize))
        return UsageError;
    options.author = authorName(parser.value(QStringLiteral("--author")));
    auto store = openProject(parser.positional(0), context);
    if (!store)
        return Failure;
    TerminalProgress progress(context.err);
    const auto result = LoopTurn::run(*store, options, &progress);
    progress.finish();
    if (result.committedVersion > 0) {
        // The version is durable whatever happens next: its hook runs as after `boucle commit`.
        HookRunner hooks(*store);
        if (const auto run
            = hooks.runAndWait(HookInvocation::forVersion(*store, result.committedVersion)))
            context.err << "hook version_committed: " << hookOutcomeName(run->outcome)
                        << (run->exitCode >= 0 ? QStringLiteral(" (exit %1)").arg(run->exitCode)
                                               : QString())
                        << "; 'boucle hooks PROJECT --output " << run->id << "' shows its output\n";
    }
    if (result.error)
        return fail(context, name, result.error.message);
    context.out << result.message << '\n';
    context.out << "accuracy per loop:\n";
    for (const auto &point : LoopTurn::history(*store))
        context.out << "  loop " << point.loop << "  " << point.modelKey << "  version "
                    << point.datasetVersion << "  " << point.trainedOn << " labels  "
                    << QString::number(point.accuracy * 100, 'f', 2) << " %\n";
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("retrain"),
         QStringLiteral("retrain PROJECT [--batch-size N] [--author NAME]"),
         QStringLiteral("commit the working labels, train on them, predict the pool, "
                        "flag the next batch"),
         runRetrain});

} // namespace
} // namespace Boucle::Cli
