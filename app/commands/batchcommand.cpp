// boucle batch PROJECT NAME [--format text|json]
#include "argumentparser.h"
#include "projectarguments.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Boucle::Cli {
namespace {

int runBatch(CommandContext &context)
{
    const QString name = QStringLiteral("batch");
    ArgumentParser parser({QStringLiteral("--format")}, {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 2)
        return usage(context, name, QStringLiteral("expected PROJECT and NAME"));
    bool json = false;
    if (!readTextOrJson(context, name, parser, &json))
        return UsageError;
    auto store = openProject(parser.positional(0), context, ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return Failure;
    const auto batch = store->batchByName(parser.positional(1));
    if (!batch)
        return fail(context, name,
                    QStringLiteral("the project has no batch named '%1' (see boucle batches)")
                            .arg(parser.positional(1)));

    QHash<ModelId, QString> modelKeys;
    for (const auto &model : store->models())
        modelKeys.insert(model.id, model.key());
    const auto items = store->batchItems(batch->id);
    QJsonArray array;
    if (!json)
        context.out << "batch " << batch->name << " (" << batch->source << ", " << batch->itemCount
                    << " items, " << batch->decidedCount << " decided)\n";
    for (const auto &item : items) {
        const auto sample = store->sample(item.sampleId);
        const auto prediction
                = item.predictionId ? store->prediction(item.predictionId) : std::nullopt;
        const QString path = sample ? sample->path : QString();
        if (json) {
            QJsonArray reasons;
            for (const auto &reason : item.reasons) {
                QJsonObject one {{QStringLiteral("trigger"), reason.trigger},
                                 {QStringLiteral("score"), reason.score},
                                 {QStringLiteral("reason"), reason.reason}};
                // The trigger's numbers and parameters, for reasons flagged since schema 6.
                if (!reason.details.isEmpty())
                    one.insert(QStringLiteral("details"), reason.details);
                reasons.append(one);
            }
            QJsonObject entry {{QStringLiteral("position"), item.position},
                               {QStringLiteral("sample"), path},
                               {QStringLiteral("priority"), item.priority},
                               {QStringLiteral("control"), item.control},
                               {QStringLiteral("status"), reviewStatusName(item.status)},
                               {QStringLiteral("reasons"), reasons}};
            if (sample && sample->missing)
                entry.insert(QStringLiteral("missing"), true);
            if (prediction)
                entry.insert(QStringLiteral("prediction"),
                             QJsonObject {{QStringLiteral("model"),
                                           modelKeys.value(prediction->modelId)},
                                          {QStringLiteral("label"), prediction->label},
                                          {QStringLiteral("confidence"), prediction->confidence}});
            array.append(entry);
            continue;
        }
        context.out << QStringLiteral("%1. %2").arg(item.position + 1, 4).arg(path);
        if (prediction)
            context.out << "  " << prediction->label << ' '
                        << QString::number(prediction->confidence, 'f', 2);
        if (item.control)
            context.out << "  [control]";
        if (sample && sample->missing)
            context.out << "  [file missing]";
        context.out << "  " << reviewStatusName(item.status) << '\n';
        for (const auto &reason : item.reasons)
            context.out << "        " << reason.trigger << ": " << reason.reason << '\n';
    }
    if (json)
        context.out << QJsonDocument(QJsonObject {{QStringLiteral("name"), batch->name},
                                                  {QStringLiteral("source"), batch->source},
                                                  {QStringLiteral("policy"), batch->policy},
                                                  {QStringLiteral("items"), array}})
                               .toJson(QJsonDocument::Indented);
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("batch"), QStringLiteral("batch PROJECT NAME [--format text|json]"),
         QStringLiteral("print a batch's items with the reasons they were flagged"), runBatch});

} // namespace
} // namespace Boucle::Cli
