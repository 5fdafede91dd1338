#include "batchbuilder.h"

#include "diversityselection.h"
#include "progress/progresssink.h"
#include "records/predictiontable.h"
#include "store/predictiontablequery.h"
#include "store/projectstore.h"
#include "triggers/committeetriggers.h"
#include "triggers/confidencetriggers.h"
#include "triggers/controlsampler.h"
#include "triggers/drifttrigger.h"
#include "triggers/flagreasontext.h"
#include "triggers/outliertrigger.h"
#include "triggers/reporttriggers.h"
#include "triggers/suspectlabeltrigger.h"
#include "triggers/triggernames.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace Boucle {

namespace {

// Runs every enabled trigger in a fixed order, one at a time (each scores its rows in
// parallel), and hands each one's scores with its weight to `each`.
template<typename Each>
void forEachTrigger(const PredictionTable &table, const TriggerPolicy &policy, Each &&each)
{
    auto add = [&each](const TriggerSetting &setting, auto &&compute) {
        if (setting.enabled)
            each(compute(), setting.weight);
    };
    add(policy.report, [&] { return Triggers::userReports(table); });
    add(policy.upstream, [&] { return Triggers::upstreamFlags(table); });
    add(policy.lowConfidence,
        [&] { return Triggers::lowConfidence(table, policy.lowConfidence.threshold); });
    add(policy.margin, [&] { return Triggers::margin(table, policy.margin.threshold); });
    add(policy.entropy, [&] { return Triggers::entropy(table, policy.entropy.threshold); });
    add(policy.committeeVote,
        [&] { return Triggers::committeeVote(table, policy.committeeVote.threshold); });
    add(policy.committeeDivergence,
        [&] { return Triggers::committeeDivergence(table, policy.committeeDivergence.threshold); });
    add(policy.outlier, [&] {
        Triggers::OutlierOptions options;
        options.clusters = policy.outlierClusters;
        options.percentile = policy.outlier.threshold;
        options.seed = policy.seed;
        return Triggers::outliers(table, options);
    });
    add(policy.drift, [&] {
        Triggers::DriftOptions options;
        options.threshold = policy.drift.threshold;
        options.recentDays = policy.driftRecentDays;
        options.referenceDays = policy.driftReferenceDays;
        return Triggers::drift(table, options);
    });
    add(policy.suspectLabel, [&] {
        return Triggers::suspectLabels(table, policy.suspectLabel.threshold,
                                       policy.suspectSelection);
    });
}

// What select() keeps of one trigger once its scores are summed into the priority: the eligible
// rows it fired on (ascending) and their scores, for the reasons of the chosen items.
struct FiredRows
{
    QString trigger;
    std::vector<qsizetype> rows;
    std::vector<float> score;
    std::function<QList<QJsonObject>(qsizetype row)> reasons;

    // Index into rows, or -1 when the trigger did not fire on `row`.
    qsizetype find(qsizetype row) const
    {
        const auto it = std::lower_bound(rows.cbegin(), rows.cend(), row);
        return it != rows.cend() && *it == row ? qsizetype(it - rows.cbegin()) : -1;
    }
};

// The candidates by falling priority, ties in row order (what a stable sort of the rows by
// priority gives), sorted only as deep as they are read: the batch needs the top few hundred of
// possibly a million.
class Ranking
{
public:
    Ranking(std::vector<qsizetype> rows, const std::vector<float> &priority)
        : m_rows(std::move(rows))
        , m_priority(priority)
    { }

    qsizetype size() const { return qsizetype(m_rows.size()); }

    qsizetype at(qsizetype position)
    {
        if (size_t(position) >= m_sorted)
            sortUpTo(size_t(position) + 1);
        return m_rows[size_t(position)];
    }

private:
    // A strict total order: NaN (a project holding non-finite values) ranks last.
    bool before(qsizetype a, qsizetype b) const
    {
        float pa = m_priority[size_t(a)], pb = m_priority[size_t(b)];
        pa = std::isnan(pa) ? -std::numeric_limits<float>::infinity() : pa;
        pb = std::isnan(pb) ? -std::numeric_limits<float>::infinity() : pb;
        return pa > pb || (pa == pb && a < b);
    }

    void sortUpTo(size_t needed)
    {
        const size_t to = std::min(m_rows.size(), std::max({needed, 2 * m_sorted, size_t(1024)}));
        auto less = [this](qsizetype a, qsizetype b) {
            return before(a, b);
        };
        const auto first = m_rows.begin() + qsizetype(m_sorted);
        const auto last = m_rows.begin() + qsizetype(to);
        if (last != m_rows.end())
            std::nth_element(first, last, m_rows.end(), less);
        std::sort(first, last, less);
        m_sorted = to;
    }

