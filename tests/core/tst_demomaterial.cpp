// DemoMaterial from the real digits and letters: the files, their counts and the prediction log
// in the format of docs/formats.md.
#include "learning/demomaterial.h"

#include "learning/datasetloader.h"
#include "learning/heatmapfile.h"

#include "ingest/predictionlogreader.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

class tst_DemoMaterial : public QObject
{
    Q_OBJECT

private slots:
    void buildsTheDemo_data();
    void buildsTheDemo();
    void missingDataNamesThePackage();
};

void tst_DemoMaterial::buildsTheDemo_data()
{
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("classes");
    QTest::addColumn<QString>("extension");
    QTest::addColumn<double>("minimumAccuracy");
    // The whole digit sheet (the demo's own counts); letters limited to keep the test short.
    QTest::newRow("digits") << QStringLiteral("digits") << 5000 << 10 << QStringLiteral("png")
                            << 0.85;
    QTest::newRow("letters") << QStringLiteral("letters") << 4000 << 26 << QStringLiteral("csv")
                             << 0.5;
}

void tst_DemoMaterial::buildsTheDemo()
{
    QFETCH(QString, dataset);
    QFETCH(int, samples);
    QFETCH(int, classes);
    QFETCH(QString, extension);
    QFETCH(double, minimumAccuracy);
    if (!QFile::exists(DatasetLoader::defaultPath(dataset)))
        QSKIP("opencv-doc is not installed");
    QTemporaryDir folder;
    DemoMaterial::Options options;
    options.dataset = dataset;
    options.heatmapLimit = 12;
    if (dataset == QLatin1String("letters"))
        options.sampleLimit = samples;
    QString error;
    const auto summary = DemoMaterial::write(folder.path(), options, &error);
    QVERIFY2(summary, qPrintable(error));
    const int seed = samples / 20;
    const int test = samples / 5;
    QCOMPARE(summary->samples, samples);
    QCOMPARE(summary->seedCount, seed);
    // Each class rounds its share of the test split.
    QVERIFY(std::abs(summary->testCount - test) <= classes / 2);
    QCOMPARE(summary->poolCount, samples - seed - summary->testCount);
    QVERIFY2(summary->heldOut.accuracy >= minimumAccuracy,
             qPrintable(QString::number(summary->heldOut.accuracy)));
    const QDir root(folder.path());
    QCOMPARE(QDir(root.filePath(dataset)).entryList(QDir::Files).size(), samples);

    // The log: classes first, then seed + pool, never a test sample.
    QFile log(summary->logPath);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + samples - summary->testCount);
    const QJsonObject header = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(header.value(QStringLiteral("classes")).toArray().size(), classes);
    QSet<QString> testSamples;
    QFile split(summary->testSplitPath);
    QVERIFY(split.open(QIODevice::ReadOnly));
    const QList<QByteArray> splitLines = split.readAll().trimmed().split('\n');
    QCOMPARE(splitLines.first(), QByteArray("sample,label"));
    QCOMPARE(splitLines.size(), 1 + summary->testCount);
    for (int i = 1; i < splitLines.size(); ++i)
        testSamples.insert(QString::fromUtf8(splitLines.at(i).split(',').first()));
    int truths = 0;
    int heatmaps = 0;
    for (int i = 1; i < lines.size(); ++i) {
        QJsonParseError parseError;
        const QJsonObject line = QJsonDocument::fromJson(lines.at(i), &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, lines.at(i).constData());
        const QString sample = line.value(QStringLiteral("sample")).toString();
        QVERIFY(sample.endsWith(QLatin1Char('.') + extension));
        QVERIFY(root.exists(sample));
        QVERIFY(!testSamples.contains(sample));
        QCOMPARE(line.value(QStringLiteral("model")).toString(),
                 QStringLiteral("%1-committee@1").arg(dataset));
        const QJsonArray probs = line.value(QStringLiteral("probs")).toArray();
        QCOMPARE(probs.size(), classes);
        double sum = 0;
        for (const auto &p : probs)
            sum += p.toDouble();
        QVERIFY(std::abs(sum - 1.0) < 2e-3);
        QVERIFY(header.value(QStringLiteral("classes"))
                        .toArray()
                        .contains(line.value(QStringLiteral("label"))));
        // A labelled sample's probabilities are cross-validated, without the members' own
        // answers (they learned it); the pool's carry the three members.
        QCOMPARE(line.value(QStringLiteral("committee")).toArray().size(),
                 line.contains(QStringLiteral("truth")) ? 0 : 3);
        QVERIFY(!line.value(QStringLiteral("embedding")).toArray().isEmpty());
        truths += line.contains(QStringLiteral("truth"));
        if (line.contains(QStringLiteral("heatmap"))) {
            ++heatmaps;
            QVERIFY(HeatmapFile::readNpy(
                    root.filePath(line.value(QStringLiteral("heatmap")).toString()), &error));
        }
    }
    QCOMPARE(truths, seed);
    QCOMPARE(heatmaps, dataset == QLatin1String("digits") ? 12 : 0);
    // The same checks as any user's log: every line is accepted by the importer's reader.
    PredictionLogReader::Options readerOptions;
    readerOptions.dataRoot = root.absolutePath();
    PredictionLogReader reader(readerOptions);
    QVERIFY2(reader.open(summary->logPath), qPrintable(reader.problem().toString()));
    QCOMPARE(reader.classes().size(), classes);
    int accepted = 0;
    LogEntry entry;
    for (;;) {
        const auto result = reader.next(entry);
        if (result == PredictionLogReader::Result::End)
            break;
        QVERIFY2(result == PredictionLogReader::Result::Entry,
                 qPrintable(reader.problem().toString()));
        ++accepted;
    }
    QCOMPARE(accepted, static_cast<int>(lines.size()) - 1);

    QFile seedLabels(summary->seedLabelsPath);
    QVERIFY(seedLabels.open(QIODevice::ReadOnly));
    QCOMPARE(seedLabels.readAll().trimmed().split('\n').size(), 1 + seed);
    QVERIFY(QFile::exists(summary->summaryPath));
}

void tst_DemoMaterial::missingDataNamesThePackage()
{
    QTemporaryDir folder;
    DemoMaterial::Options options;
    options.sourcePath = folder.filePath(QStringLiteral("nowhere/digits.png"));
    QString error;
    QVERIFY(!DemoMaterial::write(folder.path(), options, &error));
    QVERIFY2(error.contains(QLatin1String("opencv-doc")), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_DemoMaterial)
#include "tst_demomaterial.moc"
