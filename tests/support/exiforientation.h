// Test files with an EXIF orientation, as phones and cameras write them: a JPEG's bytes with a
// minimal APP1 segment holding only the orientation tag (1-8) right after the SOI marker.
#pragma once

#include <QByteArray>
#include <QImage>

namespace Boucle::Testing {

QByteArray exifOrientationSegment(quint16 orientation);
// `image` encoded as a JPEG (quality 95) carrying `orientation`.
QByteArray jpegWithOrientation(const QImage &image, quint16 orientation);

} // namespace Boucle::Testing
