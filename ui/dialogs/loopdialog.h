// LoopDialog: the learning side of the loop in the workspace. It charts the held-out accuracy of
// every model version against the dataset version it learned from, and retrains: the committee
// learns from the head version on a worker thread (with a store of its own), predicts the pool,
// and the next batch is flagged. GUI thread only.
#pragma once

#include <QDialog>
#include <QFutureWatcher>

#include "loop/loopturn.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace Boucle {

class ProgressSignal;

class LoopDialog : public QDialog
{
    Q_OBJECT

public:
    LoopDialog(const QString &projectPath, QWidget *parent = nullptr);
    ~LoopDialog() override;

    void refreshChart();

public slots:
    void retrain();

signals:
    // A new model and batch are in the project; the window reloads its batches.
    void retrained(const QString &batchName);

private:
    void finished();

    QString m_projectPath;
    QWidget *m_chartHolder = nullptr;
    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_retrain = nullptr;
    ProgressSignal *m_signal = nullptr;
    QFutureWatcher<LoopTurn::Result> m_watcher;
};

} // namespace Boucle
