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

// Cohen's kappa needs only these per pair of reviewers.
struct PairTally
{
    qint64 samples = 0;
    qint64 same = 0;
    QHash<int, qint64> first;
    QHash<int, qint64> second;
};

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
    QHash<int, qint64> categoryTotals;
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
        QHash<int, qint64> counts;
        for (size_t a = 0; a < sample.size(); ++a) {
            involved[size_t(sample[a].first)] = 1;
            ++counts[sample[a].second];
            ++categoryTotals[sample[a].second];
            ++answerTotal;
            for (size_t b = a + 1; b < sample.size(); ++b) {
                auto &pair = pairs[{sample[a].first, sample[b].first}];
                ++pair.samples;
                ++pair.first[sample[a].second];
                ++pair.second[sample[b].second];
                if (sample[a].second == sample[b].second)
                    ++pair.same;
            }
        }
        // Fleiss' per-sample agreement: agreeing ordered pairs over all ordered pairs.
        const double n = double(sample.size());
        double squares = 0.0;
        for (const auto count : std::as_const(counts))
            squares += double(count) * double(count);
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
        for (auto f = tally.first.cbegin(); f != tally.first.cend(); ++f)
            chance += (double(f.value()) / n) * (double(tally.second.value(f.key())) / n);
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
        for (const auto total : std::as_const(categoryTotals)) {
            const double share = double(total) / double(answerTotal);
            chance += share * share;
        }
        result.kappa = kappaOf(result.observed, chance);
    }
    return result;
}

} // namespace Boucle
