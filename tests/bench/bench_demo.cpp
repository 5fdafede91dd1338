// Time to build the demo material (sample files, committee trained on the seed, prediction log,
// occlusion heatmaps) from opencv-doc's data, the learning share of `boucle demo`'s < 20 s budget.
// There is no outside peer for this step; the table compares heatmap limits instead.
// Usage (release build): bench_demo [digits|letters]
#include "learning/demomaterial.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Boucle;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QString dataset = QCoreApplication::arguments().value(1, QStringLiteral("digits"));
    out << "bench_demo: " << dataset << "\n heatmaps  seconds  held-out accuracy\n";
    for (const int limit : {0, 300}) {
        QTemporaryDir folder;
        DemoMaterial::Options options;
        options.dataset = dataset;
        options.heatmapLimit = limit;
        QString error;
        QElapsedTimer timer;
        timer.start();
        const auto summary = DemoMaterial::write(folder.path(), options, &error);
        if (!summary) {
            out << "not measured: " << error << '\n';
            return 0;
        }
        out << QString::number(summary->heatmapCount).rightJustified(9) << "  "
            << QString::number(timer.elapsed() / 1000.0, 'f', 2).rightJustified(7) << "  "
            << QString::number(summary->heldOut.accuracy * 100, 'f', 2) << " %\n";
        out.flush();
    }
    return 0;
}
