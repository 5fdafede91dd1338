#include "reviewanalyticsquery.h"

#include <algorithm>

namespace Boucle {

ReviewAnalyticsQuery::ReviewAnalyticsQuery(ProjectStore &store)
    : m_reader(store)
    , m_detections(store)
{ }

StoreError ReviewAnalyticsQuery::refresh()
{
    return m_reader.refresh(m_history);
}

StoreError ReviewAnalyticsQuery::scope(const AnalyticsFilter &filter, ReviewAudit::Scope &scope)
{
    if (auto error = refresh())
        return error;
    const QString unknown = ReviewAudit(m_history).resolve(filter, scope);
    if (!unknown.isEmpty())
        return StoreError::make(StoreError::Code::NotFound, unknown);
    return {};
}

StoreError ReviewAnalyticsQuery::load(const AnalyticsFilter &filter, AuditInputs &inputs,
                                      int calibrationBins)
{
    ReviewAudit::Scope resolved;
    if (auto error = scope(filter, resolved))
        return error;
    ReviewAudit(m_history).assemble(resolved, inputs, calibrationBins);
    // Detection samples: the predicted boxes beside the ones reviewers settled.
    return m_detections.load(filter, inputs.detections, &inputs.undecidedDetections);
}

QList<SampleId> ReviewAnalyticsQuery::samplesInCell(const AnalyticsFilter &filter,
                                                    int reviewedClass, int predictedClass,
                                                    StoreError *error)
{
    QList<SampleId> samples;
    for (const CellSample &cell : cellSamples(filter, reviewedClass, predictedClass, error))
        samples.append(cell.sample);
    samples.erase(std::unique(samples.begin(), samples.end()), samples.end());
    return samples;
}

QList<ReviewAnalyticsQuery::CellSample> ReviewAnalyticsQuery::cellSamples(
        const AnalyticsFilter &filter, int reviewedClass, int predictedClass, StoreError *error)
{
    ReviewAudit::Scope resolved;
    const StoreError failed = scope(filter, resolved);
    if (error)
        *error = failed;
    if (failed)
        return {};
    return ReviewAudit(m_history).cellSamples(resolved, reviewedClass, predictedClass);
}

QList<SampleId> ReviewAnalyticsQuery::samplesFlaggedBy(const AnalyticsFilter &filter,
                                                       const QString &trigger, bool wrongOnly,
                                                       StoreError *error)
{
    ReviewAudit::Scope resolved;
    const StoreError failed = scope(filter, resolved);
    if (error)
        *error = failed;
    if (failed)
        return {};
    return ReviewAudit(m_history).samplesFlaggedBy(resolved, trigger, wrongOnly);
}

QStringList ReviewAnalyticsQuery::batchNames() const
{
    QStringList names = m_history.batchIds.keys();
    names.sort();
    return names;
}

QStringList ReviewAnalyticsQuery::modelKeys() const
{
    QStringList keys;
    for (const auto &model : m_history.models)
        keys.append(model.key);
    return keys;
}

QList<int> ReviewAnalyticsQuery::datasetVersions() const
{
    QList<int> numbers;
    for (const auto &version : m_history.versions)
        numbers.append(version.number);
    return numbers;
}

} // namespace Boucle
