#include "detectionauditquery.h"

#include "interop/storedobject.h"
#include "projectstore.h"
#include "recordcodec.h"
#include "review/objectreview.h"
#include "reviewanalyticsquery.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace Boucle {

namespace {

StoreError failure(const QSqlQuery &query, const QString &what)
{
    return StoreError::make(StoreError::Code::Failed,
                            QCoreApplication::translate("Boucle::DetectionAuditQuery", "%1: %2")
                                    .arg(what, query.lastError().text()));
}

bool isImageObject(const PredictedObject &object)
{
    return object.shape != PredictedObject::Shape::Span;
}

// An object as the audit compares it: a box, or the extent of a polygon or a mask.
DetectionObject detectionObject(const PredictedObject &object)
{
    const QRectF box = object.shape == PredictedObject::Shape::Polygon
                               ? object.polygon.boundingRect()
                               : object.box;
    return {object.label, object.score, box, object.page};
}

// The extent an imported annotation covers: its box, or the corners of a rotated box.
QRectF extentOf(const Annotation &annotation)
{
    if (annotation.shape == Annotation::Shape::Box && annotation.rotation != 0.0)
        return StoredObject::rotatedCorners(annotation.box, annotation.rotation).boundingRect();
    return annotation.box;
}

} // namespace

DetectionAuditQuery::DetectionAuditQuery(ProjectStore &store)
    : m_store(store)
{ }

std::optional<DetectionSample> DetectionAuditQuery::reviewedSample(
        const QList<PredictedObject> &predicted, const QJsonArray &objects, bool itemDecided)
{
    DetectionSample sample;
    bool hasImageObjects = false;
    bool complete = true;
    bool anyDecision = false;
    bool corrected = false;
    for (const ReviewedObject &reviewed : ObjectReview::reviewed(predicted, objects)) {
        if (reviewed.index >= 0) {
            if (!isImageObject(reviewed.predicted))
                continue; // a text span: not an image object
            hasImageObjects = true;
            sample.predicted.append(detectionObject(reviewed.predicted));
            if (!reviewed.isDecided()) {
                complete = false; // an undecided prediction is not ground truth
                continue;
            }
        }
        anyDecision = true;
        // Corrected, relabelled, removed (a false positive) or added (a missed object).
        if (reviewed.decision != ObjectDecision::Approved)
            corrected = true;
        if (reviewed.isGroundTruth() && isImageObject(reviewed.object))
            sample.truth.append(detectionObject(reviewed.object));
    }
    // Entries that are neither a decision nor an added object: ground truth imported from an
    // outside format.
    bool imported = false;
    for (const auto &value : objects) {
        const QJsonObject entry = value.toObject();
        if (entry.isEmpty() || entry.contains(QStringLiteral("object"))
            || entry.contains(QStringLiteral("added"))
            || entry.contains(QStringLiteral("decision")))
            continue;
        imported = true;
        const auto annotation = StoredObject::toAnnotation(entry);
        if (!annotation)
            continue; // a text span or nothing drawn: no image geometry
        sample.truth.append({annotation->label, 0.0, extentOf(*annotation),
                             entry.value(QStringLiteral("page")).toInt()});
    }

    // Reviewed: a reviewer decided every predicted object (drawing a missed object on an image
    // the model left empty counts), or the item is decided and its truth was imported.
    const bool reviewed = (anyDecision && complete) || (itemDecided && (complete || imported));
    if (!reviewed)
        return std::nullopt;
    // A prediction without boxes is a detection sample once its truth holds some.
    if (!hasImageObjects && sample.truth.isEmpty())
        return std::nullopt;
    if (anyDecision)
        sample.corrected = corrected;
    return sample;
}

