#include "imaging/colourmap.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace Boucle {

namespace {

// OpenCV ships the published tables (matplotlib's viridis and inferno, Google's turbo, MATLAB's
// jet); sampling its ramp once gives the same 256 colours without a second copy in our tree.
std::array<QRgb, 256> tableFromOpenCv(int openCvMap)
{
    cv::Mat ramp(1, 256, CV_8UC1);
    for (int i = 0; i < 256; ++i)
        ramp.at<uchar>(0, i) = static_cast<uchar>(i);
    cv::Mat bgr;
    cv::applyColorMap(ramp, bgr, openCvMap);
    std::array<QRgb, 256> table;
    for (int i = 0; i < 256; ++i) {
        const auto colour = bgr.at<cv::Vec3b>(0, i);
        table[size_t(i)] = qRgb(colour[2], colour[1], colour[0]);
    }
    return table;
}

std::array<QRgb, 256> greyTable()
{
    std::array<QRgb, 256> table;
    for (int i = 0; i < 256; ++i)
        table[size_t(i)] = qRgb(i, i, i);
    return table;
}

} // namespace

QList<ColourMap> colourMaps()
{
    return {ColourMap::Viridis, ColourMap::Inferno, ColourMap::Turbo, ColourMap::Jet,
            ColourMap::Grey};
}

QString colourMapName(ColourMap map)
{
    switch (map) {
    case ColourMap::Viridis:
        return QCoreApplication::translate("Boucle::ColourMap", "Viridis");
    case ColourMap::Inferno:
        return QCoreApplication::translate("Boucle::ColourMap", "Inferno");
    case ColourMap::Turbo:
        return QCoreApplication::translate("Boucle::ColourMap", "Turbo");
    case ColourMap::Jet:
        return QCoreApplication::translate("Boucle::ColourMap", "Jet");
    case ColourMap::Grey:
        return QCoreApplication::translate("Boucle::ColourMap", "Grey");
    }
    return {};
}

QString colourMapKey(ColourMap map)
{
    switch (map) {
    case ColourMap::Viridis:
        return QStringLiteral("viridis");
    case ColourMap::Inferno:
        return QStringLiteral("inferno");
    case ColourMap::Turbo:
        return QStringLiteral("turbo");
    case ColourMap::Jet:
        return QStringLiteral("jet");
    case ColourMap::Grey:
        return QStringLiteral("grey");
    }
    return {};
}

ColourMap colourMapFromKey(const QString &key, ColourMap fallback)
{
    for (ColourMap map : colourMaps()) {
        if (colourMapKey(map).compare(key, Qt::CaseInsensitive) == 0)
            return map;
    }
    return fallback;
}

const std::array<QRgb, 256> &colourMapTable(ColourMap map)
{
    static const std::array<std::array<QRgb, 256>, 5> tables
            = {tableFromOpenCv(cv::COLORMAP_VIRIDIS), tableFromOpenCv(cv::COLORMAP_INFERNO),
               tableFromOpenCv(cv::COLORMAP_TURBO), tableFromOpenCv(cv::COLORMAP_JET), greyTable()};
    return tables[size_t(map)];
}

std::array<QRgb, 256> heatmapTable(ColourMap map, bool fadeLowValues)
{
    const auto &colours = colourMapTable(map);
    std::array<QRgb, 256> table;
    table[0] = 0;
    for (int i = 1; i < 256; ++i) {
        // entry i holds the value (i - 1) / 254
        const int source = ((i - 1) * 255 + 127) / 254;
        const QRgb colour = colours[size_t(source)];
        int alpha = 255;
        if (fadeLowValues)
            alpha = std::min(255, (i - 1) * 3);
        table[size_t(i)] = qPremultiply(qRgba(qRed(colour), qGreen(colour), qBlue(colour), alpha));
    }
    return table;
}

} // namespace Boucle
