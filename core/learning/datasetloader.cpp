#include "datasetloader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <opencv2/imgcodecs.hpp>

namespace Boucle {

namespace {

constexpr int DigitSize = 20;
constexpr int DigitColumns = 100;
constexpr int DigitRows = 50;
constexpr int LetterFeatures = 16;

QString missingFileMessage(const QString &path)
{
    return QCoreApplication::translate(
                   "Boucle::DatasetLoader",
                   "%1 is missing; install the Debian package opencv-doc (it ships this data set)")
            .arg(path);
}

} // namespace

QString DatasetLoader::defaultDataDirectory()
{
    return QStringLiteral("/usr/share/doc/opencv-doc/examples/data");
}

QString DatasetLoader::defaultPath(const QString &dataset)
{
    if (dataset == QLatin1String("digits"))
        return defaultDataDirectory() + QStringLiteral("/digits.png");
    if (dataset == QLatin1String("letters"))
        return defaultDataDirectory() + QStringLiteral("/letter-recognition.data");
    return {};
}

QStringList DatasetLoader::datasetNames()
{
    return {QStringLiteral("digits"), QStringLiteral("letters")};
}

std::optional<LabelledSamples> DatasetLoader::loadDigits(const QString &path, QString *error)
{
    if (!QFileInfo::exists(path)) {
        if (error)
            *error = missingFileMessage(path);
        return std::nullopt;
    }
    const cv::Mat sheet = cv::imread(QFile::encodeName(path).toStdString(), cv::IMREAD_GRAYSCALE);
    if (sheet.cols != DigitSize * DigitColumns || sheet.rows != DigitSize * DigitRows) {
        if (error)
            *error = QCoreApplication::translate(
                             "Boucle::DatasetLoader",
                             "%1 is not the 2000x1000 digit sheet of opencv-doc")
                             .arg(path);
        return std::nullopt;
    }
    LabelledSamples samples;
    samples.name = QStringLiteral("digits");
    for (int digit = 0; digit < 10; ++digit)
        samples.classes.append(QString::number(digit));
    samples.images.reserve(DigitColumns * DigitRows);
    samples.labels.reserve(DigitColumns * DigitRows);
    // Five rows of tiles per digit, in order: rows 0-4 hold zeros, 5-9 ones, and so on.
    for (int row = 0; row < DigitRows; ++row) {
        for (int column = 0; column < DigitColumns; ++column) {
            const cv::Rect tile(column * DigitSize, row * DigitSize, DigitSize, DigitSize);
            samples.images.push_back(sheet(tile).clone());
            samples.labels.push_back(row / 5);
        }
    }
    return samples;
}

std::optional<LabelledSamples> DatasetLoader::loadLetters(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists()) {
        if (error)
            *error = missingFileMessage(path);
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error)
            *error = QCoreApplication::translate("Boucle::DatasetLoader", "cannot read %1: %2")
                             .arg(path, file.errorString());
        return std::nullopt;
    }
    LabelledSamples samples;
    samples.name = QStringLiteral("letters");
    for (char letter = 'A'; letter <= 'Z'; ++letter)
        samples.classes.append(QChar::fromLatin1(letter));
    std::vector<float> values;
    values.reserve(20000 * LetterFeatures);
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        const QList<QByteArray> fields = line.split(',');
        const bool labelOk = !fields.isEmpty() && fields.first().size() == 1
                             && fields.first().at(0) >= 'A' && fields.first().at(0) <= 'Z';
        if (fields.size() != LetterFeatures + 1 || !labelOk) {
            if (error)
                *error = QCoreApplication::translate("Boucle::DatasetLoader",
                                                     "%1, line %2: expected a letter A-Z and 16 "
                                                     "numbers separated by commas")
                                 .arg(path)
                                 .arg(lineNumber);
            return std::nullopt;
        }
        for (int i = 1; i <= LetterFeatures; ++i) {
            bool ok = false;
            const float value = fields.at(i).toFloat(&ok);
            if (!ok) {
                if (error)
                    *error = QCoreApplication::translate(
                                     "Boucle::DatasetLoader",
                                     "%1, line %2, field %3: '%4' is not a number")
                                     .arg(path)
                                     .arg(lineNumber)
                                     .arg(i + 1)
                                     .arg(QString::fromLatin1(fields.at(i)));
                return std::nullopt;
            }
            values.push_back(value);
        }
        samples.labels.push_back(fields.first().at(0) - 'A');
    }
    if (samples.labels.empty()) {
        if (error)
            *error = QCoreApplication::translate("Boucle::DatasetLoader", "%1 holds no samples")
                             .arg(path);
        return std::nullopt;
    }
    samples.raw = cv::Mat(samples.size(), LetterFeatures, CV_32F, values.data()).clone();
    return samples;
}

std::optional<LabelledSamples> DatasetLoader::load(const QString &dataset, QString *error)
{
    if (dataset == QLatin1String("digits"))
        return loadDigits(defaultPath(dataset), error);
    if (dataset == QLatin1String("letters"))
        return loadLetters(defaultPath(dataset), error);
    if (error)
        *error = QCoreApplication::translate("Boucle::DatasetLoader",
                                             "unknown data set '%1' (expected digits or letters)")
                         .arg(dataset);
    return std::nullopt;
}

} // namespace Boucle
