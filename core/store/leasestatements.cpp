#include "leasestatements.h"

namespace Boucle::LeaseStatements {

namespace {

const QString leaseColumns
        = QStringLiteral("batch_item_id, pass, holder, session_id, acquired_ms, expires_ms");

const QString stealColumns
        = QStringLiteral("id, batch_item_id, pass, lead, previous_holder, previous_session,"
                         " previous_acquired_ms, reason, stolen_ms");

// A standing answer (not a skip, not an undo, not undone) of `reviewer` since the item's round
// opened; `item` is the item's id, as a bound value or a column.
QString ownAnswer(const QString &item)
{
    return QStringLiteral("SELECT 1 FROM reviews r WHERE r.batch_item_id = %1 AND r.reviewer = ?"
                          " AND r.id >= (SELECT o.round_start FROM review_stages o"
                          " WHERE o.batch_item_id = r.batch_item_id)"
                          " AND r.action NOT IN ('revoke', 'skip')"
                          " AND NOT EXISTS (SELECT 1 FROM reviews u"
                          " WHERE u.revokes_review_id = r.id)")
            .arg(item);
}

} // namespace

QString take()
{
    return QStringLiteral(
            "INSERT INTO leases (batch_item_id, pass, holder, session_id, acquired_ms, expires_ms)"
            " VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (batch_item_id, pass) DO UPDATE SET holder = excluded.holder,"
            " session_id = excluded.session_id,"
            " acquired_ms = CASE WHEN leases.session_id = excluded.session_id"
            " AND leases.expires_ms > excluded.acquired_ms THEN leases.acquired_ms"
            " ELSE excluded.acquired_ms END,"
            " expires_ms = excluded.expires_ms"
            " WHERE leases.session_id = excluded.session_id"
            " OR leases.expires_ms <= excluded.acquired_ms");
}

QString nextCandidates(int limit)
{
    const QString passOf = QStringLiteral("CASE WHEN st.stage = ? THEN 2 ELSE 1 END");
    return QStringLiteral("SELECT i.id, %1, i.position FROM batch_items i"
                          " LEFT JOIN review_stages st ON st.batch_item_id = i.id"
                          " WHERE i.batch_id = ? AND i.position > ?"
                          " AND ((st.batch_item_id IS NULL AND i.status = ?)"
                          " OR (st.stage = ? AND NOT EXISTS (%2)))"
                          " AND NOT EXISTS (SELECT 1 FROM leases l WHERE l.batch_item_id = i.id"
                          " AND l.pass = %1 AND l.session_id <> ? AND l.expires_ms > ?)"
                          " ORDER BY i.position LIMIT %3")
            .arg(passOf, ownAnswer(QStringLiteral("i.id")), QString::number(limit));
}

QString ownAnswerInRound()
{
    return ownAnswer(QStringLiteral("?"));
}

QString itemLeases()
{
    return QStringLiteral("SELECT %1 FROM leases WHERE batch_item_id = ?").arg(leaseColumns);
}

QString itemLease()
{
    return QStringLiteral("SELECT %1 FROM leases WHERE batch_item_id = ? AND pass = ?")
            .arg(leaseColumns);
}

QString renew()
{
    return QStringLiteral("UPDATE leases SET expires_ms = ? WHERE batch_item_id = ? AND pass = ?"
                          " AND session_id = ?");
}

QString releaseItem()
{
    return QStringLiteral("UPDATE leases SET expires_ms = ? WHERE batch_item_id = ?"
                          " AND session_id = ? AND expires_ms > ?");
}

QString releaseSession()
{
    return QStringLiteral(
            "UPDATE leases SET expires_ms = ? WHERE session_id = ? AND expires_ms > ?");
}

QString steal()
{
    return QStringLiteral("UPDATE leases SET holder = ?, session_id = ?, acquired_ms = ?,"
                          " expires_ms = ? WHERE batch_item_id = ? AND pass = ?"
                          " AND session_id = ?");
}

QString recordSteal()
{
    return QStringLiteral("INSERT INTO lease_steals (batch_item_id, pass, lead, previous_holder,"
                          " previous_session, previous_acquired_ms, reason, stolen_ms)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
}

QString stealRow()
{
    return QStringLiteral("SELECT %1 FROM lease_steals WHERE id = ?").arg(stealColumns);
}

QString stealRows()
{
    return QStringLiteral("SELECT %1 FROM lease_steals").arg(stealColumns);
}

QString secondAnswerBySameReviewer()
{
    return QStringLiteral("SELECT 1 FROM review_stages st JOIN reviews r"
                          " ON r.batch_item_id = st.batch_item_id"
                          " WHERE st.batch_item_id = ? AND st.stage = ?"
                          " AND r.id >= st.round_start AND r.id < ? AND r.reviewer = ?"
                          " AND r.action NOT IN ('revoke', 'skip')"
                          " AND NOT EXISTS (SELECT 1 FROM reviews u"
                          " WHERE u.revokes_review_id = r.id)");
}

} // namespace Boucle::LeaseStatements
