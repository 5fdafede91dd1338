// bench_ui_review: "key press → next image painted" end to end through the review window, the
// issue's budget (p95 < 16 ms) for prefetched 4096 x 4096 JPEGs with a heatmap overlay and boxes.
// A real project is built (store, samples, predictions with heatmaps and boxes, a batch), the
// MainWindow opens it, and each step waits until the prefetcher is idle (a reviewer looks at a
// sample for a second or more, the workers decode the next ones meanwhile), then sends the key
// through Qt's event system and repaints the whole window synchronously:
//   - J (next item): the action, the queue's current row, the panels, the sample view;
//   - A (approve): the same plus the durable decision (a store transaction, synchronous=FULL).
// Peer, in the same run: a viewer without prefetch, which decodes the next file on the key press
// (QImageReader, as most image tools do) and paints it scaled into a widget of the same size.
// Wall time and the GUI thread's CPU time are both given: on a shared machine wall time also
// counts other processes' turns. Run from a release build, offscreen:
//   QT_QPA_PLATFORM=offscreen build/release/tests/bench/bench_ui_review [samples]
#include "benchrequire.h"
#include "benchscene.h"
#include "benchtiming.h"
#include "imaging/sampleprefetcher.h"
#include "mainwindow.h"
#include "sampleview/sampleview.h"
#include "store/projectstore.h"
#include "store/storetransaction.h"
#include "windowfixture.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QImageReader>
#include <QLabel>
#include <QPainter>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace Boucle;
using Boucle::Bench::percentile;
using Boucle::Bench::threadCpuMs;
using Boucle::Testing::WindowFixture;

