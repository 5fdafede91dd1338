// The detection demo end to end on opencv-doc's digits: canvases of held-out digits, the
// sliding-window detector's log imported by the ordinary import, a batch flagged on doubtful
// boxes, and the detector measured against the true boxes it never saw (truth.json, read back by
// the COCO reader): useful but imperfect, and the same for the same seed.
#include "ingest/logimporter.h"
#include "interop/annotationreader.h"
#include "learning/datasetloader.h"
#include "learning/detectiondemo.h"
#include "loop/demoproject.h"
#include "store/projectstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Boucle;

namespace {

constexpr int Canvases = 80;

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

double iou(const QRectF &a, const QRectF &b)
{
    const QRectF inside = a.intersected(b);
    const double shared = inside.width() * inside.height();
    const double both = a.width() * a.height() + b.width() * b.height() - shared;
    return both > 0 ? shared / both : 0.0;
}

} // namespace

class TestDetectionDemo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void importsEveryCanvasWithItsBoxes();
    void theLogImportsWithNoProblem();
    void flagsCanvasesWithDoubtfulBoxes();
    void detectorIsUsefulButImperfect();
    void sameSeedSameDemo();

private:
    QTemporaryDir m_dir;
    QString m_folder;
    QString m_project;
};

void TestDetectionDemo::initTestCase()
{
    if (!QFile::exists(DatasetLoader::defaultPath(QStringLiteral("digits"))))
        QSKIP("opencv-doc's digits.png is not installed (Debian package opencv-doc)");
    m_folder = m_dir.filePath(QStringLiteral("demo"));
    DemoProject::Options options;
    options.dataset = QStringLiteral("detection");
    options.sampleLimit = Canvases;
    options.batchSize = 30;
    QElapsedTimer timer;
    timer.start();
    const auto error = DemoProject::build(m_folder, options, &m_project);
    QVERIFY2(!error, qPrintable(error.message));
    qInfo("detection demo of %d canvases built in %lld ms", Canvases, timer.elapsed());
}

void TestDetectionDemo::importsEveryCanvasWithItsBoxes()
{
    ProjectStore store;
    QVERIFY(!store.open(m_project));
    QCOMPARE(store.classNames().size(), 10);
    QCOMPARE(store.sampleCount(), Canvases);
    const auto models = store.models();
    QCOMPARE(models.size(), 1);
    QCOMPARE(models.at(0).name + QLatin1Char('@') + models.at(0).version,
             DetectionDemo::modelName());
    int boxes = 0;
    for (const auto &sample : store.samples(0, Canvases)) {
        QVERIFY(sample.path.startsWith(QLatin1String("canvases/")));
        QVERIFY(!sample.missing);
        const auto predictions = store.predictionsForSample(sample.id);
        QCOMPARE(predictions.size(), 1);
        const auto &prediction = predictions.first();
        QVERIFY2(!prediction.objects.isEmpty(), qPrintable(sample.path));
        // No item-level label; the canvas's confidence is its least confident box's score.
        QVERIFY(prediction.label.isEmpty());
        double least = 1.0;
        for (const auto &object : prediction.objects) {
            QCOMPARE(object.shape, PredictedObject::Shape::Box);
            QVERIFY(store.classNames().contains(object.label));
            QVERIFY(object.score > 0 && object.score <= 1);
            QVERIFY(object.box.width() > 0 && object.box.height() > 0);
            least = std::min(least, object.score);
        }
        QCOMPARE(prediction.confidence, least);
        boxes += int(prediction.objects.size());
    }
    qInfo("%d boxes on %d canvases (%.2f per canvas)", boxes, Canvases, double(boxes) / Canvases);
    QVERIFY(store.verify().intact);
}

void TestDetectionDemo::theLogImportsWithNoProblem()
{
    // A second, empty project takes the demo's log like any user's log.
    ProjectStore store;
    QVERIFY(!store.create(m_dir.filePath(QStringLiteral("again.boucle")), m_folder));
    LogImporter importer(store);
    const auto report
            = importer.import(QDir(m_folder).filePath(QStringLiteral("predictions.jsonl")));
    QVERIFY2(report.isSuccess(), qPrintable(report.summary()));
    QCOMPARE(report.invalidLines, 0);
    QVERIFY(report.problems.isEmpty());
    QCOMPARE(report.predictionsAdded, Canvases);
    QCOMPARE(report.samplesMissing, 0);
}

