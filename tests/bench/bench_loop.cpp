// The active-learning claim, measured: on OpenCV's digits, how many labels each strategy needs to
// reach 99 % of the accuracy of the committee trained on the whole pool, against random sampling
// (the peer every strategy is compared with, run in the same process). Target: the best strategy
// needs at least 60 % fewer labels than random.
// Usage (release build): bench_loop [digits|letters] [budget] [step] [seeds]
#include "learning/datasetloader.h"
#include "learning/loopsimulation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <cmath>

using namespace Boucle;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList arguments = QCoreApplication::arguments();
    const QString dataset = arguments.value(1, QStringLiteral("digits"));
    LoopSimulation::Options options;
    options.budget = arguments.value(2, QStringLiteral("1500")).toInt();
    options.step = arguments.value(3, QStringLiteral("50")).toInt();
    options.seeds = arguments.value(4, QStringLiteral("3")).toInt();
    QString error;
    const auto samples = DatasetLoader::load(dataset, &error);
    if (!samples) {
        out << "data set missing, nothing measured: " << error << '\n';
        return 0;
    }
    QElapsedTimer timer;
    timer.start();
    const LoopResult result = LoopSimulation::run(
            *samples, options, [&err](const QString &message, double fraction) {
                err << QStringLiteral("[%1%] ").arg(std::lround(fraction * 100), 3) << message
                    << '\n';
                err.flush();
            });
    out << "bench_loop: " << dataset << ", pool " << result.poolSize << ", test " << result.testSize
        << ", budget " << options.budget << ", step " << options.step << ", seeds " << options.seeds
        << ", committee svm+knn+forest, " << timer.elapsed() / 1000.0 << " s\n";
    out << "full-pool accuracy " << QString::number(result.fullPoolAccuracy * 100, 'f', 2)
        << " %, target " << QString::number(result.target() * 100, 'f', 2) << " %\n\n";
    out << "strategy          labels-to-99%  vs random   accuracy at";
    for (const int labels : {200, 500, 1000})
        out << QString::number(labels).rightJustified(7);
    out << '\n';
    double best = -1;
    QString bestName;
    for (int k = 0; k < result.strategies.size(); ++k) {
        const int labels = result.labelsToTarget(k);
        const double saving = result.savingVsRandom(k);
        out << AcquisitionStrategy::name(result.strategies.at(k)).leftJustified(18)
            << (labels > 0 ? QString::number(labels) : QStringLiteral("> budget"))
                        .rightJustified(13)
            << (std::isnan(saving) ? QStringLiteral("-")
                                   : QStringLiteral("%1 %").arg(saving * 100, 0, 'f', 1))
                        .rightJustified(11)
            << QString().leftJustified(12);
        for (const int at : {200, 500, 1000}) {
            QString cell = QStringLiteral("-");
            for (std::size_t i = 0; i < result.labelCounts.size(); ++i) {
                if (result.labelCounts[i] == at)
                    cell = QString::number(result.accuracy[static_cast<std::size_t>(k)][i] * 100,
                                           'f', 2);
            }
            out << cell.rightJustified(7);
        }
        out << '\n';
        if (!std::isnan(saving) && saving > best) {
            best = saving;
            bestName = AcquisitionStrategy::name(result.strategies.at(k));
        }
    }
    if (best >= 0)
        out << "\nbest: " << bestName << ", " << QString::number(best * 100, 'f', 1)
            << " % fewer labels than random (target >= 60 %): " << (best >= 0.6 ? "met" : "missed")
            << '\n';
    else
        out << "\nrandom did not reach the target within the budget: no saving measured; raise the "
               "budget\n";
    result.writeCsv(QStringLiteral("bench_loop.csv"), QStringLiteral("bench_loop-summary.csv"),
                    nullptr);
    result.writeChart(QStringLiteral("bench_loop.png"), nullptr);
    return 0;
}
