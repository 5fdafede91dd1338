// LoopSimulation and AcquisitionStrategy: reproducible runs, sensible picks, readable files.
#include "learning/acquisitionstrategy.h"
#include "learning/datasetloader.h"
#include "learning/loopsimulation.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace Boucle;

namespace {

CommitteePrediction handMade()
{
    // Row 0: sure; row 1: torn between two classes; row 2: flat; row 3: members disagree.
    CommitteePrediction prediction;
    prediction.probabilities = (cv::Mat_<float>(4, 3) << 0.98f, 0.01f, 0.01f, 0.52f, 0.46f, 0.02f,
                                0.34f, 0.33f, 0.33f, 0.6f, 0.2f, 0.2f);
    const cv::Mat a = (cv::Mat_<float>(4, 3) << 0.98f, 0.01f, 0.01f, 0.52f, 0.46f, 0.02f, 0.34f,
                       0.33f, 0.33f, 0.98f, 0.01f, 0.01f);
    const cv::Mat b = (cv::Mat_<float>(4, 3) << 0.98f, 0.01f, 0.01f, 0.52f, 0.46f, 0.02f, 0.34f,
                       0.33f, 0.33f, 0.22f, 0.39f, 0.39f);
    prediction.memberProbabilities = {a, b};
    prediction.memberNames = {QStringLiteral("a"), QStringLiteral("b")};
    return prediction;
}

LoopSimulation::Options smallOptions()
{
    LoopSimulation::Options options;
    options.strategies = {AcquisitionStrategy::Kind::Random, AcquisitionStrategy::Kind::Margin,
                          AcquisitionStrategy::Kind::Committee, AcquisitionStrategy::Kind::Diverse};
    options.budget = 80;
    options.step = 20;
    options.seeds = 1;
    options.testFraction = 0.1;
    options.poolLimit = 300;
    return options;
}

} // namespace

class tst_LoopSimulation : public QObject
{
    Q_OBJECT

private slots:
    void strategiesPickTheExpectedRow_data();
    void strategiesPickTheExpectedRow();
    void diversePicksSpreadOut();
    void namesRoundTrip();
    void deterministicForASeed();
    void labelsToTargetAndSaving();
    void writesCsvAndChart();
};

void tst_LoopSimulation::strategiesPickTheExpectedRow_data()
{
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<int>("expected");
    QTest::newRow("least-confidence") << QStringLiteral("least-confidence") << 2;
    QTest::newRow("margin") << QStringLiteral("margin") << 2;
    QTest::newRow("entropy") << QStringLiteral("entropy") << 2;
    QTest::newRow("committee") << QStringLiteral("committee") << 3;
}

void tst_LoopSimulation::strategiesPickTheExpectedRow()
{
    QFETCH(QString, strategy);
    QFETCH(int, expected);
    const auto kind = AcquisitionStrategy::fromName(strategy);
    QVERIFY(kind);
    std::mt19937 random(1);
    const cv::Mat features = cv::Mat::zeros(4, 2, CV_32F);
    const auto picked
            = AcquisitionStrategy::select(*kind, 1, handMade(), features, cv::Mat(), random);
    QCOMPARE(picked, std::vector<int> {expected});
    // The sure row comes last for the uncertainty strategies.
    const auto order
            = AcquisitionStrategy::select(*kind, 4, handMade(), features, cv::Mat(), random);
    QCOMPARE(order.size(), std::size_t(4));
    if (*kind != AcquisitionStrategy::Kind::Committee)
        QCOMPARE(order.back(), 0);
}

void tst_LoopSimulation::diversePicksSpreadOut()
{
    // Two tight clusters of equally uncertain samples: two picks come one from each.
    CommitteePrediction prediction;
    prediction.probabilities = cv::Mat(6, 2, CV_32F, cv::Scalar(0.5f));
    const cv::Mat features
            = (cv::Mat_<float>(6, 2) << 0, 0, 0.01f, 0, 0, 0.01f, 5, 5, 5.01f, 5, 5, 5.01f);
    std::mt19937 random(1);
    const auto picked = AcquisitionStrategy::select(AcquisitionStrategy::Kind::Diverse, 2,
                                                    prediction, features, cv::Mat(), random);
    QCOMPARE(picked.size(), std::size_t(2));
    QVERIFY((picked[0] < 3) != (picked[1] < 3));
}

void tst_LoopSimulation::namesRoundTrip()
{
    for (const auto kind : AcquisitionStrategy::all())
        QCOMPARE(AcquisitionStrategy::fromName(AcquisitionStrategy::name(kind)), kind);
    QVERIFY(!AcquisitionStrategy::fromName(QStringLiteral("oracle")));
}

