// Calibration: does the model's confidence match how often it is right? Equal-width reliability
// bins over [0, 1] and the expected calibration error (the count-weighted mean gap between a
// bin's accuracy and its mean confidence). A plain value; any thread.
#pragma once

#include <QList>

namespace Boucle {

// One reviewed prediction (or `count` of them sharing a mean confidence and correctness).
struct ScoredOutcome
{
    double confidence = 0.0;
    bool correct = false;
    qint64 count = 1;
};

struct ReliabilityBin
{
    double lower = 0.0;
    double upper = 0.0;
    qint64 count = 0;
    qint64 correct = 0;
    double meanConfidence = 0.0; // 0 for an empty bin
    double accuracy = 0.0;       // 0 for an empty bin
};

struct Calibration
{
    QList<ReliabilityBin> bins;
    qint64 total = 0;
    double expectedCalibrationError = 0.0; // sum over bins of count/total * |accuracy - confidence|
    double maximumCalibrationError = 0.0;  // largest gap over non-empty bins

    // Confidences outside [0, 1] are clamped; 1.0 falls in the last bin. binCount < 1 means 1.
    static Calibration compute(const QList<ScoredOutcome> &outcomes, int binCount = 10);
    // The bin a confidence falls in, the rule compute() uses (the store groups with it too).
    static int binOf(double confidence, int binCount);
};

} // namespace Boucle
