// QueueModel: the items of one batch as a table, a thin window over the store. It holds only the
// pages of rows the view has asked for (ProjectStore pages of 256 rows, a bounded number of them),
// so a batch of a million items costs what a screenful costs. Thumbnails come from a
// ThumbnailLoader (worker threads). Filtering and sorting are done by the store query.
// GUI thread only.
#pragma once

#include "store/batchitemquery.h"

#include <QAbstractTableModel>
#include <QDir>
#include <QHash>
#include <QList>

#include <memory>

namespace Boucle {

class ProjectStore;
class ThumbnailLoader;

class QueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ThumbnailColumn,
        PositionColumn,
        LabelColumn,
        ConfidenceColumn,
        ReasonsColumn,
        StatusColumn,
        ReviewedAsColumn,
        ReviewerColumn,
        ColumnCount
    };
    enum Role {
        ItemIdRole = Qt::UserRole + 1,
        SampleIdRole,
        ConfidenceRole, // double, -1 without prediction
        ReasonsRole,    // QStringList of trigger names
        StatusRole,     // int(ReviewStatus)
        HiddenRole,     // bool: the prediction is hidden (blind review)
        StageRole,      // int(ReviewStage) of the item's double review
    };

    explicit QueueModel(QObject *parent = nullptr);
    ~QueueModel() override;

    // Shows `batch` of `store` (nullptr or 0: empty). Resets the filter and order.
    void setBatch(ProjectStore *store, BatchId batch);
    BatchId batchId() const { return m_batch; }
    void setFilter(const BatchItemFilter &filter);
    BatchItemFilter filter() const { return m_filter; }
    BatchItemOrder order() const { return m_order; }
    // Re-reads everything (another process changed the batch).
    void reload();
    // Re-reads one item's row in place (a decision changed its status); rows keep their place
    // even when the item no longer matches the filter, so the queue does not jump under the
    // reviewer.
    void refreshItem(BatchItemId item);

    // Predictions hidden in blind review: a row reveals its label and confidence only when the
    // predicate says so.
    void setRevealPredicate(std::function<bool(BatchItemId)> revealed);

    std::optional<BatchItemRow> rowAt(int row) const;
    BatchItemId itemAt(int row) const;
    int rowOfItem(BatchItemId item) const; // -1 when not in a loaded page
    // The first row whose item is still pending, however far down it is.
    std::optional<int> firstPendingRow() const;
    int loadedPageCount() const { return int(m_pages.size()); }
    ThumbnailLoader *thumbnails() const { return m_thumbnails.get(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static QString statusText(ReviewStatus status);
    // What the status column says of a double-reviewed item; empty when its status says it all.
    static QString stageText(ReviewStage stage);
    // What the decision in force made of the item ("7", "as predicted"); empty while pending or
    // while a second, blind answer is awaited.
    static QString reviewedAsText(const BatchItemRow &row);

private:
    static constexpr int pageSize = 256;
    static constexpr int maximumPages = 48;

    const BatchItemRow *cachedRow(int row) const;
    void thumbnailReady(SampleId id);
    void resetQuery();

    ProjectStore *m_store = nullptr;
    QDir m_dataRoot;
    BatchId m_batch = 0;
    BatchItemFilter m_filter;
    BatchItemOrder m_order = BatchItemOrder::Position;
    std::unique_ptr<BatchItemQuery> m_query;
    int m_count = 0;
    std::unique_ptr<ThumbnailLoader> m_thumbnails;
    std::function<bool(BatchItemId)> m_revealed;

    // Pages are filled lazily from data(), which is const to the view.
    mutable QHash<int, QList<BatchItemRow>> m_pages;
    mutable QList<int> m_pageUse;       // least recently used first
    QHash<SampleId, int> m_rowOfSample; // rows waiting for a thumbnail
};

} // namespace Boucle
