#include "confidencetriggers.h"

#include "flagreasontext.h"
#include "parallelrows.h"
#include "triggernames.h"

#include <cmath>

namespace Boucle::Triggers {

TriggerScores lowConfidence(const PredictionTable &table, double threshold)
{
    TriggerScores result;
    result.trigger = TriggerNames::lowConfidence;
    const auto n = size_t(table.rows);
    result.score.resize(n);
    result.fired.resize(n);
    const float t = float(threshold);
    const float *confidence = table.confidence.data();
    float *score = result.score.data();
    quint8 *fired = result.fired.data();
    parallelRows(table.rows, [=](qsizetype begin, qsizetype end) {
        for (qsizetype i = begin; i < end; ++i) {
            const bool hit = confidence[i] < t;
            fired[i] = hit;
            score[i] = hit ? 1.0f - confidence[i] : 0.0f;
        }
    });
    result.reasons = [&table, threshold](qsizetype row) {
        return QList<QJsonObject> {
                ReasonDetails::lowConfidence(table.confidence[size_t(row)], threshold)};
    };
    return result;
}

void marginValues(const PredictionTable &table, float *out)
{
    const int classes = table.classCount();
    const float *probs = table.probs.data();
    const quint8 *hasProbs = table.hasProbs.data();
    parallelRows(table.rows, [=](qsizetype begin, qsizetype end) {
        for (qsizetype i = begin; i < end; ++i) {
            const float *p = probs + i * classes;
            float best = 0.0f, second = 0.0f;
            for (int k = 0; k < classes; ++k) {
                const float v = p[k];
                second = v > best ? best : (v > second ? v : second);
                best = v > best ? v : best;
            }
            out[i] = hasProbs[i] ? best - second : 1.0f;
        }
    });
}

void normalisedEntropyValues(const PredictionTable &table, float *out)
{
    const int classes = table.classCount();
    const float scale = classes > 1 ? float(1.0 / std::log(double(classes))) : 0.0f;
    const float *probs = table.probs.data();
    const quint8 *hasProbs = table.hasProbs.data();
    parallelRows(table.rows, [=](qsizetype begin, qsizetype end) {
        for (qsizetype i = begin; i < end; ++i) {
            const float *p = probs + i * classes;
            float h = 0.0f;
            for (int k = 0; k < classes; ++k) {
                const float v = p[k];
                // 0 log 0 is 0; the tiny floor keeps logf's argument positive without a branch.
                h -= v * std::log(v + 1e-30f);
            }
            out[i] = hasProbs[i] ? h * scale : 0.0f;
        }
    });
}

TriggerScores margin(const PredictionTable &table, double threshold)
{
    TriggerScores result;
    result.trigger = TriggerNames::margin;
    const auto n = size_t(table.rows);
    result.score.resize(n);
    result.fired.resize(n);
    marginValues(table, result.score.data());
    const float t = float(threshold);
    for (size_t i = 0; i < n; ++i) {
        const float m = result.score[i];
        const bool hit = table.hasProbs[i] && m < t;
        result.fired[i] = hit;
        result.score[i] = hit ? 1.0f - m : 0.0f;
    }
    result.reasons = [&table, threshold](qsizetype row) {
        const float *p = table.probsOf(row);
        int best = -1, second = -1;
        for (int k = 0; k < table.classCount(); ++k) {
            if (best < 0 || p[k] > p[best]) {
                second = best;
                best = k;
            } else if (second < 0 || p[k] > p[second]) {
                second = k;
            }
        }
        if (best < 0 || second < 0)
            return QList<QJsonObject> {};
        return QList<QJsonObject> {ReasonDetails::margin(
                p[best] - p[second], table.classes.at(best), table.classes.at(second), threshold)};
    };
    return result;
}

TriggerScores entropy(const PredictionTable &table, double threshold)
{
    TriggerScores result;
    result.trigger = TriggerNames::entropy;
    const auto n = size_t(table.rows);
    result.score.resize(n);
    result.fired.resize(n);
    normalisedEntropyValues(table, result.score.data());
    const float t = float(threshold);
    for (size_t i = 0; i < n; ++i) {
        const bool hit = table.hasProbs[i] && result.score[i] >= t;
        result.fired[i] = hit;
        if (!hit)
            result.score[i] = 0.0f;
    }
    result.reasons = [&table, threshold](qsizetype row) {
        const float *p = table.probsOf(row);
        double h = 0;
        for (int k = 0; k < table.classCount(); ++k)
            h -= p[k] > 0 ? double(p[k]) * std::log(double(p[k])) : 0.0;
        const double normalised
                = table.classCount() > 1 ? h / std::log(double(table.classCount())) : 0.0;
        return QList<QJsonObject> {ReasonDetails::entropy(normalised, threshold)};
    };
    return result;
}

} // namespace Boucle::Triggers
