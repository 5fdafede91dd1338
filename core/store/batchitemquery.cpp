#include "batchitemquery.h"

#include "recordcodec.h"
#include "storedialect.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace Boucle {

namespace {

// Columns of BatchItemRow, in order. The reviewer and the label the decision gave are looked up
// only for decided items, and not while the decision waits for a second reviewer, who must not
// see whose it was nor what it said.
const QString rowColumns = QStringLiteral(
        "i.id, i.batch_id, i.position, i.sample_id, i.prediction_id, i.priority, i.control,"
        " i.status, s.path, s.kind, c.name, p.confidence,"
        " CASE WHEN i.status = 'pending' OR st.stage = 'second' THEN NULL ELSE"
        " (SELECT r.reviewer FROM reviews r WHERE r.batch_item_id = i.id AND r.action <> 'revoke'"
        " AND NOT EXISTS (SELECT 1 FROM reviews u WHERE u.revokes_review_id = r.id)"
        " ORDER BY r.id DESC LIMIT 1) END, st.stage,"
        " CASE WHEN i.status = 'pending' OR st.stage = 'second' THEN NULL ELSE"
        " (SELECT rc.name FROM reviews r JOIN classes rc ON rc.id = r.label_id"
        " WHERE r.batch_item_id = i.id AND r.action <> 'revoke'"
        " AND NOT EXISTS (SELECT 1 FROM reviews u WHERE u.revokes_review_id = r.id)"
        " ORDER BY r.id DESC LIMIT 1) END");

const QString rowSource = QStringLiteral(" FROM batch_items i JOIN samples s ON s.id = i.sample_id"
                                         " LEFT JOIN predictions p ON p.id = i.prediction_id"
                                         " LEFT JOIN classes c ON c.id = p.label_id"
                                         " LEFT JOIN review_stages st ON st.batch_item_id = i.id");

QString orderClause(BatchItemOrder order)
{
    switch (order) {
    case BatchItemOrder::Position:
        break;
    case BatchItemOrder::ConfidenceAscending:
        return QStringLiteral(" ORDER BY p.confidence ASC, i.position");
    case BatchItemOrder::ConfidenceDescending:
        return QStringLiteral(" ORDER BY p.confidence DESC, i.position");
    case BatchItemOrder::PredictedLabel:
        return QStringLiteral(" ORDER BY c.name, i.position");
    case BatchItemOrder::Status:
        return QStringLiteral(" ORDER BY i.status, i.position");
    case BatchItemOrder::PriorityDescending:
        return QStringLiteral(" ORDER BY i.priority DESC, i.position");
    }
    return QStringLiteral(" ORDER BY i.position");
}

} // namespace

BatchItemQuery::BatchItemQuery(ProjectStore &store, BatchId batch, BatchItemFilter filter,
                               BatchItemOrder order)
    : m_store(store)
    , m_batch(batch)
    , m_filter(std::move(filter))
    , m_order(order)
{ }

QStringList BatchItemQuery::triggersInBatch(StoreError *error) const
{
    QSqlQuery query(m_store.database());
    StoreDialect::readForward(query);
    query.prepare(QStringLiteral("SELECT DISTINCT t.trigger_name FROM batch_items i"
                                 " JOIN batch_item_reasons t ON t.batch_item_id = i.id"
                                 " WHERE i.batch_id = ? ORDER BY t.trigger_name"));
    query.addBindValue(m_batch);
    QStringList found;
    if (!query.exec()) {
        if (error)
            *error = StoreError::make(
                    StoreError::Code::Failed,
                    QCoreApplication::translate("Boucle::BatchItemQuery",
                                                "the triggers of batch %1 cannot be read: %2")
                            .arg(m_batch)
                            .arg(query.lastError().text()));
        return {};
    }
    while (query.next())
        found.append(query.value(0).toString());
    return found;
}

QString BatchItemQuery::whereClause(QVariantList &bindings) const
{
    QString where = QStringLiteral(" WHERE i.batch_id = ?");
    bindings.append(m_batch);
    if (!m_filter.trigger.isEmpty()) {
        where += QStringLiteral(" AND EXISTS (SELECT 1 FROM batch_item_reasons t"
                                " WHERE t.batch_item_id = i.id AND t.trigger_name = ?)");
        bindings.append(m_filter.trigger);
    }
    if (!m_filter.predictedClass.isEmpty()) {
        where += QStringLiteral(" AND p.label_id = ?");
        bindings.append(m_store.classId(m_filter.predictedClass).value_or(-1));
    }
    if (m_filter.minConfidence > 0.0) {
        where += QStringLiteral(" AND p.confidence >= ?");
        bindings.append(m_filter.minConfidence);
    }
    if (m_filter.maxConfidence < 1.0) {
        where += QStringLiteral(" AND p.confidence <= ?");
        bindings.append(m_filter.maxConfidence);
    }
    if (m_filter.status) {
        where += QStringLiteral(" AND i.status = ?");
        bindings.append(reviewStatusName(*m_filter.status));
    }
    if (m_filter.stage) {
        where += QStringLiteral(" AND st.stage = ?");
        bindings.append(reviewStageName(*m_filter.stage));
    }
    if (!m_filter.notAnsweredBy.isEmpty()) {
        where += QStringLiteral(
                " AND NOT EXISTS (SELECT 1 FROM reviews a WHERE a.batch_item_id = i.id"
                " AND a.id >= st.round_start AND a.reviewer = ?"
                " AND a.action NOT IN ('revoke', 'skip')"
                " AND NOT EXISTS (SELECT 1 FROM reviews u WHERE u.revokes_review_id = a.id))");
        bindings.append(m_filter.notAnsweredBy);
    }
    return where;
}

