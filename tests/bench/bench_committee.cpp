// Committee members on the real data sets: held-out accuracy and time to train and predict, for
// several labelled-set sizes, each member against the others and against the committee mean.
// Run from a release build: build/release/tests/bench/bench_committee [digits|letters]
#include "learning/classificationmetrics.h"
#include "learning/committee.h"
#include "learning/datasetloader.h"
#include "learning/featurespace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <numeric>
#include <random>

using namespace Boucle;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QString dataset = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("digits");
    const bool noDeskew = argc > 2 && QString::fromLocal8Bit(argv[2]) == QLatin1String("nodeskew");
    QString error;
    const auto samples = DatasetLoader::load(dataset, &error);
    if (!samples) {
        out << "data set missing: " << error << '\n';
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    FeatureSpace::Options options;
    options.deskew = !noDeskew;
    const auto space = FeatureSpace::fit(*samples, options);
    const cv::Mat features = space.transform(*samples);
    out << dataset << ": " << samples->size() << " samples, " << features.cols << " features in "
        << timer.elapsed() << " ms" << (noDeskew ? " (no deskew)" : "") << '\n';

    std::vector<int> order(static_cast<std::size_t>(samples->size()));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937 random(7);
    std::shuffle(order.begin(), order.end(), random);
    const int testSize = samples->size() / 5;
    std::vector<int> test(order.begin(), order.begin() + testSize);
    std::vector<int> pool(order.begin() + testSize, order.end());
    cv::Mat testFeatures(testSize, features.cols, CV_32F);
    std::vector<int> testLabels;
    for (int i = 0; i < testSize; ++i) {
        features.row(test[static_cast<std::size_t>(i)]).copyTo(testFeatures.row(i));
        testLabels.push_back(
                samples->labels[static_cast<std::size_t>(test[static_cast<std::size_t>(i)])]);
    }
    const auto parameters = Committee::parametersFor(dataset);
    out << "labelled  member     accuracy  train ms  predict ms (pool+test)\n";
    for (const int size : {50, 200, 1000, static_cast<int>(pool.size())}) {
        cv::Mat trainFeatures(size, features.cols, CV_32F);
        std::vector<int> trainLabels;
        for (int i = 0; i < size; ++i) {
            features.row(pool[static_cast<std::size_t>(i)]).copyTo(trainFeatures.row(i));
            trainLabels.push_back(
                    samples->labels[static_cast<std::size_t>(pool[static_cast<std::size_t>(i)])]);
        }
        cv::Mat mean = cv::Mat::zeros(testSize, samples->classCount(), CV_32F);
        for (const auto kind :
             {CommitteeMember::Kind::Svm, CommitteeMember::Kind::Knn, CommitteeMember::Kind::Forest,
              CommitteeMember::Kind::Mlp, CommitteeMember::Kind::Logistic}) {
            Committee single(samples->classCount(), {kind}, parameters);
            timer.restart();
            single.train(trainFeatures, trainLabels);
            const qint64 trainMs = timer.elapsed();
            timer.restart();
            const auto prediction = single.predict(features);
            const qint64 predictMs = timer.elapsed();
            const auto testPrediction = single.predict(testFeatures);
            if (kind == CommitteeMember::Kind::Svm || kind == CommitteeMember::Kind::Knn
                || kind == CommitteeMember::Kind::Forest)
                mean += testPrediction.probabilities;
            const auto metrics = ClassificationMetrics::compute(testPrediction.topClasses(),
                                                                testLabels, samples->classCount());
            out << QString::number(size).rightJustified(8) << "  "
                << CommitteeMember::kindName(kind).leftJustified(9) << "  "
                << QString::number(metrics.accuracy, 'f', 4) << "  "
                << QString::number(trainMs).rightJustified(8) << "  "
                << QString::number(predictMs).rightJustified(8) << '\n';
            out.flush();
        }
        CommitteePrediction combined;
        combined.probabilities = mean;
        const auto metrics = ClassificationMetrics::compute(combined.topClasses(), testLabels,
                                                            samples->classCount());
        out << QString::number(size).rightJustified(8) << "  svm+knn+forest  "
            << QString::number(metrics.accuracy, 'f', 4) << '\n';
    }
    return 0;
}
