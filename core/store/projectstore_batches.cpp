// ProjectStore: batches, their items, and reviews.
#include "projectstore.h"

#include "auditedrows.h"
#include "recordcodec.h"
#include "storedialect.h"
#include "storetransaction.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSqlQuery>

namespace Boucle {

using namespace RecordCodec;

namespace {

const QString batchColumns = QStringLiteral(
        "b.id, b.name, b.created_at, b.created_by, b.policy, b.source,"
        " (SELECT count(*) FROM batch_items i WHERE i.batch_id = b.id),"
        " (SELECT count(*) FROM batch_items i WHERE i.batch_id = b.id AND i.status <> 'pending')");

BatchRecord batchFromQuery(const QSqlQuery &query)
{
    BatchRecord batch;
    batch.id = query.value(0).toLongLong();
    batch.name = query.value(1).toString();
    batch.createdAt = timeFromText(query.value(2).toString());
    batch.createdBy = query.value(3).toString();
    batch.policy = objectFromJson(query.value(4).toString());
    batch.source = query.value(5).toString();
    batch.itemCount = query.value(6).toInt();
    batch.decidedCount = query.value(7).toInt();
    return batch;
}

const QString itemColumns = QStringLiteral(
        "id, batch_id, position, sample_id, prediction_id, priority, control, status");

BatchItemRecord itemFromQuery(const QSqlQuery &query)
{
    BatchItemRecord item;
    item.id = query.value(0).toLongLong();
    item.batchId = query.value(1).toLongLong();
    item.position = query.value(2).toInt();
    item.sampleId = query.value(3).toLongLong();
    item.predictionId = query.value(4).toLongLong();
    item.priority = query.value(5).toDouble();
    item.control = query.value(6).toBool();
    item.status = reviewStatusFromName(query.value(7).toString());
    return item;
}

} // namespace

StoreError ProjectStore::addBatch(BatchRecord &batch, QList<BatchItemRecord> &items)
{
    if (batch.name.trimmed().isEmpty())
        return StoreError::make(StoreError::Code::InvalidArgument, tr("a batch needs a name"));
    if (batchByName(batch.name))
        return StoreError::make(StoreError::Code::Conflict,
                                tr("a batch named '%1' already exists").arg(batch.name));
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    QSqlQuery query(m_db);
    query.prepare(
            QStringLiteral("INSERT INTO batches (name, created_at, created_by, policy, source)"
                           " VALUES (?, ?, ?, ?, ?) RETURNING id"));
    if (!batch.createdAt.isValid())
        batch.createdAt = now();
    if (batch.source.isEmpty())
        batch.source = QStringLiteral("policy");
    query.addBindValue(batch.name);
    query.addBindValue(timeToText(batch.createdAt));
    query.addBindValue(batch.createdBy);
    query.addBindValue(toCompactJson(batch.policy));
    query.addBindValue(batch.source);
    if (!query.exec())
        return queryError(query, tr("Adding the batch %1").arg(batch.name));
    batch.id = StoreDialect::returnedId(query);

    QSqlQuery itemQuery(m_db);
    itemQuery.prepare(QStringLiteral(
            "INSERT INTO batch_items (batch_id, position, sample_id, prediction_id, priority,"
            " control, status) VALUES (?, ?, ?, ?, ?, ?, 'pending') RETURNING id"));
    QSqlQuery reasonQuery(m_db);
    reasonQuery.prepare(
            QStringLiteral("INSERT INTO batch_item_reasons (batch_item_id, trigger_name,"
                           " score, reason, details) VALUES (?, ?, ?, ?, ?)"));
    for (int position = 0; position < items.size(); ++position) {
        auto &item = items[position];
        item.batchId = batch.id;
        item.position = position;
        item.status = ReviewStatus::Pending;
        itemQuery.addBindValue(batch.id);
        itemQuery.addBindValue(position);
        itemQuery.addBindValue(item.sampleId);
        itemQuery.addBindValue(item.predictionId == 0 ? QVariant(QMetaType::fromType<qint64>())
                                                      : QVariant(item.predictionId));
        itemQuery.addBindValue(item.priority);
        itemQuery.addBindValue(item.control ? 1 : 0);
        if (!itemQuery.exec())
            return queryError(itemQuery,
                              tr("Adding item %1 of batch %2").arg(position).arg(batch.name));
        item.id = StoreDialect::returnedId(itemQuery);
        for (const auto &reason : std::as_const(item.reasons)) {
            reasonQuery.addBindValue(item.id);
            reasonQuery.addBindValue(reason.trigger);
            reasonQuery.addBindValue(reason.score);
            reasonQuery.addBindValue(reason.reason);
            reasonQuery.addBindValue(reason.details.isEmpty()
                                             ? QVariant(QMetaType::fromType<QString>())
                                             : QVariant(toCompactJson(reason.details)));
            if (!reasonQuery.exec())
                return queryError(reasonQuery, tr("Adding the reasons of item %1").arg(position));
        }
    }
    batch.itemCount = int(items.size());
    batch.decidedCount = 0;
    noteChange(Change::Batches);
    return transaction.commit();
}

QList<BatchRecord> ProjectStore::batches() const
{
    QList<BatchRecord> result;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT %1 FROM batches b ORDER BY b.id").arg(batchColumns));
    while (query.next())
        result.append(batchFromQuery(query));
    return result;
}

std::optional<BatchRecord> ProjectStore::batch(BatchId id) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM batches b WHERE b.id = ?").arg(batchColumns));
    query.addBindValue(id);
    if (query.exec() && query.next())
        return batchFromQuery(query);
    return std::nullopt;
}

