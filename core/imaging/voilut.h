// VoiLut: a DICOM VOI LUT (the first item of the VOI LUT Sequence, 0028,3010), the curve a file
// gives instead of, or beside, a linear window to turn modality values (HU for CT) into the
// shades a screen shows. PS3.3 C.11.2: its input is the output of the modality transform; the
// first value mapped goes to the first entry, values below it to the first entry and values past
// the last to the last. greyTable() folds in how Boucle keeps values (signed offset by 32768,
// MONOCHROME1 inverted), so the curve sees the true modality value of each 16-bit value. Plain
// values and pure functions; any thread.
#pragma once

#include "imaging/modalitymapping.h"
#include "imaging/windowlevel.h"

#include <QString>

#include <vector>

namespace Boucle {

struct VoiLut
{
    double firstMapped = 0.0; // the modality value mapped to the first entry
    int bitsPerEntry = 16;    // the entries range over 0 … 2^bitsPerEntry − 1
    std::vector<quint16> entries;
    QString explanation; // LUT Explanation (0028,3003), may be empty

    bool isEmpty() const { return entries.empty(); }
    // The entry a modality value reads (rounded to the nearest whole input, then clamped).
    quint16 entryFor(double modalityValue) const;
    // The entry as a shade of 0 … 255 (0 the darkest the LUT can say, 255 the lightest).
    uchar greyFor(double modalityValue) const;
    // The linear window over modality values that spans the inputs the LUT covers.
    WindowLevel inputRange() const;

    // The display table over Boucle's 16-bit values: each value's modality value through
    // `mapping`, then the curve, then for MONOCHROME1 the inversion its photometric
    // interpretation asks for (low output light).
    WindowLevelTable greyTable(const ModalityMapping &mapping, bool monochrome1) const;
};

} // namespace Boucle
