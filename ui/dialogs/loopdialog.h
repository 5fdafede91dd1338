// LoopDialog: the learning side of the loop in the workspace. It says what Retrain will do before
// it runs (commit the working labels as "before loop N", or train on the head version, or nothing
// when no label changed since the last loop), charts the held-out accuracy of every loop, and
// retrains: the turn runs on a worker thread (with a store of its own), commits first, trains,
// predicts the pool and flags the next batch. GUI thread only.
#pragma once

#include <QDialog>
#include <QFutureWatcher>

#include "loop/loopturn.h"

class QChartView;
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

    // Who commits "before loop N"; by default the reviewer the window remembers, else the login.
    void setAuthor(const QString &author) { m_author = author; }
    QString author() const { return m_author; }

    // Reads the project again: the plan, the chart and the list of loops.
    void refreshChart();

    // For tests: what a person sees.
    QPushButton *retrainButton() const { return m_retrain; }
    QString planText() const;
    QString outcomeText() const;
    QChartView *chartView() const { return m_chart; }

public slots:
    void retrain();

signals:
    // A new model and batch are in the project; the window reloads its batches.
    void retrained(const QString &batchName);
    // The turn committed the working labels as `version` before training (the window refreshes
    // its versions and runs the version hook, as after its own commit).
    void versionCommitted(int version);
    // The turn ended, whatever it did (trained, found nothing new, or refused).
    void turnFinished();

private:
    void finished();
    void showPlan(const LoopTurn::Plan &plan);

    QString m_projectPath;
    QString m_author;
    QLabel *m_plan = nullptr;
    QChartView *m_chart = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_stage = nullptr;
    QLabel *m_outcome = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_retrain = nullptr;
    ProgressSignal *m_signal = nullptr;
    QFutureWatcher<LoopTurn::Result> m_watcher;
};

} // namespace Boucle
