#include "acquisitionstrategy.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace Boucle {

namespace {

constexpr double Tiny = 1e-12;

void topTwo(const float *row, int columns, float &first, float &second)
{
    first = -1;
    second = -1;
    for (int c = 0; c < columns; ++c) {
        if (row[c] > first) {
            second = first;
            first = row[c];
        } else if (row[c] > second) {
            second = row[c];
        }
    }
}

// Indices of the `count` highest scores; ties go to the lower index, so picks are reproducible.
std::vector<int> highest(const std::vector<double> &scores, int count)
{
    std::vector<int> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    count = std::min<int>(count, static_cast<int>(order.size()));
    std::partial_sort(order.begin(), order.begin() + count, order.end(), [&scores](int a, int b) {
        const auto sa = scores[static_cast<std::size_t>(a)];
        const auto sb = scores[static_cast<std::size_t>(b)];
        return sa > sb || (sa == sb && a < b);
    });
    order.resize(static_cast<std::size_t>(count));
    return order;
}

std::vector<int> coreSet(int count, const std::vector<double> &uncertainty,
                         const cv::Mat &poolFeatures, const cv::Mat &labelledFeatures)
{
    const int candidateCount = std::min<int>(10 * count, poolFeatures.rows);
    const std::vector<int> candidates = highest(uncertainty, candidateCount);
    cv::Mat candidateFeatures(candidateCount, poolFeatures.cols, poolFeatures.type());
    for (int i = 0; i < candidateCount; ++i)
        poolFeatures.row(candidates[static_cast<std::size_t>(i)]).copyTo(candidateFeatures.row(i));
    // Distance of each candidate to its nearest labelled sample.
    std::vector<float> nearest(static_cast<std::size_t>(candidateCount),
                               std::numeric_limits<float>::max());
    if (!labelledFeatures.empty()) {
        cv::Mat distances;
        cv::Mat indices;
        cv::batchDistance(candidateFeatures, labelledFeatures, distances, CV_32F, indices,
                          cv::NORM_L2, 1);
        for (int i = 0; i < candidateCount; ++i)
            nearest[static_cast<std::size_t>(i)] = distances.at<float>(i, 0);
    }
    std::vector<int> picked;
    std::vector<bool> taken(static_cast<std::size_t>(candidateCount), false);
    while (static_cast<int>(picked.size()) < std::min(count, candidateCount)) {
        int best = -1;
        double bestValue = -1;
        for (int i = 0; i < candidateCount; ++i) {
            if (taken[static_cast<std::size_t>(i)])
                continue;
            const double distance
                    = nearest[static_cast<std::size_t>(i)] == std::numeric_limits<float>::max()
                              ? 1.0
                              : nearest[static_cast<std::size_t>(i)];
            const double value = (uncertainty[static_cast<std::size_t>(
                                          candidates[static_cast<std::size_t>(i)])]
                                  + Tiny)
                                 * distance;
            if (value > bestValue) {
                bestValue = value;
                best = i;
            }
        }
        taken[static_cast<std::size_t>(best)] = true;
        picked.push_back(candidates[static_cast<std::size_t>(best)]);
        for (int i = 0; i < candidateCount; ++i) {
            if (taken[static_cast<std::size_t>(i)])
                continue;
            const auto distance = static_cast<float>(
                    cv::norm(candidateFeatures.row(i), candidateFeatures.row(best), cv::NORM_L2));
            nearest[static_cast<std::size_t>(i)]
                    = std::min(nearest[static_cast<std::size_t>(i)], distance);
        }
    }
    return picked;
}

} // namespace

QList<AcquisitionStrategy::Kind> AcquisitionStrategy::all()
{
    return {Kind::Random,  Kind::LeastConfidence, Kind::Margin,
            Kind::Entropy, Kind::Committee,       Kind::Diverse};
}

QString AcquisitionStrategy::name(Kind kind)
{
    switch (kind) {
    case Kind::Random:
        return QStringLiteral("random");
    case Kind::LeastConfidence:
        return QStringLiteral("least-confidence");
    case Kind::Margin:
        return QStringLiteral("margin");
    case Kind::Entropy:
        return QStringLiteral("entropy");
    case Kind::Committee:
        return QStringLiteral("committee");
    case Kind::Diverse:
        return QStringLiteral("diverse");
    }
    return {};
}

std::optional<AcquisitionStrategy::Kind> AcquisitionStrategy::fromName(const QString &name)
{
    for (const Kind kind : all()) {
        if (AcquisitionStrategy::name(kind) == name)
            return kind;
    }
    return std::nullopt;
}

std::vector<double> AcquisitionStrategy::scores(Kind kind, const CommitteePrediction &prediction)
{
    const cv::Mat &p = prediction.probabilities;
    std::vector<double> result(static_cast<std::size_t>(p.rows), 0.0);
    for (int i = 0; i < p.rows; ++i) {
        const auto *row = p.ptr<float>(i);
        double value = 0;
        switch (kind) {
        case Kind::Random:
            break;
        case Kind::LeastConfidence: {
            float first = 0;
            float second = 0;
            topTwo(row, p.cols, first, second);
            value = 1.0 - first;
            break;
        }
        case Kind::Margin:
        case Kind::Diverse: {
            float first = 0;
            float second = 0;
            topTwo(row, p.cols, first, second);
            value = 1.0 - (first - second);
            break;
        }
        case Kind::Entropy:
            for (int c = 0; c < p.cols; ++c)
                value -= row[c] > 0 ? row[c] * std::log(double(row[c])) : 0.0;
            break;
        case Kind::Committee:
            for (const cv::Mat &member : prediction.memberProbabilities) {
                const auto *m = member.ptr<float>(i);
                for (int c = 0; c < p.cols; ++c)
                    value += m[c] * std::log((m[c] + Tiny) / (row[c] + Tiny));
            }
            value /= std::max<std::size_t>(1, prediction.memberProbabilities.size());
            break;
        }
        result[static_cast<std::size_t>(i)] = value;
    }
    return result;
}

std::vector<int> AcquisitionStrategy::select(Kind kind, int count,
                                             const CommitteePrediction &prediction,
                                             const cv::Mat &poolFeatures,
                                             const cv::Mat &labelledFeatures, std::mt19937 &random)
{
    count = std::min(count, prediction.probabilities.rows);
    if (kind == Kind::Random) {
        std::vector<int> order(static_cast<std::size_t>(prediction.probabilities.rows));
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), random);
        order.resize(static_cast<std::size_t>(count));
        return order;
    }
    const std::vector<double> uncertainty = scores(kind, prediction);
    if (kind == Kind::Diverse)
        return coreSet(count, uncertainty, poolFeatures, labelledFeatures);
    return highest(uncertainty, count);
}

} // namespace Boucle