std::optional<BatchRecord> ProjectStore::batchByName(const QString &name) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM batches b WHERE b.name = ?").arg(batchColumns));
    query.addBindValue(name);
    if (query.exec() && query.next())
        return batchFromQuery(query);
    return std::nullopt;
}

QList<BatchItemRecord> ProjectStore::batchItems(BatchId batchId, int offset, int limit) const
{
    QList<BatchItemRecord> items;
    // Positions are dense from 0, so a window is an index range, whatever the batch's size.
    QSqlQuery &query = statement(QStringLiteral("SELECT %1 FROM batch_items WHERE batch_id = ? AND"
                                                " position >= ? AND position < ? ORDER BY position")
                                         .arg(itemColumns));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(batchId);
    query.addBindValue(offset);
    query.addBindValue(limit < 0 ? std::numeric_limits<int>::max() : offset + limit);
    if (!query.exec())
        return items;
    while (query.next())
        items.append(itemFromQuery(query));
    query.finish();
    if (items.isEmpty())
        return items;
    QHash<BatchItemId, qsizetype> indexOf;
    qint64 lowest = items.constFirst().id;
    qint64 highest = lowest;
    for (qsizetype i = 0; i < items.size(); ++i) {
        indexOf.insert(items[i].id, i);
        lowest = std::min(lowest, items[i].id);
        highest = std::max(highest, items[i].id);
    }
    QSqlQuery &reasons = statement(
            QStringLiteral("SELECT batch_item_id, trigger_name, score, reason, details"
                           " FROM batch_item_reasons WHERE batch_item_id BETWEEN ? AND ?"
                           " ORDER BY id"));
    const QScopeGuard releaseReasons([&reasons] { reasons.finish(); });
    reasons.addBindValue(lowest);
    reasons.addBindValue(highest);
    if (reasons.exec()) {
        while (reasons.next()) {
            const auto found = indexOf.constFind(reasons.value(0).toLongLong());
            if (found == indexOf.constEnd())
                continue;
            items[*found].reasons.append({reasons.value(1).toString(), reasons.value(2).toDouble(),
                                          reasons.value(3).toString(),
                                          objectFromJson(reasons.value(4).toString())});
        }
    }
    return items;
}

std::optional<BatchItemRecord> ProjectStore::batchItem(BatchItemId id) const
{
    // Read before every decision and every take: two statements, not a page of one.
    QSqlQuery &query
            = statement(QStringLiteral("SELECT %1 FROM batch_items WHERE id = ?").arg(itemColumns));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    BatchItemRecord item = itemFromQuery(query);
    query.finish();
    QSqlQuery &reasons = statement(
            QStringLiteral("SELECT batch_item_id, trigger_name, score, reason, details"
                           " FROM batch_item_reasons WHERE batch_item_id BETWEEN ? AND ?"
                           " ORDER BY id"));
    const QScopeGuard releaseReasons([&reasons] { reasons.finish(); });
    reasons.addBindValue(id);
    reasons.addBindValue(id);
    if (reasons.exec()) {
        while (reasons.next())
            item.reasons.append({reasons.value(1).toString(), reasons.value(2).toDouble(),
                                 reasons.value(3).toString(),
                                 objectFromJson(reasons.value(4).toString())});
    }
    return item;
}

int ProjectStore::batchItemCount(BatchId batchId) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT count(*) FROM batch_items WHERE batch_id = ?"));
    query.addBindValue(batchId);
    if (query.exec() && query.next())
        return query.value(0).toInt();
    return 0;
}

// --- reviews ----------------------------------------------------------------------------------

namespace {
const QString reviewColumns = QStringLiteral(
        "id, batch_item_id, sample_id, prediction_id, reviewer, action, label_id, blind_label_id,"
        " objects, comment, started_at, finished_at, revokes_review_id");
} // namespace

ReviewRecord ProjectStore::reviewFromQuery(const QSqlQuery &query) const
{
    ReviewRecord review;
    review.id = query.value(0).toLongLong();
    review.batchItemId = query.value(1).toLongLong();
    review.sampleId = query.value(2).toLongLong();
    review.predictionId = query.value(3).toLongLong();
    review.reviewer = query.value(4).toString();
    review.action = reviewActionFromName(query.value(5).toString()).value_or(ReviewAction::Skip);
    review.label = labelName(query.value(6));
    review.blindLabel = labelName(query.value(7));
    review.objects = arrayFromJson(query.value(8).toString());
    review.comment = query.value(9).toString();
    review.startedAt = timeFromText(query.value(10).toString());
    review.finishedAt = timeFromText(query.value(11).toString());
    review.revokesReviewId = query.value(12).toLongLong();
    return review;
}

