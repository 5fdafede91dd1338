#include "samplefile.h"

#include "imaging/regularfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <opencv2/imgcodecs.hpp>

namespace Boucle {

QStringList SampleFile::letterFeatureNames()
{
    // The attribute names of the UCI letter-recognition data set, in file order.
    return {QStringLiteral("x-box"), QStringLiteral("y-box"), QStringLiteral("width"),
            QStringLiteral("high"),  QStringLiteral("onpix"), QStringLiteral("x-bar"),
            QStringLiteral("y-bar"), QStringLiteral("x2bar"), QStringLiteral("y2bar"),
            QStringLiteral("xybar"), QStringLiteral("x2ybr"), QStringLiteral("xy2br"),
            QStringLiteral("x-ege"), QStringLiteral("xegvy"), QStringLiteral("y-ege"),
            QStringLiteral("yegvx")};
}

bool SampleFile::writeImage(const QString &path, const cv::Mat &image, QString *error)
{
    bool written = false;
    try {
        written = cv::imwrite(QFile::encodeName(path).toStdString(), image);
    } catch (const cv::Exception &) {
        written = false;
    }
    if (!written && error)
        *error = QCoreApplication::translate("Boucle::SampleFile", "cannot write the image %1")
                         .arg(path);
    return written;
}

bool SampleFile::writeFeatureRow(const QString &path, const cv::Mat &row, QString *error)
{
    QByteArray text = letterFeatureNames().join(QLatin1Char(',')).toLatin1() + '\n';
    cv::Mat values;
    row.convertTo(values, CV_32F);
    for (int i = 0; i < values.cols; ++i) {
        if (i > 0)
            text += ',';
        text += QByteArray::number(values.at<float>(0, i), 'g', 7);
    }
    text += '\n';
    // A plain write: QSaveFile's fsync per file made 20,000 letters take minutes on a busy disk.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size()
        || !file.flush()) {
        if (error)
            *error = QCoreApplication::translate("Boucle::SampleFile", "cannot write %1: %2")
                             .arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<cv::Mat> SampleFile::readImage(const QString &path, QString *error)
{
    if (!QFileInfo::exists(path)) {
        if (error)
            *error = QCoreApplication::translate("Boucle::SampleFile", "the sample %1 is missing")
                             .arg(path);
        return std::nullopt;
    }
    cv::Mat image;
    try {
        image = cv::imread(QFile::encodeName(path).toStdString(), cv::IMREAD_GRAYSCALE);
    } catch (const cv::Exception &) {
        image.release();
    }
    if (image.empty()) {
        if (error)
            *error = QCoreApplication::translate("Boucle::SampleFile",
                                                 "the sample %1 is not a readable image")
                             .arg(path);
        return std::nullopt;
    }
    return image;
}

std::optional<cv::Mat> SampleFile::readFeatureRow(const QString &path, QString *error)
{
    const auto vector = readFeatureVector(path, error);
    if (!vector)
        return std::nullopt;
    const auto expected = letterFeatureNames().size();
    if (vector->values.size() != expected) {
        if (error)
            *error = QCoreApplication::translate(
                             "Boucle::SampleFile",
                             "%1, line 2: expected %2 numbers separated by commas")
                             .arg(path)
                             .arg(expected);
        return std::nullopt;
    }
    cv::Mat row(1, int(expected), CV_32F);
    for (int i = 0; i < int(expected); ++i)
        row.at<float>(0, i) = vector->values.at(i);
    return row;
}

std::optional<SampleFile::FeatureVector> SampleFile::readFeatureVector(const QString &path,
                                                                       QString *error)
{
    // A feature row is a few hundred bytes; a bigger file is not one. Read on the GUI thread, so
    // only ever a regular file: a sample that became a pipe or a link to a device must not block
    // the window.
    constexpr qint64 largest = 1 << 20;
    QString reason;
    std::optional<QByteArray> content = RegularFile::readAll(path, largest, &reason);
    if (!content) {
        if (error)
            *error = QCoreApplication::translate("Boucle::SampleFile",
                                                 "cannot read the sample %1: %2")
                             .arg(path, reason);
        return std::nullopt;
    }
    content->replace("\r\n", "\n");
    const QList<QByteArray> lines = content->trimmed().split('\n');
    if (lines.size() != 2) {
        if (error)
            *error = QCoreApplication::translate("Boucle::SampleFile",
                                                 "%1: expected two lines, the feature names then "
                                                 "their values, found %2")
                             .arg(path)
                             .arg(lines.size());
        return std::nullopt;
    }
    FeatureVector vector;
    for (const QByteArray &name : lines.first().split(','))
        vector.names.append(QString::fromUtf8(name.trimmed()));
    const QList<QByteArray> fields = lines.last().split(',');
    if (fields.size() != vector.names.size()) {
        if (error)
            *error = QCoreApplication::translate("Boucle::SampleFile",
                                                 "%1, line 2: %2 values for %3 names")
                             .arg(path)
                             .arg(fields.size())
                             .arg(vector.names.size());
        return std::nullopt;
    }
    for (int i = 0; i < fields.size(); ++i) {
        bool ok = false;
        vector.values.append(fields.at(i).trimmed().toFloat(&ok));
        if (!ok) {
            if (error)
                *error = QCoreApplication::translate(
                                 "Boucle::SampleFile",
                                 "%1, line 2, field %2 (%3): '%4' is not a number")
                                 .arg(path)
                                 .arg(i + 1)
                                 .arg(vector.names.at(i), QString::fromLatin1(fields.at(i)));
            return std::nullopt;
        }
    }
    return vector;
}

} // namespace Boucle
