// boucle signatures PROJECT [--batch NAME|N] [--format text|json]
//
// The signatures of a project's batches (docs/signatures.md): who signed (printed name and id),
// when (UTC), with which meaning, and the SHA-256 of the decisions signed, oldest first.
#include "argumentparser.h"
#include "batchargument.h"
#include "projectarguments.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Boucle::Cli {
namespace {

int runSignatures(CommandContext &context)
{
    const QString name = QStringLiteral("signatures");
    ArgumentParser parser({QStringLiteral("--format"), QStringLiteral("--batch")}, {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 1)
        return usage(context, name, QStringLiteral("expected PROJECT"));
    bool json = false;
    if (!readTextOrJson(context, name, parser, &json))
        return UsageError;
    auto store = openProject(parser.positional(0), context, ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return Failure;
    BatchId batchId = 0;
    if (parser.isSet(QStringLiteral("--batch"))) {
        QString problem;
        const auto batch = findBatch(*store, parser.value(QStringLiteral("--batch")), &problem);
        if (!batch)
            return fail(context, name, problem);
        batchId = batch->id;
    }
    const auto signatures = store->signatures(batchId);
    if (json) {
        QJsonArray array;
        for (const auto &signature : signatures) {
            const auto batch = store->batch(signature.batchId);
            array.append(QJsonObject {
                    {QStringLiteral("id"), signature.id},
                    {QStringLiteral("batch"), batch ? batch->name : QString()},
                    {QStringLiteral("batch_id"), signature.batchId},
                    {QStringLiteral("signer"), signature.signerId},
                    {QStringLiteral("printed_name"), signature.printedName},
                    {QStringLiteral("meaning"), signatureMeaningName(signature.meaning)},
                    {QStringLiteral("signed_at"), signature.signedAt.toUTC().toString(Qt::ISODate)},
                    {QStringLiteral("content_sha256"),
                     QString::fromLatin1(signature.contentHash)}});
        }
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Success;
    }
    if (signatures.isEmpty()) {
        context.out << "no signatures\n";
        return Success;
    }
    for (const auto &signature : signatures) {
        const auto batch = store->batch(signature.batchId);
        context.out << QStringLiteral("%1  %2  %3 (%4)  batch %5  sha256 %6\n")
                               .arg(signature.signedAt.toUTC().toString(
                                            QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")),
                                    signatureMeaningName(signature.meaning).leftJustified(11),
                                    signature.printedName, signature.signerId,
                                    batch ? batch->name : QString::number(signature.batchId),
                                    QString::fromLatin1(signature.contentHash));
    }
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("signatures"),
         QStringLiteral("signatures PROJECT [--batch NAME|N] [--format text|json]"),
         QStringLiteral("list who signed which batch, when and with which meaning"),
         runSignatures});

} // namespace
} // namespace Boucle::Cli
