#include "revieweragreement.h"

#include <QHash>
#include <QMap>
#include <QSet>

namespace Boucle {

namespace {

std::optional<double> kappaOf(double observed, double chance)
{
    if (chance >= 1.0 - 1e-12)
        return std::nullopt;
    return (observed - chance) / (1.0 - chance);
}

PairAgreement cohen(const QString &first, const QString &second,
                    const QList<std::pair<int, int>> &labels)
{
    PairAgreement pair;
    pair.first = first;
    pair.second = second;
    pair.samples = labels.size();
    if (labels.isEmpty())
        return pair;
    QHash<int, qint64> firstCounts;
    QHash<int, qint64> secondCounts;
    qint64 same = 0;
    for (const auto &[a, b] : labels) {
        ++firstCounts[a];
        ++secondCounts[b];
        if (a == b)
            ++same;
    }
    const double n = double(labels.size());
    double chance = 0.0;
    for (auto it = firstCounts.cbegin(); it != firstCounts.cend(); ++it)
        chance += (double(it.value()) / n) * (double(secondCounts.value(it.key())) / n);
    pair.observed = double(same) / n;
    pair.kappa = kappaOf(pair.observed, chance);
    return pair;
}

} // namespace

ReviewerAgreement ReviewerAgreement::compute(const QList<ReviewAnswer> &answers)
{
    // sample -> reviewer -> label; QMap keeps the output in a stable order.
    QMap<qint64, QMap<QString, int>> bySample;
    for (const auto &answer : answers) {
        if (answer.label >= 0)
            bySample[answer.sampleId][answer.reviewer] = answer.label;
    }

    ReviewerAgreement result;
    QSet<QString> reviewers;
    QMap<std::pair<QString, QString>, QList<std::pair<int, int>>> pairLabels;
    QHash<int, qint64> categoryTotals;
    qint64 answerTotal = 0;
    double agreementSum = 0.0;
    for (const auto &sample : std::as_const(bySample)) {
        if (sample.size() < 2)
            continue;
        ++result.samples;
        QHash<int, qint64> counts;
        for (auto it = sample.cbegin(); it != sample.cend(); ++it) {
            reviewers.insert(it.key());
            ++counts[it.value()];
            ++categoryTotals[it.value()];
            ++answerTotal;
            for (auto other = std::next(it); other != sample.cend(); ++other)
                pairLabels[{it.key(), other.key()}].append({it.value(), other.value()});
        }
        // Fleiss' per-sample agreement: agreeing ordered pairs over all ordered pairs.
        const double n = double(sample.size());
        double squares = 0.0;
        for (const auto count : std::as_const(counts))
            squares += double(count) * double(count);
        agreementSum += (squares - n) / (n * (n - 1.0));
    }
    result.reviewers = int(reviewers.size());
    for (auto it = pairLabels.cbegin(); it != pairLabels.cend(); ++it)
        result.pairs.append(cohen(it.key().first, it.key().second, it.value()));
    if (result.samples == 0)
        return result;

    result.observed = agreementSum / double(result.samples);
    if (result.reviewers == 2) {
        result.method = Method::Cohen;
        result.kappa = result.pairs.constFirst().kappa;
        result.observed = result.pairs.constFirst().observed;
    } else {
        result.method = Method::Fleiss;
        double chance = 0.0;
        for (const auto total : std::as_const(categoryTotals)) {
            const double share = double(total) / double(answerTotal);
            chance += share * share;
        }
        result.kappa = kappaOf(result.observed, chance);
    }
    return result;
}

} // namespace Boucle
