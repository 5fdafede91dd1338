#include "reviewaudit.h"

#include "records/projectrecords.h"
#include "records/rowindexedvector.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <cmath>

namespace Boucle {

// The messages keep the translation context they were written in, so that the existing
// translations still apply.

namespace {

using RowIndexed::growTo;
using RowIndexed::valueAt;

bool isDecisive(quint8 action)
{
    return action == quint8(ReviewAction::Approve) || action == quint8(ReviewAction::Override)
           || action == quint8(ReviewAction::Relabel);
}

const QString controlTrigger = QStringLiteral("control");

} // namespace

// The decisions one filter keeps, and among the decisive ones the latest per judged prediction
// (what the confusion matrix counts) and per sample (the label the loop compares models with).
struct ReviewAudit::Selection
{
    std::vector<qint32> kept;
    std::vector<qint32> settledPerPrediction;
    std::vector<qint32> settledPerSample;
};

ReviewAudit::ReviewAudit(const ReviewHistory &history)
    : m_history(history)
{ }

qint32 ReviewAudit::reviewedClassId(const ReviewHistory::Decision &decision) const
{
    // Approve keeps the prediction's label when the review stored none.
    if (decision.label > 0)
        return decision.label;
    if (decision.action == quint8(ReviewAction::Approve))
        return valueAt(m_history.predictionClass, decision.predictionId, 0);
    return 0;
}

int ReviewAudit::classIndex(qint32 classId) const
{
    return classId > 0 ? valueAt(m_history.classIndexById, classId, -1) : -1;
}

QString ReviewAudit::resolve(const AnalyticsFilter &filter, Scope &resolved) const
{
    resolved = {};
    if (!filter.batch.isEmpty()) {
        const auto it = m_history.batchIds.constFind(filter.batch);
        if (it == m_history.batchIds.constEnd())
            return QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                               "no batch named '%1' in %2")
                    .arg(filter.batch, m_history.project);
        resolved.batchId = *it;
    }
    if (!filter.model.isEmpty()) {
        for (int i = 0; i < m_history.models.size(); ++i) {
            if (m_history.models.at(i).key == filter.model)
                resolved.model = i;
        }
        if (resolved.model < 0)
            return QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                               "no model %1 in %2 (expected NAME@VERSION)")
                    .arg(filter.model, m_history.project);
    }
    if (!filter.reviewer.isEmpty()) {
        resolved.reviewer = m_history.reviewerIndex.value(filter.reviewer, -1);
        if (resolved.reviewer < 0)
            return QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                               "no review by '%1' in %2")
                    .arg(filter.reviewer, m_history.project);
    }
    if (filter.from.isValid())
        resolved.fromMs = filter.from.toMSecsSinceEpoch();
    if (filter.to.isValid())
        resolved.toMs = filter.to.toMSecsSinceEpoch();
    if (filter.datasetVersion > 0) {
        const auto it = std::find_if(
                m_history.versions.cbegin(), m_history.versions.cend(),
                [&](const ReviewHistory::Version &v) { return v.number == filter.datasetVersion; });
        if (it == m_history.versions.cend())
            return QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                               "no dataset version %1 in %2")
                    .arg(filter.datasetVersion)
                    .arg(m_history.project);
        const qint64 previous = it == m_history.versions.cbegin()
                                        ? std::numeric_limits<qint64>::min()
                                        : std::prev(it)->createdMs;
        resolved.fromMs = std::max(resolved.fromMs, previous + 1);
        resolved.toMs = std::min(resolved.toMs, it->createdMs + 1);
    }
    return {};
}

bool ReviewAudit::accepts(const ReviewHistory::Decision &decision, const Scope &filter) const
{
    if (decision.revoked)
        return false;
    if (filter.reviewer >= 0 && decision.reviewer != filter.reviewer)
        return false;
    if (decision.finishedMs < filter.fromMs || decision.finishedMs >= filter.toMs)
        return false;
    if (filter.batchId != 0 && valueAt(m_history.itemBatch, decision.itemId, 0) != filter.batchId)
        return false;
    if (filter.model >= 0
        && valueAt(m_history.predictionModel, decision.predictionId, -1) != filter.model)
        return false;
    return true;
}

