#include "revieweragreement.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <vector>

namespace Boucle {

namespace {

std::optional<double> kappaOf(double observed, double chance)
{
    if (chance >= 1.0 - 1e-12)
        return std::nullopt;
    return (observed - chance) / (1.0 - chance);
}

// Cohen's kappa needs only these per pair of reviewers (label counts indexed by label).
struct PairTally
{
    qint64 samples = 0;
    qint64 same = 0;
    std::vector<qint64> first;
    std::vector<qint64> second;
};

void countLabel(std::vector<qint64> &counts, int label)
{
    if (size_t(label) >= counts.size())
        counts.resize(size_t(label) + 1, 0);
    ++counts[size_t(label)];
}

struct Answer
{
    qint64 sample = 0;
    int reviewer = 0; // rank of the reviewer's name, so pairs come out in name order
    int label = -1;
};

} // namespace

ReviewerAgreement ReviewerAgreement::compute(const QList<ReviewAnswer> &answers)
{
    // Reviewers are ranked by name once; the rest works on integers (a million answers is
    // a realistic input).
    QStringList names;
    {
        QSet<QString> seen;
        for (const auto &answer : answers) {
            if (!seen.contains(answer.reviewer)) {
                seen.insert(answer.reviewer);
                names.append(answer.reviewer);
            }
        }
        names.sort();
    }
    QHash<QString, int> rank;
    for (int i = 0; i < names.size(); ++i)
        rank.insert(names.at(i), i);
    std::vector<Answer> rows;
    rows.reserve(size_t(answers.size()));
    for (const auto &answer : answers) {
        if (answer.label >= 0)
            rows.push_back({answer.sampleId, rank.value(answer.reviewer), answer.label});
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Answer &a, const Answer &b) { return a.sample < b.sample; });

    ReviewerAgreement result;
    std::vector<char> involved(size_t(names.size()), 0);
    QMap<std::pair<int, int>, PairTally> pairs;
    std::vector<qint64> categoryTotals;
    qint64 answerTotal = 0;
    double agreementSum = 0.0;
    std::vector<std::pair<int, int>> sample; // (reviewer, label), the later answer of each
    for (size_t i = 0; i < rows.size();) {
        size_t end = i;
        sample.clear();
        for (; end < rows.size() && rows[end].sample == rows[i].sample; ++end) {
            auto it = std::find_if(sample.begin(), sample.end(), [&](const auto &entry) {
                return entry.first == rows[end].reviewer;
            });
            if (it != sample.end())
                it->second = rows[end].label;
            else
                sample.emplace_back(rows[end].reviewer, rows[end].label);
        }
        i = end;
        if (sample.size() < 2)
            continue;
        ++result.samples;
        std::sort(sample.begin(), sample.end());
        qint64 agreeingPairs = 0;
        for (size_t a = 0; a < sample.size(); ++a) {
            involved[size_t(sample[a].first)] = 1;
            countLabel(categoryTotals, sample[a].second);
            ++answerTotal;
            for (size_t b = a + 1; b < sample.size(); ++b) {
                auto &pair = pairs[{sample[a].first, sample[b].first}];
                ++pair.samples;
                countLabel(pair.first, sample[a].second);
                countLabel(pair.second, sample[b].second);
                if (sample[a].second == sample[b].second) {
                    ++pair.same;
                    ++agreeingPairs;
                }
            }
        }
        // Fleiss' per-sample agreement: agreeing ordered pairs over all ordered pairs, i.e.
        // (sum of squared label counts - n) / (n (n - 1)) = 2 * agreeing pairs / (n (n - 1)).
        const double n = double(sample.size());
        const double squares = n + 2.0 * double(agreeingPairs);
        agreementSum += (squares - n) / (n * (n - 1.0));
    }
    result.reviewers = int(std::count(involved.cbegin(), involved.cend(), char(1)));
    for (auto it = pairs.cbegin(); it != pairs.cend(); ++it) {
        const auto &tally = it.value();
        PairAgreement pair;
        pair.first = names.at(it.key().first);
        pair.second = names.at(it.key().second);
        pair.samples = tally.samples;
        const double n = double(tally.samples);
        double chance = 0.0;
        for (size_t label = 0; label < tally.first.size() && label < tally.second.size(); ++label)
            chance += (double(tally.first[label]) / n) * (double(tally.second[label]) / n);
        pair.observed = double(tally.same) / n;
        pair.kappa = kappaOf(pair.observed, chance);
        result.pairs.append(pair);
    }
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
        for (const auto total : categoryTotals) {
            const double share = double(total) / double(answerTotal);
            chance += share * share;
        }
        result.kappa = kappaOf(result.observed, chance);
    }
    return result;
}

} // namespace Boucle
