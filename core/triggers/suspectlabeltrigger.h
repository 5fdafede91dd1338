// The suspect-label trigger: confident learning (triggers/confidentlearning.h) over the labels
// the samples carry in a dataset version and the model's class probabilities. It doubts the
// dataset, not the model: it fires on a row whose given label the probabilities say is probably
// wrong, with the evidence in its reason ("labelled '4' in version 3, but the model gives '9' 0.91
// and '4' 0.03 (class '4' is usually ≥ 0.78)").
//
// Rows take part when they have probabilities and a given label (PredictionTable::givenLabel);
// with none the trigger fires nowhere. The probabilities should be out-of-sample: a model that
// learned a wrong label tends to repeat it. Pure function of a PredictionTable; any thread.
#pragma once

#include "confidentlearning.h"
#include "records/predictiontable.h"
#include "triggerscores.h"

namespace Boucle::Triggers {

// Fires on the rows confident learning selects (by `selection`) whose score, 1 - (p(given) -
// p(best other) + 1) / 2, is at least `threshold` (every suspect scores above 0.5).
TriggerScores suspectLabels(const PredictionTable &table, double threshold,
                            ConfidentLearning::Selection selection
                            = ConfidentLearning::Selection::PruneByNoiseRate);

} // namespace Boucle::Triggers
