#include "queuepane.h"

#include "queue/batchtriggersloader.h"
#include "queue/confidencedelegate.h"
#include "queue/queuemodel.h"
#include "queue/reasonchipsdelegate.h"

#include "store/projectstore.h"
#include "triggers/triggernames.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace Boucle {

namespace {

constexpr int secondReviewQueue = -2;
constexpr int adjudicationQueue = -3;

} // namespace

QueuePane::QueuePane(QWidget *parent)
    : QWidget(parent)
    , m_model(new QueueModel(this))
    , m_view(new QTableView(this))
    , m_triggers(new BatchTriggersLoader(this))
    , m_triggerFilter(new QComboBox(this))
    , m_classFilter(new QComboBox(this))
    , m_statusFilter(new QComboBox(this))
    , m_minConfidence(new QDoubleSpinBox(this))
    , m_maxConfidence(new QDoubleSpinBox(this))
{
    setObjectName(QStringLiteral("queuePane"));
    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("queue"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setWordWrap(false);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(QueueModel::PositionColumn, Qt::AscendingOrder);
    header->setStretchLastSection(true);
    header->setMinimumSectionSize(28);
    m_view->verticalHeader()->hide();
    // Fixed row heights: a million rows need no per-row measuring.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(52);
    m_view->setIconSize(QSize(64, 48));
    m_view->setColumnWidth(QueueModel::ThumbnailColumn, 70);
    m_view->setColumnWidth(QueueModel::PositionColumn, 48);
    m_view->setColumnWidth(QueueModel::LabelColumn, 80);
    m_view->setColumnWidth(QueueModel::ConfidenceColumn, 90);
    m_view->setColumnWidth(QueueModel::ReasonsColumn, 170);
    m_view->setColumnWidth(QueueModel::StatusColumn, 90);
    m_view->setColumnWidth(QueueModel::ReviewedAsColumn, 90);
    m_view->setItemDelegateForColumn(QueueModel::ConfidenceColumn, new ConfidenceDelegate(m_view));
    m_view->setItemDelegateForColumn(QueueModel::ReasonsColumn, new ReasonChipsDelegate(m_view));
    // The table may be narrower than its columns: it scrolls sideways, the window does not grow.
    m_view->setMinimumWidth(200);
    connect(header, &QHeaderView::sectionClicked, this, [this](int column) {
        m_model->sort(column, m_view->horizontalHeader()->sortIndicatorOrder());
        goToRow(0);
    });
    connect(m_triggers, &BatchTriggersLoader::triggersFound, this, &QueuePane::showTriggers);

    m_triggerFilter->addItem(tr("Any trigger"), QString());
    m_triggerFilter->setObjectName(QStringLiteral("triggerFilter"));
    m_triggerFilter->setToolTip(tr("Only items flagged by this trigger"));
    m_classFilter->addItem(tr("Any class"), QString());
    m_classFilter->setObjectName(QStringLiteral("classFilter"));
    m_classFilter->setToolTip(tr("Only items the model predicted as this class"));
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->addItem(tr("Any status"), -1);
    for (ReviewStatus status :
         {ReviewStatus::Pending, ReviewStatus::Approved, ReviewStatus::Overridden,
          ReviewStatus::Relabelled, ReviewStatus::Skipped, ReviewStatus::Escalated})
        m_statusFilter->addItem(QueueModel::statusText(status), int(status));
    m_statusFilter->addItem(tr("Second review (for me)"), secondReviewQueue);
    m_statusFilter->addItem(tr("Adjudication"), adjudicationQueue);
    for (auto *box : {m_triggerFilter, m_classFilter, m_statusFilter}) {
        // A long class or trigger name must not widen the window.
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
    }
    for (auto *spin : {m_minConfidence, m_maxConfidence}) {
        spin->setRange(0.0, 1.0);
        spin->setSingleStep(0.05);
        spin->setDecimals(2);
    }
    m_maxConfidence->setValue(1.0);
    m_minConfidence->setToolTip(tr("Lowest confidence shown"));
    m_maxConfidence->setToolTip(tr("Highest confidence shown"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // Two rows of two, so the queue stays narrow enough to share a laptop screen.
    auto *filters = new QGridLayout;
    filters->addWidget(m_triggerFilter, 0, 0);
    filters->addWidget(m_classFilter, 0, 1);
    filters->addWidget(m_statusFilter, 1, 0);
    auto *range = new QHBoxLayout;
    auto *rangeLabel = new QLabel(tr("Confidence"), this);
    rangeLabel->setToolTip(tr("Only items whose confidence is in this range"));
    range->addWidget(rangeLabel);
    range->addWidget(m_minConfidence);
    range->addWidget(new QLabel(QStringLiteral("–"), this));
    range->addWidget(m_maxConfidence);
    range->addStretch(1);
    filters->addLayout(range, 1, 1);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);

    for (auto *box : {m_triggerFilter, m_classFilter, m_statusFilter})
        connect(box, &QComboBox::currentIndexChanged, this, &QueuePane::applyFilter);
    for (auto *spin : {m_minConfidence, m_maxConfidence})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &QueuePane::applyFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &QueuePane::currentItemChanged);
}

QueuePane::~QueuePane()
{
    m_model->setBatch(nullptr, 0);
}

void QueuePane::showBatch(ProjectStore *store, BatchId batch,
                          std::function<bool(BatchItemId)> revealed)
{
    m_store = store;
    m_batch = store ? batch : 0;
    m_revealed = std::move(revealed);
    m_model->setBatch(store, m_batch);
    m_model->setRevealPredicate(m_revealed);
    // The model starts unfiltered: so do the filters.
    for (auto *box : {m_triggerFilter, m_classFilter, m_statusFilter}) {
        const QSignalBlocker blocker(box);
        box->setCurrentIndex(0);
    }
    for (auto *spin : {m_minConfidence, m_maxConfidence}) {
        const QSignalBlocker blocker(spin);
        spin->setValue(spin == m_minConfidence ? 0.0 : 1.0);
    }
    m_view->horizontalHeader()->setSortIndicator(QueueModel::PositionColumn, Qt::AscendingOrder);
    if (m_batch)
        m_triggers->load(store->path(), m_batch);
    else
        m_triggers->cancel();
    // Start where the work is: the first pending item, however many are decided, else the top.
    goToRow(m_model->firstPendingRow().value_or(0));
    emit rowsChanged();
}

void QueuePane::clear()
{
    showBatch(nullptr, 0);
}

void QueuePane::setClasses(const QStringList &classes)
{
    const QString keep = m_classFilter->currentData().toString();
    const QSignalBlocker blocker(m_classFilter);
    while (m_classFilter->count() > 1)
        m_classFilter->removeItem(1);
    for (const QString &name : classes)
        m_classFilter->addItem(name, name);
    m_classFilter->setCurrentIndex(std::max(0, m_classFilter->findData(keep)));
}

void QueuePane::setReviewer(const QString &reviewer)
{
    m_reviewer = reviewer;
}

void QueuePane::chooseQueue(Queue queue)
{
    const int wanted = queue == Queue::SecondReview   ? secondReviewQueue
                       : queue == Queue::Adjudication ? adjudicationQueue
                                                      : -1;
    const int index = m_statusFilter->findData(wanted);
    if (index == m_statusFilter->currentIndex())
        applyFilter();
    else
        m_statusFilter->setCurrentIndex(index); // applies it
}

void QueuePane::showWholeBatch()
{
    if (!m_model->filter().isEmpty() || m_model->order() != BatchItemOrder::Position)
        showBatch(m_store, m_batch, m_revealed);
}

void QueuePane::showTriggers(BatchId batch, const QStringList &triggers)
{
    if (batch != m_batch)
        return;
    const QString keep = m_triggerFilter->currentData().toString();
    const QSignalBlocker blocker(m_triggerFilter);
    while (m_triggerFilter->count() > 1)
        m_triggerFilter->removeItem(1);
    for (const QString &trigger : triggers)
        m_triggerFilter->addItem(triggerDisplayName(trigger), trigger);
    m_triggerFilter->setCurrentIndex(std::max(0, m_triggerFilter->findData(keep)));
}

void QueuePane::applyFilter()
{
    if (!m_store || !m_batch)
        return;
    BatchItemFilter filter;
    filter.trigger = m_triggerFilter->currentData().toString();
    filter.predictedClass = m_classFilter->currentData().toString();
    filter.minConfidence = m_minConfidence->value();
    filter.maxConfidence = m_maxConfidence->value();
    const int status = m_statusFilter->currentData().toInt();
    if (status >= 0)
        filter.status = ReviewStatus(status);
    if (status == secondReviewQueue || status == adjudicationQueue) {
        filter.stage = status == secondReviewQueue ? ReviewStage::AwaitingSecond
                                                   : ReviewStage::Adjudication;
        filter.notAnsweredBy = m_reviewer;
    }
    m_model->setFilter(filter);
    goToRow(0);
    emit rowsChanged();
}

BatchItemId QueuePane::currentItem() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->itemAt(current.row()) : 0;
}

int QueuePane::currentRow() const
{
    return m_view->currentIndex().row();
}

void QueuePane::goToRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        emit rowsChanged();
        return;
    }
    const QModelIndex index = m_model->index(row, QueueModel::LabelColumn);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                             | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

QList<BatchItemId> QueuePane::selectedItems() const
{
    QList<BatchItemId> items;
    const auto rows = m_view->selectionModel()->selectedRows();
    if (rows.size() > 1) {
        for (const QModelIndex &index : rows) {
            if (const BatchItemId id = m_model->itemAt(index.row()))
                items.append(id);
        }
        return items;
    }
    if (const BatchItemId id = currentItem())
        items.append(id);
    return items;
}

void QueuePane::reload()
{
    const BatchItemId keep = currentItem();
    const int keepRow = currentRow();
    m_model->reload();
    // Rows keep their places unless the other writer added items before this one.
    int row = std::min(std::max(0, keepRow), m_model->rowCount() - 1);
    if (keep && m_model->itemAt(row) != keep) {
        if (const int found = m_model->rowOfItem(keep); found >= 0)
            row = found;
    }
    goToRow(row);
    emit rowsChanged();
}

} // namespace Boucle
