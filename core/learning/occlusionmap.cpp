#include "occlusionmap.h"

namespace Boucle {

cv::Mat OcclusionMap::compute(const Committee &committee, const FeatureSpace &space,
                              const cv::Mat &image)
{
    return compute(committee, space, image, Options());
}

cv::Mat OcclusionMap::compute(const Committee &committee, const FeatureSpace &space,
                              const cv::Mat &image, const Options &options)
{
    cv::Mat map = cv::Mat::zeros(image.size(), CV_32F);
    if (image.empty() || options.patch <= 0 || options.stride <= 0)
        return map;
    std::vector<cv::Rect> patches;
    for (int y = 0; y + options.patch <= image.rows; y += options.stride) {
        for (int x = 0; x + options.patch <= image.cols; x += options.stride)
            patches.emplace_back(x, y, options.patch, options.patch);
    }
    // Variants: the original first, then one per patch that holds something besides background.
    std::vector<cv::Mat> variants {image};
    std::vector<cv::Rect> evaluated;
    cv::Mat coverage = cv::Mat::zeros(image.size(), CV_32F);
    for (const cv::Rect &patch : patches) {
        cv::Mat covering = coverage(patch);
        covering += 1.0;
        const cv::Mat region = image(patch);
        if (cv::countNonZero(region != options.background) == 0)
            continue;
        cv::Mat masked = image.clone();
        masked(patch).setTo(options.background);
        variants.push_back(masked);
        evaluated.push_back(patch);
    }
    const cv::Mat features = space.imageFeatures(variants);
    const CommitteePrediction prediction = committee.predict(features);
    const int top = prediction.topClass(0);
    const float original = prediction.probabilities.at<float>(0, top);
    for (std::size_t i = 0; i < evaluated.size(); ++i) {
        const float masked = prediction.probabilities.at<float>(static_cast<int>(i) + 1, top);
        cv::Mat region = map(evaluated[i]);
        region += double(original - masked);
    }
    cv::Mat covered = coverage > 0;
    cv::divide(map, coverage, map, 1.0, CV_32F);
    map.setTo(0, ~covered);
    return map;
}

} // namespace Boucle
