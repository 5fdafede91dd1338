#include "hookinvocation.h"

#include "dataset/datasetexporter.h"
#include "store/projectlocation.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <array>

namespace Boucle {

namespace {

const std::array<ReviewStatus, 5> decidedStatuses
        = {ReviewStatus::Approved, ReviewStatus::Overridden, ReviewStatus::Relabelled,
           ReviewStatus::Skipped, ReviewStatus::Escalated};

ReviewStatus statusOf(ReviewAction action)
{
    return statusAfter(action);
}

// Counts per decision, in total and per predicted class; every decision name is present.
class DecisionCounts
{
public:
    void add(ReviewStatus status, const QString &predicted)
    {
        if (status == ReviewStatus::Pending)
            return;
        m_total[reviewStatusName(status)] += 1;
        m_perClass[predicted.isEmpty() ? QStringLiteral("(none)") : predicted]
                  [reviewStatusName(status)]
                += 1;
    }

    QJsonObject total() const { return toObject(m_total); }
    QJsonObject perClass() const
    {
        QJsonObject result;
        for (auto it = m_perClass.cbegin(); it != m_perClass.cend(); ++it)
            result.insert(it.key(), toObject(it.value()));
        return result;
    }

private:
    static QJsonObject toObject(const QMap<QString, int> &counts)
    {
        QJsonObject object;
        for (const auto status : decidedStatuses)
            object.insert(reviewStatusName(status), counts.value(reviewStatusName(status)));
        return object;
    }

    QMap<QString, int> m_total;
    QMap<QString, QMap<QString, int>> m_perClass;
};

QString predictedLabel(const ProjectStore &store, PredictionId id)
{
    if (id <= 0)
        return {};
    const auto prediction = store.prediction(id);
    return prediction ? prediction->label : QString();
}

HookInvocation prepare(const ProjectStore &store, HookEvent event)
{
    HookInvocation invocation;
    invocation.event = event;
    invocation.command = store.setting(HookInvocation::settingKey(event));
    // A server project's path is its address (never with a password): handed on as it is.
    invocation.projectPath
            = store.isServer() ? store.path() : QFileInfo(store.path()).absoluteFilePath();
    bool ok = false;
    const int timeout = store.setting(HookInvocation::timeoutKey()).toInt(&ok);
    invocation.timeoutSeconds = ok && timeout > 0 ? timeout : HookInvocation::defaultTimeoutSeconds;
    return invocation;
}

void finish(HookInvocation &invocation, DecisionCounts counts)
{
    auto &environment = invocation.environment;
    environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("BOUCLE_PROJECT"), invocation.projectPath);
    environment.insert(QStringLiteral("BOUCLE_EVENT"), HookInvocation::eventName(invocation.event));
    environment.insert(QStringLiteral("BOUCLE_BATCH"), invocation.batchName);
    environment.insert(QStringLiteral("BOUCLE_BATCH_ID"),
                       invocation.batchId > 0 ? QString::number(invocation.batchId) : QString());
    environment.insert(QStringLiteral("BOUCLE_VERSION"), QString::number(invocation.version));
    environment.insert(QStringLiteral("BOUCLE_EXPORT_PATH"), invocation.exportPath);

    QJsonObject payload {
            {QStringLiteral("event"), HookInvocation::eventName(invocation.event)},
            {QStringLiteral("project"), invocation.projectPath},
            {QStringLiteral("version"), invocation.version},
            {QStringLiteral("export_path"), invocation.exportPath},
            {QStringLiteral("counts"), counts.total()},
            {QStringLiteral("per_class"), counts.perClass()},
    };
    if (invocation.batchId > 0)
        payload.insert(QStringLiteral("batch"),
                       QJsonObject {{QStringLiteral("id"), invocation.batchId},
                                    {QStringLiteral("name"), invocation.batchName}});
    else
        payload.insert(QStringLiteral("batch"), QJsonValue::Null);
    for (auto it = invocation.payload.constBegin(); it != invocation.payload.constEnd(); ++it)
        payload.insert(it.key(), it.value());
    invocation.payload = payload;
}

StoreError makeExportFolder(const QString &projectPath, QString *folder)
{
    *folder = HookInvocation::exportFolder(projectPath);
    if (!QDir().mkpath(*folder))
        return StoreError::make(
                StoreError::Code::Failed,
                QCoreApplication::translate("Boucle::HookInvocation",
                                            "cannot create the folder %1 for the hook's export")
                        .arg(*folder));
    return {};
}

} // namespace

QString HookInvocation::eventName(HookEvent event)
{
    return event == HookEvent::BatchCompleted ? QStringLiteral("batch_completed")
                                              : QStringLiteral("version_committed");
}

std::optional<HookEvent> HookInvocation::eventFromName(const QString &name)
{
    for (auto event : {HookEvent::BatchCompleted, HookEvent::VersionCommitted})
        if (eventName(event) == name
            || eventName(event).replace(QLatin1Char('_'), QLatin1Char('-')) == name)
            return event;
    return std::nullopt;
}

QString HookInvocation::settingKey(HookEvent event)
{
    return QStringLiteral("hooks.") + eventName(event);
}

QString HookInvocation::timeoutKey()
{
    return QStringLiteral("hooks.timeout_seconds");
}

