// Cross-validated probabilities: folds stratified by label and balanced, the same answer for the
// same seed whether the folds run in parallel or not, and probabilities that really come from
// models that did not learn the row.
#include "learning/crossvalidatedprobabilities.h"

#include <QTest>

#include <random>

using namespace Boucle;
using namespace Qt::StringLiterals;

namespace {

// Rows around one centre per class (well apart), or pure noise when `spread` is large.
void blobs(int rows, int classes, int dimensions, float spread, unsigned seed, cv::Mat &features,
           std::vector<int> &labels)
{
    std::mt19937 random(seed);
    std::normal_distribution<float> gauss(0.0f, 1.0f);
    features.create(rows, dimensions, CV_32F);
    labels.assign(size_t(rows), 0);
    for (int r = 0; r < rows; ++r) {
        const int label = r % classes;
        labels[size_t(r)] = label;
        for (int d = 0; d < dimensions; ++d) {
            const float centre = d % classes == label ? 1.0f : 0.0f;
            features.at<float>(r, d) = centre + spread * gauss(random);
        }
    }
}

double meanGivenProbability(const cv::Mat &probabilities, const std::vector<int> &labels)
{
    double sum = 0;
    for (int r = 0; r < probabilities.rows; ++r)
        sum += probabilities.at<float>(r, labels[size_t(r)]);
    return sum / probabilities.rows;
}

} // namespace

class tst_CrossValidatedProbabilities : public QObject
{
    Q_OBJECT

private slots:
    void foldsAreStratifiedAndBalanced();
    void foldsDependOnTheSeedOnly();
    void parallelGivesTheSameProbabilities();
    void probabilitiesAreOutOfSample();
    void unlabelledRowsArePredictedNotLearned();
    void badInputIsRefused_data();
    void badInputIsRefused();
};

void tst_CrossValidatedProbabilities::foldsAreStratifiedAndBalanced()
{
    // 23, 17 and 10 rows of three classes and 6 unlabelled rows, dealt into 5 folds.
    std::vector<int> labels;
    for (const auto &[label, count] : {std::pair {0, 23}, {1, 17}, {2, 10}, {-1, 6}})
        labels.insert(labels.end(), size_t(count), label);
    std::shuffle(labels.begin(), labels.end(), std::mt19937(5));
    const auto folds = CrossValidatedProbabilities::stratifiedFolds(labels, 3, 5, 42);
    QCOMPARE(folds.size(), labels.size());
    int perFold[5] = {};
    int perClass[4][5] = {};
    for (size_t r = 0; r < labels.size(); ++r) {
        QVERIFY(folds[r] >= 0 && folds[r] < 5);
        ++perFold[folds[r]];
        ++perClass[labels[r] < 0 ? 3 : labels[r]][folds[r]];
    }
    // 56 rows: folds of 11 or 12. Each group is spread as evenly as it can be.
    for (int k = 0; k < 5; ++k)
        QVERIFY2(perFold[k] == 11 || perFold[k] == 12, qPrintable(u"fold %1"_s.arg(k)));
    for (int group = 0; group < 4; ++group) {
        const auto [low, high] = std::minmax_element(perClass[group], perClass[group] + 5);
        QVERIFY2(*high - *low <= 1, qPrintable(u"group %1"_s.arg(group)));
    }
}

void tst_CrossValidatedProbabilities::foldsDependOnTheSeedOnly()
{
    std::vector<int> labels(200);
    for (size_t r = 0; r < labels.size(); ++r)
        labels[r] = int(r % 4);
    const auto first = CrossValidatedProbabilities::stratifiedFolds(labels, 4, 5, 7);
    QCOMPARE(CrossValidatedProbabilities::stratifiedFolds(labels, 4, 5, 7), first);
    QVERIFY(CrossValidatedProbabilities::stratifiedFolds(labels, 4, 5, 8) != first);
}

