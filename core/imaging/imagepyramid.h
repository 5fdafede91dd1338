// Halved copies of an image, so that a view can draw any zoom from the nearest larger level:
// no aliasing when zoomed out and a per-frame cost that depends on the viewport, not on the
// image. Built with area averaging on worker threads; any thread.
#pragma once

#include <QImage>
#include <QList>
#include <QSize>

namespace Boucle {

// Level 0 is `image` itself (shared, not copied); each next level halves both sides (rounding
// up) until the longer side is at most `smallestSide`. Supports RGB32, ARGB32(_Premultiplied),
// Grayscale8 and Grayscale16; other formats get only level 0.
QList<QImage> buildImagePyramid(const QImage &image, int smallestSide = 256);

// The sizes buildImagePyramid gives for an image of `size`.
QList<QSize> imagePyramidSizes(QSize size, int smallestSide = 256);

} // namespace Boucle
