// BatchPanel: the project's batches with how far each is decided; choosing one asks the window
// to show it. Reads nothing itself: the window hands it the batch records. GUI thread only.
#pragma once

#include "records/projectrecords.h"

#include <QWidget>

class QTreeWidget;

namespace Boucle {

class BatchPanel : public QWidget
{
    Q_OBJECT

public:
    explicit BatchPanel(QWidget *parent = nullptr);

    void setBatches(const QList<BatchRecord> &batches, BatchId current);
    void setCurrent(BatchId batch);
    // One batch's bar moves as decisions are made, without reading every batch again.
    void setProgress(BatchId batch, int decided, int total);
    int batchCount() const;
    QTreeWidget *tree() const { return m_tree; }

signals:
    void batchChosen(Boucle::BatchId batch);

private:
    QTreeWidget *m_tree;
};

} // namespace Boucle
