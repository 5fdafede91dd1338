#include "projectrecords.h"

namespace Boucle {

QString splitName(SampleSplit split)
{
    return split == SampleSplit::Test ? QStringLiteral("test") : QStringLiteral("pool");
}

SampleSplit splitFromName(const QString &name)
{
    return name == QLatin1String("test") ? SampleSplit::Test : SampleSplit::Pool;
}

QString reviewActionName(ReviewAction action)
{
    switch (action) {
    case ReviewAction::Approve:
        return QStringLiteral("approve");
    case ReviewAction::Override:
        return QStringLiteral("override");
    case ReviewAction::Relabel:
        return QStringLiteral("relabel");
    case ReviewAction::Skip:
        return QStringLiteral("skip");
    case ReviewAction::Escalate:
        return QStringLiteral("escalate");
    case ReviewAction::Revoke:
        return QStringLiteral("revoke");
    }
    return {};
}

std::optional<ReviewAction> reviewActionFromName(const QString &name)
{
    for (auto action : {ReviewAction::Approve, ReviewAction::Override, ReviewAction::Relabel,
                        ReviewAction::Skip, ReviewAction::Escalate, ReviewAction::Revoke}) {
        if (reviewActionName(action) == name)
            return action;
    }
    return std::nullopt;
}

QString reviewStatusName(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Pending:
        return QStringLiteral("pending");
    case ReviewStatus::Approved:
        return QStringLiteral("approved");
    case ReviewStatus::Overridden:
        return QStringLiteral("overridden");
    case ReviewStatus::Relabelled:
        return QStringLiteral("relabelled");
    case ReviewStatus::Skipped:
        return QStringLiteral("skipped");
    case ReviewStatus::Escalated:
        return QStringLiteral("escalated");
    }
    return {};
}

ReviewStatus reviewStatusFromName(const QString &name)
{
    for (auto status : {ReviewStatus::Approved, ReviewStatus::Overridden, ReviewStatus::Relabelled,
                        ReviewStatus::Skipped, ReviewStatus::Escalated}) {
        if (reviewStatusName(status) == name)
            return status;
    }
    return ReviewStatus::Pending;
}

ReviewStatus statusAfter(ReviewAction action)
{
    switch (action) {
    case ReviewAction::Approve:
        return ReviewStatus::Approved;
    case ReviewAction::Override:
        return ReviewStatus::Overridden;
    case ReviewAction::Relabel:
        return ReviewStatus::Relabelled;
    case ReviewAction::Skip:
        return ReviewStatus::Skipped;
    case ReviewAction::Escalate:
        return ReviewStatus::Escalated;
    case ReviewAction::Revoke:
        return ReviewStatus::Pending;
    }
    return ReviewStatus::Pending;
}

} // namespace Boucle
