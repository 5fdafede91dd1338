// ReviewSession's per-object decisions on documents (boxes and spans); the item decisions are in
// reviewsession.cpp. Both go through the same DecisionCommand and undo stack.
#include "objectreview.h"
#include "reviewcommands_p.h"
#include "reviewsession.h"

#include <QCoreApplication>

namespace Boucle {

using ReviewCommands::Decision;
using ReviewCommands::DecisionCommand;

namespace {

QString objectVerb(ReviewAction action, const PredictedObject &object, int index)
{
    const QString what = object.shape == PredictedObject::Shape::Span
                                 ? QCoreApplication::translate("Boucle::ReviewSession", "span %1")
                                           .arg(index + 1)
                                 : QCoreApplication::translate("Boucle::ReviewSession", "box %1")
                                           .arg(index + 1);
    switch (action) {
    case ReviewAction::Approve:
        return QCoreApplication::translate("Boucle::ReviewSession", "Approve %1").arg(what);
    case ReviewAction::Override:
        return QCoreApplication::translate("Boucle::ReviewSession", "Correct %1").arg(what);
    case ReviewAction::Relabel:
        return QCoreApplication::translate("Boucle::ReviewSession", "Relabel %1").arg(what);
    default:
        break;
    }
    return QCoreApplication::translate("Boucle::ReviewSession", "Decide %1").arg(what);
}

} // namespace

StoreError ReviewSession::approveObject(BatchItemId item, int object, const QString &comment)
{
    return decideObject(ReviewAction::Approve, item, object, nullptr, {}, comment);
}

StoreError ReviewSession::overrideObject(BatchItemId item, int object,
                                         const PredictedObject &corrected, const QString &comment)
{
    return decideObject(ReviewAction::Override, item, object, &corrected, {}, comment);
}

StoreError ReviewSession::relabelObject(BatchItemId item, int object, const QString &label,
                                        const QString &comment)
{
    return decideObject(ReviewAction::Relabel, item, object, nullptr, label, comment);
}

QList<PredictedObject> ReviewSession::reviewedObjects(BatchItemId item) const
{
    const auto record = m_store.batchItem(item);
    if (!record || record->predictionId == 0)
        return {};
    const auto prediction = m_store.prediction(record->predictionId);
    if (!prediction)
        return {};
    const auto current = m_store.currentRevision(record->sampleId);
    return ObjectReview::corrected(prediction->objects, current ? current->objects : QJsonArray());
}

QHash<int, ReviewAction> ReviewSession::objectDecisions(BatchItemId item) const
{
    const auto record = m_store.batchItem(item);
    if (!record)
        return {};
    const auto current = m_store.currentRevision(record->sampleId);
    return ObjectReview::decisions(current ? current->objects : QJsonArray());
}

StoreError ReviewSession::decideObject(ReviewAction action, BatchItemId itemId, int object,
                                       const PredictedObject *corrected, const QString &label,
                                       const QString &comment)
{
    if (m_reviewer.isEmpty())
        return StoreError::make(
                StoreError::Code::InvalidArgument,
                QCoreApplication::translate(
                        "Boucle::ReviewSession",
                        "give your name before reviewing: every decision carries it"));
    if (m_store.isReadOnly())
        return StoreError::make(StoreError::Code::ReadOnly,
                                QCoreApplication::translate("Boucle::ReviewSession",
                                                            "the project %1 is open read-only")
                                        .arg(m_store.path()));
    const auto item = m_store.batchItem(itemId);
    if (!item)
        return StoreError::make(
                StoreError::Code::NotFound,
                QCoreApplication::translate("Boucle::ReviewSession", "there is no batch item %1")
                        .arg(itemId));
    if (!isRevealed(itemId))
        return StoreError::make(StoreError::Code::Conflict,
                                QCoreApplication::translate(
                                        "Boucle::ReviewSession",
                                        "blind review: give your own answer before the prediction "
                                        "is shown"));
    const auto prediction
            = item->predictionId ? m_store.prediction(item->predictionId) : std::nullopt;
    if (!prediction || object < 0 || object >= prediction->objects.size())
        return StoreError::make(StoreError::Code::NotFound,
                                QCoreApplication::translate("Boucle::ReviewSession",
                                                            "item %1 has no predicted object %2")
                                        .arg(item->position + 1)
                                        .arg(object + 1));
    const PredictedObject &predicted = prediction->objects.at(object);
    PredictedObject settled = predicted;
    switch (action) {
    case ReviewAction::Approve:
        break;
    case ReviewAction::Override:
        settled = *corrected;
        settled.shape = predicted.shape;
        settled.page = predicted.page;
        settled.score = predicted.score;
        settled.label = settled.label.trimmed();
        if (settled.label.isEmpty())
            settled.label = predicted.label;
        if (!ObjectReview::differs(predicted, settled))
            return StoreError::make(
                    StoreError::Code::InvalidArgument,
                    QCoreApplication::translate(
                            "Boucle::ReviewSession",
                            "object %1 is as the model predicted it: approve instead "
                            "of correcting")
                            .arg(object + 1));
        if (settled.shape == PredictedObject::Shape::Span
            && (settled.spanStart < 0 || settled.spanEnd <= settled.spanStart))
            return StoreError::make(StoreError::Code::InvalidArgument,
                                    QCoreApplication::translate("Boucle::ReviewSession",
                                                                "span %1 would be empty (%2–%3)")
                                            .arg(object + 1)
                                            .arg(settled.spanStart)
                                            .arg(settled.spanEnd));
        if (settled.shape == PredictedObject::Shape::Box
            && (settled.box.width() <= 0 || settled.box.height() <= 0))
            return StoreError::make(
                    StoreError::Code::InvalidArgument,
                    QCoreApplication::translate("Boucle::ReviewSession", "box %1 would be empty")
                            .arg(object + 1));
        break;
    case ReviewAction::Relabel:
        settled.label = label.trimmed();
        if (settled.label.isEmpty())
            return StoreError::make(StoreError::Code::InvalidArgument,
                                    QCoreApplication::translate("Boucle::ReviewSession",
                                                                "choose the right label first"));
        if (settled.label == predicted.label)
            return StoreError::make(StoreError::Code::InvalidArgument,
                                    QCoreApplication::translate(
                                            "Boucle::ReviewSession",
                                            "'%1' is what the model predicted: approve instead of "
                                            "relabelling")
                                            .arg(settled.label));
        break;
    default:
        return StoreError::make(
                StoreError::Code::InvalidArgument,
                QCoreApplication::translate("Boucle::ReviewSession",
                                            "an object is approved, corrected or relabelled"));
    }

    Decision decision;
    decision.itemId = itemId;
    decision.sampleId = item->sampleId;
    decision.predictionId = item->predictionId;
    decision.action = action;
    decision.comment = comment.trimmed();
    decision.startedAt = m_started.value(itemId);
    decision.blindLabel = m_blindAnswers.value(itemId);
    decision.perObject = true;
    decision.objectEntry = ObjectReview::entry(object, action, predicted, settled);
    decision.objectReason = ObjectReview::describe(object, action, predicted, settled);
    auto command = std::make_unique<DecisionCommand>(
            m_store, m_reviewer, QList<Decision> {decision}, objectVerb(action, predicted, object));
    // The document stays on screen: its own time keeps running until its decision.
    const QDateTime started = m_started.value(itemId);
    const StoreError error = push(std::move(command));
    if (!error && started.isValid())
        m_started.insert(itemId, started);
    return error;
}

} // namespace Boucle
