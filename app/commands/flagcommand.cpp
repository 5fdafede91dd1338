// boucle flag PROJECT --policy FILE --name NAME [--size N] [--author NAME]
#include "argumentparser.h"
#include "policy/batchbuilder.h"
#include "projectarguments.h"
#include "terminalprogress.h"

namespace Boucle::Cli {
namespace {

int runFlag(CommandContext &context)
{
    const QString name = QStringLiteral("flag");
    ArgumentParser parser({QStringLiteral("--policy"), QStringLiteral("--size"),
                           QStringLiteral("--name"), QStringLiteral("--author")},
                          {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 1)
        return usage(context, name, QStringLiteral("expected one PROJECT"));
    const QString batchName = parser.value(QStringLiteral("--name"));
    if (batchName.trimmed().isEmpty())
        return usage(context, name, QStringLiteral("--name NAME is required"));
    int size = 0;
    if (!readWholeNumber(context, name, parser, QStringLiteral("--size"), 1, &size))
        return UsageError;
    TriggerPolicy policy;
    if (parser.isSet(QStringLiteral("--policy"))) {
        QString error;
        const auto loaded = TriggerPolicy::load(parser.value(QStringLiteral("--policy")), &error);
        if (!loaded)
            return fail(context, name, error);
        policy = *loaded;
    }
    auto store = openProject(parser.positional(0), context);
    if (!store)
        return Failure;

    BatchBuilder builder(*store);
    BatchBuilder::Result result;
    {
        TerminalProgress progress(context.err);
        result = builder.build(policy, batchName, size,
                               authorName(parser.value(QStringLiteral("--author"))), &progress);
    }
    if (result.error)
        return fail(context, name, result.error.message);
    const auto &selection = result.selection;
    context.out << "batch " << result.batch.name << ": " << selection.items.size() << " items ("
                << selection.controls << " control) from " << selection.candidates
                << " flagged among " << selection.eligible << " eligible of " << selection.scored
                << " predictions\n";
    for (auto it = selection.fired.cbegin(); it != selection.fired.cend(); ++it)
        context.out << "  " << it.key() << ": " << it.value() << " fired\n";
    for (const QString &problem : selection.problems)
        context.err << "not scored: " << problem << '\n';
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("flag"), QStringLiteral("flag PROJECT --policy FILE --size N --name NAME"),
         QStringLiteral("build a review batch with the feedback triggers of a policy"), runFlag});

} // namespace
} // namespace Boucle::Cli
