#include "auditedrows.h"

#include "storedigest.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace Boucle::AuditedRows {

namespace {

// The columns that make a row what it is. Bookkeeping columns that change by design
// (a revision's version_added/version_closed) are covered by the version chain instead.
QString columnsOf(const QString &table)
{
    if (table == labelRevisions)
        return QStringLiteral("id, sample_id, label_id, objects, author, reason, review_id,"
                              " created_at");
    if (table == reviews)
        return QStringLiteral("id, batch_item_id, sample_id, prediction_id, reviewer, action,"
                              " label_id, blind_label_id, objects, comment, started_at,"
                              " finished_at, revokes_review_id");
    if (table == reviewRoles)
        return QStringLiteral("review_id, role");
    if (table == versions)
        return QStringLiteral("number, parent, hash, author, message, created_at, added, changed,"
                              " removed, total");
    return {};
}

QString keyOf(const QString &table)
{
    if (table == reviewRoles)
        return QStringLiteral("review_id");
    return table == versions ? QStringLiteral("number") : QStringLiteral("id");
}

} // namespace

QByteArray digestOfCurrentRow(const QString &table, const QSqlQuery &query)
{
    StoreDigest digest(table.toLatin1().constData());
    const int count = query.record().count();
    for (int column = 0; column < count; ++column)
        digest.add(query.value(column));
    return digest.bytes();
}

QString selectOneSql(const QString &table)
{
    return QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?")
            .arg(columnsOf(table), table, keyOf(table));
}

QHash<qint64, QByteArray> digestsOf(const QSqlDatabase &db, const QString &table)
{
    QHash<qint64, QByteArray> digests;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM %2").arg(columnsOf(table), table)))
        return digests;
    while (query.next())
        digests.insert(query.value(0).toLongLong(), digestOfCurrentRow(table, query));
    return digests;
}

} // namespace Boucle::AuditedRows
