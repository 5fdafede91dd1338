#include "diversityselection.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <numeric>
#include <random>

namespace Boucle::Diversity {

namespace {

// Nearest centre of every row of `points`, by |x|^2 - 2 x.c + |c|^2 with a matrix product per
// block of rows (bounded memory, and the product is where OpenCV is fast).
void assign(const cv::Mat &points, const cv::Mat &centers, qint32 *assignment, float *distance)
{
    const int k = centers.rows;
    cv::Mat centerNorms(1, k, CV_32F);
    for (int c = 0; c < k; ++c)
        centerNorms.at<float>(c) = float(centers.row(c).dot(centers.row(c)));
    constexpr int block = 4096;
    cv::Mat products;
    for (int begin = 0; begin < points.rows; begin += block) {
        const int end = std::min(points.rows, begin + block);
        const cv::Mat rows = points.rowRange(begin, end);
        cv::gemm(rows, centers, 1.0, cv::noArray(), 0.0, products, cv::GEMM_2_T);
        for (int r = 0; r < end - begin; ++r) {
            const float *x = rows.ptr<float>(r);
            float norm = 0.0f;
            for (int j = 0; j < rows.cols; ++j)
                norm += x[j] * x[j];
            const float *dots = products.ptr<float>(r);
            const float *cn = centerNorms.ptr<float>();
            int best = 0;
            float bestDistance = std::numeric_limits<float>::max();
            for (int c = 0; c < k; ++c) {
                const float d = cn[c] - 2.0f * dots[c];
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            assignment[begin + r] = best;
            if (distance)
                distance[begin + r] = std::max(0.0f, bestDistance + norm);
        }
    }
}

float squaredDistance(const float *a, const float *b, int d)
{
    float sum = 0.0f;
    for (int j = 0; j < d; ++j) {
        const float diff = a[j] - b[j];
        sum += diff * diff;
    }
    return sum;
}

} // namespace

KMeansResult kmeans(const float *points, qsizetype n, int dimensions, int k, quint64 seed,
                    int iterations, qsizetype fitSample)
{
    KMeansResult result;
    k = int(std::min<qsizetype>(k, n));
    result.k = k;
    result.assignment.assign(size_t(n), 0);
    if (k <= 0 || dimensions <= 0)
        return result;
    std::mt19937_64 random(seed);
    const cv::Mat all(int(n), dimensions, CV_32F, const_cast<float *>(points));

    // The fitting sample: a seeded uniform subset.
    cv::Mat sample;
    if (n > fitSample) {
        std::vector<qsizetype> order(static_cast<size_t>(n));
        std::iota(order.begin(), order.end(), qsizetype(0));
        for (qsizetype i = 0; i < fitSample; ++i) {
            std::uniform_int_distribution<qsizetype> pick(i, n - 1);
            std::swap(order[size_t(i)], order[size_t(pick(random))]);
        }
        sample.create(int(fitSample), dimensions, CV_32F);
        for (qsizetype i = 0; i < fitSample; ++i)
            all.row(int(order[size_t(i)])).copyTo(sample.row(int(i)));
    } else {
        sample = all;
    }
    const int s = sample.rows;

    // k-means++ seeding: each next centre drawn with probability proportional to D^2.
    cv::Mat centers(k, dimensions, CV_32F);
    std::vector<float> nearest(size_t(s), std::numeric_limits<float>::max());
    std::uniform_int_distribution<int> first(0, s - 1);
    sample.row(first(random)).copyTo(centers.row(0));
    for (int c = 1; c < k; ++c) {
        const float *previous = centers.ptr<float>(c - 1);
        double total = 0;
        for (int i = 0; i < s; ++i) {
            nearest[size_t(i)]
                    = std::min(nearest[size_t(i)],
                               squaredDistance(sample.ptr<float>(i), previous, dimensions));
            total += nearest[size_t(i)];
        }
        std::uniform_real_distribution<double> draw(0.0, total);
        double target = draw(random);
        int chosen = s - 1;
        for (int i = 0; i < s; ++i) {
            target -= nearest[size_t(i)];
            if (target <= 0) {
                chosen = i;
                break;
            }
        }
        sample.row(chosen).copyTo(centers.row(c));
    }

    // Lloyd iterations on the sample.
    std::vector<qint32> labels(static_cast<size_t>(s));
    cv::Mat sums(k, dimensions, CV_64F);
    std::vector<int> counts(static_cast<size_t>(k));
    for (int iteration = 0; iteration < iterations; ++iteration) {
        assign(sample, centers, labels.data(), nullptr);
        sums.setTo(0);
        std::fill(counts.begin(), counts.end(), 0);
        for (int i = 0; i < s; ++i) {
            const int c = labels[size_t(i)];
            const float *x = sample.ptr<float>(i);
            double *sum = sums.ptr<double>(c);
            for (int j = 0; j < dimensions; ++j)
                sum[j] += x[j];
            ++counts[size_t(c)];
        }
        bool moved = false;
        for (int c = 0; c < k; ++c) {
            if (counts[size_t(c)] == 0)
                continue; // an empty cluster keeps its centre
            float *centre = centers.ptr<float>(c);
            const double *sum = sums.ptr<double>(c);
            for (int j = 0; j < dimensions; ++j) {
                const float updated = float(sum[j] / counts[size_t(c)]);
                moved = moved || std::abs(updated - centre[j]) > 1e-6f;
                centre[j] = updated;
            }
        }
        if (!moved)
            break;
    }
    assign(all, centers, result.assignment.data(), nullptr);
    result.centers.assign(centers.ptr<float>(), centers.ptr<float>() + k * dimensions);
    return result;
}

std::vector<qsizetype> selectByKMeans(const float *points, qsizetype n, int dimensions,
                                      const float *priority, int count, quint64 seed,
                                      const std::function<bool(qsizetype)> &accept)
{
    std::vector<qsizetype> chosen;
    if (count <= 0 || n == 0)
        return chosen;
    const auto clusters = kmeans(points, n, dimensions, count, seed);
    // Members of each cluster, best priority first; clusters visited by their best member.
    std::vector<qsizetype> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(),
                     [priority](qsizetype a, qsizetype b) { return priority[a] > priority[b]; });
    std::vector<std::vector<qsizetype>> members(size_t(clusters.k));
    std::vector<int> clusterOrder;
    for (const qsizetype i : order) {
        auto &list = members[size_t(clusters.assignment[size_t(i)])];
        if (list.empty())
            clusterOrder.push_back(clusters.assignment[size_t(i)]);
        list.push_back(i);
    }
    for (const int c : clusterOrder) {
        if (int(chosen.size()) >= count)
            break;
        for (const qsizetype i : members[size_t(c)]) {
            if (accept(i)) {
                chosen.push_back(i);
                break;
            }
        }
    }
    return chosen;
}

std::vector<qsizetype> selectCoreSet(const float *points, qsizetype n, int dimensions,
                                     const float *priority, int count,
                                     const std::function<bool(qsizetype)> &accept)
{
    std::vector<qsizetype> chosen;
    if (count <= 0 || n == 0)
        return chosen;
    std::vector<float> nearest(size_t(n), std::numeric_limits<float>::max());
    std::vector<quint8> refused(size_t(n), 0), taken(size_t(n), 0);
    // Start from the highest priority acceptable point.
    std::vector<qsizetype> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(),
                     [priority](qsizetype a, qsizetype b) { return priority[a] > priority[b]; });
    qsizetype next = -1;
    for (const qsizetype i : order) {
        if (accept(i)) {
            next = i;
            break;
        }
        refused[size_t(i)] = 1;
    }
    while (next >= 0) {
        chosen.push_back(next);
        taken[size_t(next)] = 1;
        if (int(chosen.size()) >= count)
            break;
        const float *centre = points + next * dimensions;
        for (qsizetype i = 0; i < n; ++i)
            nearest[size_t(i)]
                    = std::min(nearest[size_t(i)],
                               squaredDistance(points + i * dimensions, centre, dimensions));
        next = -1;
        // The farthest point not yet taken; ties go to the higher priority.
        for (;;) {
            qsizetype best = -1;
            for (const qsizetype i : order) {
                if (taken[size_t(i)] || refused[size_t(i)])
                    continue;
                if (best < 0 || nearest[size_t(i)] > nearest[size_t(best)])
                    best = i;
            }
            if (best < 0)
                break;
            if (accept(best)) {
                next = best;
                break;
            }
            refused[size_t(best)] = 1;
        }
    }
    return chosen;
}

} // namespace Boucle::Diversity
