// ReviewAnalyticsQuery: the lead's audit of one project, for one filter at a time. It wires the
// layers together and holds no logic of its own: the store's ReviewHistoryReader keeps a compact
// copy of the review history (records/reviewhistory.h) and reads only the rows added since its
// last refresh; core/metrics' ReviewAudit filters that copy and assembles the AuditInputs; the
// DetectionAuditQuery adds the reviewed detection samples. With a million reviews a filter costs
// one pass over the copy instead of a scan of the database, so the dashboard can follow every
// filter change.
//
// Threads: the thread of the ProjectStore it reads (open a second store on another thread to
// compute off the GUI thread).
#pragma once

#include "detectionauditquery.h"
#include "metrics/analyticsfilter.h"
#include "metrics/auditinputs.h"
#include "metrics/reviewaudit.h"
#include "records/ids.h"
#include "records/reviewhistory.h"
#include "store/reviewhistoryreader.h"
#include "store/storeerror.h"

#include <QList>
#include <QStringList>

namespace Boucle {

class ProjectStore;

class ReviewAnalyticsQuery
{
public:
    explicit ReviewAnalyticsQuery(ProjectStore &store);

    // Reads the rows written since the last refresh (everything the first time).
    StoreError refresh();

    // Refreshes, then gathers the audit's inputs for `filter`. An unknown batch, model, version
    // or reviewer is an error that names it.
    StoreError load(const AnalyticsFilter &filter, AuditInputs &inputs, int calibrationBins = 10);

    // The way back from a number to its samples (after load() or refresh()):
    // reviewed samples with this reviewed label and prediction (class indices of AuditInputs).
    QList<SampleId> samplesInCell(const AnalyticsFilter &filter, int reviewedClass,
                                  int predictedClass, StoreError *error = nullptr);
    // The same samples with the prediction that was reviewed and its confidence (< 0 unknown),
    // by sample id; a sample reviewed on several predictions of the cell appears once each.
    using CellSample = ReviewCellSample;
    QList<CellSample> cellSamples(const AnalyticsFilter &filter, int reviewedClass,
                                  int predictedClass, StoreError *error = nullptr);
    // reviewed samples a trigger flagged ("control" for control samples), the wrong ones only
    // when wrongOnly is set.
    QList<SampleId> samplesFlaggedBy(const AnalyticsFilter &filter, const QString &trigger,
                                     bool wrongOnly, StoreError *error = nullptr);

    // Choices for filter widgets.
    QStringList classNames() const { return m_history.classNames; } // the audit's class indices
    QStringList reviewers() const { return m_history.reviewerNames; }
    QStringList batchNames() const;
    QStringList modelKeys() const;
    QList<int> datasetVersions() const;
    qint64 decisionCount() const { return qint64(m_history.decisions.size()); }

private:
    // Refreshes and resolves `filter` against the history.
    StoreError scope(const AnalyticsFilter &filter, ReviewAudit::Scope &scope);

    ReviewHistoryReader m_reader;
    ReviewHistory m_history;
    DetectionAuditQuery m_detections;
};

} // namespace Boucle
