#include "calibration.h"

#include <QVector>

#include <algorithm>
#include <cmath>

namespace Boucle {

int Calibration::binOf(double confidence, int binCount)
{
    binCount = std::max(1, binCount);
    if (!(confidence > 0.0)) // also catches NaN
        return 0;
    return std::min(binCount - 1, int(std::floor(confidence * binCount)));
}

Calibration Calibration::compute(const QList<ScoredOutcome> &outcomes, int binCount)
{
    binCount = std::max(1, binCount);
    Calibration result;
    QVector<double> confidenceSums(binCount, 0.0);
    result.bins.resize(binCount);
    for (int b = 0; b < binCount; ++b) {
        result.bins[b].lower = double(b) / binCount;
        result.bins[b].upper = double(b + 1) / binCount;
    }
    for (const auto &outcome : outcomes) {
        if (outcome.count <= 0)
            continue;
        const double confidence = std::clamp(outcome.confidence, 0.0, 1.0);
        const int b = binOf(confidence, binCount);
        auto &bin = result.bins[b];
        bin.count += outcome.count;
        if (outcome.correct)
            bin.correct += outcome.count;
        confidenceSums[b] += confidence * double(outcome.count);
        result.total += outcome.count;
    }
    for (int b = 0; b < binCount; ++b) {
        auto &bin = result.bins[b];
        if (bin.count == 0)
            continue;
        bin.meanConfidence = confidenceSums.at(b) / double(bin.count);
        bin.accuracy = double(bin.correct) / double(bin.count);
        const double gap = std::abs(bin.accuracy - bin.meanConfidence);
        result.expectedCalibrationError += double(bin.count) / double(result.total) * gap;
        result.maximumCalibrationError = std::max(result.maximumCalibrationError, gap);
    }
    return result;
}

} // namespace Boucle
