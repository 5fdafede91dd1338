// A photo-like test image for the runners that time decoding and painting: a side x side JPEG of
// 300 random anti-aliased circles (so it compresses as a real scene does, not as a flat fill).
#pragma once

#include <QString>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace Boucle::Bench {

inline void writeScene(const QString &path, int seed, int side)
{
    cv::Mat scene(side, side, CV_8UC3, cv::Scalar(40, 60, 80));
    cv::RNG rng {static_cast<uint64>(seed)};
    for (int i = 0; i < 300; ++i) {
        cv::circle(scene, cv::Point(rng.uniform(0, side), rng.uniform(0, side)),
                   rng.uniform(10, side / 10),
                   cv::Scalar(rng.uniform(0, 255), rng.uniform(0, 255), rng.uniform(0, 255)),
                   rng.uniform(-1, 12), cv::LINE_AA);
    }
    cv::imwrite(path.toStdString(), scene, {cv::IMWRITE_JPEG_QUALITY, 90});
}

} // namespace Boucle::Bench
