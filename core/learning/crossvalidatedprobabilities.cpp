#include "crossvalidatedprobabilities.h"

#include "featurespace.h"

#include <QMutex>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <random>

namespace Boucle {

namespace {

struct Fold
{
    int index = 0;
    std::vector<int> trainRows;
    std::vector<int> predictRows;
};

cv::Mat gatherRows(const cv::Mat &features, const std::vector<int> &rows)
{
    cv::Mat gathered(static_cast<int>(rows.size()), features.cols, features.type());
    for (std::size_t k = 0; k < rows.size(); ++k)
        features.row(rows[k]).copyTo(gathered.row(static_cast<int>(k)));
    return gathered;
}

} // namespace

std::vector<int> CrossValidatedProbabilities::stratifiedFolds(const std::vector<int> &labels,
                                                              int classCount, int folds,
                                                              unsigned seed)
{
    std::vector<int> fold(labels.size(), 0);
    if (folds < 1)
        return fold;
    // Group classCount holds the unlabelled rows (and any label out of range).
    std::vector<std::vector<int>> groups(static_cast<std::size_t>(std::max(classCount, 0)) + 1);
    for (std::size_t r = 0; r < labels.size(); ++r) {
        const int label = labels[r];
        const bool known = label >= 0 && label < classCount;
        groups[known ? std::size_t(label) : groups.size() - 1].push_back(static_cast<int>(r));
    }
    std::mt19937 random(seed);
    int next = 0;
    for (auto &rows : groups) {
        std::shuffle(rows.begin(), rows.end(), random);
        for (const int row : rows) {
            fold[std::size_t(row)] = next;
            next = (next + 1) % folds;
        }
    }
    return fold;
}

std::optional<CrossValidatedProbabilities::Result> CrossValidatedProbabilities::compute(
        const cv::Mat &features, const std::vector<int> &labels, int classCount,
        const Options &options, QString *error, const LearningProgress &progress)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (features.rows != static_cast<int>(labels.size()))
        return fail(tr("%1 feature rows but %2 labels").arg(features.rows).arg(labels.size()));
    if (features.type() != CV_32F)
        return fail(tr("the features must be 32-bit floating point numbers"));
    if (classCount < 2)
        return fail(tr("cross-validation needs at least two classes, not %1").arg(classCount));
    if (options.folds < 2)
        return fail(tr("cross-validation needs at least 2 folds, not %1").arg(options.folds));
    if (options.kinds.empty())
        return fail(tr("the committee has no member"));
    int labelled = 0;
    for (std::size_t r = 0; r < labels.size(); ++r) {
        if (labels[r] == -1)
            continue;
        if (labels[r] < 0 || labels[r] >= classCount)
            return fail(tr("row %1: label %2 is not a class index in [0, %3) nor -1")
                                .arg(r)
                                .arg(labels[r])
                                .arg(classCount));
        ++labelled;
    }
    if (labelled < options.folds)
        return fail(tr("%1 labelled rows cannot be split into %2 folds")
                            .arg(labelled)
                            .arg(options.folds));

    Result result;
    result.folds = stratifiedFolds(labels, classCount, options.folds, options.seed);
    result.probabilities = cv::Mat::zeros(features.rows, classCount, CV_32F);
    std::vector<Fold> folds(static_cast<std::size_t>(options.folds));
    for (int k = 0; k < options.folds; ++k)
        folds[std::size_t(k)].index = k;
    for (std::size_t r = 0; r < labels.size(); ++r) {
        const int fold = result.folds[r];
        folds[std::size_t(fold)].predictRows.push_back(static_cast<int>(r));
        if (labels[r] < 0)
            continue;
        for (int k = 0; k < options.folds; ++k) {
            if (k != fold)
                folds[std::size_t(k)].trainRows.push_back(static_cast<int>(r));
        }
    }

    QMutex progressMutex;
    int done = 0;
    auto run = [&](Fold &fold) {
        std::vector<int> trainLabels;
        trainLabels.reserve(fold.trainRows.size());
        for (const int row : fold.trainRows)
            trainLabels.push_back(labels[std::size_t(row)]);
        Committee committee(classCount, options.kinds, options.parameters);
        committee.train(gatherRows(features, fold.trainRows), trainLabels);
        const cv::Mat predicted
                = committee.predict(gatherRows(features, fold.predictRows)).probabilities;
        // Each fold writes only its own rows of the shared matrix.
        for (std::size_t k = 0; k < fold.predictRows.size(); ++k)
            predicted.row(static_cast<int>(k))
                    .copyTo(result.probabilities.row(fold.predictRows[k]));
        QMutexLocker locker(&progressMutex);
        ++done;
        if (progress)
            progress(tr("Cross-validation: fold %1 of %2 done").arg(done).arg(options.folds),
                     double(done) / options.folds);
    };
    if (progress)
        progress(tr("Cross-validation: training %1 committees").arg(options.folds), 0.0);
    if (options.parallel)
        QtConcurrent::blockingMap(folds, run);
    else
        std::for_each(folds.begin(), folds.end(), run);
    return result;
}

std::optional<CrossValidatedProbabilities::Result> CrossValidatedProbabilities::compute(
        const LabelledSamples &samples, Options options, QString *error,
        const LearningProgress &progress)
{
    const FeatureSpace space = FeatureSpace::fit(samples);
    const cv::Mat features = space.transform(samples);
    options.parameters = Committee::parametersFor(samples.name);
    return compute(features, samples.labels, samples.classCount(), options, error, progress);
}

} // namespace Boucle
