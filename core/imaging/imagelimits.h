// ImageLimits: how large an image or a heatmap Boucle agrees to decode, checked from the file's
// header before any pixel buffer is allocated, so that a small file claiming a huge image (a
// 3 MB PNG of 16384 x 16384 pixels) is refused instead of exhausting memory. The caps leave
// room for legitimate samples and keep the peak of the largest one allowed under 600 MB: 16-bit
// grey scans up to 11k x 11k (121 megapixels, 242 MiB) and colour images up to 100 megapixels
// open.
// Constants and pure functions; any thread.
#pragma once

#include <QSize>
#include <QString>

#include <limits>

namespace Boucle::ImageLimits {

// Images: at most 128 megapixels and at most 400 MiB decoded, counting the 4 bytes a pixel
// takes on screen (16-bit grey keeps 2): so 128 megapixels of 16-bit grey, 104 of colour or
// 8-bit grey, 52 of 16-bit colour (8 bytes a pixel as decoded). From a file of at most 256 MiB
// (an uncompressed 8192 x 8192 RGB TIFF is 192 MiB).
constexpr qint64 maxPixels = 128'000'000;
constexpr qint64 maxDecodedBytes = 400ll * 1024 * 1024;
constexpr qint64 maxFileBytes = 256ll * 1024 * 1024;

// Heatmaps: at most 4096 x 4096 values (64 MiB as floats). A heatmap is drawn over the sample;
// finer maps show no more detail and cost as much memory as the image itself.
constexpr qint64 maxHeatmapValues = 4096ll * 4096;
// The largest heatmap image file (a 4096 x 4096 16-bit PNG is at most 32 MiB). A .npy heatmap
// is opened whatever its size: only its header and then the values of its checked shape (at most
// maxHeatmapValues of 8 bytes) are read, never what follows.
constexpr qint64 maxHeatmapImageFileBytes = 64ll * 1024 * 1024;
constexpr qint64 anyFileSize = std::numeric_limits<qint64>::max();

// Sets Qt's image allocation limit to maxPixels (Qt counts 4 bytes a pixel), once per process:
// QImageReader then refuses any larger image even where a header check missed it. Called by
// every decoder. (OpenCV's CV_IO_MAX_IMAGE_PIXELS cannot be set from inside the process: OpenCV
// reads it once when its library loads, before main(); the header check is the fence there.)
void applyToQt();

// Empty when an image of `size` whose decoded pixels take `bytesPerPixel` each may be decoded;
// otherwise the reason, naming the file's name (not its folder): "image.png is 25000 x 25000
// pixels (625 megapixels); Boucle opens images up to 128 megapixels".
QString checkImage(const QString &fileName, QSize size, int bytesPerPixel);
// The same for a heatmap of `size` values.
QString checkHeatmap(const QString &fileName, QSize size);

} // namespace Boucle::ImageLimits
