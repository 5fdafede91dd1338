#include "slidingwindowdetector.h"

#include "committee.h"
#include "committeemember.h"
#include "featurespace.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <random>

namespace Boucle {

namespace {

constexpr int Window = 20;
constexpr int Block = 5;                     // the window's step, and a quarter of a cell's area
constexpr int WindowBlocks = Window / Block; // a window is 4x4 blocks
constexpr int Bins = 16;
constexpr int CoarseBins = 8;
constexpr int Histogram = WindowBlocks * WindowBlocks * CoarseBins;
// The gradient histogram, then where the ink lies: the share of ink pixels in each of the 4x4
// blocks, which tells a centred digit from a stroke of clutter or a digit cut by the window.
constexpr int Dimensions = Histogram + WindowBlocks * WindowBlocks;
constexpr double LevelsPerOctave = 3.0;
constexpr int MinCentreInk = 3;          // ink pixels in the window's central 10x10
constexpr float PositiveOverlap = 0.55f; // a window this close to a digit's tile shows it
constexpr float NegativeOverlap = 0.25f; // a background window overlaps every tile less
constexpr int HardNegativeSample = 200;  // background windows per canvas scored for hard negatives
constexpr int DigitWindow = 0;           // the objectness forest's two classes
constexpr int BackgroundWindow = 1;

double levelFactor(int index)
{
    return std::pow(2.0, -index / LevelsPerOctave);
}

cv::Rect2f toRect2f(const cv::Rect &rect)
{
    return {float(rect.x), float(rect.y), float(rect.width), float(rect.height)};
}

float containedShare(const cv::Rect2f &a, const cv::Rect2f &b)
{
    const float inside = (a & b).area();
    const float smaller = std::min(a.area(), b.area());
    return smaller > 0 ? inside / smaller : 0.0f;
}

} // namespace

// One level of the pyramid, summed in 5x5 blocks: per block, the gradient magnitude of each
// orientation bin and the number of ink pixels.
struct SlidingWindowDetector::Level
{
    double factor = 1.0; // level pixels per canvas pixel
    int columns = 0;     // blocks
    int rows = 0;
    std::vector<float> bins; // rows x columns x Bins
    std::vector<int> ink;    // rows x columns

    const float *binsAt(int x, int y) const
    {
        return bins.data() + (std::size_t(y) * std::size_t(columns) + std::size_t(x)) * Bins;
    }
    int inkIn(int x, int y, int width, int height) const
    {
        int sum = 0;
        for (int j = y; j < y + height; ++j)
            for (int i = x; i < x + width; ++i)
                sum += ink[std::size_t(j) * std::size_t(columns) + std::size_t(i)];
        return sum;
    }
    cv::Rect2f canvasBox(const cv::Point &corner) const
    {
        const auto side = float(Window / factor);
        return {float(corner.x * Block / factor), float(corner.y * Block / factor), side, side};
    }
};

struct SlidingWindowDetector::Windows
{
    std::vector<float> features;   // rows of Dimensions numbers
    std::vector<cv::Rect2f> boxes; // in canvas pixels
    std::vector<int> labels;       // training only

