// Embedding outliers: k-means (OpenCV, k-means++ seeding) is fitted on the embeddings (on a
// seeded random subset when there are many), every embedding's distance to its nearest centre is
// measured, and the rows whose distance lies in the top percentile fire. Any thread.
#pragma once

#include "records/predictiontable.h"
#include "triggerscores.h"

namespace Boucle::Triggers {

struct OutlierOptions
{
    int clusters = 8;
    double percentile = 99.0; // fire at or above this percentile of distance
    quint64 seed = 1;
    int fitSample = 20000; // embeddings used to fit the centres
};

// Score: the row's percentile rank of distance (0..1) where it fired.
TriggerScores outliers(const PredictionTable &table, const OutlierOptions &options);

// Squared distance of every row, multiplied by `scale`, to the nearest of `centers`
// (k x dimensions); -1 for rows without an embedding or with a non-finite value. Exposed for
// the benchmark.
void nearestCentreDistances(const PredictionTable &table, const float *centers, int k, float *out,
                            float scale = 1.0f);

} // namespace Boucle::Triggers
