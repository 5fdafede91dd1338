// ReviewAudit: turns a project's review history (records/reviewhistory.h, read by the store's
// ReviewHistoryReader) into the audit's inputs for one filter. One pass over the history's
// decisions per filter: filtering, the "latest decision per judged prediction and per sample"
// rule and the grouped counts happen here; the statistics are the rest of core/metrics'
// business. Also the way back from a number to its samples.
//
// A view over the history it is given, which must outlive it; any thread, with the history
// not being read into at the same time.
#pragma once

#include "analyticsfilter.h"
#include "auditinputs.h"
#include "records/ids.h"
#include "records/reviewhistory.h"

#include <QList>
#include <QString>

#include <limits>

namespace Boucle {

// A reviewed sample with the prediction that was reviewed and its confidence (< 0 unknown).
struct ReviewCellSample
{
    SampleId sample = 0;
    PredictionId prediction = 0;
    double confidence = -1.0;
};

class ReviewAudit
{
public:
    // A filter with its names resolved against the history.
    struct Scope
    {
        qint64 batchId = 0;
        int model = -1;    // index into ReviewHistory::models
        int reviewer = -1; // index into ReviewHistory::reviewerNames
        qint64 fromMs = std::numeric_limits<qint64>::min();
        qint64 toMs = std::numeric_limits<qint64>::max();
    };

    explicit ReviewAudit(const ReviewHistory &history);

    // Resolves `filter`; returns an empty string, or a message that names the unknown batch,
    // model, dataset version or reviewer and the project.
    QString resolve(const AnalyticsFilter &filter, Scope &scope) const;

    // Everything AuditInputs holds but the detection samples (see DetectionAuditQuery).
    void assemble(const Scope &scope, AuditInputs &inputs, int calibrationBins = 10) const;

    // Reviewed samples with this reviewed label and prediction (class indices of AuditInputs),
    // by sample id; a sample reviewed on several predictions of the cell appears once each.
    QList<ReviewCellSample> cellSamples(const Scope &scope, int reviewedClass,
                                        int predictedClass) const;
    // Reviewed samples a trigger flagged ("control" for control samples), the wrong ones only
    // when wrongOnly is set; sorted, each once.
    QList<SampleId> samplesFlaggedBy(const Scope &scope, const QString &trigger,
                                     bool wrongOnly) const;

private:
    struct Selection; // the decisions a scope keeps and the latest decisive one per sample

    bool accepts(const ReviewHistory::Decision &decision, const Scope &scope) const;
    Selection select(const Scope &scope) const;
    int classIndex(qint32 classId) const;
    qint32 reviewedClassId(const ReviewHistory::Decision &decision) const;

    const ReviewHistory &m_history;
};

} // namespace Boucle
