// PredictionTableQuery: reads the predictions a trigger policy scores into a PredictionTable
// (flat columns), and the samples a new batch must leave out: those in an open batch (one with
// items still pending or escalated) and those reviewed since their prediction. Pool samples only;
// missing files and the test split are never offered for review. Same thread as its store.
//
// On a SQLite project the rows are read through the SQLite C API straight into the table's
// arrays (blobs copied once, no QVariant per cell), and only the columns asked for are read, so
// that memory follows what a policy needs (BatchBuilder::columnsFor).
#pragma once

#include "records/projectrecords.h"
#include "storeerror.h"
#include "storeresult.h"

#include <QSet>

#include <functional>

struct sqlite3;

namespace Boucle {

class ProjectStore;
class ProgressSink;
struct PredictionTable;

class PredictionTableQuery
{
public:
    // The optional columns; the ids, the predicted label and the confidence are always read.
    // A column left out stays empty in the table (hasProbs is then all zeros).
    struct Columns
    {
        bool probs = true;
        bool committee = true;      // the votes' labels
        bool committeeProbs = true; // and their probabilities (implies committee)
        bool embedding = true;
        bool time = true;
        bool reports = true;
        bool upstreamFlags = true;
    };

    explicit PredictionTableQuery(ProjectStore &store);

    void setColumns(const Columns &columns) { m_columns = columns; }
    // With the votes' probabilities read, calls `fold(table, begin, end)` after each stretch of
    // rows with those rows' votes held in committeeProbs, then drops them
    // (PredictionTable::committeeProbsFirstVote): the caller keeps what it derives from them
    // (Triggers::foldCommitteeDivergence) instead of rows x votes x classes floats. SQLite only;
    // the Qt path keeps every vote.
    using CommitteeFold
            = std::function<void(PredictionTable &table, qsizetype begin, qsizetype end)>;
    void setCommitteeFold(CommitteeFold fold) { m_committeeFold = std::move(fold); }

    // Also read predictions of samples whose file is missing (analytics, benchmarks); a batch
    // never offers them.
    void setIncludeMissing(bool include) { m_includeMissing = include; }

    // modelKey "name@version" scores that model's predictions; empty scores, for each sample,
    // the prediction of the newest model that predicted it.
    StoreError load(PredictionTable &table, const QString &modelKey = {},
                    ProgressSink *progress = nullptr);

    // The samples a new batch leaves out, read afresh. A failed read is an error (never an empty
    // set, which would offer them again).
    StoreResult<QSet<SampleId>> samplesInOpenBatches() const;
    // Predictions whose sample got a decision (not skip, not revoke) on this prediction, or after
    // its prediction time. A failed read is an error, as above.
    StoreResult<QSet<PredictionId>> reviewedPredictions() const;
    // Samples whose label a reviewer settled (a standing decision other than skip or escalate),
    // which the suspect-label trigger does not doubt again. A failed read is an error.
    StoreResult<QSet<SampleId>> settledSamples() const;

private:
    StoreError loadDirect(sqlite3 *db, PredictionTable &table, qint64 modelId,
                          ProgressSink *progress);
    StoreError loadThroughQt(PredictionTable &table, qint64 modelId, ProgressSink *progress);

    ProjectStore &m_store;
    Columns m_columns;
    CommitteeFold m_committeeFold;
    bool m_includeMissing = false;
};

} // namespace Boucle
