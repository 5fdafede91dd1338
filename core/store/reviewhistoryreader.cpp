#include "reviewhistoryreader.h"
#include "storedialect.h"

#include "projectstore.h"
#include "recordcodec.h"
#include "records/rowindexedvector.h"
#include "reviewround.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace Boucle {

// The messages keep the translation context of the query they were written for, so that the
// existing translations still apply.

namespace {

using RowIndexed::growTo;
using RowIndexed::valueAt;

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

const QString controlTrigger = QStringLiteral("control");
// The store does not include the triggers' names (docs/layers.md): the stored name, spelled here.
const QString suspectLabelTrigger = QStringLiteral("suspect_label");

int reviewerIndex(ReviewHistory &history, const QString &name)
{
    const auto it = history.reviewerIndex.constFind(name);
    if (it != history.reviewerIndex.constEnd())
        return *it;
    const int index = int(history.reviewerNames.size());
    history.reviewerNames.append(name);
    history.reviewerIndex.insert(name, index);
    return index;
}

int triggerBit(ReviewHistory &history, const QString &trigger)
{
    const int known = int(history.triggerNames.indexOf(trigger));
    if (known >= 0)
        return known;
    if (history.triggerNames.size() == ReviewHistory::triggerBits - 1)
        history.triggerNames.append(
                QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "other triggers"));
    if (history.triggerNames.size() >= ReviewHistory::triggerBits)
        return ReviewHistory::triggerBits - 1;
    history.triggerNames.append(trigger);
    return int(history.triggerNames.size()) - 1;
}

} // namespace

ReviewHistoryReader::ReviewHistoryReader(ProjectStore &store)
    : m_store(store)
{ }

StoreError ReviewHistoryReader::refresh(ReviewHistory &history)
{
    if (!m_store.isOpen())
        return StoreError::make(
                StoreError::Code::NotFound,
                QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "no project is open"));
    history.project = m_store.path();
    // Reviews first: every row a review points at was written before it, so items, reasons and
    // predictions read afterwards cover all the reviews read.
    if (auto error = readDecisions(history))
        return error;
    if (auto error = readSmallTables(history))
        return error;
    if (auto error = readItems(history))
        return error;
    if (auto error = readOpenRounds(history))
        return error;
    if (auto error = readReasons(history))
        return error;
    if (auto error = readPredictionLabels(history))
        return error;
    return readCorrections(history);
}

StoreError ReviewHistoryReader::readOpenRounds(ReviewHistory &history)
{
    // Open rounds are few and change with every decision: read afresh through the stage index.
    history.openRoundItems.clear();
    if (m_store.schemaVersion() < 3)
        return {};
    QSqlQuery query(m_store.database());
    StoreDialect::readForward(query);
    query.prepare(QStringLiteral("SELECT batch_item_id FROM review_stages WHERE stage IN (?, ?)"));
    query.addBindValue(reviewStageName(ReviewStage::AwaitingSecond));
    query.addBindValue(reviewStageName(ReviewStage::Adjudication));
    if (!query.exec())
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the open review rounds"));
    while (query.next())
        history.openRoundItems.insert(query.value(0).toLongLong());
    return {};
}

