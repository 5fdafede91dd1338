// BatchItemQuery: the rows of one batch as a review queue shows them — item, sample path,
// predicted label and confidence, reasons, status and the reviewer of the decision in force —
// filtered (trigger, predicted class, confidence range, status, double-review stage) and sorted,
// one page at a time. Without a filter and in review order a page is an index range (cheap at any
// offset, whatever the batch's size); filtered pages cost in proportion to their offset. Same
// thread as its ProjectStore.
#pragma once

#include "projectstore.h"

#include <optional>

namespace Boucle {

struct BatchItemFilter
{
    QString trigger;        // empty: any
    QString predictedClass; // empty: any
    double minConfidence = 0.0;
    double maxConfidence = 1.0;
    std::optional<ReviewStatus> status;
    // Double review: items at this stage only (the second-review and adjudication queues),
    // leaving out those whose current round this reviewer already answered.
    std::optional<ReviewStage> stage;
    QString notAnsweredBy;

    bool isEmpty() const
    {
        return trigger.isEmpty() && predictedClass.isEmpty() && minConfidence <= 0.0
               && maxConfidence >= 1.0 && !status && !stage && notAnsweredBy.isEmpty();
    }
    bool operator==(const BatchItemFilter &other) const = default;
};

enum class BatchItemOrder {
    Position,
    ConfidenceAscending,
    ConfidenceDescending,
    PredictedLabel,
    Status,
    PriorityDescending,
};

struct BatchItemRow
{
    BatchItemRecord item;
    QString samplePath;
    QString sampleKind;
    QString predictedLabel;
    double confidence = -1.0; // -1: no prediction
    QString reviewer;         // of the decision in force; empty while pending or while the
                              // decision waits for a second, blind answer
    ReviewStage stage = ReviewStage::None; // of the item's double review
    QString reviewedLabel;                 // the class the decision in force gave; empty while
                                           // pending, hidden as the reviewer is
};

class BatchItemQuery
{
public:
    BatchItemQuery(ProjectStore &store, BatchId batch, BatchItemFilter filter = {},
                   BatchItemOrder order = BatchItemOrder::Position);

    int count() const;
    QList<BatchItemRow> rows(int offset, int limit) const;
    // One item's row (e.g. after a decision changed its status).
    std::optional<BatchItemRow> row(BatchItemId item) const;
    // The position in review order of the batch's item for `sample`, if it has one.
    std::optional<int> positionOfSample(SampleId sample) const;
    // The row, in this query's filter and order, of the first item with `status`; reads as far
    // as that item, never a fixed window, so a batch reopened after any number of decisions
    // starts at its first undecided item.
    std::optional<int> firstRowWithStatus(ReviewStatus status) const;

    // The stored names of the triggers that flagged at least one item of this batch, in
    // alphabetical order (a menu puts them in its own order); a failed read sets `error`. It
    // reads every reason of the batch, so a window runs it off the GUI thread on its own
    // connection.
    QStringList triggersInBatch(StoreError *error = nullptr) const;

private:
    QString whereClause(QVariantList &bindings) const;
    QList<BatchItemRow> select(const QString &where, const QVariantList &bindings,
                               const QString &tail) const;

    ProjectStore &m_store;
    BatchId m_batch;
    BatchItemFilter m_filter;
    BatchItemOrder m_order;
};

} // namespace Boucle
