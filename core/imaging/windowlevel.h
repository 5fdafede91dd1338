// Window/level for 16-bit grey images: which band of raw values is spread over the grey levels a
// screen can show. Radiologists read CT and X-ray this way; a plain 16 → 8-bit shift hides most of
// the contrast. Plain values and pure functions; any thread.
#pragma once

#include <QImage>
#include <QList>
#include <QMetaType>
#include <QString>

#include <array>
#include <vector>

namespace Boucle {

struct WindowLevel
{
    double centre = 32767.5;
    double width = 65536.0;

    // The raw values shown as black and as white (DICOM's linear VOI function).
    double lower() const { return centre - 0.5 - (width - 1.0) / 2.0; }
    double upper() const { return centre - 0.5 + (width - 1.0) / 2.0; }
    bool operator==(const WindowLevel &other) const = default;

    static WindowLevel fromRange(double lower, double upper);
};

// Named windows. The CT presets assume the usual unsigned storage of Hounsfield units,
// raw = HU + 1024 (what most 16-bit PNG/TIFF exports of CT scans hold).
enum class WindowPreset { FullRange, DataRange, Auto, CtSoftTissue, CtBone, CtLung };

QList<WindowPreset> windowPresets();
QString windowPresetName(WindowPreset preset);

// What the presets need to know about an image: its extremes and the 1st/99th percentiles.
struct Grey16Statistics
{
    quint16 minimum = 0;
    quint16 maximum = 65535;
    quint16 percentile1 = 0;
    quint16 percentile99 = 65535;

    // One pass over a Format_Grayscale16 image (a histogram of 65536 bins).
    static Grey16Statistics of(const QImage &grey16);
};

WindowLevel windowForPreset(WindowPreset preset, const Grey16Statistics &statistics);

// A 65536-entry table from raw value to displayed pixel: building it costs less than a
// 256x256 image, and mapping a frame is then one lookup per pixel. Most tables come from a linear
// window; a table can also follow a curve (a DICOM VOI LUT, see voilut.h).
class WindowLevelTable
{
public:
    explicit WindowLevelTable(const WindowLevel &window);
    // A curve: `greys` holds the displayed grey of each raw value (65536 of them; missing ones
    // are black). `nearestWindow` is the linear window that covers the same band, which window()
    // reports and a drag starts from.
    WindowLevelTable(std::vector<uchar> greys, const WindowLevel &nearestWindow);

    const WindowLevel &window() const { return m_window; }
    bool isCurve() const { return m_curve; }
    uchar grey(quint16 raw) const { return m_grey[raw]; }

    // Format_Grayscale16 → Format_Grayscale8.
    QImage toGrey8(const QImage &grey16) const;
    // Format_Grayscale16 → Format_RGB32, ready to become a pixmap without a second conversion.
    QImage toRgb32(const QImage &grey16) const;

private:
    WindowLevel m_window;
    bool m_curve = false;
    std::vector<uchar> m_grey;
};

} // namespace Boucle

Q_DECLARE_METATYPE(Boucle::WindowLevel)
