// bench_ui_geometry: dragging a box over a 4096 x 4096 image with a heatmap, end to end through
// the review window (the budget: p95 < 16 ms per pointer move). A real project is built
// (a detection: ten boxes and a heatmap on each prefetched JPEG, a batch), the MainWindow opens
// it, and each pointer move goes through Qt's event system to the SampleView, whose object editor
// moves the box; the time runs until the viewport has painted (as the review benchmark's "as on
// screen" row: only the changed region is painted, when the window handles its update request).
// Rows, at "fit" (the whole image on screen) and at 1:1 (the box in the middle of the view):
//   - a pointer move while dragging a box (the edit layer repaints the box's old and new region);
//   - the same with the whole viewport repainted synchronously on every move (the worst case);
//   - the release, which stores the moved box (one store transaction) and reads the objects back.
// Peer, in the same run: the plain Qt way, a QGraphicsView with the full-size image and heatmap
// as pixmap items and a movable QGraphicsRectItem dragged by the same synthetic moves.
// Run from a release build, offscreen:
//   QT_QPA_PLATFORM=offscreen build/release/tests/bench/bench_ui_geometry [drags]
#include "benchrequire.h"
#include "benchscene.h"
#include "benchtiming.h"
#include "editing/objecteditor.h"
#include "imaging/heatmap.h"
#include "imaging/sampleprefetcher.h"
#include "mainwindow.h"
#include "review/reviewsession.h"
#include "sampleview/sampleview.h"
#include "store/projectstore.h"
#include "store/storetransaction.h"
#include "windowfixture.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QGraphicsPixmapItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QImageReader>
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
constexpr int movesPerDrag = 40;

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

void print(const char *name, const Timings &timings, const Timings &peer)
{
    const double peerP95 = percentile(peer.wall, 0.95);
    std::printf("| %-60s | %5zu | %7.2f | %7.2f | %7.2f | %7.2f | %7.2f | %6.2f |\n", name,
                timings.wall.size(), percentile(timings.wall, 0.5), percentile(timings.wall, 0.95),
                percentile(timings.wall, 1.0), percentile(timings.cpu, 0.5),
                percentile(timings.cpu, 0.95),
                peerP95 > 0 ? percentile(timings.wall, 0.95) / peerP95 : 0.0);
}

// Counts the paint events a widget receives, so a step can wait until the viewport painted.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