void tst_LoopSimulation::deterministicForASeed()
{
    if (!QFile::exists(DatasetLoader::defaultPath(QStringLiteral("digits"))))
        QSKIP("opencv-doc is not installed");
    QString error;
    const auto samples = DatasetLoader::load(QStringLiteral("digits"), &error);
    QVERIFY2(samples, qPrintable(error));
    const auto options = smallOptions();
    const LoopResult first = LoopSimulation::run(*samples, options);
    const LoopResult second = LoopSimulation::run(*samples, options);
    QCOMPARE(first.labelCounts, (std::vector<int> {20, 40, 60, 80}));
    QCOMPARE(first.poolSize, 300);
    QCOMPARE(first.testSize, 500);
    QCOMPARE(first.accuracy, second.accuracy);
    QCOMPARE(first.fullPoolAccuracy, second.fullPoolAccuracy);
    // Every strategy starts from the same labels, so from the same accuracy.
    for (const auto &curve : first.accuracy)
        QCOMPARE(curve.front(), first.accuracy.front().front());
    // Learning happens: every curve ends well above chance and above where it started.
    for (const auto &curve : first.accuracy) {
        QVERIFY(curve.back() > 0.5);
        QVERIFY(curve.back() > curve.front());
    }
    // Another seed draws another split.
    auto other = options;
    other.firstSeed = 2;
    const LoopResult third = LoopSimulation::run(*samples, other);
    QVERIFY(third.accuracy != first.accuracy);
}

void tst_LoopSimulation::labelsToTargetAndSaving()
{
    LoopResult result;
    result.strategies = {AcquisitionStrategy::Kind::Random, AcquisitionStrategy::Kind::Margin,
                         AcquisitionStrategy::Kind::Entropy};
    result.labelCounts = {100, 200, 300, 400};
    result.fullPoolAccuracy = 0.9;
    result.accuracy = {{0.5, 0.7, 0.85, 0.895}, {0.6, 0.892, 0.9, 0.91}, {0.5, 0.6, 0.7, 0.8}};
    QCOMPARE(result.target(), 0.891);
    QCOMPARE(result.labelsToTarget(0), 400);
    QCOMPARE(result.labelsToTarget(1), 200);
    QCOMPARE(result.labelsToTarget(2), -1);
    QCOMPARE(result.savingVsRandom(1), 0.5);
    QVERIFY(std::isnan(result.savingVsRandom(2)));
}

void tst_LoopSimulation::writesCsvAndChart()
{
    LoopResult result;
    result.dataset = QStringLiteral("digits");
    result.seeds = 2;
    result.strategies = {AcquisitionStrategy::Kind::Random, AcquisitionStrategy::Kind::Margin};
    result.labelCounts = {50, 100};
    result.fullPoolAccuracy = 0.95;
    result.accuracy = {{0.8, 0.9}, {0.85, 0.95}};
    QTemporaryDir folder;
    QString error;
    const QString curve = folder.filePath(QStringLiteral("out/loop.csv"));
    const QString summary = folder.filePath(QStringLiteral("out/loop-summary.csv"));
    const QString chart = folder.filePath(QStringLiteral("out/loop.png"));
    QVERIFY2(result.writeCsv(curve, summary, &error), qPrintable(error));
    QVERIFY2(result.writeChart(chart, &error), qPrintable(error));
    QFile curveFile(curve);
    QVERIFY(curveFile.open(QIODevice::ReadOnly));
    QCOMPARE(curveFile.readAll(), QByteArray("labels,random,margin\n50,0.80000,0.85000\n"
                                             "100,0.90000,0.95000\n"));
    QFile summaryFile(summary);
    QVERIFY(summaryFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = summaryFile.readAll().split('\n');
    QVERIFY(lines.at(0).startsWith("strategy,labels_to_target,saving_vs_random"));
    QVERIFY(lines.at(1).startsWith("random,,,"));    // 0.9 < 0.9405: not reached
    QVERIFY(lines.at(2).startsWith("margin,100,,")); // no saving without random's count
    const cv::Mat image = cv::imread(QFile::encodeName(chart).toStdString());
    QVERIFY(!image.empty());
    QVERIFY(image.cols >= 600);
    // The chart is not blank: lines in several colours.
    cv::Mat channels[3];
    cv::split(image, channels);
    QVERIFY(cv::countNonZero(channels[0] != channels[2]) > 100);
}

QTEST_GUILESS_MAIN(tst_LoopSimulation)
#include "tst_loopsimulation.moc"
