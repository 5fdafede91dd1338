// CommitteeMember: one OpenCV `ml` model of the committee, trained on feature rows and answering
// with class probabilities (rows of N x C, CV_32F, each summing to 1). Models without native
// probabilities derive them as documented on each kind below. Training is deterministic: any
// random initialisation draws from a fixed seed.
// An instance is used by one thread at a time.
#pragma once

#include <QString>

#include <opencv2/core.hpp>

#include <memory>
#include <optional>
#include <vector>

namespace Boucle {

class CommitteeMember
{
public:
    enum class Kind {
        // OpenCV's multi-class RBF support vector machine (one-vs-one). Class scores are the mean
        // of the pairwise decision values for/against each class, passed through a softmax with a
        // fixed temperature (a Platt-like scaling without a fitted slope). The decision values are
        // computed from the trained support vectors with one matrix product, which is much faster
        // than OpenCV's per-sample predict for a whole pool.
        Svm,
        // k nearest neighbours (k = 5, Euclidean); vote shares with additive smoothing
        // (count + 0.1) / (k + 0.1 C), so a unanimous vote is confident but never certain.
        // Distances come from one matrix product: OpenCV's KNearest gives the same neighbours but
        // took about 1 s per 5,000 x 4,000 query on this machine, too slow for the loop simulation.
        Knn,
        // OpenCV random forest (30 trees, depth 12); probabilities are the trees' vote shares with
        // Laplace
        // smoothing, (votes + 1) / (trees + C).
        Forest,
        // Not in the default committee (slow to train and weaker on these features, see
        // bench_committee). Multilayer perceptron (one hidden layer of 48 symmetric-sigmoid units,
        // RPROP) trained on
        // +-1 one-hot targets; softmax of the outputs with a fixed temperature.
        Mlp,
        // Not in the default committee (OpenCV's batch solver is slow and poor here). One-vs-rest
        // logistic regression (batch gradient descent, L2); the per-class sigmoids are
        // normalised to sum to 1.
        Logistic,
    };

    struct Parameters
    {
        double svmC = 2.67;
        double svmGamma = 5.383;
        int neighbours = 5;
        int trees = 30;
        int treeDepth = 12;
        int hiddenUnits = 48;
        int mlpIterations = 150;
        int logisticIterations = 300;
        double logisticRate = 1.0;
    };

    virtual ~CommitteeMember();

    virtual Kind kind() const = 0;
    QString name() const { return kindName(kind()); }
    // Labels are class indices in [0, classCount). Classes absent from the labels get a small
    // probability, never an error.
    virtual void train(const cv::Mat &features, const std::vector<int> &labels, int classCount) = 0;
    virtual cv::Mat predictProbabilities(const cv::Mat &features) const = 0;

    static std::unique_ptr<CommitteeMember> create(Kind kind, const Parameters &parameters);
    static QString kindName(Kind kind); // "svm", "knn", "forest", "mlp", "logistic"
    static std::optional<Kind> kindFromName(const QString &name);
};

} // namespace Boucle