// Handles posted events until `counter` saw a paint (the update request was served).
void untilPainted(PaintCounter &counter)
{
    const int before = counter.paints;
    for (int round = 0; round < 50 && counter.paints == before; ++round) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

StoreError fillProject(ProjectStore &store, const QDir &data, int sampleCount)
{
    const QStringList classes {QStringLiteral("car"), QStringLiteral("pedestrian"),
                               QStringLiteral("cyclist")};
    requireStored(store.ensureClasses(classes), "ensureClasses");
    ModelRecord model;
    model.name = QStringLiteral("detector");
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
        prediction.heatmapPath = heat;
        for (int b = 0; b < 10; ++b) {
            PredictedObject object;
            object.label = classes.at(b % classes.size());
            object.score = 0.3 + b * 0.06;
            object.box = QRectF(200 + b * 350, 300 + b * 300, 400, 300);
            prediction.objects.append(object);
        }
        requireStored(store.addPrediction(prediction), "addPrediction");
        BatchItemRecord item;
        item.sampleId = sample.id;
        item.predictionId = prediction.id;
        item.reasons.append({QStringLiteral("low_confidence"), 0.45,
                             QStringLiteral("object confidence 0.30 below 0.50")});
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
    WindowFixture::isolateSettings(QStringLiteral("bench_ui_geometry"));
    WindowFixture fixture;
    if (!fixture.prepare(QStringLiteral("bench"))) {
        std::fprintf(stderr, "no temporary folder\n");
        return 1;
    }
    const int drags = argc > 1 ? std::max(2, atoi(argv[1])) : 8;

    QDir data(fixture.folder());
    data.mkpath(QStringLiteral("images"));
    data.mkpath(QStringLiteral("heatmaps"));
    std::fprintf(stderr, "writing a %d x %d JPEG...\n", side, side);
    if (auto error
        = fixture.createProject([&](ProjectStore &store) { return fillProject(store, data, 2); })) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    if (auto error = fixture.openWindow(QSize(1600, 1000))) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    MainWindow &window = *fixture.window();
    SampleView *view = window.sampleView();
    QWidget *viewport = view->viewport();
    for (int round = 0; round < 200 && !view->isEditing(); ++round) {
        window.prefetcher()->waitForDone();
        QCoreApplication::processEvents();
    }
    if (!view->isEditing() || !view->hasHeatmap()) {
        std::fprintf(stderr, "the detection is not shown for editing (heatmap: %d)\n",
                     view->hasHeatmap());
        return 1;
    }
    PaintCounter counter;
    viewport->installEventFilter(&counter);
    window.repaint();

    // Box 4 (at 1600, 1500, 400 x 300 in the image): dragged right and down, then back, each
    // drag stored on release.
    int stored = 0;
    int dragged = 0;
    const auto runDrags = [&](int count, bool fullRepaint, Timings &moves, Timings &release) {
        for (int drag = 0; drag < count; ++drag, ++dragged) {
            const QPointF centre = view->objectEditor()->objects().at(4).object.box.center();
            view->centerOn(centre);
            QCoreApplication::processEvents();
            const QPoint start = view->mapFromScene(centre);
            const QPoint direction = drag % 2 == 0 ? QPoint(3, 2) : QPoint(-3, -2);
            QTest::mousePress(viewport, Qt::LeftButton, {}, start);
            untilPainted(counter);
            for (int step = 1; step <= movesPerDrag; ++step) {
                const QPoint at = start + direction * step;
                measureOnce(moves, [&] {
                    QTest::mouseMove(viewport, at);
                    if (fullRepaint)
                        viewport->repaint();
                    else
                        untilPainted(counter);
                });
            }
            const BatchItemId item = window.currentItem();
            const int before = int(window.session()->reviewedObjectList(item).size());
            measureOnce(release, [&] {
                QTest::mouseRelease(viewport, Qt::LeftButton, {}, start + direction * movesPerDrag);
                untilPainted(counter);
            });
            const auto objects = window.session()->reviewedObjectList(item);
            if (objects.size() == before && objects.at(4).isDecided())
                ++stored;
        }
    };
    const double fitZoom = view->zoom();
    Timings moveFit;
    Timings moveFitRepaint;
    Timings moveActual;
    Timings moveActualRepaint;
    Timings release;
    runDrags(drags, false, moveFit, release);
    runDrags(drags, true, moveFitRepaint, release);
    view->showActualSize();
    runDrags(drags, false, moveActual, release);
    runDrags(drags, true, moveActualRepaint, release);
    if (stored != dragged) {
        std::fprintf(stderr, "%d drags of %d were stored\n", stored, dragged);
        return 1;
    }

    // The peer: full-size pixmaps and a movable rect item, dragged by the same moves.
    QGraphicsScene peerScene;
    QImageReader reader(data.filePath(QStringLiteral("images/000.jpg")));
    const QImage image = reader.read();
    auto *peerImage = peerScene.addPixmap(QPixmap::fromImage(image));
    peerImage->setTransformationMode(Qt::SmoothTransformation);
    const auto prepared = window.prefetcher()->sample(1);
    QImage heat = prepared ? colourHeatmapImage(prepared->heatmap.field,
                                                heatmapTable(ColourMap::Viridis, false),
                                                QSize(side, side))
                           : QImage(side, side, QImage::Format_ARGB32_Premultiplied);
    auto *peerHeat = peerScene.addPixmap(QPixmap::fromImage(heat));
    peerHeat->setTransformationMode(Qt::SmoothTransformation);
    peerHeat->setOpacity(0.5);
    auto *peerBox = peerScene.addRect(QRectF(0, 0, 400, 300), QPen(Qt::green, 0));
    peerBox->setPos(1600, 1500);
    peerBox->setFlag(QGraphicsItem::ItemIsMovable);
    peerBox->setZValue(2);
    QGraphicsView peerView(&peerScene);
    peerView.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    peerView.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    peerView.setFrameShape(QFrame::NoFrame);
    peerView.resize(viewport->size());
    peerView.show();
    peerView.fitInView(peerImage, Qt::KeepAspectRatio);
    PaintCounter peerCounter;
    peerView.viewport()->installEventFilter(&peerCounter);
    QCoreApplication::processEvents();
    const auto runPeer = [&](Timings &timings) {
        for (int drag = 0; drag < drags; ++drag) {
            peerView.centerOn(peerBox->sceneBoundingRect().center());
            QCoreApplication::processEvents();
            const QPoint start = peerView.mapFromScene(peerBox->sceneBoundingRect().center());
            const QPoint direction = drag % 2 == 0 ? QPoint(3, 2) : QPoint(-3, -2);
            QTest::mousePress(peerView.viewport(), Qt::LeftButton, {}, start);
            untilPainted(peerCounter);
            for (int step = 1; step <= movesPerDrag; ++step) {
                const QPoint at = start + direction * step;
                measureOnce(timings, [&] {
                    QTest::mouseMove(peerView.viewport(), at);
                    untilPainted(peerCounter);
                });
            }
            QTest::mouseRelease(peerView.viewport(), Qt::LeftButton, {},
                                start + direction * movesPerDrag);
            QCoreApplication::processEvents();
        }
    };
    Timings peerFit;
    runPeer(peerFit);
    peerView.resetTransform();
    Timings peerActual;
    runPeer(peerActual);

    std::printf("bench_ui_geometry: %d drags of %d moves per row, window 1600 x 1000, a %d x %d "
                "JPEG with a 224 x 224 heatmap and 10 boxes\n",
                drags, movesPerDrag, side, side);
    std::printf("| %-60s | %5s | %7s | %7s | %7s | %7s | %7s | %6s |\n", "step (ms)", "n", "p50",
                "p95", "max", "cpu p50", "cpu p95", "x peer");
    std::printf("fit to the view (zoom %.3f)\n", fitZoom);
    print("peer: movable QGraphicsRectItem over full-size pixmaps", peerFit, peerFit);
    print("ours: pointer move while dragging a box, to painted", moveFit, peerFit);
    print("ours: the same, whole viewport repainted every move", moveFitRepaint, peerFit);
    std::printf("1:1 (zoom %.3f), the box in the middle of the view\n", view->zoom());
    print("peer: movable QGraphicsRectItem over full-size pixmaps", peerActual, peerActual);
    print("ours: pointer move while dragging a box, to painted", moveActual, peerActual);
    print("ours: the same, whole viewport repainted every move", moveActualRepaint, peerActual);
    std::printf("on release\n");
    print("ours: release (store the box, read the objects back, paint)", release, release);
    std::printf("Budget: p95 < 16 ms per pointer move while dragging.\n");
    return 0;
}
