#include "committeetriggers.h"

#include "flagreasontext.h"
#include "parallelrows.h"
#include "triggernames.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace Boucle::Triggers {

namespace {

constexpr int maxVoters = 64; // more votes than this on one sample are ignored

// The voters of one row: the model itself, then its committee.
struct Voters
{
    int count = 0;
    qint32 labels[maxVoters];
    const float *probs[maxVoters]; // nullptr when the voter gave no probabilities
};

inline void collect(const PredictionTable &table, qsizetype row, Voters &voters)
{
    voters.count = 0;
    voters.labels[0] = table.label[size_t(row)];
    voters.probs[0] = table.hasProbs[size_t(row)] ? table.probsOf(row) : nullptr;
    voters.count = 1;
    if (table.committeeStart.empty())
        return;
    const qint32 begin = table.committeeStart[size_t(row)];
    const qint32 end = table.committeeStart[size_t(row) + 1];
    for (qint32 v = begin; v < end && voters.count < maxVoters; ++v) {
        voters.labels[voters.count] = table.committeeLabel[size_t(v)];
        voters.probs[voters.count] = table.committeeProbsOf(v);
        ++voters.count;
    }
}

// Votes per label among the voters with a label; returns the number of such voters.
inline int countVotes(const Voters &voters, int *largest, float *entropy, int classes)
{
    int counted = 0;
    int best = 0;
    float h = 0.0f;
    // Few voters: count each distinct label by a scan instead of a histogram over all classes.
    for (int i = 0; i < voters.count; ++i) {
        const qint32 label = voters.labels[i];
        if (label < 0)
            continue;
        ++counted;
        bool seen = false;
        for (int j = 0; j < i; ++j)
            seen = seen || voters.labels[j] == label;
        if (seen)
            continue;
        int n = 0;
        for (int j = i; j < voters.count; ++j)
            n += voters.labels[j] == label;
        best = std::max(best, n);
        h -= float(n) * std::log(float(n));
    }
    if (counted > 0) {
        // H = log N - (1/N) sum n log n
        h = std::log(float(counted)) + h / float(counted);
    }
    const int bound = std::min(counted, classes);
    *entropy = bound > 1 ? h / std::log(float(bound)) : 0.0f;
    *largest = best;
    return counted;
}

inline float meanDivergence(const Voters &voters, int classes, int *withProbs)
{
    float consensus[256];
    int m = 0;
    for (int k = 0; k < classes; ++k)
        consensus[k] = 0.0f;
    for (int i = 0; i < voters.count; ++i) {
        if (!voters.probs[i])
            continue;
        ++m;
        for (int k = 0; k < classes; ++k)
            consensus[k] += voters.probs[i][k];
    }
    *withProbs = m;
    if (m < 2)
        return 0.0f;
    const float inverse = 1.0f / float(m);
    for (int k = 0; k < classes; ++k)
        consensus[k] *= inverse;
    float total = 0.0f;
    for (int i = 0; i < voters.count; ++i) {
        const float *p = voters.probs[i];
        if (!p)
            continue;
        for (int k = 0; k < classes; ++k) {
            // p > 0 implies consensus > 0, so the ratio is finite.
            const float v = p[k];
            total += v > 0.0f ? v * std::log(v / consensus[k]) : 0.0f;
        }
    }
    return std::max(0.0f, total * inverse);
}

} // namespace

void voteEntropyValues(const PredictionTable &table, float *out)
{
    const int classes = table.classCount();
    parallelRows(table.rows, [&table, out, classes](qsizetype begin, qsizetype end) {
        Voters voters;
        for (qsizetype i = begin; i < end; ++i) {
            collect(table, i, voters);
            int largest = 0;
            float h = 0.0f;
            countVotes(voters, &largest, &h, classes);
            out[i] = h;
        }
    });
}

