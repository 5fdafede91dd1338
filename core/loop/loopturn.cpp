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

// Who commits "before loop N" when the caller names nobody: the account that runs Boucle.
QString authorOrAccount(const QString &given)
{
    if (!given.trimmed().isEmpty())
        return given.trimmed();
    for (const char *variable : {"BOUCLE_AUTHOR", "USER", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty())
            return name;
    }
    return QStringLiteral("unknown");
}

} // namespace

QString LoopTurn::Plan::commitMessage() const
{
    return QCoreApplication::translate("Boucle::LoopTurn", "before loop %1").arg(loop);
}

LoopTurn::Plan LoopTurn::plan(const ProjectStore &store)
{
    Plan plan;
    const QString dataset = store.setting(QStringLiteral("dataset"));
    const QString testSplit = store.setting(QStringLiteral("test_split"));
    if (dataset == QLatin1String("detection")) {
        plan.refusal = QCoreApplication::translate(
                "Boucle::LoopTurn",
                "Retraining is available for the digits and letters demos' classifier only: "
                "Boucle does not retrain the detection demo's detector. Train a detector "
                "elsewhere and import its predictions with 'boucle import'.");
    } else if (dataset.isEmpty() || testSplit.isEmpty()) {
        plan.refusal = QCoreApplication::translate(
                               "Boucle::LoopTurn",
                               "Retraining is available for the digits and letters demos only "
                               "('boucle demo --dataset digits' or 'letters'): %1 has no data set "
                               "and held-out split that Boucle can train on. Train your model "
                               "elsewhere and import its predictions with 'boucle import'.")
                               .arg(store.path());
    }
    plan.headVersion = store.headVersion();
    plan.uncommittedChanges = store.workingChangeCount();
    if (const auto head = store.version(plan.headVersion))
        plan.headLabels = head->total;
    const QString committee = dataset + QStringLiteral("-committee");
    plan.loop = 1;
    for (const auto &model : store.models()) {
        if (model.name == committee)
            plan.loop = std::max(plan.loop, model.version.toInt() + 1);
    }
    const auto points = history(store);
    if (!points.isEmpty()) {
        plan.lastTrainedVersion = points.constLast().datasetVersion;
        plan.lastModelKey = points.constLast().modelKey;
    }
    if (plan.refusal.isEmpty() && plan.headVersion == 0 && plan.uncommittedChanges == 0)
        plan.refusal = QCoreApplication::translate(
                "Boucle::LoopTurn",
                "There are no labels to learn from yet: review some samples first.");
    return plan;
}

LoopTurn::Result LoopTurn::run(ProjectStore &store)
{
    return run(store, Options());
}

