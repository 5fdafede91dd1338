// boucle verify PROJECT
#include "argumentparser.h"
#include "projectarguments.h"

namespace Boucle::Cli {
namespace {

int runVerify(CommandContext &context)
{
    const QString name = QStringLiteral("verify");
    ArgumentParser parser({}, {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 1)
        return usage(context, name, QStringLiteral("expected one PROJECT"));
    auto store = openProject(parser.positional(0), context, ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return Failure;
    const auto report = store->verify();
    if (!report.intact) {
        context.err << "boucle verify: " << report.problem << '\n';
        return VerifyFailed;
    }
    context.out << "intact: " << report.auditEntries << " audit entries, " << report.versionsChecked
                << " versions\n";
    return Success;
}

const CommandRegistration registration({QStringLiteral("verify"), QStringLiteral("verify PROJECT"),
                                        QStringLiteral("recompute the audit and version chains"),
                                        runVerify});

} // namespace
} // namespace Boucle::Cli
