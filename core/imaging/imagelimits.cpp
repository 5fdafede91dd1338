#include "imaging/imagelimits.h"

#include "imaging/regularfile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImageReader>

#include <mutex>

namespace Boucle::ImageLimits {

void applyToQt()
{
    static std::once_flag once;
    // Qt counts 4 bytes a pixel whatever the format (it assumes a later conversion to 32 bits),
    // so its limit is in effect a pixel count: set it to maxPixels.
    constexpr qint64 mebibyte = 1024 * 1024;
    std::call_once(once, [] {
        QImageReader::setAllocationLimit(int((maxPixels * 4 + mebibyte - 1) / mebibyte));
    });
}

QString checkImage(const QString &fileName, QSize size, int bytesPerPixel)
{
    const QString name = QFileInfo(fileName).fileName();
    if (size.width() <= 0 || size.height() <= 0)
        return QCoreApplication::translate("Boucle::ImageLimits",
                                           "%1 declares an empty size (%2 x %3 pixels)")
                .arg(name)
                .arg(size.width())
                .arg(size.height());
    const qint64 pixels = qint64(size.width()) * size.height();
    if (pixels > maxPixels)
        return QCoreApplication::translate(
                       "Boucle::ImageLimits",
                       "%1 is %2 x %3 pixels (%4 megapixels); Boucle opens images up to %5 "
                       "megapixels")
                .arg(name)
                .arg(size.width())
                .arg(size.height())
                .arg(double(pixels) / 1e6, 0, 'f', 0)
                .arg(maxPixels / 1'000'000);
    const qint64 bytes = pixels * std::max(1, bytesPerPixel);
    if (bytes > maxDecodedBytes)
        return QCoreApplication::translate(
                       "Boucle::ImageLimits",
                       "%1 is %2 x %3 pixels of %4 bytes each, %5 once decoded; Boucle decodes "
                       "images up to %6")
                .arg(name)
                .arg(size.width())
                .arg(size.height())
                .arg(bytesPerPixel)
                .arg(RegularFile::describeBytes(bytes),
                     RegularFile::describeBytes(maxDecodedBytes));
    return {};
}

QString checkHeatmap(const QString &fileName, QSize size)
{
    const QString name = QFileInfo(fileName).fileName();
    const qint64 values = qint64(std::max(0, size.width())) * std::max(0, size.height());
    if (values <= maxHeatmapValues)
        return {};
    return QCoreApplication::translate("Boucle::ImageLimits",
                                       "%1 is %2 x %3 values; Boucle shows heatmaps up to %4 "
                                       "million values (4096 x 4096)")
            .arg(name)
            .arg(size.width())
            .arg(size.height())
            .arg(double(maxHeatmapValues) / 1e6, 0, 'f', 1);
}

} // namespace Boucle::ImageLimits
