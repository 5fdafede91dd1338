#include "reviewanalyticsquery.h"

#include "projectstore.h"
#include "recordcodec.h"
#include "reviewround.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace Boucle {

namespace {

StoreError failure(const QSqlQuery &query, const QString &what)
{
    return StoreError::make(StoreError::Code::Failed,
                            QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "%1: %2")
                                    .arg(what, query.lastError().text()));
}

// Days from 1970-01-01 to a civil date (proleptic Gregorian), without a QDate per row.
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

// The store writes UTC times as "yyyy-MM-ddTHH:mm:ss.zzzZ"; a million of them are read at
// once, so that form is parsed by hand and anything else goes through QDateTime.
std::optional<qint64> timeMs(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    const auto digits = [&text](int from, int count, int &value) {
        value = 0;
        for (int i = from; i < from + count; ++i) {
            const char16_t c = text.at(i).unicode();
            if (c < u'0' || c > u'9')
                return false;
            value = value * 10 + int(c - u'0');
        }
        return true;
    };
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
    if (text.size() == 24 && text.at(4) == u'-' && text.at(10) == u'T' && text.at(19) == u'.'
        && text.at(23) == u'Z' && digits(0, 4, y) && digits(5, 2, mo) && digits(8, 2, d)
        && digits(11, 2, h) && digits(14, 2, mi) && digits(17, 2, s) && digits(20, 3, ms)) {
        return ((daysFromCivil(y, unsigned(mo), unsigned(d)) * 24 + h) * 60 + mi) * 60000LL
               + s * 1000LL + ms;
    }
    const QDateTime time = RecordCodec::timeFromText(text);
    if (!time.isValid())
        return std::nullopt;
    return time.toMSecsSinceEpoch();
}

template<typename T>
void growTo(std::vector<T> &vector, qint64 index, T fill)
{
    if (index >= qint64(vector.size()))
        vector.resize(size_t(std::max<qint64>(index + 1, qint64(vector.size()) * 3 / 2)), fill);
}

template<typename T>
T valueAt(const std::vector<T> &vector, qint64 index, T fallback)
{
    return index >= 0 && index < qint64(vector.size()) ? vector[size_t(index)] : fallback;
}

bool isDecisive(quint8 action)
{
    return action == quint8(ReviewAction::Approve) || action == quint8(ReviewAction::Override)
           || action == quint8(ReviewAction::Relabel);
}

constexpr int triggerBits = 64;
const QString controlTrigger = QStringLiteral("control");

} // namespace

bool AnalyticsFilter::isEmpty() const
{
    return batch.isEmpty() && model.isEmpty() && datasetVersion == 0 && reviewer.isEmpty()
           && !from.isValid() && !to.isValid();
}

QString AnalyticsFilter::description() const
{
    QStringList parts;
    if (!batch.isEmpty())
        parts.append(QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "batch '%1'")
                             .arg(batch));
    if (!model.isEmpty())
        parts.append(
                QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "model %1").arg(model));
    if (datasetVersion > 0)
        parts.append(
                QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "dataset version %1")
                        .arg(datasetVersion));
    if (!reviewer.isEmpty())
        parts.append(QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "reviewer %1")
                             .arg(reviewer));
    if (from.isValid())
        parts.append(QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "from %1")
                             .arg(from.toUTC().toString(Qt::ISODate)));
    if (to.isValid())
        parts.append(QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "before %1")
                             .arg(to.toUTC().toString(Qt::ISODate)));
    return parts.isEmpty()
                   ? QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "all reviews")
                   : parts.join(QStringLiteral(", "));
}

// The decisions one filter keeps, and among the decisive ones the latest per judged prediction
// (what the confusion matrix counts) and per sample (the label the loop compares models with).
struct ReviewAnalyticsQuery::Selection
{
    std::vector<qint32> kept;
    std::vector<qint32> settledPerPrediction;
    std::vector<qint32> settledPerSample;
};

ReviewAnalyticsQuery::ReviewAnalyticsQuery(ProjectStore &store)
    : m_store(store)
    , m_detections(store)
{ }

