// LabelledSamples: a data set held in memory for learning, with its class names, its samples
// (images for digits, raw feature rows for letters) and the known label of each sample.
// A plain value; any thread may read it, one thread may change it.
#pragma once

#include <QStringList>

#include <opencv2/core.hpp>

#include <vector>

namespace Boucle {

struct LabelledSamples
{
    QString name;                // "digits" or "letters"
    QStringList classes;         // class names, in the order of the label indices
    std::vector<cv::Mat> images; // CV_8UC1 images, one per sample; empty for tabular data
    cv::Mat raw;                 // CV_32F, one row per sample; empty for image data
    std::vector<int> labels;     // class index of each sample

    int size() const { return static_cast<int>(labels.size()); }
    int classCount() const { return static_cast<int>(classes.size()); }
    bool hasImages() const { return !images.empty(); }

    // The samples at the given indices, in that order, as a new data set.
    LabelledSamples subset(const std::vector<int> &indices) const;
};

} // namespace Boucle
