// boucle batches PROJECT [--format text|json]
#include "argumentparser.h"
#include "projectarguments.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Boucle::Cli {
namespace {

int runBatches(CommandContext &context)
{
    const QString name = QStringLiteral("batches");
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
    const auto batches = store->batches();
    if (json) {
        QJsonArray array;
        for (const auto &batch : batches)
            array.append(QJsonObject {
                    {QStringLiteral("name"), batch.name},
                    {QStringLiteral("items"), batch.itemCount},
                    {QStringLiteral("decided"), batch.decidedCount},
                    {QStringLiteral("source"), batch.source},
                    {QStringLiteral("created_at"), batch.createdAt.toString(Qt::ISODate)},
                    {QStringLiteral("created_by"), batch.createdBy},
            });
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Success;
    }
    if (batches.isEmpty()) {
        context.out << "no batches yet (boucle flag, or boucle import --batch)\n";
        return Success;
    }
    context.out << QStringLiteral("%1 %2 %3 %4 %5\n")
                           .arg(QStringLiteral("NAME").leftJustified(24),
                                QStringLiteral("ITEMS").rightJustified(7),
                                QStringLiteral("DECIDED").rightJustified(8),
                                QStringLiteral("SOURCE").leftJustified(9),
                                QStringLiteral("CREATED"));
    for (const auto &batch : batches)
        context.out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                               .arg(batch.name.leftJustified(24))
                               .arg(batch.itemCount, 7)
                               .arg(batch.decidedCount, 8)
                               .arg(batch.source.leftJustified(9),
                                    batch.createdAt.toString(Qt::ISODate), batch.createdBy);
    return Success;
}

const CommandRegistration registration({QStringLiteral("batches"),
                                        QStringLiteral("batches PROJECT [--format text|json]"),
                                        QStringLiteral("list the review batches"), runBatches});

} // namespace
} // namespace Boucle::Cli
