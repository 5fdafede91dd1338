// CrossValidatedProbabilities: out-of-sample class probabilities for every row of a labelled
// data set, by K-fold cross-validation of the committee. The rows are dealt into K folds,
// stratified by label (each class spread as evenly as it can be) in a seeded random order; each
// fold is predicted by a committee trained on the other K - 1 folds, so no row's probabilities
// come from a model that learned its label. Confident learning needs exactly that: a model that
// learned a wrong label tends to repeat it. Unlabelled rows (-1) are dealt into folds too and
// predicted by their fold's committee, but never trained on.
// The same features, labels, options and seed give the same probabilities, whether the folds
// run one after the other or side by side on the global thread pool.
// Stateless; any thread (the caller waits for the folds).
#pragma once

#include "committee.h"
#include "labelledsamples.h"
#include "learningprogress.h"

#include <QCoreApplication>
#include <QString>

#include <opencv2/core.hpp>

#include <optional>
#include <vector>

namespace Boucle {

class CrossValidatedProbabilities
{
    Q_DECLARE_TR_FUNCTIONS(Boucle::CrossValidatedProbabilities)

public:
    struct Options
    {
        int folds = 5;
        unsigned seed = 1;
        bool parallel = true; // run the folds on the global thread pool
        std::vector<Committee::Kind> kinds = Committee::defaultKinds();
        CommitteeMember::Parameters parameters;
    };

    struct Result
    {
        cv::Mat probabilities;  // rows x classes, CV_32F, continuous; out-of-sample
        std::vector<int> folds; // the fold of each row, in [0, K)
    };

    // `features` is one CV_32F row per sample; `labels` one class index in [0, classCount) or
    // -1 per row. Fails (nullopt and a sentence in `error`) when the sizes differ, a label is
    // out of range, K < 2, or there are fewer labelled rows than folds.
    static std::optional<Result> compute(const cv::Mat &features, const std::vector<int> &labels,
                                         int classCount, const Options &options, QString *error,
                                         const LearningProgress &progress = {});

    // The whole pass for a data set held in memory: its features (FeatureSpace), then compute()
    // with the committee parameters tuned for it (Committee::parametersFor its name).
    static std::optional<Result> compute(const LabelledSamples &samples, Options options,
                                         QString *error, const LearningProgress &progress = {});

    // The fold of each row: each class's rows (and the unlabelled rows, as one more group) are
    // shuffled with `seed` and dealt round-robin, each group starting where the last one
    // stopped, so fold sizes differ by at most one.
    static std::vector<int> stratifiedFolds(const std::vector<int> &labels, int classCount,
                                            int folds, unsigned seed);
};

} // namespace Boucle