    std::vector<qsizetype> m_rows;
    const std::vector<float> &m_priority;
    size_t m_sorted = 0;
};

} // namespace

BatchBuilder::BatchBuilder(ProjectStore &store)
    : m_store(store)
{ }

StoreError BatchBuilder::loadGivenLabels(const ProjectStore &store, PredictionTable &table,
                                         int version)
{
    table.givenLabel.assign(size_t(table.rows), -1);
    table.givenLabelVersion = version > 0 ? version : store.headVersion();
    if (table.givenLabelVersion <= 0)
        return {};
    auto labelled = store.labelsAt(table.givenLabelVersion);
    if (labelled.error)
        return labelled.error;
    QHash<QString, qint32> classIndex;
    for (qsizetype i = 0; i < table.classes.size(); ++i)
        classIndex.insert(table.classes.at(i), qint32(i));
    QHash<SampleId, qint32> given;
    given.reserve(labelled.value.size());
    for (const LabelledSample &sample : std::as_const(labelled.value))
        given.insert(sample.sampleId, classIndex.value(sample.label, -1));
    for (size_t row = 0; row < table.givenLabel.size(); ++row)
        table.givenLabel[row] = given.value(table.sampleId[row], -1);
    return {};
}

PredictionTableQuery::Columns BatchBuilder::columnsFor(const TriggerPolicy &policy)
{
    PredictionTableQuery::Columns columns;
    columns.probs = policy.margin.enabled || policy.entropy.enabled
                    || policy.committeeDivergence.enabled || policy.suspectLabel.enabled;
    columns.committee = policy.committeeVote.enabled || policy.committeeDivergence.enabled;
    columns.committeeProbs = policy.committeeDivergence.enabled;
    columns.embedding
            = policy.outlier.enabled || policy.diversity != TriggerPolicy::Diversity::None;
    columns.time = policy.drift.enabled;
    columns.reports = policy.report.enabled;
    columns.upstreamFlags = policy.upstream.enabled;
    return columns;
}

std::vector<TriggerScores> BatchBuilder::score(const PredictionTable &table,
                                               const TriggerPolicy &policy)
{
    std::vector<TriggerScores> result;
    forEachTrigger(table, policy, [&result](TriggerScores &&scores, double) {
        result.push_back(std::move(scores));
    });
    return result;
}

