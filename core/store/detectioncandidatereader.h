// DetectionCandidateReader: reads the batch items the detector audit may count into
// DetectionCandidates (records): items whose prediction holds image objects (boxes, polygons,
// masks), and items whose sample has a label revision with objects (a missed object drawn on an
// image the model left empty). Items, predictions and label revisions are never rewritten, so
// later calls read only the new rows. Reading only: what counts as reviewed and the audit's
// numbers are decided above the store (report/detectionauditquery.h, core/metrics).
//
// Threads: the thread of the ProjectStore it reads.
#pragma once

#include "records/detectioncandidates.h"
#include "storeerror.h"

namespace Boucle {

class ProjectStore;

class DetectionCandidateReader
{
public:
    explicit DetectionCandidateReader(ProjectStore &store);

    // Adds the candidates written since `candidates` was last read (all the first time), in
    // batch item order.
    StoreError refresh(DetectionCandidates &candidates);

private:
    ProjectStore &m_store;
};

} // namespace Boucle
