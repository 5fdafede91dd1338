// DemoMaterial: the files of the demo project, made from a real data set of opencv-doc.
// Into an output folder it writes:
//   digits/0000.png ... (or letters/00000.csv ...)  one file per sample
//   seed-labels.csv     sample,label: the ~5 % stratified labelled seed (the first dataset version)
//   test-split.csv      sample,label: the held-out test split (~20 %, stratified), never in the log
//   predictions.jsonl   the prediction log of docs/formats.md for the seed and pool samples, from
//   the committee
//                       trained on the seed: {"classes": [...]} then one line per sample with
//                       sample, model, label, confidence, probs, committee, embedding, heatmap
//                       (for the ~300 pool samples most likely to be flagged) and truth (seed only)
//   heatmaps/v1/*.npy   occlusion maps (float32, the tile's size)
//   demo-summary.json   counts, model name and held-out accuracy, overall and per class
// Deterministic for a given seed. write() blocks; call it from a worker thread in the GUI.
#pragma once

#include "classificationmetrics.h"
#include "learningprogress.h"

#include <QStringList>

#include <optional>

namespace Boucle {

class DemoMaterial
{
public:
    struct Options
    {
        QString dataset = QStringLiteral("digits"); // or "letters"
        QString sourcePath;                         // empty = opencv-doc's file
        double seedFraction = 0.05;
        double testFraction = 0.2;
        quint32 seed = 1;
        int heatmapLimit = 300;
        // Keep only this many samples (0 = all), drawn stratified; for tests and quick looks.
        int sampleLimit = 0;
    };

    struct Summary
    {
        QString dataset;
        QStringList classes;
        int samples = 0;
        int seedCount = 0;
        int testCount = 0;
        int poolCount = 0; // unlabelled samples, not in the test split
        int heatmapCount = 0;
        QString modelName;
        QString logPath; // absolute paths of the files written
        QString seedLabelsPath;
        QString testSplitPath;
        QString summaryPath;
        ClassificationMetrics heldOut;
    };

    static std::optional<Summary> write(const QString &folder, const Options &options,
                                        QString *error, const LearningProgress &progress = {});
};

} // namespace Boucle
