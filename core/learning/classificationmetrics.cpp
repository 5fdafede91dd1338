#include "classificationmetrics.h"

#include <limits>

namespace Boucle {

ClassificationMetrics ClassificationMetrics::compute(const std::vector<int> &predicted,
                                                     const std::vector<int> &truth, int classCount)
{
    ClassificationMetrics metrics;
    const auto classes = static_cast<std::size_t>(classCount);
    std::vector<int> classCorrect(classes, 0);
    metrics.classCount.assign(classes, 0);
    for (std::size_t i = 0; i < truth.size() && i < predicted.size(); ++i) {
        const auto label = static_cast<std::size_t>(truth[i]);
        ++metrics.classCount[label];
        ++metrics.total;
        if (predicted[i] == truth[i]) {
            ++classCorrect[label];
            ++metrics.correct;
        }
    }
    metrics.accuracy = metrics.total > 0 ? double(metrics.correct) / metrics.total : 0.0;
    metrics.classAccuracy.resize(classes);
    for (std::size_t c = 0; c < classes; ++c) {
        metrics.classAccuracy[c] = metrics.classCount[c] > 0
                                           ? double(classCorrect[c]) / metrics.classCount[c]
                                           : std::numeric_limits<double>::quiet_NaN();
    }
    return metrics;
}

} // namespace Boucle
