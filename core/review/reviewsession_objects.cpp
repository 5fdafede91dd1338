// ReviewSession's per-object decisions on images and documents (boxes, polygons, masks, spans):
// approve, correct (label, text or geometry), relabel, remove a false positive, add a missed
// object. The item decisions are in reviewsession.cpp; both go through the same DecisionCommand
// and undo stack.
#include "objectreview.h"
#include "reviewcommands_p.h"
#include "reviewsession.h"

#include <QCoreApplication>

namespace Boucle {

using ReviewCommands::Decision;
using ReviewCommands::DecisionCommand;

namespace {

QString shapeWord(const PredictedObject &object)
{
    switch (object.shape) {
    case PredictedObject::Shape::Span:
        return QCoreApplication::translate("Boucle::ReviewSession", "span");
    case PredictedObject::Shape::Polygon:
        return QCoreApplication::translate("Boucle::ReviewSession", "polygon");
    case PredictedObject::Shape::Mask:
        return QCoreApplication::translate("Boucle::ReviewSession", "mask");
    case PredictedObject::Shape::Box:
        break;
    }
    return QCoreApplication::translate("Boucle::ReviewSession", "box");
}

QString objectVerb(ReviewAction action, const PredictedObject &object, int index)
{
    const QString what = QStringLiteral("%1 %2").arg(shapeWord(object)).arg(index + 1);
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

// A reviewer's shape is kept only when it is one: a box with an area, a polygon with three
// corners, a mask with a pixel, all of it finite.
QString shapeProblem(const PredictedObject &object, const QString &name)
{
    auto finite = [](double value) {
        return std::isfinite(value);
    };
    switch (object.shape) {
    case PredictedObject::Shape::Box:
        if (!finite(object.box.x()) || !finite(object.box.y()) || !finite(object.box.width())
            || !finite(object.box.height()) || object.box.width() <= 0 || object.box.height() <= 0)
            return QCoreApplication::translate("Boucle::ReviewSession", "%1 would be empty")
                    .arg(name);
        break;
    case PredictedObject::Shape::Polygon:
        if (object.polygon.size() < 3)
            return QCoreApplication::translate("Boucle::ReviewSession",
                                               "%1 needs at least 3 vertices")
                    .arg(name);
        for (const QPointF &point : object.polygon) {
            if (!finite(point.x()) || !finite(point.y()))
                return QCoreApplication::translate("Boucle::ReviewSession",
                                                   "%1 has a vertex that is not a number")
                        .arg(name);
        }
        break;
    case PredictedObject::Shape::Mask:
        if (!object.mask.isConsistent() || object.mask.area() == 0)
            return QCoreApplication::translate("Boucle::ReviewSession", "%1 would be empty")
                    .arg(name);
        break;
    case PredictedObject::Shape::Span:
        if (object.spanStart < 0 || object.spanEnd <= object.spanStart)
            return QCoreApplication::translate("Boucle::ReviewSession", "%1 would be empty (%2–%3)")
                    .arg(name)
                    .arg(object.spanStart)
                    .arg(object.spanEnd);
        break;
    }
    return {};
}

// The object as the reviewer settles it: a polygon's or mask's extent follows its shape.
PredictedObject normalised(PredictedObject object)
{
    object.label = object.label.trimmed();
    if (object.shape == PredictedObject::Shape::Mask)
        object.box = object.mask.bounds();
    else if (object.shape == PredictedObject::Shape::Polygon)
        object.box = object.polygon.boundingRect();
    return object;
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

QList<ReviewedObject> ReviewSession::reviewedObjectList(BatchItemId item) const
{
    const auto record = m_store.batchItem(item);
    if (!record)
        return {};
    const auto prediction
            = record->predictionId ? m_store.prediction(record->predictionId) : std::nullopt;
    const auto current = m_store.currentRevision(record->sampleId);
    return ObjectReview::reviewed(prediction ? prediction->objects : QList<PredictedObject>(),
                                  current ? current->objects : QJsonArray());
}

StoreError ReviewSession::checkObjectStep(BatchItemId itemId, std::optional<BatchItemRecord> &item,
                                          std::optional<PredictionRecord> &prediction) const
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
    item = m_store.batchItem(itemId);
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
    prediction = item->predictionId ? m_store.prediction(item->predictionId) : std::nullopt;
    if (!prediction)
        return StoreError::make(
                StoreError::Code::NotFound,
                QCoreApplication::translate("Boucle::ReviewSession", "item %1 has no prediction")
                        .arg(item->position + 1));
    return {};
}

Decision ReviewSession::objectDecision(const BatchItemRecord &item, ReviewAction action,
                                       const QString &comment) const
{
    Decision decision;
    decision.itemId = item.id;
    decision.sampleId = item.sampleId;
    decision.predictionId = item.predictionId;
    decision.action = action;
    decision.comment = comment.trimmed();
    decision.startedAt = m_started.value(item.id);
    decision.blindLabel = m_blindAnswers.value(item.id);
    decision.perObject = true;
    return decision;
}

StoreError ReviewSession::decideObject(ReviewAction action, BatchItemId itemId, int object,
                                       const PredictedObject *corrected, const QString &label,
                                       const QString &comment)
{
    std::optional<BatchItemRecord> item;
    std::optional<PredictionRecord> prediction;
    if (auto error = checkObjectStep(itemId, item, prediction))
        return error;
    if (object < 0 || object >= prediction->objects.size())
        return StoreError::make(StoreError::Code::NotFound,
                                QCoreApplication::translate("Boucle::ReviewSession",
                                                            "item %1 has no predicted object %2")
                                        .arg(item->position + 1)
                                        .arg(object + 1));
    const PredictedObject &predicted = prediction->objects.at(object);
    // What this step changes from: the object as it stands (a second correction of the same box
    // says what the second drag did).
    const auto current = m_store.currentRevision(item->sampleId);
    const QList<ReviewedObject> standing = ObjectReview::reviewed(
            prediction->objects, current ? current->objects : QJsonArray());
    const PredictedObject before = standing.at(object).decision == ObjectDecision::Removed
                                           ? predicted
                                           : standing.at(object).object;
    PredictedObject settled = predicted;
    switch (action) {
    case ReviewAction::Approve:
        break;
    case ReviewAction::Override: {
        settled = *corrected;
        settled.shape = predicted.shape;
        settled.page = predicted.page;
        settled.score = predicted.score;
        settled = normalised(settled);
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
        const QString name = QStringLiteral("%1 %2").arg(shapeWord(predicted)).arg(object + 1);
        if (const QString problem = shapeProblem(settled, name); !problem.isEmpty())
            return StoreError::make(StoreError::Code::InvalidArgument, problem);
        break;
    }
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

    Decision decision = objectDecision(*item, action, comment);
    decision.objectEntry = ObjectReview::entry(object, action, predicted, settled);
    decision.objectReason = ObjectReview::describe(object, action, before, settled);
    return pushObjectSteps(*item, *prediction, {decision}, objectVerb(action, predicted, object),
                           false, comment);
}

StoreError ReviewSession::removeObject(BatchItemId itemId, int object, const QString &comment)
{
    std::optional<BatchItemRecord> item;
    std::optional<PredictionRecord> prediction;
    if (auto error = checkObjectStep(itemId, item, prediction))
        return error;
    if (object < 0 || object >= prediction->objects.size())
        return StoreError::make(StoreError::Code::NotFound,
                                QCoreApplication::translate("Boucle::ReviewSession",
                                                            "item %1 has no predicted object %2")
                                        .arg(item->position + 1)
                                        .arg(object + 1));
    const PredictedObject &predicted = prediction->objects.at(object);
    Decision decision = objectDecision(*item, ReviewAction::Override, comment);
    decision.objectEntry = ObjectReview::removalEntry(object, predicted);
    decision.objectReason = ObjectReview::describeRemoval(object, predicted);
    return pushObjectSteps(*item, *prediction, {decision},
                           QCoreApplication::translate("Boucle::ReviewSession", "Remove %1 %2")
                                   .arg(shapeWord(predicted))
                                   .arg(object + 1),
                           false, comment);
}

StoreError ReviewSession::addObject(BatchItemId itemId, const PredictedObject &object,
                                    const QString &comment, int *added)
{
    std::optional<BatchItemRecord> item;
    std::optional<PredictionRecord> prediction;
    if (auto error = checkObjectStep(itemId, item, prediction))
        return error;
    PredictedObject settled = normalised(object);
    settled.score = 1.0;
    if (settled.label.isEmpty())
        return StoreError::make(
                StoreError::Code::InvalidArgument,
                QCoreApplication::translate("Boucle::ReviewSession",
                                            "choose the class of the missed object first"));
    if (!m_store.classNames().contains(settled.label))
        return StoreError::make(StoreError::Code::InvalidArgument,
                                QCoreApplication::translate("Boucle::ReviewSession",
                                                            "'%1' is not a class of this project")
                                        .arg(settled.label));
    if (settled.shape == PredictedObject::Shape::Span && !settled.text.isEmpty())
        settled.text = settled.text.trimmed();
    const auto current = m_store.currentRevision(item->sampleId);
    const int number = ObjectReview::nextAdded(current ? current->objects : QJsonArray());
    const QString name = QCoreApplication::translate("Boucle::ReviewSession", "the new %1")
                                 .arg(shapeWord(settled));
    if (const QString problem = shapeProblem(settled, name); !problem.isEmpty())
        return StoreError::make(StoreError::Code::InvalidArgument, problem);
    Decision decision = objectDecision(*item, ReviewAction::Override, comment);
    decision.objectEntry = ObjectReview::additionEntry(number, settled);
    decision.objectReason = ObjectReview::describeAddition(number, settled);
    const StoreError error
            = pushObjectSteps(*item, *prediction, {decision},
                              QCoreApplication::translate("Boucle::ReviewSession", "Add %1 (%2)")
                                      .arg(shapeWord(settled), settled.label),
                              false, comment);
    if (!error && added)
        *added = number;
    return error;
}

StoreError ReviewSession::findAdded(const BatchItemRecord &item, const PredictionRecord &prediction,
                                    int added, std::optional<ReviewedObject> &found) const
{
    const auto current = m_store.currentRevision(item.sampleId);
    const QList<ReviewedObject> standing
            = ObjectReview::reviewed(prediction.objects, current ? current->objects : QJsonArray());
    const auto it = std::find_if(standing.cbegin(), standing.cend(),
                                 [added](const ReviewedObject &o) { return o.added == added; });
    if (added <= 0 || it == standing.cend())
        return StoreError::make(StoreError::Code::NotFound,
                                QCoreApplication::translate("Boucle::ReviewSession",
                                                            "item %1 has no added object +%2")
                                        .arg(item.position + 1)
                                        .arg(added));
    found = *it;
    return {};
}

StoreError ReviewSession::editAddedObject(BatchItemId itemId, int added,
                                          const PredictedObject &object, const QString &comment)
{
    std::optional<BatchItemRecord> item;
    std::optional<PredictionRecord> prediction;
    if (auto error = checkObjectStep(itemId, item, prediction))
        return error;
    std::optional<ReviewedObject> found;
    if (auto error = findAdded(*item, *prediction, added, found))
        return error;
    PredictedObject settled = normalised(object);
    settled.shape = found->object.shape;
    settled.score = 1.0;
    if (settled.label.isEmpty())
        settled.label = found->object.label;
    if (!m_store.classNames().contains(settled.label))
        return StoreError::make(StoreError::Code::InvalidArgument,
                                QCoreApplication::translate("Boucle::ReviewSession",
                                                            "'%1' is not a class of this project")
                                        .arg(settled.label));
    if (!ObjectReview::differs(found->object, settled))
        return StoreError::make(StoreError::Code::InvalidArgument,
                                QCoreApplication::translate("Boucle::ReviewSession",
                                                            "added object +%1 is unchanged")
                                        .arg(added));
    const QString name = QStringLiteral("%1 +%2").arg(shapeWord(settled)).arg(added);
    if (const QString problem = shapeProblem(settled, name); !problem.isEmpty())
        return StoreError::make(StoreError::Code::InvalidArgument, problem);
    Decision decision = objectDecision(*item, ReviewAction::Override, comment);
    decision.objectEntry = ObjectReview::additionEntry(added, settled);
    decision.objectReason = ObjectReview::describeAddedEdit(added, found->object, settled);
    return pushObjectSteps(
            *item, *prediction, {decision},
            QCoreApplication::translate("Boucle::ReviewSession", "Correct %1").arg(name), false,
            comment);
}

StoreError ReviewSession::deleteAddedObject(BatchItemId itemId, int added, const QString &comment)
{
    std::optional<BatchItemRecord> item;
    std::optional<PredictionRecord> prediction;
    if (auto error = checkObjectStep(itemId, item, prediction))
        return error;
    std::optional<ReviewedObject> found;
    if (auto error = findAdded(*item, *prediction, added, found))
        return error;
    Decision decision = objectDecision(*item, ReviewAction::Override, comment);
    decision.objectEntry = ObjectReview::additionEntry(added, found->object);
    decision.objectEntry.insert(QStringLiteral("decision"), QStringLiteral("delete"));
    decision.deletesAdded = added;
    decision.objectReason = ObjectReview::describeAddedDeletion(added, found->object);
    return pushObjectSteps(*item, *prediction, {decision},
                           QCoreApplication::translate("Boucle::ReviewSession", "Delete %1 +%2")
                                   .arg(shapeWord(found->object))
                                   .arg(added),
                           false, comment);
}

StoreError ReviewSession::approveRemainingObjects(BatchItemId itemId, const QString &comment)
{
    std::optional<BatchItemRecord> item;
    std::optional<PredictionRecord> prediction;
    if (auto error = checkObjectStep(itemId, item, prediction))
        return error;
    const auto current = m_store.currentRevision(item->sampleId);
    const QList<ReviewedObject> standing = ObjectReview::reviewed(
            prediction->objects, current ? current->objects : QJsonArray());
    QList<Decision> decisions;
    for (const ReviewedObject &object : standing) {
        if (object.index < 0 || object.isDecided())
            continue;
        Decision decision = objectDecision(*item, ReviewAction::Approve, {});
        decision.objectEntry = ObjectReview::entry(object.index, ReviewAction::Approve,
                                                   object.predicted, object.predicted);
        decision.objectReason = ObjectReview::describe(object.index, ReviewAction::Approve,
                                                       object.predicted, object.predicted);
        decisions.append(decision);
    }
    return pushObjectSteps(*item, *prediction, decisions,
                           QCoreApplication::translate("Boucle::ReviewSession",
                                                       "Approve %n remaining object(s)", nullptr,
                                                       int(decisions.size())),
                           true, comment);
}

StoreError ReviewSession::pushObjectSteps(const BatchItemRecord &item,
                                          const PredictionRecord &prediction,
                                          QList<Decision> decisions, const QString &text,
                                          bool completeItem, const QString &comment)
{
    // What the objects will be once these steps are written.
    const auto current = m_store.currentRevision(item.sampleId);
    QJsonArray objects = current ? current->objects : QJsonArray();
    for (const Decision &decision : decisions)
        objects = decision.deletesAdded > 0
                          ? ObjectReview::withoutAdded(objects, decision.deletesAdded)
                          : ObjectReview::withEntry(objects, decision.objectEntry);
    const QList<ReviewedObject> after = ObjectReview::reviewed(prediction.objects, objects);
    const bool allDecided = std::all_of(after.cbegin(), after.cend(), [](const ReviewedObject &o) {
        return o.index < 0 || o.isDecided();
    });
    const bool completes
            = completeItem
              || (allDecided && !prediction.objects.isEmpty() && prediction.label.isEmpty()
                  && item.status == ReviewStatus::Pending);
    if (completes) {
        if (!allDecided)
            return StoreError::make(
                    StoreError::Code::Conflict,
                    QCoreApplication::translate("Boucle::ReviewSession",
                                                "some objects of item %1 are still undecided")
                            .arg(item.position + 1));
        const bool changed = std::any_of(after.cbegin(), after.cend(), [](const ReviewedObject &o) {
            return o.decision != ObjectDecision::Approved;
        });
        Decision itemDecision;
        itemDecision.itemId = item.id;
        itemDecision.sampleId = item.sampleId;
        itemDecision.predictionId = item.predictionId;
        itemDecision.action = prediction.label.isEmpty() && changed ? ReviewAction::Override
                                                                    : ReviewAction::Approve;
        itemDecision.label = prediction.label;
        itemDecision.comment = comment.trimmed();
        itemDecision.startedAt = m_started.value(item.id);
        itemDecision.blindLabel = m_blindAnswers.value(item.id);
        if (auto error = assignRole(itemDecision, item, prediction.label))
            return error;
        decisions.append(itemDecision);
    }
    auto command = std::make_unique<DecisionCommand>(m_store, m_reviewer, decisions, text);
    // The sample stays on screen until its own decision: its time keeps running.
    const QDateTime started = m_started.value(item.id);
    const StoreError error = push(std::move(command));
    if (!error && started.isValid() && !completes)
        m_started.insert(item.id, started);
    return error;
}

} // namespace Boucle
