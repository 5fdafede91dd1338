#include "triggeryield.h"

#include <QMap>

#include <algorithm>

namespace Boucle {

TriggerYield TriggerYield::compute(const QList<TriggerTally> &triggers, const TriggerTally &control)
{
    TriggerYield result;
    result.control = RateEstimate::wilson(control.wrong, control.reviewed);

    // The same trigger may arrive in several tallies (one per batch, say): add them up.
    QMap<QString, TriggerTally> merged;
    for (const auto &tally : triggers) {
        auto &entry = merged[tally.trigger];
        entry.trigger = tally.trigger;
        entry.reviewed += tally.reviewed;
        entry.wrong += tally.wrong;
    }
    for (const auto &tally : std::as_const(merged)) {
        if (tally.reviewed <= 0)
            continue;
        TriggerYieldRow row;
        row.trigger = tally.trigger;
        row.yield = RateEstimate::wilson(tally.wrong, tally.reviewed);
        if (result.hasControl() && result.control.rate > 0.0)
            row.lift = row.yield.rate / result.control.rate;
        row.aboveControl = result.hasControl() && row.yield.low > result.control.high;
        result.triggers.append(row);
    }
    std::stable_sort(result.triggers.begin(), result.triggers.end(),
                     [](const TriggerYieldRow &a, const TriggerYieldRow &b) {
                         return a.yield.rate > b.yield.rate;
                     });
    return result;
}

} // namespace Boucle
