// DashboardLoader: runs the lead's audit off the GUI thread. It lives in its own QThread, opens
// its own read-only ProjectStore on the project file (a store belongs to the thread that opened
// it) and keeps one ReviewAnalyticsQuery, so the first read of a large project does not freeze
// the window and later refreshes read only the new reviews.
// Use through queued signals only: its slots run on the loader's thread.
#pragma once

#include "loop/suspectlabelsearch.h"
#include "metrics/auditreport.h"
#include "report/reviewanalyticsquery.h"

#include <QObject>

#include <memory>

namespace Boucle {

class ProjectStore;

// What a refresh hands the GUI: the numbers and the choices for the filter widgets.
struct DashboardSnapshot
{
    AuditReport report;
    AnalyticsFilter filter;
    QStringList batches;
    QStringList models;
    QStringList reviewers;
    QList<int> versions;
    // Confident learning over the head version's labels and the stored probabilities: the
    // estimated label noise per class. `labelNoiseProblem` says why there is none.
    std::optional<SuspectLabelSearch::Result> labelNoise;
    QString labelNoiseProblem;
};

// The samples behind a number, as the dashboard lists them.
struct DashboardSampleRow
{
    SampleId sample = 0;
    QString path;
    QString reviewed;         // the reviewed label (or class of a detector count)
    QString predicted;        // the model's label
    double confidence = -1.0; // of the reviewed prediction, < 0 unknown
};

struct DashboardSampleList
{
    enum class Origin { ConfusionCell, Detector };
    Origin origin = Origin::ConfusionCell;
    QString title; // what was clicked, e.g. "Reviewed dog, predicted cat"
    QList<DashboardSampleRow> rows;
    qsizetype total = 0; // samples behind the number; rows holds at most rowLimit of them
    static constexpr qsizetype rowLimit = 20000;
};

class DashboardLoader : public QObject
{
    Q_OBJECT

public:
    explicit DashboardLoader(QString projectPath, QObject *parent = nullptr);
    ~DashboardLoader() override;

public slots:
    // `iouThreshold`: the detector audit's chosen threshold, besides 0.5.
    void load(const Boucle::AnalyticsFilter &filter, int calibrationBins, double iouThreshold);
    // Lists the samples of a confusion cell (samplesListed).
    void findSamplesInCell(const Boucle::AnalyticsFilter &filter, int reviewedClass,
                           int predictedClass);
    // Lists given samples (a detector count) under `title`, all with the same labels.
    void listSamples(const QString &title, const QList<qint64> &sampleIds, const QString &reviewed,
                     const QString &predicted);
    void findSamplesFlaggedBy(const Boucle::AnalyticsFilter &filter, const QString &trigger);

signals:
    void loaded(const Boucle::DashboardSnapshot &snapshot);
    void samplesFound(const QList<qint64> &sampleIds);
    void samplesListed(const Boucle::DashboardSampleList &list);
    void failed(const QString &message);

private:
    bool ensureOpen();

    QString m_projectPath;
    std::unique_ptr<ProjectStore> m_store;
    std::unique_ptr<ReviewAnalyticsQuery> m_query;
    // The label noise is computed again only when the head version or the predictions change.
    std::pair<int, qint64> m_labelNoiseKey {-1, -1};
    std::optional<SuspectLabelSearch::Result> m_labelNoise;
    QString m_labelNoiseProblem;
};

} // namespace Boucle

Q_DECLARE_METATYPE(Boucle::AnalyticsFilter)
Q_DECLARE_METATYPE(Boucle::DashboardSnapshot)
Q_DECLARE_METATYPE(Boucle::DashboardSampleList)
