#include "digitcanvas.h"

#include <opencv2/imgproc.hpp>

#include <array>
#include <cmath>

namespace Boucle {

namespace {

constexpr int TileSize = 20;
constexpr int Margin = 2; // pixels kept free between two digits' tiles

const std::array<cv::Size, 5> CanvasSizes {cv::Size(256, 256), cv::Size(320, 240),
                                           cv::Size(384, 288), cv::Size(448, 336),
                                           cv::Size(512, 384)};

cv::Point randomPoint(cv::RNG &random, const cv::Size &size)
{
    return {random.uniform(0, size.width), random.uniform(0, size.height)};
}

} // namespace

DigitCanvasMaker::DigitCanvasMaker(const LabelledSamples &digits, std::vector<int> tiles,
                                   quint64 seed, Options options)
    : m_digits(digits)
    , m_tiles(std::move(tiles))
    , m_random(seed ? seed : 1) // cv::RNG takes a zero state as "use the default"
    , m_options(options)
{ }

void DigitCanvasMaker::drawBackground(cv::Mat &image)
{
    const cv::Size size = CanvasSizes[std::size_t(m_random.uniform(0, int(CanvasSizes.size())))];
    // Uneven light: a bilinear ramp between four corner levels.
    const float base = m_random.uniform(8.0f, 48.0f);
    cv::Mat corners(2, 2, CV_32F);
    for (int i = 0; i < 4; ++i)
        corners.at<float>(i / 2, i % 2) = base + m_random.uniform(-12.0f, 24.0f);
    cv::Mat light;
    cv::resize(corners, light, size, 0, 0, cv::INTER_LINEAR);
    cv::Mat noise(size, CV_32F);
    m_random.fill(noise, cv::RNG::NORMAL, 0.0, m_random.uniform(4.0, 14.0));
    light += noise;
    light.convertTo(image, CV_8U);
}

void DigitCanvasMaker::drawClutter(cv::Mat &image)
{
    // Strokes that look like parts of digits (a bar like a 1, an arc like a 0 or a 6), so the
    // detector meets real look-alikes.
    const int count = m_random.uniform(2, 10);
    for (int i = 0; i < count; ++i) {
        const cv::Scalar grey(m_random.uniform(70, 220));
        const int thickness = m_random.uniform(1, 4);
        const cv::Point start = randomPoint(m_random, image.size());
        switch (m_random.uniform(0, 4)) {
        case 0: {
            const double angle = m_random.uniform(0.0, 2 * CV_PI);
            const double length = m_random.uniform(10.0, 80.0);
            const cv::Point end(start.x + int(length * std::cos(angle)),
                                start.y + int(length * std::sin(angle)));
            cv::line(image, start, end, grey, thickness, cv::LINE_AA);
            break;
        }
        case 1: {
            const cv::Size axes(m_random.uniform(4, 26), m_random.uniform(4, 26));
            const double from = m_random.uniform(0.0, 360.0);
            cv::ellipse(image, start, axes, m_random.uniform(0.0, 180.0), from,
                        from + m_random.uniform(90.0, 300.0), grey, thickness, cv::LINE_AA);
            break;
        }
        case 2: {
            std::vector<cv::Point> points {start};
            const int corners = m_random.uniform(3, 6);
            for (int k = 1; k < corners; ++k)
                points.emplace_back(points.back().x + m_random.uniform(-20, 21),
                                    points.back().y + m_random.uniform(-20, 21));
            cv::polylines(image, points, false, grey, std::min(thickness, 2), cv::LINE_AA);
            break;
        }
        default:
            cv::circle(image, start, m_random.uniform(2, 7), cv::Scalar(m_random.uniform(60, 160)),
                       cv::FILLED, cv::LINE_AA);
            break;
        }
    }
}

DigitCanvas DigitCanvasMaker::next()
{
    DigitCanvas canvas;
    if (atEnd())
        return canvas;
    drawBackground(canvas.image);
    drawClutter(canvas.image);
    const int wanted = m_random.uniform(m_options.minDigits, m_options.maxDigits + 1);
    const double low = std::log(m_options.minScale);
    const double high = std::log(m_options.maxScale);
    for (int d = 0; d < wanted && !atEnd(); ++d) {
        const int source = m_tiles[m_next++];
        const int side = int(std::lround(TileSize * std::exp(m_random.uniform(low, high))));
        const double contrast = m_random.uniform(0.55, 1.0);
        cv::Rect tile;
        for (int attempt = 0; attempt < 60 && tile.empty(); ++attempt) {
            const cv::Rect candidate(m_random.uniform(0, canvas.image.cols - side + 1),
                                     m_random.uniform(0, canvas.image.rows - side + 1), side, side);
            const cv::Rect spaced(candidate.x - Margin, candidate.y - Margin, side + 2 * Margin,
                                  side + 2 * Margin);
            bool free = true;
            for (const DigitObject &placed : canvas.objects)
                free = free && (placed.tile & spaced).empty();
            if (free)
                tile = candidate;
        }
        if (tile.empty())
            continue; // no room left for a digit this large: the tile is not used
        cv::Mat scaled;
        cv::resize(m_digits.images[std::size_t(source)], scaled, tile.size(), 0, 0,
                   cv::INTER_LINEAR);
        cv::Mat ink;
        cv::findNonZero(scaled >= inkLevel, ink);
        if (ink.empty())
            continue;
        DigitObject object;
        object.label = m_digits.labels[std::size_t(source)];
        object.box = cv::boundingRect(ink) + tile.tl();
        object.tile = tile;
        object.sourceIndex = source;
        cv::Mat faded;
        scaled.convertTo(faded, CV_8U, contrast);
        cv::Mat region = canvas.image(tile);
        cv::max(region, faded, region);
        canvas.objects.push_back(object);
    }
    return canvas;
}

} // namespace Boucle