StoreError ReviewAnalyticsQuery::refresh()
{
    if (!m_store.isOpen())
        return StoreError::make(
                StoreError::Code::NotFound,
                QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "no project is open"));
    // Reviews first: every row a review points at was written before it, so items, reasons and
    // predictions read afterwards cover all the reviews read.
    if (auto error = refreshDecisions())
        return error;
    if (auto error = refreshSmallTables())
        return error;
    if (auto error = refreshItems())
        return error;
    if (auto error = refreshOpenRounds())
        return error;
    if (auto error = refreshReasons())
        return error;
    if (auto error = refreshPredictionLabels())
        return error;
    return refreshCorrections();
}

StoreError ReviewAnalyticsQuery::refreshOpenRounds()
{
    // Open rounds are few and change with every decision: read afresh through the stage index.
    m_openRoundItems.clear();
    if (m_store.schemaVersion() < 3)
        return {};
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT batch_item_id FROM review_stages WHERE stage IN (?, ?)"));
    query.addBindValue(reviewStageName(ReviewStage::AwaitingSecond));
    query.addBindValue(reviewStageName(ReviewStage::Adjudication));
    if (!query.exec())
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the open review rounds"));
    while (query.next())
        m_openRoundItems.insert(query.value(0).toLongLong());
    return {};
}

StoreError ReviewAnalyticsQuery::refreshSmallTables()
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, name FROM classes ORDER BY position, id")))
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the classes"));
    m_classNames.clear();
    m_classIndexById.clear();
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        growTo(m_classIndexById, id, qint32(-1));
        m_classIndexById[size_t(id)] = qint32(m_classNames.size());
        m_classNames.append(query.value(1).toString());
    }

    if (!query.exec(QStringLiteral("SELECT id, name, version, created_at, trained_on_version"
                                   " FROM models ORDER BY id")))
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the models"));
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        ModelInfo info;
        info.id = id;
        info.key = query.value(1).toString() + QLatin1Char('@') + query.value(2).toString();
        info.createdAt = RecordCodec::timeFromText(query.value(3).toString());
        info.trainedOnVersion = query.value(4).toInt();
        const auto known = m_modelIndexById.constFind(id);
        if (known != m_modelIndexById.constEnd()) {
            m_models[*known] = info; // the trained-on version may have been filled in since
            continue;
        }
        m_modelIndexById.insert(id, int(m_models.size()));
        m_models.append(info);
        m_labelBySample.emplace_back();
    }

    if (!query.exec(QStringLiteral("SELECT id, name FROM batches")))
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the batches"));
    while (query.next())
        m_batchIds.insert(query.value(1).toString(), query.value(0).toLongLong());

    if (!query.exec(QStringLiteral("SELECT number, created_at FROM versions ORDER BY number")))
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the dataset versions"));
    m_versions.clear();
    while (query.next())
        m_versions.append({query.value(0).toInt(), timeMs(query.value(1).toString()).value_or(0)});
    return {};
}

StoreError ReviewAnalyticsQuery::refreshItems()
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
            "SELECT id, batch_id, control FROM batch_items WHERE id > ? ORDER BY id"));
    query.addBindValue(m_lastItemId);
    if (!query.exec())
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the batch items"));
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        growTo(m_itemBatch, id, qint32(0));
        growTo(m_itemControl, id, quint8(0));
        growTo(m_itemTriggers, id, quint64(0));
        m_itemBatch[size_t(id)] = qint32(query.value(1).toLongLong());
        m_itemControl[size_t(id)] = query.value(2).toInt() != 0 ? 1 : 0;
        m_lastItemId = id;
    }
    return {};
}