BatchSelection BatchBuilder::select(const PredictionTable &table,
                                    const std::vector<quint8> &eligible,
                                    const TriggerPolicy &policy, int size)
{
    BatchSelection selection;
    const auto n = size_t(table.rows);
    selection.scored = table.rows;
    if (size <= 0)
        size = policy.batchSize;

    // Each trigger in turn: its scores summed into the priority, then only its fired rows kept.
    std::vector<float> priority(n, 0.0f);
    std::vector<quint8> flagged(n, 0);
    std::vector<FiredRows> triggers;
    forEachTrigger(table, policy, [&](TriggerScores &&scores, double weight) {
        const float w = float(weight);
        const float *score = scores.score.data();
        const quint8 *fired = scores.fired.data();
        FiredRows kept;
        kept.trigger = scores.trigger;
        kept.reasons = std::move(scores.reasons);
        for (size_t i = 0; i < n; ++i) {
            const bool hit = fired[i] && eligible[i];
            priority[i] += hit ? w * score[i] : 0.0f;
            flagged[i] |= quint8(hit);
            if (hit) {
                kept.rows.push_back(qsizetype(i));
                kept.score.push_back(score[i]);
            }
        }
        selection.fired[kept.trigger] += qsizetype(kept.rows.size());
        if (!scores.problem.isEmpty())
            selection.problems.append(scores.trigger + QStringLiteral(": ") + scores.problem);
        triggers.push_back(std::move(kept));
    });

    std::vector<qsizetype> eligibleRows;
    std::vector<qsizetype> flaggedRows;
    for (size_t i = 0; i < n; ++i) {
        if (eligible[i]) {
            eligibleRows.push_back(qsizetype(i));
            if (flagged[i])
                flaggedRows.push_back(qsizetype(i));
        }
    }
    std::vector<quint8>().swap(flagged);
    selection.eligible = qsizetype(eligibleRows.size());

    const auto controlCount = qsizetype(std::lround(policy.controlShare * size));
    const auto controls = Triggers::drawControl(eligibleRows, controlCount, policy.seed);
    std::vector<qsizetype>().swap(eligibleRows);
    std::vector<quint8> taken(n, 0);
    for (const qsizetype row : controls)
        taken[size_t(row)] = 1;
    selection.controls = qsizetype(controls.size());

    selection.candidates = qsizetype(flaggedRows.size());
    Ranking candidates(std::move(flaggedRows), priority);

    // Quotas by predicted class.
    const int classes = table.classCount();
    std::vector<int> minimum(size_t(classes), 0), maximum(size_t(classes), -1),
            count(size_t(classes), 0);
    for (auto it = policy.quotas.cbegin(); it != policy.quotas.cend(); ++it) {
        const auto index = table.classes.indexOf(it.key());
        if (index >= 0) {
            minimum[size_t(index)] = it.value().minimum;
            maximum[size_t(index)] = it.value().maximum;
        }
    }
    const qsizetype flaggedSlots = std::max<qsizetype>(0, size - qsizetype(controls.size()));
    std::vector<qsizetype> chosen;
    auto accept = [&](qsizetype row) {
        if (taken[size_t(row)] || qsizetype(chosen.size()) >= flaggedSlots)
            return false;
        const qint32 label = table.label[size_t(row)];
        if (label >= 0 && label < classes) {
            if (maximum[size_t(label)] >= 0 && count[size_t(label)] >= maximum[size_t(label)])
                return false;
            ++count[size_t(label)];
        }
        taken[size_t(row)] = 1;
        chosen.push_back(row);
        return true;
    };

    // 1. Minimum quotas, best first within each class.
    for (int c = 0; c < classes; ++c) {
        for (qsizetype k = 0; k < candidates.size(); ++k) {
            if (count[size_t(c)] >= minimum[size_t(c)] || qsizetype(chosen.size()) >= flaggedSlots)
                break;
            const qsizetype row = candidates.at(k);
            if (table.label[size_t(row)] == c)
                accept(row);
        }
    }
    // 2. Diversity among the top candidates that carry an embedding.
    const qsizetype free = flaggedSlots - qsizetype(chosen.size());
    if (policy.diversity != TriggerPolicy::Diversity::None && table.embeddingSize > 0 && free > 0) {
        const auto poolSize = qsizetype(std::ceil(policy.diversityPool * double(free)));
        std::vector<qsizetype> pool;
        for (qsizetype k = 0; k < candidates.size(); ++k) {
            if (qsizetype(pool.size()) >= poolSize)
                break;
            const qsizetype row = candidates.at(k);
            if (!taken[size_t(row)] && table.hasEmbedding[size_t(row)])
                pool.push_back(row);
        }
        const int d = table.embeddingSize;
        std::vector<float> points(pool.size() * size_t(d));
        std::vector<float> poolPriority(pool.size());
        for (size_t i = 0; i < pool.size(); ++i) {
            std::copy_n(table.embeddingOf(pool[i]), d, points.begin() + qsizetype(i) * d);
            poolPriority[i] = priority[size_t(pool[i])];
        }
        auto acceptPooled = [&](qsizetype i) {
            return accept(pool[size_t(i)]);
        };
        if (policy.diversity == TriggerPolicy::Diversity::KMeansPlusPlus)
            Diversity::selectByKMeans(points.data(), qsizetype(pool.size()), d, poolPriority.data(),
                                      int(free), policy.seed, acceptPooled);
        else
            Diversity::selectCoreSet(points.data(), qsizetype(pool.size()), d, poolPriority.data(),
                                     int(free), acceptPooled);
    }
    // 3. The rest by priority.
    for (qsizetype k = 0; k < candidates.size(); ++k) {
        if (qsizetype(chosen.size()) >= flaggedSlots)
            break;
        accept(candidates.at(k));
    }
    std::stable_sort(chosen.begin(), chosen.end(), [&priority](qsizetype a, qsizetype b) {
        return priority[size_t(a)] > priority[size_t(b)];
    });

    // Control items spread evenly, so that a batch left half done still holds some of them.
    const auto total = qsizetype(chosen.size() + controls.size());
    std::vector<quint8> isControlSlot(size_t(total), 0);
    for (size_t j = 0; j < controls.size(); ++j) {
        auto position = qsizetype((double(j) + 0.5) * double(total) / double(controls.size()));
        position = std::clamp<qsizetype>(position, 0, total - 1);
        while (isControlSlot[size_t(position)])
            position = (position + 1) % total;
        isControlSlot[size_t(position)] = 1;
    }
    auto makeItem = [&](qsizetype row, bool control) {
        BatchItemRecord item;
        item.sampleId = table.sampleId[size_t(row)];
        item.predictionId = table.predictionId[size_t(row)];
        item.priority = priority[size_t(row)];
        item.control = control;
        if (control)
            item.reasons.append(makeFlagReason(TriggerNames::control, 0.0, {}));
        for (const auto &trigger : triggers) {
            const qsizetype at = trigger.find(row);
            if (at < 0)
                continue;
            for (const QJsonObject &details : trigger.reasons(row))
                item.reasons.append(makeFlagReason(trigger.trigger,
                                                   double(trigger.score[size_t(at)]), details));
        }
        return item;
    };
    size_t nextFlagged = 0, nextControl = 0;
    for (qsizetype position = 0; position < total; ++position) {
        if (isControlSlot[size_t(position)])
            selection.items.append(makeItem(controls[nextControl++], true));
        else
            selection.items.append(makeItem(chosen[nextFlagged++], false));
    }
    return selection;
}

