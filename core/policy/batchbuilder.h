// BatchBuilder: turns a TriggerPolicy into a review batch. It scores the project's predictions
// with every enabled trigger, leaves out samples in an open batch or reviewed since their
// prediction (unless the policy asks for them), draws the control share at random, honours the
// per-class quotas, applies diversity among the top candidates, orders the items by priority
// (control items spread evenly among them) and stores the batch with its policy. Every reason
// that fired is kept on its item.
//
// build() runs on the thread that owns the ProjectStore (a worker thread in the GUI, with a
// ProjectStore of its own); score() and select() are pure and run anywhere. Each trigger scores
// its rows in parallel (triggers/parallelrows.h); select() keeps only the fired rows of a trigger
// once its scores are summed into the priority, and ranks the candidates only as deep as the
// batch reaches (a partial sort), so a million predictions cost little beyond their columns.
#pragma once

#include "records/projectrecords.h"
#include "store/predictiontablequery.h"
#include "store/storeerror.h"
#include "triggerpolicy.h"
#include "triggers/triggerscores.h"

#include <QMap>
#include <QStringList>

#include <vector>

namespace Boucle {

class ProjectStore;
class ProgressSink;
struct PredictionTable;

struct BatchSelection
{
    QList<BatchItemRecord> items; // in review order; ids and batch id not set
    qsizetype scored = 0;         // predictions scored
    qsizetype eligible = 0;       // not left out by the exclusions
    qsizetype candidates = 0;     // eligible and flagged by at least one trigger
    qsizetype controls = 0;
    QMap<QString, qsizetype> fired; // per trigger, over the eligible rows
    QStringList problems;           // "trigger: why it could not score", one per such trigger
};

class BatchBuilder
{
public:
    struct Result
    {
        StoreError error;
        BatchRecord batch;
        BatchSelection selection;
    };

    explicit BatchBuilder(ProjectStore &store);

    // size <= 0 uses the policy's batch size.
    Result build(const TriggerPolicy &policy, const QString &name, int size = 0,
                 const QString &author = {}, ProgressSink *progress = nullptr);

    // The prediction columns the policy's triggers (and its diversity) read; the rest is not
    // loaded, so memory follows the policy.
    static PredictionTableQuery::Columns columnsFor(const TriggerPolicy &policy);
    // The scores of every enabled trigger, in a fixed order; reasons read `table`.
    static std::vector<TriggerScores> score(const PredictionTable &table,
                                            const TriggerPolicy &policy);
    // Fills table.givenLabel with the class each row's sample carries in dataset version
    // `version` (0: the head version; none before the first version). A failed read is an
    // error, never a table without labels.
    static StoreError loadGivenLabels(const ProjectStore &store, PredictionTable &table,
                                      int version = 0);
    // Chooses the items among the rows whose `eligible` entry is non-zero.
    static BatchSelection select(const PredictionTable &table, const std::vector<quint8> &eligible,
                                 const TriggerPolicy &policy, int size);

private:
    ProjectStore &m_store;
};

} // namespace Boucle
