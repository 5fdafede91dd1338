// Committee disagreement: the deployed model and the committee members that judged the same
// sample (the log's `committee` list) are the voters. Vote entropy looks at their top labels,
// normalised by log(min(voters, classes)); the mean KL divergence to the consensus (the mean of
// their probability vectors) looks at how far each voter's distribution lies from the average.
// Pure functions of a PredictionTable; any thread.
#pragma once

#include "records/predictiontable.h"
#include "triggerscores.h"

namespace Boucle::Triggers {

// "committee_vote": fires when the normalised vote entropy >= threshold (rows with 2 or more
// voters); the score is that entropy. Sentence: "2 of 4 models disagree".
TriggerScores committeeVote(const PredictionTable &table, double threshold);
// "committee_divergence": fires when the mean KL divergence (nats) to the consensus >= threshold
// (rows with 2 or more voters that gave probabilities); the score is the divergence over its
// bound log(voters).
TriggerScores committeeDivergence(const PredictionTable &table, double threshold);

// The raw measures, one per row (0 where fewer than two voters).
void voteEntropyValues(const PredictionTable &table, float *out);
void meanDivergenceValues(const PredictionTable &table, float *out);

// Computes the committee divergence of rows [begin, end) from the votes' probabilities the table
// holds now into table.committeeDivergence and committeeProbVoters, so that a loader may drop
// those probabilities as it reads (PredictionTableQuery::setCommitteeFold). The trigger then
// reads the folded values: the same numbers without rows x votes x classes floats in memory.
void foldCommitteeDivergence(PredictionTable &table, qsizetype begin, qsizetype end);

} // namespace Boucle::Triggers
