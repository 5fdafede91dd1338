// LoopSimulation: the active-learning loop run with simulated reviewers who answer with the known
// labels. For each seed, a stratified held-out test split is set apart; the rest is the pool.
// Every strategy starts from the same `step` random labels, then repeatedly trains the committee,
// measures held-out accuracy, and asks for `step` more labels chosen by the strategy, until
// `budget` labels. The reference is the committee trained on the whole pool. The result gives,
// per strategy, the mean accuracy over seeds at each label count and the labels needed to reach
// 99 % of the full-pool accuracy (the first label count at which the mean curve reaches it).
// Deterministic for a given seed list. run() blocks; call it from a worker thread in the GUI.
#pragma once

#include "acquisitionstrategy.h"
#include "committee.h"
#include "labelledsamples.h"

#include <QString>

#include <functional>

namespace Boucle {

struct LoopResult
{
    QString dataset;
    QList<AcquisitionStrategy::Kind> strategies;
    std::vector<int> labelCounts;              // x axis: labels at each measured step
    std::vector<std::vector<double>> accuracy; // [strategy][step], mean over seeds
    double fullPoolAccuracy = 0;               // mean over seeds
    double targetFraction = 0.99;
    int seeds = 0;
    int poolSize = 0;
    int testSize = 0;

    double target() const { return fullPoolAccuracy * targetFraction; }
    // Labels the strategy needed to reach target(); -1 when it did not within the budget.
    int labelsToTarget(int strategyIndex) const;
    // 1 - labels(strategy) / labels(random); NaN when either did not reach the target or random
    // was not simulated.
    double savingVsRandom(int strategyIndex) const;

    // Wide CSV: labels then one column per strategy; `summaryPath` gets one row per strategy.
    bool writeCsv(const QString &curvePath, const QString &summaryPath, QString *error) const;
    // A line chart (PNG): accuracy against labels, one line per strategy, the target as a dashed
    // line, a legend. Drawn with OpenCV so it works in a process without a GUI application.
    bool writeChart(const QString &path, QString *error) const;
};

class LoopSimulation
{
public:
    struct Options
    {
        QList<AcquisitionStrategy::Kind> strategies = AcquisitionStrategy::all();
        int budget = 1000;
        int step = 50;
        int seeds = 3;
        quint32 firstSeed = 1;
        double testFraction = 0.2;
        std::vector<CommitteeMember::Kind> members = Committee::defaultKinds();
        // Limit the pool to this many samples (0 = all); tests use small pools.
        int poolLimit = 0;
    };

    // Progress: a message and a fraction done in [0, 1].
    using Progress = std::function<void(const QString &message, double fraction)>;

    static LoopResult run(const LabelledSamples &samples, const Options &options,
                          const Progress &progress = {});
};

} // namespace Boucle
