#include "imaging/windowlevel.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <utility>

namespace Boucle {

namespace {

constexpr double ctOffset = 1024.0; // raw = HU + 1024

quint16 valueAtRank(const std::vector<quint64> &histogram, quint64 rank)
{
    quint64 seen = 0;
    for (size_t value = 0; value < histogram.size(); ++value) {
        seen += histogram[value];
        if (seen > rank)
            return static_cast<quint16>(value);
    }
    return 65535;
}

} // namespace

WindowLevel WindowLevel::fromRange(double lower, double upper)
{
    const double width = std::max(1.0, upper - lower + 1.0);
    return WindowLevel {lower + (width - 1.0) / 2.0 + 0.5, width};
}

QList<WindowPreset> windowPresets()
{
    return {WindowPreset::FullRange,    WindowPreset::DataRange, WindowPreset::Auto,
            WindowPreset::CtSoftTissue, WindowPreset::CtBone,    WindowPreset::CtLung};
}

QString windowPresetName(WindowPreset preset)
{
    switch (preset) {
    case WindowPreset::FullRange:
        return QCoreApplication::translate("Boucle::WindowLevel", "Full range (0–65535)");
    case WindowPreset::DataRange:
        return QCoreApplication::translate("Boucle::WindowLevel", "Data range (min–max)");
    case WindowPreset::Auto:
        return QCoreApplication::translate("Boucle::WindowLevel", "Auto (1–99 %)");
    case WindowPreset::CtSoftTissue:
        return QCoreApplication::translate("Boucle::WindowLevel", "CT soft tissue (W 400, L 40)");
    case WindowPreset::CtBone:
        return QCoreApplication::translate("Boucle::WindowLevel", "CT bone (W 2000, L 400)");
    case WindowPreset::CtLung:
        return QCoreApplication::translate("Boucle::WindowLevel", "CT lung (W 1500, L −600)");
    }
    return {};
}

Grey16Statistics Grey16Statistics::of(const QImage &grey16)
{
    Grey16Statistics statistics;
    if (grey16.isNull() || grey16.format() != QImage::Format_Grayscale16)
        return statistics;
    std::vector<quint64> histogram(65536, 0);
    const int width = grey16.width();
    for (int y = 0; y < grey16.height(); ++y) {
        const auto *line = reinterpret_cast<const quint16 *>(grey16.constScanLine(y));
        for (int x = 0; x < width; ++x)
            ++histogram[line[x]];
    }
    const quint64 total = quint64(grey16.width()) * quint64(grey16.height());
    statistics.minimum = valueAtRank(histogram, 0);
    statistics.maximum = valueAtRank(histogram, total - 1);
    statistics.percentile1 = valueAtRank(histogram, total / 100);
    statistics.percentile99 = valueAtRank(histogram, total - 1 - total / 100);
    return statistics;
}

WindowLevel windowForPreset(WindowPreset preset, const Grey16Statistics &statistics)
{
    switch (preset) {
    case WindowPreset::FullRange:
        return WindowLevel::fromRange(0, 65535);
    case WindowPreset::DataRange:
        return WindowLevel::fromRange(statistics.minimum, statistics.maximum);
    case WindowPreset::Auto:
        return WindowLevel::fromRange(statistics.percentile1, statistics.percentile99);
    case WindowPreset::CtSoftTissue:
        return WindowLevel {40 + ctOffset, 400};
    case WindowPreset::CtBone:
        return WindowLevel {400 + ctOffset, 2000};
    case WindowPreset::CtLung:
        return WindowLevel {-600 + ctOffset, 1500};
    }
    return {};
}

WindowLevelTable::WindowLevelTable(const WindowLevel &window)
    : m_window(window)
    , m_grey(65536)
{
    // DICOM PS3.3 C.11.2.1.2: y = ((x - (c - 0.5)) / (w - 1) + 0.5) * 255, clamped.
    const double width = std::max(1.0, window.width);
    for (int raw = 0; raw < 65536; ++raw) {
        double grey;
        if (width <= 1.0)
            grey = raw > window.centre - 0.5 ? 255.0 : 0.0;
        else
            grey = std::floor(((raw - (window.centre - 0.5)) / (width - 1.0) + 0.5) * 255.0 + 0.5);
        m_grey[size_t(raw)] = static_cast<uchar>(std::clamp(grey, 0.0, 255.0));
    }
}

WindowLevelTable::WindowLevelTable(std::vector<uchar> greys, const WindowLevel &nearestWindow)
    : m_window(nearestWindow)
    , m_curve(true)
    , m_grey(std::move(greys))
{
    m_grey.resize(65536, 0);
}

QImage WindowLevelTable::toGrey8(const QImage &grey16) const
{
    if (grey16.format() != QImage::Format_Grayscale16)
        return {};
    QImage result(grey16.size(), QImage::Format_Grayscale8);
    const int width = grey16.width();
    for (int y = 0; y < grey16.height(); ++y) {
        const auto *in = reinterpret_cast<const quint16 *>(grey16.constScanLine(y));
        uchar *out = result.scanLine(y);
        for (int x = 0; x < width; ++x)
            out[x] = m_grey[in[x]];
    }
    return result;
}

QImage WindowLevelTable::toRgb32(const QImage &grey16) const
{
    if (grey16.format() != QImage::Format_Grayscale16)
        return {};
    QImage result(grey16.size(), QImage::Format_RGB32);
    const int width = grey16.width();
    std::array<QRgb, 256> rgb;
    for (int i = 0; i < 256; ++i)
        rgb[size_t(i)] = qRgb(i, i, i);
    for (int y = 0; y < grey16.height(); ++y) {
        const auto *in = reinterpret_cast<const quint16 *>(grey16.constScanLine(y));
        auto *out = reinterpret_cast<QRgb *>(result.scanLine(y));
        for (int x = 0; x < width; ++x)
            out[x] = rgb[m_grey[in[x]]];
    }
    return result;
}

} // namespace Boucle
