#include "reporttriggers.h"

#include "flagreasontext.h"
#include "triggernames.h"

namespace Boucle::Triggers {

TriggerScores userReports(const PredictionTable &table)
{
    TriggerScores result;
    result.trigger = TriggerNames::report;
    result.score.assign(size_t(table.rows), 0.0f);
    result.fired.assign(size_t(table.rows), 0);
    for (auto it = table.reports.cbegin(); it != table.reports.cend(); ++it) {
        result.fired[size_t(it.key())] = 1;
        result.score[size_t(it.key())] = 1.0f;
    }
    result.reasons = [&table](qsizetype row) {
        return QList<QJsonObject> {ReasonDetails::report(table.reports.value(row))};
    };
    return result;
}

QString upstreamReason(const UpstreamFlag &flag)
{
    if (flag.detail.isEmpty())
        return flag.trigger;
    return flag.trigger + QStringLiteral(": ") + flag.detail;
}

TriggerScores upstreamFlags(const PredictionTable &table)
{
    TriggerScores result;
    result.trigger = TriggerNames::upstream;
    result.score.assign(size_t(table.rows), 0.0f);
    result.fired.assign(size_t(table.rows), 0);
    for (auto it = table.upstreamFlags.cbegin(); it != table.upstreamFlags.cend(); ++it) {
        if (it.value().isEmpty())
            continue;
        result.fired[size_t(it.key())] = 1;
        result.score[size_t(it.key())] = 1.0f;
    }
    result.reasons = [&table](qsizetype row) {
        QList<QJsonObject> reasons;
        for (const auto &flag : table.upstreamFlags.value(row))
            reasons.append(ReasonDetails::upstream(flag.trigger, flag.detail));
        return reasons;
    };
    return result;
}

} // namespace Boucle::Triggers
