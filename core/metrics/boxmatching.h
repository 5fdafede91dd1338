// BoxMatching: intersection over union of axis-aligned boxes and the COCO-style greedy matching
// of one image's predicted boxes to its true boxes of the same class. Polygons and masks are
// compared by their extent (bounding box), not by their outline: IoU of axis-aligned boxes.
// Pure functions; any thread.
#pragma once

#include <QList>
#include <QRectF>

namespace Boucle::BoxMatching {

// |a ∩ b| / |a ∪ b| of two axis-aligned boxes (width and height taken as given, so a box with a
// negative size is normalised first). 0 when they do not overlap, and 0 when both are empty
// (a point has no area to share).
double intersectionOverUnion(const QRectF &a, const QRectF &b);

struct ScoredBox
{
    QRectF box;
    double score = 0.0;
};

// What became of one prediction: the truth it matched (index into the truths, -1 none) and the
// IoU with it (0 when unmatched).
struct Match
{
    int truth = -1;
    double iou = 0.0;
};

// Greedy matching at `threshold`: predictions in descending score (equal scores in their given
// order), each takes the unmatched truth with the highest IoU that is at least `threshold`
// (equal IoUs: the truth given first; an IoU within 1e-12 below the threshold reaches it, so
// that 0.55 computed as 0.5499999... is not lost to rounding). A truth is matched at most once. One
// entry per prediction, in the given order of the predictions.
QList<Match> matchGreedy(const QList<ScoredBox> &predictions, const QList<QRectF> &truths,
                         double threshold);

} // namespace Boucle::BoxMatching
