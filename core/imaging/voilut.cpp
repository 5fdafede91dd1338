#include "imaging/voilut.h"

#include <algorithm>
#include <cmath>

namespace Boucle {

quint16 VoiLut::entryFor(double modalityValue) const
{
    if (entries.empty())
        return 0;
    const double index = std::floor(modalityValue + 0.5) - firstMapped;
    const double last = double(entries.size() - 1);
    return entries[size_t(std::clamp(index, 0.0, last))];
}

uchar VoiLut::greyFor(double modalityValue) const
{
    const double top = std::ldexp(1.0, std::clamp(bitsPerEntry, 1, 16)) - 1.0;
    const double grey = std::floor(entryFor(modalityValue) * 255.0 / top + 0.5);
    return static_cast<uchar>(std::clamp(grey, 0.0, 255.0));
}

WindowLevel VoiLut::inputRange() const
{
    return WindowLevel::fromRange(firstMapped,
                                  firstMapped + double(std::max<size_t>(entries.size(), 1)) - 1.0);
}

WindowLevelTable VoiLut::greyTable(const ModalityMapping &mapping, bool monochrome1) const
{
    std::vector<uchar> greys(65536);
    for (int raw = 0; raw < 65536; ++raw) {
        const uchar grey = greyFor(mapping.toModality(raw));
        greys[size_t(raw)] = monochrome1 ? uchar(255 - grey) : grey;
    }
    return WindowLevelTable(std::move(greys), mapping.windowToRaw(inputRange()));
}

} // namespace Boucle
