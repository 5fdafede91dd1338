#include "controlsampler.h"

#include <algorithm>
#include <random>
#include <unordered_map>

namespace Boucle::Triggers {

std::vector<qsizetype> drawControl(const std::vector<qsizetype> &eligible, qsizetype count,
                                   quint64 seed)
{
    const auto n = qsizetype(eligible.size());
    count = std::clamp<qsizetype>(count, 0, n);
    std::mt19937_64 random(seed);
    // A partial Fisher-Yates shuffle: the first `count` entries are a uniform draw. Only the
    // entries it moves are remembered, so a draw of a few among a million copies nothing.
    std::unordered_map<qsizetype, qsizetype> moved;
    auto at = [&](qsizetype i) {
        const auto it = moved.find(i);
        return it == moved.end() ? eligible[size_t(i)] : it->second;
    };
    std::vector<qsizetype> drawn;
    drawn.reserve(size_t(count));
    for (qsizetype i = 0; i < count; ++i) {
        std::uniform_int_distribution<qsizetype> pick(i, n - 1);
        const qsizetype j = pick(random);
        const qsizetype first = at(i), second = at(j);
        moved[j] = first;
        drawn.push_back(second);
    }
    return drawn;
}

} // namespace Boucle::Triggers
