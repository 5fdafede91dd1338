#include "samplelistpane.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Boucle {

namespace {
// Sorting reads this role: numbers sort as numbers, not as text.
constexpr int SortRole = Qt::UserRole + 1;
constexpr int SampleRole = Qt::UserRole + 2;
} // namespace

SampleListPane::SampleListPane(QWidget *parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("sampleListTitle"));
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);
    m_model->setHorizontalHeaderLabels(
            {tr("Sample"), tr("Reviewed label"), tr("Predicted"), tr("Confidence")});
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("sampleList"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SampleColumn, Qt::AscendingOrder);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(SampleColumn, QHeaderView::Stretch);
    m_table->setTabKeyNavigation(false);
    layout->addWidget(m_table, 1);
    m_hint = new QLabel(tr("Double-click a sample, or press Enter, to open it in the review "
                           "window."),
                        this);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    // `activated` is Enter, and a double-click (or a single click where the desktop asks so).
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            emit sampleActivated(sampleAt(index.row()));
    });
    clear();
}

QString SampleListPane::title() const
{
    return m_title->text();
}

SampleId SampleListPane::sampleAt(int row) const
{
    return m_sorted->index(row, SampleColumn).data(SampleRole).toLongLong();
}

void SampleListPane::clear()
{
    m_model->removeRows(0, m_model->rowCount());
    m_title->setText(tr("Click a cell of the matrix to list its samples here."));
    m_hint->setVisible(false);
}

void SampleListPane::showLoading(const QString &title)
{
    m_model->removeRows(0, m_model->rowCount());
    m_title->setText(tr("%1: reading…").arg(title));
    m_hint->setVisible(false);
}

void SampleListPane::showList(const DashboardSampleList &list)
{
    m_model->removeRows(0, m_model->rowCount());
    const bool sorting = m_table->isSortingEnabled();
    m_table->setSortingEnabled(false);
    const QString none = QStringLiteral("–");
    for (const auto &row : list.rows) {
        auto *sample = new QStandardItem(row.path.isEmpty() ? tr("sample %1").arg(row.sample)
                                                            : row.path);
        sample->setData(row.path, SortRole);
        sample->setData(row.sample, SampleRole);
        sample->setToolTip(row.path);
        auto *reviewed = new QStandardItem(row.reviewed.isEmpty() ? none : row.reviewed);
        reviewed->setData(row.reviewed, SortRole);
        auto *predicted = new QStandardItem(row.predicted.isEmpty() ? none : row.predicted);
        predicted->setData(row.predicted, SortRole);
        auto *confidence = new QStandardItem(
                row.confidence >= 0 ? QString::number(row.confidence, 'f', 3) : none);
        confidence->setData(row.confidence, SortRole);
        confidence->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_model->appendRow({sample, reviewed, predicted, confidence});
    }
    m_table->setSortingEnabled(sorting);
    m_table->resizeColumnToContents(ReviewedColumn);
    m_table->resizeColumnToContents(PredictedColumn);
    m_table->resizeColumnToContents(ConfidenceColumn);
    QString title = tr("%1: %n sample(s)", nullptr, int(list.total)).arg(list.title);
    if (list.rows.size() < list.total)
        title += QLatin1Char(' ') + tr("(the first %1 are listed)").arg(list.rows.size());
    m_title->setText(title);
    m_hint->setVisible(!list.rows.isEmpty());
    if (!list.rows.isEmpty())
        m_table->setCurrentIndex(m_sorted->index(0, SampleColumn));
}

} // namespace Boucle
