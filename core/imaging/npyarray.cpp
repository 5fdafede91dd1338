#include "imaging/npyarray.h"

#include "imaging/imagelimits.h"
#include "imaging/regularfile.h"

#include <QCoreApplication>
#include <QFloat16>
#include <QRegularExpression>
#include <QtEndian>

#include <climits>
#include <cstring>

namespace Boucle {

namespace {

NpyArray failure(const QString &sourceName, const QString &reason)
{
    NpyArray array;
    array.error = QCoreApplication::translate("Boucle::NpyArray", "Cannot read the heatmap %1: %2")
                          .arg(sourceName, reason);
    return array;
}

template<typename T>
T loadValue(const char *data, bool swap)
{
    T value;
    std::memcpy(&value, data, sizeof(T));
    if (swap) {
        auto *bytes = reinterpret_cast<unsigned char *>(&value);
        for (size_t i = 0; i < sizeof(T) / 2; ++i)
            std::swap(bytes[i], bytes[sizeof(T) - 1 - i]);
    }
    return value;
}

template<typename T>
void convert(const char *data, qsizetype count, bool swap, float *out)
{
    for (qsizetype i = 0; i < count; ++i)
        out[i] = static_cast<float>(loadValue<T>(data + i * qsizetype(sizeof(T)), swap));
}

} // namespace

// What the header says, and where the data starts.
struct NpyArray::Header
{
    qint64 planes = 1;
    qint64 rows = 0;
    qint64 columns = 0;
    QString dtype;
    int itemSize = 0;
    bool swap = false;
    bool fortranOrder = false;
    bool floatNative = false; // little-endian float32 on a little-endian host: copied as it is
    void (*converter)(const char *, qsizetype, bool, float *) = nullptr;
    qsizetype dataStart = 0;