QString HookInvocation::exportFolder(const QString &projectPath)
{
    if (!ProjectLocation::looksLikeUrl(projectPath))
        return QFileInfo(projectPath).absoluteFilePath() + QStringLiteral(".exports");
    const auto location = ProjectLocation::parse(projectPath);
    QString name = location.isError()
                           ? projectPath
                           : QStringLiteral("%1_%2_%3")
                                     .arg(location.value.host(), location.value.database(),
                                          location.value.project());
    // One path component, whatever the address holds (a socket folder has slashes).
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    name.replace(unsafe, QStringLiteral("_"));
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
           + QStringLiteral("/server-exports/") + name;
}

QString HookInvocation::workingFolder(const QString &projectPath)
{
    if (ProjectLocation::looksLikeUrl(projectPath))
        return exportFolder(projectPath);
    return QFileInfo(projectPath).absolutePath();
}

bool HookInvocation::batchIsComplete(const ProjectStore &store, BatchId batchId)
{
    const auto batch = store.batch(batchId);
    if (!batch || batch->itemCount == 0 || batch->decidedCount < batch->itemCount)
        return false;
    for (auto stage : {ReviewStage::AwaitingSecond, ReviewStage::Adjudication})
        for (const auto &item : store.itemsAtStage(stage))
            if (item.batchId == batchId)
                return false;
    return true;
}

HookInvocation HookInvocation::forCompletedBatch(const ProjectStore &store, BatchId batchId)
{
    HookInvocation invocation = prepare(store, HookEvent::BatchCompleted);
    invocation.batchId = batchId;
    invocation.version = store.headVersion();
    if (const auto batch = store.batch(batchId))
        invocation.batchName = batch->name;
    if (!invocation.isSet())
        return invocation;

    // The batch's decisions, one JSON object a line in review order: what the hook can act on
    // without reading the project.
    DecisionCounts counts;
    QByteArray lines;
    for (const auto &item : store.batchItems(batchId)) {
        const QString predicted = predictedLabel(store, item.predictionId);
        counts.add(item.status, predicted);
        const auto sample = store.sample(item.sampleId);
        QJsonObject line {{QStringLiteral("position"), item.position + 1},
                          {QStringLiteral("sample"), sample ? sample->path : QString()},
                          {QStringLiteral("decision"), reviewStatusName(item.status)},
                          {QStringLiteral("predicted"), predicted},
                          {QStringLiteral("label"), store.currentLabel(item.sampleId)}};
        const auto reviews = store.reviewsForBatchItem(item.id);
        for (auto it = reviews.crbegin(); it != reviews.crend(); ++it) {
            if (it->action == ReviewAction::Revoke)
                continue;
            line.insert(QStringLiteral("reviewer"), it->reviewer);
            line.insert(QStringLiteral("comment"), it->comment);
            break;
        }
        lines += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }
    QString folder;
    if (auto error = makeExportFolder(invocation.projectPath, &folder)) {
        invocation.error = error.message;
        finish(invocation, counts);
        return invocation;
    }
    invocation.exportPath = QDir(folder).filePath(QStringLiteral("batch-%1.jsonl").arg(batchId));
    QSaveFile file(invocation.exportPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(lines) != lines.size() || !file.commit())
        invocation.error
                = QCoreApplication::translate("Boucle::HookInvocation", "cannot write %1: %2")
                          .arg(invocation.exportPath, file.errorString());
    finish(invocation, counts);
    return invocation;
}

HookInvocation HookInvocation::forVersion(const ProjectStore &store, int version)
{
    HookInvocation invocation = prepare(store, HookEvent::VersionCommitted);
    invocation.version = version;
    if (!invocation.isSet())
        return invocation;

    // The decisions behind the version: the review of each revision it added (labels imported
    // or written without a review count nowhere).
    DecisionCounts counts;
    const auto record = store.version(version);
    const auto changes = store.diff(record ? record->parent : version - 1, version);
    if (changes.isError()) {
        invocation.error = changes.error.message;
        finish(invocation, counts);
        return invocation;
    }
    for (const auto &change : changes.value) {
        for (const auto &revision : store.sampleHistory(change.sampleId)) {
            if (revision.versionAdded != version || revision.reviewId <= 0)
                continue;
            if (const auto review = store.review(revision.reviewId))
                counts.add(statusOf(review->action), predictedLabel(store, review->predictionId));
        }
    }
    if (record)
        invocation.payload.insert(
                QStringLiteral("changes"),
                QJsonObject {{QStringLiteral("added"), record->added},
                             {QStringLiteral("changed"), record->changed},
                             {QStringLiteral("removed"), record->removed},
                             {QStringLiteral("total"), record->total},
                             {QStringLiteral("hash"), QString::fromLatin1(record->hash)},
                             {QStringLiteral("message"), record->message}});
    QString folder;
    if (auto error = makeExportFolder(invocation.projectPath, &folder)) {
        invocation.error = error.message;
        finish(invocation, counts);
        return invocation;
    }
    invocation.exportPath = QDir(folder).filePath(QStringLiteral("v%1.jsonl").arg(version));
    if (auto error = DatasetExporter(store).exportVersion(
                version, DatasetExporter::Format::JsonLines, invocation.exportPath))
        invocation.error = error.message;
    finish(invocation, counts);
    return invocation;
}

} // namespace Boucle
