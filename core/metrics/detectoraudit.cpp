#include "detectoraudit.h"

#include "boxmatching.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace Boucle {

namespace {

// One prediction of a class, placed in that class's ranking.
struct Ranked
{
    double score = 0.0;
    bool hit = false;
    qsizetype sample = 0; // position in the samples given
    qsizetype object = 0; // position in the sample's predictions
};

struct ClassTally
{
    qint64 truths = 0;
    qint64 predictions = 0;
    qint64 truePositives = 0;
    qint64 falsePositives = 0;
    qint64 misses = 0;
    double iouSum = 0.0;
    QSet<qint64> truePositiveSamples;
    QSet<qint64> falsePositiveSamples;
    QSet<qint64> missSamples;
    QList<Ranked> ranked;
};

struct Tallies
{
    QMap<QString, ClassTally> classes;
    QList<bool> sampleHasError; // a false positive or a miss, per sample given
};

Tallies tally(const QList<DetectionSample> &samples, double threshold)
{
    Tallies result;
    result.sampleHasError.fill(false, samples.size());
    for (qsizetype s = 0; s < samples.size(); ++s) {
        const DetectionSample &sample = samples.at(s);
        // Matching happens within one class on one page.
        QMap<std::pair<QString, int>, std::pair<QList<qsizetype>, QList<qsizetype>>> groups;
        for (qsizetype p = 0; p < sample.predicted.size(); ++p) {
            const auto &object = sample.predicted.at(p);
            groups[{object.label, object.page}].first.append(p);
        }
        for (qsizetype t = 0; t < sample.truth.size(); ++t) {
            const auto &object = sample.truth.at(t);
            groups[{object.label, object.page}].second.append(t);
        }
        for (auto group = groups.cbegin(); group != groups.cend(); ++group) {
            const auto &[predictionIndices, truthIndices] = group.value();
            QList<BoxMatching::ScoredBox> boxes;
            for (const qsizetype p : predictionIndices)
                boxes.append({sample.predicted.at(p).box, sample.predicted.at(p).score});
            QList<QRectF> truths;
            for (const qsizetype t : truthIndices)
                truths.append(sample.truth.at(t).box);
            const auto matches = BoxMatching::matchGreedy(boxes, truths, threshold);

            ClassTally &c = result.classes[group.key().first];
            c.truths += truths.size();
            c.predictions += boxes.size();
            qint64 matched = 0;
            for (qsizetype i = 0; i < matches.size(); ++i) {
                const bool hit = matches.at(i).truth >= 0;
                c.ranked.append({boxes.at(i).score, hit, s, predictionIndices.at(i)});
                if (hit) {
                    ++matched;
                    c.iouSum += matches.at(i).iou;
                }
            }
            c.truePositives += matched;
            const qint64 falsePositives = boxes.size() - matched;
            const qint64 misses = truths.size() - matched;
            c.falsePositives += falsePositives;
            c.misses += misses;
            if (matched > 0)
                c.truePositiveSamples.insert(sample.sampleId);
            if (falsePositives > 0)
                c.falsePositiveSamples.insert(sample.sampleId);
            if (misses > 0)
                c.missSamples.insert(sample.sampleId);
            if (falsePositives > 0 || misses > 0)
                result.sampleHasError[s] = true;
        }
    }
    // Rank by descending score. Equal scores put a false positive before a true one (the
    // pessimistic order, so AP never depends on the order the samples arrive in), then the
    // samples' and objects' order.
    for (auto &c : result.classes) {
        std::sort(c.ranked.begin(), c.ranked.end(), [](const Ranked &a, const Ranked &b) {
            return std::tuple(-a.score, a.hit, a.sample, a.object)
                   < std::tuple(-b.score, b.hit, b.sample, b.object);
        });
    }
    return result;
}

std::optional<double> apOf(const ClassTally &c)
{
    QList<bool> hits;
    hits.reserve(c.ranked.size());
    for (const auto &r : c.ranked)
        hits.append(r.hit);
    return DetectorAudit::averagePrecision(hits, c.truths);
}

QList<qint64> sorted(const QSet<qint64> &set)
{
    QList<qint64> list(set.cbegin(), set.cend());
    std::sort(list.begin(), list.end());
    return list;
}

std::optional<double> meanOf(const QList<std::optional<double>> &values)
{
    double sum = 0.0;
    int count = 0;
    for (const auto &value : values) {
        if (value) {
            sum += *value;
            ++count;
        }
    }
    return count > 0 ? std::optional<double>(sum / count) : std::nullopt;
}

// IoU 0.50, 0.55, ..., 0.95, from integers so that each is the nearest double to its decimal.
QList<double> cocoThresholds()
{
    QList<double> thresholds;
    for (int i = 0; i < 10; ++i)
        thresholds.append(double(50 + 5 * i) / 100.0);
    return thresholds;
}

} // namespace

