// DicomHeader: what a DICOM file says about its image, read without decoding a pixel: its size,
// frames and pixel layout, the rescale to modality units, the window it suggests, where the slice
// lies in the patient, which series it belongs to and how its pixels are encoded. Import probes
// files with it, a series is indexed with it, and the frame decoder checks it before it
// allocates anything. A file that is not DICOM, or lacks or garbles an attribute the image needs,
// gives an error naming the file and the attribute. Plain values; read() from any thread.
#pragma once

#include "imaging/modalitymapping.h"
#include "imaging/voilut.h"

#include <QByteArray>
#include <QSize>
#include <QString>

#include <array>
#include <optional>

namespace Boucle {

struct DicomHeader
{
    QString path;

    // Image Pixel module.
    int rows = 0;
    int columns = 0;
    int frames = 1;          // Number of Frames, 1 when absent
    int samplesPerPixel = 1; // as stored: 1 for grey and PALETTE COLOR, 3 for RGB and YBR
    int bitsAllocated = 0;
    int bitsStored = 0;
    int highBit = 0;
    bool pixelSigned = false; // Pixel Representation 1
    int planarConfiguration = 0;
    QString photometric; // "MONOCHROME2", "MONOCHROME1", "RGB", "YBR_FULL", …

    // Modality LUT and VOI LUT modules (the first window when the file lists several).
    double rescaleSlope = 1.0;
    double rescaleIntercept = 0.0;
    QString rescaleType;
    bool hasModalityLutSequence = false; // a non-linear modality LUT, not applied
    std::optional<double> windowCentre;
    std::optional<double> windowWidth;
    QString windowExplanation;
    int windowCount = 0;
    // The first item of the VOI LUT Sequence (0028,3010), when it is whole and consistent. A LUT
    // that is not leaves this empty and says why in voiLutProblem (a sentence naming the file and
    // the attribute, for the view to show); the file's window, if any, then stands.
    std::optional<VoiLut> voiLut;
    QString voiLutProblem;

    // Identity and geometry.
    QString modality;
    QString sopClassUid;
    QString sopInstanceUid;
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString seriesDescription;
    std::optional<int> instanceNumber;
    std::optional<std::array<double, 3>> imagePosition;    // Image Position (Patient), mm
    std::optional<std::array<double, 6>> imageOrientation; // row and column direction cosines
    std::optional<double> sliceLocation;
    std::optional<std::array<double, 2>> pixelSpacing; // row spacing, column spacing, mm

    QString transferSyntaxUid;
    QString transferSyntaxName;
    QString burnedInAnnotation; // "YES", "NO" or empty when the file does not say
    bool isDicomDir = false;    // a DICOMDIR (Media Storage Directory): no image of its own

    bool isGrey() const { return photometric.startsWith(QLatin1String("MONOCHROME")); }
    bool isMonochrome1() const { return photometric == QLatin1String("MONOCHROME1"); }
    bool isCompressed() const;
    QSize size() const { return QSize(columns, rows); }
    // Bytes one decoded pixel takes in Boucle (16-bit grey, or 32-bit RGB).
    int decodedBytesPerPixel() const { return isGrey() ? 2 : 4; }

    // How Boucle's 16-bit values of this file's grey frames map to modality units: signed values
    // are kept offset by 32768, MONOCHROME1 is kept inverted, then the rescale applies; the unit
    // is HU for CT (or when Rescale Type says so).
    ModalityMapping modalityMapping() const;
    // The file's own window over Boucle's 16-bit values: its Window Center/Width, else the band
    // of inputs its VOI LUT covers; none when it has neither.
    std::optional<WindowLevel> defaultWindow() const;
    // The display table through the file's VOI LUT (see VoiLut::greyTable); none without one.
    std::optional<WindowLevelTable> voiLutTable() const;
    // The direction along which slices follow each other (row × column direction cosines);
    // none without an orientation.
    std::optional<std::array<double, 3>> sliceNormal() const;

    // Reads the header of the DICOM file at `path` (a Part 10 file: "DICM" at byte 128). On
    // failure returns nullopt and sets *error to a sentence naming the file and the attribute.
    // A DICOMDIR reads successfully with isDicomDir set and no image attributes checked.
    static std::optional<DicomHeader> read(const QString &path, QString *error);

    // True when `head`, the first bytes of a file (at least 132), carries the Part 10 marker.
    static bool hasDicomMarker(const QByteArray &head);
    static constexpr int markerEnd = 132;
};

} // namespace Boucle
