#include "controlsampler.h"

#include <algorithm>
#include <random>

namespace Boucle::Triggers {

std::vector<qsizetype> drawControl(const std::vector<qsizetype> &eligible, qsizetype count,
                                   quint64 seed)
{
    std::vector<qsizetype> pool = eligible;
    const auto n = qsizetype(pool.size());
    count = std::clamp<qsizetype>(count, 0, n);
    std::mt19937_64 random(seed);
    // A partial Fisher-Yates shuffle: the first `count` entries are a uniform draw.
    for (qsizetype i = 0; i < count; ++i) {
        std::uniform_int_distribution<qsizetype> pick(i, n - 1);
        std::swap(pool[size_t(i)], pool[size_t(pick(random))]);
    }
    pool.resize(size_t(count));
    return pool;
}

} // namespace Boucle::Triggers
