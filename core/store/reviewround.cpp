#include "reviewround.h"

namespace Boucle {

bool ReviewRound::answeredBy(const QString &reviewer) const
{
    return std::any_of(answers.cbegin(), answers.cend(), [&reviewer](const RoundAnswer &answer) {
        return answer.reviewer == reviewer;
    });
}

QString ReviewRound::settledLabel() const
{
    if (stage != ReviewStage::Settled || answers.isEmpty())
        return {};
    return answers.constLast().label;
}

QString reviewRoleName(ReviewRole role)
{
    switch (role) {
    case ReviewRole::Single:
        return QStringLiteral("single");
    case ReviewRole::First:
        return QStringLiteral("first");
    case ReviewRole::Second:
        return QStringLiteral("second");
    case ReviewRole::Adjudication:
        return QStringLiteral("adjudication");
    }
    return {};
}

std::optional<ReviewRole> reviewRoleFromName(const QString &name)
{
    for (ReviewRole role :
         {ReviewRole::Single, ReviewRole::First, ReviewRole::Second, ReviewRole::Adjudication}) {
        if (reviewRoleName(role) == name)
            return role;
    }
    return std::nullopt;
}

QString reviewStageName(ReviewStage stage)
{
    switch (stage) {
    case ReviewStage::None:
        return QStringLiteral("none");
    case ReviewStage::AwaitingSecond:
        return QStringLiteral("second");
    case ReviewStage::Adjudication:
        return QStringLiteral("adjudication");
    case ReviewStage::Settled:
        return QStringLiteral("settled");
    }
    return {};
}

ReviewStage reviewStageFromName(const QString &name)
{
    for (ReviewStage stage :
         {ReviewStage::AwaitingSecond, ReviewStage::Adjudication, ReviewStage::Settled}) {
        if (reviewStageName(stage) == name)
            return stage;
    }
    return ReviewStage::None;
}

ReviewRound roundOf(BatchItemId itemId, const QList<RoundAnswer> &answers)
{
    ReviewRound round;
    round.itemId = itemId;
    for (const RoundAnswer &answer : answers) {
        const bool escalates = answer.action == ReviewAction::Escalate;
        switch (answer.role) {
        case ReviewRole::Single:
        case ReviewRole::First:
            // A new first answer opens a new round (a settled item reviewed again).
            round.answers = {answer};
            if (escalates)
                round.stage = ReviewStage::Adjudication;
            else
                round.stage = answer.role == ReviewRole::Single ? ReviewStage::Settled
                                                                : ReviewStage::AwaitingSecond;
            break;
        case ReviewRole::Second:
            round.answers.append(answer);
            if (escalates) {
                round.stage = ReviewStage::Adjudication;
            } else if (round.answers.size() == 1) {
                // The first answer was undone: this one waits for another reviewer.
                round.stage = ReviewStage::AwaitingSecond;
            } else {
                const QString first = round.answers.constFirst().label;
                round.stage = first == answer.label
                                              && round.answers.constFirst().action
                                                         != ReviewAction::Escalate
                                      ? ReviewStage::Settled
                                      : ReviewStage::Adjudication;
            }
            break;
        case ReviewRole::Adjudication:
            round.answers.append(answer);
            round.stage = escalates ? ReviewStage::Adjudication : ReviewStage::Settled;
            break;
        }
    }
    return round;
}

} // namespace Boucle
