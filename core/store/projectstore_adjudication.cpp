// ProjectStore: roles of reviews and stages of double review and adjudication.
#include "projectstore.h"
#include "storedialect.h"

#include "auditedrows.h"
#include "recordcodec.h"
#include "storetransaction.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSet>
#include <QSqlQuery>

namespace Boucle {

using namespace RecordCodec;

StoreError ProjectStore::recordReviewRole(ReviewId reviewId, ReviewRole role)
{
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    const auto recorded = review(reviewId);
    if (!recorded)
        return StoreError::make(StoreError::Code::NotFound,
                                tr("there is no review %1 to give a role").arg(reviewId));
    // The second answer of a double review is another person's, whoever asks (leases); a skip
    // is no answer.
    if (role == ReviewRole::Second && recorded->batchItemId != 0
        && recorded->action != ReviewAction::Skip && recorded->action != ReviewAction::Revoke) {
        if (auto error = secondAnswerRefusal(recorded->batchItemId, reviewId, recorded->reviewer))
            return error;
    }
    QSqlQuery &insert
            = statement(QStringLiteral("INSERT INTO review_roles (review_id, role) VALUES (?, ?)"));
    const QScopeGuard releaseInsert([&insert] { insert.finish(); });
    insert.addBindValue(reviewId);
    insert.addBindValue(reviewRoleName(role));
    if (!insert.exec())
        return queryError(insert, tr("Recording the role of review %1").arg(reviewId));
    if (auto error = appendAudit(AuditedRows::reviewRoles, reviewId, recorded->reviewer))
        return error;
    if (recorded->batchItemId != 0) {
        if (auto error = refreshReviewStage(recorded->batchItemId))
            return error;
    }
    noteChange(Change::Reviews);
    return transaction.commit();
}

std::optional<ReviewRole> ProjectStore::reviewRole(ReviewId reviewId) const
{
    QSqlQuery &query
            = statement(QStringLiteral("SELECT role FROM review_roles WHERE review_id = ?"));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(reviewId);
    if (query.exec() && query.next())
        return reviewRoleFromName(query.value(0).toString());
    return std::nullopt;
}

ReviewRound ProjectStore::reviewRound(BatchItemId itemId) const
{
    QSqlQuery &query = statement(QStringLiteral(
            "SELECT r.id, r.reviewer, r.action, r.label_id, r.comment, r.finished_at, o.role"
            " FROM reviews r LEFT JOIN review_roles o ON o.review_id = r.id"
            " WHERE r.batch_item_id = ? AND r.action NOT IN ('revoke', 'skip')"
            " AND NOT EXISTS (SELECT 1 FROM reviews u WHERE u.revokes_review_id = r.id)"
            " ORDER BY r.id"));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(itemId);
    QList<RoundAnswer> answers;
    if (query.exec()) {
        while (query.next()) {
            RoundAnswer answer;
            answer.reviewId = query.value(0).toLongLong();
            answer.reviewer = query.value(1).toString();
            answer.action
                    = reviewActionFromName(query.value(2).toString()).value_or(ReviewAction::Skip);
            answer.label = labelName(query.value(3));
            answer.comment = query.value(4).toString();
            answer.finishedAt = timeFromText(query.value(5).toString());
            answer.role
                    = reviewRoleFromName(query.value(6).toString()).value_or(ReviewRole::Single);
            answers.append(answer);
        }
    }
    return roundOf(itemId, answers);
}

StoreError ProjectStore::refreshReviewStage(BatchItemId itemId)
{
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    const ReviewRound round = reviewRound(itemId);
    QSqlQuery &clear
            = statement(QStringLiteral("DELETE FROM review_stages WHERE batch_item_id = ?"));
    const QScopeGuard releaseClear([&clear] { clear.finish(); });
    clear.addBindValue(itemId);
    if (!clear.exec())
        return queryError(clear, tr("Updating the review stage of item %1").arg(itemId));
    if (round.stage != ReviewStage::None) {
        QSqlQuery &insert = statement(QStringLiteral(
                "INSERT INTO review_stages (batch_item_id, stage, round_start) VALUES (?, ?, ?)"));
        const QScopeGuard releaseInsert([&insert] { insert.finish(); });
        insert.addBindValue(itemId);
        insert.addBindValue(reviewStageName(round.stage));
        insert.addBindValue(round.start());
        if (!insert.exec())
            return queryError(insert, tr("Updating the review stage of item %1").arg(itemId));
    }
    noteChange(Change::Batches);
    return transaction.commit();
}

QList<ReviewRecord> ProjectStore::reviewsVisibleTo(SampleId sampleId, const QString &viewer) const
{
    // The rounds of this sample's items that wait for a second answer, and where they start.
    QHash<BatchItemId, ReviewId> openRounds;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT st.batch_item_id, st.round_start FROM review_stages st"
                                 " JOIN batch_items i ON i.id = st.batch_item_id"
                                 " WHERE i.sample_id = ? AND st.stage = ?"));
    query.addBindValue(sampleId);
    query.addBindValue(reviewStageName(ReviewStage::AwaitingSecond));
    if (query.exec()) {
        while (query.next())
            openRounds.insert(query.value(0).toLongLong(), query.value(1).toLongLong());
    }
    QList<ReviewRecord> visible;
    const auto reviews = reviewsForSample(sampleId);
    // An undo of a hidden answer would tell that there was one: it is hidden with it.
    QSet<ReviewId> hidden;
    for (const auto &review : reviews) {
        const auto open = openRounds.constFind(review.batchItemId);
        const bool inOpenRound = open != openRounds.constEnd() && review.id >= *open;
        if (inOpenRound && review.reviewer != viewer) {
            hidden.insert(review.id);
            continue;
        }
        if (review.action == ReviewAction::Revoke && hidden.contains(review.revokesReviewId))
            continue;
        visible.append(review);
    }
    return visible;
}

QList<BatchItemRecord> ProjectStore::itemsAtStage(ReviewStage stage) const
{
    QList<BatchItemRecord> items;
    QSqlQuery query(m_db);
    StoreDialect::readForward(query);
    query.prepare(QStringLiteral("SELECT st.batch_item_id FROM review_stages st"
                                 " JOIN batch_items i ON i.id = st.batch_item_id"
                                 " WHERE st.stage = ? ORDER BY i.batch_id, i.position"));
    query.addBindValue(reviewStageName(stage));
    QList<BatchItemId> ids;
    if (query.exec()) {
        while (query.next())
            ids.append(query.value(0).toLongLong());
    }
    for (const BatchItemId id : std::as_const(ids)) {
        if (auto item = batchItem(id))
            items.append(*item);
    }
    return items;
}

} // namespace Boucle
