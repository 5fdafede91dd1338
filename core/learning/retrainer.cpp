#include "retrainer.h"

#include "committee.h"
#include "crossvalidatedprobabilities.h"
#include "featurespace.h"
#include "heatmapfile.h"
#include "occlusionmap.h"
#include "samplefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <numeric>

namespace Boucle {

namespace {

std::vector<float> rowValues(const cv::Mat &matrix, int row)
{
    const auto *begin = matrix.ptr<float>(row);
    return std::vector<float>(begin, begin + matrix.cols);
}

// The heatmap's file name: the sample's path with folders flattened, as .npy.
QString heatmapName(const QString &sample)
{
    QString stem = sample;
    const auto dot = stem.lastIndexOf(QLatin1Char('.'));
    if (dot > stem.lastIndexOf(QLatin1Char('/')))
        stem.truncate(dot);
    stem.replace(QLatin1Char('/'), QLatin1Char('_'));
    return stem + QStringLiteral(".npy");
}

} // namespace

QString Retrainer::modelName(const QString &dataset, int version)
{
    return QStringLiteral("%1-committee@%2").arg(dataset).arg(version);
}

std::optional<Retrainer::Output> Retrainer::run(const Input &input, QString *error,
                                                const LearningProgress &progress)
{
    auto report = [&progress](const QString &message, double fraction) {
        if (progress)
            progress(message, fraction);
    };
    const bool images = input.dataset == QLatin1String("digits");
    if (!images && input.dataset != QLatin1String("letters")) {
        if (error)
            *error = QCoreApplication::translate(
                             "Boucle::Retrainer",
                             "unknown data set '%1' (expected digits or letters)")
                             .arg(input.dataset);
        return std::nullopt;
    }
    if (input.labelled.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("Boucle::Retrainer",
                                                 "nothing to learn from: no labelled sample");
        return std::nullopt;
    }

    // Read every sample once: labelled, then pool, then test.
    LabelledSamples all;
    all.name = input.dataset;
    all.classes = input.classes;
    QStringList paths;
    auto addSample = [&](const QString &sample, const QString &label) -> bool {
        int index = -1;
        if (!label.isNull()) {
            index = static_cast<int>(input.classes.indexOf(label));
            if (index < 0) {
                if (error)
                    *error = QCoreApplication::translate("Boucle::Retrainer",
                                                         "%1: label '%2' is not one of the classes")
                                     .arg(sample, label);
                return false;
            }
        }
        const QString path = QDir(input.dataRoot).filePath(sample);
        if (images) {
            const auto image = SampleFile::readImage(path, error);
            if (!image)
                return false;
            all.images.push_back(*image);
        } else {
            const auto row = SampleFile::readFeatureRow(path, error);
            if (!row)
                return false;
            all.raw.push_back(*row);
        }
        all.labels.push_back(index);
        paths.append(sample);
        return true;
    };
    report(QCoreApplication::translate("Boucle::Retrainer", "Reading samples"), 0.0);
    for (const auto &labelled : input.labelled) {
        if (!addSample(labelled.sample, labelled.label))
            return std::nullopt;
    }
    for (const QString &sample : input.pool) {
        if (!addSample(sample, QString()))
            return std::nullopt;
    }
    for (const auto &test : input.test) {
        if (!addSample(test.sample, test.label))
            return std::nullopt;
    }
    const int labelledCount = static_cast<int>(input.labelled.size());
    const int poolCount = static_cast<int>(input.pool.size());
    const int testCount = static_cast<int>(input.test.size());

    report(QCoreApplication::translate("Boucle::Retrainer", "Computing features"), 0.15);
    const FeatureSpace space = FeatureSpace::fit(all);
    const cv::Mat features = space.transform(all);
    const cv::Mat labelledFeatures = features.rowRange(0, labelledCount);
    const std::vector<int> labelledLabels(all.labels.begin(), all.labels.begin() + labelledCount);

    report(QCoreApplication::translate("Boucle::Retrainer",
                                       "Training the committee on %1 labelled samples")
                   .arg(labelledCount),
           0.25);
    Committee committee(all.classCount(), Committee::defaultKinds(),
                        Committee::parametersFor(input.dataset));
    committee.train(labelledFeatures, labelledLabels);

    report(QCoreApplication::translate("Boucle::Retrainer", "Predicting %1 samples")
                   .arg(features.rows),
           0.45);
    const CommitteePrediction prediction = committee.predict(features);

    // The labelled samples as a committee that never learned them sees them.
    std::optional<CrossValidatedProbabilities::Result> outOfSample;
    QString outOfSampleProblem;
    if (input.outOfSampleFolds >= 2 && labelledCount >= 2 * input.outOfSampleFolds) {
        report(QCoreApplication::translate("Boucle::Retrainer",
                                           "Cross-validating the %1 labelled samples (%2 folds)")
                       .arg(labelledCount)
                       .arg(input.outOfSampleFolds),
               0.47);
        CrossValidatedProbabilities::Options options;
        options.folds = input.outOfSampleFolds;
        options.seed = unsigned(input.modelVersion);
        options.parameters = Committee::parametersFor(input.dataset);
        QString cvError;
        outOfSample = CrossValidatedProbabilities::compute(labelledFeatures, labelledLabels,
                                                           all.classCount(), options, &cvError);
        if (!outOfSample) {
            outOfSampleProblem
                    = QCoreApplication::translate(
                              "Boucle::Retrainer",
                              "the labelled samples' predictions are the committee's own, so "
                              "suspect labels will be missed: cross-validation failed (%1)")
                              .arg(cvError);
            report(outOfSampleProblem, 0.48);
        }
    }

    Output output;
    output.outOfSampleProblem = outOfSampleProblem;
    output.modelName = modelName(input.dataset, input.modelVersion);
    for (const QString &member : committee.memberNames())
        output.memberNames.append(
                QStringLiteral("%1-%2@%3").arg(input.dataset, member).arg(input.modelVersion));
    output.trainedOn = labelledCount;
    if (testCount > 0) {
        std::vector<int> predicted;
        std::vector<int> truth;
        for (int i = labelledCount + poolCount; i < features.rows; ++i) {
            predicted.push_back(prediction.topClass(i));
            truth.push_back(all.labels[static_cast<std::size_t>(i)]);
        }
        output.heldOut = ClassificationMetrics::compute(predicted, truth, all.classCount());
    }

    // A short embedding for the outlier and diversity triggers: the features projected on their
    // first principal components (fitted on labelled + pool).
    const int predictedCount = labelledCount + poolCount;
    cv::Mat embedding;
    const int embeddingSize = std::min({input.embeddingSize, features.cols, predictedCount});
    if (embeddingSize > 0) {
        cv::PCA pca(features.rowRange(0, predictedCount), cv::noArray(), cv::PCA::DATA_AS_ROW,
                    embeddingSize);
        embedding = pca.project(features.rowRange(0, predictedCount));
        embedding.convertTo(embedding, CV_32F);
    }

    // Heatmaps for the pool samples most likely to be flagged.
    QHash<int, QString> heatmaps;
    if (images && input.heatmapLimit > 0 && poolCount > 0) {
        std::vector<std::pair<float, int>> byMargin;
        for (int i = labelledCount; i < predictedCount; ++i) {
            const cv::Mat row = prediction.probabilities.row(i);
            float first = 0;
            float second = 0;
            for (int c = 0; c < row.cols; ++c) {
                const float p = row.at<float>(0, c);
                if (p > first) {
                    second = first;
                    first = p;
                } else if (p > second) {
                    second = p;
                }
            }
            byMargin.emplace_back(first - second, i);
        }
        std::sort(byMargin.begin(), byMargin.end());
        const int count = std::min(input.heatmapLimit, static_cast<int>(byMargin.size()));
        const QString folder = input.heatmapFolder.isEmpty()
                                       ? QStringLiteral("heatmaps/v%1").arg(input.modelVersion)
                                       : input.heatmapFolder;
        if (!QDir(input.dataRoot).mkpath(folder)) {
            if (error)
                *error = QCoreApplication::translate("Boucle::Retrainer",
                                                     "cannot create the folder %1")
                                 .arg(QDir(input.dataRoot).filePath(folder));
            return std::nullopt;
        }
        for (int k = 0; k < count; ++k) {
            if (k % 50 == 0)
                report(QCoreApplication::translate("Boucle::Retrainer",
                                                   "Occlusion heatmaps: %1 of %2")
                               .arg(k)
                               .arg(count),
                       0.55 + 0.4 * k / std::max(1, count));
            const int index = byMargin[static_cast<std::size_t>(k)].second;
            const cv::Mat map = OcclusionMap::compute(committee, space,
                                                      all.images[static_cast<std::size_t>(index)]);
            const QString relative = folder + QLatin1Char('/') + heatmapName(paths.at(index));
            if (!HeatmapFile::writeNpy(QDir(input.dataRoot).filePath(relative), map, error))
                return std::nullopt;
            heatmaps.insert(index, relative);
        }
        output.heatmapCount = count;
    }

    if (outOfSample)
        output.outOfSampleFolds = input.outOfSampleFolds;
    for (int i = 0; i < predictedCount; ++i) {
        PredictionLogLine record;
        record.sample = paths.at(i);
        record.model = output.modelName;
        const bool crossValidated = outOfSample && i < labelledCount;
        if (crossValidated) {
            // The members' own answers on a sample they learned would all agree: left out.
            const cv::Mat row = outOfSample->probabilities.row(i);
            record.probs = rowValues(outOfSample->probabilities, i);
            cv::Point best;
            double top = 0;
            cv::minMaxLoc(row, nullptr, &top, nullptr, &best);
            record.label = best.x;
            record.confidence = float(top);
        } else {
            record.label = prediction.topClass(i);
            record.confidence = prediction.confidence(i);
            record.probs = rowValues(prediction.probabilities, i);
        }
        for (std::size_t m = 0; !crossValidated && m < prediction.memberProbabilities.size(); ++m) {
            PredictionLogLine::Opinion opinion;
            opinion.model = output.memberNames.value(static_cast<int>(m));
            opinion.label = prediction.memberTopClass(static_cast<int>(m), i);
            opinion.probs = rowValues(prediction.memberProbabilities[m], i);
            record.committee.append(opinion);
        }
        if (!embedding.empty())
            record.embedding = rowValues(embedding, i);
        record.heatmap = heatmaps.value(i);
        record.truth = i < labelledCount ? all.labels[static_cast<std::size_t>(i)] : -1;
        output.predictions.append(record);
    }
    report(QCoreApplication::translate("Boucle::Retrainer", "Done: held-out accuracy %1 %")
                   .arg(output.heldOut.accuracy * 100, 0, 'f', 1),
           1.0);
    return output;
}

} // namespace Boucle
