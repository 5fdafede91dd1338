#include "datasplit.h"

#include <algorithm>
#include <cmath>

namespace Boucle {

DataSplit DataSplit::stratified(const std::vector<int> &labels, int classCount, double testFraction,
                                std::mt19937 &random)
{
    std::vector<std::vector<int>> byClass(static_cast<std::size_t>(classCount));
    for (std::size_t i = 0; i < labels.size(); ++i)
        byClass[static_cast<std::size_t>(labels[i])].push_back(static_cast<int>(i));
    DataSplit split;
    std::vector<int> rest;
    for (auto &members : byClass) {
        std::shuffle(members.begin(), members.end(), random);
        const auto testCount = static_cast<std::size_t>(
                std::lround(testFraction * static_cast<double>(members.size())));
        split.test.insert(split.test.end(), members.begin(),
                          members.begin() + static_cast<std::ptrdiff_t>(testCount));
        rest.insert(rest.end(), members.begin() + static_cast<std::ptrdiff_t>(testCount),
                    members.end());
    }
    std::sort(split.test.begin(), split.test.end());
    std::sort(rest.begin(), rest.end());
    split.pool = interleaveClasses(rest, labels, classCount, random);
    return split;
}

std::vector<int> DataSplit::interleaveClasses(const std::vector<int> &indices,
                                              const std::vector<int> &labels, int classCount,
                                              std::mt19937 &random)
{
    std::vector<int> shuffled = indices;
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    std::vector<int> rankInClass(shuffled.size());
    std::vector<int> seen(static_cast<std::size_t>(classCount), 0);
    for (std::size_t i = 0; i < shuffled.size(); ++i)
        rankInClass[i]
                = seen[static_cast<std::size_t>(labels[static_cast<std::size_t>(shuffled[i])])]++;
    std::vector<std::size_t> order(shuffled.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&rankInClass](std::size_t a, std::size_t b) {
        return rankInClass[a] < rankInClass[b];
    });
    std::vector<int> result;
    result.reserve(shuffled.size());
    for (const std::size_t position : order)
        result.push_back(shuffled[position]);
    return result;
}

} // namespace Boucle
