// Retrainer on small sets of real digit and letter files: more correct labels raise held-out
// accuracy; records and heatmaps are what the prediction log needs; bad input is named.
#include "learning/datasetloader.h"
#include "learning/heatmapfile.h"
#include "learning/retrainer.h"
#include "learning/samplefile.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

namespace {

// Writes every `stride`-th sample of the data set under the folder; returns path and label.
QList<Retrainer::LabelledSample> writeSamples(const LabelledSamples &samples, const QDir &root,
                                              int stride, int offset)
{
    QList<Retrainer::LabelledSample> written;
    root.mkpath(samples.name);
    for (int i = offset; i < samples.size(); i += stride) {
        const bool images = samples.hasImages();
        const QString relative
                = QStringLiteral("%1/%2.%3")
                          .arg(samples.name)
                          .arg(i, 5, 10, QLatin1Char('0'))
                          .arg(images ? QStringLiteral("png") : QStringLiteral("csv"));
        const bool ok = images ? SampleFile::writeImage(root.filePath(relative),
                                                        samples.images[static_cast<std::size_t>(i)],
                                                        nullptr)
                               : SampleFile::writeFeatureRow(root.filePath(relative),
                                                             samples.raw.row(i), nullptr);
        if (!ok)
            return {};
        written.append({relative, samples.classes.at(samples.labels[static_cast<std::size_t>(i)])});
    }
    return written;
}

} // namespace

class tst_Retrainer : public QObject
{
    Q_OBJECT

private slots:
    void moreCorrectLabelsRaiseAccuracy_data();
    void moreCorrectLabelsRaiseAccuracy();
    void recordsAndHeatmaps();
    void badInputIsNamed_data();
    void badInputIsNamed();
};

void tst_Retrainer::moreCorrectLabelsRaiseAccuracy_data()
{
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<int>("stride");
    QTest::newRow("digits") << QStringLiteral("digits") << 10;
    QTest::newRow("letters") << QStringLiteral("letters") << 25;
}

void tst_Retrainer::moreCorrectLabelsRaiseAccuracy()
{
    QFETCH(QString, dataset);
    QFETCH(int, stride);
    if (!QFile::exists(DatasetLoader::defaultPath(dataset)))
        QSKIP("opencv-doc is not installed");
    QString error;
    const auto samples = DatasetLoader::load(dataset, &error);
    QVERIFY2(samples, qPrintable(error));
    QTemporaryDir folder;
    const QDir root(folder.path());
    const auto pool = writeSamples(*samples, root, stride, 0);
    const auto test = writeSamples(*samples, root, stride, 5);
    QVERIFY(!pool.isEmpty() && !test.isEmpty());

    // Before review: a few labels, a third of them wrong (a model's mistakes taken as truth).
    Retrainer::Input before;
    before.dataRoot = root.path();
    before.dataset = dataset;
    before.classes = samples->classes;
    before.test = test;
    before.heatmapLimit = 0;
    for (int i = 0; i < 60 && i < pool.size(); ++i) {
        auto sample = pool.at(i * (static_cast<int>(pool.size()) / 60));
        if (i % 3 == 0)
            sample.label = samples->classes.at((samples->classes.indexOf(sample.label) + 1)
                                               % samples->classCount());
        before.labelled.append(sample);
    }
    for (const auto &sample : pool)
        before.pool.append(sample.sample);
    // After review: the wrong labels corrected and more samples labelled.
    Retrainer::Input after = before;
    after.modelVersion = 2;
    after.labelled.clear();
    for (int i = 0; i < pool.size(); i += 2)
        after.labelled.append(pool.at(i));

    const auto first = Retrainer::run(before, &error);
    QVERIFY2(first, qPrintable(error));
    const auto second = Retrainer::run(after, &error);
    QVERIFY2(second, qPrintable(error));
    QCOMPARE(first->heldOut.total, static_cast<int>(test.size()));
    QVERIFY2(second->heldOut.accuracy > first->heldOut.accuracy + 0.05,
             qPrintable(QStringLiteral("%1 -> %2")
                                .arg(first->heldOut.accuracy)
                                .arg(second->heldOut.accuracy)));
    QCOMPARE(second->modelName, QStringLiteral("%1-committee@2").arg(dataset));
    QCOMPARE(static_cast<int>(second->heldOut.classAccuracy.size()), samples->classCount());
}

