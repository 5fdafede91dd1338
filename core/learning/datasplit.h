// DataSplit: reproducible, stratified ways of dividing a data set: a held-out test split, and an
// order of the remaining samples that interleaves the classes (so that the first k samples of
// it are a stratified labelled seed). Stateless; any thread.
#pragma once

#include <random>
#include <vector>

namespace Boucle {

struct DataSplit
{
    std::vector<int> test; // indices into the data set, ascending
    std::vector<int> pool; // the rest, in class-interleaved random order

    // Each class gives round(fraction x its size) samples to the test split.
    static DataSplit stratified(const std::vector<int> &labels, int classCount, double testFraction,
                                std::mt19937 &random);
    // `indices` reordered so that classes alternate: the first of each class (in random order),
    // then the second of each class, and so on.
    static std::vector<int> interleaveClasses(const std::vector<int> &indices,
                                              const std::vector<int> &labels, int classCount,
                                              std::mt19937 &random);
};

} // namespace Boucle
