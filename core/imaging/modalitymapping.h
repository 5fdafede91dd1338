// ModalityMapping: what a 16-bit grey value that Boucle keeps (a Format_Grayscale16 pixel, "raw")
// means in the units of the modality, e.g. Hounsfield units for CT: value = raw * slope +
// intercept. A DICOM file's rescale slope and intercept, its signed storage (kept offset by
// 32768 so that it fits 0..65535) and MONOCHROME1 (kept inverted) all fold into this one linear
// function, so that a window in HU and a pixel read-out convert the same way for every file.
// Images without such metadata (16-bit PNG, TIFF) have the identity and no unit.
// Plain values and pure functions; any thread.
#pragma once

#include "imaging/windowlevel.h"

#include <QString>

namespace Boucle {

struct ModalityMapping
{
    double slope = 1.0;
    double intercept = 0.0;
    QString unit; // "HU" for CT; empty when the values have no known unit

    bool isIdentity() const { return slope == 1.0 && intercept == 0.0 && unit.isEmpty(); }
    bool isHounsfield() const { return unit == QLatin1String("HU"); }
    bool operator==(const ModalityMapping &other) const = default;

    // The value in modality units of a raw value, and back (not rounded).
    double toModality(double raw) const { return raw * slope + intercept; }
    double toRaw(double value) const { return (value - intercept) / slope; }

    // A window given in modality units (the centre and width a DICOM file or a CT preset
    // states) as the window over raw values that shows the same band; and back. The band's
    // ends are mapped, so a negative slope (a MONOCHROME1 image) still gives a positive width.
    WindowLevel windowToRaw(const WindowLevel &window) const;
    WindowLevel windowToModality(const WindowLevel &rawWindow) const;
};

// The preset's window over raw values. With a mapping in Hounsfield units the CT presets are
// taken in HU through the mapping; otherwise as windowForPreset(preset, statistics) does, which
// assumes raw = HU + 1024 for them.
WindowLevel windowForPreset(WindowPreset preset, const Grey16Statistics &statistics,
                            const ModalityMapping &mapping);

// The CT presets in Hounsfield units (centre, width), as windowPresetName states them; an
// invalid preset for the others.
bool ctPresetInHounsfield(WindowPreset preset, WindowLevel *window);

} // namespace Boucle
