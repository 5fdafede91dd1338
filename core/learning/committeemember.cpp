#include "committeemember.h"

#include <opencv2/ml.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace Boucle {

namespace {

constexpr float SvmTemperature = 4.0f;
constexpr float MlpTemperature = 3.0f;
constexpr float VoteSmoothing = 0.1f;
constexpr uint64_t TrainingSeed = 0x5eed;

// Rows of scores -> rows of probabilities, with the usual max shift for stability.
void softmaxRows(cv::Mat &scores, float temperature)
{
    for (int i = 0; i < scores.rows; ++i) {
        auto *row = scores.ptr<float>(i);
        float top = row[0];
        for (int c = 1; c < scores.cols; ++c)
            top = std::max(top, row[c]);
        float sum = 0;
        for (int c = 0; c < scores.cols; ++c) {
            row[c] = std::exp(temperature * (row[c] - top));
            sum += row[c];
        }
        for (int c = 0; c < scores.cols; ++c)
            row[c] /= sum;
    }
}

void normaliseRows(cv::Mat &values)
{
    for (int i = 0; i < values.rows; ++i) {
        auto *row = values.ptr<float>(i);
        float sum = 0;
        for (int c = 0; c < values.cols; ++c)
            sum += row[c];
        for (int c = 0; c < values.cols; ++c)
            row[c] = sum > 0 ? row[c] / sum : 1.0f / float(values.cols);
    }
}

std::vector<int> presentClasses(const std::vector<int> &labels)
{
    std::vector<int> classes = labels;
    std::sort(classes.begin(), classes.end());
    classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
    return classes;
}

// A data set with one class only: every model answers that class.
cv::Mat constantPrediction(int rows, int classCount, int onlyClass)
{
    cv::Mat probabilities(rows, classCount, CV_32F, cv::Scalar(0.01f / float(classCount)));
    probabilities.col(onlyClass).setTo(1.0f);
    normaliseRows(probabilities);
    return probabilities;
}

// Squared Euclidean distances between the rows of a and the rows of b (a.rows x b.rows), with
// OpenCV's vectorised batch distance (the system BLAS here is the slow reference one).
cv::Mat squaredDistances(const cv::Mat &a, const cv::Mat &b)
{
    cv::Mat distances;
    cv::batchDistance(a, b, distances, CV_32F, cv::noArray(), cv::NORM_L2SQR);
    return distances;
}

class SvmMember final : public CommitteeMember
{
public:
    explicit SvmMember(const Parameters &parameters)
        : m_parameters(parameters)
    { }
    Kind kind() const override { return Kind::Svm; }

    void train(const cv::Mat &features, const std::vector<int> &labels, int classCount) override
    {
        m_classCount = classCount;
        m_classes = presentClasses(labels);
        m_pairs.clear();
        m_svm.reset();
        if (m_classes.size() < 2)
            return;
        cv::Mat responses(static_cast<int>(labels.size()), 1, CV_32S);
        for (int i = 0; i < responses.rows; ++i)
            responses.at<int>(i) = labels[static_cast<std::size_t>(i)];
        m_svm = cv::ml::SVM::create();
        m_svm->setType(cv::ml::SVM::C_SVC);
        m_svm->setKernel(cv::ml::SVM::RBF);
        m_svm->setC(m_parameters.svmC);
        m_svm->setGamma(m_parameters.svmGamma);
        m_svm->setTermCriteria(
                cv::TermCriteria(cv::TermCriteria::MAX_ITER | cv::TermCriteria::EPS, 1000, 1e-3));
        m_svm->train(features, cv::ml::ROW_SAMPLE, responses);
        m_supportVectors = m_svm->getSupportVectors();
        // One decision function per pair (i < j) of present classes, in OpenCV's order; a positive
        // value is a vote for the first class of the pair.
        const int present = static_cast<int>(m_classes.size());
        int index = 0;
        for (int i = 0; i < present; ++i) {
            for (int j = i + 1; j < present; ++j) {
                Pair pair;
                pair.first = i;
                pair.second = j;
                pair.rho = static_cast<float>(
                        m_svm->getDecisionFunction(index++, pair.alpha, pair.supportIndices));
                pair.alpha.convertTo(pair.alpha, CV_32F);
                m_pairs.push_back(std::move(pair));
            }
        }
    }

