#include "imaging/npyarray.h"

#include <QCoreApplication>
#include <QFile>
#include <QFloat16>
#include <QRegularExpression>
#include <QtEndian>

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

NpyArray NpyArray::read(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return failure(path,
                       QCoreApplication::translate("Boucle::NpyArray", "the file does not exist"));
    if (!file.open(QIODevice::ReadOnly))
        return failure(path, file.errorString());
    // A full-resolution float map is tens of megabytes: parse it in place from the mapping.
    if (const uchar *mapped = file.size() > 0 ? file.map(0, file.size()) : nullptr) {
        return parse(QByteArray::fromRawData(reinterpret_cast<const char *>(mapped),
                                             qsizetype(file.size())),
                     path);
    }
    return parse(file.readAll(), path);
}

NpyArray NpyArray::parse(const QByteArray &bytes, const QString &sourceName)
{
    static const QByteArray magic("\x93NUMPY", 6);
    if (!bytes.startsWith(magic))
        return failure(sourceName, QCoreApplication::translate(
                                           "Boucle::NpyArray",
                                           "not a NumPy .npy file (the magic string is missing)"));
    if (bytes.size() < 10)
        return failure(sourceName,
                       QCoreApplication::translate("Boucle::NpyArray", "the header is truncated"));
    const int major = static_cast<uchar>(bytes[6]);
    qsizetype headerLength = 0;
    qsizetype headerStart = 0;
    if (major == 1) {
        headerLength = qFromLittleEndian<quint16>(bytes.constData() + 8);
        headerStart = 10;
    } else if (major == 2 || major == 3) {
        if (bytes.size() < 12)
            return failure(sourceName, QCoreApplication::translate("Boucle::NpyArray",
                                                                   "the header is truncated"));
        headerLength = qFromLittleEndian<quint32>(bytes.constData() + 8);
        headerStart = 12;
    } else {
        return failure(sourceName, QCoreApplication::translate(
                                           "Boucle::NpyArray",
                                           "format version %1 is not supported (1, 2 and 3 are)")
                                           .arg(major));
    }
    if (headerStart + headerLength > bytes.size())
        return failure(sourceName,
                       QCoreApplication::translate("Boucle::NpyArray", "the header is truncated"));
    const QString header = QString::fromLatin1(bytes.constData() + headerStart, headerLength);

    static const QRegularExpression descrPattern(
            QStringLiteral(R"('descr'\s*:\s*'([<>|=]?)([a-zA-Z])(\d*)')"));
    static const QRegularExpression fortranPattern(
            QStringLiteral(R"('fortran_order'\s*:\s*(True|False))"));
    static const QRegularExpression shapePattern(QStringLiteral(R"('shape'\s*:\s*\(([^)]*)\))"));
    const auto descr = descrPattern.match(header);
    const auto fortran = fortranPattern.match(header);
    const auto shapeMatch = shapePattern.match(header);
    if (!descr.hasMatch() || !fortran.hasMatch() || !shapeMatch.hasMatch())
        return failure(sourceName,
                       QCoreApplication::translate(
                               "Boucle::NpyArray",
                               "the header does not name descr, fortran_order and shape"));

    NpyArray array;
    const QString byteOrder = descr.captured(1);
    const QChar kind = descr.captured(2).at(0);
    const int itemSize = descr.captured(3).toInt();
    array.dtype = descr.captured(1) + descr.captured(2) + descr.captured(3);
    const bool fortranOrder = fortran.captured(1) == QLatin1String("True");

    QList<qint64> shape;
    const QStringList dimensions
            = shapeMatch.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &dimension : dimensions) {
        bool ok = false;
        const qint64 value = dimension.trimmed().toLongLong(&ok);
        if (!ok || value < 0)
            return failure(sourceName,
                           QCoreApplication::translate("Boucle::NpyArray",
                                                       "the shape (%1) is not a list of sizes")
                                   .arg(shapeMatch.captured(1)));
        shape.append(value);
    }
    // A heatmap is 2-D; a leading or trailing axis of size 1 (a batch or channel) is dropped.
    while (shape.size() > 2 && shape.first() == 1)
        shape.removeFirst();
    while (shape.size() > 2 && shape.last() == 1)
        shape.removeLast();
    if (shape.size() != 2)
        return failure(sourceName,
                       QCoreApplication::translate("Boucle::NpyArray",
                                                   "the array has %1 dimensions; a heatmap needs 2")
                               .arg(shape.size()));
    if (shape[0] == 0 || shape[1] == 0 || shape[0] > 65536 || shape[1] > 65536)
        return failure(sourceName,
                       QCoreApplication::translate("Boucle::NpyArray",
                                                   "the shape %1 x %2 is empty or too large")
                               .arg(shape[0])
                               .arg(shape[1]));

    const bool littleEndianHost = QSysInfo::ByteOrder == QSysInfo::LittleEndian;
    bool swap = false;
    if (byteOrder == QLatin1String("<"))
        swap = !littleEndianHost;
    else if (byteOrder == QLatin1String(">"))
        swap = littleEndianHost;

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
        return failure(
                sourceName,
                QCoreApplication::translate(
                        "Boucle::NpyArray",
                        "the data type '%1' is not supported (float16/32/64 or integers are)")
                        .arg(array.dtype));

    const qsizetype count = qsizetype(shape[0]) * qsizetype(shape[1]);
    const qsizetype dataStart = headerStart + headerLength;
    const qsizetype available = bytes.size() - dataStart;
    if (available < count * itemSize)
        return failure(sourceName, QCoreApplication::translate(
                                           "Boucle::NpyArray",
                                           "the data is truncated: %1 bytes expected, %2 found")
                                           .arg(count * itemSize)
                                           .arg(available));

    array.rows = int(shape[0]);
    array.columns = int(shape[1]);
    array.values.resize(count);
    if (!fortranOrder && kind == QLatin1Char('f') && itemSize == 4 && !swap) {
        // The common case (np.save of a float32 map on a PC): the bytes are already our floats.
        std::memcpy(array.values.data(), bytes.constData() + dataStart, size_t(count) * 4);
    } else if (!fortranOrder) {
        converter(bytes.constData() + dataStart, count, swap, array.values.data());
    } else {
        // Column-major on disk: convert one column at a time into its place.
        QVector<float> column(array.rows);
        for (int c = 0; c < array.columns; ++c) {
            converter(bytes.constData() + dataStart + qsizetype(c) * array.rows * itemSize,
                      array.rows, swap, column.data());
            for (int r = 0; r < array.rows; ++r)
                array.values[qsizetype(r) * array.columns + c] = column[r];
        }
    }
    return array;
}

} // namespace Boucle
