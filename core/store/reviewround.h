// Double review and adjudication, as the store records it: the role of each review and the
// stage of an item's current review round. Plain values, copied freely between threads.
#pragma once

#include "records/projectrecords.h"

#include <optional>

namespace Boucle {

// Why a review was made. Single: the one answer an item needs. First: an answer that waits for a
// second, independent one. Second: that independent answer. Adjudication: the decision that
// settles a disagreement or an escalation.
enum class ReviewRole { Single, First, Second, Adjudication };

// Where an item's current round stands.
enum class ReviewStage {
    None,           // no answer yet (or every answer was undone)
    AwaitingSecond, // a first answer waits for a second reviewer
    Adjudication,   // the answers disagree, or someone escalated: an adjudicator decides
    Settled,        // a single answer, two that agree, or an adjudicator's decision
};

// One answer of a round (skips and undone reviews are not answers).
struct RoundAnswer
{
    ReviewId reviewId = 0;
    QString reviewer;
    ReviewRole role = ReviewRole::Single;
    ReviewAction action = ReviewAction::Approve;
    QString label; // empty for an escalation
    QString comment;
    QDateTime finishedAt;
};

// An item's current round: the answers since the last first (or single) answer.
struct ReviewRound
{
    BatchItemId itemId = 0;
    ReviewStage stage = ReviewStage::None;
    QList<RoundAnswer> answers;

    ReviewId start() const { return answers.isEmpty() ? 0 : answers.constFirst().reviewId; }
    bool answeredBy(const QString &reviewer) const;
    // The label the round settled on; empty while unsettled.
    QString settledLabel() const;
};

QString reviewRoleName(ReviewRole role);
std::optional<ReviewRole> reviewRoleFromName(const QString &name);
QString reviewStageName(ReviewStage stage);
ReviewStage reviewStageFromName(const QString &name);

// The round after `answers` (in the order given, undone reviews and skips left out).
ReviewRound roundOf(BatchItemId itemId, const QList<RoundAnswer> &answers);

} // namespace Boucle