ReviewAudit::Selection ReviewAudit::select(const Scope &filter) const
{
    Selection selection;
    selection.kept.reserve(m_history.decisions.size());
    for (size_t i = 0; i < m_history.decisions.size(); ++i) {
        if (accepts(m_history.decisions[i], filter))
            selection.kept.push_back(qint32(i));
    }
    // Newest first, so the first decisive decision met per key is the one that counts.
    std::vector<char> seenPrediction(size_t(m_history.lastPredictionId + 1), 0);
    std::vector<char> seenSample;
    for (auto it = selection.kept.crbegin(); it != selection.kept.crend(); ++it) {
        const auto &d = m_history.decisions[size_t(*it)];
        if (!isDecisive(d.action))
            continue;
        if (d.itemId > 0 && m_history.openRoundItems.contains(d.itemId))
            continue; // not settled yet: no reviewed label to judge the model by
        if (d.predictionId > 0 && d.predictionId <= m_history.lastPredictionId
            && !seenPrediction[size_t(d.predictionId)]) {
            seenPrediction[size_t(d.predictionId)] = 1;
            selection.settledPerPrediction.push_back(*it);
        }
        growTo(seenSample, d.sampleId, char(0));
        if (!seenSample[size_t(d.sampleId)]) {
            seenSample[size_t(d.sampleId)] = 1;
            selection.settledPerSample.push_back(*it);
        }
    }
    return selection;
}

