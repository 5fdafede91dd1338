#include "detectioncandidatereader.h"
#include "storedialect.h"

#include "projectstore.h"
#include "recordcodec.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace Boucle {

// The messages keep the translation context of the query they were written for, so that the
// existing translations still apply.

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

} // namespace

DetectionCandidateReader::DetectionCandidateReader(ProjectStore &store)
    : m_store(store)
{ }

StoreError DetectionCandidateReader::refresh(DetectionCandidates &candidates)
{
    if (!m_store.isOpen())
        return StoreError::make(
                StoreError::Code::NotFound,
                QCoreApplication::translate("Boucle::DetectionAuditQuery", "no project is open"));
    const QString what = QCoreApplication::translate("Boucle::DetectionAuditQuery",
                                                     "Reading the detection samples");
    QSqlQuery query(m_store.database());
    StoreDialect::readForward(query);

    // Label revisions are never rewritten: note the samples that gained objects since.
    QList<qint64> newlyWithObjects;
    query.prepare(QStringLiteral("SELECT id, sample_id FROM label_revisions WHERE id > ?"
                                 " AND objects IS NOT NULL AND objects <> '[]' AND objects <> ''"
                                 " ORDER BY id"));
    query.addBindValue(candidates.lastRevisionId);
    if (!query.exec())
        return failure(query, what);
    while (query.next()) {
        const qint64 sampleId = query.value(1).toLongLong();
        if (!candidates.samplesWithObjects.contains(sampleId)) {
            candidates.samplesWithObjects.insert(sampleId);
            newlyWithObjects.append(sampleId);
        }
    }
    if (!query.exec(QStringLiteral("SELECT MAX(id) FROM label_revisions")))
        return failure(query, what);
    if (query.next())
        candidates.lastRevisionId
                = std::max(candidates.lastRevisionId, query.value(0).toLongLong());

    // Batch items and predictions are never rewritten either: only the new items are read. An
    // item counts when its prediction holds image objects, or when its sample's truth holds
    // objects (a missed object drawn on an image the model left empty). SQLite does the
    // filtering, so a project without detections costs one scan and no rows.
    const qint64 itemsSeen = candidates.lastItemId;
    const QString columns = QStringLiteral(
            "SELECT bi.id, bi.sample_id, bi.batch_id, p.model_id,"
            " CASE WHEN p.objects IS NULL OR p.objects = '[]' THEN '' ELSE p.objects END"
            " FROM batch_items bi JOIN predictions p ON p.id = bi.prediction_id");
    const QString withObjects
            = QStringLiteral(" p.objects IS NOT NULL AND p.objects <> '[]' AND p.objects <> ''");
    const QString withoutObjects
            = QStringLiteral(" (p.objects IS NULL OR p.objects = '[]' OR p.objects = '')");
    const auto candidateFrom = [](const QSqlQuery &row) {
        DetectionCandidate candidate;
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
    const auto take = [&candidates, &candidateFrom](const QSqlQuery &row, bool sampleHasObjects) {
        DetectionCandidate candidate = candidateFrom(row);
        if (sampleHasObjects
            || std::any_of(candidate.predicted.cbegin(), candidate.predicted.cend(), isImageObject))
            candidates.items.push_back(std::move(candidate));
    };

    query.prepare(columns + QStringLiteral(" WHERE bi.id > ? AND") + withObjects);
    query.addBindValue(itemsSeen);
    if (!query.exec())
        return failure(query, what);
    while (query.next())
        take(query, candidates.samplesWithObjects.contains(query.value(1).toLongLong()));

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
            take(query, candidates.samplesWithObjects.contains(query.value(1).toLongLong()));
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
        candidates.lastItemId = std::max(candidates.lastItemId, query.value(0).toLongLong());
    std::sort(candidates.items.begin(), candidates.items.end(),
              [](const DetectionCandidate &a, const DetectionCandidate &b) {
                  return a.itemId < b.itemId;
              });
    return {};
}

} // namespace Boucle