    qsizetype dataBytes() const { return qsizetype(rows * columns * itemSize); } // one plane
    qint64 planeStart(int plane) const { return dataStart + qint64(plane) * dataBytes(); }
};

namespace {

constexpr qsizetype maxHeaderLength = 64 * 1024;

// The length of the whole preamble (magic, version, length, header) from its first 12 bytes, or
// an error. Needs at least 10 bytes (12 for versions 2 and 3).
qsizetype preambleLength(const QByteArray &bytes, QString *error)
{
    static const QByteArray magic("\x93NUMPY", 6);
    if (!bytes.startsWith(magic)) {
        *error = QCoreApplication::translate("Boucle::NpyArray",
                                             "not a NumPy .npy file (the magic string is missing)");
        return -1;
    }
    const int major = bytes.size() > 6 ? static_cast<uchar>(bytes[6]) : 0;
    if (bytes.size() < 10 || ((major == 2 || major == 3) && bytes.size() < 12)) {
        *error = QCoreApplication::translate("Boucle::NpyArray", "the header is truncated");
        return -1;
    }
    qsizetype length = 0;
    qsizetype start = 0;
    if (major == 1) {
        length = qFromLittleEndian<quint16>(bytes.constData() + 8);
        start = 10;
    } else if (major == 2 || major == 3) {
        length = qsizetype(qFromLittleEndian<quint32>(bytes.constData() + 8));
        start = 12;
    } else {
        *error = QCoreApplication::translate("Boucle::NpyArray",
                                             "format version %1 is not supported (1, 2 and 3 are)")
                         .arg(major);
        return -1;
    }
    if (length > maxHeaderLength) {
        *error = QCoreApplication::translate("Boucle::NpyArray",
                                             "the header is %1 bytes long; a .npy header Boucle "
                                             "reads is at most %2 bytes")
                         .arg(length)
                         .arg(maxHeaderLength);
        return -1;
    }
    return start + length;
}

} // namespace

namespace {

QString planeOutside(int plane, qint64 planes)
{
    return QCoreApplication::translate("Boucle::NpyArray",
                                       "frame %1 was asked for, but the array holds %2 frames "
                                       "(0 to %3)")
            .arg(plane)
            .arg(planes)
            .arg(planes - 1);
}

} // namespace

NpyArray NpyArray::read(const QString &path, int plane)
{
    RegularFile file;
    // Any size: only the header, then the values of the checked shape are read.
    if (!file.open(path, ImageLimits::anyFileSize))
        return failure(path, file.reason());
    // Only the header first: the shape is checked before any room is made for the values.
    QString reason;
    QByteArray preamble = file.read(0, 12);
    const qsizetype length = preambleLength(preamble, &reason);
    if (length < 0)
        return failure(path, reason);
    preamble = file.read(0, length);
    if (preamble.size() < length)
        return failure(path,
                       QCoreApplication::translate("Boucle::NpyArray", "the header is truncated"));
    Header header;
    if (const QString error = parseHeader(preamble, path, &header); !error.isEmpty())
        return failure(path, error);
    if (header.planes == 1)
        plane = 0;
    else if (plane < 0 || plane >= header.planes)
        return failure(path, planeOutside(plane, header.planes));
    const qint64 start = header.planeStart(plane);
    const qint64 available = file.size() - start;
    if (available < header.dataBytes())
        return failure(path, truncatedData(header.dataBytes(), available));
    // Read the values straight into their place when they need no conversion.
    if (header.floatNative && !header.fortranOrder) {
        NpyArray array = arrayOf(header);
        array.plane = plane;
        QIODevice *device = file.device();
        const qint64 bytes = header.dataBytes();
        if (!device->seek(start)
            || device->read(reinterpret_cast<char *>(array.values.data()), bytes) != bytes)
            return failure(path, truncatedData(bytes, available));
        return array;
    }
    const QByteArray data = file.read(start, header.dataBytes());
    if (data.size() < header.dataBytes())
        return failure(path, truncatedData(header.dataBytes(), data.size()));
    NpyArray array = convertData(header, data.constData());
    array.plane = plane;
    return array;
}

NpyArray NpyArray::parse(const QByteArray &bytes, const QString &sourceName, int plane)
{
    QString reason;
    const qsizetype length = preambleLength(bytes, &reason);
    if (length < 0)
        return failure(sourceName, reason);
    if (length > bytes.size())
        return failure(sourceName,
                       QCoreApplication::translate("Boucle::NpyArray", "the header is truncated"));
    Header header;
    if (const QString error = parseHeader(bytes.left(length), sourceName, &header);
        !error.isEmpty())
        return failure(sourceName, error);
    if (header.planes == 1)
        plane = 0;
    else if (plane < 0 || plane >= header.planes)
        return failure(sourceName, planeOutside(plane, header.planes));
    const qint64 start = header.planeStart(plane);
    const qint64 available = bytes.size() - start;
    if (available < header.dataBytes())
        return failure(sourceName, truncatedData(header.dataBytes(), available));
    NpyArray array = convertData(header, bytes.constData() + start);
    array.plane = plane;
    return array;
}

QString NpyArray::truncatedData(qint64 expected, qint64 found)
{
    return QCoreApplication::translate("Boucle::NpyArray",
                                       "the data is truncated: %1 bytes expected, %2 found")
            .arg(expected)
            .arg(found);
}

NpyArray NpyArray::arrayOf(const Header &header)
{
    NpyArray array;
    array.rows = int(header.rows);
    array.columns = int(header.columns);
    array.planes = int(header.planes);
    array.dtype = header.dtype;
    array.values.resize(qsizetype(header.rows * header.columns));
    return array;
}

QString NpyArray::parseHeader(const QByteArray &preamble, const QString &sourceName, Header *result)
{
    const qsizetype headerStart = static_cast<uchar>(preamble[6]) == 1 ? 10 : 12;
    const QString header = QString::fromLatin1(preamble.constData() + headerStart,
                                               preamble.size() - headerStart);

    static const QRegularExpression descrPattern(
            QStringLiteral(R"('descr'\s*:\s*'([<>|=]?)([a-zA-Z])(\d*)')"));
    static const QRegularExpression fortranPattern(
            QStringLiteral(R"('fortran_order'\s*:\s*(True|False))"));
    static const QRegularExpression shapePattern(QStringLiteral(R"('shape'\s*:\s*\(([^)]*)\))"));
    const auto descr = descrPattern.match(header);
    const auto fortran = fortranPattern.match(header);
    const auto shapeMatch = shapePattern.match(header);
    if (!descr.hasMatch() || !fortran.hasMatch() || !shapeMatch.hasMatch())
        return QCoreApplication::translate(
                "Boucle::NpyArray", "the header does not name descr, fortran_order and shape");

    const QString byteOrder = descr.captured(1);
    const QChar kind = descr.captured(2).at(0);
    const int itemSize = descr.captured(3).toInt();
    result->dtype = descr.captured(1) + descr.captured(2) + descr.captured(3);
    result->fortranOrder = fortran.captured(1) == QLatin1String("True");

    QList<qint64> shape;
    const QStringList dimensions
            = shapeMatch.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &dimension : dimensions) {
        bool ok = false;
        const qint64 value = dimension.trimmed().toLongLong(&ok);
        if (!ok || value < 0)
            return QCoreApplication::translate("Boucle::NpyArray",
                                               "the shape (%1) is not a list of sizes")
                    .arg(shapeMatch.captured(1));
        shape.append(value);
    }
    // A heatmap is 2-D, or 3-D with one plane per frame; a leading or trailing axis of size 1 (a
    // batch or channel) is dropped.
    while (shape.size() > 2 && shape.first() == 1)
        shape.removeFirst();
    while (shape.size() > 2 && shape.last() == 1)
        shape.removeLast();
    if (shape.size() == 3) {
        if (shape[0] == 0 || shape[0] > INT_MAX)
            return QCoreApplication::translate("Boucle::NpyArray", "the array has %1 frames")
                    .arg(shape[0]);
        // Fortran order would scatter a frame over the whole file.
        if (result->fortranOrder)
            return QCoreApplication::translate("Boucle::NpyArray",
                                               "a heatmap of several frames must be in C order "
                                               "(fortran_order False): save it with "
                                               "np.save(path, np.ascontiguousarray(a))");
        result->planes = shape.takeFirst();
    }
    if (shape.size() != 2)
        return QCoreApplication::translate("Boucle::NpyArray",
                                           "the array has %1 dimensions; a heatmap needs 2 (or "
                                           "3: frames, rows, columns)")
                .arg(shape.size());
    if (shape[0] == 0 || shape[1] == 0)
        return QCoreApplication::translate("Boucle::NpyArray", "the shape %1 x %2 is empty")
                .arg(shape[0])
                .arg(shape[1]);
    // Checked before anything is allocated: a sparse file can claim any shape for free.
    if (shape[0] > ImageLimits::maxHeatmapValues || shape[1] > ImageLimits::maxHeatmapValues
        || shape[0] * shape[1] > ImageLimits::maxHeatmapValues)
        return ImageLimits::checkHeatmap(sourceName,
                                         QSize(int(std::min<qint64>(shape[1], INT_MAX)),
                                               int(std::min<qint64>(shape[0], INT_MAX))));

