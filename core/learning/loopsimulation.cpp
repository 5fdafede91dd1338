#include "loopsimulation.h"

#include "classificationmetrics.h"
#include "datasplit.h"
#include "featurespace.h"

#include <QCoreApplication>
#include <QMutex>
#include <QtConcurrent/QtConcurrentMap>

#include <cmath>
#include <limits>

namespace Boucle {

namespace {

cv::Mat gatherRows(const cv::Mat &features, const std::vector<int> &indices)
{
    cv::Mat rows(static_cast<int>(indices.size()), features.cols, features.type());
    for (std::size_t i = 0; i < indices.size(); ++i)
        features.row(indices[i]).copyTo(rows.row(static_cast<int>(i)));
    return rows;
}

std::vector<int> gatherLabels(const std::vector<int> &labels, const std::vector<int> &indices)
{
    std::vector<int> result;
    result.reserve(indices.size());
    for (const int index : indices)
        result.push_back(labels[static_cast<std::size_t>(index)]);
    return result;
}

struct SeedSplit
{
    quint32 seed = 0;
    std::vector<int> test;
    std::vector<int> pool;
    double fullPoolAccuracy = 0;
};

struct Job
{
    int seedIndex = 0;
    int strategyIndex = 0;
    std::vector<double> accuracy;
};

} // namespace

int LoopResult::labelsToTarget(int strategyIndex) const
{
    const auto &curve = accuracy[static_cast<std::size_t>(strategyIndex)];
    for (std::size_t i = 0; i < curve.size(); ++i) {
        if (curve[i] >= target())
            return labelCounts[i];
    }
    return -1;
}

double LoopResult::savingVsRandom(int strategyIndex) const
{
    const int randomIndex = static_cast<int>(strategies.indexOf(AcquisitionStrategy::Kind::Random));
    if (randomIndex < 0)
        return std::numeric_limits<double>::quiet_NaN();
    const int randomLabels = labelsToTarget(randomIndex);
    const int labels = labelsToTarget(strategyIndex);
    if (randomLabels <= 0 || labels <= 0)
        return std::numeric_limits<double>::quiet_NaN();
    return 1.0 - double(labels) / randomLabels;
}

LoopResult LoopSimulation::run(const LabelledSamples &samples, const Options &options,
                               const Progress &progress)
{
    LoopResult result;
    result.dataset = samples.name;
    result.strategies = options.strategies;
    result.seeds = options.seeds;

    const FeatureSpace space = FeatureSpace::fit(samples);
    const cv::Mat features = space.transform(samples);
    const auto parameters = Committee::parametersFor(samples.name);
    const int classCount = samples.classCount();

    std::vector<SeedSplit> splits(static_cast<std::size_t>(options.seeds));
    for (int s = 0; s < options.seeds; ++s) {
        SeedSplit &split = splits[static_cast<std::size_t>(s)];
        split.seed = options.firstSeed + static_cast<quint32>(s);
        std::mt19937 random(split.seed);
        DataSplit divided
                = DataSplit::stratified(samples.labels, classCount, options.testFraction, random);
        split.test = std::move(divided.test);
        split.pool = std::move(divided.pool);
        if (options.poolLimit > 0 && static_cast<int>(split.pool.size()) > options.poolLimit)
            split.pool.resize(static_cast<std::size_t>(options.poolLimit));
    }
    result.poolSize = splits.empty() ? 0 : static_cast<int>(splits.front().pool.size());
    result.testSize = splits.empty() ? 0 : static_cast<int>(splits.front().test.size());
    const int budget = std::min(options.budget, result.poolSize);
    const int step = std::max(1, options.step);
    for (int labels = std::min(step, budget); labels <= budget; labels += step)
        result.labelCounts.push_back(labels);
    if (!result.labelCounts.empty() && result.labelCounts.back() != budget)
        result.labelCounts.push_back(budget);

    QMutex progressMutex;
    const int totalJobs = options.seeds * (static_cast<int>(options.strategies.size()) + 1);
    int doneJobs = 0;
    auto report = [&](const QString &message) {
        QMutexLocker locker(&progressMutex);
        ++doneJobs;
        if (progress)
            progress(message, double(doneJobs) / std::max(1, totalJobs));
    };

    // The reference: the committee trained on each seed's whole pool.
    QtConcurrent::blockingMap(splits, [&](SeedSplit &split) {
        Committee committee(classCount, options.members, parameters);
        committee.train(gatherRows(features, split.pool), gatherLabels(samples.labels, split.pool));
        const auto prediction = committee.predict(gatherRows(features, split.test));
        split.fullPoolAccuracy = ClassificationMetrics::compute(
                                         prediction.topClasses(),
                                         gatherLabels(samples.labels, split.test), classCount)
                                         .accuracy;
        report(QCoreApplication::translate("Boucle::LoopSimulation",
                                           "seed %1: full pool accuracy %2")
                       .arg(split.seed)
                       .arg(split.fullPoolAccuracy, 0, 'f', 4));
    });

    std::vector<Job> jobs;
    for (int s = 0; s < options.seeds; ++s) {
        for (int k = 0; k < options.strategies.size(); ++k)
            jobs.push_back(Job {s, k, {}});
    }
    QtConcurrent::blockingMap(jobs, [&](Job &job) {
        const SeedSplit &split = splits[static_cast<std::size_t>(job.seedIndex)];
        const auto kind = options.strategies.at(job.strategyIndex);
        std::mt19937 random(split.seed * 7919u + static_cast<quint32>(job.strategyIndex));
        const cv::Mat testFeatures = gatherRows(features, split.test);
        const std::vector<int> testLabels = gatherLabels(samples.labels, split.test);
        // Every strategy starts from the same class-interleaved first step.
        const auto initial = static_cast<std::ptrdiff_t>(result.labelCounts.front());
        std::vector<int> labelled(split.pool.begin(), split.pool.begin() + initial);
        std::vector<int> unlabelled(split.pool.begin() + initial, split.pool.end());
        for (std::size_t stepIndex = 0; stepIndex < result.labelCounts.size(); ++stepIndex) {
            Committee committee(classCount, options.members, parameters);
            const cv::Mat labelledFeatures = gatherRows(features, labelled);
            committee.train(labelledFeatures, gatherLabels(samples.labels, labelled));
            const auto testPrediction = committee.predict(testFeatures);
            job.accuracy.push_back(ClassificationMetrics::compute(testPrediction.topClasses(),
                                                                  testLabels, classCount)
                                           .accuracy);
            if (stepIndex + 1 == result.labelCounts.size() || unlabelled.empty())
                break;
            const int wanted = result.labelCounts[stepIndex + 1] - result.labelCounts[stepIndex];
            const cv::Mat poolFeatures = gatherRows(features, unlabelled);
            const auto poolPrediction
                    = kind == AcquisitionStrategy::Kind::Random
                              ? CommitteePrediction {cv::Mat(static_cast<int>(unlabelled.size()),
                                                             classCount, CV_32F, cv::Scalar(0)),
                                                     {},
                                                     {}}
                              : committee.predict(poolFeatures);
            std::vector<int> picked = AcquisitionStrategy::select(
                    kind, wanted, poolPrediction, poolFeatures, labelledFeatures, random);
            std::sort(picked.begin(), picked.end());
            for (auto it = picked.rbegin(); it != picked.rend(); ++it) {
                labelled.push_back(unlabelled[static_cast<std::size_t>(*it)]);
                unlabelled.erase(unlabelled.begin() + *it);
            }
        }
        // A pool smaller than the budget ends early: hold the last value.
        while (job.accuracy.size() < result.labelCounts.size())
            job.accuracy.push_back(job.accuracy.back());
        report(QCoreApplication::translate("Boucle::LoopSimulation",
                                           "seed %1, %2: final accuracy %3")
                       .arg(split.seed)
                       .arg(AcquisitionStrategy::name(kind))
                       .arg(job.accuracy.back(), 0, 'f', 4));
    });

    result.accuracy.assign(static_cast<std::size_t>(options.strategies.size()),
                           std::vector<double>(result.labelCounts.size(), 0.0));
    for (const Job &job : jobs) {
        auto &curve = result.accuracy[static_cast<std::size_t>(job.strategyIndex)];
        for (std::size_t i = 0; i < curve.size(); ++i)
            curve[i] += job.accuracy[i] / options.seeds;
    }
    for (const SeedSplit &split : splits)
        result.fullPoolAccuracy += split.fullPoolAccuracy / options.seeds;
    return result;
}

} // namespace Boucle
