#include "imaging/imagepyramid.h"

#include <opencv2/imgproc.hpp>

namespace Boucle {

namespace {

int openCvType(QImage::Format format)
{
    switch (format) {
    case QImage::Format_RGB32:
    case QImage::Format_ARGB32:
    case QImage::Format_ARGB32_Premultiplied:
        return CV_8UC4;
    case QImage::Format_Grayscale8:
        return CV_8UC1;
    case QImage::Format_Grayscale16:
        return CV_16UC1;
    default:
        return -1;
    }
}

cv::Mat header(const QImage &image, int type)
{
    return cv::Mat(image.height(), image.width(), type, const_cast<uchar *>(image.constBits()),
                   size_t(image.bytesPerLine()));
}

} // namespace

QList<QSize> imagePyramidSizes(QSize size, int smallestSide)
{
    QList<QSize> sizes;
    if (size.isEmpty())
        return sizes;
    sizes.append(size);
    while (std::max(size.width(), size.height()) > smallestSide) {
        size = QSize((size.width() + 1) / 2, (size.height() + 1) / 2);
        sizes.append(size);
    }
    return sizes;
}

QList<QImage> buildImagePyramid(const QImage &image, int smallestSide)
{
    QList<QImage> levels;
    if (image.isNull())
        return levels;
    levels.append(image);
    const int type = openCvType(image.format());
    if (type < 0)
        return levels;
    const QList<QSize> sizes = imagePyramidSizes(image.size(), smallestSide);
    for (int i = 1; i < sizes.size(); ++i) {
        const QImage &previous = levels.last();
        QImage next(sizes[i], image.format());
        cv::Mat target = header(next, type);
        // INTER_AREA on an exact halving averages 2x2 blocks (a fast path in OpenCV); premultiplied
        // colours average correctly, straight alpha nearly so.
        cv::resize(header(previous, type), target, target.size(), 0, 0, cv::INTER_AREA);
        levels.append(next);
    }
    return levels;
}

} // namespace Boucle
