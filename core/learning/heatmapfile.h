// HeatmapFile: writes and reads the 2-D maps that the prediction log's `heatmap` field points to.
// `.npy` is NumPy's format version 1.0 with a little-endian float32 ('<f4'), C order, shape
// (rows, cols): exact values, read by numpy.load. The 16-bit grey PNG keeps 0..1 as 0..65535
// (values are clamped: negative drops become 0). Stateless; any thread.
#pragma once

#include <QString>

#include <opencv2/core.hpp>

#include <optional>

namespace Boucle {

class HeatmapFile
{
public:
    static bool writeNpy(const QString &path, const cv::Mat &map, QString *error);
    // Reads float32 ('<f4'), float16 ('<f2') and uint8 ('|u1') 2-D arrays as CV_32F.
    static std::optional<cv::Mat> readNpy(const QString &path, QString *error);
    static bool writeGreyPng16(const QString &path, const cv::Mat &map, QString *error);
};

} // namespace Boucle
