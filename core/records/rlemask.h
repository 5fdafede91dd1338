// RleMask: a mask in COCO's run-length encoding, the form masks take in a prediction log, in a
// label revision and in COCO files. Plain value; any thread.
#pragma once

#include <QByteArray>
#include <QImage>
#include <QPoint>
#include <QRect>
#include <QRectF>
#include <QVector>

namespace Boucle {

// A mask in COCO's run-length encoding: counts of alternating 0 and 1 pixels in column-major
// order (down the first column, then the next), starting with a run of 0s (which may be 0 long).
struct RleMask
{
    int width = 0;
    int height = 0;
    QVector<quint32> counts;

    bool isEmpty() const { return counts.isEmpty(); }
    // Pixels set to 1.
    qint64 area() const;
    // The smallest box holding every set pixel, in pixel edges ([x, y, w, h] with whole numbers);
    // empty when no pixel is set.
    QRectF bounds() const;
    // True when the runs add up to width × height.
    bool isConsistent() const;

    // COCO's compressed string form of counts (the LEB128-like text of pycocotools), both ways.
    QByteArray toCompressedString() const;
    // False when `text` is not a valid compressed count string.
    static bool fromCompressedString(const QByteArray &text, QVector<quint32> *counts);

    // The mask of a `canvas`-sized image whose pixels inside `extent` are those of `local` (a
    // Format_Grayscale8 image of extent's size; non-zero is set) and zero elsewhere. Encodes
    // without building the whole canvas, so an object on a 4096² image costs its own size.
    static RleMask fromLocal(const QImage &local, const QPoint &origin, const QSize &canvas);
    // The set pixels inside `extent` as a Format_Grayscale8 image of extent's size (255 set, 0
    // not); a null image when the counts are inconsistent.
    QImage toLocal(const QRect &extent) const;

    bool operator==(const RleMask &other) const = default;
};

} // namespace Boucle
