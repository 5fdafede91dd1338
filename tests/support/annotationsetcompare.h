// Comparing two AnnotationSets the way a round trip test needs: the same images in the same
// order, with the same labels, scores and geometry to within `tolerance` pixels. Returns the
// first difference in words, or an empty string.
#pragma once

#include "interop/annotationset.h"

#include <QString>

#include <cmath>

namespace Boucle::Testing {

inline QString compareSets(const AnnotationSet &a, const AnnotationSet &b, double tolerance = 1e-6)
{
    auto near = [&](double x, double y) {
        return std::abs(x - y) <= tolerance;
    };
    auto rectNear = [&](const QRectF &x, const QRectF &y) {
        return near(x.x(), y.x()) && near(x.y(), y.y()) && near(x.width(), y.width())
               && near(x.height(), y.height());
    };
    auto text = [](const QRectF &r) {
        return QStringLiteral("[%1, %2, %3, %4]")
                .arg(r.x(), 0, 'g', 17)
                .arg(r.y(), 0, 'g', 17)
                .arg(r.width(), 0, 'g', 17)
                .arg(r.height(), 0, 'g', 17);
    };
    if (a.kind != b.kind)
        return QStringLiteral("kinds differ");
    if (a.images.size() != b.images.size())
        return QStringLiteral("%1 images, not %2").arg(b.images.size()).arg(a.images.size());
    for (qsizetype i = 0; i < a.images.size(); ++i) {
        const AnnotatedImage &x = a.images.at(i), &y = b.images.at(i);
        const QString where = QStringLiteral("image %1 (%2): ").arg(i).arg(x.path);
        if (x.path != y.path)
            return where + QStringLiteral("path %1").arg(y.path);
        if (x.size != y.size)
            return where + QStringLiteral("size differs");
        if (x.label != y.label)
            return where + QStringLiteral("label '%1', not '%2'").arg(y.label, x.label);
        if (x.labelScore.has_value() != y.labelScore.has_value()
            || (x.labelScore && !near(*x.labelScore, *y.labelScore)))
            return where + QStringLiteral("label score differs");
        if (x.objects.size() != y.objects.size())
            return where
                   + QStringLiteral("%1 objects, not %2")
                             .arg(y.objects.size())
                             .arg(x.objects.size());
        for (qsizetype j = 0; j < x.objects.size(); ++j) {
            const Annotation &p = x.objects.at(j), &q = y.objects.at(j);
            const QString at = where + QStringLiteral("object %1: ").arg(j);
            if (p.shape != q.shape)
                return at + QStringLiteral("shape differs");
            if (p.label != q.label)
                return at + QStringLiteral("label '%1', not '%2'").arg(q.label, p.label);
            if (p.score.has_value() != q.score.has_value()
                || (p.score && !near(*p.score, *q.score)))
                return at + QStringLiteral("score differs");
            if (!rectNear(p.box, q.box))
                return at + QStringLiteral("box %1, not %2").arg(text(q.box), text(p.box));
            if (!near(p.rotation, q.rotation))
                return at + QStringLiteral("rotation %1, not %2").arg(q.rotation).arg(p.rotation);
            if (p.polygons.size() != q.polygons.size())
                return at + QStringLiteral("polygon parts differ");
            for (qsizetype k = 0; k < p.polygons.size(); ++k) {
                if (p.polygons.at(k).size() != q.polygons.at(k).size())
                    return at
                           + QStringLiteral("polygon %1 has %2 points, not %3")
                                     .arg(k)
                                     .arg(q.polygons.at(k).size())
                                     .arg(p.polygons.at(k).size());
                for (qsizetype m = 0; m < p.polygons.at(k).size(); ++m)
                    if (!near(p.polygons.at(k).at(m).x(), q.polygons.at(k).at(m).x())
                        || !near(p.polygons.at(k).at(m).y(), q.polygons.at(k).at(m).y()))
                        return at + QStringLiteral("polygon %1 point %2 differs").arg(k).arg(m);
            }
        }
    }
    return {};
}

// The largest distance between matching coordinates of two sets that compareSets() accepts at a
// loose tolerance: what a round trip test reports as its measured error.
inline double largestDifference(const AnnotationSet &a, const AnnotationSet &b)
{
    double worst = 0;
    auto note = [&](double x, double y) {
        worst = std::max(worst, std::abs(x - y));
    };
    for (qsizetype i = 0; i < std::min(a.images.size(), b.images.size()); ++i)
        for (qsizetype j = 0;
             j < std::min(a.images.at(i).objects.size(), b.images.at(i).objects.size()); ++j) {
            const Annotation &p = a.images.at(i).objects.at(j), &q = b.images.at(i).objects.at(j);
            note(p.box.x(), q.box.x());
            note(p.box.y(), q.box.y());
            note(p.box.width(), q.box.width());
            note(p.box.height(), q.box.height());
            for (qsizetype k = 0; k < std::min(p.polygons.size(), q.polygons.size()); ++k)
                for (qsizetype m = 0;
                     m < std::min(p.polygons.at(k).size(), q.polygons.at(k).size()); ++m) {
                    note(p.polygons.at(k).at(m).x(), q.polygons.at(k).at(m).x());
                    note(p.polygons.at(k).at(m).y(), q.polygons.at(k).at(m).y());
                }
        }
    return worst;
}

} // namespace Boucle::Testing
