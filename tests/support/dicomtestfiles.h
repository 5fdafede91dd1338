// DICOM files for the DICOM suites and bench_dicom, written through DCMTK the way a scanner or a
// PACS export would: grey (8/12/16-bit, signed or not, with rescale, window and VOI LUT) or RGB,
// one frame or several, native or compressed (JPEG lossless and baseline, JPEG-LS, RLE), and the
// broken ones (attributes missing, pixel data short). Also a DICOMDIR over files of a folder.
#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

namespace Boucle::Testing {

struct DicomTestImage
{
    enum class Encoding { Native, JpegLossless, JpegLs, Rle, JpegBaseline };

    int rows = 4;
    int columns = 4;
    int frames = 1;
    int bitsAllocated = 16;
    int bitsStored = 16;
    int highBit = 15;
    bool pixelSigned = false;
    QString photometric = QStringLiteral("MONOCHROME2");
    // The stored words, frame after frame, rows × columns × frames of them (signed values as
    // their two's complement bits). For RGB: 3 bytes a pixel (R, G, B) in `rgb` instead.
    std::vector<quint16> grey;
    std::vector<quint8> rgb;

    std::optional<double> rescaleSlope;
    std::optional<double> rescaleIntercept;
    QString rescaleType;
    std::optional<double> windowCentre;
    std::optional<double> windowWidth;
    QString windowExplanation;
    // A VOI LUT Sequence (0028,3010) of one item: LUT Descriptor (entries as written, 0 for
    // 65536; first value mapped, written as its 16 bits; bits an entry), LUT Data and LUT
    // Explanation.
    struct VoiLut
    {
        quint16 entries = 0;
        int firstMapped = 0;
        quint16 bitsPerEntry = 16;
        std::vector<quint16> data;
        QString explanation;
        bool dataAsOw = true; // LUT Data as OW, else as US
    };
    std::optional<VoiLut> voiLut;
    QString modality = QStringLiteral("CT");
    QString seriesInstanceUid; // a new one when empty
    std::optional<int> instanceNumber;
    std::optional<std::array<double, 3>> imagePosition;
    std::array<double, 6> imageOrientation = {1, 0, 0, 0, 1, 0};
    QString burnedInAnnotation;
    Encoding encoding = Encoding::Native;
    // As an enhanced multi-frame image writes them: the rescale and the window in the shared
    // functional groups instead of at the top of the data set.
    bool functionalGroups = false;

    // Broken files.
    bool omitRows = false;
    int pixelWordsDropped = 0; // the pixel data holds this many words (or bytes) fewer

    // rows × columns × frames words of value 0, to fill in.
    void allocate() { grey.assign(size_t(rows) * size_t(columns) * size_t(frames), 0); }
    quint16 &at(int frame, int x, int y)
    {
        return grey[(size_t(frame) * size_t(rows) + size_t(y)) * size_t(columns) + size_t(x)];
    }
};

// Writes `image` to `path` as a DICOM Part 10 file. Empty on success, else what failed.
QString writeDicomFile(const QString &path, const DicomTestImage &image);

// Writes a DICOMDIR at `folder`/DICOMDIR listing `fileNames` (files of `folder` whose names are
// valid DICOM file IDs: up to 8 capitals or digits). Empty on success, else what failed.
QString writeDicomDir(const QString &folder, const QStringList &fileNames);

// A new UID under DCMTK's root.
QString newDicomUid();

} // namespace Boucle::Testing
