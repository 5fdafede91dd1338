// Retrainer: one turn of the loop's learning side. Reads the labelled samples (the current
// dataset version), the unlabelled pool and the held-out test split from the data root, trains
// the committee on the labelled ones, measures held-out accuracy (overall and per class), and
// predicts the labelled and pool samples as prediction-log records (the JSON Lines of
// docs/formats.md), with occlusion heatmaps (.npy) for the pool samples most likely to be flagged,
// i.e. those with the smallest margin between their two most probable classes (at most
// `heatmapLimit`). Works for the digits (PNG tiles) and letters (two-line CSV) data sets that
// DemoMaterial writes. run() blocks; call it from a worker thread in the GUI.
#pragma once

#include "classificationmetrics.h"
#include "learningprogress.h"
#include "predictionlogline.h"

#include <QStringList>

#include <optional>

namespace Boucle {

class Retrainer
{
public:
    struct LabelledSample
    {
        QString sample; // relative to the data root
        QString label;  // a class name
    };

    struct Input
    {
        QString dataRoot;
        QString dataset; // "digits" (images) or "letters" (feature rows)
        QStringList classes;
        QList<LabelledSample> labelled;
        QStringList pool;
        QList<LabelledSample> test;
        int modelVersion = 1;
        // Where heatmaps go, relative to the data root; empty = "heatmaps/v<modelVersion>".
        QString heatmapFolder;
        int heatmapLimit = 300;
        int embeddingSize = 8;
        // The labelled samples' predictions come from K-fold cross-validation of the committee
        // (out-of-sample, as the suspect-label trigger needs: a committee that learned a wrong
        // label repeats it); 0 keeps the trained committee's own answers. With fewer labelled
        // samples than twice the folds, the committee's own answers are kept.
        int outOfSampleFolds = 5;
    };

    struct Output
    {
        QString modelName;       // "<dataset>-committee@<version>"
        QStringList memberNames; // "<dataset>-svm@<version>", ...
        ClassificationMetrics heldOut;
        int trainedOn = 0;
        int heatmapCount = 0;
        // Labelled samples (with `truth`) then pool samples, each group in input order.
        QList<PredictionLogLine> predictions;
        // The folds the labelled samples' predictions were cross-validated over; 0 when they are
        // the trained committee's own.
        int outOfSampleFolds = 0;
        // Why cross-validation, though asked for, did not run: the labelled samples' predictions
        // are then the committee's own. Empty otherwise.
        QString outOfSampleProblem;
    };

    static QString modelName(const QString &dataset, int version);

    // Nothing is written but heatmap files; an unreadable sample or unknown label is an error
    // naming the sample.
    static std::optional<Output> run(const Input &input, QString *error,
                                     const LearningProgress &progress = {});
};

} // namespace Boucle
