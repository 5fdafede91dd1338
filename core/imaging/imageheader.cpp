#include "imaging/imageheader.h"

#include "imaging/dicomheader.h"

#include <QFileDevice>
#include <QIODevice>
#include <QImage>
#include <QImageReader>
#include <QtEndian>

#include <algorithm>
#include <climits>
#include <optional>

namespace Boucle {

namespace {

class ByteOrderReader
{
public:
    ByteOrderReader(QIODevice *device, bool bigEndian)
        : m_device(device)
        , m_bigEndian(bigEndian)
    { }

    bool bytesAt(qint64 offset, char *out, int count)
    {
        return offset >= 0 && m_device->seek(offset) && m_device->read(out, count) == count;
    }
    quint64 number(const char *data, int size) const
    {
        quint64 value = 0;
        for (int i = 0; i < size; ++i) {
            const auto byte = quint64(uchar(data[m_bigEndian ? i : size - 1 - i]));
            value = (value << 8) | byte;
        }
        return value;
    }
    std::optional<quint64> numberAt(qint64 offset, int size)
    {
        char data[8];
        if (size > 8 || !bytesAt(offset, data, size))
            return std::nullopt;
        return number(data, size);
    }

private:
    QIODevice *m_device;
    bool m_bigEndian;
};

int tiffTypeSize(quint64 type)
{
    switch (type) {
    case 1: // BYTE
    case 6: // SBYTE
        return 1;
    case 3: // SHORT
    case 8: // SSHORT
        return 2;
    case 4: // LONG
    case 9: // SLONG
        return 4;
    case 16: // LONG8
    case 17: // SLONG8
        return 8;
    default:
        return 0;
    }
}

// The first directory of a classic or big TIFF: width, height, samples and bits per sample.
ImageHeader readTiff(QIODevice *device, const QByteArray &head)
{
    ImageHeader header;
    const bool bigEndian = head.startsWith("MM");
    ByteOrderReader in(device, bigEndian);
    const auto version = in.number(head.constData() + 2, 2);
    const bool big = version == 43;
    if (version != 42 && !big)
        return header;
    const int offsetSize = big ? 8 : 4;
    const auto directory = big ? in.numberAt(8, 8) : in.numberAt(4, 4);
    if (!directory || *directory < 8 || *directory > quint64(device->size()))
        return header;
    const auto count = in.numberAt(qint64(*directory), big ? 8 : 2);
    // No real directory has thousands of entries; a bound keeps a hostile count cheap.
    if (!count || *count == 0 || *count > 4096)
        return header;
    const int entrySize = big ? 20 : 12;
    const qint64 first = qint64(*directory) + (big ? 8 : 2);
    quint64 width = 0;
    quint64 height = 0;
    quint64 samples = 1;
    quint64 bits = 1;
    for (quint64 i = 0; i < *count; ++i) {
        char entry[20];
        if (!in.bytesAt(first + qint64(i) * entrySize, entry, entrySize))
            return header;
        const auto tag = in.number(entry, 2);
        if (tag != 256 && tag != 257 && tag != 258 && tag != 277)
            continue;
        const int size = tiffTypeSize(in.number(entry + 2, 2));
        const auto values = in.number(entry + 4, offsetSize);
        if (size == 0 || values == 0)
            return header;
        const char *field = entry + 4 + offsetSize;
        quint64 value = 0;
        if (quint64(size) * values <= quint64(offsetSize)) {
            value = in.number(field, size); // the first value, stored in the entry itself
        } else {
            const auto at = in.numberAt(qint64(in.number(field, offsetSize)), size);
            if (!at)
                return header;
            value = *at;
        }
        if (tag == 256)
            width = value;
        else if (tag == 257)
            height = value;
        else if (tag == 258)
            bits = value;
        else
            samples = value;
    }
    if (width == 0 || height == 0 || width > quint64(INT_MAX) || height > quint64(INT_MAX))
        return header;
    header.format = "tiff";
    header.size = QSize(int(width), int(height));
    const quint64 bytesPerSample = std::max<quint64>(1, (std::min<quint64>(bits, 64) + 7) / 8);
    header.bytesPerPixel = int(std::min<quint64>(samples, 64) * bytesPerSample);
    return header;
}

// RIFF WebP: the size is in the first chunk (lossy VP8, lossless VP8L or extended VP8X).
ImageHeader readWebp(const QByteArray &head)
{
    ImageHeader header;
    if (head.size() < 30)
        return header;
    const auto *bytes = reinterpret_cast<const uchar *>(head.constData());
    const QByteArray chunk = head.mid(12, 4);
    int width = 0;
    int height = 0;
    if (chunk == "VP8 ") {
        width = qFromLittleEndian<quint16>(bytes + 26) & 0x3fff;
        height = qFromLittleEndian<quint16>(bytes + 28) & 0x3fff;
    } else if (chunk == "VP8L") {
        const quint32 bits = qFromLittleEndian<quint32>(bytes + 21);
        width = int(bits & 0x3fff) + 1;
        height = int((bits >> 14) & 0x3fff) + 1;
    } else if (chunk == "VP8X") {
        width = int(bytes[24] | (bytes[25] << 8) | (bytes[26] << 16)) + 1;
        height = int(bytes[27] | (bytes[28] << 8) | (bytes[29] << 16)) + 1;
    }
    if (width <= 0 || height <= 0)
        return header;
    header.format = "webp";
    header.size = QSize(width, height);
    header.bytesPerPixel = 4;
    return header;
}

int bytesPerPixelOf(QImage::Format format)
{
    // Some readers leave the format unset when the header is damaged.
    if (format <= QImage::Format_Invalid || format >= QImage::NImageFormats)
        return 4;
    const int bytes = (QImage::toPixelFormat(format).bitsPerPixel() + 7) / 8;
    // 16-bit grey stays as it is; anything else becomes 32-bit RGB for display.
    return format == QImage::Format_Grayscale16 ? 2 : std::max(4, bytes);
}

// A DICOM file's header through DCMTK, which reads files by name: the open descriptor's name
// under /proc reaches the very file that was opened, wherever its path leads now.
ImageHeader readDicom(QIODevice *device)
{
    ImageHeader header;
    auto *file = qobject_cast<QFileDevice *>(device);
    if (!file || file->handle() < 0)
        return header;
    const QString name = file->fileName().isEmpty()
                                 ? QStringLiteral("/proc/self/fd/%1").arg(file->handle())
                                 : file->fileName();
    QString error;
    const std::optional<DicomHeader> dicom = DicomHeader::read(name, &error);
    if (!dicom || dicom->isDicomDir)
        return header;
    header.format = "dicom";
    header.size = dicom->size();
    header.bytesPerPixel = dicom->decodedBytesPerPixel();
    header.frames = dicom->frames;
    return header;
}

} // namespace

ImageHeader ImageHeader::read(QIODevice *device)
{
    ImageHeader header;
    if (!device || !device->seek(0))
        return header;
    const QByteArray head = device->peek(DicomHeader::markerEnd);
    if (DicomHeader::hasDicomMarker(head)) {
        header = readDicom(device);
        device->seek(0);
        return header; // a damaged DICOM file is not handed to Qt's readers
    }
    if (head.startsWith("II*\0") || head.startsWith("MM\0*") || head.startsWith("II+\0")
        || head.startsWith("MM\0+")) {
        header = readTiff(device, head);
    } else if (head.startsWith("RIFF") && head.mid(8, 4) == "WEBP") {
        header = readWebp(head);
    }
    if (header.isRecognised()) {
        device->seek(0);
        return header;
    }
    device->seek(0);
    QImageReader reader(device);
    reader.setDecideFormatFromContent(true);
    if (reader.canRead()) {
        header.format = reader.format();
        header.size = reader.size();
        header.bytesPerPixel = bytesPerPixelOf(reader.imageFormat());
        header.qtReads = true;
    }
    device->seek(0);
    return header;
}

} // namespace Boucle
