#include "imaging/heatmap.h"

#include "imaging/imageheader.h"
#include "imaging/imagelimits.h"
#include "imaging/npyarray.h"
#include "imaging/regularfile.h"

#include <QCoreApplication>
#include <QImageReader>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <limits>

namespace Boucle {

namespace {

void normalise(HeatmapField &field, HeatmapScaling scaling)
{
    float low = std::numeric_limits<float>::infinity();
    float high = -std::numeric_limits<float>::infinity();
    for (float value : std::as_const(field.values)) {
        if (std::isfinite(value)) {
            low = std::min(low, value);
            high = std::max(high, value);
        }
    }
    if (low > high) { // no finite value at all
        low = 0;
        high = 0;
    }
    field.rawMinimum = low;
    field.rawMaximum = high;
    const bool isProbability = low >= 0.0f && high <= 1.0f;
    const bool stretch = scaling == HeatmapScaling::MinMax
                         || (scaling == HeatmapScaling::Auto && !isProbability);
    const float offset = stretch ? low : 0.0f;
    const float scale = stretch ? (high > low ? 1.0f / (high - low) : 0.0f) : 1.0f;
    for (float &value : field.values) {
        if (!std::isfinite(value))
            value = std::numeric_limits<float>::quiet_NaN();
        else
            value = std::clamp((value - offset) * scale, 0.0f, 1.0f);
    }
}

} // namespace

HeatmapField HeatmapField::fromValues(QVector<float> values, QSize size, HeatmapScaling scaling)
{
    HeatmapField field;
    if (size.isEmpty() || values.size() != qsizetype(size.width()) * size.height()) {
        field.error = QCoreApplication::translate("Boucle::HeatmapField",
                                                  "The heatmap has %1 values for a %2 x %3 grid.")
                              .arg(values.size())
                              .arg(size.width())
                              .arg(size.height());
        return field;
    }
    field.size = size;
    field.values = std::move(values);
    normalise(field, scaling);
    return field;
}

HeatmapField HeatmapField::read(const QString &path, HeatmapScaling scaling, int frame)
{
    HeatmapField field;
    auto fail = [&field, &path](const QString &reason) {
        field.error = QCoreApplication::translate("Boucle::HeatmapField",
                                                  "Cannot read the heatmap %1: %2")
                              .arg(path, reason);
        return field;
    };
    field.path = path;
    RegularFile file;
    if (!file.open(path, ImageLimits::anyFileSize)) // sizes are checked once the kind is known
        return fail(file.reason());
    // The content decides, not the name: a .npy starts with its magic string.
    const bool isNpy
            = file.device()->peek(6) == QByteArray("\x93NUMPY", 6)
              || (file.size() < 6 && path.endsWith(QLatin1String(".npy"), Qt::CaseInsensitive));
    if (isNpy) {
        file.device()->close();
        NpyArray array = NpyArray::read(path, frame);
        if (!array.isValid()) {
            field.error = array.error;
        } else {
            const QSize size(array.columns, array.rows);
            field = fromValues(std::move(array.values), size, scaling);
            field.frames = array.planes;
            field.frame = array.plane;
        }
        field.path = path;
        return field;
    }

    if (file.size() > ImageLimits::maxHeatmapImageFileBytes)
        return fail(
                RegularFile::tooLargeReason(file.size(), ImageLimits::maxHeatmapImageFileBytes));
    ImageLimits::applyToQt();
    const ImageHeader header = ImageHeader::read(file.device());
    if (!header.qtReads) {
        return fail(header.isRecognised()
                            ? QCoreApplication::translate(
                                      "Boucle::HeatmapField",
                                      "a heatmap must be a PNG or a .npy array, this is %1")
                                      .arg(QString::fromLatin1(header.format).toUpper())
                            : QCoreApplication::translate(
                                    "Boucle::HeatmapField",
                                    "it is neither a .npy array nor an image Boucle reads"));
    }
    if (const QString tooLarge = ImageLimits::checkHeatmap(path, header.size); !tooLarge.isEmpty())
        return fail(tooLarge);
    QImageReader reader(file.device());
    reader.setDecideFormatFromContent(true);
    QImage image = reader.read();
    if (image.isNull())
        return fail(reader.errorString());
    QVector<float> values(qsizetype(image.width()) * image.height());
    if (image.format() == QImage::Format_Grayscale16) {
        for (int y = 0; y < image.height(); ++y) {
            const auto *line = reinterpret_cast<const quint16 *>(image.constScanLine(y));
            for (int x = 0; x < image.width(); ++x)
                values[qsizetype(y) * image.width() + x] = line[x] / 65535.0f;
        }
    } else {
        if (!image.isGrayscale()) {
            field.error
                    = QCoreApplication::translate(
                              "Boucle::HeatmapField",
                              "Cannot read the heatmap %1: a heatmap image must be grey, this one "
                              "has colours")
                              .arg(path);
            return field;
        }
        image = image.convertToFormat(QImage::Format_Grayscale8);
        for (int y = 0; y < image.height(); ++y) {
            const uchar *line = image.constScanLine(y);
            for (int x = 0; x < image.width(); ++x)
                values[qsizetype(y) * image.width() + x] = line[x] / 255.0f;
        }
    }
    // PNG values are already a fraction of the full scale; only MinMax stretches them.
    field = fromValues(std::move(values), image.size(),
                       scaling == HeatmapScaling::MinMax ? scaling : HeatmapScaling::Clamp);
    field.path = path;
    return field;
}

qint64 ColouredHeatmap::byteCount() const
{
    qint64 bytes = field.values.size() * qint64(sizeof(float));
    for (const QImage &level : levels)
        bytes += level.sizeInBytes();
    return bytes;
}

namespace {

// The field as 8-bit indices into a heatmap table: [0, 1] → 1..255, NaN → 0 (transparent).
cv::Mat heatmapIndices(const HeatmapField &field)
{
    const cv::Mat source(field.size.height(), field.size.width(), CV_32FC1,
                         const_cast<float *>(field.values.constData()));
    cv::Mat patched = source.clone();
    cv::patchNaNs(patched, -1.0); // -1 saturates to index 0
    cv::Mat indices;
    patched.convertTo(indices, CV_8UC1, 254.0, 1.0);
    return indices;
}

QImage colourIndices(const cv::Mat &indices, const std::array<QRgb, 256> &table, QSize size)
{
    cv::Mat sized = indices;
    if (indices.cols != size.width() || indices.rows != size.height()) {
        // Resizing the 8-bit indices (fixed-point SIMD in OpenCV) rather than floats is several
        // times faster; the colour ramp is linear in the index, so this is exact except at the
        // edge of "no value" areas. Area averaging when shrinking avoids aliasing.
        const bool shrinking = size.width() < indices.cols && size.height() < indices.rows;
        cv::resize(indices, sized, cv::Size(size.width(), size.height()), 0, 0,
                   shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
    }
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < size.height(); ++y) {
        const uchar *in = sized.ptr<uchar>(y);
        auto *out = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x)
            out[x] = table[in[x]];
    }
    return image;
}

} // namespace