void ReviewAudit::assemble(const Scope &scope, AuditInputs &inputs, int calibrationBins) const
{
    const Selection selection = select(scope);

    inputs = {};
    inputs.classNames = m_history.classNames;
    const int classCount = int(m_history.classNames.size());
    calibrationBins = std::max(1, calibrationBins);

    // Confusion, calibration and trigger yield over the latest decision per judged prediction.
    std::vector<qint64> cells(size_t(classCount + 1) * size_t(classCount), 0);
    std::vector<qint64> binCount(size_t(calibrationBins) * 2, 0);
    std::vector<double> binConfidence(size_t(calibrationBins) * 2, 0.0);
    std::vector<qint64> triggerReviewed(ReviewHistory::triggerBits, 0);
    std::vector<qint64> triggerWrong(ReviewHistory::triggerBits, 0);
    std::vector<SuspectTally> suspects(static_cast<size_t>(classCount));
    for (const qint32 index : selection.settledPerPrediction) {
        const auto &d = m_history.decisions[size_t(index)];
        const int reviewed = classIndex(reviewedClassId(d));
        if (reviewed < 0)
            continue;
        const qint32 predictedId = valueAt(m_history.predictionClass, d.predictionId, 0);
        const int predicted = classIndex(predictedId);
        const bool wrong = predicted != reviewed;
        cells[size_t(reviewed) * size_t(classCount + 1) + size_t(predicted + 1)] += 1;

        const double confidence = valueAt(m_history.predictionConfidence, d.predictionId, -1.0);
        if (confidence >= 0.0) {
            const size_t slot
                    = size_t(Calibration::binOf(confidence, calibrationBins)) * 2 + (wrong ? 0 : 1);
            binCount[slot] += 1;
            binConfidence[slot] += std::clamp(confidence, 0.0, 1.0);
        }

        if (d.itemId > 0) {
            if (valueAt(m_history.itemControl, d.itemId, quint8(0))) {
                ++inputs.control.reviewed;
                inputs.control.wrong += wrong ? 1 : 0;
            }
            // A doubted label is confirmed wrong when reviewers settled on another.
            if (const auto given = m_history.suspectGiven.constFind(d.itemId);
                given != m_history.suspectGiven.constEnd() && *given >= 0 && *given < classCount) {
                SuspectTally &tally = suspects[size_t(*given)];
                tally.givenClass = *given;
                ++tally.reviewed;
                tally.confirmed += reviewed != *given ? 1 : 0;
            }
            quint64 mask = valueAt(m_history.itemTriggers, d.itemId, quint64(0));
            for (int bit = 0; mask != 0; ++bit, mask >>= 1) {
                if (mask & 1) {
                    ++triggerReviewed[size_t(bit)];
                    triggerWrong[size_t(bit)] += wrong ? 1 : 0;
                }
            }
        }
    }
    for (int r = 0; r < classCount; ++r) {
        for (int p = -1; p < classCount; ++p) {
            const qint64 count = cells[size_t(r) * size_t(classCount + 1) + size_t(p + 1)];
            if (count > 0)
                inputs.outcomes.append({p, r, count});
        }
    }
    for (int b = 0; b < calibrationBins * 2; ++b) {
        if (binCount[size_t(b)] > 0)
            inputs.scored.append({binConfidence[size_t(b)] / double(binCount[size_t(b)]),
                                  b % 2 == 1, binCount[size_t(b)]});
    }
    for (const SuspectTally &tally : suspects) {
        if (tally.reviewed > 0)
            inputs.suspects.append(tally);
    }
    for (int bit = 0; bit < m_history.triggerNames.size(); ++bit) {
        if (triggerReviewed[size_t(bit)] > 0)
            inputs.triggers.append({m_history.triggerNames.at(bit), triggerReviewed[size_t(bit)],
                                    triggerWrong[size_t(bit)]});
    }

    // Every decision counts for speed and override rate, grouped by tenth of a second.
    QHash<quint64, qint64> decisionGroups;
    std::vector<qint32> firstReviewer;
    std::vector<char> multiReviewer;
    for (const qint32 index : selection.kept) {
        const auto &d = m_history.decisions[size_t(index)];
        const qint64 tenths
                = d.seconds < 0.0f ? 0 : qint64(std::llround(double(d.seconds) * 10.0)) + 1;
        const quint64 key = (quint64(tenths) << 24) | (quint64(d.reviewer) << 1)
                            | (d.action == quint8(ReviewAction::Override) ? 1 : 0);
        ++decisionGroups[key];
        // An adjudicator's decision settles a disagreement; it is not an independent answer.
        if (!isDecisive(d.action) || d.adjudicates)
            continue;
        growTo(firstReviewer, d.sampleId, qint32(-1));
        growTo(multiReviewer, d.sampleId, char(0));
        auto &first = firstReviewer[size_t(d.sampleId)];
        if (first < 0)
            first = d.reviewer;
        else if (first != d.reviewer)
            multiReviewer[size_t(d.sampleId)] = 1;
    }
    for (auto it = decisionGroups.cbegin(); it != decisionGroups.cend(); ++it) {
        const qint64 tenths = qint64(it.key() >> 24);
        const int reviewer = int((it.key() >> 1) & 0x7fffff);
        inputs.decisions.append({m_history.reviewerNames.value(reviewer), (it.key() & 1) != 0,
                                 tenths == 0 ? -1.0 : double(tenths - 1) / 10.0, it.value()});
    }
    // Answers on samples two or more reviewers decided, in the order they were given.
    qsizetype answerCount = 0;
    for (const qint32 index : selection.kept) {
        const auto &d = m_history.decisions[size_t(index)];
        answerCount += isDecisive(d.action) && !d.adjudicates
                                       && valueAt(multiReviewer, d.sampleId, char(0))
                               ? 1
                               : 0;
    }
    inputs.answers.reserve(answerCount);
    for (const qint32 index : selection.kept) {
        const auto &d = m_history.decisions[size_t(index)];
        if (!isDecisive(d.action) || d.adjudicates || !valueAt(multiReviewer, d.sampleId, char(0)))
            continue;
        const int label = classIndex(reviewedClassId(d));
        if (label >= 0)
            inputs.answers.append({d.sampleId, m_history.reviewerNames.value(d.reviewer), label});
    }

    // The loop: every model that predicted reviewed samples, on the samples they all predicted.
    const int modelCount = int(m_history.models.size());
    std::vector<char> participates(size_t(modelCount), 0);
    for (const qint32 index : selection.settledPerSample) {
        const auto &d = m_history.decisions[size_t(index)];
        for (int m = 0; m < modelCount; ++m) {
            if (valueAt(m_history.labelBySample[size_t(m)], d.sampleId, qint32(-1)) >= 0)
                participates[size_t(m)] = 1;
        }
    }
    std::vector<qint64> modelCells(size_t(modelCount) * size_t(std::max(1, classCount)) * 2, 0);
    for (const qint32 index : selection.settledPerSample) {
        const auto &d = m_history.decisions[size_t(index)];
        const qint32 reviewedId = reviewedClassId(d);
        const int reviewed = classIndex(reviewedId);
        if (reviewed < 0)
            continue;
        bool everyModel = true;
        for (int m = 0; m < modelCount && everyModel; ++m)
            everyModel
                    = !participates[size_t(m)]
                      || valueAt(m_history.labelBySample[size_t(m)], d.sampleId, qint32(-1)) >= 0;
        if (!everyModel)
            continue;
        for (int m = 0; m < modelCount; ++m) {
            if (!participates[size_t(m)])
                continue;
            const bool correct = valueAt(m_history.labelBySample[size_t(m)], d.sampleId, qint32(-1))
                                 == reviewedId;
            ++modelCells[(size_t(m) * size_t(classCount) + size_t(reviewed)) * 2
                         + (correct ? 1 : 0)];
        }
    }
    for (int m = 0; m < modelCount; ++m) {
        if (!participates[size_t(m)])
            continue;
        inputs.models.append({m_history.models.at(m).key, m_history.models.at(m).trainedOnVersion});
        for (int c = 0; c < classCount; ++c) {
            for (int correct = 0; correct < 2; ++correct) {
                const qint64 count = modelCells[(size_t(m) * size_t(classCount) + size_t(c)) * 2
                                                + size_t(correct)];
                if (count > 0)
                    inputs.modelOutcomes.append(
                            {m_history.models.at(m).key, c, correct == 1, count});
            }
        }
    }

    // Dataset versions: the decisions made for each, and the corrections it committed.
    for (int v = 0; v < m_history.versions.size(); ++v) {
        VersionActivity activity;
        activity.version = m_history.versions.at(v).number;
        inputs.versions.append(activity);
    }
    for (const qint32 index : selection.kept) {
        const auto &d = m_history.decisions[size_t(index)];
        // The first version committed at or after the decision.
        const auto it = std::lower_bound(
                m_history.versions.cbegin(), m_history.versions.cend(), d.finishedMs,
                [](const ReviewHistory::Version &v, qint64 ms) { return v.createdMs < ms; });
        if (it != m_history.versions.cend())
            ++inputs.versions[it - m_history.versions.cbegin()].reviews;
        const int corrected = valueAt(m_history.correctionVersion, d.reviewId, 0);
        if (corrected > 0
            && (d.action == quint8(ReviewAction::Override)
                || d.action == quint8(ReviewAction::Relabel))) {
            for (auto &activity : inputs.versions) {
                if (activity.version == corrected)
                    ++activity.corrections;
            }
        }
    }
}