StoreError ReviewAnalyticsQuery::refreshReasons()
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, batch_item_id, trigger_name FROM batch_item_reasons"
                                 " WHERE id > ? ORDER BY id"));
    query.addBindValue(m_lastReasonId);
    if (!query.exec())
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the flag reasons"));
    while (query.next()) {
        const qint64 item = query.value(1).toLongLong();
        growTo(m_itemTriggers, item, quint64(0));
        growTo(m_itemBatch, item, qint32(0));
        growTo(m_itemControl, item, quint8(0));
        const QString trigger = query.value(2).toString();
        if (trigger == controlTrigger)
            m_itemControl[size_t(item)] = 1;
        else
            m_itemTriggers[size_t(item)] |= quint64(1) << triggerBit(trigger);
        m_lastReasonId = query.value(0).toLongLong();
    }
    return {};
}

StoreError ReviewAnalyticsQuery::refreshPredictionLabels()
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, sample_id, model_id, label_id, confidence"
                                 " FROM predictions WHERE id > ? ORDER BY id"));
    query.addBindValue(m_lastPredictionId);
    if (!query.exec())
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the predictions"));
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        const qint64 sample = query.value(1).toLongLong();
        const int model = m_modelIndexById.value(query.value(2).toLongLong(), -1);
        const qint32 label = qint32(query.value(3).toLongLong());
        const QVariant confidence = query.value(4);
        growTo(m_predictionModel, id, qint32(-1));
        growTo(m_predictionClass, id, qint32(0));
        growTo(m_predictionConfidence, id, -1.0);
        m_predictionModel[size_t(id)] = model;
        m_predictionClass[size_t(id)] = label;
        m_predictionConfidence[size_t(id)] = confidence.isNull() ? -1.0 : confidence.toDouble();
        if (model >= 0) {
            auto &bySample = m_labelBySample[size_t(model)];
            growTo(bySample, sample, qint32(-1));
            bySample[size_t(sample)] = label;
        }
        m_lastPredictionId = id;
    }
    return {};
}

StoreError ReviewAnalyticsQuery::refreshDecisions()
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
            "SELECT id, batch_item_id, sample_id, prediction_id, reviewer, action, label_id,"
            " started_at, finished_at, revokes_review_id,"
            " (SELECT role FROM review_roles o WHERE o.review_id = reviews.id)"
            " FROM reviews WHERE id > ? ORDER BY id"));
    query.addBindValue(m_lastReviewId);
    if (!query.exec())
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the reviews"));
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        m_lastReviewId = id;
        const auto action = reviewActionFromName(query.value(5).toString());
        if (!action)
            continue;
        if (*action == ReviewAction::Revoke) {
            const qint32 undone = valueAt(m_decisionByReview, query.value(9).toLongLong(), -1);
            if (undone >= 0)
                m_decisions[size_t(undone)].revoked = true;
            continue;
        }
        Decision decision;
        decision.reviewId = id;
        decision.itemId = query.value(1).toLongLong();
        decision.sampleId = query.value(2).toLongLong();
        decision.predictionId = query.value(3).toLongLong();
        decision.reviewer = reviewerIndex(query.value(4).toString());
        decision.action = quint8(*action);
        decision.label = qint32(query.value(6).toLongLong());
        decision.adjudicates = query.value(10).toString() == QLatin1String("adjudication");
        const auto started = timeMs(query.value(7).toString());
        const auto finished = timeMs(query.value(8).toString());
        decision.finishedMs = finished.value_or(0);
        if (started && finished && *finished >= *started)
            decision.seconds = float(double(*finished - *started) / 1000.0);
        growTo(m_decisionByReview, id, qint32(-1));
        m_decisionByReview[size_t(id)] = qint32(m_decisions.size());
        m_decisions.push_back(decision);
    }
    return {};
}

StoreError ReviewAnalyticsQuery::refreshCorrections()
{
    // A committed revision keeps its version_added, so versions already read never change.
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT review_id, version_added FROM label_revisions"
                                 " WHERE review_id IS NOT NULL AND version_added > ?"));
    query.addBindValue(m_lastCorrectionVersion);
    if (!query.exec())
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the label revisions"));
    while (query.next()) {
        const qint64 review = query.value(0).toLongLong();
        const int version = query.value(1).toInt();
        growTo(m_correctionVersion, review, qint32(0));
        m_correctionVersion[size_t(review)] = version;
        m_lastCorrectionVersion = std::max(m_lastCorrectionVersion, version);
    }
    return {};
}

