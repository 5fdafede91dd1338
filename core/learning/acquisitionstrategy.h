// AcquisitionStrategy: how the loop picks the next samples to send to a reviewer, given the
// committee's predictions on the unlabelled pool. Stateless functions; any thread.
//
//  random            uniform draw (the baseline every other strategy is measured against)
//  least-confidence  lowest top-class probability of the committee mean
//  margin            smallest gap between the two most probable classes
//  entropy           highest entropy of the committee mean
//  committee         highest mean Kullback-Leibler divergence of the members from their mean
//                    (query by committee, "KL to consensus"): vote entropy over three members
//                    takes only three values, KL ranks every sample
//  diverse           among the 10 x step most uncertain by margin, a greedy core-set: repeatedly
//                    take the candidate maximising uncertainty x distance (in feature space) to
//                    its nearest labelled or already picked sample
#pragma once

#include "committee.h"

#include <QStringList>

#include <optional>
#include <random>

namespace Boucle {

class AcquisitionStrategy
{
public:
    enum class Kind { Random, LeastConfidence, Margin, Entropy, Committee, Diverse };

    static QList<Kind> all();
    static QString name(Kind kind);
    static std::optional<Kind> fromName(const QString &name);

    // Per-sample uncertainty (higher = more worth a look) for the score-based strategies.
    static std::vector<double> scores(Kind kind, const CommitteePrediction &prediction);

    // Picks `count` rows of `poolFeatures` (the unlabelled pool, whose committee answers are
    // `prediction`, row for row). `labelledFeatures` are the rows already labelled (used by
    // diverse). Returns indices into the pool rows, distinct, in pick order.
    static std::vector<int> select(Kind kind, int count, const CommitteePrediction &prediction,
                                   const cv::Mat &poolFeatures, const cv::Mat &labelledFeatures,
                                   std::mt19937 &random);
};

} // namespace Boucle
