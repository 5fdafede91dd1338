// Heatmap: a model's per-pixel attention or confidence for one sample, read from a .npy array or
// an 8/16-bit grey PNG, normalised to [0, 1], and coloured through a colour map into ARGB images
// sized to the sample. Plain values and pure functions; any thread (the prefetcher colours on
// worker threads).
#pragma once

#include "imaging/colourmap.h"

#include <QImage>
#include <QList>
#include <QSize>
#include <QString>
#include <QVector>

namespace Boucle {

// How raw heatmap values become [0, 1].
enum class HeatmapScaling {
    Auto, // values already in [0, 1] (probabilities) are kept; anything else is stretched min → max
    MinMax, // always stretch the smallest value to 0 and the largest to 1
    Clamp,  // keep values as they are, clamped to [0, 1]
};

// The normalised scalar field, at the heatmap's own resolution. NaN marks "no value".
struct HeatmapField
{
    QString path;
    QSize size;
    QVector<float> values; // size.width() * size.height(), row-major, in [0, 1] or NaN
    float rawMinimum = 0;  // before normalisation, for the legend
    float rawMaximum = 0;
    // A .npy of several frames (frames x rows x columns) holds one field per frame of a
    // multi-frame sample; this is plane `frame` of `frames`.
    int frames = 1;
    int frame = 0;
    QString error; // empty when the field was read

    bool isValid() const { return error.isEmpty() && !size.isEmpty(); }

    // Reads .npy (float16/32/64, integers) or a PNG (8-bit values / 255, 16-bit / 65535). Of a
    // 3-D .npy, plane `frame` is read (each plane is scaled on its own); a 2-D field is the same
    // for any `frame`.
    static HeatmapField read(const QString &path, HeatmapScaling scaling = HeatmapScaling::Auto,
                             int frame = 0);
    // From values already in memory (rows * columns, row-major).
    static HeatmapField fromValues(QVector<float> values, QSize size,
                                   HeatmapScaling scaling = HeatmapScaling::Auto);
};

// The field coloured for display: images of the sample's size (levels[0]) and halved sizes
// after it, premultiplied ARGB32 so that painting needs no conversion.
struct ColouredHeatmap
{
    HeatmapField field;
    ColourMap colourMap = ColourMap::Viridis;
    bool fadeLowValues = false;
    QSize sampleSize;
    QList<QImage> levels; // levels[i] has the size of the sample's level i; may start at level 1

    bool isNull() const { return levels.isEmpty(); }
    qint64 byteCount() const;
};

// Colours `field` for a sample whose display levels have the sizes `levelSizes` (level 0 = the
// sample's size). A level whose size is more than twice the field's resolution in both directions
// is skipped when it is level 0: upscaling a smooth field at paint time shows no difference and
// saves most of the memory.
ColouredHeatmap colourHeatmap(const HeatmapField &field, ColourMap map,
                              const QList<QSize> &levelSizes, bool fadeLowValues = false);

// One coloured image of the given size (bilinear resize of the field, then the colour table).
QImage colourHeatmapImage(const HeatmapField &field, const std::array<QRgb, 256> &table,
                          QSize size);

} // namespace Boucle
