#include "labelledsamples.h"

namespace Boucle {

LabelledSamples LabelledSamples::subset(const std::vector<int> &indices) const
{
    LabelledSamples result;
    result.name = name;
    result.classes = classes;
    result.labels.reserve(indices.size());
    if (hasImages())
        result.images.reserve(indices.size());
    if (!raw.empty())
        result.raw.create(static_cast<int>(indices.size()), raw.cols, raw.type());
    for (std::size_t i = 0; i < indices.size(); ++i) {
        const int index = indices[i];
        result.labels.push_back(labels[static_cast<std::size_t>(index)]);
        if (hasImages())
            result.images.push_back(images[static_cast<std::size_t>(index)]);
        if (!raw.empty())
            raw.row(index).copyTo(result.raw.row(static_cast<int>(i)));
    }
    return result;
}

} // namespace Boucle
