// Vectors indexed by a row id (ids are dense from 1): grown on demand by half again, read with a
// fallback for ids never stored. The review history is kept this way, written by the store and
// read by metrics. Header only; plain std::vector.
#pragma once

#include <QtGlobal>

#include <algorithm>
#include <vector>

namespace Boucle::RowIndexed {

template<typename T>
void growTo(std::vector<T> &vector, qint64 index, T fill)
{
    if (index >= qint64(vector.size()))
        vector.resize(size_t(std::max<qint64>(index + 1, qint64(vector.size()) * 3 / 2)), fill);
}

template<typename T>
T valueAt(const std::vector<T> &vector, qint64 index, T fallback)
{
    return index >= 0 && index < qint64(vector.size()) ? vector[size_t(index)] : fallback;
}

} // namespace Boucle::RowIndexed
