#include "imaging/voilut.h"

#include <algorithm>
#include <cmath>

namespace Boucle {

namespace {

size_t indexFor(const VoiLut &lut, double modalityValue)
{
    const double index = std::floor(modalityValue + 0.5) - lut.firstMapped;
    return size_t(std::clamp(index, 0.0, double(lut.entries.size() - 1)));
}

uchar greyOfEntry(quint16 entry, double top)
{
    return static_cast<uchar>(std::clamp(std::floor(entry * 255.0 / top + 0.5), 0.0, 255.0));
}

double topOf(const VoiLut &lut)
{
    return std::ldexp(1.0, std::clamp(lut.bitsPerEntry, 1, 16)) - 1.0;
}

} // namespace

quint16 VoiLut::entryFor(double modalityValue) const
{
    return entries.empty() ? 0 : entries[indexFor(*this, modalityValue)];
}

uchar VoiLut::greyFor(double modalityValue) const
{
    return greyOfEntry(entryFor(modalityValue), topOf(*this));
}

WindowLevel VoiLut::inputRange() const
{
    return WindowLevel::fromRange(firstMapped,
                                  firstMapped + double(std::max<size_t>(entries.size(), 1)) - 1.0);
}

WindowLevelTable VoiLut::greyTable(const ModalityMapping &mapping, bool monochrome1) const
{
    // Each entry's grey once, then one index a value: a 65536-entry LUT costs no more than two
    // passes over its table.
    std::vector<uchar> entryGreys(std::max<size_t>(entries.size(), 1), 0);
    const double top = topOf(*this);
    for (size_t i = 0; i < entries.size(); ++i) {
        const uchar grey = greyOfEntry(entries[i], top);
        entryGreys[i] = monochrome1 ? uchar(255 - grey) : grey;
    }
    std::vector<uchar> greys(65536, entryGreys.front());
    if (!entries.empty()) {
        for (int raw = 0; raw < 65536; ++raw)
            greys[size_t(raw)] = entryGreys[indexFor(*this, mapping.toModality(raw))];
    }
    return WindowLevelTable(std::move(greys), mapping.windowToRaw(inputRange()));
}

} // namespace Boucle
