// ReviewerAgreement: how far reviewers agree on the samples two or more of them answered,
// beyond what chance would give: Cohen's kappa for each pair of reviewers, and Fleiss' kappa over
// all samples when more than two reviewers took part (with a varying number of answers per
// sample). A plain value; any thread.
#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace Boucle {

// One reviewer's answer on one sample. A sample may have any number of answers (double review,
// adjudication); when a reviewer answered the same sample twice, the later answer in the list
// counts. label is a class index.
struct ReviewAnswer
{
    qint64 sampleId = 0;
    QString reviewer;
    int label = -1;
};

struct PairAgreement
{
    QString first;
    QString second;
    qint64 samples = 0;
    double observed = 0.0;       // share of shared samples with the same answer
    std::optional<double> kappa; // none when chance agreement is 1 (both always gave one class)
};

struct ReviewerAgreement
{
    enum class Method { None, Cohen, Fleiss };

    qint64 samples = 0; // samples answered by at least two reviewers
    int reviewers = 0;  // reviewers who answered at least one of them
    Method method = Method::None;
    double observed = 0.0;       // mean pairwise agreement over those samples
    std::optional<double> kappa; // Cohen's with two reviewers, Fleiss' with more
    QList<PairAgreement> pairs;  // Cohen's kappa of each pair that shares samples

    static ReviewerAgreement compute(const QList<ReviewAnswer> &answers);
};

} // namespace Boucle
