// boucle leases PROJECT [--format text|json]
// boucle leases PROJECT take-over ITEM --reason TEXT [--author NAME]
//
// Lists who holds which item now; a lead frees an item another reviewer holds (a window left
// open, a colleague gone home) so the team gets it again. Freeing is a steal followed by a
// release: the store refuses anyone who is not a lead, and the audit keeps the lead, the
// previous holder and the reason.
#include "argumentparser.h"
#include "projectarguments.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Boucle::Cli {
namespace {

QString passName(LeasePass pass)
{
    switch (pass) {
    case LeasePass::First:
        return QStringLiteral("first");
    case LeasePass::Second:
        return QStringLiteral("second");
    case LeasePass::Adjudication:
        return QStringLiteral("adjudication");
    }
    return QStringLiteral("first");
}

// "batch 'night' item 12", from the item's id.
QString itemText(const ProjectStore &store, BatchItemId itemId)
{
    const auto item = store.batchItem(itemId);
    if (!item)
        return QStringLiteral("item %1").arg(itemId);
    const auto batch = store.batch(item->batchId);
    return QStringLiteral("batch '%1' item %2")
            .arg(batch ? batch->name : QString::number(item->batchId))
            .arg(item->position + 1);
}

int listLeases(CommandContext &context, const QString &name, ProjectStore &store, bool json)
{
    const auto leases = store.liveLeases();
    if (leases.isError())
        return fail(context, name, leases.error.message);
    if (json) {
        QJsonArray array;
        for (const auto &lease : leases.value)
            array.append(QJsonObject {
                    {QStringLiteral("item"), lease.itemId},
                    {QStringLiteral("where"), itemText(store, lease.itemId)},
                    {QStringLiteral("pass"), passName(lease.pass)},
                    {QStringLiteral("holder"), lease.holder},
                    {QStringLiteral("since"), lease.acquiredAt.toString(Qt::ISODateWithMs)},
                    {QStringLiteral("expires"), lease.expiresAt.toString(Qt::ISODateWithMs)},
            });
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Success;
    }
    if (leases.value.isEmpty()) {
        context.out << "nobody holds an item now\n";
        return Success;
    }
    context.out << QStringLiteral("%1 %2 %3 %4 %5\n")
                           .arg(QStringLiteral("ITEM").rightJustified(8),
                                QStringLiteral("PASS").leftJustified(12),
                                QStringLiteral("HOLDER").leftJustified(16),
                                QStringLiteral("EXPIRES").leftJustified(20),
                                QStringLiteral("WHERE"));
    for (const auto &lease : leases.value)
        context.out << QStringLiteral("%1 %2 %3 %4 %5\n")
                               .arg(lease.itemId, 8)
                               .arg(passName(lease.pass).leftJustified(12),
                                    lease.holder.leftJustified(16),
                                    lease.expiresAt.toString(Qt::ISODate).leftJustified(20),
                                    itemText(store, lease.itemId));
    return Success;
}

int runLeases(CommandContext &context)
{
    const QString name = QStringLiteral("leases");
    ArgumentParser parser(
            {QStringLiteral("--format"), QStringLiteral("--reason"), QStringLiteral("--author")},
            {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    const auto &positionals = parser.positionals();
    if (positionals.size() == 1) {
        bool json = false;
        if (!readTextOrJson(context, name, parser, &json))
            return UsageError;
        auto store = openProject(positionals.at(0), context, ProjectStore::OpenMode::ReadOnly);
        if (!store)
            return Failure;
        return listLeases(context, name, *store, json);
    }
    if (positionals.size() != 3 || positionals.at(1) != QLatin1String("take-over"))
        return usage(context, name, QStringLiteral("expected PROJECT, or PROJECT take-over ITEM"));
    bool isNumber = false;
    const BatchItemId itemId = positionals.at(2).toLongLong(&isNumber);
    if (!isNumber || itemId <= 0)
        return usage(context, name,
                     QStringLiteral("ITEM is the number `boucle leases` lists, not '%1'")
                             .arg(positionals.at(2)));
    const QString reason = parser.value(QStringLiteral("--reason")).trimmed();
    if (reason.isEmpty())
        return usage(context, name,
                     QStringLiteral("--reason is required: it is kept in the audit"));
    auto store = openProject(positionals.at(0), context);
    if (!store)
        return Failure;
    const auto before = store->currentLease(itemId);
    const QDateTime now = store->now();
    if (!before || !before->isLiveAt(now))
        return fail(context, name,
                    QStringLiteral("nobody holds item %1 (%2): there is nothing to take over")
                            .arg(itemId)
                            .arg(itemText(*store, itemId)));
    const QString lead = authorName(parser.value(QStringLiteral("--author")));
    const auto taken = store->stealLease(itemId, lead, reason);
    if (taken.isError())
        return fail(context, name, taken.error.message);
    if (const auto error = store->releaseLease(itemId))
        return fail(context, name, error.message);
    context.out << QStringLiteral("%1: taken from %2 (held since %3) by %4 and given back to the "
                                  "team; the audit keeps the reason\n")
                           .arg(itemText(*store, itemId), before->holder,
                                before->acquiredAt.toString(Qt::ISODate), lead);
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("leases"),
         QStringLiteral("leases PROJECT [--format text|json] | leases PROJECT take-over ITEM "
                        "--reason TEXT [--author NAME]"),
         QStringLiteral("list who holds which item now; a lead frees an item another reviewer "
                        "holds (audited)"),
         runLeases});

} // namespace
} // namespace Boucle::Cli