std::optional<double> DetectorAudit::averagePrecision(const QList<bool> &rankedHits, qint64 truths)
{
    if (truths <= 0)
        return std::nullopt;
    const qsizetype n = rankedHits.size();
    QList<qint64> truePositives(n);
    QList<double> precision(n);
    qint64 hits = 0;
    for (qsizetype k = 0; k < n; ++k) {
        hits += rankedHits.at(k) ? 1 : 0;
        truePositives[k] = hits;
        precision[k] = double(hits) / double(k + 1);
    }
    // Interpolated precision: the best precision at this rank or any later one.
    for (qsizetype k = n - 2; k >= 0; --k)
        precision[k] = std::max(precision[k], precision[k + 1]);
    // At each recall level r = j / 100 the interpolated precision of the first rank whose recall
    // reaches r (compared as integers: TP * 100 >= j * truths), 0 when no rank reaches it.
    double sum = 0.0;
    qsizetype k = 0;
    for (int j = 0; j <= 100; ++j) {
        while (k < n && truePositives.at(k) * 100 < qint64(j) * truths)
            ++k;
        if (k < n)
            sum += precision.at(k);
    }
    return sum / 101.0;
}

namespace {

// The matching at every COCO threshold, computed once for both tables of an audit.
QList<Tallies> gridOf(const QList<DetectionSample> &samples)
{
    QList<Tallies> grid;
    for (const double threshold : cocoThresholds())
        grid.append(tally(samples, threshold));
    return grid;
}

DetectorMatching matching(const QList<DetectionSample> &samples, double iouThreshold,
                          const QStringList &classOrder, const QList<Tallies> &grid);

} // namespace

DetectorMatching DetectorAudit::match(const QList<DetectionSample> &samples, double iouThreshold,
                                      const QStringList &classOrder)
{
    return matching(samples, iouThreshold, classOrder, gridOf(samples));
}

