#include "boxmatching.h"

#include <algorithm>
#include <numeric>

namespace Boucle::BoxMatching {

namespace {
constexpr double thresholdTolerance = 1e-12;
} // namespace

double intersectionOverUnion(const QRectF &a, const QRectF &b)
{
    const QRectF p = a.normalized();
    const QRectF q = b.normalized();
    const double width = std::min(p.right(), q.right()) - std::max(p.left(), q.left());
    const double height = std::min(p.bottom(), q.bottom()) - std::max(p.top(), q.top());
    if (width <= 0.0 || height <= 0.0)
        return 0.0;
    const double intersection = width * height;
    const double uni = p.width() * p.height() + q.width() * q.height() - intersection;
    return uni > 0.0 ? std::min(1.0, intersection / uni) : 0.0;
}

QList<Match> matchGreedy(const QList<ScoredBox> &predictions, const QList<QRectF> &truths,
                         double threshold)
{
    QList<Match> matches(predictions.size());
    QList<int> order(predictions.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&predictions](int a, int b) {
        return predictions.at(a).score > predictions.at(b).score;
    });
    QList<bool> taken(truths.size(), false);
    for (const int p : std::as_const(order)) {
        int best = -1;
        double bestIou = 0.0;
        for (int t = 0; t < truths.size(); ++t) {
            if (taken.at(t))
                continue;
            const double iou = intersectionOverUnion(predictions.at(p).box, truths.at(t));
            // Strictly greater: among equal IoUs the truth given first stays. An IoU a rounding
            // error below the threshold (0.55 computed as 0.5499999...) still reaches it.
            if (iou > 0.0 && iou >= threshold - thresholdTolerance && (best < 0 || iou > bestIou)) {
                best = t;
                bestIou = iou;
            }
        }
        if (best >= 0) {
            taken[best] = true;
            matches[p] = {best, bestIou};
        }
    }
    return matches;
}

} // namespace Boucle::BoxMatching