int ReviewAnalyticsQuery::reviewerIndex(const QString &name)
{
    const auto it = m_reviewerIndex.constFind(name);
    if (it != m_reviewerIndex.constEnd())
        return *it;
    const int index = int(m_reviewerNames.size());
    m_reviewerNames.append(name);
    m_reviewerIndex.insert(name, index);
    return index;
}

int ReviewAnalyticsQuery::triggerBit(const QString &trigger)
{
    const int known = int(m_triggerNames.indexOf(trigger));
    if (known >= 0)
        return known;
    if (m_triggerNames.size() == triggerBits - 1)
        m_triggerNames.append(
                QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "other triggers"));
    if (m_triggerNames.size() >= triggerBits)
        return triggerBits - 1;
    m_triggerNames.append(trigger);
    return int(m_triggerNames.size()) - 1;
}

qint32 ReviewAnalyticsQuery::reviewedClassId(const Decision &decision) const
{
    // Approve keeps the prediction's label when the review stored none.
    if (decision.label > 0)
        return decision.label;
    if (decision.action == quint8(ReviewAction::Approve))
        return valueAt(m_predictionClass, decision.predictionId, 0);
    return 0;
}

int ReviewAnalyticsQuery::classIndex(qint32 classId) const
{
    return classId > 0 ? valueAt(m_classIndexById, classId, -1) : -1;
}

StoreError ReviewAnalyticsQuery::resolve(const AnalyticsFilter &filter,
                                         ResolvedFilter &resolved) const
{
    resolved = {};
    if (!filter.batch.isEmpty()) {
        const auto it = m_batchIds.constFind(filter.batch);
        if (it == m_batchIds.constEnd())
            return StoreError::make(StoreError::Code::NotFound,
                                    QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                                "no batch named '%1' in %2")
                                            .arg(filter.batch, m_store.path()));
        resolved.batchId = *it;
    }
    if (!filter.model.isEmpty()) {
        for (int i = 0; i < m_models.size(); ++i) {
            if (m_models.at(i).key == filter.model)
                resolved.model = i;
        }
        if (resolved.model < 0)
            return StoreError::make(
                    StoreError::Code::NotFound,
                    QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                "no model %1 in %2 (expected NAME@VERSION)")
                            .arg(filter.model, m_store.path()));
    }
    if (!filter.reviewer.isEmpty()) {
        resolved.reviewer = m_reviewerIndex.value(filter.reviewer, -1);
        if (resolved.reviewer < 0)
            return StoreError::make(StoreError::Code::NotFound,
                                    QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                                "no review by '%1' in %2")
                                            .arg(filter.reviewer, m_store.path()));
    }
    if (filter.from.isValid())
        resolved.fromMs = filter.from.toMSecsSinceEpoch();
    if (filter.to.isValid())
        resolved.toMs = filter.to.toMSecsSinceEpoch();
    if (filter.datasetVersion > 0) {
        const auto it
                = std::find_if(m_versions.cbegin(), m_versions.cend(), [&](const VersionInfo &v) {
                      return v.number == filter.datasetVersion;
                  });
        if (it == m_versions.cend())
            return StoreError::make(StoreError::Code::NotFound,
                                    QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                                "no dataset version %1 in %2")
                                            .arg(filter.datasetVersion)
                                            .arg(m_store.path()));
        const qint64 previous = it == m_versions.cbegin() ? std::numeric_limits<qint64>::min()
                                                          : std::prev(it)->createdMs;
        resolved.fromMs = std::max(resolved.fromMs, previous + 1);
        resolved.toMs = std::min(resolved.toMs, it->createdMs + 1);
    }
    return {};
}

