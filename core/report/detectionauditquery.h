// DetectionAuditQuery: gathers a project's reviewed detection samples for the detector audit
// (metrics/detectoraudit.h): for each sample under review whose prediction holds boxes, polygons
// or masks (or whose truth holds objects), the predicted objects and the objects its current
// label revision settled.
//
// A label revision's `objects` array holds a reviewer's decision on each predicted object
// ({"object": i, "decision": "approve" | "override" | "relabel" | "remove", ...}) and the missed
// objects a reviewer drew ({"added": n, "decision": "add", ...}); review/objectreview.h reads
// both. Entries without those keys are ground truth imported from an outside format
// (interop/storedobject.h). The ground truth of a sample is every entry but the removed ones, in
// its settled geometry (a polygon or a mask by its extent).
//
// A sample counts as reviewed when a reviewer decided every predicted box, polygon or mask (an
// undecided prediction is not ground truth; a missed object drawn on an image the model left
// empty counts too), or when its batch item is decided and every predicted object has a
// decision or its truth was imported. When several batch items hold the same sample, the latest
// one the filter keeps is the one audited.
//
// The store reads the candidates (store/detectioncandidatereader.h: batch items whose prediction
// holds image objects, or whose sample has a label revision with objects) once and then only the
// new ones; the current label revisions are read afresh for each load, one sample at a time.
// This class sits above the store because deciding what a revision's objects mean is
// core/review's and core/interop's reading, which the store does not include.
// Threads: the thread of the ProjectStore it reads.
#pragma once

#include "metrics/detectoraudit.h"
#include "records/detectioncandidates.h"
#include "store/detectioncandidatereader.h"
#include "store/storeerror.h"

#include <QJsonArray>

#include <optional>

namespace Boucle {

class ProjectStore;
struct AnalyticsFilter;

class DetectionAuditQuery
{
public:
    explicit DetectionAuditQuery(ProjectStore &store);

    // The reviewed detection samples the filter keeps, in sample order. `undecided` receives
    // the number of candidate samples left out because some predicted object has no decision.
    // The filter's batch and model select the batch items; its reviewer, dates and dataset
    // version apply to the sample's current label revision (its author, its time, the version
    // that committed it). An unknown batch or model is an error that names it.
    StoreError load(const AnalyticsFilter &filter, QList<DetectionSample> &samples,
                    qint64 *undecided = nullptr);

    // One sample from its prediction's objects, the label revision's `objects` array and
    // whether its batch item is decided; nullopt when it does not count as reviewed.
    static std::optional<DetectionSample> reviewedSample(const QList<PredictedObject> &predicted,
                                                         const QJsonArray &objects,
                                                         bool itemDecided);

private:
    ProjectStore &m_store;
    DetectionCandidateReader m_reader;
    DetectionCandidates m_candidates;
};

} // namespace Boucle
