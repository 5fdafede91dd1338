#include "logimporter.h"

#include "chunkpathindex.h"
#include "datarootfile.h"
#include "importpipeline.h"
#include "predictionlogreader.h"
#include "progress/progresssink.h"
#include "samplefileprobe.h"
#include "store/predictionbulkwriter.h"
#include "store/projectfileidentity.h"
#include "store/projectstore.h"
#include "store/storetransaction.h"
#include "triggers/reporttriggers.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>

namespace Boucle {

QString ImportReport::summary() const
{
    const QString file = QDir::toNativeSeparators(logPath);
    switch (outcome) {
    case Outcome::Failed:
        return QCoreApplication::translate("Boucle::LogImporter",
                                           "Nothing was imported from %1: %2")
                .arg(file, error);
    case Outcome::Cancelled:
        return QCoreApplication::translate("Boucle::LogImporter",
                                           "The import of %1 was cancelled; nothing was stored.")
                .arg(file);
    case Outcome::InvalidLines:
        if (!skippable)
            return QCoreApplication::translate("Boucle::LogImporter",
                                               "Nothing was imported from %1: it has %n "
                                               "problem(s).",
                                               nullptr, int(invalidLines))
                    .arg(file);
        return QCoreApplication::translate("Boucle::LogImporter",
                                           "Nothing was imported from %1: %n line(s) are invalid "
                                           "(use --skip-invalid to "
                                           "store the others).",
                                           nullptr, int(invalidLines))
                .arg(file);
    case Outcome::Imported:
        break;
    }
    QStringList parts;
    parts.append(QCoreApplication::translate("Boucle::LogImporter", "%n prediction(s) added",
                                             nullptr, int(predictionsAdded)));
    if (predictionsKnown > 0)
        parts.append(QCoreApplication::translate("Boucle::LogImporter", "%n already present",
                                                 nullptr, int(predictionsKnown)));
    parts.append(QCoreApplication::translate("Boucle::LogImporter", "%n new sample(s)", nullptr,
                                             int(samplesAdded)));
    if (samplesMissing > 0)
        parts.append(QCoreApplication::translate("Boucle::LogImporter", "%n sample file(s) missing",
                                                 nullptr, int(samplesMissing)));
    if (modelsAdded > 0)
        parts.append(QCoreApplication::translate("Boucle::LogImporter", "%n new model(s)", nullptr,
                                                 int(modelsAdded)));
    // A wide taxonomy is summed up, not listed: 100k names made a megabyte-long line.
    constexpr qsizetype listedClasses = 20;
    if (classesAdded.size() > listedClasses)
        parts.append(QCoreApplication::translate("Boucle::LogImporter",
                                                 "new classes: %1 and %n more", nullptr,
                                                 int(classesAdded.size() - listedClasses))
                             .arg(classesAdded.first(listedClasses).join(QStringLiteral(", "))));
    else if (!classesAdded.isEmpty())
        parts.append(QCoreApplication::translate("Boucle::LogImporter", "new classes: %1")
                             .arg(classesAdded.join(QStringLiteral(", "))));
    if (invalidLines > 0)
        parts.append(QCoreApplication::translate(
                "Boucle::LogImporter", "%n invalid line(s) skipped", nullptr, int(invalidLines)));
    if (batchId != 0)
        parts.append(QCoreApplication::translate("Boucle::LogImporter", "batch of %n item(s)",
                                                 nullptr, batchItems));
    return QCoreApplication::translate("Boucle::LogImporter", "Imported %1: %2.")
            .arg(file, parts.join(QStringLiteral("; ")));
}

QString ImportReport::problemList() const
{
    QString text;
    for (const auto &problem : problems)
        text += problem.toString() + QLatin1Char('\n');
    if (invalidLines > problems.size())
        text += QCoreApplication::translate("Boucle::LogImporter",
                                            "... and %n more invalid line(s)", nullptr,
                                            int(invalidLines - problems.size()))
                + QLatin1Char('\n');
    return text;
}

LogImporter::LogImporter(ProjectStore &store)
    : m_store(store)
{ }

ImportReport LogImporter::import(const QString &logPath, ProgressSink *progress)
{
    PredictionLogReader::Options readerOptions;
    if (m_store.isOpen()) {
        readerOptions.dataRoot = m_store.dataRoot();
        readerOptions.projectClasses = m_store.classNames(true);
    }
    PredictionLogReader reader(readerOptions);
    return import(reader, logPath, progress);
}

ImportReport LogImporter::import(PredictionSource &reader, const QString &logPath,
                                 ProgressSink *progress)
{
    ImportReport report;
    report.logPath = logPath;
    auto failed = [&report](const QString &message) {
        report.outcome = ImportReport::Outcome::Failed;
        report.error = message;
        return report;
    };
    if (!m_store.isOpen())
        return failed(QCoreApplication::translate("Boucle::LogImporter", "no project is open"));
    // Reading the project's own file would drop this process's SQLite locks when it is closed.
    if (isProjectDatabaseFile(m_store.path(), logPath))
        return failed(QCoreApplication::translate("Boucle::LogImporter",
                                                  "%1 is the project file itself, not a "
                                                  "prediction log; nothing was imported")
                              .arg(logPath));
    if (!m_options.batchName.isEmpty() && m_store.batchByName(m_options.batchName))
        return failed(QCoreApplication::translate("Boucle::LogImporter",
                                                  "a batch named '%1' already exists")
                              .arg(m_options.batchName));

    const auto projectClassCount = m_store.classNames(true).size();
    report.skippable = reader.allowsSkipping();
    if (!reader.open(logPath))
        return failed(reader.problem().toString());

    StoreTransaction transaction(m_store);
    if (transaction.beginError())
        return failed(transaction.beginError().message);
    auto ensureNewClasses = [&](const QStringList &classes) -> StoreError {
        const auto known = projectClassCount + report.classesAdded.size();
        if (classes.size() <= known)
            return {};
        const QStringList added = classes.mid(known);
        if (auto error = m_store.ensureClasses(added))
            return error;
        report.classesAdded += added;
        return {};
    };
    if (auto error = ensureNewClasses(reader.classes()))
        return failed(error.message);

    // The reader runs ahead on a thread of its own (or inline when options().pipelined is off),
    // handing over chunks of lines through a bounded queue; the new sample files of each chunk
    // are probed on the thread pool, and this thread writes the rows. In a project that had no
    // samples, a path no earlier line named is new: its probe starts as soon as its chunk is
    // read, and no query asks whether the project has it.
    const DataRootFile dataRoot(m_store.dataRoot(), m_store.path());
    const bool freshProject = m_store.sampleCount() == 0;
    ImportPipeline pipeline(reader, m_options.pipelined, freshProject ? &dataRoot : nullptr);

    PredictionBulkWriter writer(m_store);
    QHash<QString, ModelId> models;
    BatchRecord batch;
    QList<BatchItemRecord> items;
    const QString what = QCoreApplication::translate("Boucle::LogImporter", "Importing %1")
                                 .arg(QFileInfo(logPath).fileName());
    bool writing = true; // false once a bad line makes an all-or-nothing import fail
    const bool skipping = m_options.skipInvalid && reader.allowsSkipping();
    // The distinct sample paths of the current chunk, numbered; for each, a stored id or
    // -(1 + index) in the chunk's probes, and for each line the number of its path (-1: none).
    ChunkPathIndex chunkPaths;
    std::vector<qint64> pathSlots;
    std::vector<int> linePaths;
    // Most logs name one model on every line: the last one found is asked first.
    QString lastModelKey;
    ModelId lastModelId = 0;
    std::vector<ImportPipeline::Probe> probes; // the new sample files of the current chunk
    if (progress) {
        progress->progress(0, reader.fileSize(), what);
        if (progress->isCancelled()) {
            transaction.rollback();
            report.outcome = ImportReport::Outcome::Cancelled;
            return report;
        }
    }
    for (;;) {
        ImportPipeline::Chunk *chunk = pipeline.next();
        if (!chunk->classes.isEmpty())
            if (auto error = ensureNewClasses(chunk->classes))
                return failed(error.message);

        // The sample files this chunk names for the first time, probed in parallel.
        chunkPaths.clear();
        pathSlots.clear();
        linePaths.assign(size_t(chunk->count), -1);
        probes.clear();
        // Probed ahead by the pipeline, or here.
        std::vector<ImportPipeline::Probe> &chunkProbes = freshProject ? chunk->probes : probes;
        if (writing) {
            for (qsizetype i = 0; i < chunk->count; ++i) {
                const auto &item = chunk->items[size_t(i)];
                if (item.result != PredictionSource::Result::Entry)
                    continue;
                bool added = false;
                linePaths[size_t(i)]
                        = chunkPaths.findOrAdd(item.pathHash, item.entry.samplePath, &added);
                if (!added)
                    continue;
                qint64 slot = 0;
                if (item.probe >= 0) {
                    slot = -qint64(item.probe + 1); // first named here: new to the project
                } else if (const auto known = writer.findSample(item.entry.samplePath)) {
                    slot = known->id;
                } else if (!freshProject) {
                    probes.push_back({&item.entry.samplePath, {}, {}, false});
                    slot = -qint64(probes.size());
                } // else: named before but refused each time: probed when it is stored
                pathSlots.push_back(slot);
            }
            if (!freshProject)
                ImportPipeline::probeAll(dataRoot, probes);
        }

        for (qsizetype i = 0; i < chunk->count; ++i) {
            auto &item = chunk->items[size_t(i)];
            LogEntry &entry = item.entry;
            ++report.lines;
            // A line the reader accepted can still name a file the file rule refuses.
            auto invalid = [&](const LogProblem &problem) {
                ++report.invalidLines;
                if (report.problems.size() < m_options.listedProblems)
                    report.problems.append(problem);
                if (!skipping)
                    writing = false;
            };
            auto refused = [&](const QString &field, const QString &reason) {
                invalid(LogProblem {QDir::toNativeSeparators(logPath), entry.line, field, reason});
            };
            if (item.result == PredictionSource::Result::Invalid) {
                invalid(item.problem);
                continue;
            }
            if (!writing) {
                // Nothing more is stored, but every refused file is still listed: a stat, no
                // hash.
                const auto sample = dataRoot.check(entry.samplePath);
                if (sample.status == DataRootFile::Status::Refused)
                    refused(QStringLiteral("sample"), sample.reason);
                else if (!entry.prediction.heatmapPath.isEmpty()) {
                    const auto heatmap = dataRoot.check(entry.prediction.heatmapPath);
                    if (heatmap.status == DataRootFile::Status::Refused)
                        refused(QStringLiteral("heatmap"), heatmap.reason);
                }
                continue;
            }
            if (!entry.prediction.heatmapPath.isEmpty()) {
                const auto heatmap = dataRoot.check(entry.prediction.heatmapPath);
                if (heatmap.status == DataRootFile::Status::Refused) {
                    refused(QStringLiteral("heatmap"), heatmap.reason);
                    continue;
                }
            }

            const QString &modelKey = entry.modelKey;
            if (lastModelId == 0 || modelKey != lastModelKey) {
                auto model = models.constFind(modelKey);
                if (model == models.cend()) {
                    ModelRecord record;
                    record.name = entry.modelName;
                    record.version = entry.modelVersion;
                    const bool existed
                            = m_store.modelByKey(record.name, record.version).has_value();
                    if (auto error = m_store.addModel(record))
                        return failed(error.message);
                    report.modelsAdded += existed ? 0 : 1;
                    model = models.insert(modelKey, record.id);
                }
                lastModelKey = modelKey;
                lastModelId = model.value();
            }

            // Known, or probed above: a path whose lines were all refused so far keeps its
            // probe for the next line that names it.
            const int pathNumber = linePaths[size_t(i)];
            const qint64 slot = pathNumber >= 0 ? pathSlots[size_t(pathNumber)] : 0;
            SampleId sampleId = slot > 0 ? slot : 0;
            if (sampleId == 0) {
                SampleRecord sample;
                QString refusal;
                bool accepted = false;
                if (slot < 0) {
                    // Taken when accepted: the path's slot then holds its sample id, and the
                    // probe is not read again.
                    auto &probe = chunkProbes[size_t(-slot - 1)];
                    accepted = probe.accepted;
                    if (accepted)
                        sample = std::move(probe.sample);
                    else
                        refusal = probe.refusal;
                } else {
                    accepted = SampleFileProbe::inspect(dataRoot, entry.samplePath, sample,
                                                        &refusal);
                }
                sample.path = entry.samplePath;
                if (!accepted) {
                    refused(QStringLiteral("sample"), refusal);
                    continue;
                }
                if (auto error = writer.addSample(sample, &item.encoded))
                    return failed(error.message);
                sampleId = sample.id;
                if (pathNumber >= 0)
                    pathSlots[size_t(pathNumber)] = sampleId;
                ++report.samplesAdded;
                report.samplesMissing += sample.missing ? 1 : 0;
            }

            PredictionRecord &prediction = entry.prediction;
            prediction.sampleId = sampleId;
            prediction.modelId = lastModelId;
            bool added = false;
            if (auto error = writer.addPrediction(prediction, &added, &item.encoded))
                return failed(error.message);
            (added ? report.predictionsAdded : report.predictionsKnown)++;

            if (!m_options.batchName.isEmpty()) {
                BatchItemRecord batchItem;
                batchItem.sampleId = sampleId;
                batchItem.predictionId = prediction.id;
                if (!prediction.report.isEmpty())
                    batchItem.reasons.append(
                            {QStringLiteral("report"), 1.0,
                             QCoreApplication::translate("Boucle::Triggers", "user report: %1")
                                     .arg(prediction.report)});
                for (const auto &flag : std::as_const(prediction.upstreamFlags))
                    batchItem.reasons.append(
                            {QStringLiteral("upstream"), 1.0, Triggers::upstreamReason(flag)});
                items.append(batchItem);
            }
        }
        // On a server, the chunk's rows go in one COPY per table; what comes next may read them.
        if (writing)
            if (auto error = writer.flush())
                return failed(error.message);
        const auto end = chunk->end;
        const bool sourceFailed = chunk->failed;
        const LogProblem failure = chunk->failure;
        const qint64 bytes = chunk->bytesRead;
        pipeline.recycle(chunk);
        if (sourceFailed)
            return failed(failure.toString());
        if (progress) {
            progress->progress(bytes, reader.fileSize(), what);
            if (!end && progress->isCancelled()) {
                transaction.rollback();
                report.outcome = ImportReport::Outcome::Cancelled;
                return report;
            }
        }
        if (end)
            break;
    }

    if (!writing) {
        transaction.rollback();
        report.outcome = ImportReport::Outcome::InvalidLines;
        report.predictionsAdded = report.predictionsKnown = 0;
        report.samplesAdded = report.samplesMissing = report.modelsAdded = 0;
        report.classesAdded.clear();
        return report;
    }
    if (!m_options.batchName.isEmpty()) {
        if (items.isEmpty())
            return failed(QCoreApplication::translate(
                                  "Boucle::LogImporter",
                                  "the log holds no valid line to make the batch '%1' of")
                                  .arg(m_options.batchName));
        batch.name = m_options.batchName;
        batch.createdBy = m_options.createdBy;
        batch.source = QStringLiteral("upstream");
        batch.policy = QJsonObject {{QStringLiteral("source"), QStringLiteral("log")},
                                    {QStringLiteral("log"), QFileInfo(logPath).fileName()}};
        if (auto error = m_store.addBatch(batch, items))
            return failed(error.message);
        report.batchId = batch.id;
        report.batchItems = int(items.size());
    }
    if (auto error = transaction.commit())
        return failed(error.message);
    report.outcome = ImportReport::Outcome::Imported;
    return report;
}

} // namespace Boucle
