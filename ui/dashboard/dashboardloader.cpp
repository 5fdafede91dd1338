#include "dashboardloader.h"

#include "store/projectstore.h"

namespace Boucle {

DashboardLoader::DashboardLoader(QString projectPath, QObject *parent)
    : QObject(parent)
    , m_projectPath(std::move(projectPath))
{
    qRegisterMetaType<Boucle::AnalyticsFilter>();
    qRegisterMetaType<Boucle::DashboardSnapshot>();
    qRegisterMetaType<QList<qint64>>();
}

DashboardLoader::~DashboardLoader() = default;

bool DashboardLoader::ensureOpen()
{
    if (m_store)
        return true;
    auto store = std::make_unique<ProjectStore>();
    if (const auto error = store->open(m_projectPath, ProjectStore::OpenMode::ReadOnly)) {
        emit failed(error.message);
        return false;
    }
    m_store = std::move(store);
    m_query = std::make_unique<ReviewAnalyticsQuery>(*m_store);
    return true;
}

void DashboardLoader::load(const AnalyticsFilter &filter, int calibrationBins, double iouThreshold)
{
    if (!ensureOpen())
        return;
    AuditInputs inputs;
    if (const auto error = m_query->load(filter, inputs, calibrationBins)) {
        emit failed(error.message);
        return;
    }
    AuditOptions options;
    options.calibrationBins = calibrationBins;
    options.iouThreshold = iouThreshold;
    DashboardSnapshot snapshot;
    snapshot.report = AuditReport::compute(inputs, options);
    snapshot.filter = filter;
    snapshot.batches = m_query->batchNames();
    snapshot.models = m_query->modelKeys();
    snapshot.reviewers = m_query->reviewers();
    snapshot.reviewers.sort();
    snapshot.versions = m_query->datasetVersions();
    emit loaded(snapshot);
}

void DashboardLoader::findSamplesInCell(const AnalyticsFilter &filter, int reviewedClass,
                                        int predictedClass)
{
    if (!ensureOpen())
        return;
    StoreError error;
    const auto samples = m_query->samplesInCell(filter, reviewedClass, predictedClass, &error);
    if (error)
        emit failed(error.message);
    else
        emit samplesFound(samples);
}

void DashboardLoader::findSamplesFlaggedBy(const AnalyticsFilter &filter, const QString &trigger)
{
    if (!ensureOpen())
        return;
    StoreError error;
    const auto samples = m_query->samplesFlaggedBy(filter, trigger, true, &error);
    if (error)
        emit failed(error.message);
    else
        emit samplesFound(samples);
}

} // namespace Boucle