    const bool littleEndianHost = QSysInfo::ByteOrder == QSysInfo::LittleEndian;
    result->swap = false;
    if (byteOrder == QLatin1String("<"))
        result->swap = !littleEndianHost;
    else if (byteOrder == QLatin1String(">"))
        result->swap = littleEndianHost;

    using Converter = void (*)(const char *, qsizetype, bool, float *);
    Converter converter = nullptr;
    if (kind == QLatin1Char('f') && itemSize == 2)
        converter = convert<qfloat16>;
    else if (kind == QLatin1Char('f') && itemSize == 4)
        converter = convert<float>;
    else if (kind == QLatin1Char('f') && itemSize == 8)
        converter = convert<double>;
    else if (kind == QLatin1Char('u') && itemSize == 1)
        converter = convert<quint8>;
    else if (kind == QLatin1Char('b') && itemSize == 1)
        converter = convert<quint8>;
    else if (kind == QLatin1Char('i') && itemSize == 1)
        converter = convert<qint8>;
    else if (kind == QLatin1Char('u') && itemSize == 2)
        converter = convert<quint16>;
    else if (kind == QLatin1Char('i') && itemSize == 2)
        converter = convert<qint16>;
    else if (kind == QLatin1Char('i') && itemSize == 4)
        converter = convert<qint32>;
    else if (kind == QLatin1Char('u') && itemSize == 4)
        converter = convert<quint32>;
    if (!converter)
        return QCoreApplication::translate(
                       "Boucle::NpyArray",
                       "the data type '%1' is not supported (float16/32/64 or integers are)")
                .arg(result->dtype);

    result->rows = shape[0];
    result->columns = shape[1];
    result->itemSize = itemSize;
    result->converter = converter;
    result->floatNative = kind == QLatin1Char('f') && itemSize == 4 && !result->swap;
    result->dataStart = preamble.size();
    return {};
}

NpyArray NpyArray::convertData(const Header &header, const char *data)
{
    NpyArray array = arrayOf(header);
    const qsizetype count = array.values.size();
    if (!header.fortranOrder && header.floatNative) {
        // The common case (np.save of a float32 map on a PC): the bytes are already our floats.
        std::memcpy(array.values.data(), data, size_t(count) * 4);
    } else if (!header.fortranOrder) {
        header.converter(data, count, header.swap, array.values.data());
    } else {
        // Column-major on disk: convert one column at a time into its place.
        QVector<float> column(array.rows);
        for (int c = 0; c < array.columns; ++c) {
            header.converter(data + qsizetype(c) * array.rows * header.itemSize, array.rows,
                             header.swap, column.data());
            for (int r = 0; r < array.rows; ++r)
                array.values[qsizetype(r) * array.columns + c] = column[r];
        }
    }
    return array;
}

} // namespace Boucle
