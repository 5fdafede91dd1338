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
    qRegisterMetaType<Boucle::DashboardSampleList>();
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
    const std::pair<int, qint64> key {m_store->headVersion(), m_store->predictionCount()};
    if (key != m_labelNoiseKey) {
        m_labelNoiseKey = key;
        auto found = SuspectLabelSearch::run(*m_store, {});
        m_labelNoise.reset();
        m_labelNoiseProblem.clear();
        if (found.error)
            m_labelNoiseProblem = found.error.message;
        else
            m_labelNoise = std::move(found.value);
    }
    snapshot.labelNoise = m_labelNoise;
    snapshot.labelNoiseProblem = m_labelNoiseProblem;
    emit loaded(snapshot);
}

void DashboardLoader::findSamplesInCell(const AnalyticsFilter &filter, int reviewedClass,
                                        int predictedClass)
{
    if (!ensureOpen())
        return;
    StoreError error;
    const auto cells = m_query->cellSamples(filter, reviewedClass, predictedClass, &error);
    if (error) {
        emit failed(error.message);
        return;
    }
    const QStringList classes = m_query->classNames();
    const QString reviewed = classes.value(reviewedClass);
    const QString predicted = classes.value(predictedClass);
    DashboardSampleList list;
    list.title = tr("Reviewed %1, predicted %2").arg(reviewed, predicted);
    list.total = cells.size();
    for (const auto &cell : cells) {
        if (list.rows.size() >= DashboardSampleList::rowLimit)
            break;
        const auto sample = m_store->sample(cell.sample);
        list.rows.append({cell.sample, sample ? sample->path : QString(), reviewed, predicted,
                          cell.confidence});
    }
    emit samplesListed(list);
}

void DashboardLoader::listSamples(const QString &title, const QList<qint64> &sampleIds,
                                  const QString &reviewed, const QString &predicted)
{
    if (!ensureOpen())
        return;
    DashboardSampleList list;
    list.origin = DashboardSampleList::Origin::Detector;
    list.title = title;
    list.total = sampleIds.size();
    for (const qint64 id : sampleIds) {
        if (list.rows.size() >= DashboardSampleList::rowLimit)
            break;
        const auto sample = m_store->sample(id);
        list.rows.append({id, sample ? sample->path : QString(), reviewed, predicted, -1.0});
    }
    emit samplesListed(list);
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
