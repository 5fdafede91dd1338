#include "demoproject.h"

#include "dataset/labelimporter.h"
#include "ingest/logimporter.h"
#include "learning/demomaterial.h"
#include "loop/clinicaldemomaterial.h"
#include "policy/batchbuilder.h"
#include "progress/progresssink.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

#include <cmath>

namespace Boucle {

namespace {

QJsonObject metricsJson(const ClassificationMetrics &metrics, const QStringList &classes,
                        int trainedOn)
{
    QJsonObject perClass;
    for (size_t i = 0; i < metrics.classAccuracy.size() && i < size_t(classes.size()); ++i) {
        if (!std::isnan(metrics.classAccuracy[i]))
            perClass.insert(classes.at(qsizetype(i)), metrics.classAccuracy[i]);
    }
    return QJsonObject {{QStringLiteral("accuracy"), metrics.accuracy},
                        {QStringLiteral("per_class"), perClass},
                        {QStringLiteral("held_out"), metrics.total},
                        {QStringLiteral("trained_on"), trainedOn}};
}

} // namespace

StoreError DemoProject::flagFirstBatch(ProjectStore &store, const Options &options,
                                       const QString &model)
{
    TriggerPolicy policy;
    policy.batchSize = options.batchSize;
    policy.model = model;
    if (auto failure = store.setSetting(QStringLiteral("policy"),
                                        QString::fromUtf8(QJsonDocument(policy.toJson()).toJson())))
        return failure;
    BatchBuilder builder(store);
    return builder
            .build(policy, QCoreApplication::translate("Boucle::DemoProject", "Loop 1"),
                   options.batchSize, QStringLiteral("demo"))
            .error;
}

QString DemoProject::defaultFolder(const QString &dataset)
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
            .filePath(QStringLiteral("demo-") + dataset);
}

StoreError DemoProject::build(const QString &folder, const Options &options, QString *projectPath,
                              ProgressSink *progress)
{
    const QString path = QDir(folder).filePath(projectFileName());
    if (QFileInfo::exists(path))
        return StoreError::make(StoreError::Code::Conflict,
                                QCoreApplication::translate("Boucle::DemoProject",
                                                            "%1 already holds a demo project")
                                        .arg(folder));
    if (!QDir().mkpath(folder))
        return StoreError::make(
                StoreError::Code::Failed,
                QCoreApplication::translate("Boucle::DemoProject", "cannot create the folder %1")
                        .arg(folder));

    if (options.dataset == QLatin1String("detection"))
        return buildDetection(folder, options, projectPath, progress);

    auto report = [progress](const QString &what, double fraction) {
        if (progress)
            progress->progress(qint64(fraction * 1000), 1000, what);
    };
    DemoMaterial::Options materialOptions;
    materialOptions.dataset = options.dataset;
    materialOptions.seed = options.seed;
    materialOptions.sampleLimit = options.sampleLimit;
    QString error;
    const auto materialProgress = [&report](const QString &message, double fraction) {
        report(message, fraction * 0.7);
    };
    // "ct": the same digits and committee, as CT-like series (clinicaldemomaterial.h).
    const auto summary
            = options.dataset == QLatin1String("ct")
                      ? ClinicalDemoMaterial::write(folder, materialOptions, &error,
                                                    materialProgress)
                      : DemoMaterial::write(folder, materialOptions, &error, materialProgress);
    if (!summary)
        return StoreError::make(StoreError::Code::Failed, error);

    ProjectStore store;
    if (auto failure = store.create(path, folder))
        return failure;
    auto fail = [&store, &path](const StoreError &failure) {
        store.close();
        QFile::remove(path);
        return failure;
    };
    if (auto failure = store.setSetting(QStringLiteral("dataset"), options.dataset))
        return fail(failure);
    if (!summary->testSplitPath.isEmpty()) {
        if (auto failure = store.setSetting(QStringLiteral("test_split"),
                                            QDir(folder).relativeFilePath(summary->testSplitPath)))
            return fail(failure);
    }
    if (auto failure = store.ensureClasses(summary->classes))
        return fail(failure);

    report(QCoreApplication::translate("Boucle::DemoProject", "Importing the seed labels"), 0.72);
    LabelImporter labels(store);
    const auto imported = labels.importFile(summary->seedLabelsPath, QStringLiteral("demo"));
    if (imported.error)
        return fail(imported.error);
    if (auto failure = store.commitVersion(
                QStringLiteral("demo"),
                QCoreApplication::translate("Boucle::DemoProject", "Seed labels (%1 samples)")
                        .arg(imported.rows)))
        return fail(failure);

    report(QCoreApplication::translate("Boucle::DemoProject",
                                       "Importing the committee's predictions"),
           0.78);
    LogImporter importer(store);
    const auto importReport = importer.import(summary->logPath, progress);
    if (!importReport.isSuccess())
        return fail(StoreError::make(StoreError::Code::Failed, importReport.summary()));

    const QString modelName = summary->modelName.section(QLatin1Char('@'), 0, 0);
    const QString modelVersion = summary->modelName.section(QLatin1Char('@'), 1);
    if (const auto model = store.modelByKey(modelName, modelVersion)) {
        if (auto failure = store.setModelMetrics(
                    model->id, metricsJson(summary->heldOut, summary->classes, summary->seedCount),
                    1))
            return fail(failure);
    }

    report(QCoreApplication::translate("Boucle::DemoProject", "Flagging the first batch"), 0.9);
    if (auto failure = flagFirstBatch(store, options, summary->modelName))
        return fail(failure);
    report(QCoreApplication::translate("Boucle::DemoProject", "Demo ready"), 1.0);
    if (projectPath)
        *projectPath = path;
    return {};
}

} // namespace Boucle