QImage colourHeatmapImage(const HeatmapField &field, const std::array<QRgb, 256> &table, QSize size)
{
    if (!field.isValid() || size.isEmpty())
        return {};
    return colourIndices(heatmapIndices(field), table, size);
}

ColouredHeatmap colourHeatmap(const HeatmapField &field, ColourMap map,
                              const QList<QSize> &levelSizes, bool fadeLowValues)
{
    ColouredHeatmap coloured;
    coloured.field = field;
    coloured.colourMap = map;
    coloured.fadeLowValues = fadeLowValues;
    if (levelSizes.isEmpty())
        return coloured;
    coloured.sampleSize = levelSizes.first();
    if (!field.isValid())
        return coloured;
    const auto table = heatmapTable(map, fadeLowValues);
    const cv::Mat indices = heatmapIndices(field);
    for (int i = 0; i < levelSizes.size(); ++i) {
        const QSize size = levelSizes[i];
        const bool muchFinerThanField
                = size.width() > 2 * field.size.width() && size.height() > 2 * field.size.height();
        if (i == 0 && levelSizes.size() > 1 && muchFinerThanField) {
            coloured.levels.append(QImage()); // drawn from level 1
            continue;
        }
        coloured.levels.append(colourIndices(indices, table, size));
    }
    return coloured;
}

} // namespace Boucle