    cv::Mat predictProbabilities(const cv::Mat &features) const override
    {
        if (m_classes.size() < 2)
            return constantPrediction(features.rows, m_classCount,
                                      m_classes.empty() ? 0 : m_classes.front());
        cv::Mat kernel = squaredDistances(features, m_supportVectors);
        kernel *= -m_parameters.svmGamma;
        cv::exp(kernel, kernel);
        const int present = static_cast<int>(m_classes.size());
        cv::Mat scores(features.rows, present, CV_32F, cv::Scalar(0));
        for (const Pair &pair : m_pairs) {
            const auto *alpha = pair.alpha.ptr<float>(0);
            const auto *indices = pair.supportIndices.ptr<int>(0);
            const int count = static_cast<int>(pair.alpha.total());
            for (int r = 0; r < features.rows; ++r) {
                const auto *k = kernel.ptr<float>(r);
                float value = -pair.rho;
                for (int s = 0; s < count; ++s)
                    value += alpha[s] * k[indices[s]];
                scores.at<float>(r, pair.first) += value;
                scores.at<float>(r, pair.second) -= value;
            }
        }
        scores /= static_cast<double>(present - 1);
        softmaxRows(scores, SvmTemperature);
        return spread(scores);
    }

private:
    struct Pair
    {
        int first = 0;
        int second = 0;
        float rho = 0;
        cv::Mat alpha;
        cv::Mat supportIndices;
    };

    // Present-class columns -> all-class columns; absent classes get a small share.
    cv::Mat spread(const cv::Mat &present) const
    {
        cv::Mat probabilities(present.rows, m_classCount, CV_32F, cv::Scalar(1e-4f));
        for (std::size_t k = 0; k < m_classes.size(); ++k)
            present.col(static_cast<int>(k)).copyTo(probabilities.col(m_classes[k]));
        normaliseRows(probabilities);
        return probabilities;
    }

    Parameters m_parameters;
    int m_classCount = 0;
    std::vector<int> m_classes;
    cv::Ptr<cv::ml::SVM> m_svm;
    cv::Mat m_supportVectors;
    std::vector<Pair> m_pairs;
};

class KnnMember final : public CommitteeMember
{
public:
    explicit KnnMember(const Parameters &parameters)
        : m_parameters(parameters)
    { }
    Kind kind() const override { return Kind::Knn; }

    void train(const cv::Mat &features, const std::vector<int> &labels, int classCount) override
    {
        m_classCount = classCount;
        features.convertTo(m_features, CV_32F);
        m_labels = labels;
        m_k = std::min(m_parameters.neighbours, m_features.rows);
    }

    cv::Mat predictProbabilities(const cv::Mat &features) const override
    {
        cv::Mat probabilities(features.rows, m_classCount, CV_32F, cv::Scalar(VoteSmoothing));
        if (m_k == 0) {
            normaliseRows(probabilities);
            return probabilities;
        }
        cv::Mat distances;
        cv::Mat nearest;
        cv::batchDistance(features, m_features, distances, CV_32F, nearest, cv::NORM_L2SQR, m_k);
        for (int i = 0; i < features.rows; ++i) {
            for (int j = 0; j < m_k; ++j) {
                const int index = nearest.at<int>(i, j);
                if (index >= 0)
                    probabilities.at<float>(i, m_labels[static_cast<std::size_t>(index)]) += 1.0f;
            }
        }
        normaliseRows(probabilities);
        return probabilities;
    }

private:
    Parameters m_parameters;
    int m_classCount = 0;
    int m_k = 0;
    cv::Mat m_features;
    std::vector<int> m_labels;
};

class ForestMember final : public CommitteeMember
{
public:
    explicit ForestMember(const Parameters &parameters)
        : m_parameters(parameters)
    { }
    Kind kind() const override { return Kind::Forest; }

