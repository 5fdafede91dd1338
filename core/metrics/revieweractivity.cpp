#include "revieweractivity.h"

#include <QMap>

#include <algorithm>
#include <utility>

namespace Boucle {

namespace {

// Median of weighted values: the middle of the expanded list, the mean of the two middles when
// the total weight is even.
std::optional<double> weightedMedian(QList<std::pair<double, qint64>> values)
{
    qint64 total = 0;
    for (const auto &value : values)
        total += value.second;
    if (total <= 0)
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qint64 lowRank = (total - 1) / 2; // 0-based ranks of the middle element(s)
    const qint64 highRank = total / 2;
    double low = 0.0;
    double high = 0.0;
    qint64 seen = 0;
    bool haveLow = false;
    for (const auto &[value, weight] : values) {
        if (!haveLow && lowRank < seen + weight) {
            low = value;
            haveLow = true;
        }
        if (highRank < seen + weight) {
            high = value;
            break;
        }
        seen += weight;
    }
    return (low + high) / 2.0;
}

struct Accumulator
{
    qint64 decisions = 0;
    qint64 overridden = 0;
    qint64 timed = 0;
    double activeSeconds = 0.0;
    QList<std::pair<double, qint64>> durations;
};

} // namespace

QList<ReviewerActivity> ReviewerActivity::compute(const QList<ReviewerDecision> &decisions,
                                                  double idleLimitSeconds)
{
    QMap<QString, Accumulator> byReviewer;
    for (const auto &decision : decisions) {
        if (decision.count <= 0)
            continue;
        auto &acc = byReviewer[decision.reviewer];
        acc.decisions += decision.count;
        if (decision.overridden)
            acc.overridden += decision.count;
        if (decision.seconds >= 0.0) {
            acc.timed += decision.count;
            acc.activeSeconds
                    += std::min(decision.seconds, idleLimitSeconds) * double(decision.count);
            acc.durations.append({decision.seconds, decision.count});
        }
    }
    QList<ReviewerActivity> rows;
    for (auto it = byReviewer.cbegin(); it != byReviewer.cend(); ++it) {
        const auto &acc = it.value();
        ReviewerActivity row;
        row.reviewer = it.key();
        row.decisions = acc.decisions;
        row.timedDecisions = acc.timed;
        row.overrideRate = RateEstimate::wilson(acc.overridden, acc.decisions);
        row.medianSeconds = weightedMedian(acc.durations);
        if (acc.timed > 0 && acc.activeSeconds > 0.0)
            row.decisionsPerHour = double(acc.timed) * 3600.0 / acc.activeSeconds;
        rows.append(row);
    }
    return rows;
}

} // namespace Boucle
