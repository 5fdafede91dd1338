// ProjectStore: the leases held now, for a lead's listing (boucle leases). Read-only.
#include "projectstore.h"

#include <QSqlQuery>

namespace Boucle {

StoreResult<QList<ItemLease>> ProjectStore::liveLeases() const
{
    using Result = StoreResult<QList<ItemLease>>;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT batch_item_id, pass, holder, session_id, acquired_ms,"
                                 " expires_ms FROM leases WHERE expires_ms > ?"
                                 " ORDER BY batch_item_id, pass"));
    query.addBindValue(now().toMSecsSinceEpoch());
    if (!query.exec())
        return Result::failure(queryError(query, tr("Reading the leases")));
    QList<ItemLease> leases;
    while (query.next()) {
        ItemLease lease;
        lease.itemId = query.value(0).toLongLong();
        lease.pass = LeasePass(query.value(1).toInt());
        lease.holder = query.value(2).toString();
        lease.session = query.value(3).toString();
        lease.acquiredAt = QDateTime::fromMSecsSinceEpoch(query.value(4).toLongLong(), Qt::UTC);
        lease.expiresAt = QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC);
        leases.append(lease);
    }
    return {leases, {}};
}

} // namespace Boucle
