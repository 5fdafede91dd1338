// TriggerYield: for each feedback trigger, the share of its flagged, reviewed samples that
// reviewers found wrong, beside the error rate on control samples (drawn at random, so the
// unbiased estimate of the model's error). A trigger whose yield is no higher than the control
// rate finds errors no better than chance. A plain value; any thread.
#pragma once

#include "rateestimate.h"

#include <QList>
#include <QString>

#include <optional>

namespace Boucle {

// What reviewers found among the samples one trigger flagged. A sample flagged by several
// triggers counts once for each of them.
struct TriggerTally
{
    QString trigger;
    qint64 reviewed = 0;
    qint64 wrong = 0;
};

struct TriggerYieldRow
{
    QString trigger;
    RateEstimate yield;         // wrong / reviewed, with its Wilson interval
    std::optional<double> lift; // yield / control error rate; none without control errors
    bool aboveControl = false;  // the yield's interval lies wholly above the control rate's
};

struct TriggerYield
{
    QList<TriggerYieldRow> triggers; // highest yield first
    RateEstimate control;            // error rate on control samples; empty when there are none

    bool hasControl() const { return !control.isEmpty(); }

    static TriggerYield compute(const QList<TriggerTally> &triggers, const TriggerTally &control);
};

} // namespace Boucle
