// boucle adjudication PROJECT [--second] [--format text|json]
// The adjudication queue (or, with --second, the items waiting for a second answer): one line
// per item with the answers given so far. Answers waiting for a second reviewer are not printed,
// only counted, so the queue can be shared without unblinding anyone.
#include "argumentparser.h"
#include "projectarguments.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Boucle::Cli {
namespace {

int runAdjudication(CommandContext &context)
{
    const QString name = QStringLiteral("adjudication");
    ArgumentParser parser({QStringLiteral("--format")}, {QStringLiteral("--second")});
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
    const bool second = parser.isSet(QStringLiteral("--second"));
    const ReviewStage stage = second ? ReviewStage::AwaitingSecond : ReviewStage::Adjudication;
    const auto items = store->itemsAtStage(stage);

    QHash<BatchId, QString> batchNames;
    for (const auto &batch : store->batches())
        batchNames.insert(batch.id, batch.name);
    QJsonArray array;
    if (!json) {
        if (items.isEmpty())
            context.out << (second ? "no item waits for a second review\n"
                                   : "the adjudication queue is empty\n");
    }
    for (const auto &item : items) {
        const ReviewRound round = store->reviewRound(item.id);
        const auto sample = store->sample(item.sampleId);
        const QString path = sample ? sample->path : QString::number(item.sampleId);
        const QString batch = batchNames.value(item.batchId);
        QJsonArray answers;
        QStringList described;
        if (!second) {
            for (const auto &answer : round.answers) {
                answers.append(QJsonObject {
                        {QStringLiteral("reviewer"), answer.reviewer},
                        {QStringLiteral("role"), reviewRoleName(answer.role)},
                        {QStringLiteral("action"), reviewActionName(answer.action)},
                        {QStringLiteral("label"), answer.label},
                        {QStringLiteral("comment"), answer.comment},
                });
                QString text = QStringLiteral("%1 %2").arg(answer.reviewer,
                                                           reviewActionName(answer.action));
                if (!answer.label.isEmpty())
                    text += QStringLiteral(" %1").arg(answer.label);
                described.append(text);
            }
        }
        if (json) {
            QJsonObject line {{QStringLiteral("batch"), batch},
                              {QStringLiteral("position"), item.position + 1},
                              {QStringLiteral("sample"), path},
                              {QStringLiteral("answers"), int(round.answers.size())}};
            if (!second)
                line.insert(QStringLiteral("given"), answers);
            array.append(line);
            continue;
        }
        context.out << QStringLiteral("%1 #%2 %3 — %4\n")
                               .arg(batch)
                               .arg(item.position + 1)
                               .arg(path,
                                    second ? QStringLiteral("%1 answer(s) hidden until the second "
                                                            "review")
                                                     .arg(round.answers.size())
                                           : described.join(QStringLiteral("; ")));
    }
    if (json)
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("adjudication"),
         QStringLiteral("adjudication PROJECT [--second] [--format text|json]"),
         QStringLiteral("list the adjudication queue (or the items awaiting a second review)"),
         runAdjudication});

} // namespace
} // namespace Boucle::Cli
