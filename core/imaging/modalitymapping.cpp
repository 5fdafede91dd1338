#include "imaging/modalitymapping.h"

#include <algorithm>

namespace Boucle {

WindowLevel ModalityMapping::windowToRaw(const WindowLevel &window) const
{
    if (slope == 0.0)
        return window;
    const double a = toRaw(window.lower());
    const double b = toRaw(window.upper());
    return WindowLevel::fromRange(std::min(a, b), std::max(a, b));
}

WindowLevel ModalityMapping::windowToModality(const WindowLevel &rawWindow) const
{
    const double a = toModality(rawWindow.lower());
    const double b = toModality(rawWindow.upper());
    return WindowLevel::fromRange(std::min(a, b), std::max(a, b));
}

bool ctPresetInHounsfield(WindowPreset preset, WindowLevel *window)
{
    // The same figures as windowForPreset, which adds 1024 to the centre.
    constexpr double ctOffset = 1024.0;
    switch (preset) {
    case WindowPreset::CtSoftTissue:
    case WindowPreset::CtBone:
    case WindowPreset::CtLung: {
        const WindowLevel raw = windowForPreset(preset, Grey16Statistics());
        *window = WindowLevel {raw.centre - ctOffset, raw.width};
        return true;
    }
    case WindowPreset::FullRange:
    case WindowPreset::DataRange:
    case WindowPreset::Auto:
        break;
    }
    return false;
}

WindowLevel windowForPreset(WindowPreset preset, const Grey16Statistics &statistics,
                            const ModalityMapping &mapping)
{
    WindowLevel hounsfield;
    if (mapping.isHounsfield() && ctPresetInHounsfield(preset, &hounsfield))
        return mapping.windowToRaw(hounsfield);
    return windowForPreset(preset, statistics);
}

} // namespace Boucle
