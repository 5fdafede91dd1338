// The triggers that read one model's own uncertainty: low top-1 confidence, a small margin
// between the two best classes, and high entropy of the class probabilities (normalised by
// log of the number of classes, so 1 means "uniform"). Pure functions of a PredictionTable;
// any thread.
#pragma once

#include "records/predictiontable.h"
#include "triggerscores.h"

namespace Boucle::Triggers {

// Fires when confidence < threshold; score 1 - confidence.
TriggerScores lowConfidence(const PredictionTable &table, double threshold);
// Fires when p(best) - p(second) < threshold (rows with probabilities only); score 1 - margin.
TriggerScores margin(const PredictionTable &table, double threshold);
// Fires when H(p) / log(classes) >= threshold (rows with probabilities only); score H / log(C).
TriggerScores entropy(const PredictionTable &table, double threshold);

// The raw measures, for benchmarks and tests: one value per row (margin 1 and entropy 0 where a
// row has no probabilities).
void marginValues(const PredictionTable &table, float *out);
void normalisedEntropyValues(const PredictionTable &table, float *out);

} // namespace Boucle::Triggers