int BatchItemQuery::count() const
{
    if (m_filter.isEmpty())
        return m_store.batchItemCount(m_batch);
    QVariantList bindings;
    const QString where = whereClause(bindings);
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT count(*)") + rowSource + where);
    for (const auto &value : std::as_const(bindings))
        query.addBindValue(value);
    if (query.exec() && query.next())
        return query.value(0).toInt();
    return 0;
}

QList<BatchItemRow> BatchItemQuery::select(const QString &where, const QVariantList &bindings,
                                           const QString &tail) const
{
    QList<BatchItemRow> result;
    QSqlQuery query(m_store.database());
    StoreDialect::readForward(query);
    query.prepare(QStringLiteral("SELECT ") + rowColumns + rowSource + where + tail);
    for (const auto &value : bindings)
        query.addBindValue(value);
    if (!query.exec())
        return result;
    while (query.next()) {
        BatchItemRow row;
        row.item.id = query.value(0).toLongLong();
        row.item.batchId = query.value(1).toLongLong();
        row.item.position = query.value(2).toInt();
        row.item.sampleId = query.value(3).toLongLong();
        row.item.predictionId = query.value(4).toLongLong();
        row.item.priority = query.value(5).toDouble();
        row.item.control = query.value(6).toBool();
        row.item.status = reviewStatusFromName(query.value(7).toString());
        row.samplePath = query.value(8).toString();
        row.sampleKind = query.value(9).toString();
        row.predictedLabel = query.value(10).toString();
        row.confidence = query.value(11).isNull() ? -1.0 : query.value(11).toDouble();
        row.reviewer = query.value(12).toString();
        row.stage = reviewStageFromName(query.value(13).toString());
        row.reviewedLabel = query.value(14).toString();
        result.append(row);
    }
    if (result.isEmpty())
        return result;

    // Reasons of the page, in one query.
    QHash<BatchItemId, qsizetype> indexOf;
    QStringList placeholders;
    QVariantList ids;
    for (qsizetype i = 0; i < result.size(); ++i) {
        indexOf.insert(result[i].item.id, i);
        placeholders.append(QStringLiteral("?"));
        ids.append(result[i].item.id);
    }
    QSqlQuery reasons(m_store.database());
    StoreDialect::readForward(reasons);
    reasons.prepare(QStringLiteral("SELECT batch_item_id, trigger_name, score, reason, details"
                                   " FROM batch_item_reasons WHERE batch_item_id IN (%1)"
                                   " ORDER BY id")
                            .arg(placeholders.join(QLatin1Char(','))));
    for (const auto &id : std::as_const(ids))
        reasons.addBindValue(id);
    if (reasons.exec()) {
        while (reasons.next()) {
            const auto found = indexOf.constFind(reasons.value(0).toLongLong());
            if (found != indexOf.constEnd())
                result[*found].item.reasons.append(
                        {reasons.value(1).toString(), reasons.value(2).toDouble(),
                         reasons.value(3).toString(),
                         RecordCodec::objectFromJson(reasons.value(4).toString())});
        }
    }
    return result;
}

QList<BatchItemRow> BatchItemQuery::rows(int offset, int limit) const
{
    QVariantList bindings;
    if (m_filter.isEmpty() && m_order == BatchItemOrder::Position) {
        // Positions are dense from 0: a page is an index range on (batch_id, position).
        bindings = {m_batch, offset, offset + limit};
        return select(
                QStringLiteral(" WHERE i.batch_id = ? AND i.position >= ? AND i.position < ?"),
                bindings, QStringLiteral(" ORDER BY i.position"));
    }
    const QString where = whereClause(bindings);
    bindings.append(StoreDialect::limit(limit));
    bindings.append(offset);
    return select(where, bindings, orderClause(m_order) + QStringLiteral(" LIMIT ? OFFSET ?"));
}

std::optional<BatchItemRow> BatchItemQuery::row(BatchItemId item) const
{
    const auto found = select(QStringLiteral(" WHERE i.id = ?"), {item}, {});
    if (found.isEmpty())
        return std::nullopt;
    return found.constFirst();
}

std::optional<int> BatchItemQuery::positionOfSample(SampleId sample) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT position FROM batch_items WHERE batch_id = ? AND"
                                 " sample_id = ? ORDER BY position LIMIT 1"));
    query.addBindValue(m_batch);
    query.addBindValue(sample);
    if (query.exec() && query.next())
        return query.value(0).toInt();
    return std::nullopt;
}

std::optional<int> BatchItemQuery::firstRowWithStatus(ReviewStatus status) const
{
    QVariantList bindings;
    QSqlQuery query(m_store.database());
    StoreDialect::readForward(query);
    if (m_filter.isEmpty() && m_order == BatchItemOrder::Position) {
        // Positions are dense from 0, so the first matching position is its row.
        query.prepare(QStringLiteral("SELECT position FROM batch_items WHERE batch_id = ? AND"
                                     " status = ? ORDER BY position LIMIT 1"));
        query.addBindValue(m_batch);
        query.addBindValue(reviewStatusName(status));
    } else {
        const QString where = whereClause(bindings);
        QString order = orderClause(m_order);
        query.prepare(QStringLiteral("SELECT row FROM (SELECT i.status AS item_status,"
                                     " row_number() OVER (")
                      + order.trimmed() + QStringLiteral(") - 1 AS row") + rowSource + where
                      + QStringLiteral(") WHERE item_status = ? ORDER BY row LIMIT 1"));
        for (const auto &value : std::as_const(bindings))
            query.addBindValue(value);
        query.addBindValue(reviewStatusName(status));
    }
    if (query.exec() && query.next())
        return query.value(0).toInt();
    return std::nullopt;
}

} // namespace Boucle
