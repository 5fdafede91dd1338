#include "suspectyield.h"

#include <map>

namespace Boucle {

SuspectYield SuspectYield::compute(const QStringList &classNames,
                                   const QList<SuspectTally> &tallies, const RateEstimate &control)
{
    SuspectYield yield;
    std::map<int, std::pair<qint64, qint64>> byClass; // reviewed, confirmed
    qint64 reviewed = 0, confirmed = 0;
    for (const SuspectTally &tally : tallies) {
        if (tally.reviewed <= 0)
            continue;
        auto &counts = byClass[tally.givenClass];
        counts.first += tally.reviewed;
        counts.second += tally.confirmed;
        reviewed += tally.reviewed;
        confirmed += tally.confirmed;
    }
    for (const auto &[givenClass, counts] : byClass)
        yield.classes.append(
                {classNames.value(givenClass), RateEstimate::wilson(counts.second, counts.first)});
    yield.total = RateEstimate::wilson(confirmed, reviewed);
    yield.control = control;
    return yield;
}

} // namespace Boucle
