// Diversity among the top candidates of a batch, over their embeddings, so that a batch does not
// spend its slots on twenty near-copies of one image:
//  - k-means: k-means++ seeding and Lloyd iterations (on a seeded subsample when there are many
//    points), every point assigned to its nearest centre, then the highest-priority acceptable
//    point of each cluster;
//  - greedy core-set: start from the highest priority, then repeatedly take the point farthest
//    from everything taken so far.
// Pure functions over row-major float arrays; any thread.
#pragma once

#include <QtGlobal>

#include <functional>
#include <vector>

namespace Boucle::Diversity {

struct KMeansResult
{
    int k = 0;
    std::vector<float> centers;     // k x dimensions
    std::vector<qint32> assignment; // per point
};

// points: n x dimensions. fitSample bounds the points used to place the centres.
KMeansResult kmeans(const float *points, qsizetype n, int dimensions, int k, quint64 seed,
                    int iterations = 10, qsizetype fitSample = 20000);

// Returns up to `count` indices of points; `accept(i)` may refuse a point (a full class quota)
// and is called once for each point taken. Higher priority wins ties inside a cluster.
std::vector<qsizetype> selectByKMeans(const float *points, qsizetype n, int dimensions,
                                      const float *priority, int count, quint64 seed,
                                      const std::function<bool(qsizetype)> &accept);
std::vector<qsizetype> selectCoreSet(const float *points, qsizetype n, int dimensions,
                                     const float *priority, int count,
                                     const std::function<bool(qsizetype)> &accept);

} // namespace Boucle::Diversity
