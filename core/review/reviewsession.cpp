#include "reviewsession.h"

#include "reviewcommands_p.h"

#include <QCoreApplication>
#include <QSet>
#include <QUndoStack>

#include <algorithm>

namespace Boucle {

using ReviewCommands::Decision;
using ReviewCommands::DecisionCommand;

namespace {

bool settingIsTrue(const QString &value)
{
    return value == QLatin1String("true") || value == QLatin1String("1")
           || value == QLatin1String("yes");
}

QString actionVerb(ReviewAction action, int count)
{
    switch (action) {
    case ReviewAction::Approve:
        return count == 1 ? QCoreApplication::translate("Boucle::ReviewSession", "Approve")
                          : QCoreApplication::translate("Boucle::ReviewSession", "Approve %1 items")
                                    .arg(count);
    case ReviewAction::Override:
        return count == 1
                       ? QCoreApplication::translate("Boucle::ReviewSession", "Override")
                       : QCoreApplication::translate("Boucle::ReviewSession", "Override %1 items")
                                 .arg(count);
    case ReviewAction::Relabel:
        return count == 1 ? QCoreApplication::translate("Boucle::ReviewSession", "Relabel")
                          : QCoreApplication::translate("Boucle::ReviewSession", "Relabel %1 items")
                                    .arg(count);
    case ReviewAction::Skip:
        return count == 1 ? QCoreApplication::translate("Boucle::ReviewSession", "Skip")
                          : QCoreApplication::translate("Boucle::ReviewSession", "Skip %1 items")
                                    .arg(count);
    case ReviewAction::Escalate:
        return count == 1
                       ? QCoreApplication::translate("Boucle::ReviewSession", "Escalate")
                       : QCoreApplication::translate("Boucle::ReviewSession", "Escalate %1 items")
                                 .arg(count);
    case ReviewAction::Revoke:
        break;
    }
    return QCoreApplication::translate("Boucle::ReviewSession", "Undo");
}

} // namespace

QString ReviewSession::requireOverrideCommentKey()
{
    return QStringLiteral("review.require_override_comment");
}

QString ReviewSession::blindModeKey()
{
    return QStringLiteral("review.blind");
}

ReviewSession::ReviewSession(ProjectStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_stack(std::make_unique<QUndoStack>())
{
    connect(m_stack.get(), &QUndoStack::indexChanged, this, &ReviewSession::undoStateChanged);
    connect(&m_store, &ProjectStore::changed, this, [this](ProjectStore::Changes what) {
        if (what.testFlag(ProjectStore::Change::Settings))
            m_projectBlind.reset();
    });
}

ReviewSession::~ReviewSession() = default;

void ReviewSession::setReviewer(const QString &name)
{
    m_reviewer = name.trimmed();
}

bool ReviewSession::commentRequiredToOverride() const
{
    return settingIsTrue(m_store.setting(requireOverrideCommentKey()));
}

StoreError ReviewSession::setCommentRequiredToOverride(bool required)
{
    return m_store.setSetting(requireOverrideCommentKey(),
                              required ? QStringLiteral("true") : QStringLiteral("false"));
}

bool ReviewSession::isBlind() const
{
    return m_reviewerBlind || projectIsBlind();
}

bool ReviewSession::projectIsBlind() const
{
    if (!m_projectBlind)
        m_projectBlind = settingIsTrue(m_store.setting(blindModeKey()));
    return *m_projectBlind;
}

StoreError ReviewSession::setProjectBlind(bool blind)
{
    m_projectBlind.reset();
    return m_store.setSetting(blindModeKey(),
                              blind ? QStringLiteral("true") : QStringLiteral("false"));
}

void ReviewSession::setReviewerBlind(bool blind)
{
    m_reviewerBlind = blind;
}

void ReviewSession::startItem(BatchItemId item)
{
    m_started.insert(item, m_store.now());
}

QDateTime ReviewSession::startedAt(BatchItemId item) const
{
    return m_started.value(item);
}

StoreError ReviewSession::giveBlindAnswer(BatchItemId item, const QString &label)
{
    if (!m_store.batchItem(item))
        return StoreError::make(
                StoreError::Code::NotFound,
                QCoreApplication::translate("Boucle::ReviewSession", "there is no batch item %1")
                        .arg(item));
    const QString answer = label.trimmed();
    if (answer.isEmpty() || !m_store.classNames().contains(answer))
        return StoreError::make(StoreError::Code::InvalidArgument,
                                QCoreApplication::translate("Boucle::ReviewSession",
                                                            "'%1' is not a class of this project")
                                        .arg(answer));
    m_blindAnswers.insert(item, answer);
    emit blindAnswerGiven(item, answer);
    return {};
}

QString ReviewSession::blindAnswer(BatchItemId item) const
{
    return m_blindAnswers.value(item);
}

bool ReviewSession::isRevealed(BatchItemId item) const
{
    return !isBlind() || m_blindAnswers.contains(item);
}

StoreError ReviewSession::approve(BatchItemId item, const QString &comment)
{
    return decide(ReviewAction::Approve, {item}, {}, comment);
}

StoreError ReviewSession::override(BatchItemId item, const QString &label, const QString &comment)
{
    return decide(ReviewAction::Override, {item}, label, comment);
}

StoreError ReviewSession::relabel(BatchItemId item, const QString &label, const QString &comment)
{
    return decide(ReviewAction::Relabel, {item}, label, comment);
}

StoreError ReviewSession::skip(BatchItemId item, const QString &comment)
{
    return decide(ReviewAction::Skip, {item}, {}, comment);
}

StoreError ReviewSession::escalate(BatchItemId item, const QString &comment)
{
    return decide(ReviewAction::Escalate, {item}, {}, comment);
}

StoreError ReviewSession::approveAll(const QList<BatchItemId> &items, const QString &comment)
{
    return decide(ReviewAction::Approve, items, {}, comment);
}

StoreError ReviewSession::overrideAll(const QList<BatchItemId> &items, const QString &label,
                                      const QString &comment)
{
    return decide(ReviewAction::Override, items, label, comment);
}

StoreError ReviewSession::relabelAll(const QList<BatchItemId> &items, const QString &label,
                                     const QString &comment)
{
    return decide(ReviewAction::Relabel, items, label, comment);
}

StoreError ReviewSession::skipAll(const QList<BatchItemId> &items, const QString &comment)
{
    return decide(ReviewAction::Skip, items, {}, comment);
}

StoreError ReviewSession::escalateAll(const QList<BatchItemId> &items, const QString &comment)
{
    return decide(ReviewAction::Escalate, items, {}, comment);
}

StoreError ReviewSession::decide(ReviewAction action, const QList<BatchItemId> &items,
                                 const QString &label, const QString &comment)
{
    if (m_reviewer.isEmpty())
        return StoreError::make(
                StoreError::Code::InvalidArgument,
                QCoreApplication::translate(
                        "Boucle::ReviewSession",
                        "give your name before reviewing: every decision carries it"));
    if (items.isEmpty())
        return StoreError::make(
                StoreError::Code::InvalidArgument,
                QCoreApplication::translate("Boucle::ReviewSession", "no item is selected"));
    if (m_store.isReadOnly())
        return StoreError::make(StoreError::Code::ReadOnly,
                                QCoreApplication::translate("Boucle::ReviewSession",
                                                            "the project %1 is open read-only")
                                        .arg(m_store.path()));
    const QString chosen = label.trimmed();
    const bool needsLabel = action == ReviewAction::Override || action == ReviewAction::Relabel;
    if (needsLabel) {
        if (chosen.isEmpty())
            return StoreError::make(StoreError::Code::InvalidArgument,
                                    QCoreApplication::translate("Boucle::ReviewSession",
                                                                "choose the right class first"));
        if (!m_store.classNames().contains(chosen))
            return StoreError::make(
                    StoreError::Code::InvalidArgument,
                    QCoreApplication::translate("Boucle::ReviewSession",
                                                "'%1' is not a class of this project")
                            .arg(chosen));
    }
    if (action == ReviewAction::Override && commentRequiredToOverride()
        && comment.trimmed().isEmpty())
        return StoreError::make(
                StoreError::Code::InvalidArgument,
                QCoreApplication::translate(
                        "Boucle::ReviewSession",
                        "this project requires a comment to override a prediction"));

    // A selection may name an item twice (a rubber band over a row already picked): each item
    // is decided once, in the order first given.
    QList<BatchItemId> unique;
    unique.reserve(items.size());
    QSet<BatchItemId> seen;
    seen.reserve(items.size());
    for (const BatchItemId itemId : items) {
        if (!seen.contains(itemId)) {
            seen.insert(itemId);
            unique.append(itemId);
        }
    }
    // Read once for the whole selection, not once per item.
    const DoubleReviewPolicy policy = doubleReviewPolicy();
    const bool blind = isBlind();

    // Every item is checked before anything is written: a bulk decision is all or nothing, and
    // a refusal names the first item that cannot take it.
    QList<Decision> decisions;
    decisions.reserve(unique.size());
    for (const BatchItemId itemId : std::as_const(unique)) {
        const auto item = m_store.batchItem(itemId);
        if (!item)
            return StoreError::make(StoreError::Code::NotFound,
                                    QCoreApplication::translate("Boucle::ReviewSession",
                                                                "there is no batch item %1")
                                            .arg(itemId));
        Decision decision;
        decision.itemId = itemId;
        decision.sampleId = item->sampleId;
        decision.predictionId = item->predictionId;
        decision.action = action;
        decision.comment = comment.trimmed();
        decision.startedAt = m_started.value(itemId);
        decision.blindLabel = m_blindAnswers.value(itemId);
        const bool judgesPrediction = action == ReviewAction::Approve
                                      || action == ReviewAction::Override
                                      || action == ReviewAction::Relabel;
        if (judgesPrediction && blind && decision.blindLabel.isEmpty())
            return StoreError::make(
                    StoreError::Code::Conflict,
                    unique.size() == 1
                            ? QCoreApplication::translate(
                                    "Boucle::ReviewSession",
                                    "blind review: give your own answer before the prediction "
                                    "is shown")
                            : QCoreApplication::translate(
                                      "Boucle::ReviewSession",
                                      "blind review: give your own answer on item %1 before its "
                                      "prediction is shown")
                                      .arg(item->position + 1));
        std::optional<PredictionRecord> prediction;
        if (item->predictionId != 0)
            prediction = m_store.prediction(item->predictionId);
        if (action == ReviewAction::Approve) {
            if (!prediction || prediction->label.isEmpty())
                return StoreError::make(
                        StoreError::Code::InvalidArgument,
                        QCoreApplication::translate("Boucle::ReviewSession",
                                                    "item %1 has no predicted label to approve")
                                .arg(item->position + 1));
            decision.label = prediction->label;
        } else if (needsLabel) {
            if (action == ReviewAction::Override && unique.size() == 1 && prediction
                && prediction->label == chosen)
                return StoreError::make(StoreError::Code::InvalidArgument,
                                        QCoreApplication::translate(
                                                "Boucle::ReviewSession",
                                                "'%1' is what the model predicted: approve instead "
                                                "of overriding")
                                                .arg(chosen));
            decision.label = chosen;
        }
        if (auto error
            = assignRole(decision, *item, prediction ? prediction->label : QString(), &policy))
            return error;
        decisions.append(decision);
    }
    auto command = std::make_unique<DecisionCommand>(m_store, m_reviewer, decisions,
                                                     actionVerb(action, int(unique.size())));
    return push(std::move(command));
}

QString ReviewSession::doubleReviewKey()
{
    return QStringLiteral("review.double");
}

DoubleReviewPolicy ReviewSession::doubleReviewPolicy() const
{
    return DoubleReviewPolicy::fromJson(m_store.setting(doubleReviewKey()));
}

StoreError ReviewSession::setDoubleReviewPolicy(const DoubleReviewPolicy &policy)
{
    if (policy.share < 0.0 || policy.share > 1.0)
        return StoreError::make(StoreError::Code::InvalidArgument,
                                tr("the share of items reviewed twice must be between 0 and 1"));
    const QStringList known = m_store.classNames(true);
    for (const QString &name : policy.classes) {
        if (!known.contains(name))
            return StoreError::make(StoreError::Code::InvalidArgument,
                                    tr("'%1' is not a class of this project").arg(name));
    }
    return m_store.setSetting(doubleReviewKey(), policy.toJson());
}

ReviewRound ReviewSession::visibleRound(BatchItemId item) const
{
    ReviewRound round = m_store.reviewRound(item);
    if (round.stage == ReviewStage::AwaitingSecond)
        round.answers.removeIf(
                [this](const RoundAnswer &answer) { return answer.reviewer != m_reviewer; });
    return round;
}

int ReviewSession::hiddenAnswerCount(BatchItemId item) const
{
    const ReviewRound round = m_store.reviewRound(item);
    if (round.stage != ReviewStage::AwaitingSecond)
        return 0;
    return int(std::count_if(
            round.answers.cbegin(), round.answers.cend(),
            [this](const RoundAnswer &answer) { return answer.reviewer != m_reviewer; }));
}

QList<ReviewRecord> ReviewSession::visibleReviews(SampleId sample) const
{
    return m_store.reviewsVisibleTo(sample, m_reviewer);
}

StoreError ReviewSession::assignRole(Decision &decision, const BatchItemRecord &item,
                                     const QString &predicted,
                                     const DoubleReviewPolicy *policy) const
{
    const ReviewRound round = m_store.reviewRound(item.id);
    const bool skips = decision.action == ReviewAction::Skip;
    switch (round.stage) {
    case ReviewStage::None:
    case ReviewStage::Settled:
        decision.role = !skips
                                        && (policy ? *policy : doubleReviewPolicy())
                                                   .selects(item.id, predicted, decision.label)
                                ? ReviewRole::First
                                : ReviewRole::Single;
        decision.holdsLabel = decision.role == ReviewRole::First;
        return {};
    case ReviewStage::AwaitingSecond:
        decision.role = ReviewRole::Second;
        if (skips)
            return {};
        if (round.answeredBy(m_reviewer))
            return StoreError::make(
                    StoreError::Code::Conflict,
                    tr("item %1 waits for a second, independent answer: you gave the first one, "
                       "so another reviewer must give it")
                            .arg(item.position + 1));
        // Two answers that agree settle the label; otherwise it waits for the adjudicator.
        decision.holdsLabel = round.answers.constFirst().label != decision.label;
        return {};
    case ReviewStage::Adjudication:
        decision.role = ReviewRole::Adjudication;
        if (skips)
            return {};
        if (decision.action == ReviewAction::Escalate)
            return StoreError::make(StoreError::Code::Conflict,
                                    tr("item %1 already waits for adjudication: decide it, or "
                                       "skip it for another adjudicator")
                                            .arg(item.position + 1));
        if (round.answeredBy(m_reviewer))
            return StoreError::make(StoreError::Code::Conflict,
                                    tr("you gave one of the answers on item %1: another reviewer "
                                       "adjudicates it")
                                            .arg(item.position + 1));
        decision.holdsLabel = false;
        return {};
    }
    return {};
}

StoreError ReviewSession::push(std::unique_ptr<DecisionCommand> command)
{
    if (auto error = command->apply())
        return error;
    command->arm();
    DecisionCommand *pushed = command.get();
    m_stack->push(command.release());
    for (const auto &decision : pushed->decisions())
        m_started.remove(decision.itemId);
    announce(*pushed, true);
    return {};
}

void ReviewSession::announce(const DecisionCommand &command, bool applied)
{
    m_decisionCount += applied ? int(command.decisions().size()) : -int(command.decisions().size());
    for (const auto &decision : command.decisions()) {
        const auto item = m_store.batchItem(decision.itemId);
        emit itemDecided(decision.itemId, item ? item->status : ReviewStatus::Pending);
    }
}

bool ReviewSession::canUndo() const
{
    return m_stack->canUndo();
}

bool ReviewSession::canRedo() const
{
    return m_stack->canRedo();
}

QString ReviewSession::undoText() const
{
    return m_stack->undoText();
}

QString ReviewSession::redoText() const
{
    return m_stack->redoText();
}

StoreError ReviewSession::undo()
{
    if (!m_stack->canUndo())
        return StoreError::make(
                StoreError::Code::Conflict,
                QCoreApplication::translate("Boucle::ReviewSession", "there is nothing to undo"));
    // The stack only hands out const commands; the session created them all, so it may act on them.
    auto *command = const_cast<DecisionCommand *>(
            static_cast<const DecisionCommand *>(m_stack->command(m_stack->index() - 1)));
    if (auto error = command->revert())
        return error;
    command->arm();
    m_stack->undo();
    announce(*command, false);
    return {};
}

StoreError ReviewSession::redo()
{
    if (!m_stack->canRedo())
        return StoreError::make(
                StoreError::Code::Conflict,
                QCoreApplication::translate("Boucle::ReviewSession", "there is nothing to redo"));
    auto *command = const_cast<DecisionCommand *>(
            static_cast<const DecisionCommand *>(m_stack->command(m_stack->index())));
    if (auto error = command->apply())
        return error;
    command->arm();
    m_stack->redo();
    announce(*command, true);
    return {};
}

void ReviewSession::clearHistory()
{
    m_stack->clear();
    m_started.clear();
    m_blindAnswers.clear();
    m_decisionCount = 0;
    emit undoStateChanged();
}

} // namespace Boucle
