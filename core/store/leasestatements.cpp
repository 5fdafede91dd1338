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
    // Two parts, each walking the batch in review order and stopping after `limit` rows: the
    // undecided items (from schema 12 the partial index of pending items, which a literal
    // 'pending' lets both planners use: a parameter would not; before it the (batch, position)
    // index, past every decided item to the first free one) and the items
    // waiting for a second answer (the stage index, a few rows; CROSS JOIN keeps SQLite from
    // walking the whole batch for them, PostgreSQL plans it as any join). One query with the two
    // joined by OR led PostgreSQL to read and sort the whole batch for every next item.
    const QString page = QString::number(limit);
    return QStringLiteral("SELECT id, pass, position FROM (SELECT i.id AS id, 1 AS pass,"
                          " i.position AS position FROM batch_items i"
                          " WHERE i.batch_id = ? AND i.position > ? AND i.status = 'pending'"
                          " AND NOT EXISTS (SELECT 1 FROM review_stages st"
                          " WHERE st.batch_item_id = i.id)"
                          " AND NOT EXISTS (SELECT 1 FROM leases l WHERE l.batch_item_id = i.id"
                          " AND l.pass = 1 AND l.session_id <> ? AND l.expires_ms > ?)"
                          " ORDER BY i.position LIMIT %1) AS first_pass"
                          " UNION ALL"
                          " SELECT id, pass, position FROM (SELECT i.id AS id, 2 AS pass,"
                          " i.position AS position FROM review_stages st"
                          " CROSS JOIN batch_items i WHERE i.id = st.batch_item_id"
                          " AND st.stage = ? AND i.batch_id = ? AND i.position > ?"
                          " AND NOT EXISTS (%2)"
                          " AND NOT EXISTS (SELECT 1 FROM leases l WHERE l.batch_item_id = i.id"
                          " AND l.pass = 2 AND l.session_id <> ? AND l.expires_ms > ?)"
                          " ORDER BY i.position LIMIT %1) AS second_pass"
                          " ORDER BY 3 LIMIT %1")
            .arg(page, ownAnswer(QStringLiteral("i.id")));
}

QString stillWaits()
{
    return QStringLiteral("SELECT 1 FROM batch_items i"
                          " LEFT JOIN review_stages st ON st.batch_item_id = i.id WHERE i.id = ?"
                          " AND ((? = 1 AND st.batch_item_id IS NULL AND i.status = ?)"
                          " OR (? = 2 AND st.stage = ? AND NOT EXISTS (%1)))")
            .arg(ownAnswer(QStringLiteral("i.id")));
}

QString lockItem()
{
    return QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended("
                          "'boucle-item:' || current_schema() || ':' || ?, 0))");
}

QString tryLockItem()
{
    return QStringLiteral("SELECT pg_try_advisory_xact_lock(hashtextextended("
                          "'boucle-item:' || current_schema() || ':' || ?, 0))");
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
