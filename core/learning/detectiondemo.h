// DetectionDemo: the files of the detection demo, made from opencv-doc's handwritten digits.
// The 5,000 digit tiles are split per class: a few (trainingPerClass of each digit) train a
// SlidingWindowDetector on canvases of their own; the canvases of the demo are drawn from the
// other, held-out tiles (DigitCanvasMaker), and the detector's boxes on them are the predictions.
// Into an output folder it writes:
//   canvases/0000.png ...  the demo's canvases (8-bit grey PNG, 256x256 to 512x384)
//   predictions.jsonl      the prediction log of docs/formats.md: {"classes": ["0".."9"]}, then one
//                          line per canvas with sample, model, confidence and objects
//                          [{label, score, bbox: [x, y, w, h]}] in pixels, top-left origin. The
//                          line has no label; its confidence is its least confident object's
//                          score, so the low-confidence trigger flags canvases with doubtful boxes.
//                          A canvas where no window reaches the detector's minimum score gets the
//                          single window it found most digit-like, so every line has an object.
//   truth.json             the true boxes in COCO form (the digits' ink), never imported
//   demo-summary.json      counts, the model, and the detector's precision and recall at IoU 0.5
// Deterministic for a given seed. write() blocks; call it from a worker thread in the GUI.
#pragma once

#include "learningprogress.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace Boucle {

class DetectionDemo
{
    Q_DECLARE_TR_FUNCTIONS(Boucle::DetectionDemo)

public:
    struct Options
    {
        QString sourcePath; // empty = opencv-doc's digits.png
        quint32 seed = 1;
        int canvases = 100;
        int trainingPerClass = 30; // digits of each class the detector learns from
    };

    // The detector against the truth: a prediction is a true positive when it has the class of a
    // true box not matched yet and overlaps it with IoU >= 0.5 (predictions taken by falling
    // score, each matched to the free true box it overlaps most).
    struct Score
    {
        int truths = 0;
        int predictions = 0;
        int truePositives = 0;
        double meanIoU = 0.0; // over the true positives
        double precision() const { return predictions ? double(truePositives) / predictions : 0; }
        double recall() const { return truths ? double(truePositives) / truths : 0; }
    };

    struct Summary
    {
        QStringList classes;
        int canvases = 0;
        int trueObjects = 0;
        int predictedObjects = 0;
        int trainingDigits = 0;
        int trainingCanvases = 0;
        int positiveWindows = 0;
        int negativeWindows = 0;
        QString modelName;
        QString logPath; // absolute paths of the files written
        QString truthPath;
        QString summaryPath;
        Score score;
    };

    static QString modelName() { return QStringLiteral("digit-detector@1"); }

    static std::optional<Summary> write(const QString &folder, const Options &options,
                                        QString *error, const LearningProgress &progress = {});
};

} // namespace Boucle
