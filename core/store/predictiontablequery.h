// PredictionTableQuery: reads the predictions a trigger policy scores into a PredictionTable
// (flat columns), and the samples a new batch must leave out: those in an open batch (one with
// items still pending or escalated) and those reviewed since their prediction. Pool samples only;
// missing files and the test split are never offered for review. Same thread as its store.
#pragma once

#include "records/projectrecords.h"
#include "storeerror.h"

#include <QSet>

namespace Boucle {

class ProjectStore;
class ProgressSink;
struct PredictionTable;

class PredictionTableQuery
{
public:
    explicit PredictionTableQuery(ProjectStore &store);

    // Also read predictions of samples whose file is missing (analytics, benchmarks); a batch
    // never offers them.
    void setIncludeMissing(bool include) { m_includeMissing = include; }

    // modelKey "name@version" scores that model's predictions; empty scores, for each sample,
    // the prediction of the newest model that predicted it.
    StoreError load(PredictionTable &table, const QString &modelKey = {},
                    ProgressSink *progress = nullptr);

    QSet<SampleId> samplesInOpenBatches() const;
    // Predictions whose sample got a decision (not skip, not revoke) on this prediction, or after
    // its prediction time.
    QSet<PredictionId> reviewedPredictions() const;

private:
    ProjectStore &m_store;
    bool m_includeMissing = false;
};

} // namespace Boucle
