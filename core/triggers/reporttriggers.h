// The triggers that carry a person's or another system's word: an explicit user report always
// fires (score 1), and flags computed upstream are kept as reasons, one sentence per flag, as they
// were written. Any thread.
#pragma once

#include "records/predictiontable.h"
#include "triggerscores.h"

namespace Boucle::Triggers {

TriggerScores userReports(const PredictionTable &table);
TriggerScores upstreamFlags(const PredictionTable &table);

// "trigger: detail" (or the trigger alone), the upstream reason as shown to reviewers.
QString upstreamReason(const UpstreamFlag &flag);

} // namespace Boucle::Triggers