namespace {

DetectorMatching matching(const QList<DetectionSample> &samples, double iouThreshold,
                          const QStringList &classOrder, const QList<Tallies> &grid)
{
    DetectorMatching result;
    result.iouThreshold = iouThreshold;
    // A threshold of the grid is not matched twice.
    const QList<double> thresholds = cocoThresholds();
    const qsizetype onGrid
            = std::find_if(thresholds.cbegin(), thresholds.cend(),
                           [iouThreshold](double t) { return qAbs(t - iouThreshold) < 1e-9; })
              - thresholds.cbegin();
    const Tallies at = onGrid < thresholds.size() ? grid.at(onGrid) : tally(samples, iouThreshold);

    QStringList labels = at.classes.keys();
    std::stable_sort(labels.begin(), labels.end(),
                     [&classOrder](const QString &a, const QString &b) {
                         const qsizetype i = classOrder.indexOf(a);
                         const qsizetype j = classOrder.indexOf(b);
                         if ((i >= 0) != (j >= 0))
                             return i >= 0;
                         return i >= 0 ? i < j : a < b;
                     });

    DetectorClassRow &all = result.overall;
    double iouSum = 0.0;
    QSet<qint64> truePositiveSamples, falsePositiveSamples, missSamples;
    QList<std::optional<double>> aps, ap50s, ap50to95s;
    for (const QString &label : std::as_const(labels)) {
        const ClassTally &c = at.classes[label];
        DetectorClassRow row;
        row.label = label;
        row.truths = c.truths;
        row.predictions = c.predictions;
        row.truePositives = c.truePositives;
        row.falsePositives = c.falsePositives;
        row.misses = c.misses;
        if (c.truePositives > 0)
            row.meanIou = c.iouSum / double(c.truePositives);
        row.precision = RateEstimate::wilson(c.truePositives, c.predictions);
        row.recall = RateEstimate::wilson(c.truePositives, c.truths);
        row.ap = apOf(c);
        QList<std::optional<double>> gridAps;
        for (const auto &g : grid) {
            const auto it = g.classes.constFind(label);
            gridAps.append(it == g.classes.cend() ? apOf(ClassTally {}) : apOf(*it));
        }
        row.ap50 = gridAps.first();
        if (c.truths > 0)
            row.ap50to95 = meanOf(gridAps);
        row.truePositiveSamples = sorted(c.truePositiveSamples);
        row.falsePositiveSamples = sorted(c.falsePositiveSamples);
        row.missSamples = sorted(c.missSamples);
        result.classes.append(row);

        all.truths += c.truths;
        all.predictions += c.predictions;
        all.truePositives += c.truePositives;
        all.falsePositives += c.falsePositives;
        all.misses += c.misses;
        iouSum += c.iouSum;
        truePositiveSamples.unite(c.truePositiveSamples);
        falsePositiveSamples.unite(c.falsePositiveSamples);
        missSamples.unite(c.missSamples);
        aps.append(row.ap);
        ap50s.append(row.ap50);
        ap50to95s.append(row.ap50to95);
    }
    if (all.truePositives > 0)
        all.meanIou = iouSum / double(all.truePositives);
    all.precision = RateEstimate::wilson(all.truePositives, all.predictions);
    all.recall = RateEstimate::wilson(all.truePositives, all.truths);
    all.ap = meanOf(aps);
    all.ap50 = meanOf(ap50s);
    all.ap50to95 = meanOf(ap50to95s);
    all.truePositiveSamples = sorted(truePositiveSamples);
    all.falsePositiveSamples = sorted(falsePositiveSamples);
    all.missSamples = sorted(missSamples);
    return result;
}

} // namespace

DetectorAudit DetectorAudit::compute(const QList<DetectionSample> &samples, double iouThreshold,
                                     const QStringList &classOrder)
{
    DetectorAudit audit;
    audit.samples = samples.size();
    for (const auto &sample : samples) {
        if (sample.predicted.isEmpty() && sample.truth.isEmpty())
            ++audit.emptySamples;
    }
    const QList<Tallies> grid = gridOf(samples);
    audit.atHalf = matching(samples, 0.5, classOrder, grid);
    audit.chosen = qFuzzyCompare(iouThreshold, 0.5)
                           ? audit.atHalf
                           : matching(samples, iouThreshold, classOrder, grid);

    // Trigger yield: a sample is wrong when reviewers corrected any of its objects; for truth
    // that records no decisions, when matching at IoU 0.5 leaves a false positive or a miss.
    const QList<bool> unmatched = grid.first().sampleHasError;
    QMap<QString, TriggerTally> triggers;
    TriggerTally control;
    QSet<qint64> corrected;
    for (qsizetype s = 0; s < samples.size(); ++s) {
        const DetectionSample &sample = samples.at(s);
        const bool wrong = sample.corrected.value_or(unmatched.at(s));
        if (wrong)
            corrected.insert(sample.sampleId);
        for (const QString &name : sample.triggers) {
            auto &t = triggers[name];
            t.trigger = name;
            ++t.reviewed;
            t.wrong += wrong ? 1 : 0;
        }
        if (sample.control) {
            ++control.reviewed;
            control.wrong += wrong ? 1 : 0;
        }
    }
    audit.triggerYield = TriggerYield::compute(triggers.values(), control);
    audit.correctedSamples = sorted(corrected);
    return audit;
}

} // namespace Boucle
