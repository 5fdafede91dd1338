// boucle commit PROJECT -m MESSAGE [--author NAME]
#include "argumentparser.h"
#include "hooks/hookrunner.h"
#include "projectarguments.h"

namespace Boucle::Cli {
namespace {

int runCommit(CommandContext &context)
{
    const QString name = QStringLiteral("commit");
    ArgumentParser parser(
            {QStringLiteral("-m"), QStringLiteral("--message"), QStringLiteral("--author")}, {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 1)
        return usage(context, name, QStringLiteral("expected one PROJECT"));
    const QString message
            = parser.value(QStringLiteral("-m"), parser.value(QStringLiteral("--message")));
    if (message.trimmed().isEmpty())
        return usage(context, name, QStringLiteral("a message is required (-m MESSAGE)"));
    auto store = openProject(parser.positional(0), context);
    if (!store)
        return Failure;
    VersionRecord version;
    if (const auto error = store->commitVersion(
                authorName(parser.value(QStringLiteral("--author"))), message, &version))
        return fail(context, name, error.message);
    context.out << "version " << version.number << ' ' << version.hash.left(12) << ": +"
                << version.added << " ~" << version.changed << " -" << version.removed << ", "
                << version.total << " labelled\n";
    // Kept in the caller's log, the head lets `boucle verify --anchor` tell a cut chain later.
    const auto head = store->auditHead();
    context.out << "audit head: " << head.entries << ' ' << head.hash << '\n';
    context.out.flush();
    // The version is durable: its hook runs now, to the end or its timeout. Whatever the hook
    // does, the commit stands and the exit code says so (docs/hooks.md).
    HookRunner hooks(*store);
    if (const auto run = hooks.runAndWait(HookInvocation::forVersion(*store, version.number)))
        context.err << "hook version_committed: " << hookOutcomeName(run->outcome)
                    << (run->exitCode >= 0 ? QStringLiteral(" (exit %1)").arg(run->exitCode)
                                           : QString())
                    << " in " << QString::number(run->durationMs / 1000.0, 'f', 1)
                    << " s; 'boucle hooks PROJECT --output " << run->id << "' shows its output\n";
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("commit"), QStringLiteral("commit PROJECT -m MESSAGE [--author NAME]"),
         QStringLiteral("make a dataset version of the working labels"), runCommit});

} // namespace
} // namespace Boucle::Cli
