#include "reviewcommands_p.h"

#include "objectreview.h"
#include "store/storetransaction.h"

#include <QCoreApplication>

namespace Boucle::ReviewCommands {

namespace {

bool writesLabel(ReviewAction action)
{
    return action == ReviewAction::Approve || action == ReviewAction::Override
           || action == ReviewAction::Relabel;
}

QString revisionReason(const Decision &decision)
{
    // The comment is the reviewer's own why; without one the action says enough.
    if (decision.perObject) {
        if (decision.comment.trimmed().isEmpty())
            return decision.objectReason;
        return decision.objectReason + QStringLiteral(" — ") + decision.comment;
    }
    QString reason = !decision.comment.trimmed().isEmpty()
                             ? decision.comment
                             : QCoreApplication::translate("Boucle::ReviewSession", "%1 in review")
                                       .arg(reviewActionName(decision.action));
    // A document's decision keeps the objects reviewed before it; the version diff says so.
    if (!decision.previousObjects.isEmpty())
        reason += QLatin1Char(' ')
                  + QCoreApplication::translate("Boucle::ReviewSession",
                                                "(with %n object(s) reviewed)", nullptr,
                                                int(decision.previousObjects.size()));
    return reason;
}

} // namespace

DecisionCommand::DecisionCommand(ProjectStore &store, QString reviewer, QList<Decision> decisions,
                                 const QString &text)
    : m_store(store)
    , m_reviewer(std::move(reviewer))
    , m_decisions(std::move(decisions))
{
    setText(text);
}

StoreError DecisionCommand::apply()
{
    StoreTransaction transaction(m_store);
    if (transaction.beginError())
        return transaction.beginError();
    QList<Decision> written = m_decisions;
    for (auto &decision : written) {
        // A step on one object records no review of the item: its lease is checked here.
        if (decision.perObject && decision.itemId != 0) {
            if (auto error = m_store.leaseRefusal(decision.itemId, false))
                return error;
        }
        ReviewRecord review;
        review.batchItemId = decision.perObject ? 0 : decision.itemId;
        review.sampleId = decision.sampleId;
        review.predictionId = decision.predictionId;
        review.reviewer = m_reviewer;
        review.action = decision.action;
        if (decision.perObject)
            review.objects = QJsonArray {decision.objectEntry};
        review.label = decision.label;
        review.blindLabel = decision.blindLabel;
        review.comment = decision.comment;
        review.finishedAt = m_store.now();
        review.startedAt = decision.startedAt.isValid() ? decision.startedAt : review.finishedAt;
        if (auto error = m_store.recordReview(review))
            return error;
        if (auto error = m_store.recordReviewRole(review.id, decision.role))
            return error;
        decision.reviewId = review.id;
        decision.changesLabel = false;
        if (!writesLabel(decision.action) || decision.holdsLabel)
            continue;
        const auto current = m_store.currentRevision(decision.sampleId);
        decision.previousLabel = current ? current->label : QString();
        decision.previousObjects = current ? current->objects : QJsonArray();
        LabelRevision revision;
        revision.sampleId = decision.sampleId;
        revision.label = decision.perObject ? decision.previousLabel : decision.label;
        if (!decision.perObject)
            revision.objects = decision.previousObjects;
        else if (decision.deletesAdded > 0)
            revision.objects
                    = ObjectReview::withoutAdded(decision.previousObjects, decision.deletesAdded);
        else
            revision.objects
                    = ObjectReview::withEntry(decision.previousObjects, decision.objectEntry);
        revision.author = m_reviewer;
        revision.reason = revisionReason(decision);
        revision.reviewId = review.id;
        revision.createdAt = review.finishedAt;
        if (auto error = m_store.addLabelRevision(revision))
            return error;
        decision.changesLabel = revision.id != 0;
    }
    if (auto error = transaction.commit())
        return error;
    m_decisions = written;
    return {};
}

StoreError DecisionCommand::revert()
{
    StoreTransaction transaction(m_store);
    if (transaction.beginError())
        return transaction.beginError();
    // Newest first, so a bulk command touching one sample twice unwinds in order.
    for (auto it = m_decisions.crbegin(); it != m_decisions.crend(); ++it) {
        const Decision &decision = *it;
        if (decision.perObject && decision.itemId != 0) {
            if (auto error = m_store.leaseRefusal(decision.itemId, true))
                return error;
        }
        ReviewRecord revoke;
        revoke.batchItemId = decision.perObject ? 0 : decision.itemId;
        revoke.sampleId = decision.sampleId;
        revoke.predictionId = decision.predictionId;
        revoke.reviewer = m_reviewer;
        revoke.action = ReviewAction::Revoke;
        revoke.revokesReviewId = decision.reviewId;
        revoke.comment = QCoreApplication::translate("Boucle::ReviewSession", "undo of review %1")
                                 .arg(decision.reviewId);
        revoke.finishedAt = m_store.now();
        revoke.startedAt = revoke.finishedAt;
        if (auto error = m_store.recordReview(revoke))
            return error;
        if (decision.itemId != 0) {
            if (auto error = m_store.refreshReviewStage(decision.itemId))
                return error;
        }
        if (!decision.changesLabel)
            continue;
        LabelRevision restore;
        restore.sampleId = decision.sampleId;
        restore.label = decision.previousLabel;
        restore.objects = decision.previousObjects;
        restore.author = m_reviewer;
        restore.reason = revoke.comment;
        restore.reviewId = revoke.id;
        restore.createdAt = revoke.finishedAt;
        if (auto error = m_store.addLabelRevision(restore))
            return error;
    }
    return transaction.commit();
}

void DecisionCommand::redo()
{
    if (m_armed) {
        m_armed = false;
        return;
    }
    m_lastError = apply();
}

void DecisionCommand::undo()
{
    if (m_armed) {
        m_armed = false;
        return;
    }
    m_lastError = revert();
}

} // namespace Boucle::ReviewCommands
