// SampleImageLoader: turns an image file into what the sample view draws: the decoded pixels in
// the display format (RGB32, or premultiplied ARGB32 when the image has alpha), with its EXIF
// orientation as a transform the view applies when painting (turning a 4096-pixel image on the
// worker costs as much as decoding it again), with halved levels for zooming out, and for 16-bit
// grey images the raw values kept for window/level. A missing or undecodable file gives an error
// naming the file and the reason, never an exception; so does a file that is not a regular file
// (a pipe is never opened) or whose header claims more than ImageLimits allows (nothing is
// allocated for it). A DICOM file (told by its "DICM" marker, whatever its name) is decoded
// through DCMTK into the same 16-bit grey levels, with what its values mean (the modality
// mapping) and the window it suggests; a DICOMDIR shows its series. Stateless; call from worker
// threads (the GUI thread never decodes).
#pragma once

#include "imaging/modalitymapping.h"
#include "imaging/windowlevel.h"

#include <QImage>
#include <QImageIOHandler>
#include <QList>
#include <QString>
#include <QTransform>

#include <atomic>
#include <memory>
#include <optional>

namespace Boucle {

class DicomSeries;

struct DecodedImage
{
    QString path;
    QString error;    // empty when decoded; otherwise a sentence naming the file and the reason
    QSize size;       // after EXIF orientation: the sample's own coordinates
    QSize storedSize; // the pixels as stored in the file, which is what the levels hold
    // Maps stored pixel coordinates (level 0) to the sample's coordinates; identity when the
    // file carries no orientation or the decoder applied it already.
    QTransform orientation;
    // Display images, level 0 = full size (see imagepyramid.h). For 16-bit grey sources level 0
    // is left null (mapped from grey16Levels[0] when a view needs it).
    QList<QImage> levels;
    QList<QImage> grey16Levels;  // the same levels as Format_Grayscale16 for 16-bit grey sources
    Grey16Statistics statistics; // of the 16-bit values (from a level of about a megapixel)
    WindowLevel window;          // the window the display levels were mapped with

    // What the 16-bit values mean: for DICOM, value = raw * slope + intercept in the modality's
    // unit (HU for CT); the identity, without unit, for other images.
    ModalityMapping modality;
    bool monochrome1 = false; // a DICOM MONOCHROME1 image; its 16-bit values are kept inverted
    // The window the file suggests (DICOM Window Center/Width, the first of several), over the
    // 16-bit values, and its explanation ("LUNG"); none for files without one.
    std::optional<WindowLevel> fileWindow;
    QString fileWindowExplanation;
    // The file's VOI LUT as a display table (a curve), when it gives a usable one, and its
    // explanation; a LUT that cannot be used leaves a sentence naming the file and the attribute
    // in voiLutProblem, and the file's window (if any) stands. fileWindow is then the band of
    // values the curve covers.
    std::shared_ptr<const WindowLevelTable> fileCurve;
    QString fileCurveExplanation;
    QString voiLutProblem;
    // The display levels went through fileCurve rather than through `window`.
    bool mappedWithFileCurve = false;
    int frameIndex = 0; // which frame or slice of a multi-frame DICOM file or series, from 0
    int frameCount = 1;
    // Set when the frame asked for (Options::frame) lies beyond the last: the sentence says so,
    // and the first frame is what was decoded.
    QString frameProblem;

    bool isValid() const { return error.isEmpty() && !levels.isEmpty(); }
    bool hasWindowLevel() const { return !grey16Levels.isEmpty(); }
    qint64 byteCount() const;
};

class SampleImageLoader
{
public:
    enum class Decoder {
        Auto,   // Qt's readers where they exist (JPEG, PNG, BMP, PNM, GIF), OpenCV for the rest
        Qt,     // QImageReader with auto-transform
        OpenCv, // cv::imdecode over the mapped file, converted straight into the QImage buffer
    };

    struct Options
    {
        Decoder decoder = Decoder::Auto;
        bool buildLevels = true;
        WindowPreset initialWindow = WindowPreset::Auto;
        // Checked before the pixels are decoded: a request that left the window costs no decode.
        const std::atomic<bool> *cancelled = nullptr;
        // The frame of a multi-frame DICOM file, or the slice of a DICOMDIR's series (from 0).
        int frame = 0;
        // The initial window of a DICOM image that suggests one: its own (its VOI LUT's curve
        // when it has one) when initialWindow is Auto and this is set; a preset or Auto otherwise.
        bool preferFileWindow = true;
    };

    static DecodedImage load(const QString &path) { return load(path, Options()); }
    static DecodedImage load(const QString &path, const Options &options);
    // Slice `slice` of a DICOM series (see dicomseries.h), for slice navigation; path is the
    // series' path and frameIndex/frameCount say where the slice lies.
    static DecodedImage loadSlice(const DicomSeries &series, int slice, const Options &options);

    // Only the decoding: one image, oriented, in RGB32 / ARGB32_Premultiplied / Grayscale16.
    // On failure returns a null image and sets *error.
    static QImage decode(const QString &path, Decoder decoder, QString *error);
    // The image as stored, and in *orientation what turns it upright (the Qt decoder leaves the
    // turning to the caller; the OpenCV decoder applies it and reports none).
    static QImage decodeStored(const QString &path, Decoder decoder,
                               QImageIOHandler::Transformations *orientation, QString *error);
    // A thumbnail that fits `box`, under the same limits (JPEG is decoded at a reduced scale).
    // When `cancelled` is set before the pixels are decoded, returns a null image and no error.
    static QImage decodeThumbnail(const QString &path, QSize box, QString *error,
                                  const std::atomic<bool> *cancelled = nullptr);
    // The transform that applies `orientation` to an image of `storedSize`, as Qt's reader does.
    static QTransform orientationTransform(QImageIOHandler::Transformations orientation,
                                           QSize storedSize);

private:
    static DecodedImage loadDicom(const QString &path, const Options &options);
    // Every decode goes through here: a regular file of at most ImageLimits::maxFileBytes, its
    // header read by content and checked against ImageLimits before any pixel is allocated.
    static QImage decodeBounded(const QString &path, Decoder decoder,
                                QImageIOHandler::Transformations *orientation,
                                const std::atomic<bool> *cancelled, QSize thumbnailBox,
                                QString *error);
};

} // namespace Boucle
