// DetectionCandidates: the batch items the detector audit may count, as read from a project:
// those whose prediction holds image objects (boxes, polygons, masks) and those whose sample has
// a label revision with objects. Items and revisions are never rewritten, so the store's
// DetectionCandidateReader reads them once and then only the new ones. A plain value; any thread.
#pragma once

#include "projectrecords.h"

#include <QList>
#include <QSet>

#include <vector>

namespace Boucle {

struct DetectionCandidate
{
    qint64 itemId = 0;
    qint64 sampleId = 0;
    qint64 batchId = 0;
    qint64 modelId = 0;
    QList<PredictedObject> predicted;
};

struct DetectionCandidates
{
    std::vector<DetectionCandidate> items; // in batch item order
    QSet<qint64> samplesWithObjects;       // samples with a label revision that holds objects
    qint64 lastItemId = 0;
    qint64 lastRevisionId = 0;
};

} // namespace Boucle
