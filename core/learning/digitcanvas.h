// DigitCanvas: a detection scene made of real handwritten digits. On a grey canvas (a dark,
// unevenly lit background with sensor noise and stroke-like clutter: lines, arcs, scribbles and
// blots) 1 to 5 digit tiles of opencv-doc's digits.png are drawn at varied scales and contrasts,
// never overlapping one another, and the class and true box of each are kept.
// DigitCanvasMaker draws them in turn from a queue of tiles and a seed: the same tiles and seed
// give the same canvases. One maker per thread.
#pragma once

#include "labelledsamples.h"

#include <opencv2/core.hpp>

#include <vector>

namespace Boucle {

struct DigitObject
{
    int label = -1; // class index into LabelledSamples::classes
    // The digit's ink (pixels of the scaled tile above DigitCanvasMaker::inkLevel), in pixel
    // edges of the canvas: what a person would draw around it.
    cv::Rect box;
    // The whole scaled 20x20 tile as placed (a square holding `box`).
    cv::Rect tile;
    int sourceIndex = -1; // index of the tile in the data set
};

struct DigitCanvas
{
    cv::Mat image; // CV_8UC1
    std::vector<DigitObject> objects;
};

class DigitCanvasMaker
{
public:
    // A scaled tile's pixels at or above this grey level are the digit's ink.
    static constexpr int inkLevel = 64;

    struct Options
    {
        int minDigits = 1;
        int maxDigits = 5;
        double minScale = 1.0; // a 20x20 tile drawn 20 to 60 pixels wide
        double maxScale = 3.0;
    };

    // `tiles` are indices into `digits` (which must outlive the maker), used in order, each once.
    DigitCanvasMaker(const LabelledSamples &digits, std::vector<int> tiles, quint64 seed,
                     Options options);

    bool atEnd() const { return m_next >= m_tiles.size(); }
    // The next canvas; it may hold fewer digits than drawn when they do not fit side by side, but
    // always at least one while tiles remain.
    DigitCanvas next();

private:
    void drawBackground(cv::Mat &image);
    void drawClutter(cv::Mat &image);

    const LabelledSamples &m_digits;
    std::vector<int> m_tiles;
    std::size_t m_next = 0;
    cv::RNG m_random;
    Options m_options;
};

} // namespace Boucle
