// SampleFile: the files that hold one sample of the learning data sets on disk. A digit is a
// 20x20 8-bit grey PNG; a letter is a two-line CSV, the 16 feature names of the UCI letter data
// set then the sample's 16 integer values, so a person (or the sample view's chart) can read it.
// Stateless; any thread.
#pragma once

#include <QStringList>
#include <QVector>

#include <opencv2/core.hpp>

#include <optional>

namespace Boucle {

class SampleFile
{
public:
    static QStringList letterFeatureNames();

    static bool writeImage(const QString &path, const cv::Mat &image, QString *error);
    static bool writeFeatureRow(const QString &path, const cv::Mat &row, QString *error);

    static std::optional<cv::Mat> readImage(const QString &path, QString *error);
    // One CV_32F row of the values.
    static std::optional<cv::Mat> readFeatureRow(const QString &path, QString *error);

    // Any feature CSV of this shape (a header of names, then one row of numbers), for showing
    // a tabular sample; *names gets the header.
    struct FeatureVector
    {
        QStringList names;
        QVector<float> values;
    };
    static std::optional<FeatureVector> readFeatureVector(const QString &path, QString *error);
};

} // namespace Boucle
