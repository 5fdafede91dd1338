// ReviewAnalyticsQuery: reads what the lead's audit needs from a project (reviews with the
// predictions they judged, the items' trigger reasons and control flag, models, dataset versions)
// and turns it, for one filter, into AuditInputs for core/metrics.
//
// Reviews are append-only, so the query keeps a compact in-memory copy of every decision and
// reads only the rows added since its last refresh (a Revoke marks the review it undoes). A
// filter then costs one pass over that copy instead of a scan of the database: with a million
// reviews the dashboard can follow every filter change. Filtering, the "latest decision per
// sample" rule and grouping happen here; the statistics are core/metrics' business.
//
// Threads: the thread of the ProjectStore it reads (open a second store on another thread to
// compute off the GUI thread).
#pragma once

#include <QSet>

#include "detectionauditquery.h"
#include "metrics/auditinputs.h"
#include "records/projectrecords.h"
#include "storeerror.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <limits>
#include <vector>

namespace Boucle {

class ProjectStore;

// Which reviews an audit covers. Empty fields do not filter.
struct AnalyticsFilter
{
    QString batch; // batch name
    QString model; // name@version of the model whose predictions were reviewed
    int datasetVersion
            = 0; // the reviews made for this version: after the previous commit, up to its own
    QString reviewer;
    QDateTime from; // decisions finished at or after this time
    QDateTime to;   // decisions finished before this time

    bool isEmpty() const;
    QString description() const; // one line for report headers, e.g. "batch 'week 3', reviewer ann"
};

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
    struct CellSample
    {
        SampleId sample = 0;
        PredictionId prediction = 0;
        double confidence = -1.0;
    };
    QList<CellSample> cellSamples(const AnalyticsFilter &filter, int reviewedClass,
                                  int predictedClass, StoreError *error = nullptr);
    // reviewed samples a trigger flagged ("control" for control samples), the wrong ones only
    // when wrongOnly is set.
    QList<SampleId> samplesFlaggedBy(const AnalyticsFilter &filter, const QString &trigger,
                                     bool wrongOnly, StoreError *error = nullptr);

    // Choices for filter widgets.
    QStringList classNames() const { return m_classNames; } // the audit's class indices
    QStringList reviewers() const { return m_reviewerNames; }
    QStringList batchNames() const;
    QStringList modelKeys() const;
    QList<int> datasetVersions() const;
    qint64 decisionCount() const { return qint64(m_decisions.size()); }

private:
    // One review other than a Revoke, reduced to what the audit needs. What the reviewed
    // prediction said is looked up by predictionId.
    struct Decision
    {
        qint64 reviewId = 0;
        qint64 sampleId = 0;
        qint64 predictionId = 0;
        qint64 itemId = 0;
        qint64 finishedMs = 0;
        float seconds = -1.0f; // finished - started; < 0 when unknown
        qint32 reviewer = -1;  // index into m_reviewerNames
        qint32 label = 0;      // class id the reviewer settled on; 0 none
        quint8 action = 0;     // ReviewAction
        bool revoked = false;
        bool adjudicates = false; // the role of an adjudicator's decision (schema 3)
    };
    struct ModelInfo
    {
        qint64 id = 0;
        QString key;
        QDateTime createdAt;
        int trainedOnVersion = 0;
    };
    struct VersionInfo
    {
        int number = 0;
        qint64 createdMs = 0;
    };
    struct ResolvedFilter
    {
        qint64 batchId = 0;
        int model = -1;
        int reviewer = -1;
        qint64 fromMs = std::numeric_limits<qint64>::min();
        qint64 toMs = std::numeric_limits<qint64>::max();
    };
    struct Selection; // the decisions a filter keeps and the latest decisive one per sample

    StoreError refreshSmallTables();
    StoreError refreshItems();
    StoreError refreshReasons();
    StoreError refreshPredictionLabels();
    StoreError refreshDecisions();
    StoreError refreshCorrections();
    StoreError refreshOpenRounds();
    StoreError resolve(const AnalyticsFilter &filter, ResolvedFilter &resolved) const;
    bool accepts(const Decision &decision, const ResolvedFilter &filter) const;
    Selection select(const ResolvedFilter &filter) const;
    int classIndex(qint32 classId) const;
    qint32 reviewedClassId(const Decision &decision) const;
    int reviewerIndex(const QString &name);
    int triggerBit(const QString &trigger);

    ProjectStore &m_store;
    QStringList m_classNames;
    std::vector<qint32> m_classIndexById; // class id -> index in m_classNames, -1 unknown
    QList<ModelInfo> m_models;            // in the order they were made
    QHash<qint64, int> m_modelIndexById;
    QHash<QString, qint64> m_batchIds;
    QList<VersionInfo> m_versions;
    QStringList m_reviewerNames;
    QHash<QString, int> m_reviewerIndex;
    QStringList
            m_triggerNames; // bit i of an item's mask is trigger i; the last bit collects the rest

    // Indexed by row id (row ids are dense in SQLite).
    std::vector<qint32> m_itemBatch;
    std::vector<quint8> m_itemControl;
    std::vector<quint64> m_itemTriggers;
    // Items whose double-review round is open (awaiting a second answer, or in adjudication):
    // their answers are not yet the reviewed label, so confusion, calibration and yield skip them.
    QSet<qint64> m_openRoundItems;
    std::vector<qint32> m_predictionModel;      // prediction id -> model index, -1 none
    std::vector<qint32> m_predictionClass;      // prediction id -> class id, 0 none
    std::vector<double> m_predictionConfidence; // < 0 when unknown
    // [model index][sample id]: class id the model predicted; 0 none, -1 no prediction.
    std::vector<std::vector<qint32>> m_labelBySample;

    std::vector<Decision> m_decisions;      // in review id order
    std::vector<qint32> m_decisionByReview; // review id -> index in m_decisions, -1 none
    // review id -> dataset version that committed the label change it caused; 0 none yet
    std::vector<qint32> m_correctionVersion;

    qint64 m_lastItemId = 0;
    qint64 m_lastReasonId = 0;
    qint64 m_lastPredictionId = 0;
    qint64 m_lastReviewId = 0;
    int m_lastCorrectionVersion = 0;

    DetectionAuditQuery m_detections;
};

} // namespace Boucle
