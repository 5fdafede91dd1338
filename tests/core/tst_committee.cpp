// Committee on small real splits: probabilities are distributions and clearly beat chance.
#include "learning/classificationmetrics.h"
#include "learning/committee.h"
#include "learning/datasetloader.h"
#include "learning/datasplit.h"
#include "learning/featurespace.h"

#include <QTest>

#include <numeric>

using namespace Boucle;

namespace {

struct SmallSplit
{
    cv::Mat trainFeatures;
    std::vector<int> trainLabels;
    cv::Mat testFeatures;
    std::vector<int> testLabels;
    int classCount = 0;
};

std::optional<SmallSplit> smallSplit(const QString &dataset, int trainCount, int testCount)
{
    QString error;
    const auto samples = DatasetLoader::load(dataset, &error);
    if (!samples)
        return std::nullopt;
    std::mt19937 random(3);
    const auto order = DataSplit::interleaveClasses(
            [&] {
                std::vector<int> all(static_cast<std::size_t>(samples->size()));
                std::iota(all.begin(), all.end(), 0);
                return all;
            }(),
            samples->labels, samples->classCount(), random);
    const std::vector<int> train(order.begin(), order.begin() + trainCount);
    const std::vector<int> test(order.begin() + trainCount, order.begin() + trainCount + testCount);
    const auto trainSamples = samples->subset(train);
    const auto testSamples = samples->subset(test);
    const FeatureSpace space = FeatureSpace::fit(*samples);
    return SmallSplit {space.transform(trainSamples), trainSamples.labels,
                       space.transform(testSamples), testSamples.labels, samples->classCount()};
}

} // namespace

class tst_Committee : public QObject
{
    Q_OBJECT

private slots:
    void probabilitiesAndAccuracy_data();
    void probabilitiesAndAccuracy();
    void oneClassOnlyStillAnswers();
    void metricsPerClass();
};

void tst_Committee::probabilitiesAndAccuracy_data()
{
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("member"); // empty = the default committee
    QTest::addColumn<int>("trainCount");
    QTest::addColumn<double>("minimumAccuracy");
    // Chance is 10 % on digits and 4 % on letters.
    QTest::newRow("digits committee") << QStringLiteral("digits") << QString() << 300 << 0.85;
    QTest::newRow("digits svm") << QStringLiteral("digits") << QStringLiteral("svm") << 300 << 0.85;
    QTest::newRow("digits knn") << QStringLiteral("digits") << QStringLiteral("knn") << 300 << 0.8;
    QTest::newRow("digits forest")
            << QStringLiteral("digits") << QStringLiteral("forest") << 300 << 0.75;
    QTest::newRow("digits mlp") << QStringLiteral("digits") << QStringLiteral("mlp") << 300 << 0.5;
    QTest::newRow("letters committee") << QStringLiteral("letters") << QString() << 800 << 0.6;
}

void tst_Committee::probabilitiesAndAccuracy()
{
    QFETCH(QString, dataset);
    QFETCH(QString, member);
    QFETCH(int, trainCount);
    QFETCH(double, minimumAccuracy);
    if (!QFile::exists(DatasetLoader::defaultPath(dataset)))
        QSKIP("opencv-doc is not installed");
    const auto split = smallSplit(dataset, trainCount, 400);
    QVERIFY(split);
    std::vector<Committee::Kind> kinds = Committee::defaultKinds();
    if (!member.isEmpty())
        kinds = {*CommitteeMember::kindFromName(member)};
    Committee committee(split->classCount, kinds, Committee::parametersFor(dataset));
    committee.train(split->trainFeatures, split->trainLabels);
    const auto prediction = committee.predict(split->testFeatures);
    QCOMPARE(prediction.probabilities.rows, 400);
    QCOMPARE(prediction.probabilities.cols, split->classCount);
    QCOMPARE(static_cast<int>(prediction.memberProbabilities.size()),
             static_cast<int>(kinds.size()));
    std::vector<cv::Mat> all = prediction.memberProbabilities;
    all.push_back(prediction.probabilities);
    for (const cv::Mat &probabilities : all) {
        double low = 0;
        double high = 0;
        cv::minMaxLoc(probabilities, &low, &high);
        QVERIFY(low >= 0.0);
        QVERIFY(high <= 1.0);
        for (int i = 0; i < probabilities.rows; ++i)
            QVERIFY(std::abs(cv::sum(probabilities.row(i))[0] - 1.0) < 1e-4);
    }
    const auto metrics = ClassificationMetrics::compute(prediction.topClasses(), split->testLabels,
                                                        split->classCount);
    QVERIFY2(metrics.accuracy >= minimumAccuracy,
             qPrintable(QStringLiteral("accuracy %1").arg(metrics.accuracy)));
    // Confident answers are right more often than unsure ones.
    int confidentRight = 0;
    int confident = 0;
    int unsureRight = 0;
    int unsure = 0;
    for (int i = 0; i < prediction.size(); ++i) {
        const bool right = prediction.topClass(i) == split->testLabels[static_cast<std::size_t>(i)];
        if (prediction.confidence(i) >= 0.5) {
            ++confident;
            confidentRight += right;
        } else {
            ++unsure;
            unsureRight += right;
        }
    }
    if (unsure > 5 && confident > 5)
        QVERIFY(double(confidentRight) / confident > double(unsureRight) / unsure);
}

void tst_Committee::oneClassOnlyStillAnswers()
{
    const cv::Mat features = (cv::Mat_<float>(3, 2) << 0, 0, 1, 1, 2, 2);
    Committee committee(4);
    committee.train(features, {2, 2, 2});
    const auto prediction = committee.predict(features);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(prediction.topClass(i), 2);
        QVERIFY(std::abs(cv::sum(prediction.probabilities.row(i))[0] - 1.0) < 1e-4);
    }
}

void tst_Committee::metricsPerClass()
{
    const auto metrics = ClassificationMetrics::compute({0, 1, 1, 2, 0}, {0, 1, 0, 2, 0}, 4);
    QCOMPARE(metrics.total, 5);
    QCOMPARE(metrics.correct, 4);
    QCOMPARE(metrics.accuracy, 0.8);
    QCOMPARE(metrics.classAccuracy[0], 2.0 / 3.0);
    QCOMPARE(metrics.classAccuracy[1], 1.0);
    QCOMPARE(metrics.classCount[3], 0);
    QVERIFY(std::isnan(metrics.classAccuracy[3]));
}

QTEST_GUILESS_MAIN(tst_Committee)
#include "tst_committee.moc"