LoopTurn::Result LoopTurn::run(ProjectStore &store, const Options &options, ProgressSink *progress)
{
    Result result;
    const Plan plan = LoopTurn::plan(store);
    result.loop = plan.loop;
    if (!plan.canRun()) {
        result.error = failure(plan.refusal);
        return result;
    }
    const auto points = history(store);
    if (!points.isEmpty())
        result.previousAccuracy = points.constLast().accuracy;
    const auto nothingToLearn = [&result, &plan](int version) {
        result.nothingNew = true;
        result.datasetVersion = version;
        result.message = QCoreApplication::translate(
                                 "Boucle::LoopTurn",
                                 "Nothing new to learn: no label changed since version %1, which "
                                 "%2 learned from. No model was trained and no batch was made; "
                                 "review some samples first.")
                                 .arg(version)
                                 .arg(plan.lastModelKey);
        return result;
    };
    if (plan.nothingNew())
        return nothingToLearn(plan.headVersion);

    // Refuse before anything is written: the turn's batch name must be free.
    const QString batchName
            = QCoreApplication::translate("Boucle::LoopTurn", "Loop %1").arg(plan.loop);
    if (store.batchByName(batchName)) {
        result.error = StoreError::make(
                StoreError::Code::Conflict,
                QCoreApplication::translate("Boucle::LoopTurn",
                                            "Cannot start loop %1: a batch named '%2' already "
                                            "exists. Rename it first; nothing was committed or "
                                            "trained.")
                        .arg(plan.loop)
                        .arg(batchName));
        return result;
    }

    auto report = [progress](const QString &what, double fraction) {
        if (progress)
            progress->progress(qint64(fraction * 1000), 1000, what);
    };

    // What was reviewed joins the dataset before the model learns from it.
    int head = plan.headVersion;
    int labels = plan.headLabels;
    if (plan.uncommittedChanges > 0) {
        const QString author = authorOrAccount(options.author);
        VersionRecord created;
        const StoreError committed = store.commitVersion(author, plan.commitMessage(), &created);
        if (committed.code == StoreError::Code::Conflict) {
            // The working changes undo each other: the labels equal the head version.
            if (head == 0) {
                result.error = failure(QCoreApplication::translate(
                        "Boucle::LoopTurn",
                        "There are no labels to learn from yet: review some samples first."));
                return result;
            }
            if (plan.lastTrainedVersion > 0 && head <= plan.lastTrainedVersion)
                return nothingToLearn(head);
        } else if (committed) {
            result.error = StoreError::make(
                    committed.code,
                    QCoreApplication::translate("Boucle::LoopTurn",
                                                "Cannot commit the working labels as version %1 "
                                                "'%2' before loop %3: %4. Nothing was trained.")
                            .arg(head + 1)
                            .arg(plan.commitMessage())
                            .arg(plan.loop)
                            .arg(committed.message));
            return result;
        } else {
            head = created.number;
            labels = created.total;
            result.committedVersion = created.number;
            result.committedChanges = created.added + created.changed + created.removed;
        }
    }
    const QString learning
            = result.committedVersion > 0
                      ? QCoreApplication::translate("Boucle::LoopTurn",
                                                    "Committed version %1 '%2' with %n "
                                                    "change(s); training on %3 labels…",
                                                    nullptr, result.committedChanges)
                                .arg(result.committedVersion)
                                .arg(plan.commitMessage())
                                .arg(labels)
                      : QCoreApplication::translate("Boucle::LoopTurn",
                                                    "No uncommitted change; training on the %1 "
                                                    "labels of version %2…")
                                .arg(labels)
                                .arg(head);
    if (options.announce)
        options.announce(learning);
    report(learning, 0.01);

    const QString dataset = store.setting(QStringLiteral("dataset"));
    const QString testSplit = store.setting(QStringLiteral("test_split"));
    Retrainer::Input input;
    input.dataRoot = store.dataRoot();
    input.dataset = dataset;
    input.classes = store.classNames(true);
    QSet<QString> labelled;
    if (auto error = store.forEachLabelAt(head, [&input, &labelled](const LabelledSample &sample) {
            if (!sample.label.isEmpty()) {
                input.labelled.append({sample.samplePath, sample.label});
                labelled.insert(sample.samplePath);
            }
            return true;
        })) {
        result.error = error;
        return result;
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
    input.modelVersion = plan.loop;

    const auto output
            = Retrainer::run(input, &error, [&report](const QString &message, double fraction) {
                  report(message, 0.02 + fraction * 0.78);
              });
    if (!output) {
        result.error = failure(error);
        return result;
    }
    if (progress && progress->isCancelled()) {
        result.error = StoreError::make(
                StoreError::Code::Failed,
                result.committedVersion > 0
                        ? QCoreApplication::translate("Boucle::LoopTurn",
                                                      "cancelled; version %1 stays committed, no "
                                                      "model was stored")
                                  .arg(result.committedVersion)
                        : QCoreApplication::translate("Boucle::LoopTurn",
                                                      "cancelled; nothing was stored"));
        return result;
    }

    // The new predictions go in by the same path as any user's log.
    const QString logName = QStringLiteral("predictions-v%1.jsonl").arg(plan.loop);
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
        const auto recorded = store.setModelMetrics(
                model->id,
                QJsonObject {{QStringLiteral("accuracy"), output->heldOut.accuracy},
                             {QStringLiteral("per_class"), perClass},
                             {QStringLiteral("held_out"), output->heldOut.total},
                             {QStringLiteral("trained_on"), output->trainedOn}},
                head);
        if (recorded) {
            result.error = failure(recorded.message);
            return result;
        }
    }

    report(QCoreApplication::translate("Boucle::LoopTurn", "Flagging the next batch"), 0.92);
    QString policyError;
    auto policy = TriggerPolicy::fromJson(
            QJsonDocument::fromJson(store.setting(QStringLiteral("policy")).toUtf8()).object(),
            &policyError);
    if (!policy)
        policy = TriggerPolicy();
    policy->model = output->modelName;
    BatchBuilder builder(store);
    const auto built
            = builder.build(*policy, batchName, options.batchSize, QStringLiteral("retrain"));
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

    const QString trained
            = QCoreApplication::translate("Boucle::LoopTurn",
                                          "%1 learned from %2 labels of version %3: held-out "
                                          "accuracy %4 %")
                      .arg(result.modelKey)
                      .arg(result.trainedOn)
                      .arg(head)
                      .arg(result.accuracy * 100.0, 0, 'f', 2);
    const QString was = result.previousAccuracy >= 0
                                ? QCoreApplication::translate("Boucle::LoopTurn", " (was %1 %)")
                                          .arg(result.previousAccuracy * 100.0, 0, 'f', 2)
                                : QString();
    const QString flagged
            = QCoreApplication::translate("Boucle::LoopTurn", "flagged '%1' (%n item(s))", nullptr,
                                          result.batchItems)
                      .arg(result.batchName);
    const QString committedText
            = result.committedVersion > 0
                      ? QCoreApplication::translate("Boucle::LoopTurn",
                                                    "Committed version %1 '%2' with %n "
                                                    "change(s). ",
                                                    nullptr, result.committedChanges)
                                .arg(result.committedVersion)
                                .arg(plan.commitMessage())
                      : QCoreApplication::translate("Boucle::LoopTurn", "No uncommitted change. ");
    result.message
            = committedText + trained + was + QStringLiteral("; ") + flagged + QLatin1Char('.');
    // What did not run as it should is said, never passed over.
    if (!output->outOfSampleProblem.isEmpty())
        result.message += QLatin1Char(' ') + output->outOfSampleProblem + QLatin1Char('.');
    for (const QString &problem : built.selection.problems)
        result.message += QLatin1Char(' ')
                          + QCoreApplication::translate("Boucle::LoopTurn", "Not scored: %1.")
                                    .arg(problem);
    report(QCoreApplication::translate("Boucle::LoopTurn", "Loop turn done"), 1.0);
    return result;
}

QList<LoopTurn::Point> LoopTurn::history(const ProjectStore &store)
{
    QList<Point> points;
    for (const auto &model : store.models()) {
        if (!model.metrics.contains(QStringLiteral("accuracy")))
            continue;
        bool whole = false;
        const int number = model.version.toInt(&whole);
        // A version that is no whole number (or repeats one) takes the next loop number.
        const int previous = points.isEmpty() ? 0 : points.constLast().loop;
        points.append({model.key(), whole && number > previous ? number : previous + 1,
                       model.trainedOnVersion,
                       model.metrics.value(QStringLiteral("trained_on")).toInt(),
                       model.metrics.value(QStringLiteral("accuracy")).toDouble()});
    }
    return points;
}

} // namespace Boucle
