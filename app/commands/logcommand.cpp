// boucle log PROJECT [--format text|json]
#include "argumentparser.h"
#include "projectarguments.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Boucle::Cli {
namespace {

int runLog(CommandContext &context)
{
    const QString name = QStringLiteral("log");
    ArgumentParser parser({QStringLiteral("--format")}, {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 1)
        return usage(context, name, QStringLiteral("expected one PROJECT"));
    bool json = false;
    if (!readTextOrJson(context, name, parser, &json))
        return UsageError;
    auto store = openProject(parser.positional(0), context, ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return Failure;
    auto versions = store->versions();
    std::reverse(versions.begin(), versions.end());
    if (json) {
        QJsonArray array;
        for (const auto &version : versions) {
            array.append(QJsonObject {
                    {QStringLiteral("version"), version.number},
                    {QStringLiteral("parent"), version.parent},
                    {QStringLiteral("hash"), QString::fromLatin1(version.hash)},
                    {QStringLiteral("author"), version.author},
                    {QStringLiteral("time"), version.createdAt.toString(Qt::ISODateWithMs)},
                    {QStringLiteral("message"), version.message},
                    {QStringLiteral("added"), version.added},
                    {QStringLiteral("changed"), version.changed},
                    {QStringLiteral("removed"), version.removed},
                    {QStringLiteral("total"), version.total}});
        }
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Success;
    }
    const int working = store->workingChangeCount();
    if (working > 0)
        context.out << "working state: " << working << " uncommitted label changes\n\n";
    for (const auto &version : versions) {
        context.out << "version " << version.number << "  " << version.hash << '\n'
                    << "Author: " << version.author << '\n'
                    << "Date:   " << version.createdAt.toString(Qt::ISODate) << '\n'
                    << "Counts: +" << version.added << " ~" << version.changed << " -"
                    << version.removed << ", " << version.total << " labelled\n\n    "
                    << version.message << "\n\n";
    }
    if (versions.isEmpty())
        context.out << "no versions yet\n";
    return Success;
}

const CommandRegistration registration({QStringLiteral("log"),
                                        QStringLiteral("log PROJECT [--format text|json]"),
                                        QStringLiteral("list the dataset's versions, newest first"),
                                        runLog});

} // namespace
} // namespace Boucle::Cli
