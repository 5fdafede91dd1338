#include "featurespace.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace Boucle {

namespace {
constexpr int OrientationBins = 16;
constexpr double Epsilon = 1e-7;
} // namespace

FeatureSpace FeatureSpace::fit(const LabelledSamples &samples)
{
    return fit(samples, Options());
}

FeatureSpace FeatureSpace::fit(const LabelledSamples &samples, Options options)
{
    FeatureSpace space;
    space.m_options = options;
    space.m_images = samples.hasImages();
    if (!space.m_images && !samples.raw.empty()) {
        space.m_mean.create(1, samples.raw.cols, CV_32F);
        space.m_stddev.create(1, samples.raw.cols, CV_32F);
        for (int column = 0; column < samples.raw.cols; ++column) {
            cv::Scalar mean;
            cv::Scalar stddev;
            cv::meanStdDev(samples.raw.col(column), mean, stddev);
            space.m_mean.at<float>(0, column) = static_cast<float>(mean[0]);
            // A constant column stays at zero rather than dividing by zero.
            space.m_stddev.at<float>(0, column)
                    = static_cast<float>(stddev[0] > Epsilon ? stddev[0] : 1.0);
        }
    }
    return space;
}

int FeatureSpace::dimensions() const
{
    return m_images ? HistogramSize : m_mean.cols;
}

cv::Mat FeatureSpace::transform(const LabelledSamples &samples) const
{
    return m_images ? imageFeatures(samples.images) : tabularFeatures(samples.raw);
}

cv::Mat FeatureSpace::imageFeatures(const cv::Mat &image) const
{
    cv::Mat row(1, HistogramSize, CV_32F);
    orientationHistogram(m_options.deskew ? deskew(image) : image, row);
    return row;
}

cv::Mat FeatureSpace::imageFeatures(const std::vector<cv::Mat> &images) const
{
    cv::Mat rows(static_cast<int>(images.size()), HistogramSize, CV_32F);
    for (int i = 0; i < rows.rows; ++i) {
        const cv::Mat &image = images[static_cast<std::size_t>(i)];
        orientationHistogram(m_options.deskew ? deskew(image) : image, rows.row(i));
    }
    return rows;
}

cv::Mat FeatureSpace::tabularFeatures(const cv::Mat &raw) const
{
    cv::Mat result;
    raw.convertTo(result, CV_32F);
    for (int i = 0; i < result.rows; ++i) {
        cv::Mat row = result.row(i);
        cv::subtract(row, m_mean, row);
        cv::divide(row, m_stddev, row);
    }
    return result;
}

cv::Mat FeatureSpace::deskew(const cv::Mat &image)
{
    const cv::Moments moments = cv::moments(image);
    if (std::abs(moments.mu02) < 1e-2)
        return image.clone();
    const double skew = moments.mu11 / moments.mu02;
    const double size = image.rows;
    const cv::Matx23d shear(1, skew, -0.5 * size * skew, 0, 1, 0);
    cv::Mat straight;
    cv::warpAffine(image, straight, shear, image.size(), cv::WARP_INVERSE_MAP | cv::INTER_LINEAR);
    return straight;
}

void FeatureSpace::orientationHistogram(const cv::Mat &image, cv::Mat row)
{
    cv::Mat gx;
    cv::Mat gy;
    cv::Sobel(image, gx, CV_32F, 1, 0);
    cv::Sobel(image, gy, CV_32F, 0, 1);
    cv::Mat magnitude;
    cv::Mat angle;
    cv::cartToPolar(gx, gy, magnitude, angle);
    row.setTo(0);
    auto *histogram = row.ptr<float>(0);
    const int halfRows = image.rows / 2;
    const int halfCols = image.cols / 2;
    for (int y = 0; y < image.rows; ++y) {
        const auto *m = magnitude.ptr<float>(y);
        const auto *a = angle.ptr<float>(y);
        for (int x = 0; x < image.cols; ++x) {
            const int cell = (y < halfRows ? 0 : 2) + (x < halfCols ? 0 : 1);
            int bin = static_cast<int>(OrientationBins * a[x] / (2.0 * CV_PI));
            bin = std::clamp(bin, 0, OrientationBins - 1);
            histogram[cell * OrientationBins + bin] += m[x];
        }
    }
    // Hellinger kernel: L1-normalise, square root, then L2-normalise.
    double sum = 0;
    for (int i = 0; i < HistogramSize; ++i)
        sum += histogram[i];
    double norm = 0;
    for (int i = 0; i < HistogramSize; ++i) {
        histogram[i] = static_cast<float>(std::sqrt(histogram[i] / (sum + Epsilon)));
        norm += double(histogram[i]) * histogram[i];
    }
    norm = std::sqrt(norm);
    for (int i = 0; i < HistogramSize; ++i)
        histogram[i] = static_cast<float>(histogram[i] / (norm + Epsilon));
}

} // namespace Boucle