void tst_CrossValidatedProbabilities::parallelGivesTheSameProbabilities()
{
    cv::Mat features;
    std::vector<int> labels;
    blobs(300, 3, 6, 0.4f, 1, features, labels);
    CrossValidatedProbabilities::Options options;
    options.parallel = false;
    QString error;
    const auto serial = CrossValidatedProbabilities::compute(features, labels, 3, options, &error);
    QVERIFY2(serial, qPrintable(error));
    options.parallel = true;
    const auto parallel
            = CrossValidatedProbabilities::compute(features, labels, 3, options, &error);
    QVERIFY2(parallel, qPrintable(error));
    QCOMPARE(parallel->folds, serial->folds);
    QCOMPARE(cv::norm(parallel->probabilities, serial->probabilities, cv::NORM_INF), 0.0);
    QVERIFY(serial->probabilities.isContinuous());
    QCOMPARE(serial->probabilities.rows, 300);
    QCOMPARE(serial->probabilities.cols, 3);
    // Well-separated classes: the out-of-sample probabilities still favour the given label.
    QVERIFY(meanGivenProbability(serial->probabilities, labels) > 0.8);
}

// With labels that are pure noise, a committee that learned the rows repeats their labels, but
// one that did not can only guess: the out-of-sample probability of the given label stays near
// chance (1/4).
void tst_CrossValidatedProbabilities::probabilitiesAreOutOfSample()
{
    cv::Mat features;
    std::vector<int> labels;
    blobs(400, 4, 8, 1.0f, 3, features, labels);
    std::shuffle(labels.begin(), labels.end(), std::mt19937(9));
    Committee inSample(4);
    inSample.train(features, labels);
    const double learned = meanGivenProbability(inSample.predict(features).probabilities, labels);
    QString error;
    const auto crossValidated = CrossValidatedProbabilities::compute(
            features, labels, 4, CrossValidatedProbabilities::Options(), &error);
    QVERIFY2(crossValidated, qPrintable(error));
    const double outOfSample = meanGivenProbability(crossValidated->probabilities, labels);
    qInfo("mean probability of a random label: %.3f in-sample, %.3f cross-validated", learned,
          outOfSample);
    QVERIFY(learned > 0.5);
    QVERIFY(outOfSample < 0.32);
}

void tst_CrossValidatedProbabilities::unlabelledRowsArePredictedNotLearned()
{
    cv::Mat features;
    std::vector<int> labels;
    blobs(200, 2, 4, 0.3f, 4, features, labels);
    // The last 20 rows are unlabelled: they get probabilities (rows that sum to 1) all the same.
    std::vector<int> partial = labels;
    std::fill(partial.end() - 20, partial.end(), -1);
    QString error;
    const auto result = CrossValidatedProbabilities::compute(
            features, partial, 2, CrossValidatedProbabilities::Options(), &error);
    QVERIFY2(result, qPrintable(error));
    int right = 0;
    for (int r = 180; r < 200; ++r) {
        const float *p = result->probabilities.ptr<float>(r);
        QVERIFY(std::abs(p[0] + p[1] - 1.0f) < 1e-4f);
        right += (p[1] > p[0] ? 1 : 0) == labels[size_t(r)];
    }
    QVERIFY(right >= 18);
}

void tst_CrossValidatedProbabilities::badInputIsRefused_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<std::vector<int>>("labels");
    QTest::addColumn<int>("folds");
    QTest::addColumn<QString>("error");
    QTest::newRow("sizes") << 4 << std::vector<int> {0, 1, 0} << 2 << u"4 feature rows but 3"_s;
    QTest::newRow("one fold") << 4 << std::vector<int> {0, 1, 0, 1} << 1 << u"at least 2 folds"_s;
    QTest::newRow("label") << 4 << std::vector<int> {0, 1, 5, 1} << 2
                           << u"row 2: label 5 is not a class index"_s;
    QTest::newRow("too few") << 4 << std::vector<int> {0, 1, -1, -1} << 3
                             << u"2 labelled rows cannot be split into 3 folds"_s;
}

void tst_CrossValidatedProbabilities::badInputIsRefused()
{
    QFETCH(int, rows);
    QFETCH(std::vector<int>, labels);
    QFETCH(int, folds);
    QFETCH(QString, error);
    const cv::Mat features = cv::Mat::zeros(rows, 3, CV_32F);
    CrossValidatedProbabilities::Options options;
    options.folds = folds;
    QString message;
    QVERIFY(!CrossValidatedProbabilities::compute(features, labels, 2, options, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
}

QTEST_GUILESS_MAIN(tst_CrossValidatedProbabilities)
#include "tst_crossvalidatedprobabilities.moc"
