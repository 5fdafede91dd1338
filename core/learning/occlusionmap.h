// OcclusionMap: evidence of what a committee looked at in an image. Each square patch (4x4 pixels,
// stride 2) is masked in turn with the background value; the drop of the top-class probability
// (original minus masked, negative when masking helped) is spread over the patch's pixels and
// averaged where patches overlap. The result is a CV_32F map of the image's size, in probability
// units. Patches that are already entirely background cannot change the input, so they are not
// evaluated (their drop is exactly 0): on digits this skips about half of them.
// Stateless; any thread, provided the committee is not trained at the same time.
#pragma once

#include "committee.h"
#include "featurespace.h"

namespace Boucle {

class OcclusionMap
{
public:
    struct Options
    {
        int patch = 4;
        int stride = 2;
        uchar background = 0;
    };

    static cv::Mat compute(const Committee &committee, const FeatureSpace &space,
                           const cv::Mat &image);
    static cv::Mat compute(const Committee &committee, const FeatureSpace &space,
                           const cv::Mat &image, const Options &options);
};

} // namespace Boucle
