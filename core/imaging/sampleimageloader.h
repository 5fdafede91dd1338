// SampleImageLoader: turns an image file into what the sample view draws: the decoded pixels in
// the display format (RGB32, or premultiplied ARGB32 when the image has alpha), EXIF orientation
// applied, with halved levels for zooming out, and for 16-bit grey images the raw values kept for
// window/level. A missing or undecodable file gives an error naming the file and the reason,
// never an exception. Stateless; call from worker threads (the GUI thread never decodes).
#pragma once

#include "imaging/windowlevel.h"

#include <QImage>
#include <QList>
#include <QString>

namespace Boucle {

struct DecodedImage
{
    QString path;
    QString error; // empty when decoded; otherwise a sentence naming the file and the reason
    QSize size;    // after EXIF orientation
    // Display images, level 0 = full size (see imagepyramid.h). For 16-bit grey sources level 0
    // is left null (mapped from grey16Levels[0] when a view needs it).
    QList<QImage> levels;
    QList<QImage> grey16Levels;  // the same levels as Format_Grayscale16 for 16-bit grey sources
    Grey16Statistics statistics; // of the 16-bit values (from a level of about a megapixel)
    WindowLevel window;          // the window the display levels were mapped with

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
    };

    static DecodedImage load(const QString &path) { return load(path, Options()); }
    static DecodedImage load(const QString &path, const Options &options);

    // Only the decoding: one image, oriented, in RGB32 / ARGB32_Premultiplied / Grayscale16.
    // On failure returns a null image and sets *error.
    static QImage decode(const QString &path, Decoder decoder, QString *error);
};

} // namespace Boucle
