// ReviewerActivity: how fast and how critically each reviewer decides: decisions per hour of
// active reviewing, median time per decision, and the share of decisions that overrode the
// model. A plain value; any thread.
#pragma once

#include "rateestimate.h"

#include <QList>
#include <QString>

#include <optional>

namespace Boucle {

// One decision (or `count` alike). seconds < 0 when the start time is unknown; such decisions
// count as decisions but not in the timing figures.
struct ReviewerDecision
{
    QString reviewer;
    bool overridden = false;
    double seconds = -1.0;
    qint64 count = 1;
};

struct ReviewerActivity
{
    QString reviewer;
    qint64 decisions = 0;
    qint64 timedDecisions = 0;
    // Timed decisions per hour of active time; each decision's time is capped at the idle limit
    // so a sample left open over lunch does not count as work. None without timed decisions.
    std::optional<double> decisionsPerHour;
    std::optional<double> medianSeconds;
    RateEstimate overrideRate;

    // One row per reviewer, in name order.
    static QList<ReviewerActivity> compute(const QList<ReviewerDecision> &decisions,
                                           double idleLimitSeconds = 300.0);
};

} // namespace Boucle
