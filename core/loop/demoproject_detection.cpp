// DemoProject's detection data set: the detector's log over digits on canvases (DetectionDemo)
// goes through the same import and the same flagging as the other demos. There is no seed
// version: the canvases' true boxes (truth.json) stay outside the project, for the reviewers to
// find and for tests to compare with.
#include "demoproject.h"

#include "ingest/logimporter.h"
#include "learning/detectiondemo.h"
#include "policy/batchbuilder.h"
#include "progress/progresssink.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace Boucle {

namespace {
constexpr int DefaultCanvases = 100;
} // namespace

StoreError DemoProject::buildDetection(const QString &folder, const Options &options,
                                       QString *projectPath, ProgressSink *progress)
{
    const QString path = QDir(folder).filePath(projectFileName());
    auto report = [progress](const QString &what, double fraction) {
        if (progress)
            progress->progress(qint64(fraction * 1000), 1000, what);
    };
    DetectionDemo::Options materialOptions;
    materialOptions.seed = options.seed;
    materialOptions.canvases = options.sampleLimit > 0 ? options.sampleLimit : DefaultCanvases;
    QString error;
    const auto summary = DetectionDemo::write(folder, materialOptions, &error,
                                              [&report](const QString &message, double fraction) {
                                                  report(message, fraction * 0.7);
                                              });
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
    if (auto failure = store.setSetting(QStringLiteral("dataset"), QStringLiteral("detection")))
        return fail(failure);
    if (auto failure = store.ensureClasses(summary->classes))
        return fail(failure);

    report(QCoreApplication::translate("Boucle::DemoProject", "Importing the detector's boxes"),
           0.75);
    LogImporter importer(store);
    const auto importReport = importer.import(summary->logPath, progress);
    if (!importReport.isSuccess())
        return fail(StoreError::make(StoreError::Code::Failed, importReport.summary()));

    const QString modelName = summary->modelName.section(QLatin1Char('@'), 0, 0);
    const QString modelVersion = summary->modelName.section(QLatin1Char('@'), 1);
    if (const auto model = store.modelByKey(modelName, modelVersion)) {
        const QJsonObject metrics {{QStringLiteral("iou_threshold"), 0.5},
                                   {QStringLiteral("precision"), summary->score.precision()},
                                   {QStringLiteral("recall"), summary->score.recall()},
                                   {QStringLiteral("mean_iou"), summary->score.meanIoU},
                                   {QStringLiteral("held_out_canvases"), summary->canvases},
                                   {QStringLiteral("trained_on_digits"), summary->trainingDigits}};
        if (auto failure = store.setModelMetrics(model->id, metrics, 0))
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