    int size() const { return int(boxes.size()); }
    cv::Mat matrix() { return cv::Mat(size(), Dimensions, CV_32F, features.data()); }
};

SlidingWindowDetector::SlidingWindowDetector(int classCount, Options options)
    : m_classCount(classCount)
    , m_options(options)
{ }

SlidingWindowDetector::SlidingWindowDetector(SlidingWindowDetector &&) noexcept = default;
SlidingWindowDetector &SlidingWindowDetector::operator=(
        SlidingWindowDetector &&) noexcept = default;
SlidingWindowDetector::~SlidingWindowDetector() = default;

bool SlidingWindowDetector::isTrained() const
{
    return m_objectness && m_classifier;
}

float SlidingWindowDetector::iou(const cv::Rect2f &a, const cv::Rect2f &b)
{
    const float inside = (a & b).area();
    const float both = a.area() + b.area() - inside;
    return both > 0 ? inside / both : 0.0f;
}

std::vector<SlidingWindowDetector::Level> SlidingWindowDetector::pyramidOf(
        const cv::Mat &image) const
{
    std::vector<Level> pyramid;
    for (int index = 0; index < m_options.levels; ++index) {
        Level level;
        level.factor = levelFactor(index);
        const cv::Size size(int(std::lround(image.cols * level.factor)),
                            int(std::lround(image.rows * level.factor)));
        if (size.width < Window || size.height < Window)
            break;
        cv::Mat scaled = image;
        if (index > 0)
            cv::resize(image, scaled, size, 0, 0, cv::INTER_AREA);
        cv::Mat gx;
        cv::Mat gy;
        cv::Sobel(scaled, gx, CV_32F, 1, 0);
        cv::Sobel(scaled, gy, CV_32F, 0, 1);
        cv::Mat magnitude;
        cv::Mat angle;
        cv::cartToPolar(gx, gy, magnitude, angle);
        level.columns = size.width / Block;
        level.rows = size.height / Block;
        level.bins.assign(std::size_t(level.columns) * std::size_t(level.rows) * Bins, 0.0f);
        level.ink.assign(std::size_t(level.columns) * std::size_t(level.rows), 0);
        // One pass over the pixels: floor(bins x angle / 2 pi), as
        // FeatureSpace::orientationHistogram bins a tile.
        const float toBin = float(Bins / (2.0 * CV_PI));
        const auto inkLevel = uchar(std::clamp(m_options.inkLevel, 0, 255));
        for (int y = 0; y < level.rows * Block; ++y) {
            const float *m = magnitude.ptr<float>(y);
            const float *a = angle.ptr<float>(y);
            const uchar *grey = scaled.ptr<uchar>(y);
            const std::size_t row = std::size_t(y / Block) * std::size_t(level.columns);
            float *bins = level.bins.data() + row * Bins;
            int *ink = level.ink.data() + row;
            for (int x = 0; x < level.columns * Block; ++x) {
                const int bin = std::min(int(a[x] * toBin), Bins - 1);
                bins[(x / Block) * Bins + bin] += m[x];
                ink[x / Block] += grey[x] >= inkLevel;
            }
        }
        pyramid.push_back(std::move(level));
    }
    return pyramid;
}

std::vector<cv::Point> SlidingWindowDetector::candidates(const Level &level) const
{
    std::vector<cv::Point> corners;
    for (int y = 0; y + WindowBlocks <= level.rows; ++y) {
        for (int x = 0; x + WindowBlocks <= level.columns; ++x) {
            const int ink = level.inkIn(x, y, WindowBlocks, WindowBlocks);
            if (ink >= m_options.minInk && ink <= m_options.maxInk
                && level.inkIn(x + 1, y + 1, 2, 2) >= MinCentreInk)
                corners.emplace_back(x, y);
        }
    }
    return corners;
}

void SlidingWindowDetector::addWindow(const Level &level, const cv::Point &corner,
                                      Windows &out) const
{
    std::array<float, Histogram> row {};
    for (int y = 0; y < WindowBlocks; ++y) {
        for (int x = 0; x < WindowBlocks; ++x) {
            const float *bins = level.binsAt(corner.x + x, corner.y + y);
            float *histogram = row.data() + (y * WindowBlocks + x) * CoarseBins;
            for (int b = 0; b < Bins; ++b)
                histogram[b / (Bins / CoarseBins)] += bins[b];
        }
    }
    // Hellinger kernel: L1-normalise, square root, then L2-normalise.
    float sum = 1e-7f;
    for (const float value : row)
        sum += value;
    float norm = 0.0f;
    for (float &value : row) {
        value = std::sqrt(value / sum);
        norm += value * value;
    }
    norm = std::sqrt(norm) + 1e-7f;
    for (const float value : row)
        out.features.push_back(value / norm);
    for (int y = 0; y < WindowBlocks; ++y)
        for (int x = 0; x < WindowBlocks; ++x)
            out.features.push_back(float(level.inkIn(corner.x + x, corner.y + y, 1, 1))
                                   / (Block * Block));
    out.boxes.push_back(level.canvasBox(corner));
}

cv::Mat SlidingWindowDetector::digitFeatures(const cv::Mat &image,
                                             const std::vector<cv::Rect2f> &boxes)
{
    const cv::Rect bounds(0, 0, image.cols, image.rows);
    cv::Mat rows(int(boxes.size()), FeatureSpace::HistogramSize, CV_32F);
    for (int i = 0; i < rows.rows; ++i) {
        const cv::Rect2f &box = boxes[std::size_t(i)];
        const cv::Rect region = cv::Rect(int(std::lround(box.x)), int(std::lround(box.y)),
                                         int(std::lround(box.width)), int(std::lround(box.height)))
                                & bounds;
        cv::Mat patch(Window, Window, CV_8U, cv::Scalar(0));
        if (!region.empty())
            cv::resize(image(region), patch, patch.size(), 0, 0, cv::INTER_AREA);
        FeatureSpace::orientationHistogram(FeatureSpace::deskew(patch), rows.row(i));
    }
    return rows;
}

void SlidingWindowDetector::train(const std::vector<DigitCanvas> &canvases)
{
    std::mt19937 random(std::uint32_t(m_options.seed));
    Windows windows;   // labels: 0 digit, 1 background
    cv::Mat digitRows; // the classifier's examples
    std::vector<int> digitLabels;
    for (const DigitCanvas &canvas : canvases) {
        const std::vector<Level> pyramid = pyramidOf(canvas.image);
        std::vector<std::pair<int, cv::Point>> background; // level, corner
        std::vector<cv::Rect2f> digitBoxes;
        for (int index = 0; index < int(pyramid.size()); ++index) {
            const Level &level = pyramid[std::size_t(index)];
            for (const cv::Point &corner : candidates(level)) {
                const cv::Rect2f box = level.canvasBox(corner);
                float closest = 0.0f;
                int label = -1;
                for (const DigitObject &object : canvas.objects) {
                    const float overlap = iou(box, toRect2f(object.tile));
                    if (overlap > closest) {
                        closest = overlap;
                        label = object.label;
                    }
                }
                if (closest >= PositiveOverlap) {
                    addWindow(level, corner, windows);
                    windows.labels.push_back(DigitWindow);
                    digitBoxes.push_back(box);
                    digitLabels.push_back(label);
                } else if (closest < NegativeOverlap) {
                    background.emplace_back(index, corner);
                }
            }
        }
        std::shuffle(background.begin(), background.end(), random);
        background.resize(std::min(background.size(), std::size_t(m_options.negativesPerCanvas)));
        for (const auto &[index, corner] : background) {
            addWindow(pyramid[std::size_t(index)], corner, windows);
            windows.labels.push_back(BackgroundWindow);
        }
        if (!digitBoxes.empty())
            digitRows.push_back(digitFeatures(canvas.image, digitBoxes));
    }
    m_positives = int(digitLabels.size());
    m_negatives = windows.size() - m_positives;

    CommitteeMember::Parameters parameters = Committee::parametersFor(QStringLiteral("digits"));
    parameters.trees = m_options.trees;
    parameters.treeDepth = m_options.treeDepth;
    m_objectness = CommitteeMember::create(CommitteeMember::Kind::Forest, parameters);
    m_objectness->train(windows.matrix(), windows.labels, 2);
    if (m_options.hardNegativesPerCanvas > 0) {
        // One round of hard negatives: the background windows the first forest found most
        // digit-like join the background, and the forest learns again.
        for (const DigitCanvas &canvas : canvases) {
            // Among a sample of the background windows, to keep training quick.
            const std::vector<Level> pyramid = pyramidOf(canvas.image);
            std::vector<std::pair<int, cv::Point>> sample; // level, corner
            for (int index = 0; index < int(pyramid.size()); ++index) {
                const Level &level = pyramid[std::size_t(index)];
                for (const cv::Point &corner : candidates(level)) {
                    const cv::Rect2f box = level.canvasBox(corner);
                    bool misses = true;
                    for (const DigitObject &object : canvas.objects)
                        misses = misses && iou(box, toRect2f(object.tile)) < NegativeOverlap;
                    if (misses)
                        sample.emplace_back(index, corner);
                }
            }
            std::shuffle(sample.begin(), sample.end(), random);
            sample.resize(std::min(sample.size(), std::size_t(HardNegativeSample)));
            Windows background;
            for (const auto &[index, corner] : sample)
                addWindow(pyramid[std::size_t(index)], corner, background);
            if (background.size() == 0)
                continue;
            const cv::Mat p = m_objectness->predictProbabilities(background.matrix());
            std::vector<int> order(std::size_t(background.size()));
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(), [&p](int a, int b) {
                return p.at<float>(a, DigitWindow) > p.at<float>(b, DigitWindow);
            });
            for (int k = 0; k < std::min(int(order.size()), m_options.hardNegativesPerCanvas);
                 ++k) {
                const int r = order[std::size_t(k)];
                if (p.at<float>(r, DigitWindow) < m_options.minObjectness)
                    break;
                const float *row = background.features.data() + std::size_t(r) * Dimensions;
                windows.features.insert(windows.features.end(), row, row + Dimensions);
                windows.boxes.push_back(background.boxes[std::size_t(r)]);
                windows.labels.push_back(BackgroundWindow);
            }
        }
        m_negatives = windows.size() - m_positives;
        m_objectness = CommitteeMember::create(CommitteeMember::Kind::Forest, parameters);
        m_objectness->train(windows.matrix(), windows.labels, 2);
    }
    m_classifier = CommitteeMember::create(CommitteeMember::Kind::Svm, parameters);
    m_classifier->train(digitRows, digitLabels, m_classCount);
}

