#include "hostilefiles.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QtEndian>

#include <array>

#include <chrono>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Boucle::Testing {

namespace {

// Deflate bits are packed from the least significant bit; Huffman codes most significant first.
class BitWriter
{
public:
    void bits(quint32 value, int count) // value's low `count` bits, least significant first
    {
        m_current |= quint64(value & ((1u << count) - 1)) << m_count;
        m_count += count;
        while (m_count >= 8) {
            m_bytes.append(char(m_current & 0xff));
            m_current >>= 8;
            m_count -= 8;
        }
    }
    void code(quint32 value, int length) // a Huffman code, most significant bit first
    {
        quint32 reversed = 0;
        for (int i = 0; i < length; ++i)
            reversed |= ((value >> i) & 1) << (length - 1 - i);
        bits(reversed, length);
    }
    QByteArray finish()
    {
        if (m_count > 0)
            m_bytes.append(char(m_current & 0xff));
        return m_bytes;
    }

private:
    QByteArray m_bytes;
    quint64 m_current = 0;
    int m_count = 0;
};

// A zlib stream of `count` zero bytes: one fixed-Huffman block, a literal 0 and then matches of
// 258 bytes at distance 1 (13 bits each), so 1 GB of zeros takes about 6 MB.
QByteArray zlibZeros(qint64 count)
{
    BitWriter out;
    out.bits(1, 1); // final block
    out.bits(1, 2); // fixed Huffman codes
    qint64 left = count;
    if (left > 0) {
        out.code(0x30, 8); // literal 0
        --left;
    }
    while (left >= 258) {
        out.code(0xc5 << 5, 13); // length code 285 (258 bytes), then distance code 0 (1 byte back)
        left -= 258;
    }
    while (left-- > 0)
        out.code(0x30, 8);
    out.code(0, 7); // end of block
    QByteArray stream("\x78\x01", 2);
    stream += out.finish();
    // Adler-32 of zeros: a stays 1, b adds 1 per byte.
    const quint32 adler = (quint32(count % 65521) << 16) | 1;
    char tail[4];
    qToBigEndian(adler, tail);
    stream.append(tail, 4);
    return stream;
}

quint32 crc32(const QByteArray &bytes)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t {};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 crc = 0xffffffffu;
    for (char byte : bytes)
        crc = table[(crc ^ quint8(byte)) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

QByteArray pngChunk(const char *type, const QByteArray &data)
{
    QByteArray chunk;
    char length[4];
    qToBigEndian(quint32(data.size()), length);
    chunk.append(length, 4);
    const QByteArray body = QByteArray(type, 4) + data;
    chunk += body;
    char crc[4];
    qToBigEndian(crc32(body), crc);
    chunk.append(crc, 4);
    return chunk;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(bytes) == bytes.size();
}

} // namespace

bool writeZeroPng(const QString &path, QSize size, int channels, int bitDepth)
{
    QByteArray header(13, '\0');
    qToBigEndian(quint32(size.width()), header.data());
    qToBigEndian(quint32(size.height()), header.data() + 4);
    header[8] = char(bitDepth);
    header[9] = char(channels == 3 ? 2 : 0);
    const qint64 row = 1 + qint64(size.width()) * channels * (bitDepth / 8);
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png += pngChunk("IHDR", header);
    png += pngChunk("IDAT", zlibZeros(row * size.height()));
    png += pngChunk("IEND", {});
    return writeFile(path, png);
}

bool writeZeroTiff(const QString &path, QSize size)
{
    const QByteArray strip = zlibZeros(qint64(size.width()) * size.height());
    struct Entry
    {
        quint16 tag;
        quint16 type;
        quint32 value;
    };
    const quint32 stripOffset = 8;
    const std::array<Entry, 10> entries {{
            {256, 4, quint32(size.width())},  // ImageWidth
            {257, 4, quint32(size.height())}, // ImageLength
            {258, 3, 8},                      // BitsPerSample
            {259, 3, 8},                      // Compression: deflate
            {262, 3, 1},                      // Photometric: black is zero
            {273, 4, stripOffset},            // StripOffsets
            {277, 3, 1},                      // SamplesPerPixel
            {278, 4, quint32(size.height())}, // RowsPerStrip
            {279, 4, quint32(strip.size())},  // StripByteCounts
            {284, 3, 1},                      // PlanarConfiguration: contiguous
    }};
    QByteArray tiff("II*\0", 4);
    char word[4];
    qToLittleEndian(quint32(stripOffset + strip.size()), word);
    tiff.append(word, 4);
    tiff += strip;
    char count[2];
    qToLittleEndian(quint16(entries.size()), count);
    tiff.append(count, 2);
    for (const Entry &entry : entries) {
        char bytes[12] = {};
        qToLittleEndian(entry.tag, bytes);
        qToLittleEndian(entry.type, bytes + 2);
        qToLittleEndian(quint32(1), bytes + 4);
        if (entry.type == 3)
            qToLittleEndian(quint16(entry.value), bytes + 8);
        else
            qToLittleEndian(entry.value, bytes + 8);
        tiff.append(bytes, 12);
    }
    tiff.append(QByteArray(4, '\0')); // no next directory
    return writeFile(path, tiff);
}

bool writeJpegClaiming(const QString &path, QSize size)
{
    QImage image(16, 16, QImage::Format_RGB32);
    image.fill(qRgb(90, 140, 200));
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "JPG"))
        return false;
    // The baseline frame header: FF C0, length, precision, height, width.
    const qsizetype frame = jpeg.indexOf(QByteArray("\xff\xc0", 2));
    if (frame < 0)
        return false;
    qToBigEndian(quint16(size.height()), jpeg.data() + frame + 5);
    qToBigEndian(quint16(size.width()), jpeg.data() + frame + 7);
    return writeFile(path, jpeg);
}

bool writeSparseNpy(const QString &path, qint64 rows, qint64 columns)
{
    QByteArray header
            = QStringLiteral("{'descr': '<f4', 'fortran_order': False, 'shape': (%1, %2), }")
                      .arg(rows)
                      .arg(columns)
                      .toLatin1();
    while ((10 + header.size() + 1) % 64 != 0)
        header.append(' ');
    header.append('\n');
    QByteArray bytes("\x93NUMPY\x01\x00", 8);
    bytes.append(char(header.size() & 0xff));
    bytes.append(char(header.size() >> 8));
    bytes += header;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return false;
    return file.resize(bytes.size() + rows * columns * 4); // a hole, not written blocks
}

bool makeFifo(const QString &path)
{
#ifdef Q_OS_UNIX
    return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0;
#else
    Q_UNUSED(path);
    return false;
#endif
}

FifoWatchdog::FifoWatchdog(const QString &path)
{
#ifdef Q_OS_UNIX
    m_thread = std::thread([this, native = QFile::encodeName(path)] {
        while (!m_stop.load()) {
            const int fd = ::open(native.constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
            if (fd >= 0) {
                m_readerSeen.store(true);
                ::close(fd);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    });
#else
    Q_UNUSED(path);
#endif
}

FifoWatchdog::~FifoWatchdog()
{
    m_stop.store(true);
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace Boucle::Testing
