#include "queuemodel.h"

#include "triggers/flagreasontext.h"
#include "triggers/triggernames.h"

#include "thumbnailloader.h"

#include "store/projectstore.h"

#include <QLocale>

namespace Boucle {

QueueModel::QueueModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_thumbnails(std::make_unique<ThumbnailLoader>(QSize(64, 48)))
{
    connect(m_thumbnails.get(), &ThumbnailLoader::thumbnailReady, this,
            &QueueModel::thumbnailReady);
}

QueueModel::~QueueModel() = default;

QString QueueModel::statusText(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Pending:
        return tr("Pending");
    case ReviewStatus::Approved:
        return tr("Approved");
    case ReviewStatus::Overridden:
        return tr("Overridden");
    case ReviewStatus::Relabelled:
        return tr("Relabelled");
    case ReviewStatus::Skipped:
        return tr("Skipped");
    case ReviewStatus::Escalated:
        return tr("Escalated");
    }
    return {};
}

QString QueueModel::stageText(ReviewStage stage)
{
    switch (stage) {
    case ReviewStage::AwaitingSecond:
        return tr("Awaiting second review");
    case ReviewStage::Adjudication:
        return tr("In adjudication");
    case ReviewStage::None:
    case ReviewStage::Settled:
        break;
    }
    return {};
}

void QueueModel::setBatch(ProjectStore *store, BatchId batch)
{
    beginResetModel();
    m_store = store;
    m_batch = store ? batch : 0;
    m_dataRoot = QDir(store ? store->dataRoot() : QString());
    m_filter = {};
    m_order = BatchItemOrder::Position;
    m_thumbnails->clear();
    resetQuery();
    endResetModel();
}

void QueueModel::setFilter(const BatchItemFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    resetQuery();
    endResetModel();
}

void QueueModel::reload()
{
    beginResetModel();
    resetQuery();
    endResetModel();
}

void QueueModel::resetQuery()
{
    m_pages.clear();
    m_pageUse.clear();
    m_rowOfSample.clear();
    if (!m_store || m_batch == 0) {
        m_query.reset();
        m_count = 0;
        return;
    }
    m_query = std::make_unique<BatchItemQuery>(*m_store, m_batch, m_filter, m_order);
    m_count = m_query->count();
}

void QueueModel::setRevealPredicate(std::function<bool(BatchItemId)> revealed)
{
    m_revealed = std::move(revealed);
    if (m_count > 0)
        emit dataChanged(index(0, 0), index(m_count - 1, ColumnCount - 1));
}

const BatchItemRow *QueueModel::cachedRow(int row) const
{
    if (!m_query || row < 0 || row >= m_count)
        return nullptr;
    const int page = row / pageSize;
    auto found = m_pages.find(page);
    if (found == m_pages.end()) {
        // Make room first: removing from the hash may move its entries, so an iterator taken
        // before a removal would point at another page, or at freed memory.
        while (m_pageUse.size() >= maximumPages)
            m_pages.remove(m_pageUse.takeFirst());
        found = m_pages.insert(page, m_query->rows(page * pageSize, pageSize));
        m_pageUse.append(page);
    } else if (m_pageUse.constLast() != page) {
        m_pageUse.removeOne(page);
        m_pageUse.append(page);
    }
    const int offset = row - page * pageSize;
    if (offset >= found->size())
        return nullptr;
    return &found->at(offset);
}

std::optional<BatchItemRow> QueueModel::rowAt(int row) const
{
    if (const auto *found = cachedRow(row))
        return *found;
    return std::nullopt;
}

BatchItemId QueueModel::itemAt(int row) const
{
    const auto *found = cachedRow(row);
    return found ? found->item.id : 0;
}

std::optional<int> QueueModel::firstPendingRow() const
{
    if (!m_query)
        return std::nullopt;
    return m_query->firstRowWithStatus(ReviewStatus::Pending);
}

int QueueModel::rowOfItem(BatchItemId item) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (qsizetype i = 0; i < it->size(); ++i) {
            if (it->at(i).item.id == item)
                return it.key() * pageSize + int(i);
        }
    }
    return -1;
}