cv::Rect2f SlidingWindowDetector::inkBox(const cv::Mat &image, const cv::Rect2f &window) const
{
    // The ink in the window and a little around it (the window may cut a digit): clutter nearby
    // makes the box loose, a faint digit makes it tight.
    const float margin = 0.15f * window.width;
    const cv::Rect region
            = cv::Rect(int(std::floor(window.x - margin)), int(std::floor(window.y - margin)),
                       int(std::ceil(window.width + 2 * margin)),
                       int(std::ceil(window.height + 2 * margin)))
              & cv::Rect(0, 0, image.cols, image.rows);
    cv::Mat ink;
    cv::findNonZero(image(region) >= m_options.inkLevel, ink);
    return ink.empty() ? window : toRect2f(cv::boundingRect(ink) + region.tl());
}

void SlidingWindowDetector::classify(const cv::Mat &image, std::vector<Detection> &found) const
{
    // The classifier's best class; the score becomes P(digit) x P(class | digit).
    if (found.empty())
        return;
    std::vector<cv::Rect2f> windows;
    for (const Detection &detection : found)
        windows.push_back(detection.window);
    const cv::Mat classes = m_classifier->predictProbabilities(digitFeatures(image, windows));
    for (int i = 0; i < classes.rows; ++i) {
        const float *p = classes.ptr<float>(i);
        Detection &detection = found[std::size_t(i)];
        detection.label = int(std::max_element(p, p + m_classCount) - p);
        detection.score *= p[detection.label];
    }
}

