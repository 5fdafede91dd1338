// boucle init PROJECT.boucle [--data-root DIR]
#include "argumentparser.h"
#include "projectarguments.h"

namespace Boucle::Cli {
namespace {

int runInit(CommandContext &context)
{
    const QString name = QStringLiteral("init");
    ArgumentParser parser({QStringLiteral("--data-root")}, {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 1)
        return usage(context, name, QStringLiteral("expected one PROJECT.boucle"));
    ProjectStore store;
    const QString dataRoot = parser.value(QStringLiteral("--data-root"));
    auto error = store.create(parser.positional(0), dataRoot);
    for (int attempt = 0;
         error && attempt < 3 && askServerPassword(parser.positional(0), error, context); ++attempt)
        error = store.create(parser.positional(0), dataRoot);
    if (error)
        return fail(context, name, error.message);
    context.out << "created " << store.path() << " (data root " << store.dataRoot() << ")\n";
    return Success;
}

const CommandRegistration registration({QStringLiteral("init"),
                                        QStringLiteral("init PROJECT.boucle [--data-root DIR]"),
                                        QStringLiteral("create a project"), runInit});

} // namespace
} // namespace Boucle::Cli
