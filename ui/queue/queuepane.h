// QueuePane: the queue of the chosen batch as the reviewer works it — the filters (trigger,
// predicted class, status or double-review queue, confidence range) above the table of items,
// the current row and the selection. It reads the store through its QueueModel and decides
// nothing; the window listens to currentItemChanged. GUI thread only.
#pragma once

#include "store/batchitemquery.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QTableView;

namespace Boucle {

class BatchTriggersLoader;
class ProjectStore;
class QueueModel;

class QueuePane : public QWidget
{
    Q_OBJECT

public:
    // Entries of the status filter that choose a double-review queue rather than a status.
    enum class Queue { All, SecondReview, Adjudication };

    explicit QueuePane(QWidget *parent = nullptr);
    ~QueuePane() override;

    QueueModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *statusFilter() const { return m_statusFilter; }

    // Shows `batch` (0: none) with every filter kept; the current row becomes the first item
    // still pending. `revealed` says whether an item's prediction may be shown (blind review).
    void showBatch(ProjectStore *store, BatchId batch,
                   std::function<bool(BatchItemId)> revealed = {});
    void clear();
    // The classes the class filter offers.
    void setClasses(const QStringList &classes);
    // The double-review queues list what `reviewer` has not answered yet.
    void setReviewer(const QString &reviewer);
    void chooseQueue(Queue queue);
    // Back to the whole batch in review order (opening a sample from elsewhere).
    void showWholeBatch();

    BatchItemId currentItem() const;
    int currentRow() const;
    void goToRow(int row);
    // The selected items when several rows are selected, else the current one.
    QList<BatchItemId> selectedItems() const;
    // Re-reads the rows (another process wrote) and stays on the same item when it is still
    // listed.
    void reload();

signals:
    void currentItemChanged();
    // The position label and other counts follow the rows shown.
    void rowsChanged();

private:
    void applyFilter();
    void showTriggers(BatchId batch, const QStringList &triggers);

    QueueModel *m_model;
    QTableView *m_view;
    BatchTriggersLoader *m_triggers;
    QComboBox *m_triggerFilter;
    QComboBox *m_classFilter;
    QComboBox *m_statusFilter;
    QDoubleSpinBox *m_minConfidence;
    QDoubleSpinBox *m_maxConfidence;
    ProjectStore *m_store = nullptr;
    BatchId m_batch = 0;
    QString m_reviewer;
    std::function<bool(BatchItemId)> m_revealed;
};

} // namespace Boucle