    void train(const cv::Mat &features, const std::vector<int> &labels, int classCount) override
    {
        m_classCount = classCount;
        const auto classes = presentClasses(labels);
        m_onlyClass = classes.size() == 1 ? classes.front() : -1;
        m_forest.reset();
        if (classes.size() < 2)
            return;
        cv::Mat responses(static_cast<int>(labels.size()), 1, CV_32S);
        for (int i = 0; i < responses.rows; ++i)
            responses.at<int>(i) = labels[static_cast<std::size_t>(i)];
        m_forest = cv::ml::RTrees::create();
        m_forest->setMaxDepth(m_parameters.treeDepth);
        m_forest->setMinSampleCount(2);
        m_forest->setMaxCategories(classCount);
        m_forest->setCVFolds(0);
        m_forest->setUseSurrogates(false);
        m_forest->setCalculateVarImportance(false);
        m_forest->setTermCriteria(
                cv::TermCriteria(cv::TermCriteria::MAX_ITER, m_parameters.trees, 0));
        // Mark the response as categorical so that the forest classifies.
        cv::Mat varType(1, features.cols + 1, CV_8U, cv::Scalar(cv::ml::VAR_ORDERED));
        varType.at<uchar>(0, features.cols) = cv::ml::VAR_CATEGORICAL;
        // Bootstrap samples and split candidates come from OpenCV's thread RNG: fix it.
        cv::RNG &rng = cv::theRNG();
        const uint64_t saved = rng.state;
        rng.state = TrainingSeed;
        m_forest->train(cv::ml::TrainData::create(features, cv::ml::ROW_SAMPLE, responses,
                                                  cv::noArray(), cv::noArray(), cv::noArray(),
                                                  varType));
        rng.state = saved;
    }

    cv::Mat predictProbabilities(const cv::Mat &features) const override
    {
        if (!m_forest)
            return constantPrediction(features.rows, m_classCount, std::max(m_onlyClass, 0));
        cv::Mat votes;
        m_forest->getVotes(features, votes, 0);
        // The first row names the class of each column; then one row of vote counts per sample.
        // Laplace smoothing: (votes + 1) / (trees + C).
        cv::Mat probabilities(features.rows, m_classCount, CV_32F, cv::Scalar(1.0f));
        for (int i = 0; i < features.rows; ++i) {
            for (int column = 0; column < votes.cols; ++column) {
                const int c = votes.at<int>(0, column);
                if (c >= 0 && c < m_classCount)
                    probabilities.at<float>(i, c) += float(votes.at<int>(i + 1, column));
            }
        }
        normaliseRows(probabilities);
        return probabilities;
    }

private:
    Parameters m_parameters;
    int m_classCount = 0;
    int m_onlyClass = -1;
    cv::Ptr<cv::ml::RTrees> m_forest;
};

class MlpMember final : public CommitteeMember
{
public:
    explicit MlpMember(const Parameters &parameters)
        : m_parameters(parameters)
    { }
    Kind kind() const override { return Kind::Mlp; }

    void train(const cv::Mat &features, const std::vector<int> &labels, int classCount) override
    {
        m_classCount = classCount;
        const auto classes = presentClasses(labels);
        m_onlyClass = classes.size() == 1 ? classes.front() : -1;
        if (classes.size() < 2)
            return;
        cv::Mat targets(static_cast<int>(labels.size()), classCount, CV_32F, cv::Scalar(-1.0f));
        for (int i = 0; i < targets.rows; ++i)
            targets.at<float>(i, labels[static_cast<std::size_t>(i)]) = 1.0f;
        m_mlp = cv::ml::ANN_MLP::create();
        const cv::Mat layers
                = (cv::Mat_<int>(1, 3) << features.cols, m_parameters.hiddenUnits, classCount);
        m_mlp->setLayerSizes(layers);
        m_mlp->setActivationFunction(cv::ml::ANN_MLP::SIGMOID_SYM, 0, 0);
        m_mlp->setTrainMethod(cv::ml::ANN_MLP::RPROP);
        m_mlp->setTermCriteria(cv::TermCriteria(cv::TermCriteria::MAX_ITER | cv::TermCriteria::EPS,
                                                m_parameters.mlpIterations, 1e-4));
        // The weights start from OpenCV's thread RNG: fix it so training is reproducible.
        cv::RNG &rng = cv::theRNG();
        const uint64_t saved = rng.state;
        rng.state = TrainingSeed;
        m_mlp->train(features, cv::ml::ROW_SAMPLE, targets);
        rng.state = saved;
    }

