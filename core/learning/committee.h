// Committee: several OpenCV `ml` models trained on the same labelled rows. Each member answers
// with class probabilities; the committee's answer is the mean of its members' probabilities.
// The members' separate answers are kept because disagreement between them is a reason to flag
// a sample. An instance is used by one thread at a time.
#pragma once

#include "committeemember.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace Boucle {

struct CommitteePrediction
{
    cv::Mat probabilities;                    // N x C, CV_32F: mean over the members
    std::vector<cv::Mat> memberProbabilities; // one N x C matrix per member
    QStringList memberNames;

    int size() const { return probabilities.rows; }
    int topClass(int row) const;
    float confidence(int row) const; // probability of the top class
    std::vector<int> topClasses() const;
    int memberTopClass(int member, int row) const;
};

class Committee
{
public:
    using Kind = CommitteeMember::Kind;

    // The default members: SVM, kNN and random forest (see CommitteeMember::Kind for why).
    static std::vector<Kind> defaultKinds();
    // Parameters tuned per feature space ("digits" = gradient histograms, "letters" = z-scores).
    static CommitteeMember::Parameters parametersFor(const QString &dataset);

    Committee(int classCount, std::vector<Kind> kinds = defaultKinds(),
              CommitteeMember::Parameters parameters = {});
    Committee(Committee &&) noexcept;
    Committee &operator=(Committee &&) noexcept;
    ~Committee();

    int classCount() const { return m_classCount; }
    QStringList memberNames() const;
    bool isTrained() const { return m_trained; }

    void train(const cv::Mat &features, const std::vector<int> &labels);
    CommitteePrediction predict(const cv::Mat &features) const;

private:
    int m_classCount;
    bool m_trained = false;
    std::vector<std::unique_ptr<CommitteeMember>> m_members;
};

} // namespace Boucle