StoreError ProjectStore::recordReview(ReviewRecord &review)
{
    if (review.reviewer.trimmed().isEmpty())
        return StoreError::make(StoreError::Code::InvalidArgument,
                                tr("a review needs the reviewer's name"));
    if (review.action == ReviewAction::Revoke && review.revokesReviewId == 0)
        return StoreError::make(StoreError::Code::InvalidArgument,
                                tr("an undo must name the review it undoes"));
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    // Refused inside the transaction that would write it: a decision (or undo) on an item that
    // another window holds, or whose lease this one lost (projectstore_leases.cpp).
    if (review.batchItemId != 0) {
        if (auto error = leaseRefusal(review.batchItemId, review.action == ReviewAction::Revoke))
            return error;
    }
    QStringList labels;
    for (const auto &label : {review.label, review.blindLabel}) {
        if (!label.isEmpty())
            labels.append(label);
    }
    if (auto error = ensureClasses(labels))
        return error;
    if (!review.finishedAt.isValid())
        review.finishedAt = now();
    QSqlQuery &query = statement(QStringLiteral(
            "INSERT INTO reviews (batch_item_id, sample_id, prediction_id, reviewer, action,"
            " label_id, blind_label_id, objects, comment, started_at, finished_at,"
            " revokes_review_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    const QVariant noId(QMetaType::fromType<qint64>());
    query.addBindValue(review.batchItemId ? QVariant(review.batchItemId) : noId);
    query.addBindValue(review.sampleId);
    query.addBindValue(review.predictionId ? QVariant(review.predictionId) : noId);
    query.addBindValue(review.reviewer);
    query.addBindValue(reviewActionName(review.action));
    query.addBindValue(classIdVariant(review.label));
    query.addBindValue(classIdVariant(review.blindLabel));
    query.addBindValue(toCompactJson(review.objects));
    query.addBindValue(review.comment);
    query.addBindValue(timeToText(review.startedAt));
    query.addBindValue(timeToText(review.finishedAt));
    query.addBindValue(review.revokesReviewId ? QVariant(review.revokesReviewId) : noId);
    if (!query.exec())
        return queryError(query, tr("Recording the review of sample %1").arg(review.sampleId));
    review.id = StoreDialect::returnedId(query);
    if (auto error = appendAudit(AuditedRows::reviews, review.id, review.reviewer))
        return error;
    if (review.batchItemId != 0) {
        if (auto error = refreshBatchItemStatus(review.batchItemId))
            return error;
    }
    noteChange(Change::Reviews);
    return transaction.commit();
}

StoreError ProjectStore::refreshBatchItemStatus(BatchItemId itemId)
{
    // The status follows the newest review of the item that has not been undone.
    QSqlQuery &query = statement(QStringLiteral(
            "SELECT action FROM reviews r WHERE r.batch_item_id = ? AND r.action <> 'revoke'"
            " AND NOT EXISTS (SELECT 1 FROM reviews u WHERE u.revokes_review_id = r.id)"
            " ORDER BY r.id DESC LIMIT 1"));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(itemId);
    if (!query.exec())
        return queryError(query, tr("Updating the status of item %1").arg(itemId));
    ReviewStatus status = ReviewStatus::Pending;
    if (query.next()) {
        if (const auto action = reviewActionFromName(query.value(0).toString()))
            status = statusAfter(*action);
    }
    query.finish();
    return setBatchItemStatus(itemId, status);
}

StoreError ProjectStore::setBatchItemStatus(BatchItemId itemId, ReviewStatus status)
{
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    QSqlQuery &query = statement(QStringLiteral("UPDATE batch_items SET status = ? WHERE id = ?"));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(reviewStatusName(status));
    query.addBindValue(itemId);
    if (!query.exec())
        return queryError(query, tr("Updating the status of item %1").arg(itemId));
    noteChange(Change::Batches);
    return transaction.commit();
}

std::optional<ReviewRecord> ProjectStore::review(ReviewId id) const
{
    QSqlQuery &query
            = statement(QStringLiteral("SELECT %1 FROM reviews WHERE id = ?").arg(reviewColumns));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(id);
    if (query.exec() && query.next())
        return reviewFromQuery(query);
    return std::nullopt;
}

QList<ReviewRecord> ProjectStore::reviewsForSample(SampleId sampleId) const
{
    QList<ReviewRecord> result;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM reviews WHERE sample_id = ? ORDER BY id")
                          .arg(reviewColumns));
    query.addBindValue(sampleId);
    if (query.exec()) {
        while (query.next())
            result.append(reviewFromQuery(query));
    }
    return result;
}

QList<ReviewRecord> ProjectStore::reviewsForBatchItem(BatchItemId itemId) const
{
    QList<ReviewRecord> result;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM reviews WHERE batch_item_id = ? ORDER BY id")
                          .arg(reviewColumns));
    query.addBindValue(itemId);
    if (query.exec()) {
        while (query.next())
            result.append(reviewFromQuery(query));
    }
    return result;
}

} // namespace Boucle
