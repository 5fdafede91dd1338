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
#include "triggers/triggernames.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace Boucle {

namespace {

struct Weighted
{
    TriggerScores scores;
    double weight = 1.0;
};

std::vector<Weighted> weightedScores(const PredictionTable &table, const TriggerPolicy &policy)
{
    std::vector<Weighted> result;
    auto add = [&result](const TriggerSetting &setting, auto &&compute) {
        if (setting.enabled)
            result.push_back({compute(), setting.weight});
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
    return result;
}

} // namespace

BatchBuilder::BatchBuilder(ProjectStore &store)
    : m_store(store)
{ }

std::vector<TriggerScores> BatchBuilder::score(const PredictionTable &table,
                                               const TriggerPolicy &policy)
{
    std::vector<TriggerScores> result;
    for (auto &weighted : weightedScores(table, policy))
        result.push_back(std::move(weighted.scores));
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
    const auto triggers = weightedScores(table, policy);

    std::vector<float> priority(n, 0.0f);
    std::vector<quint8> flagged(n, 0);
    for (const auto &weighted : triggers) {
        const float w = float(weighted.weight);
        const float *score = weighted.scores.score.data();
        const quint8 *fired = weighted.scores.fired.data();
        qsizetype count = 0;
        for (size_t i = 0; i < n; ++i) {
            const bool hit = fired[i] && eligible[i];
            priority[i] += hit ? w * score[i] : 0.0f;
            flagged[i] |= quint8(hit);
            count += hit;
        }
        selection.fired[weighted.scores.trigger] += count;
    }

    std::vector<qsizetype> eligibleRows;
    for (size_t i = 0; i < n; ++i) {
        if (eligible[i])
            eligibleRows.push_back(qsizetype(i));
    }
    selection.eligible = qsizetype(eligibleRows.size());

    const auto controlCount = qsizetype(std::lround(policy.controlShare * size));
    const auto controls = Triggers::drawControl(eligibleRows, controlCount, policy.seed);
    std::vector<quint8> taken(n, 0);
    for (const qsizetype row : controls)
        taken[size_t(row)] = 1;
    selection.controls = qsizetype(controls.size());

    std::vector<qsizetype> candidates;
    for (const qsizetype row : eligibleRows) {
        if (flagged[size_t(row)])
            candidates.push_back(row);
    }
    selection.candidates = qsizetype(candidates.size());
    std::stable_sort(candidates.begin(), candidates.end(), [&priority](qsizetype a, qsizetype b) {
        return priority[size_t(a)] > priority[size_t(b)];
    });

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
        for (const qsizetype row : candidates) {
            if (count[size_t(c)] >= minimum[size_t(c)] || qsizetype(chosen.size()) >= flaggedSlots)
                break;
            if (table.label[size_t(row)] == c)
                accept(row);
        }
    }
    // 2. Diversity among the top candidates that carry an embedding.
    const qsizetype free = flaggedSlots - qsizetype(chosen.size());
    if (policy.diversity != TriggerPolicy::Diversity::None && table.embeddingSize > 0 && free > 0) {
        const auto poolSize = qsizetype(std::ceil(policy.diversityPool * double(free)));
        std::vector<qsizetype> pool;
        for (const qsizetype row : candidates) {
            if (qsizetype(pool.size()) >= poolSize)
                break;
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
    for (const qsizetype row : candidates) {
        if (qsizetype(chosen.size()) >= flaggedSlots)
            break;
        accept(row);
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
        for (const auto &weighted : triggers) {
            if (!weighted.scores.fired[size_t(row)])
                continue;
            for (const QJsonObject &details : weighted.scores.reasons(row))
                item.reasons.append(makeFlagReason(weighted.scores.trigger,
                                                   double(weighted.scores.score[size_t(row)]),
                                                   details));
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
    if ((result.error = query.load(table, policy.model, progress)))
        return result;

    std::vector<quint8> eligible(size_t(table.rows), 1);
    const auto open = policy.includeOpenBatches ? QSet<SampleId>() : query.samplesInOpenBatches();
    const auto reviewed
            = policy.includeReviewed ? QSet<PredictionId>() : query.reviewedPredictions();
    for (size_t i = 0; i < eligible.size(); ++i) {
        if (open.contains(table.sampleId[i]) || reviewed.contains(table.predictionId[i]))
            eligible[i] = 0;
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