StoreError ReviewHistoryReader::readSmallTables(ReviewHistory &history)
{
    QSqlQuery query(m_store.database());
    StoreDialect::readForward(query);
    if (!query.exec(QStringLiteral("SELECT id, name FROM classes ORDER BY position, id")))
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the classes"));
    history.classNames.clear();
    history.classIndexById.clear();
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        growTo(history.classIndexById, id, qint32(-1));
        history.classIndexById[size_t(id)] = qint32(history.classNames.size());
        history.classNames.append(query.value(1).toString());
    }

    if (!query.exec(QStringLiteral("SELECT id, name, version, created_at, trained_on_version"
                                   " FROM models ORDER BY id")))
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the models"));
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        ReviewHistory::Model info;
        info.id = id;
        info.key = query.value(1).toString() + QLatin1Char('@') + query.value(2).toString();
        info.createdAt = RecordCodec::timeFromText(query.value(3).toString());
        info.trainedOnVersion = query.value(4).toInt();
        const auto known = history.modelIndexById.constFind(id);
        if (known != history.modelIndexById.constEnd()) {
            history.models[*known] = info; // the trained-on version may have been filled in since
            continue;
        }
        history.modelIndexById.insert(id, int(history.models.size()));
        history.models.append(info);
        history.labelBySample.emplace_back();
    }

    if (!query.exec(QStringLiteral("SELECT id, name FROM batches")))
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the batches"));
    while (query.next())
        history.batchIds.insert(query.value(1).toString(), query.value(0).toLongLong());

    if (!query.exec(QStringLiteral("SELECT number, created_at FROM versions ORDER BY number")))
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the dataset versions"));
    history.versions.clear();
    while (query.next())
        history.versions.append(
                {query.value(0).toInt(), timeMs(query.value(1).toString()).value_or(0)});
    return {};
}

StoreError ReviewHistoryReader::readItems(ReviewHistory &history)
{
    QSqlQuery query(m_store.database());
    StoreDialect::readForward(query);
    query.prepare(QStringLiteral(
            "SELECT id, batch_id, control FROM batch_items WHERE id > ? ORDER BY id"));
    query.addBindValue(history.lastItemId);
    if (!query.exec())
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the batch items"));
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        growTo(history.itemBatch, id, qint32(0));
        growTo(history.itemControl, id, quint8(0));
        growTo(history.itemTriggers, id, quint64(0));
        history.itemBatch[size_t(id)] = qint32(query.value(1).toLongLong());
        history.itemControl[size_t(id)] = query.value(2).toInt() != 0 ? 1 : 0;
        history.lastItemId = id;
    }
    return {};
}

StoreError ReviewHistoryReader::readReasons(ReviewHistory &history)
{
    QSqlQuery query(m_store.database());
    StoreDialect::readForward(query);
    // The details are read only where a sentence's numbers matter to the audit: the label a
    // suspect-label reason doubted.
    const QString details
            = m_store.schemaVersion() >= 6 ? QStringLiteral("details") : QStringLiteral("NULL");
    query.prepare(QStringLiteral("SELECT id, batch_item_id, trigger_name,"
                                 " CASE WHEN trigger_name = ? THEN %1 END FROM batch_item_reasons"
                                 " WHERE id > ? ORDER BY id")
                          .arg(details));
    query.addBindValue(suspectLabelTrigger);
    query.addBindValue(history.lastReasonId);
    if (!query.exec())
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the flag reasons"));
    while (query.next()) {
        const qint64 item = query.value(1).toLongLong();
        growTo(history.itemTriggers, item, quint64(0));
        growTo(history.itemBatch, item, qint32(0));
        growTo(history.itemControl, item, quint8(0));
        const QString trigger = query.value(2).toString();
        if (trigger == controlTrigger)
            history.itemControl[size_t(item)] = 1;
        else
            history.itemTriggers[size_t(item)] |= quint64(1) << triggerBit(history, trigger);
        if (trigger == suspectLabelTrigger) {
            const QString given = QJsonDocument::fromJson(query.value(3).toString().toUtf8())
                                          .object()
                                          .value(QStringLiteral("given"))
                                          .toString();
            const int index = int(history.classNames.indexOf(given));
            if (index >= 0)
                history.suspectGiven.insert(item, index);
        }
        history.lastReasonId = query.value(0).toLongLong();
    }
    return {};
}

