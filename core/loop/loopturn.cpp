#include "loopturn.h"

#include "dataset/csvfield.h"
#include "ingest/logimporter.h"
#include "learning/predictionlogline.h"
#include "learning/retrainer.h"
#include "policy/batchbuilder.h"
#include "progress/progresssink.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSet>

#include <cmath>

namespace Boucle {

namespace {

StoreError failure(const QString &message)
{
    return StoreError::make(StoreError::Code::Failed, message);
}

// The held-out split: a CSV sample,label file under the data root, never imported.
bool readTestSplit(const QString &path, QList<Retrainer::LabelledSample> *test, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("Boucle::LoopTurn",
                                             "cannot read the held-out split %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    int line = 0;
    while (!file.atEnd()) {
        const QString text = QString::fromUtf8(file.readLine()).trimmed();
        ++line;
        if (text.isEmpty() || (line == 1 && text.startsWith(QLatin1String("sample,"))))
            continue;
        QStringList fields;
        if (!CsvField::split(text, &fields) || fields.size() != 2) {
            *error = QCoreApplication::translate("Boucle::LoopTurn", "%1:%2: expected sample,label")
                             .arg(path)
                             .arg(line);
            return false;
        }
        test->append({fields.at(0), fields.at(1)});
    }
    return true;
}

} // namespace

LoopTurn::Result LoopTurn::run(ProjectStore &store, int batchSize, ProgressSink *progress)
{
    Result result;
    const QString dataset = store.setting(QStringLiteral("dataset"));
    const QString testSplit = store.setting(QStringLiteral("test_split"));
    if (dataset.isEmpty() || testSplit.isEmpty()) {
        result.error
                = failure(QCoreApplication::translate(
                                  "Boucle::LoopTurn",
                                  "%1 has no data set and held-out split to retrain on (it was not "
                                  "made by 'boucle demo')")
                                  .arg(store.path()));
        return result;
    }
    const int head = store.headVersion();
    if (head == 0) {
        result.error = failure(QCoreApplication::translate(
                "Boucle::LoopTurn", "there is no dataset version to learn from yet: commit first"));
        return result;
    }

    Retrainer::Input input;
    input.dataRoot = store.dataRoot();
    input.dataset = dataset;
    input.classes = store.classNames(true);
    QSet<QString> labelled;
    for (const auto &sample : store.labelsAt(head)) {
        if (sample.label.isEmpty())
            continue;
        input.labelled.append({sample.samplePath, sample.label});
        labelled.insert(sample.samplePath);
    }
    const qint64 sampleCount = store.sampleCount();
    for (qint64 offset = 0; offset < sampleCount; offset += 10000) {
        for (const auto &sample : store.samples(int(offset), 10000)) {
            if (!labelled.contains(sample.path) && !sample.missing
                && sample.split == SampleSplit::Pool)
                input.pool.append(sample.path);
        }
    }
    QString error;
    if (!readTestSplit(QDir(store.dataRoot()).filePath(testSplit), &input.test, &error)) {
        result.error = failure(error);
        return result;
    }
    int version = 1;
    const QString committee = dataset + QStringLiteral("-committee");
    for (const auto &model : store.models()) {
        if (model.name == committee)
            version = std::max(version, model.version.toInt() + 1);
    }
    input.modelVersion = version;

    auto report = [progress](const QString &what, double fraction) {
        if (progress)
            progress->progress(qint64(fraction * 1000), 1000, what);
    };
    const auto output
            = Retrainer::run(input, &error, [&report](const QString &message, double fraction) {
                  report(message, fraction * 0.8);
              });
    if (!output) {
        result.error = failure(error);
        return result;
    }
    if (progress && progress->isCancelled()) {
        result.error = StoreError::make(
                StoreError::Code::Failed,
                QCoreApplication::translate("Boucle::LoopTurn", "cancelled; nothing was stored"));
        return result;
    }

    // The new predictions go in by the same path as any user's log.
    const QString logName = QStringLiteral("predictions-v%1.jsonl").arg(version);
    const QString logPath = QDir(store.dataRoot()).filePath(logName);
    if (!PredictionLogLine::writeLog(logPath, input.classes, output->predictions, &error)) {
        result.error = failure(error);
        return result;
    }
    report(QCoreApplication::translate("Boucle::LoopTurn", "Importing the new predictions"), 0.85);
    LogImporter importer(store);
    const auto imported = importer.import(logPath, progress);
    if (!imported.isSuccess()) {
        result.error = failure(imported.summary());
        return result;
    }

    QJsonObject perClass;
    for (size_t i = 0; i < output->heldOut.classAccuracy.size() && i < size_t(input.classes.size());
         ++i) {
        if (!std::isnan(output->heldOut.classAccuracy[i]))
            perClass.insert(input.classes.at(qsizetype(i)), output->heldOut.classAccuracy[i]);
    }
    const QString modelName = output->modelName.section(QLatin1Char('@'), 0, 0);
    const QString modelVersion = output->modelName.section(QLatin1Char('@'), 1);
    if (const auto model = store.modelByKey(modelName, modelVersion)) {
        store.setModelMetrics(model->id,
                              QJsonObject {{QStringLiteral("accuracy"), output->heldOut.accuracy},
                                           {QStringLiteral("per_class"), perClass},
                                           {QStringLiteral("held_out"), output->heldOut.total},
                                           {QStringLiteral("trained_on"), output->trainedOn}},
                              head);
    }

    report(QCoreApplication::translate("Boucle::LoopTurn", "Flagging the next batch"), 0.92);
    QString policyError;
    auto policy = TriggerPolicy::fromJson(
            QJsonDocument::fromJson(store.setting(QStringLiteral("policy")).toUtf8()).object(),
            &policyError);
    if (!policy)
        policy = TriggerPolicy();
    policy->model = output->modelName;
    const QString batchName
            = QCoreApplication::translate("Boucle::LoopTurn", "Loop %1").arg(version);
    BatchBuilder builder(store);
    const auto built = builder.build(*policy, batchName, batchSize, QStringLiteral("retrain"));
    if (built.error) {
        result.error = built.error;
        return result;
    }
    result.modelKey = output->modelName;
    result.datasetVersion = head;
    result.trainedOn = output->trainedOn;
    result.accuracy = output->heldOut.accuracy;
    result.perClass = perClass;
    result.batchName = built.batch.name;
    result.batchItems = built.batch.itemCount;
    report(QCoreApplication::translate("Boucle::LoopTurn", "Loop turn done"), 1.0);
    return result;
}

QList<LoopTurn::Point> LoopTurn::history(const ProjectStore &store)
{
    QList<Point> points;
    for (const auto &model : store.models()) {
        if (!model.metrics.contains(QStringLiteral("accuracy")))
            continue;
        points.append({model.key(), model.trainedOnVersion,
                       model.metrics.value(QStringLiteral("trained_on")).toInt(),
                       model.metrics.value(QStringLiteral("accuracy")).toDouble()});
    }
    return points;
}

} // namespace Boucle