QList<ReviewCellSample> ReviewAudit::cellSamples(const Scope &scope, int reviewedClass,
                                                 int predictedClass) const
{
    QList<ReviewCellSample> samples;
    const Selection selection = select(scope);
    for (const qint32 index : selection.settledPerPrediction) {
        const auto &d = m_history.decisions[size_t(index)];
        if (classIndex(reviewedClassId(d)) == reviewedClass
            && classIndex(valueAt(m_history.predictionClass, d.predictionId, 0)) == predictedClass)
            samples.append({d.sampleId, d.predictionId,
                            valueAt(m_history.predictionConfidence, d.predictionId, -1.0)});
    }
    std::sort(samples.begin(), samples.end(),
              [](const ReviewCellSample &a, const ReviewCellSample &b) {
                  return a.sample != b.sample ? a.sample < b.sample : a.prediction < b.prediction;
              });
    samples.erase(std::unique(samples.begin(), samples.end(),
                              [](const ReviewCellSample &a, const ReviewCellSample &b) {
                                  return a.sample == b.sample && a.prediction == b.prediction;
                              }),
                  samples.end());
    return samples;
}

QList<SampleId> ReviewAudit::samplesFlaggedBy(const Scope &scope, const QString &trigger,
                                              bool wrongOnly) const
{
    QList<SampleId> samples;
    const bool control = trigger == controlTrigger;
    const int bit = int(m_history.triggerNames.indexOf(trigger));
    if (!control && bit < 0)
        return samples;
    const Selection selection = select(scope);
    for (const qint32 index : selection.settledPerPrediction) {
        const auto &d = m_history.decisions[size_t(index)];
        const bool flagged
                = control ? valueAt(m_history.itemControl, d.itemId, quint8(0)) != 0
                          : (valueAt(m_history.itemTriggers, d.itemId, quint64(0)) >> bit) & 1;
        if (!flagged)
            continue;
        if (wrongOnly) {
            if (reviewedClassId(d) == valueAt(m_history.predictionClass, d.predictionId, 0))
                continue;
        }
        samples.append(d.sampleId);
    }
    std::sort(samples.begin(), samples.end());
    samples.erase(std::unique(samples.begin(), samples.end()), samples.end());
    return samples;
}

} // namespace Boucle