StoreError DetectionAuditQuery::refresh()
{
    const QString what = QCoreApplication::translate("Boucle::DetectionAuditQuery",
                                                     "Reading the detection samples");
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);

    // Label revisions are never rewritten: note the samples that gained objects since.
    QList<qint64> newlyWithObjects;
    query.prepare(QStringLiteral("SELECT id, sample_id FROM label_revisions WHERE id > ?"
                                 " AND objects IS NOT NULL AND objects <> '[]' AND objects <> ''"
                                 " ORDER BY id"));
    query.addBindValue(m_lastRevisionId);
    if (!query.exec())
        return failure(query, what);
    while (query.next()) {
        const qint64 sampleId = query.value(1).toLongLong();
        if (!m_samplesWithObjects.contains(sampleId)) {
            m_samplesWithObjects.insert(sampleId);
            newlyWithObjects.append(sampleId);
        }
    }
    if (!query.exec(QStringLiteral("SELECT MAX(id) FROM label_revisions")))
        return failure(query, what);
    if (query.next())
        m_lastRevisionId = std::max(m_lastRevisionId, query.value(0).toLongLong());

    // Batch items and predictions are never rewritten either: only the new items are read. An
    // item counts when its prediction holds image objects, or when its sample's truth holds
    // objects (a missed object drawn on an image the model left empty). SQLite does the
    // filtering, so a project without detections costs one scan and no rows.
    const qint64 itemsSeen = m_lastItemId;
    const QString columns = QStringLiteral(
            "SELECT bi.id, bi.sample_id, bi.batch_id, p.model_id,"
            " CASE WHEN p.objects IS NULL OR p.objects = '[]' THEN '' ELSE p.objects END"
            " FROM batch_items bi JOIN predictions p ON p.id = bi.prediction_id");
    const QString withObjects
            = QStringLiteral(" p.objects IS NOT NULL AND p.objects <> '[]' AND p.objects <> ''");
    const QString withoutObjects
            = QStringLiteral(" (p.objects IS NULL OR p.objects = '[]' OR p.objects = '')");
    const auto candidateFrom = [](const QSqlQuery &row) {
        Candidate candidate;
        candidate.itemId = row.value(0).toLongLong();
        candidate.sampleId = row.value(1).toLongLong();
        candidate.batchId = row.value(2).toLongLong();
        candidate.modelId = row.value(3).toLongLong();
        const QString objects = row.value(4).toString();
        if (!objects.isEmpty())
            candidate.predicted = RecordCodec::objectsFromJson(RecordCodec::arrayFromJson(objects));
        return candidate;
    };
    // Keeps a row as a candidate; `sampleHasObjects`: its sample's truth is known to hold some.
    const auto take = [this, &candidateFrom](const QSqlQuery &row, bool sampleHasObjects) {
        Candidate candidate = candidateFrom(row);
        if (sampleHasObjects
            || std::any_of(candidate.predicted.cbegin(), candidate.predicted.cend(), isImageObject))
            m_candidates.push_back(std::move(candidate));
    };

    query.prepare(columns + QStringLiteral(" WHERE bi.id > ? AND") + withObjects);
    query.addBindValue(itemsSeen);
    if (!query.exec())
        return failure(query, what);
    while (query.next())
        take(query, m_samplesWithObjects.contains(query.value(1).toLongLong()));

    if (itemsSeen == 0) {
        // The first read: items without predicted objects whose sample's truth holds some.
        query.prepare(columns + QStringLiteral(" WHERE") + withoutObjects
                      + QStringLiteral(" AND bi.sample_id IN (SELECT sample_id FROM"
                                       " label_revisions WHERE objects IS NOT NULL AND"
                                       " objects <> '[]' AND objects <> '')"));
        if (!query.exec())
            return failure(query, what);
        while (query.next())
            take(query, true);
    } else {
        // New items without predicted objects: few between two refreshes.
        query.prepare(columns + QStringLiteral(" WHERE bi.id > ? AND") + withoutObjects);
        query.addBindValue(itemsSeen);
        if (!query.exec())
            return failure(query, what);
        while (query.next())
            take(query, m_samplesWithObjects.contains(query.value(1).toLongLong()));
        // Samples whose truth gained objects since: their earlier items join.
        for (const qint64 sampleId : std::as_const(newlyWithObjects)) {
            query.prepare(columns + QStringLiteral(" WHERE bi.sample_id = ? AND bi.id <= ? AND")
                          + withoutObjects);
            query.addBindValue(sampleId);
            query.addBindValue(itemsSeen);
            if (!query.exec())
                return failure(query, what);
            while (query.next())
                take(query, true);
        }
    }
    if (!query.exec(QStringLiteral("SELECT MAX(id) FROM batch_items")))
        return failure(query, what);
    if (query.next())
        m_lastItemId = std::max(m_lastItemId, query.value(0).toLongLong());
    std::sort(m_candidates.begin(), m_candidates.end(),
              [](const Candidate &a, const Candidate &b) { return a.itemId < b.itemId; });
    return {};
}

