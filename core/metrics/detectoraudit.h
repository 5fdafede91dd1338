// DetectorAudit: how well a detector's boxes agree with what reviewers settled, per class and
// overall, from the reviewed detection samples. Predictions are matched to the reviewed objects
// greedily by descending score at an IoU threshold (COCO style, BoxMatching); from the matches
// come true and false positives, misses, the localisation error (mean IoU of matched pairs),
// precision and recall with 95 % Wilson intervals, and average precision (COCO's 101-point
// interpolation) at IoU 0.5, at a chosen threshold and averaged over 0.5:0.05:0.95.
// docs/detector-audit.md gives the definitions with a worked example. A plain value; any thread.
#pragma once

#include "rateestimate.h"
#include "triggeryield.h"

#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>

namespace Boucle {

// One object on a sample: a prediction (with its score) or a reviewed one (score unused).
// Polygons and masks arrive as their extent.
struct DetectionObject
{
    QString label;
    double score = 0.0;
    QRectF box;
    int page = 0; // objects on different pages of a document never match
};

// One reviewed sample: what the model predicted and what reviewers settled.
struct DetectionSample
{
    qint64 sampleId = 0;
    QList<DetectionObject> predicted;
    QList<DetectionObject> truth;
    // A reviewer corrected, removed or added an object. Unset when the truth says nothing about
    // decisions (imported ground truth): the sample then counts as corrected when matching at
    // IoU 0.5 leaves a false positive or a miss.
    std::optional<bool> corrected;
    QStringList triggers; // the triggers that flagged it
    bool control = false; // drawn at random for the unbiased error rate
};

// One class (or all classes) at one IoU threshold.
struct DetectorClassRow
{
    QString label; // empty for the row over all classes
    qint64 truths = 0;
    qint64 predictions = 0;
    qint64 truePositives = 0;
    qint64 falsePositives = 0;
    qint64 misses = 0;                 // true objects no prediction matched
    std::optional<double> meanIou;     // of the matched pairs; none without a match
    RateEstimate precision;            // TP / predictions; empty without predictions
    RateEstimate recall;               // TP / truths; empty without truth
    std::optional<double> ap;          // at this row's threshold; none without truth
    std::optional<double> ap50;        // at IoU 0.5
    std::optional<double> ap50to95;    // mean over IoU 0.50, 0.55, ..., 0.95
    QList<qint64> truePositiveSamples; // samples behind each count, sorted
    QList<qint64> falsePositiveSamples;
    QList<qint64> missSamples;
};

// Every class at one IoU threshold.
struct DetectorMatching
{
    double iouThreshold = 0.5;
    QList<DetectorClassRow> classes; // in the class order given, then unknown labels A–Z
    // Counts, mean IoU, precision and recall over all objects pooled; AP values are the mean of
    // the classes' defined APs (a class with no truth has none and does not count).
    DetectorClassRow overall;
};

struct DetectorAudit
{
    qint64 samples = 0;        // reviewed detection samples
    qint64 emptySamples = 0;   // of which with neither a prediction nor a true object
    DetectorMatching atHalf;   // at IoU 0.5
    DetectorMatching chosen;   // at the chosen threshold (the same as atHalf at 0.5)
    TriggerYield triggerYield; // a sample is wrong when any of its objects was corrected
    QList<qint64> correctedSamples;

    bool isEmpty() const { return samples == 0; }
    bool hasOtherThreshold() const { return !qFuzzyCompare(chosen.iouThreshold, 0.5); }

    // `classOrder` orders the rows (the project's classes); labels outside it follow, A–Z.
    static DetectorAudit compute(const QList<DetectionSample> &samples, double iouThreshold = 0.5,
                                 const QStringList &classOrder = {});
    static DetectorMatching match(const QList<DetectionSample> &samples, double iouThreshold,
                                  const QStringList &classOrder = {});

    // COCO's 101-point interpolated AP of detections already in rank order (true when the
    // detection matched), against `truths` true objects. None when truths is 0.
    static std::optional<double> averagePrecision(const QList<bool> &rankedHits, qint64 truths);
};

} // namespace Boucle