StoreError ReviewHistoryReader::readPredictionLabels(ReviewHistory &history)
{
    QSqlQuery query(m_store.database());
    StoreDialect::readForward(query);
    query.prepare(QStringLiteral("SELECT id, sample_id, model_id, label_id, confidence"
                                 " FROM predictions WHERE id > ? ORDER BY id"));
    query.addBindValue(history.lastPredictionId);
    if (!query.exec())
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the predictions"));
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        const qint64 sample = query.value(1).toLongLong();
        const int model = history.modelIndexById.value(query.value(2).toLongLong(), -1);
        const qint32 label = qint32(query.value(3).toLongLong());
        const QVariant confidence = query.value(4);
        growTo(history.predictionModel, id, qint32(-1));
        growTo(history.predictionClass, id, qint32(0));
        growTo(history.predictionConfidence, id, -1.0);
        history.predictionModel[size_t(id)] = model;
        history.predictionClass[size_t(id)] = label;
        history.predictionConfidence[size_t(id)]
                = confidence.isNull() ? -1.0 : confidence.toDouble();
        if (model >= 0) {
            auto &bySample = history.labelBySample[size_t(model)];
            growTo(bySample, sample, qint32(-1));
            bySample[size_t(sample)] = label;
        }
        history.lastPredictionId = id;
    }
    return {};
}

StoreError ReviewHistoryReader::readDecisions(ReviewHistory &history)
{
    QSqlQuery query(m_store.database());
    StoreDialect::readForward(query);
    query.prepare(QStringLiteral(
            "SELECT id, batch_item_id, sample_id, prediction_id, reviewer, action, label_id,"
            " started_at, finished_at, revokes_review_id,"
            " (SELECT role FROM review_roles o WHERE o.review_id = reviews.id)"
            " FROM reviews WHERE id > ? ORDER BY id"));
    query.addBindValue(history.lastReviewId);
    if (!query.exec())
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the reviews"));
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        history.lastReviewId = id;
        const auto action = reviewActionFromName(query.value(5).toString());
        if (!action)
            continue;
        if (*action == ReviewAction::Revoke) {
            const qint32 undone
                    = valueAt(history.decisionByReview, query.value(9).toLongLong(), -1);
            if (undone >= 0)
                history.decisions[size_t(undone)].revoked = true;
            continue;
        }
        ReviewHistory::Decision decision;
        decision.reviewId = id;
        decision.itemId = query.value(1).toLongLong();
        decision.sampleId = query.value(2).toLongLong();
        decision.predictionId = query.value(3).toLongLong();
        decision.reviewer = reviewerIndex(history, query.value(4).toString());
        decision.action = quint8(*action);
        decision.label = qint32(query.value(6).toLongLong());
        decision.adjudicates = query.value(10).toString() == QLatin1String("adjudication");
        const auto started = timeMs(query.value(7).toString());
        const auto finished = timeMs(query.value(8).toString());
        decision.finishedMs = finished.value_or(0);
        if (started && finished && *finished >= *started)
            decision.seconds = float(double(*finished - *started) / 1000.0);
        growTo(history.decisionByReview, id, qint32(-1));
        history.decisionByReview[size_t(id)] = qint32(history.decisions.size());
        history.decisions.push_back(decision);
    }
    return {};
}

StoreError ReviewHistoryReader::readCorrections(ReviewHistory &history)
{
    // A committed revision keeps its version_added, so versions already read never change.
    QSqlQuery query(m_store.database());
    StoreDialect::readForward(query);
    query.prepare(QStringLiteral("SELECT review_id, version_added FROM label_revisions"
                                 " WHERE review_id IS NOT NULL AND version_added > ?"));
    query.addBindValue(history.lastCorrectionVersion);
    if (!query.exec())
        return failure(query, QCoreApplication::translate("Boucle::ReviewAnalyticsQuery",
                                                          "Reading the label revisions"));
    while (query.next()) {
        const qint64 review = query.value(0).toLongLong();
        const int version = query.value(1).toInt();
        growTo(history.correctionVersion, review, qint32(0));
        history.correctionVersion[size_t(review)] = version;
        history.lastCorrectionVersion = std::max(history.lastCorrectionVersion, version);
    }
    return {};
}

} // namespace Boucle
