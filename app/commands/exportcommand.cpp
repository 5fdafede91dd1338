// boucle export PROJECT --version V --format jsonl|csv --out FILE
#include "argumentparser.h"
#include "dataset/datasetexporter.h"
#include "projectarguments.h"

namespace Boucle::Cli {
namespace {

int runExport(CommandContext &context)
{
    const QString name = QStringLiteral("export");
    ArgumentParser parser(
            {QStringLiteral("--version"), QStringLiteral("--format"), QStringLiteral("--out")}, {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 1)
        return usage(context, name, QStringLiteral("expected one PROJECT"));
    const auto format = DatasetExporter::formatFromName(
            parser.value(QStringLiteral("--format"), QStringLiteral("jsonl")));
    if (!format)
        return usage(context, name, QStringLiteral("--format must be jsonl or csv"));
    const QString out = parser.value(QStringLiteral("--out"));
    if (out.isEmpty())
        return usage(context, name, QStringLiteral("--out FILE is required"));
    auto store = openProject(parser.positional(0), context, ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return Failure;
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
         QStringLiteral("export PROJECT --version V --format jsonl|csv --out FILE"),
         QStringLiteral("write a version's labels for training"), runExport});

} // namespace
} // namespace Boucle::Cli