void TestDetectionDemo::flagsCanvasesWithDoubtfulBoxes()
{
    ProjectStore store;
    QVERIFY(!store.open(m_project));
    const auto batch = store.batchByName(QStringLiteral("Loop 1"));
    QVERIFY(batch);
    QCOMPARE(batch->itemCount, 30);
    int lowConfidence = 0;
    for (const auto &item : store.batchItems(batch->id)) {
        const auto prediction = store.prediction(item.predictionId);
        QVERIFY(prediction);
        for (const auto &reason : item.reasons) {
            if (reason.trigger != QLatin1String("low_confidence"))
                continue;
            ++lowConfidence;
            const auto least = std::min_element(
                    prediction->objects.begin(), prediction->objects.end(),
                    [](const auto &a, const auto &b) { return a.score < b.score; });
            QVERIFY(least->score < 0.5);
        }
    }
    // The batch is mostly canvases with a doubtful box, plus the random control share.
    QVERIFY2(lowConfidence >= 20, qPrintable(QString::number(lowConfidence)));
}

void TestDetectionDemo::detectorIsUsefulButImperfect()
{
    const QString truthPath = QDir(m_folder).filePath(QStringLiteral("truth.json"));
    const auto truth = AnnotationReaders::readCoco(truthPath, {});
    QVERIFY2(truth.isValid(),
             truth.problems.isEmpty() ? "cancelled" : qPrintable(truth.problems.first().message));
    QCOMPARE(truth.set.images.size(), Canvases);

    ProjectStore store;
    QVERIFY(!store.open(m_project));
    int truths = 0, predictions = 0, matched = 0;
    double overlap = 0;
    for (const auto &image : truth.set.images) {
        QVERIFY2(!image.objects.isEmpty() && image.objects.size() <= 5, qPrintable(image.path));
        const auto sample = store.sampleByPath(image.path);
        QVERIFY2(sample, qPrintable(image.path));
        auto found = store.predictionsForSample(sample->id).first().objects;
        std::stable_sort(found.begin(), found.end(),
                         [](const auto &a, const auto &b) { return a.score > b.score; });
        truths += int(image.objects.size());
        predictions += int(found.size());
        QList<bool> taken(image.objects.size(), false);
        for (const auto &object : found) {
            int best = -1;
            double bestIoU = 0.5;
            for (int t = 0; t < image.objects.size(); ++t) {
                const double value = iou(object.box, image.objects[t].box);
                if (!taken[t] && image.objects[t].label == object.label && value >= bestIoU) {
                    best = t;
                    bestIoU = value;
                }
            }
            if (best >= 0) {
                taken[best] = true;
                ++matched;
                overlap += bestIoU;
            }
        }
    }
    const double precision = double(matched) / predictions;
    const double recall = double(matched) / truths;
    qInfo("at IoU 0.5: %d true boxes, %d predicted, %d matched: precision %.3f, recall %.3f, "
          "mean IoU of matches %.3f",
          truths, predictions, matched, precision, recall, matched ? overlap / matched : 0.0);
    QVERIFY2(recall > 0.4 && recall < 0.98, qPrintable(QString::number(recall)));
    QVERIFY2(precision > 0.4 && precision < 0.98, qPrintable(QString::number(precision)));

    // The summary and the model's metrics say the same.
    const QJsonObject summary
            = QJsonDocument::fromJson(
                      contents(QDir(m_folder).filePath(QStringLiteral("demo-summary.json"))))
                      .object();
    QCOMPARE(summary.value(QStringLiteral("true_objects")).toInt(), truths);
    QCOMPARE(summary.value(QStringLiteral("predicted_objects")).toInt(), predictions);
    QCOMPARE(summary.value(QStringLiteral("true_positives")).toInt(), matched);
    const auto metrics = store.models().first().metrics;
    QCOMPARE(metrics.value(QStringLiteral("recall")).toDouble(), recall);
}

void TestDetectionDemo::sameSeedSameDemo()
{
    DetectionDemo::Options options;
    options.canvases = 6;
    options.trainingPerClass = 8;
    QString error;
    const QString first = m_dir.filePath(QStringLiteral("first"));
    const QString second = m_dir.filePath(QStringLiteral("second"));
    const QString other = m_dir.filePath(QStringLiteral("other"));
    QVERIFY2(DetectionDemo::write(first, options, &error), qPrintable(error));
    QVERIFY2(DetectionDemo::write(second, options, &error), qPrintable(error));
    options.seed = 2;
    QVERIFY2(DetectionDemo::write(other, options, &error), qPrintable(error));
    for (const QString &file : {QStringLiteral("predictions.jsonl"), QStringLiteral("truth.json"),
                                QStringLiteral("canvases/0005.png")}) {
        const QByteArray bytes = contents(QDir(first).filePath(file));
        QVERIFY(!bytes.isEmpty());
        QCOMPARE(contents(QDir(second).filePath(file)), bytes);
        QVERIFY(contents(QDir(other).filePath(file)) != bytes);
    }
}

QTEST_GUILESS_MAIN(TestDetectionDemo)
#include "tst_detectiondemo.moc"