StoreError DetectionAuditQuery::load(const AnalyticsFilter &filter, QList<DetectionSample> &samples,
                                     qint64 *undecided)
{
    samples.clear();
    if (undecided)
        *undecided = 0;
    if (!m_store.isOpen())
        return StoreError::make(
                StoreError::Code::NotFound,
                QCoreApplication::translate("Boucle::DetectionAuditQuery", "no project is open"));
    if (auto error = refresh())
        return error;

    qint64 batchId = 0;
    if (!filter.batch.isEmpty()) {
        const auto batch = m_store.batchByName(filter.batch);
        if (!batch)
            return StoreError::make(StoreError::Code::NotFound,
                                    QCoreApplication::translate("Boucle::DetectionAuditQuery",
                                                                "no batch named '%1' in %2")
                                            .arg(filter.batch, m_store.path()));
        batchId = batch->id;
    }
    qint64 modelId = 0;
    if (!filter.model.isEmpty()) {
        const qsizetype at = filter.model.lastIndexOf(QLatin1Char('@'));
        const auto model
                = at > 0 ? m_store.modelByKey(filter.model.left(at), filter.model.mid(at + 1))
                         : std::nullopt;
        if (!model)
            return StoreError::make(
                    StoreError::Code::NotFound,
                    QCoreApplication::translate("Boucle::DetectionAuditQuery",
                                                "no model %1 in %2 (expected NAME@VERSION)")
                            .arg(filter.model, m_store.path()));
        modelId = model->id;
    }
    // Revisions made for a dataset version: after the previous commit, up to its own.
    QDateTime from = filter.from;
    QDateTime to = filter.to;
    if (filter.datasetVersion > 0) {
        const auto versions = m_store.versions();
        const auto it = std::find_if(versions.cbegin(), versions.cend(), [&](const auto &v) {
            return v.number == filter.datasetVersion;
        });
        if (it == versions.cend())
            return StoreError::make(StoreError::Code::NotFound,
                                    QCoreApplication::translate("Boucle::DetectionAuditQuery",
                                                                "no dataset version %1 in %2")
                                            .arg(filter.datasetVersion)
                                            .arg(m_store.path()));
        for (const auto &v : versions) {
            if (v.number < it->number && (!from.isValid() || v.createdAt >= from))
                from = v.createdAt.addMSecs(1);
        }
        if (!to.isValid() || it->createdAt.addMSecs(1) < to)
            to = it->createdAt.addMSecs(1);
    }

    // The latest candidate item per sample that the filter keeps.
    QHash<qint64, qsizetype> latest;
    for (qsizetype i = 0; i < qsizetype(m_candidates.size()); ++i) {
        const Candidate &c = m_candidates[size_t(i)];
        if ((batchId != 0 && c.batchId != batchId) || (modelId != 0 && c.modelId != modelId))
            continue;
        latest.insert(c.sampleId, i);
    }
    QList<qint64> sampleIds = latest.keys();
    std::sort(sampleIds.begin(), sampleIds.end());

    for (const qint64 sampleId : std::as_const(sampleIds)) {
        const Candidate &c = m_candidates[size_t(latest.value(sampleId))];
        const auto revision = m_store.currentRevision(sampleId);
        const auto item = m_store.batchItem(c.itemId);
        if (!item)
            continue;
        const bool decided = item->status != ReviewStatus::Pending;
        if (revision) {
            if (!filter.reviewer.isEmpty() && revision->author != filter.reviewer)
                continue;
            if ((from.isValid() && revision->createdAt < from)
                || (to.isValid() && revision->createdAt >= to))
                continue;
        } else if (!filter.reviewer.isEmpty() || from.isValid() || to.isValid()) {
            continue;
        }
        auto sample
                = reviewedSample(c.predicted, revision ? revision->objects : QJsonArray(), decided);
        if (!sample) {
            // Only a prediction with objects can be waiting for decisions.
            if (undecided && std::any_of(c.predicted.cbegin(), c.predicted.cend(), isImageObject))
                ++*undecided;
            continue;
        }
        sample->sampleId = sampleId;
        sample->control = item->control;
        for (const auto &reason : item->reasons) {
            if (reason.trigger == QLatin1String("control"))
                sample->control = true;
            else if (!sample->triggers.contains(reason.trigger))
                sample->triggers.append(reason.trigger);
        }
        samples.append(*sample);
    }
    return {};
}

} // namespace Boucle
