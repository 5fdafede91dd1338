// Drift: compares a recent window of predictions with the reference window just before it (by
// prediction time, ending at the latest prediction) through the population stability index
// PSI = sum (r - q) ln(r / q) over predicted-class shares and over confidence bins. When a PSI
// reaches the threshold, the recent predictions of the classes (or confidence bins) whose share
// rose and that carry at least a tenth of the PSI fire. Any thread.
#pragma once

#include "records/predictiontable.h"
#include "triggerscores.h"

#include <vector>

namespace Boucle::Triggers {

struct DriftOptions
{
    double recentDays = 7;
    double referenceDays = 28;
    double threshold = 0.2; // PSI; 0.1 is often read as "some shift", 0.25 as "a large one"
    int minimumPerWindow = 20;
    int confidenceBins = 10;
};

// PSI of two share vectors of the same length; shares below 1e-4 count as 1e-4.
double populationStabilityIndex(const std::vector<double> &reference,
                                const std::vector<double> &recent);

TriggerScores drift(const PredictionTable &table, const DriftOptions &options);

} // namespace Boucle::Triggers
