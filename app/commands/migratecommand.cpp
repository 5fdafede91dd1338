// boucle migrate SOURCE TARGET
//
// Copies a project with its whole history (samples, predictions, batches, reviews, label
// revisions, versions, the audit chain) to a new place: a project file to a PostgreSQL server
// project for a team, or a server project back to a file for an offline snapshot. Each of SOURCE
// and TARGET is a file path or a postgresql:// address; TARGET must not exist yet. The copy is
// verified and its audit chain compared with the source's before the command succeeds; on any
// failure nothing is left at TARGET. The source is only read.
#include "argumentparser.h"
#include "projectarguments.h"
#include "store/projectlocation.h"

namespace Boucle::Cli {
namespace {

int runMigrate(CommandContext &context)
{
    const QString name = QStringLiteral("migrate");
    ArgumentParser parser({}, {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 2)
        return usage(context, name, QStringLiteral("expected SOURCE and TARGET"));
    const auto target = ProjectLocation::parse(parser.positional(1));
    if (target.isError())
        return fail(context, name, target.error.message);
    auto store = openProject(parser.positional(0), context, ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return Failure;
    qint64 rows = 0;
    auto error = store->copyTo(target.value, &rows);
    for (int attempt = 0;
         error && attempt < 3 && askServerPassword(parser.positional(1), error, context); ++attempt)
        error = store->copyTo(target.value, &rows);
    if (error)
        return fail(context, name, error.message);
    context.out << "copied " << rows << " rows from " << store->path() << " to "
                << target.value.displayText()
                << "; the copy verifies and holds every entry of the source's audit chain\n";
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("migrate"), QStringLiteral("migrate SOURCE TARGET"),
         QStringLiteral("copy a project with its whole history to a new file or PostgreSQL "
                        "server project (postgresql://...), and verify the copy"),
         runMigrate});

} // namespace
} // namespace Boucle::Cli