std::vector<SlidingWindowDetector::Detection> SlidingWindowDetector::detect(const cv::Mat &image,
                                                                            Detection *best) const
{
    std::vector<Detection> found;
    if (best)
        *best = Detection();
    if (!isTrained())
        return found;
    Windows windows;
    for (const Level &level : pyramidOf(image)) {
        for (const cv::Point &corner : candidates(level))
            addWindow(level, corner, windows);
    }
    if (windows.size() == 0)
        return found;
    const cv::Mat objectness = m_objectness->predictProbabilities(windows.matrix());
    std::vector<Detection> candidates;
    Detection top;
    for (int r = 0; r < windows.size(); ++r) {
        Detection detection;
        detection.score = objectness.at<float>(r, DigitWindow);
        detection.window = windows.boxes[std::size_t(r)];
        if (detection.score > top.score)
            top = detection;
        if (detection.score >= m_options.minObjectness) {
            detection.box = inkBox(image, detection.window);
            candidates.push_back(detection);
        }
    }
    // Non-maximum suppression on the boxes shrunk to their ink, so that windows of several
    // levels and offsets around one digit give one box. Stable: equal scores keep scan order.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Detection &a, const Detection &b) { return a.score > b.score; });
    for (const Detection &candidate : candidates) {
        bool kept = true;
        for (const Detection &other : found)
            kept = kept && iou(candidate.box, other.box) <= m_options.overlap
                   && containedShare(candidate.box, other.box) <= m_options.contained;
        if (kept)
            found.push_back(candidate);
    }
    classify(image, found);
    found.erase(std::remove_if(found.begin(), found.end(),
                               [this](const Detection &detection) {
                                   return detection.score < m_options.minScore;
                               }),
                found.end());
    std::stable_sort(found.begin(), found.end(),
                     [](const Detection &a, const Detection &b) { return a.score > b.score; });
    if (found.empty() && best && top.score > 0) {
        // Nothing reaches the thresholds: the caller may still want the best guess.
        std::vector<Detection> guess {top};
        guess.front().box = inkBox(image, top.window);
        classify(image, guess);
        *best = guess.front();
    }
    return found;
}

} // namespace Boucle
