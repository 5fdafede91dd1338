#include "outliertrigger.h"

#include "flagreasontext.h"
#include "parallelrows.h"
#include "triggernames.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <random>

namespace Boucle::Triggers {

namespace {

// Whether every value of the row is a number (a project imported before non-float values were
// refused can hold infinities).
bool isFinite(const float *x, int d)
{
    for (int j = 0; j < d; ++j) {
        if (!std::isfinite(x[j]))
            return false;
    }
    return true;
}

} // namespace

void nearestCentreDistances(const PredictionTable &table, const float *centers, int k, float *out,
                            float scale)
{
    const int d = table.embeddingSize;
    parallelRows(table.rows, [&table, centers, k, d, out, scale](qsizetype begin, qsizetype end) {
        for (qsizetype i = begin; i < end; ++i) {
            if (!table.hasEmbedding[size_t(i)] || !isFinite(table.embeddingOf(i), d)) {
                out[i] = -1.0f;
                continue;
            }
            const float *x = table.embeddingOf(i);
            float best = std::numeric_limits<float>::max();
            for (int c = 0; c < k; ++c) {
                const float *centre = centers + qsizetype(c) * d;
                float sum = 0.0f;
                for (int j = 0; j < d; ++j) {
                    const float diff = x[j] * scale - centre[j];
                    sum += diff * diff;
                }
                best = std::min(best, sum);
            }
            out[i] = best;
        }
    });
}

TriggerScores outliers(const PredictionTable &table, const OutlierOptions &options)
{
    TriggerScores result;
    result.trigger = TriggerNames::outlier;
    const auto n = size_t(table.rows);
    result.score.assign(n, 0.0f);
    result.fired.assign(n, 0);
    result.reasons = [](qsizetype) {
        return QList<QJsonObject> {};
    };
    const int d = table.embeddingSize;
    // Rows holding a non-finite value are left out like rows without an embedding. Finite values
    // so large that squared distances would overflow a float (k-means then threw, or left labels
    // unwritten) are scaled down: a common scale keeps every ranking of distance.
    std::vector<qsizetype> withEmbedding;
    float largest = 0.0f;
    for (size_t i = 0; i < n; ++i) {
        if (!table.hasEmbedding[i])
            continue;
        const float *x = table.embeddingOf(qsizetype(i));
        if (!isFinite(x, d))
            continue;
        withEmbedding.push_back(qsizetype(i));
        for (int j = 0; j < d; ++j)
            largest = std::max(largest, std::abs(x[j]));
    }
    const double safe
            = std::sqrt(double(std::numeric_limits<float>::max()) / (64.0 * std::max(d, 1)));
    const float scale = double(largest) > safe ? float(1.0 / double(largest)) : 1.0f;
    const auto m = qsizetype(withEmbedding.size());
    const int k = std::max(1, options.clusters);
    if (d == 0 || m < 2 * qsizetype(k))
        return result;

    std::vector<qsizetype> fitRows = withEmbedding;
    std::mt19937_64 random(options.seed);
    if (m > options.fitSample) {
        for (qsizetype i = 0; i < options.fitSample; ++i) {
            std::uniform_int_distribution<qsizetype> pick(i, m - 1);
            std::swap(fitRows[size_t(i)], fitRows[size_t(pick(random))]);
        }
        fitRows.resize(size_t(options.fitSample));
    }
    cv::Mat data(int(fitRows.size()), d, CV_32F);
    for (size_t r = 0; r < fitRows.size(); ++r) {
        const float *x = table.embeddingOf(fitRows[r]);
        float *row = data.ptr<float>(int(r));
        for (int j = 0; j < d; ++j)
            row[j] = x[j] * scale;
    }
    cv::Mat labels, centers;
    cv::theRNG().state = options.seed;
    try {
        cv::kmeans(data, k, labels,
                   cv::TermCriteria(cv::TermCriteria::EPS | cv::TermCriteria::COUNT, 20, 1e-4), 1,
                   cv::KMEANS_PP_CENTERS, centers);
    } catch (const cv::Exception &error) {
        // Never an abort of `boucle flag`: the trigger fires on nothing and says why.
        qWarning("outlier trigger: k-means failed (%s); no embedding outliers flagged",
                 error.what());
        return result;
    }
    centers.convertTo(centers, CV_32F);
    if (centers.rows < 1 || centers.cols != d || labels.rows != int(fitRows.size()))
        return result;
    // k-means gives a far-away point a centre of its own, which would hide it; centres of tiny
    // clusters (under 1 % of the fitted points) are dropped so such points stay far from all.
    std::vector<int> members(size_t(centers.rows), 0);
    for (int r = 0; r < labels.rows; ++r) {
        const int label = labels.at<int>(r);
        if (label >= 0 && label < centers.rows)
            ++members[size_t(label)];
    }
    const int smallest = std::max(2, int(0.01 * double(fitRows.size())));
    cv::Mat kept;
    for (int c = 0; c < centers.rows; ++c) {
        if (members[size_t(c)] >= smallest)
            kept.push_back(centers.row(c));
    }
    if (!kept.empty())
        centers = kept;

    std::vector<float> distance(n);
    nearestCentreDistances(table, centers.ptr<float>(), centers.rows, distance.data(), scale);

    // Threshold at the percentile; only the rows above it are ranked exactly.
    std::vector<float> sorted;
    sorted.reserve(size_t(m));
    for (const qsizetype row : withEmbedding)
        sorted.push_back(distance[size_t(row)]);
    const double fraction = std::clamp(options.percentile / 100.0, 0.0, 1.0);
    // The farthest (1 - fraction) share fires: rows strictly farther than the largest distance
    // of the closest `cut` rows, so ties at the boundary do not inflate the count.
    const auto cut = std::min<qsizetype>(m, qsizetype(std::ceil(fraction * double(m) - 1e-9)));
    float threshold = -1.0f;
    if (cut > 0) {
        std::nth_element(sorted.begin(), sorted.begin() + (cut - 1), sorted.end());
        threshold = sorted[size_t(cut - 1)];
    }
    std::vector<qsizetype> hits;
    for (const qsizetype row : withEmbedding) {
        if (distance[size_t(row)] > threshold)
            hits.push_back(row);
    }
    std::sort(hits.begin(), hits.end(), [&distance](qsizetype a, qsizetype b) {
        return distance[size_t(a)] < distance[size_t(b)];
    });
    auto share = std::make_shared<QHash<qsizetype, double>>(); // row -> share of rows farther
    const auto above = qsizetype(hits.size());
    for (qsizetype i = 0; i < above; ++i) {
        const qsizetype row = hits[size_t(i)];
        const qsizetype rank = m - above + i; // rows closer than this one
        result.fired[size_t(row)] = 1;
        result.score[size_t(row)] = float(double(rank + 1) / double(m));
        share->insert(row, 100.0 * double(m - rank) / double(m));
    }
    result.reasons = [share, m, percentile = options.percentile](qsizetype row) {
        return QList<QJsonObject> {ReasonDetails::outlier(share->value(row), m, percentile)};
    };
    return result;
}

} // namespace Boucle::Triggers