namespace {

constexpr int side = 4096;

void writeHeatmap(const QString &path, int seed)
{
    QImage heat(224, 224, QImage::Format_Grayscale8);
    for (int y = 0; y < 224; ++y)
        for (int x = 0; x < 224; ++x)
            heat.scanLine(y)[x] = uchar((x * y + seed * 977) % 256);
    heat.save(path);
}

struct Timings
{
    std::vector<double> wall;
    std::vector<double> cpu;
};

void measureOnce(Timings &timings, const std::function<void()> &step)
{
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = threadCpuMs();
    step();
    timings.cpu.push_back(threadCpuMs() - cpuBefore);
    timings.wall.push_back(double(timer.nsecsElapsed()) / 1e6);
}

void print(const char *name, const Timings &timings, const char *target)
{
    std::printf("| %-58s | %7.2f | %7.2f | %7.2f | %7.2f | %-8s |\n", name,
                percentile(timings.wall, 0.5), percentile(timings.wall, 0.95),
                percentile(timings.cpu, 0.5), percentile(timings.cpu, 0.95), target);
}

StoreError fillProject(ProjectStore &store, const QDir &data, int sampleCount)
{
    const QStringList classes {QStringLiteral("cat"), QStringLiteral("dog"),
                               QStringLiteral("bird")};
    requireStored(store.ensureClasses(classes), "ensureClasses");
    ModelRecord model;
    model.name = QStringLiteral("bench");
    model.version = QStringLiteral("1");
    requireStored(store.addModel(model), "addModel");
    StoreTransaction transaction(store);
    QList<BatchItemRecord> items;
    for (int i = 0; i < sampleCount; ++i) {
        const QString image = QStringLiteral("images/%1.jpg").arg(i, 3, 10, QLatin1Char('0'));
        const QString heat = QStringLiteral("heatmaps/%1.png").arg(i, 3, 10, QLatin1Char('0'));
        Bench::writeScene(data.filePath(image), i + 1, side);
        writeHeatmap(data.filePath(heat), i);
        SampleRecord sample;
        sample.path = image;
        sample.width = side;
        sample.height = side;
        requireStored(store.addSample(sample), "addSample");
        PredictionRecord prediction;
        prediction.sampleId = sample.id;
        prediction.modelId = model.id;
        prediction.label = classes.at(i % classes.size());
        prediction.confidence = 0.55;
        prediction.probs = {0.55f, 0.30f, 0.15f};
        prediction.heatmapPath = heat;
        for (int b = 0; b < 10; ++b) {
            PredictedObject object;
            object.label = classes.at(b % classes.size());
            object.score = 0.5 + b * 0.04;
            object.box = QRectF(200 + b * 350, 300 + b * 300, 400, 300);
            prediction.objects.append(object);
        }
        requireStored(store.addPrediction(prediction), "addPrediction");
        BatchItemRecord item;
        item.sampleId = sample.id;
        item.predictionId = prediction.id;
        item.reasons.append({QStringLiteral("low_confidence"), 0.45,
                             QStringLiteral("confidence 0.55 below 0.80")});
        items.append(item);
    }
    BatchRecord batch;
    batch.name = QStringLiteral("bench");
    if (auto error = store.addBatch(batch, items))
        return error;
    return transaction.commit();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    WindowFixture::isolateSettings(QStringLiteral("bench_ui_review"));
    WindowFixture fixture;
    if (!fixture.prepare(QStringLiteral("bench"))) {
        std::fprintf(stderr, "no temporary folder\n");
        return 1;
    }
    const int sampleCount = argc > 1 ? std::max(6, atoi(argv[1])) : 24;

    QDir data(fixture.folder());
    data.mkpath(QStringLiteral("images"));
    data.mkpath(QStringLiteral("heatmaps"));
    std::fprintf(stderr, "writing %d JPEGs of %d x %d...\n", sampleCount, side, side);
    if (auto error = fixture.createProject(
                [&](ProjectStore &store) { return fillProject(store, data, sampleCount); })) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    if (auto error = fixture.openWindow(QSize(1600, 1000))) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    MainWindow &window = *fixture.window();
    QWidget *queue = window.queueView();
    queue->setFocus();
    const auto settle = [&window] {
        window.prefetcher()->waitForDone();
        QCoreApplication::processEvents();
        window.repaint();
    };
    settle();

    Timings next;
    Timings nextUpdated;
    Timings previous;
    Timings approve;
    int decided = 0;
    int moves = 0;
    for (int i = 0; i + 1 < sampleCount; ++i) {
        settle();
        const BatchItemId before = window.currentItem();
        measureOnce(next, [&] {
            QTest::keyClick(queue, Qt::Key_J);
            window.repaint();
        });
        moves += window.currentItem() != before ? 1 : 0;
    }
    // As on screen: only what changed is painted, when the window handles its update request.
    for (int i = 0; i + 1 < sampleCount; ++i) {
        settle();
        measureOnce(nextUpdated, [&] {
            QTest::keyClick(queue, Qt::Key_K);
            QCoreApplication::sendPostedEvents();
            QCoreApplication::processEvents();
        });
        settle();
        QTest::keyClick(queue, Qt::Key_J);
    }
    for (int i = 0; i + 1 < sampleCount; ++i) {
        settle();
        const BatchItemId before = window.currentItem();
        measureOnce(previous, [&] {
            QTest::keyClick(queue, Qt::Key_K);
            window.repaint();
        });
        moves += window.currentItem() != before ? 1 : 0;
    }
    if (moves != 2 * (sampleCount - 1)) {
        std::fprintf(stderr, "J and K moved %d times of %d\n", moves, 2 * (sampleCount - 1));
        return 1;
    }
    for (int i = 0; i + 1 < sampleCount; ++i) {
        settle();
        const BatchItemId before = window.currentItem();
        measureOnce(approve, [&] {
            QTest::keyClick(queue, Qt::Key_A);
            window.repaint();
        });
        if (window.currentItem() != before)
            ++decided;
    }
    if (decided != sampleCount - 1) {
        std::fprintf(stderr, "A approved %d items of %d\n", decided, sampleCount - 1);
        return 1;
    }
    // The peer, on the same files, in a window of its own (after ours: it takes the focus).
    Timings peer;
    QLabel peerLabel;
    peerLabel.resize(window.sampleView()->viewport()->size());
    peerLabel.setAlignment(Qt::AlignCenter);
    peerLabel.show();
    for (int i = 0; i < sampleCount; ++i) {
        const QString file
                = data.filePath(QStringLiteral("images/%1.jpg").arg(i, 3, 10, QLatin1Char('0')));
        measureOnce(peer, [&] {
            QImageReader reader(file);
            reader.setAutoTransform(true);
            const QImage image = reader.read();
            peerLabel.setPixmap(QPixmap::fromImage(
                    image.scaled(peerLabel.size(), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
            peerLabel.repaint();
        });
    }

    {
        ProjectStore check;
        requireStored(check.open(fixture.projectPath(), ProjectStore::OpenMode::ReadOnly), "open");
        const auto batch = check.batches().value(0);
        if (batch.decidedCount != decided) {
            std::fprintf(stderr, "expected %d approvals in the store, found %d\n", decided,
                         batch.decidedCount);
            return 1;
        }
    }

    std::printf("\nKey press → next image painted, whole window %d x %d, %d prefetched %d x %d "
                "JPEGs with a 224 x 224 heatmap and 10 boxes (ms)\n\n",
                window.width(), window.height(), sampleCount, side, side);
    std::printf("| %-58s | %7s | %7s | %7s | %7s | %-8s |\n", "step", "p50", "p95", "cpu p50",
                "cpu p95", "target");
    std::printf("|%s|%s|%s|%s|%s|%s|\n", std::string(60, '-').c_str(), std::string(9, '-').c_str(),
                std::string(9, '-').c_str(), std::string(9, '-').c_str(),
                std::string(9, '-').c_str(), std::string(10, '-').c_str());
    print("J: next item → whole window repainted", next, "p95 < 16");
    print("K: previous item → whole window repainted", previous, "p95 < 16");
    print("K: previous item → window updated (changed parts only)", nextUpdated, "p95 < 16");
    print("A: approve (durable) → next → whole window repainted", approve, "p95 < 16");
    print("peer: decode on key press (QImageReader) + scaled paint", peer, "-");
    std::printf("\napprovals made and found in the store: %d of %d\n", decided, sampleCount - 1);
    return 0;
}
