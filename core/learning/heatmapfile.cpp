#include "heatmapfile.h"

#include "imaging/imagelimits.h"
#include "imaging/regularfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

#include <opencv2/imgcodecs.hpp>

#include <climits>
#include <cstring>

namespace Boucle {

namespace {

const char Magic[] = "\x93NUMPY";
constexpr int MagicSize = 6;

} // namespace

bool HeatmapFile::writeNpy(const QString &path, const cv::Mat &map, QString *error)
{
    if (map.dims != 2 || map.channels() != 1) {
        if (error)
            *error = QCoreApplication::translate(
                             "Boucle::HeatmapFile",
                             "cannot write %1: a heatmap must be a 2-D single-channel array")
                             .arg(path);
        return false;
    }
    cv::Mat values;
    map.convertTo(values, CV_32F);
    QByteArray header
            = QStringLiteral("{'descr': '<f4', 'fortran_order': False, 'shape': (%1, %2), }")
                      .arg(values.rows)
                      .arg(values.cols)
                      .toLatin1();
    // Magic, version, 2-byte length, then the header padded with spaces so that the data starts
    // on a multiple of 64 bytes, ending with a newline.
    const int prefix = MagicSize + 2 + 2;
    const int total = ((prefix + header.size() + 1 + 63) / 64) * 64;
    header.append(QByteArray(total - prefix - header.size() - 1, ' '));
    header.append('\n');
    QByteArray bytes(Magic, MagicSize);
    bytes.append(char(1));
    bytes.append(char(0));
    bytes.append(char(header.size() & 0xff));
    bytes.append(char((header.size() >> 8) & 0xff));
    bytes.append(header);
    for (int row = 0; row < values.rows; ++row) {
        // float32 is little-endian on every platform Boucle builds for.
        bytes.append(reinterpret_cast<const char *>(values.ptr<float>(row)),
                     static_cast<qsizetype>(values.cols * sizeof(float)));
    }
    // A plain write (no fsync): heatmaps are many small files written next to their samples.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()
        || !file.flush()) {
        if (error)
            *error = QCoreApplication::translate("Boucle::HeatmapFile", "cannot write %1: %2")
                             .arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<cv::Mat> HeatmapFile::readNpy(const QString &path, QString *error)
{
    // A regular file only (never a pipe or a device), and only its header until the shape is
    // known to be within the limits; then only the values of that shape.
    RegularFile file;
    if (!file.open(path, ImageLimits::anyFileSize)) {
        if (error)
            *error = QCoreApplication::translate("Boucle::HeatmapFile", "cannot read %1: %2")
                             .arg(path, file.reason());
        return std::nullopt;
    }
    const QByteArray bytes = file.read(0, 12 + 65535);
    auto fail = [&](const QString &why) -> std::optional<cv::Mat> {
        if (error)
            *error = QCoreApplication::translate("Boucle::HeatmapFile",
                                                 "%1 is not a readable .npy heatmap: %2")
                             .arg(path, why);
        return std::nullopt;
    };
    if (bytes.size() < 10 || std::memcmp(bytes.constData(), Magic, MagicSize) != 0)
        return fail(QCoreApplication::translate("Boucle::HeatmapFile", "no NumPy signature"));
    const int major = static_cast<unsigned char>(bytes.at(6));
    int headerSize = 0;
    int headerStart = 0;
    if (major == 1) {
        headerSize = static_cast<unsigned char>(bytes.at(8))
                     | (static_cast<unsigned char>(bytes.at(9)) << 8);
        headerStart = 10;
    } else if (major == 2 || major == 3) {
        if (bytes.size() < 12)
            return fail(QCoreApplication::translate("Boucle::HeatmapFile", "truncated header"));
        headerSize = static_cast<unsigned char>(bytes.at(8))
                     | (static_cast<unsigned char>(bytes.at(9)) << 8)
                     | (static_cast<unsigned char>(bytes.at(10)) << 16)
                     | (static_cast<unsigned char>(bytes.at(11)) << 24);
        headerStart = 12;
    } else {
        return fail(QCoreApplication::translate("Boucle::HeatmapFile", "unknown format version %1")
                            .arg(major));
    }
    if (headerSize < 0 || headerStart + headerSize > bytes.size())
        return fail(QCoreApplication::translate("Boucle::HeatmapFile", "truncated header"));
    const QString header = QString::fromLatin1(bytes.mid(headerStart, headerSize));
    static const QRegularExpression descrPattern(
            QStringLiteral(R"('descr'\s*:\s*'([<>|=]?)([a-z])(\d+)')"));
    static const QRegularExpression orderPattern(QStringLiteral(R"('fortran_order'\s*:\s*(\w+))"));
    static const QRegularExpression shapePattern(
            QStringLiteral(R"('shape'\s*:\s*\(\s*(\d+)\s*,\s*(\d+)\s*,?\s*\))"));
    const auto descr = descrPattern.match(header);
    const auto order = orderPattern.match(header);
    const auto shape = shapePattern.match(header);
    if (!descr.hasMatch() || !order.hasMatch() || !shape.hasMatch())
        return fail(QCoreApplication::translate(
                "Boucle::HeatmapFile", "the header lacks descr, fortran_order or a 2-D shape"));
    if (order.captured(1) != QLatin1String("False"))
        return fail(QCoreApplication::translate("Boucle::HeatmapFile",
                                                "Fortran order is not supported"));
    const QString kind = descr.captured(2);
    const int width = descr.captured(3).toInt();
    const bool bigEndian = descr.captured(1) == QLatin1String(">");
    int type = -1;
    if (kind == QLatin1String("f") && width == 4 && !bigEndian)
        type = CV_32F;
    else if (kind == QLatin1String("f") && width == 2 && !bigEndian)
        type = CV_16F;
    else if (kind == QLatin1String("u") && width == 1)
        type = CV_8U;
    if (type < 0)
        return fail(QCoreApplication::translate("Boucle::HeatmapFile",
                                                "element type %1 is not float32, float16 or uint8")
                            .arg(descr.captured(0)));
    const qint64 rows = shape.captured(1).toLongLong();
    const qint64 cols = shape.captured(2).toLongLong();
    // Checked before allocating: the shape is only a claim until the data is there.
    if (rows <= 0 || cols <= 0)
        return fail(QCoreApplication::translate("Boucle::HeatmapFile", "the shape is empty"));
    if (rows > ImageLimits::maxHeatmapValues || cols > ImageLimits::maxHeatmapValues
        || rows * cols > ImageLimits::maxHeatmapValues)
        return fail(ImageLimits::checkHeatmap(path, QSize(int(std::min<qint64>(cols, INT_MAX)),
                                                          int(std::min<qint64>(rows, INT_MAX)))));
    const qsizetype dataSize = qsizetype(rows) * cols * width;
    if (file.size() - headerStart - headerSize < dataSize)
        return fail(QCoreApplication::translate("Boucle::HeatmapFile",
                                                "the data is shorter than its shape says"));
    cv::Mat raw(int(rows), int(cols), type);
    if (!file.device()->seek(headerStart + headerSize)
        || file.device()->read(reinterpret_cast<char *>(raw.data), dataSize) != dataSize)
        return fail(QCoreApplication::translate("Boucle::HeatmapFile",
                                                "the data is shorter than its shape says"));
    cv::Mat values;
    raw.convertTo(values, CV_32F);
    return values;
}

bool HeatmapFile::writeGreyPng16(const QString &path, const cv::Mat &map, QString *error)
{
    cv::Mat clamped;
    map.convertTo(clamped, CV_32F);
    cv::max(clamped, 0.0, clamped);
    cv::min(clamped, 1.0, clamped);
    cv::Mat grey;
    clamped.convertTo(grey, CV_16U, 65535.0);
    bool written = false;
    try {
        written = cv::imwrite(QFile::encodeName(path).toStdString(), grey);
    } catch (const cv::Exception &) {
        written = false;
    }
    if (!written && error)
        *error = QCoreApplication::translate("Boucle::HeatmapFile", "cannot write %1").arg(path);
    return written;
}

} // namespace Boucle
