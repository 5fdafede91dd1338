// Benchmark of the review queue on a very large batch (default 1,000,000 items): how long the
// batch takes to build (ProjectStore::addBatch in one transaction), to open in the workspace
// (project open to the queue painted), how long a jump to the end takes to paint, and the
// resident memory. The peer, measured in the same run, is the naive queue: reading every item of
// the batch into memory (ProjectStore::batchItems without a limit), as a model that is not paged
// would. Run from a release build, offscreen:
//   QT_QPA_PLATFORM=offscreen build/ci/tests/bench/bench_ui_queue [--items N] [--samples S]
//       [--project FILE] [--no-peer]
// --project keeps the project in FILE and reuses it when it exists (for profiling the window
// without building the batch again); --no-peer skips the peer.
// Items cycle over S distinct samples (default 20,000): adding a sample with its prediction costs
// far more than adding an item, and the queue's cost depends on the items.
#include "benchrequire.h"
#include "benchtiming.h"
#include "mainwindow.h"
#include "queue/queuemodel.h"

#include "store/projectstore.h"
#include "store/storetransaction.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Boucle;
using namespace Boucle::Bench;

namespace {

int intArgument(const QStringList &arguments, const QString &name, int fallback)
{
    const auto index = arguments.indexOf(name);
    return index >= 0 && index + 1 < arguments.size() ? arguments.at(index + 1).toInt() : fallback;
}

void row(const char *what, double value, const char *unit, const char *target)
{
    std::printf("| %-44s | %12.1f %-3s | %-10s |\n", what, value, unit, target);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BoucleBench"));
    QSettings().clear();
    QSettings().setValue(QStringLiteral("reviewer"), QStringLiteral("bench"));
    const auto arguments = QCoreApplication::arguments();
    const int itemCount = intArgument(arguments, QStringLiteral("--items"), 1000000);
    const int sampleCount
            = std::min(itemCount, intArgument(arguments, QStringLiteral("--samples"), 20000));
    const QStringList classes {QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("bird"),
                               QStringLiteral("fish"), QStringLiteral("horse")};

    QTemporaryDir dir;
    const auto projectIndex = arguments.indexOf(QStringLiteral("--project"));
    const QString path = projectIndex >= 0 && projectIndex + 1 < arguments.size()
                                 ? arguments.at(projectIndex + 1)
                                 : dir.filePath(QStringLiteral("bench.boucle"));
    const bool runPeer = !arguments.contains(QStringLiteral("--no-peer"));
    QElapsedTimer timer;
    double samplesSeconds = 0;
    double batchSeconds = 0;
    if (!QFile::exists(path)) {
        ProjectStore store;
        if (auto error = store.create(path)) {
            std::fprintf(stderr, "%s\n", qPrintable(error.message));
            return 1;
        }
        requireStored(store.ensureClasses(classes), "ensureClasses");
        ModelRecord model;
        model.name = QStringLiteral("bench");
        model.version = QStringLiteral("1");
        requireStored(store.addModel(model), "addModel");
        std::fprintf(stderr, "adding %d samples with predictions...\n", sampleCount);
        timer.start();
        std::vector<std::pair<SampleId, PredictionId>> ids;
        ids.reserve(size_t(sampleCount));
        {
            StoreTransaction transaction(store);
            for (int i = 0; i < sampleCount; ++i) {
                SampleRecord sample;
                sample.path = QStringLiteral("images/%1.jpg").arg(i, 7, 10, QLatin1Char('0'));
                requireStored(store.addSample(sample), "addSample");
                PredictionRecord prediction;
                prediction.sampleId = sample.id;
                prediction.modelId = model.id;
                prediction.label = classes.at(i % classes.size());
                prediction.confidence = 0.2 + 0.6 * double(i % 97) / 97.0;
                requireStored(store.addPrediction(prediction), "addPrediction");
                ids.emplace_back(sample.id, prediction.id);
            }
            requireStored(transaction.commit(), "commit");
        }
        samplesSeconds = timer.elapsed() / 1000.0;
        std::fprintf(stderr, "adding a batch of %d items...\n", itemCount);
        QList<BatchItemRecord> items;
        items.reserve(itemCount);
        for (int i = 0; i < itemCount; ++i) {
            BatchItemRecord item;
            item.sampleId = ids[size_t(i % sampleCount)].first;
            item.predictionId = ids[size_t(i % sampleCount)].second;
            item.priority = 1.0 - double(i % 97) / 97.0;
            item.reasons.append({QStringLiteral("low_confidence"), item.priority,
                                 QStringLiteral("confidence below 0.80")});
            items.append(item);
        }
        BatchRecord batch;
        batch.name = QStringLiteral("huge");
        timer.restart();
        if (auto error = store.addBatch(batch, items)) {
            std::fprintf(stderr, "%s\n", qPrintable(error.message));
            return 1;
        }
        batchSeconds = timer.elapsed() / 1000.0;
    }

    const double rssBefore = residentMegabytes();
    MainWindow window;
    window.resize(1400, 860);
    window.show();
    QCoreApplication::processEvents();

    timer.restart();
    const double openCpuBefore = threadCpuMs();
    if (auto error = window.openProject(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    window.queueView()->viewport()->repaint();
    const double openCpuMs = threadCpuMs() - openCpuBefore;
    const double openMs = double(timer.nsecsElapsed()) / 1e6;
    const int rows = window.queueModel()->rowCount();

    std::vector<double> jumpMs;
    std::vector<double> jumpCpuMs;
    for (int run = 0; run < 40; ++run) {
        // Alternate between the end and the middle so every jump reads pages it has not cached.
        const int target = run % 2 == 0 ? rows - 1 - run * 300 : rows / 2 + run * 300;
        timer.restart();
        const double cpuBefore = threadCpuMs();
        window.goToRow(target);
        window.queueView()->viewport()->repaint();
        jumpCpuMs.push_back(threadCpuMs() - cpuBefore);
        jumpMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::vector<double> stepMs;
    std::vector<double> stepCpuMs;
    for (int run = 0; run < 50; ++run) {
        timer.restart();
        const double cpuBefore = threadCpuMs();
        window.goToRow(rows - 200 + run);
        window.queueView()->viewport()->repaint();
        stepCpuMs.push_back(threadCpuMs() - cpuBefore);
        stepMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    const double rssAfter = residentMegabytes();
    const int pages = window.queueModel()->loadedPageCount();

    // The peer: the whole batch read into memory, as an unpaged model would.
    ProjectStore peer;
    requireStored(peer.open(path, ProjectStore::OpenMode::ReadOnly), "open");
    timer.restart();
    const auto everything
            = runPeer ? peer.batchItems(peer.batches().constFirst().id) : QList<BatchItemRecord>();
    const double peerMs = double(timer.nsecsElapsed()) / 1e6;
    const double peerRss = residentMegabytes();

    std::printf("\nReview queue over a batch of %d items (%d distinct samples)\n\n", rows,
                sampleCount);
    std::printf("| %-44s | %16s | %-10s |\n", "measure", "value", "target");
    std::printf("|%s|%s|%s|\n", std::string(46, '-').c_str(), std::string(18, '-').c_str(),
                std::string(12, '-').c_str());
    row("add samples + predictions (one transaction)", samplesSeconds, "s", "-");
    row("addBatch of all items (one transaction)", batchSeconds, "s", "-");
    row("open project → queue painted", openMs, "ms", "< 1000");
    row("open project → queue painted, GUI CPU", openCpuMs, "ms", "< 1000");
    row("jump to end/middle → painted, p50", percentile(jumpMs, 0.5), "ms", "-");
    row("jump to end/middle → painted, p95", percentile(jumpMs, 0.95), "ms", "< 16");
    row("jump → painted, GUI thread CPU, p50", percentile(jumpCpuMs, 0.5), "ms", "-");
    row("jump → painted, GUI thread CPU, p95", percentile(jumpCpuMs, 0.95), "ms", "< 16");
    row("next row → painted, p95", percentile(stepMs, 0.95), "ms", "-");
    row("next row → painted, GUI thread CPU, p95", percentile(stepCpuMs, 0.95), "ms", "-");
    row("resident memory before opening", rssBefore, "MB", "-");
    row("resident memory after the jumps", rssAfter, "MB", "< 400");
    row("queue pages held", pages, "", "-");
    row("peer: read every item (unpaged model)", peerMs, "ms", "-");
    row("peer: resident memory after it", peerRss, "MB", "-");
    std::printf("\npeer rows read: %lld\n", qint64(everything.size()));
    return 0;
}
