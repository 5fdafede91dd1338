#include "detectionauditquery.h"

#include "interop/storedobject.h"
#include "metrics/analyticsfilter.h"
#include "review/objectreview.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace Boucle {

// The messages keep the translation context they were written in, so that the existing
// translations still apply.

namespace {

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
    , m_reader(store)
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
    if (auto error = m_reader.refresh(m_candidates))
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
    for (qsizetype i = 0; i < qsizetype(m_candidates.items.size()); ++i) {
        const DetectionCandidate &c = m_candidates.items[size_t(i)];
        if ((batchId != 0 && c.batchId != batchId) || (modelId != 0 && c.modelId != modelId))
            continue;
        latest.insert(c.sampleId, i);
    }
    QList<qint64> sampleIds = latest.keys();
    std::sort(sampleIds.begin(), sampleIds.end());

    for (const qint64 sampleId : std::as_const(sampleIds)) {
        const DetectionCandidate &c = m_candidates.items[size_t(latest.value(sampleId))];
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