    cv::Mat predictProbabilities(const cv::Mat &features) const override
    {
        if (m_onlyClass >= 0 || !m_mlp)
            return constantPrediction(features.rows, m_classCount, std::max(m_onlyClass, 0));
        cv::Mat outputs;
        m_mlp->predict(features, outputs);
        outputs.convertTo(outputs, CV_32F);
        softmaxRows(outputs, MlpTemperature);
        return outputs;
    }

private:
    Parameters m_parameters;
    int m_classCount = 0;
    int m_onlyClass = -1;
    cv::Ptr<cv::ml::ANN_MLP> m_mlp;
};

class LogisticMember final : public CommitteeMember
{
public:
    explicit LogisticMember(const Parameters &parameters)
        : m_parameters(parameters)
    { }
    Kind kind() const override { return Kind::Logistic; }

    void train(const cv::Mat &features, const std::vector<int> &labels, int classCount) override
    {
        m_classCount = classCount;
        m_classes = presentClasses(labels);
        m_onlyClass = m_classes.size() == 1 ? m_classes.front() : -1;
        if (m_classes.size() < 2)
            return;
        cv::Mat responses(static_cast<int>(labels.size()), 1, CV_32F);
        for (int i = 0; i < responses.rows; ++i)
            responses.at<float>(i) = float(labels[static_cast<std::size_t>(i)]);
        m_model = cv::ml::LogisticRegression::create();
        m_model->setLearningRate(m_parameters.logisticRate);
        m_model->setIterations(m_parameters.logisticIterations);
        m_model->setRegularization(cv::ml::LogisticRegression::REG_L2);
        m_model->setTrainMethod(cv::ml::LogisticRegression::BATCH);
        m_model->train(features, cv::ml::ROW_SAMPLE, responses);
    }

    cv::Mat predictProbabilities(const cv::Mat &features) const override
    {
        if (m_onlyClass >= 0 || !m_model)
            return constantPrediction(features.rows, m_classCount, std::max(m_onlyClass, 0));
        cv::Mat raw;
        m_model->predict(features, raw, cv::ml::StatModel::RAW_OUTPUT);
        raw.convertTo(raw, CV_32F);
        cv::Mat probabilities(features.rows, m_classCount, CV_32F, cv::Scalar(1e-4f));
        if (m_classes.size() == 2) {
            // A two-class model answers with one sigmoid, the probability of the larger label.
            for (int i = 0; i < features.rows; ++i) {
                const float p = raw.at<float>(i, 0);
                probabilities.at<float>(i, m_classes[1]) = p;
                probabilities.at<float>(i, m_classes[0]) = 1.0f - p;
            }
        } else {
            for (std::size_t k = 0; k < m_classes.size(); ++k)
                raw.col(static_cast<int>(k)).copyTo(probabilities.col(m_classes[k]));
        }
        normaliseRows(probabilities);
        return probabilities;
    }

private:
    Parameters m_parameters;
    int m_classCount = 0;
    int m_onlyClass = -1;
    std::vector<int> m_classes;
    cv::Ptr<cv::ml::LogisticRegression> m_model;
};

} // namespace

CommitteeMember::~CommitteeMember() = default;

std::unique_ptr<CommitteeMember> CommitteeMember::create(Kind kind, const Parameters &parameters)
{
    switch (kind) {
    case Kind::Svm:
        return std::make_unique<SvmMember>(parameters);
    case Kind::Knn:
        return std::make_unique<KnnMember>(parameters);
    case Kind::Forest:
        return std::make_unique<ForestMember>(parameters);
    case Kind::Mlp:
        return std::make_unique<MlpMember>(parameters);
    case Kind::Logistic:
        return std::make_unique<LogisticMember>(parameters);
    }
    return nullptr;
}

QString CommitteeMember::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Svm:
        return QStringLiteral("svm");
    case Kind::Knn:
        return QStringLiteral("knn");
    case Kind::Forest:
        return QStringLiteral("forest");
    case Kind::Mlp:
        return QStringLiteral("mlp");
    case Kind::Logistic:
        return QStringLiteral("logistic");
    }
    return {};
}

std::optional<CommitteeMember::Kind> CommitteeMember::kindFromName(const QString &name)
{
    for (const Kind kind : {Kind::Svm, Kind::Knn, Kind::Forest, Kind::Mlp, Kind::Logistic}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

} // namespace Boucle
