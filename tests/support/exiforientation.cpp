#include "exiforientation.h"

#include <QBuffer>
#include <QImageWriter>
#include <QtEndian>

namespace Boucle::Testing {

QByteArray exifOrientationSegment(quint16 orientation)
{
    // Little-endian TIFF: header, IFD0 with one entry (Orientation, SHORT, one value), no next IFD.
    QByteArray tiff;
    tiff.append("II*\0", 4);
    auto append16 = [&tiff](quint16 value) {
        char bytes[2];
        qToLittleEndian(value, bytes);
        tiff.append(bytes, 2);
    };
    auto append32 = [&tiff](quint32 value) {
        char bytes[4];
        qToLittleEndian(value, bytes);
        tiff.append(bytes, 4);
    };
    append32(8);
    append16(1);
    append16(0x0112);
    append16(3);
    append32(1);
    append16(orientation);
    append16(0); // padding of the 4-byte value field
    append32(0);
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray segment("\xFF\xE1", 2);
    char length[2];
    qToBigEndian(quint16(payload.size() + 2), length);
    segment.append(length, 2);
    return segment + payload;
}

QByteArray jpegWithOrientation(const QImage &image, quint16 orientation)
{
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(95);
    if (!writer.write(image))
        return {};
    jpeg.insert(2, exifOrientationSegment(orientation));
    return jpeg;
}

} // namespace Boucle::Testing