BatchBuilder::Result BatchBuilder::build(const TriggerPolicy &policy, const QString &name, int size,
                                         const QString &author, ProgressSink *progress)
{
    Result result;
    if (name.trimmed().isEmpty()) {
        result.error = StoreError::make(
                StoreError::Code::InvalidArgument,
                QCoreApplication::translate("Boucle::BatchBuilder", "a batch needs a name"));
        return result;
    }
    if (m_store.batchByName(name)) {
        result.error
                = StoreError::make(StoreError::Code::Conflict,
                                   QCoreApplication::translate("Boucle::BatchBuilder",
                                                               "a batch named '%1' already exists")
                                           .arg(name));
        return result;
    }
    if (size <= 0)
        size = policy.batchSize;
    PredictionTable table;
    PredictionTableQuery query(m_store);
    query.setColumns(columnsFor(policy));
    // The divergence is all the policy needs of the votes' probabilities.
    query.setCommitteeFold(&Triggers::foldCommitteeDivergence);
    if ((result.error = query.load(table, policy.model, progress)))
        return result;
    if (policy.suspectLabel.enabled && (result.error = loadGivenLabels(m_store, table)))
        return result;

    std::vector<quint8> eligible(size_t(table.rows), 1);
    // A failed read of what to leave out stops the batch: it would otherwise offer those again.
    QSet<SampleId> open;
    if (!policy.includeOpenBatches) {
        auto read = query.samplesInOpenBatches();
        if ((result.error = read.error))
            return result;
        open = std::move(read.value);
    }
    QSet<PredictionId> reviewed;
    QSet<SampleId> settled;
    if (!policy.includeReviewed) {
        auto read = query.reviewedPredictions();
        if ((result.error = read.error))
            return result;
        reviewed = std::move(read.value);
        // A label a reviewer settled is not brought back by a newer prediction (retraining
        // predicts every labelled sample again); doubting a label is the suspect-label
        // trigger's job, and only where no reviewer has settled it.
        auto settledRead = query.settledSamples();
        if ((result.error = settledRead.error))
            return result;
        settled = std::move(settledRead.value);
    }
    if (!open.isEmpty() || !reviewed.isEmpty() || !settled.isEmpty()) {
        for (size_t i = 0; i < eligible.size(); ++i) {
            if (open.contains(table.sampleId[i]) || reviewed.contains(table.predictionId[i])
                || settled.contains(table.sampleId[i]))
                eligible[i] = 0;
        }
    }
    if (progress)
        progress->progress(0, 0,
                           QCoreApplication::translate("Boucle::BatchBuilder",
                                                       "Scoring %n prediction(s)", nullptr,
                                                       int(table.rows)));
    result.selection = select(table, eligible, policy, size);
    if (result.selection.items.isEmpty()) {
        result.error = StoreError::make(
                StoreError::Code::Conflict,
                QCoreApplication::translate("Boucle::BatchBuilder",
                                            "nothing to flag: no eligible prediction fired a "
                                            "trigger (%1 scored, %2 eligible)")
                        .arg(result.selection.scored)
                        .arg(result.selection.eligible));
        return result;
    }
    TriggerPolicy stored = policy;
    stored.batchSize = size;
    result.batch.name = name;
    result.batch.createdBy = author;
    result.batch.source = QStringLiteral("policy");
    result.batch.policy = stored.toJson();
    result.error = m_store.addBatch(result.batch, result.selection.items);
    return result;
}

} // namespace Boucle
