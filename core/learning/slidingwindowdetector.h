// SlidingWindowDetector: a small, classic two-stage object detector for digits on grey canvases.
//
// Where: a 20x20 window slides in 5 px steps over an image pyramid (three levels per octave, so
// digits 20 to ~64 px tall each fit a level). Windows with too little ink (pixels above a grey
// level) near their centre, or too much, are dismissed at once. Each remaining window is
// described by a histogram of oriented gradients (4x4 blocks of 5x5 px, 8 signed orientation bins
// weighted by gradient magnitude, Hellinger-normalised) and the share of ink in each block, summed
// from 5x5 blocks computed once per level, and a random forest (CommitteeMember's Forest) gives
// its probability of showing a digit. Windows from minObjectness on are shrunk to the ink in and
// just around them, and overlapping ones are suppressed greedily (non-maximum suppression across
// levels, by IoU or by one box lying mostly inside another).
// What: each kept window's patch, resized to 20x20 and deskewed, is classified by an RBF support
// vector machine on FeatureSpace's gradient histogram (CommitteeMember's Svm, with the digits
// demo's parameters). A box's score is P(digit) x P(class | digit); boxes under minScore go.
//
// Training takes canvases with their true boxes and looks at the very windows detection will
// see: those overlapping a digit's tile with IoU >= 0.55 (at any level) are digits, for the forest
// and (their patches) for the classifier; a random sample of those overlapping every tile by less
// than 0.25 is the background; the ones in between are left out. Then one round of hard
// negatives: the background windows the first forest found most digit-like join the background
// and the forest learns again. Deterministic: the same canvases and seed give the same detector.
// An instance is used by one thread at a time.
#pragma once

#include "digitcanvas.h"

#include <memory>
#include <vector>

namespace Boucle {

class CommitteeMember;

class SlidingWindowDetector
{
public:
    struct Options
    {
        int levels = 6;    // pyramid levels: scales 1, 2^(1/3), 2^(2/3), 2, ...
        int inkLevel = 96; // grey level from which a pixel counts as ink for the pre-filter
        int minInk = 14;   // ink pixels a window needs (of 400)
        int maxInk = 260;  // more than this is a blot, not a digit
        double minObjectness = 0.5; // P(digit) a window needs to be a candidate
        double minScore = 0.3;      // P(digit) x P(class) a box needs to be reported
        double overlap = 0.3;       // NMS: IoU above which the weaker box goes
        double contained = 0.7;     // NMS: share of the smaller box inside the larger one
        int trees = 20;
        int treeDepth = 12;
        int negativesPerCanvas = 40;
        int hardNegativesPerCanvas = 15; // 0: no second round
        quint64 seed = 1;
    };

    struct Detection
    {
        int label = -1;     // class index
        float score = 0.0f; // P(digit) x P(label | digit)
        cv::Rect2f box;     // pixels of the canvas, top-left origin
        cv::Rect2f window;  // the window the box was found in, before shrinking to the ink
    };

    SlidingWindowDetector(int classCount, Options options);
    SlidingWindowDetector(SlidingWindowDetector &&) noexcept;
    SlidingWindowDetector &operator=(SlidingWindowDetector &&) noexcept;
    ~SlidingWindowDetector();

    int classCount() const { return m_classCount; }
    bool isTrained() const;
    // Windows of digits and of background the last train() learnt from, for the summary.
    int positiveWindows() const { return m_positives; }
    int negativeWindows() const { return m_negatives; }

    void train(const std::vector<DigitCanvas> &canvases);
    // Detections ordered by falling score. Empty when nothing reaches Options::minScore; *best
    // (when given) then still gets the window the forest found most digit-like, so a caller can
    // report the detector's best guess.
    std::vector<Detection> detect(const cv::Mat &image, Detection *best = nullptr) const;

    static float iou(const cv::Rect2f &a, const cv::Rect2f &b);

private:
    struct Level;
    struct Windows;
    std::vector<Level> pyramidOf(const cv::Mat &image) const;
    // Block corners of the windows the pre-filter lets through.
    std::vector<cv::Point> candidates(const Level &level) const;
    void addWindow(const Level &level, const cv::Point &corner, Windows &out) const;
    // The digit classifier's features of each box's patch (resized to 20x20, deskewed).
    static cv::Mat digitFeatures(const cv::Mat &image, const std::vector<cv::Rect2f> &boxes);
    cv::Rect2f inkBox(const cv::Mat &image, const cv::Rect2f &window) const;
    // Sets the label of each detection and multiplies its score by the class's probability.
    void classify(const cv::Mat &image, std::vector<Detection> &found) const;

    int m_classCount;
    Options m_options;
    std::unique_ptr<CommitteeMember> m_objectness; // digit or background, on window features
    std::unique_ptr<CommitteeMember> m_classifier; // which digit, on the window's patch
    int m_positives = 0;
    int m_negatives = 0;
};

} // namespace Boucle
