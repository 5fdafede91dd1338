// DashboardWidget: the lead's audit on screen. Filters (batch, model, dataset version, reviewer,
// dates), the confusion heatmap with its axis titles and colour scale (a click on a cell lists
// the samples behind it beside the matrix; Enter or a double-click there opens one), the per-class
// table, trigger yield beside the control rate, the reliability diagram, reviewers and their
// agreement, the loop (model versions, corrections, reviews against accuracy gained) and, for
// projects with reviewed detection samples, the detector audit by class at a chosen IoU
// threshold (a click on a true positive, false positive or miss count lists its samples).
// It only draws: every number comes from core (ReviewAnalyticsQuery + AuditReport), computed on
// a DashboardLoader thread. GUI thread.
#pragma once

#include "dashboardloader.h"
#include "report/audittables.h"

#include <QThread>
#include <QWidget>

class QChartView;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTimer;

namespace Boucle {

class ProjectStore;
class SampleListPane;

class DashboardWidget : public QWidget
{
    Q_OBJECT

public:
    // Follows `store`'s changes; reads through its own connection to store.path().
    explicit DashboardWidget(ProjectStore &store, QWidget *parent = nullptr);
    ~DashboardWidget() override;

    AnalyticsFilter filter() const;
    const AuditReport &report() const { return m_snapshot.report; }
    QTableWidget *heatmap() const { return m_heatmap; } // for tests and keyboard navigation
    QTableWidget *detectorTable() const { return m_detector; }
    // The Label noise tab: confident learning's estimate per class, and its summary.
    QTableWidget *labelNoiseTable() const { return m_labelNoise; }
    QLabel *labelNoiseSummary() const { return m_labelNoiseSummary; }
    QDoubleSpinBox *iouThreshold() const { return m_iou; }
    bool showsDetector() const; // the Detector tab is there (the project has detection samples)
    SampleListPane *sampleList() const { return m_sampleList; } // a confusion cell's samples
    SampleListPane *detectorSampleList() const { return m_detectorSamples; }

public slots:
    void refresh();

signals:
    // The lead chose one listed sample (Enter or a double-click in the list): the review window
    // opens it and comes forward. The dashboard stays as it is.
    void sampleActivated(Boucle::SampleId sample);
    void refreshed();
    void loadFailed(const QString &message);

    void loadRequested(const Boucle::AnalyticsFilter &filter, int calibrationBins,
                       double iouThreshold);
    void cellSamplesRequested(const Boucle::AnalyticsFilter &filter, int reviewedClass,
                              int predictedClass);
    void detectorSamplesRequested(const QString &title, const QList<qint64> &sampleIds,
                                  const QString &reviewed, const QString &predicted);

private:
    void buildFilters(QWidget *bar);
    QWidget *buildErrorsTab(QWidget *parent);
    void listCell(int row, int column);
    void showSnapshot(const DashboardSnapshot &snapshot);
    void fillChoices(QComboBox *box, const QStringList &values, const QString &current);
    void fillHeatmap();
    void fillTable(QTableWidget *table, const QString &id);
    void fillCharts();
    void fillDetector();
    void fillLabelNoise();

    ProjectStore &m_store;
    QThread m_thread;
    DashboardLoader *m_loader = nullptr;
    DashboardSnapshot m_snapshot;
    QList<ReportTable> m_tables;
    QTimer *m_refreshTimer = nullptr;

    QComboBox *m_batch = nullptr;
    QComboBox *m_model = nullptr;
    QComboBox *m_version = nullptr;
    QComboBox *m_reviewer = nullptr;
    QCheckBox *m_useFrom = nullptr;
    QDateEdit *m_from = nullptr;
    QCheckBox *m_useTo = nullptr;
    QDateEdit *m_to = nullptr;
    QSpinBox *m_bins = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_tabs = nullptr;

    QTableWidget *m_heatmap = nullptr;
    QLabel *m_heatmapCounts = nullptr;
    SampleListPane *m_sampleList = nullptr;
    QTableWidget *m_perClass = nullptr;
    QTableWidget *m_triggerTable = nullptr;
    QTableWidget *m_suspectTable = nullptr;
    QTableWidget *m_labelNoise = nullptr;
    QLabel *m_labelNoiseSummary = nullptr;
    QTableWidget *m_reviewers = nullptr;
    QTableWidget *m_agreement = nullptr;
    QTableWidget *m_models = nullptr;
    QTableWidget *m_versions = nullptr;
    QTableWidget *m_loop = nullptr;
    QChartView *m_triggerChart = nullptr;
    QChartView *m_reliabilityChart = nullptr;
    QChartView *m_loopChart = nullptr;
    QWidget *m_detectorTab = nullptr;
    QDoubleSpinBox *m_iou = nullptr;
    QLabel *m_detectorSummary = nullptr;
    QTableWidget *m_detector = nullptr;
    SampleListPane *m_detectorSamples = nullptr;
};

} // namespace Boucle
