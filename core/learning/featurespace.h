// FeatureSpace: turns samples into the feature rows the committee learns from.
// Digits: each tile is deskewed by its second-order moments, then described by a histogram of
// oriented gradients (4 cells of 10x10 pixels, 16 signed orientation bins weighted by gradient
// magnitude, Hellinger-normalised: 64 numbers). Letters: the 16 raw features standardised to
// zero mean and unit variance with statistics fitted on the whole data set (no labels used).
// A value; const methods may be called from any thread.
#pragma once

#include "labelledsamples.h"

#include <opencv2/core.hpp>

namespace Boucle {

class FeatureSpace
{
public:
    struct Options
    {
        bool deskew = true;
    };

    static FeatureSpace fit(const LabelledSamples &samples);
    static FeatureSpace fit(const LabelledSamples &samples, Options options);

    // One CV_32F row per sample.
    cv::Mat transform(const LabelledSamples &samples) const;
    // Image data sets only: the features of one image (one row), or of several (one row each).
    cv::Mat imageFeatures(const cv::Mat &image) const;
    cv::Mat imageFeatures(const std::vector<cv::Mat> &images) const;
    // Tabular data sets only: standardises raw rows.
    cv::Mat tabularFeatures(const cv::Mat &raw) const;

    bool isImageSpace() const { return m_images; }
    int dimensions() const;

    // Straightens a slanted digit using its image moments (same size, CV_8UC1).
    static cv::Mat deskew(const cv::Mat &image);
    // The 64-number gradient histogram of a CV_8UC1 image, written into `row` (1 x 64 CV_32F).
    static void orientationHistogram(const cv::Mat &image, cv::Mat row);
    static constexpr int HistogramSize = 64;

private:
    bool m_images = false;
    Options m_options;
    cv::Mat m_mean;   // 1 x D, tabular only
    cv::Mat m_stddev; // 1 x D, tabular only
};

} // namespace Boucle
