#include "samplefileprobe.h"

#include "datarootfile.h"
#include "imaging/dicomheader.h"

#include <QFile>
#include <QImageReader>

#include <array>
#include <cerrno>
#include <cstring>
#include <limits>

#include <unistd.h>

namespace Boucle {

namespace {

quint32 bigEndian32(const unsigned char *p)
{
    return quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | quint32(p[3]);
}
quint16 bigEndian16(const unsigned char *p)
{
    return quint16(p[0] << 8 | p[1]);
}
quint16 littleEndian16(const unsigned char *p)
{
    return quint16(p[0] | p[1] << 8);
}
qint32 littleEndian32(const unsigned char *p)
{
    return qint32(quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24);
}

// Reads up to `count` bytes at `offset`; the number read (0 at the end or on an error).
qsizetype readAt(int fd, unsigned char *into, qsizetype count, qint64 offset)
{
    qsizetype total = 0;
    while (total < count) {
        const ssize_t got = ::pread(fd, into + total, size_t(count - total), off_t(offset + total));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        total += got;
    }
    return total;
}

// The width and height of a PNG, GIF, BMP or JPEG from the bytes of its header (one read of the
// first `header` bytes; a JPEG whose frame header lies further is followed segment by segment
// with small reads). False when the format is another or the header does not say: the caller
// then asks QImageReader, which knows every format Qt reads.
bool headerSize(int fd, const unsigned char *header, qsizetype length, int *width, int *height)
{
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (length >= 24 && std::memcmp(header, png, 8) == 0
        && std::memcmp(header + 12, "IHDR", 4) == 0) {
        const quint32 w = bigEndian32(header + 16), h = bigEndian32(header + 20);
        if (w == 0 || h == 0 || w > quint32(std::numeric_limits<int>::max())
            || h > quint32(std::numeric_limits<int>::max()))
            return false;
        *width = int(w);
        *height = int(h);
        return true;
    }
    if (length >= 10
        && (std::memcmp(header, "GIF87a", 6) == 0 || std::memcmp(header, "GIF89a", 6) == 0)) {
        *width = littleEndian16(header + 6);
        *height = littleEndian16(header + 8);
        return *width > 0 && *height > 0;
    }
    if (length >= 26 && header[0] == 'B' && header[1] == 'M') {
        // BITMAPINFOHEADER and later (40 bytes or more); a negative height is a top-down image.
        const qint32 infoSize = littleEndian32(header + 14);
        if (infoSize < 40)
            return false;
        const qint32 w = littleEndian32(header + 18), h = littleEndian32(header + 22);
        if (w <= 0 || h == 0 || h == std::numeric_limits<qint32>::min())
            return false;
        *width = w;
        *height = h < 0 ? -h : h;
        return true;
    }
    if (length >= 4 && header[0] == 0xff && header[1] == 0xd8) {
        // Segments from offset 2: a marker, a big-endian length, until a start of frame.
        std::array<unsigned char, 10> segment {};
        qint64 at = 2;
        for (int segments = 0; segments < 1024; ++segments) {
            const unsigned char *p = nullptr;
            if (at + qint64(segment.size()) <= length) {
                p = header + at;
            } else {
                if (readAt(fd, segment.data(), qsizetype(segment.size()), at)
                    < qsizetype(segment.size()))
                    return false;
                p = segment.data();
            }
            if (p[0] != 0xff)
                return false;
            const unsigned char marker = p[1];
            if (marker == 0xff) { // fill byte
                ++at;
                continue;
            }
            const bool frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8
                               && marker != 0xcc;
            if (frame) {
                *height = bigEndian16(p + 5);
                *width = bigEndian16(p + 7);
                return *width > 0 && *height > 0;
            }
            if (marker == 0xd9 || marker == 0xda) // end of image, start of scan
                return false;
            if ((marker >= 0xd0 && marker <= 0xd7) || marker == 0x01) {
                at += 2;
                continue;
            }
            const quint16 size = bigEndian16(p + 2);
            if (size < 2)
                return false;
            at += 2 + size;
        }
    }
    return false;
}

} // namespace

QString SampleFileProbe::kindForPath(const QString &path)
{
    // QFileInfo::suffix() without a QFileInfo (asked once per sample of an import): what
    // follows the last '.' of the file's name, compared without regard to case.
    const QStringView name = QStringView(path).mid(path.lastIndexOf(QLatin1Char('/')) + 1);
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    const QStringView suffix = dot < 0 ? QStringView() : name.mid(dot + 1);
    auto is = [suffix](const char *known) {
        return suffix.compare(QLatin1String(known), Qt::CaseInsensitive) == 0;
    };
    if (is("pdf"))
        return QStringLiteral("pdf");
    if (is("txt") || is("md") || is("json") || is("html"))
        return QStringLiteral("text");
    if (is("npy") || is("csv") || is("parquet"))
        return QStringLiteral("features");
    return QStringLiteral("image");
}

bool SampleFileProbe::inspect(const DataRootFile &root, const QString &relativePath,
                              SampleRecord &sample, QString *refusal)
{
    sample.kind = kindForPath(relativePath);
    sample.sha256.clear();
    sample.byteSize = 0;
    sample.modifiedNs = 0;
    sample.width = sample.height = 0;
    sample.missing = true;
    const bool image = sample.kind == QLatin1String("image");
    DataRootFile::Check check;
    // Only an image is opened (for its header); any other file is a stat.
    const int fd = image ? root.openDescriptor(relativePath, &check) : -1;
    const bool usable
            = image ? fd >= 0
                    : (check = root.check(relativePath)).status == DataRootFile::Status::Regular;
    if (!usable) {
        if (check.status == DataRootFile::Status::Refused) {
            *refusal = check.reason;
            return false;
        }
        return true;
    }
    sample.missing = false;
    sample.byteSize = check.size;
    sample.modifiedNs = check.modifiedNs;
    if (image) {
        // One read of the header bytes; the common formats are read here, the others by
        // QImageReader (from the header too: no pixel is decoded).
        // As many bytes as the open file holds, up to the header's size: one pread(), not a
        // second one to find the end of a small file. Only the `length` bytes read are looked at.
        std::array<unsigned char, 4096> header;
        const qsizetype length
                = readAt(fd, header.data(),
                         qsizetype(std::min<qint64>(qint64(header.size()), check.size)), 0);
        int width = 0, height = 0;
        const QByteArray head(reinterpret_cast<const char *>(header.data()),
                              std::min<qsizetype>(length, DicomHeader::markerEnd));
        if (DicomHeader::hasDicomMarker(head)) {
            // DICOM: the header through DCMTK (which opens files by name: the descriptor's name
            // under /proc is the file checked above); the pixel data is not read.
            const std::optional<DicomHeader> dicom
                    = DicomHeader::read(QStringLiteral("/proc/self/fd/%1").arg(fd), nullptr);
            if (dicom && !dicom->isDicomDir) {
                sample.width = dicom->columns;
                sample.height = dicom->rows;
            }
            ::close(fd);
        } else if (headerSize(fd, header.data(), length, &width, &height)) {
            sample.width = width;
            sample.height = height;
            ::close(fd);
        } else {
            QFile file;
            if (file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
                QImageReader reader(&file);
                const QSize size = reader.size();
                if (size.isValid()) {
                    sample.width = size.width();
                    sample.height = size.height();
                }
            } else {
                ::close(fd);
            }
        }
    }
    return true;
}

} // namespace Boucle