bool ReviewAnalyticsQuery::accepts(const Decision &decision, const ResolvedFilter &filter) const
{
    if (decision.revoked)
        return false;
    if (filter.reviewer >= 0 && decision.reviewer != filter.reviewer)
        return false;
    if (decision.finishedMs < filter.fromMs || decision.finishedMs >= filter.toMs)
        return false;
    if (filter.batchId != 0 && valueAt(m_itemBatch, decision.itemId, 0) != filter.batchId)
        return false;
    if (filter.model >= 0 && valueAt(m_predictionModel, decision.predictionId, -1) != filter.model)
        return false;
    return true;
}

ReviewAnalyticsQuery::Selection ReviewAnalyticsQuery::select(const ResolvedFilter &filter) const
{
    Selection selection;
    selection.kept.reserve(m_decisions.size());
    for (size_t i = 0; i < m_decisions.size(); ++i) {
        if (accepts(m_decisions[i], filter))
            selection.kept.push_back(qint32(i));
    }
    // Newest first, so the first decisive decision met per key is the one that counts.
    std::vector<char> seenPrediction(size_t(m_lastPredictionId + 1), 0);
    std::vector<char> seenSample;
    for (auto it = selection.kept.crbegin(); it != selection.kept.crend(); ++it) {
        const auto &d = m_decisions[size_t(*it)];
        if (!isDecisive(d.action))
            continue;
        if (d.itemId > 0 && m_openRoundItems.contains(d.itemId))
            continue; // not settled yet: no reviewed label to judge the model by
        if (d.predictionId > 0 && d.predictionId <= m_lastPredictionId
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

StoreError ReviewAnalyticsQuery::load(const AnalyticsFilter &filter, AuditInputs &inputs,
                                      int calibrationBins)
{
    if (auto error = refresh())
        return error;
    ResolvedFilter resolved;
    if (auto error = resolve(filter, resolved))
        return error;
    const Selection selection = select(resolved);

    inputs = {};
    inputs.classNames = m_classNames;
    const int classCount = int(m_classNames.size());
    calibrationBins = std::max(1, calibrationBins);

    // Confusion, calibration and trigger yield over the latest decision per judged prediction.
    std::vector<qint64> cells(size_t(classCount + 1) * size_t(classCount), 0);
    std::vector<qint64> binCount(size_t(calibrationBins) * 2, 0);
    std::vector<double> binConfidence(size_t(calibrationBins) * 2, 0.0);
    std::vector<qint64> triggerReviewed(triggerBits, 0);
    std::vector<qint64> triggerWrong(triggerBits, 0);
    for (const qint32 index : selection.settledPerPrediction) {
        const auto &d = m_decisions[size_t(index)];
        const int reviewed = classIndex(reviewedClassId(d));
        if (reviewed < 0)
            continue;
        const qint32 predictedId = valueAt(m_predictionClass, d.predictionId, 0);
        const int predicted = classIndex(predictedId);
        const bool wrong = predicted != reviewed;
        cells[size_t(reviewed) * size_t(classCount + 1) + size_t(predicted + 1)] += 1;

        const double confidence = valueAt(m_predictionConfidence, d.predictionId, -1.0);
        if (confidence >= 0.0) {
            const size_t slot
                    = size_t(Calibration::binOf(confidence, calibrationBins)) * 2 + (wrong ? 0 : 1);
            binCount[slot] += 1;
            binConfidence[slot] += std::clamp(confidence, 0.0, 1.0);
        }

        if (d.itemId > 0) {
            if (valueAt(m_itemControl, d.itemId, quint8(0))) {
                ++inputs.control.reviewed;
                inputs.control.wrong += wrong ? 1 : 0;
            }
            quint64 mask = valueAt(m_itemTriggers, d.itemId, quint64(0));
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
    for (int bit = 0; bit < m_triggerNames.size(); ++bit) {
        if (triggerReviewed[size_t(bit)] > 0)
            inputs.triggers.append({m_triggerNames.at(bit), triggerReviewed[size_t(bit)],
                                    triggerWrong[size_t(bit)]});
    }

    // Every decision counts for speed and override rate, grouped by tenth of a second.
    QHash<quint64, qint64> decisionGroups;
    std::vector<qint32> firstReviewer;
    std::vector<char> multiReviewer;
    for (const qint32 index : selection.kept) {
        const auto &d = m_decisions[size_t(index)];
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
        inputs.decisions.append({m_reviewerNames.value(reviewer), (it.key() & 1) != 0,
                                 tenths == 0 ? -1.0 : double(tenths - 1) / 10.0, it.value()});
    }
    // Answers on samples two or more reviewers decided, in the order they were given.
    qsizetype answerCount = 0;
    for (const qint32 index : selection.kept) {
        const auto &d = m_decisions[size_t(index)];
        answerCount += isDecisive(d.action) && !d.adjudicates
                                       && valueAt(multiReviewer, d.sampleId, char(0))
                               ? 1
                               : 0;
    }
    inputs.answers.reserve(answerCount);
    for (const qint32 index : selection.kept) {
        const auto &d = m_decisions[size_t(index)];
        if (!isDecisive(d.action) || d.adjudicates || !valueAt(multiReviewer, d.sampleId, char(0)))
            continue;
        const int label = classIndex(reviewedClassId(d));
        if (label >= 0)
            inputs.answers.append({d.sampleId, m_reviewerNames.value(d.reviewer), label});
    }

    // The loop: every model that predicted reviewed samples, on the samples they all predicted.
    const int modelCount = int(m_models.size());
    std::vector<char> participates(size_t(modelCount), 0);
    for (const qint32 index : selection.settledPerSample) {
        const auto &d = m_decisions[size_t(index)];
        for (int m = 0; m < modelCount; ++m) {
            if (valueAt(m_labelBySample[size_t(m)], d.sampleId, qint32(-1)) >= 0)
                participates[size_t(m)] = 1;
        }
    }
    std::vector<qint64> modelCells(size_t(modelCount) * size_t(std::max(1, classCount)) * 2, 0);
    for (const qint32 index : selection.settledPerSample) {
        const auto &d = m_decisions[size_t(index)];
        const qint32 reviewedId = reviewedClassId(d);
        const int reviewed = classIndex(reviewedId);
        if (reviewed < 0)
            continue;
        bool everyModel = true;
        for (int m = 0; m < modelCount && everyModel; ++m)
            everyModel = !participates[size_t(m)]
                         || valueAt(m_labelBySample[size_t(m)], d.sampleId, qint32(-1)) >= 0;
        if (!everyModel)
            continue;
        for (int m = 0; m < modelCount; ++m) {
            if (!participates[size_t(m)])
                continue;
            const bool correct
                    = valueAt(m_labelBySample[size_t(m)], d.sampleId, qint32(-1)) == reviewedId;
            ++modelCells[(size_t(m) * size_t(classCount) + size_t(reviewed)) * 2
                         + (correct ? 1 : 0)];
        }
    }
    for (int m = 0; m < modelCount; ++m) {
        if (!participates[size_t(m)])
            continue;
        inputs.models.append({m_models.at(m).key, m_models.at(m).trainedOnVersion});
        for (int c = 0; c < classCount; ++c) {
            for (int correct = 0; correct < 2; ++correct) {
                const qint64 count = modelCells[(size_t(m) * size_t(classCount) + size_t(c)) * 2
                                                + size_t(correct)];
                if (count > 0)
                    inputs.modelOutcomes.append({m_models.at(m).key, c, correct == 1, count});
            }
        }
    }

    // Dataset versions: the decisions made for each, and the corrections it committed.
    for (int v = 0; v < m_versions.size(); ++v) {
        VersionActivity activity;
        activity.version = m_versions.at(v).number;
        inputs.versions.append(activity);
    }
    for (const qint32 index : selection.kept) {
        const auto &d = m_decisions[size_t(index)];
        // The first version committed at or after the decision.
        const auto it = std::lower_bound(
                m_versions.cbegin(), m_versions.cend(), d.finishedMs,
                [](const VersionInfo &v, qint64 ms) { return v.createdMs < ms; });
        if (it != m_versions.cend())
            ++inputs.versions[it - m_versions.cbegin()].reviews;
        const int corrected = valueAt(m_correctionVersion, d.reviewId, 0);
        if (corrected > 0
            && (d.action == quint8(ReviewAction::Override)
                || d.action == quint8(ReviewAction::Relabel))) {
            for (auto &activity : inputs.versions) {
                if (activity.version == corrected)
                    ++activity.corrections;
            }
        }
    }
    // Detection samples: the predicted boxes beside the ones reviewers settled.
    return m_detections.load(filter, inputs.detections, &inputs.undecidedDetections);
}

QList<SampleId> ReviewAnalyticsQuery::samplesInCell(const AnalyticsFilter &filter,
                                                    int reviewedClass, int predictedClass,
                                                    StoreError *error)
{
    QList<SampleId> samples;
    for (const CellSample &cell : cellSamples(filter, reviewedClass, predictedClass, error))
        samples.append(cell.sample);
    samples.erase(std::unique(samples.begin(), samples.end()), samples.end());
    return samples;
}

QList<ReviewAnalyticsQuery::CellSample> ReviewAnalyticsQuery::cellSamples(
        const AnalyticsFilter &filter, int reviewedClass, int predictedClass, StoreError *error)
{
    QList<CellSample> samples;
    ResolvedFilter resolved;
    StoreError failed = refresh();
    if (!failed)
        failed = resolve(filter, resolved);
    if (error)
        *error = failed;
    if (failed)
        return samples;
    const Selection selection = select(resolved);
    for (const qint32 index : selection.settledPerPrediction) {
        const auto &d = m_decisions[size_t(index)];
        if (classIndex(reviewedClassId(d)) == reviewedClass
            && classIndex(valueAt(m_predictionClass, d.predictionId, 0)) == predictedClass)
            samples.append({d.sampleId, d.predictionId,
                            valueAt(m_predictionConfidence, d.predictionId, -1.0)});
    }
    std::sort(samples.begin(), samples.end(), [](const CellSample &a, const CellSample &b) {
        return a.sample != b.sample ? a.sample < b.sample : a.prediction < b.prediction;
    });
    samples.erase(std::unique(samples.begin(), samples.end(),
                              [](const CellSample &a, const CellSample &b) {
                                  return a.sample == b.sample && a.prediction == b.prediction;
                              }),
                  samples.end());
    return samples;
}

QList<SampleId> ReviewAnalyticsQuery::samplesFlaggedBy(const AnalyticsFilter &filter,
                                                       const QString &trigger, bool wrongOnly,
                                                       StoreError *error)
{
    QList<SampleId> samples;
    ResolvedFilter resolved;
    StoreError failed = refresh();
    if (!failed)
        failed = resolve(filter, resolved);
    if (error)
        *error = failed;
    if (failed)
        return samples;
    const bool control = trigger == controlTrigger;
    const int bit = int(m_triggerNames.indexOf(trigger));
    if (!control && bit < 0)
        return samples;
    const Selection selection = select(resolved);
    for (const qint32 index : selection.settledPerPrediction) {
        const auto &d = m_decisions[size_t(index)];
        const bool flagged = control ? valueAt(m_itemControl, d.itemId, quint8(0)) != 0
                                     : (valueAt(m_itemTriggers, d.itemId, quint64(0)) >> bit) & 1;
        if (!flagged)
            continue;
        if (wrongOnly) {
            if (reviewedClassId(d) == valueAt(m_predictionClass, d.predictionId, 0))
                continue;
        }
        samples.append(d.sampleId);
    }
    std::sort(samples.begin(), samples.end());
    samples.erase(std::unique(samples.begin(), samples.end()), samples.end());
    return samples;
}

QStringList ReviewAnalyticsQuery::batchNames() const
{
    QStringList names = m_batchIds.keys();
    names.sort();
    return names;
}

QStringList ReviewAnalyticsQuery::modelKeys() const
{
    QStringList keys;
    for (const auto &model : m_models)
        keys.append(model.key);
    return keys;
}

QList<int> ReviewAnalyticsQuery::datasetVersions() const
{
    QList<int> numbers;
    for (const auto &version : m_versions)
        numbers.append(version.number);
    return numbers;
}

} // namespace Boucle