void tst_Retrainer::recordsAndHeatmaps()
{
    if (!QFile::exists(DatasetLoader::defaultPath(QStringLiteral("digits"))))
        QSKIP("opencv-doc is not installed");
    QString error;
    const auto samples = DatasetLoader::load(QStringLiteral("digits"), &error);
    QVERIFY2(samples, qPrintable(error));
    QTemporaryDir folder;
    const QDir root(folder.path());
    const auto all = writeSamples(*samples, root, 25, 0);
    Retrainer::Input input;
    input.dataRoot = root.path();
    input.dataset = QStringLiteral("digits");
    input.classes = samples->classes;
    input.heatmapLimit = 7;
    for (int i = 0; i < all.size(); ++i) {
        if (i % 4 == 0)
            input.labelled.append(all.at(i));
        else if (i % 4 == 1)
            input.test.append(all.at(i));
        else
            input.pool.append(all.at(i).sample);
    }
    const auto output = Retrainer::run(input, &error);
    QVERIFY2(output, qPrintable(error));
    QCOMPARE(output->outOfSampleFolds, 5); // 63 labelled samples: cross-validated
    QCOMPARE(output->predictions.size(), input.labelled.size() + input.pool.size());
    QCOMPARE(output->heatmapCount, 7);
    int withHeatmap = 0;
    for (int i = 0; i < output->predictions.size(); ++i) {
        const PredictionLogLine &record = output->predictions.at(i);
        const bool labelled = i < input.labelled.size();
        QCOMPARE(record.sample,
                 labelled ? input.labelled.at(i).sample : input.pool.at(i - input.labelled.size()));
        QCOMPARE(record.truth >= 0, labelled);
        QCOMPARE(record.model, QStringLiteral("digits-committee@1"));
        QCOMPARE(static_cast<int>(record.probs.size()), 10);
        // Labelled samples: cross-validated probabilities, no member answers.
        QCOMPARE(record.committee.size(), labelled && output->outOfSampleFolds > 0 ? 0 : 3);
        if (!record.committee.isEmpty())
            QCOMPARE(record.committee.at(0).model, QStringLiteral("digits-svm@1"));
        QCOMPARE(static_cast<int>(record.embedding.size()), 8);
        QCOMPARE(record.confidence, record.probs[static_cast<std::size_t>(record.label)]);
        if (!record.heatmap.isEmpty()) {
            QVERIFY(!labelled);
            ++withHeatmap;
            const auto map = HeatmapFile::readNpy(root.filePath(record.heatmap), &error);
            QVERIFY2(map, qPrintable(error));
            QCOMPARE(map->rows, 20);
            QCOMPARE(map->cols, 20);
        }
    }
    QCOMPARE(withHeatmap, 7);
    const QByteArray line = output->predictions.constLast().toJson(input.classes);
    QVERIFY(line.startsWith("{"));
    QVERIFY(!line.contains('\n'));
}

void tst_Retrainer::badInputIsNamed_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing file") << QStringLiteral("digits/absent.png") << QStringLiteral("3")
                                  << QStringLiteral("digits/absent.png");
    QTest::newRow("unknown label") << QStringLiteral("digits/one.png") << QStringLiteral("eleven")
                                   << QStringLiteral("eleven");
    QTest::newRow("not an image") << QStringLiteral("digits/text.png") << QStringLiteral("1")
                                  << QStringLiteral("not a readable image");
}

void tst_Retrainer::badInputIsNamed()
{
    QFETCH(QString, sample);
    QFETCH(QString, label);
    QFETCH(QString, expected);
    QTemporaryDir folder;
    const QDir root(folder.path());
    root.mkpath(QStringLiteral("digits"));
    QVERIFY(SampleFile::writeImage(root.filePath(QStringLiteral("digits/one.png")),
                                   cv::Mat::zeros(20, 20, CV_8U), nullptr));
    QFile text(root.filePath(QStringLiteral("digits/text.png")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("hello");
    text.close();
    Retrainer::Input input;
    input.dataRoot = root.path();
    input.dataset = QStringLiteral("digits");
    for (int digit = 0; digit < 10; ++digit)
        input.classes.append(QString::number(digit));
    input.labelled = {{QStringLiteral("digits/one.png"), QStringLiteral("1")}, {sample, label}};
    QString error;
    QVERIFY(!Retrainer::run(input, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_Retrainer)
#include "tst_retrainer.moc"
