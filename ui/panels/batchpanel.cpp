#include "batchpanel.h"

#include <QHeaderView>
#include <QLocale>
#include <QProgressBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Boucle {

namespace {

QString progressText(int decided, int total)
{
    const QLocale locale;
    return BatchPanel::tr("%1 / %2").arg(locale.toString(decided), locale.toString(total));
}

} // namespace

BatchPanel::BatchPanel(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("batchPanel"));
    m_tree->setObjectName(QStringLiteral("batches"));
    m_tree->setHeaderLabels({tr("Batch"), tr("Progress")});
    m_tree->setRootIsDecorated(false);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->header()->setStretchLastSection(true);
    // Narrow is fine: names elide (the whole name is the tooltip) rather than widen the window.
    m_tree->setMinimumWidth(150);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            emit batchChosen(item->data(0, Qt::UserRole).toLongLong());
    });
}

void BatchPanel::setBatches(const QList<BatchRecord> &batches, BatchId current)
{
    const QSignalBlocker blocker(m_tree);
    m_tree->clear();
    for (const auto &batch : batches) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(0, batch.name);
        item->setToolTip(0, batch.name);
        item->setData(0, Qt::UserRole, batch.id);
        auto *bar = new QProgressBar(m_tree);
        bar->setRange(0, std::max(1, batch.itemCount));
        bar->setValue(batch.decidedCount);
        bar->setFormat(progressText(batch.decidedCount, batch.itemCount));
        bar->setMinimumWidth(60);
        m_tree->setItemWidget(item, 1, bar);
        if (batch.id == current)
            m_tree->setCurrentItem(item);
    }
    m_tree->resizeColumnToContents(0);
    m_tree->setColumnWidth(0, std::min(m_tree->columnWidth(0), 180));
}

void BatchPanel::setCurrent(BatchId batch)
{
    const QSignalBlocker blocker(m_tree);
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (m_tree->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == batch)
            m_tree->setCurrentItem(m_tree->topLevelItem(i));
    }
}

void BatchPanel::setProgress(BatchId batch, int decided, int total)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toLongLong() != batch)
            continue;
        if (auto *bar = qobject_cast<QProgressBar *>(m_tree->itemWidget(item, 1))) {
            bar->setRange(0, std::max(1, total));
            bar->setValue(decided);
            bar->setFormat(progressText(decided, total));
        }
    }
}

int BatchPanel::batchCount() const
{
    return m_tree->topLevelItemCount();
}

} // namespace Boucle