void QueueModel::refreshItem(BatchItemId item)
{
    const int row = rowOfItem(item);
    if (row < 0 || !m_query)
        return;
    const auto fresh = m_query->row(item);
    if (!fresh)
        return;
    auto &page = m_pages[row / pageSize];
    page[row % pageSize] = *fresh;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void QueueModel::thumbnailReady(SampleId id)
{
    const int row = m_rowOfSample.take(id);
    if (row >= 0 && row < m_count) {
        const QModelIndex cell = index(row, ThumbnailColumn);
        emit dataChanged(cell, cell, {Qt::DecorationRole});
    }
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BatchItemRow *row = cachedRow(index.row());
    if (!row)
        return {};
    const bool hidden = m_revealed && !m_revealed(row->item.id);
    switch (role) {
    case ItemIdRole:
        return row->item.id;
    case SampleIdRole:
        return row->item.sampleId;
    case ConfidenceRole:
        return hidden ? -1.0 : row->confidence;
    case StatusRole:
        return int(row->item.status);
    case HiddenRole:
        return hidden;
    case StageRole:
        return int(row->stage);
    case ReasonsRole: {
        QStringList triggers;
        for (const auto &reason : row->item.reasons)
            triggers.append(reason.trigger);
        return triggers;
    }
    default:
        break;
    }
    const int column = index.column();
    if (role == Qt::DecorationRole && column == ThumbnailColumn) {
        const QString path = m_dataRoot.filePath(row->samplePath);
        const QImage image = m_thumbnails->thumbnail(row->item.sampleId, path);
        if (image.isNull()) {
            const_cast<QueueModel *>(this)->m_rowOfSample.insert(row->item.sampleId, index.row());
            return {};
        }
        return image;
    }
    if (role == Qt::ToolTipRole) {
        if (column == ReasonsColumn && !hidden) {
            QStringList lines;
            for (const auto &reason : row->item.reasons)
                lines.append(reasonSentence(reason)); // in the reviewer's language
            return lines.join(QLatin1Char('\n'));
        }
        if (column == ThumbnailColumn)
            return row->samplePath;
        // A narrow column elides its text: the whole of it is one hover away.
        return data(index, Qt::DisplayRole);
    }
    if (role == Qt::TextAlignmentRole && column == PositionColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case PositionColumn:
        return QLocale().toString(row->item.position + 1);
    case LabelColumn:
        return hidden ? tr("hidden") : row->predictedLabel;
    case ConfidenceColumn:
        if (hidden || row->confidence < 0)
            return {};
        return QLocale().toString(row->confidence, 'f', 2);
    case ReasonsColumn: {
        QStringList triggers;
        for (const auto &reason : row->item.reasons)
            triggers.append(triggerDisplayName(reason.trigger));
        return triggers.join(QStringLiteral(", "));
    }
    case StatusColumn:
        // A decision waiting for a second, blind answer does not show what it was.
        if (const QString stage = stageText(row->stage); !stage.isEmpty())
            return stage;
        return statusText(row->item.status);
    case ReviewedAsColumn:
        return reviewedAsText(*row);
    case ReviewerColumn:
        return row->reviewer;
    default:
        return {};
    }
}

QString QueueModel::reviewedAsText(const BatchItemRow &row)
{
    if (row.item.status == ReviewStatus::Pending || row.stage == ReviewStage::AwaitingSecond)
        return {};
    if (!row.reviewedLabel.isEmpty())
        return row.reviewedLabel;
    switch (row.item.status) {
    case ReviewStatus::Approved:
        // An approval keeps what the model said; a detection's approval keeps its objects.
        return row.predictedLabel.isEmpty() ? tr("as predicted") : row.predictedLabel;
    case ReviewStatus::Overridden:
    case ReviewStatus::Relabelled:
        return tr("objects changed");
    default:
        return {};
    }
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ThumbnailColumn:
        return tr("Sample");
    case PositionColumn:
        return tr("#");
    case LabelColumn:
        return tr("Predicted");
    case ConfidenceColumn:
        return tr("Confidence");
    case ReasonsColumn:
        return tr("Why flagged");
    case StatusColumn:
        return tr("Status");
    case ReviewedAsColumn:
        return tr("Reviewed as");
    case ReviewerColumn:
        return tr("Reviewer");
    default:
        return {};
    }
}

void QueueModel::sort(int column, Qt::SortOrder order)
{
    BatchItemOrder wanted = BatchItemOrder::Position;
    switch (column) {
    case ConfidenceColumn:
        wanted = order == Qt::AscendingOrder ? BatchItemOrder::ConfidenceAscending
                                             : BatchItemOrder::ConfidenceDescending;
        break;
    case LabelColumn:
        wanted = BatchItemOrder::PredictedLabel;
        break;
    case StatusColumn:
        wanted = BatchItemOrder::Status;
        break;
    case ReasonsColumn:
        wanted = BatchItemOrder::PriorityDescending;
        break;
    default:
        break;
    }
    if (wanted == m_order)
        return;
    // A store-side order has no cheap map from old rows to new ones: the view starts afresh and
    // re-selects its current item itself.
    beginResetModel();
    m_order = wanted;
    resetQuery();
    endResetModel();
}

} // namespace Boucle