void meanDivergenceValues(const PredictionTable &table, float *out)
{
    const int classes = table.classCount();
    if (!table.committeeDivergence.empty()) {
        std::copy(table.committeeDivergence.cbegin(), table.committeeDivergence.cend(), out);
        return;
    }
    if (classes > 256) {
        std::fill_n(out, table.rows, 0.0f);
        return;
    }
    parallelRows(table.rows, [&table, out, classes](qsizetype begin, qsizetype end) {
        Voters voters;
        for (qsizetype i = begin; i < end; ++i) {
            collect(table, i, voters);
            int m = 0;
            out[i] = meanDivergence(voters, classes, &m);
        }
    });
}

void foldCommitteeDivergence(PredictionTable &table, qsizetype begin, qsizetype end)
{
    const int classes = table.classCount();
    table.committeeDivergence.resize(size_t(end), 0.0f);
    table.committeeProbVoters.resize(size_t(end), 0);
    if (classes > 256)
        return;
    float *kl = table.committeeDivergence.data();
    quint8 *voters = table.committeeProbVoters.data();
    const PredictionTable &rows = table;
    parallelRows(end - begin, [&rows, kl, voters, begin, classes](qsizetype from, qsizetype to) {
        Voters row;
        for (qsizetype i = begin + from; i < begin + to; ++i) {
            collect(rows, i, row);
            int m = 0;
            kl[i] = meanDivergence(row, classes, &m);
            voters[i] = quint8(m);
        }
    });
}

TriggerScores committeeVote(const PredictionTable &table, double threshold)
{
    TriggerScores result;
    result.trigger = TriggerNames::committeeVote;
    const auto n = size_t(table.rows);
    result.score.resize(n);
    result.fired.resize(n);
    voteEntropyValues(table, result.score.data());
    const float t = float(threshold);
    for (size_t i = 0; i < n; ++i) {
        // A zero entropy never fires: unanimous voters do not disagree whatever the threshold.
        const bool hit = result.score[i] > 0.0f && result.score[i] >= t;
        result.fired[i] = hit;
        if (!hit)
            result.score[i] = 0.0f;
    }
    result.reasons = [&table, threshold](qsizetype row) {
        Voters voters;
        collect(table, row, voters);
        int largest = 0;
        float h = 0.0f;
        const int counted = countVotes(voters, &largest, &h, table.classCount());
        return QList<QJsonObject> {
                ReasonDetails::committeeVote(counted - largest, counted, h, threshold)};
    };
    return result;
}

TriggerScores committeeDivergence(const PredictionTable &table, double threshold)
{
    TriggerScores result;
    result.trigger = TriggerNames::committeeDivergence;
    const auto n = size_t(table.rows);
    result.score.resize(n);
    result.fired.resize(n);
    meanDivergenceValues(table, result.score.data());
    const float t = float(threshold);
    for (size_t i = 0; i < n; ++i) {
        const float kl = result.score[i];
        const bool hit = kl > 0.0f && kl >= t;
        result.fired[i] = hit;
        if (!hit) {
            result.score[i] = 0.0f;
            continue;
        }
        int m = 0;
        if (!table.committeeProbVoters.empty()) {
            m = table.committeeProbVoters[i];
        } else {
            Voters voters;
            collect(table, qsizetype(i), voters);
            for (int v = 0; v < voters.count; ++v)
                m += voters.probs[v] != nullptr;
        }
        result.score[i] = std::min(1.0f, kl / std::log(float(std::max(m, 2))));
    }
    result.reasons = [&table, threshold](qsizetype row) {
        float kl = 0.0f;
        int m = 0;
        if (!table.committeeDivergence.empty()) {
            kl = table.committeeDivergence[size_t(row)];
            m = table.committeeProbVoters[size_t(row)];
        } else {
            Voters voters;
            collect(table, row, voters);
            kl = meanDivergence(voters, table.classCount(), &m);
        }
        return QList<QJsonObject> {ReasonDetails::committeeDivergence(kl, m, threshold)};
    };
    return result;
}

} // namespace Boucle::Triggers
