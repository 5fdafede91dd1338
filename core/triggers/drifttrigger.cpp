#include "drifttrigger.h"

#include "flagreasontext.h"
#include "triggernames.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace Boucle::Triggers {

namespace {

constexpr double floorShare = 1e-4;
constexpr qint64 msPerDay = 24 * 3600 * 1000;

double contribution(double q, double r)
{
    q = std::max(q, floorShare);
    r = std::max(r, floorShare);
    return (r - q) * std::log(r / q);
}

std::vector<double> shares(const std::vector<qint64> &counts, qint64 total)
{
    std::vector<double> result(counts.size(), 0.0);
    for (size_t i = 0; i < counts.size(); ++i)
        result[i] = total > 0 ? double(counts[i]) / double(total) : 0.0;
    return result;
}

struct DriftFindings
{
    double classPsi = 0, confidencePsi = 0;
    std::vector<double> classReference, classRecent, binReference, binRecent;
    std::vector<double> classScore, binScore; // > 0 for the culprits
    qint64 recentStart = 0;
    int bins = 10;
    DriftOptions options;
};

} // namespace

double populationStabilityIndex(const std::vector<double> &reference,
                                const std::vector<double> &recent)
{
    double psi = 0;
    for (size_t i = 0; i < std::min(reference.size(), recent.size()); ++i)
        psi += contribution(reference[i], recent[i]);
    return psi;
}

TriggerScores drift(const PredictionTable &table, const DriftOptions &options)
{
    TriggerScores result;
    result.trigger = TriggerNames::drift;
    const auto n = size_t(table.rows);
    result.score.assign(n, 0.0f);
    result.fired.assign(n, 0);
    result.reasons = [](qsizetype) {
        return QList<QJsonObject> {};
    };

    qint64 latest = PredictionTable::noTime;
    for (const qint64 t : table.time)
        latest = std::max(latest, t);
    if (latest == PredictionTable::noTime)
        return result;
    auto findings = std::make_shared<DriftFindings>();
    findings->options = options;
    findings->bins = std::max(2, options.confidenceBins);
    const int bins = findings->bins;
    const qint64 recentStart = latest - qint64(options.recentDays * double(msPerDay));
    const qint64 referenceStart = recentStart - qint64(options.referenceDays * double(msPerDay));
    findings->recentStart = recentStart;

    const int classes = table.classCount();
    std::vector<qint64> classRef(size_t(classes), 0), classNew(size_t(classes), 0);
    std::vector<qint64> binRef(size_t(bins), 0), binNew(size_t(bins), 0);
    qint64 labelledRef = 0, labelledNew = 0, ref = 0, recent = 0;
    auto binOf = [bins](float confidence) {
        return std::clamp(int(confidence * float(bins)), 0, bins - 1);
    };
    for (size_t i = 0; i < n; ++i) {
        const qint64 t = table.time[i];
        if (t == PredictionTable::noTime || t <= referenceStart)
            continue;
        const bool isRecent = t > recentStart;
        const qint32 label = table.label[i];
        (isRecent ? binNew : binRef)[size_t(binOf(table.confidence[i]))]++;
        (isRecent ? recent : ref)++;
        if (label >= 0 && label < classes) {
            (isRecent ? classNew : classRef)[size_t(label)]++;
            (isRecent ? labelledNew : labelledRef)++;
        }
    }
    if (ref < options.minimumPerWindow || recent < options.minimumPerWindow)
        return result;

    auto &f = *findings;
    f.classReference = shares(classRef, labelledRef);
    f.classRecent = shares(classNew, labelledNew);
    f.binReference = shares(binRef, ref);
    f.binRecent = shares(binNew, recent);
    f.classPsi = populationStabilityIndex(f.classReference, f.classRecent);
    f.confidencePsi = populationStabilityIndex(f.binReference, f.binRecent);
    auto culprits
            = [&options](const std::vector<double> &q, const std::vector<double> &r, double psi) {
                  std::vector<double> score(q.size(), 0.0);
                  if (psi < options.threshold || psi <= 0)
                      return score;
                  for (size_t i = 0; i < q.size(); ++i) {
                      const double c = contribution(q[i], r[i]);
                      if (r[i] > q[i] && c >= 0.1 * psi)
                          score[i] = std::min(1.0, c / options.threshold);
                  }
                  return score;
              };
    f.classScore = culprits(f.classReference, f.classRecent, f.classPsi);
    f.binScore = culprits(f.binReference, f.binRecent, f.confidencePsi);

    for (size_t i = 0; i < n; ++i) {
        if (table.time[i] == PredictionTable::noTime || table.time[i] <= recentStart)
            continue;
        const qint32 label = table.label[i];
        double s = f.binScore[size_t(binOf(table.confidence[i]))];
        if (label >= 0 && label < classes)
            s = std::max(s, f.classScore[size_t(label)]);
        if (s > 0) {
            result.fired[i] = 1;
            result.score[i] = float(s);
        }
    }
    result.reasons = [&table, findings, binOf](qsizetype row) {
        const auto &d = *findings;
        QList<QJsonObject> reasons;
        const qint32 label = table.label[size_t(row)];
        if (label >= 0 && size_t(label) < d.classScore.size() && d.classScore[size_t(label)] > 0)
            reasons.append(ReasonDetails::classDrift(
                    table.classes.at(label), d.classReference[size_t(label)],
                    d.classRecent[size_t(label)], d.classPsi, d.options.recentDays,
                    d.options.referenceDays, d.options.threshold));
        const int bin = binOf(table.confidence[size_t(row)]);
        if (d.binScore[size_t(bin)] > 0)
            reasons.append(ReasonDetails::confidenceDrift(
                    double(bin) / d.bins, double(bin + 1) / d.bins, d.binReference[size_t(bin)],
                    d.binRecent[size_t(bin)], d.confidencePsi, d.options.recentDays,
                    d.options.referenceDays, d.options.threshold));
        return reasons;
    };
    return result;
}

} // namespace Boucle::Triggers
