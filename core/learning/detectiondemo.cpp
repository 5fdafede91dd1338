#include "detectiondemo.h"

#include "datasetloader.h"
#include "digitcanvas.h"
#include "interop/annotationwriter.h"
#include "interop/jsontext.h"
#include "predictionlogline.h"
#include "samplefile.h"
#include "slidingwindowdetector.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <random>

namespace Boucle {

namespace {

using Detections = std::vector<SlidingWindowDetector::Detection>;

bool writeBytes(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = DetectionDemo::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

// To `decimals` places, dividing last so that 0.3631 is written "0.3631", not 0.36310000000000003.
double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

cv::Rect2f toRect2f(const cv::Rect &rect)
{
    return {float(rect.x), float(rect.y), float(rect.width), float(rect.height)};
}

// Tiles of each class split by a seeded shuffle: the first `perClass` of every class for
// training, the others held out; both lists interleave the classes in random order.
void splitTiles(const LabelledSamples &digits, int perClass, std::mt19937 &random,
                std::vector<int> *training, std::vector<int> *heldOut)
{
    std::vector<std::vector<int>> byClass(std::size_t(digits.classCount()));
    for (int i = 0; i < digits.size(); ++i)
        byClass[std::size_t(digits.labels[std::size_t(i)])].push_back(i);
    for (auto &members : byClass) {
        std::shuffle(members.begin(), members.end(), random);
        const auto cut = std::min<std::size_t>(members.size(), std::size_t(perClass));
        training->insert(training->end(), members.begin(), members.begin() + std::ptrdiff_t(cut));
        heldOut->insert(heldOut->end(), members.begin() + std::ptrdiff_t(cut), members.end());
    }
    std::shuffle(training->begin(), training->end(), random);
    std::shuffle(heldOut->begin(), heldOut->end(), random);
}

DetectionDemo::Score scoreOf(const std::vector<DigitCanvas> &canvases,
                             const std::vector<Detections> &found)
{
    DetectionDemo::Score score;
    double overlap = 0.0;
    for (std::size_t c = 0; c < canvases.size(); ++c) {
        const auto &truths = canvases[c].objects;
        std::vector<bool> matched(truths.size(), false);
        score.truths += int(truths.size());
        score.predictions += int(found[c].size());
        // found[c] is already ordered by falling score.
        for (const auto &detection : found[c]) {
            int bestIndex = -1;
            float bestIoU = 0.5f;
            for (std::size_t t = 0; t < truths.size(); ++t) {
                const float value
                        = SlidingWindowDetector::iou(detection.box, toRect2f(truths[t].box));
                if (!matched[t] && truths[t].label == detection.label && value >= bestIoU) {
                    bestIoU = value;
                    bestIndex = int(t);
                }
            }
            if (bestIndex >= 0) {
                matched[std::size_t(bestIndex)] = true;
                score.truePositives++;
                overlap += bestIoU;
            }
        }
    }
    score.meanIoU = score.truePositives ? overlap / score.truePositives : 0.0;
    return score;
}

QByteArray logLine(const QString &sample, const QStringList &classes, const Detections &objects)
{
    QByteArray line = "{\"sample\":";
    JsonText::appendString(line, sample);
    line += ",\"model\":";
    JsonText::appendString(line, DetectionDemo::modelName());
    // The canvas's confidence is its least confident box's: one doubtful box is worth a look.
    double confidence = 1.0;
    for (const auto &object : objects)
        confidence = std::min(confidence, rounded(object.score, 4));
    line += ",\"confidence\":";
    JsonText::appendNumber(line, confidence);
    line += ",\"objects\":[";
    for (std::size_t i = 0; i < objects.size(); ++i) {
        const auto &object = objects[i];
        line += i ? ",{\"label\":" : "{\"label\":";
        JsonText::appendString(line, classes.at(object.label));
        line += ",\"score\":";
        JsonText::appendNumber(line, rounded(object.score, 4));
        line += ",\"bbox\":[";
        const double box[4] = {object.box.x, object.box.y, object.box.width, object.box.height};
        for (int k = 0; k < 4; ++k) {
            if (k)
                line += ',';
            JsonText::appendNumber(line, rounded(box[k], 2));
        }
        line += "]}";
    }
    line += "]}\n";
    return line;
}

} // namespace

std::optional<DetectionDemo::Summary> DetectionDemo::write(const QString &folder,
                                                           const Options &options, QString *error,
                                                           const LearningProgress &progress)
{
    auto report = [&progress](const QString &message, double fraction) {
        if (progress)
            progress(message, fraction);
    };
    if (options.canvases < 1 || options.trainingPerClass < 1) {
        if (error)
            *error = tr("the detection demo needs at least one canvas and one training digit "
                        "per class");
        return std::nullopt;
    }
    report(tr("Loading the digits"), 0.0);
    const QString source = options.sourcePath.isEmpty()
                                   ? DatasetLoader::defaultPath(QStringLiteral("digits"))
                                   : options.sourcePath;
    const auto digits = DatasetLoader::loadDigits(source, error);
    if (!digits)
        return std::nullopt;

    std::mt19937 random(options.seed);
    std::vector<int> trainingTiles;
    std::vector<int> heldOutTiles;
    splitTiles(*digits, options.trainingPerClass, random, &trainingTiles, &heldOutTiles);

    DigitCanvasMaker::Options canvasOptions;
    report(tr("Training the digit detector"), 0.05);
    std::vector<DigitCanvas> training;
    DigitCanvasMaker trainingMaker(*digits, trainingTiles, quint64(options.seed) * 2 + 1,
                                   canvasOptions);
    while (!trainingMaker.atEnd())
        training.push_back(trainingMaker.next());
    SlidingWindowDetector::Options detectorOptions;
    detectorOptions.seed = options.seed;
    SlidingWindowDetector detector(digits->classCount(), detectorOptions);
    detector.train(training);

    const QDir root(folder);
    const QString canvasFolder = QStringLiteral("canvases");
    if (!root.mkpath(canvasFolder)) {
        if (error)
            *error = tr("cannot create the folder %1").arg(root.filePath(canvasFolder));
        return std::nullopt;
    }
    DigitCanvasMaker maker(*digits, heldOutTiles, quint64(options.seed) * 2 + 2, canvasOptions);
    std::vector<DigitCanvas> canvases;
    std::vector<Detections> found;
    QByteArray log = PredictionLogLine::classesLine(digits->classes) + '\n';
    AnnotationSet truth;
    for (const QString &name : digits->classes)
        truth.classes.append({name, -1, QStringLiteral("digit")});
    for (int i = 0; i < options.canvases && !maker.atEnd(); ++i) {
        if (i % 10 == 0)
            report(tr("Detecting digits on canvas %1 of %2").arg(i + 1).arg(options.canvases),
                   0.3 + 0.65 * i / options.canvases);
        DigitCanvas canvas = maker.next();
        const QString relative
                = QStringLiteral("%1/%2.png").arg(canvasFolder).arg(i, 4, 10, QLatin1Char('0'));
        if (!SampleFile::writeImage(root.filePath(relative), canvas.image, error))
            return std::nullopt;
        SlidingWindowDetector::Detection best;
        Detections detections = detector.detect(canvas.image, &best);
        if (detections.empty() && best.label >= 0)
            detections.push_back(best);
        // A log line without label needs an object. Every canvas holds a digit with ink, so
        // the pre-filter always lets a window through; refuse rather than write a bad line.
        if (detections.empty()) {
            if (error)
                *error = tr("the detector found no digit-like window on %1").arg(relative);
            return std::nullopt;
        }
        log += logLine(relative, digits->classes, detections);

        AnnotatedImage image;
        image.path = relative;
        image.size = QSize(canvas.image.cols, canvas.image.rows);
        for (const DigitObject &object : canvas.objects) {
            Annotation annotation;
            annotation.label = digits->classes.at(object.label);
            annotation.box
                    = QRectF(object.box.x, object.box.y, object.box.width, object.box.height);
            image.objects.append(annotation);
        }
        truth.images.append(image);
        canvases.push_back(std::move(canvas));
        found.push_back(std::move(detections));
    }
    Summary summary;
    summary.classes = digits->classes;
    summary.canvases = int(canvases.size());
    summary.trainingDigits = int(trainingTiles.size());
    summary.trainingCanvases = int(training.size());
    summary.positiveWindows = detector.positiveWindows();
    summary.negativeWindows = detector.negativeWindows();
    summary.modelName = modelName();
    summary.score = scoreOf(canvases, found);
    summary.trueObjects = summary.score.truths;
    summary.predictedObjects = summary.score.predictions;
    summary.logPath = root.absoluteFilePath(QStringLiteral("predictions.jsonl"));
    summary.truthPath = root.absoluteFilePath(QStringLiteral("truth.json"));
    summary.summaryPath = root.absoluteFilePath(QStringLiteral("demo-summary.json"));

    report(tr("Writing the prediction log and the true boxes"), 0.96);
    if (!writeBytes(summary.logPath, log, error))
        return std::nullopt;
    AnnotationWriteOptions writeOptions;
    writeOptions.imagesFolder = root.absolutePath();
    const auto written = AnnotationWriters::writeCoco(truth, summary.truthPath, writeOptions);
    if (!written.isSuccess()) {
        if (error)
            *error = written.error;
        return std::nullopt;
    }
    const QJsonObject object {
            {QStringLiteral("dataset"), QStringLiteral("detection")},
            {QStringLiteral("classes"), QJsonArray::fromStringList(summary.classes)},
            {QStringLiteral("canvases"), summary.canvases},
            {QStringLiteral("true_objects"), summary.trueObjects},
            {QStringLiteral("predicted_objects"), summary.predictedObjects},
            {QStringLiteral("training_digits"), summary.trainingDigits},
            {QStringLiteral("training_canvases"), summary.trainingCanvases},
            {QStringLiteral("positive_windows"), summary.positiveWindows},
            {QStringLiteral("negative_windows"), summary.negativeWindows},
            {QStringLiteral("model"), summary.modelName},
            {QStringLiteral("iou_threshold"), 0.5},
            {QStringLiteral("true_positives"), summary.score.truePositives},
            {QStringLiteral("precision"), summary.score.precision()},
            {QStringLiteral("recall"), summary.score.recall()},
            {QStringLiteral("mean_iou"), summary.score.meanIoU},
    };
    if (!writeBytes(summary.summaryPath, QJsonDocument(object).toJson(), error))
        return std::nullopt;
    report(tr("Detection demo ready in %1").arg(root.absolutePath()), 1.0);
    return summary;
}

} // namespace Boucle
