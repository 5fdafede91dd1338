#include "suspectlabelsearch.h"

#include "learning/crossvalidatedprobabilities.h"
#include "learning/samplefile.h"
#include "policy/batchbuilder.h"
#include "records/predictiontable.h"
#include "store/predictiontablequery.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QHash>

namespace Boucle {

namespace {

StoreError failure(const QString &message)
{
    return StoreError::make(StoreError::Code::InvalidArgument, message);
}

} // namespace

StoreResult<SuspectLabelSearch::Result> SuspectLabelSearch::run(ProjectStore &store,
                                                                const Options &options,
                                                                const LearningProgress &progress)
{
    StoreResult<Result> outcome;
    Result &result = outcome.value;
    result.version = options.version > 0 ? options.version : store.headVersion();
    if (result.version <= 0) {
        outcome.error = failure(tr("the project has no dataset version yet: commit labels first "
                                   "(boucle commit)"));
        return outcome;
    }
    if (result.version > store.headVersion()) {
        outcome.error = failure(tr("there is no version %1 (the newest is %2)")
                                        .arg(result.version)
                                        .arg(store.headVersion()));
        return outcome;
    }
    const auto report = [&progress](const QString &message, double fraction) {
        if (progress)
            progress(message, fraction);
    };

    std::vector<float> probabilities;
    std::vector<int> labels;
    std::vector<SampleId> sampleIds;
    QStringList paths;
    if (options.folds > 0) {
        if (options.folds < 2) {
            outcome.error = failure(tr("cross-validation needs at least 2 folds"));
            return outcome;
        }
        const QString dataset = store.setting(QStringLiteral("dataset"));
        const bool images = dataset == QLatin1String("digits");
        if (!images && dataset != QLatin1String("letters")) {
            outcome.error = failure(
                    tr("cross-validation learns from the samples, which Boucle can do for the "
                       "projects of boucle demo (digits, letters); for this project, leave out "
                       "--folds to use the model's stored probabilities, which must be "
                       "out-of-sample"));
            return outcome;
        }
        LabelledSamples samples;
        samples.name = dataset;
        samples.classes = store.classNames(true);
        QString error;
        report(tr("Reading the samples of version %1").arg(result.version), 0.0);
        if (auto readError = store.forEachLabelAt(result.version, [&](const LabelledSample &one) {
                const int index = int(samples.classes.indexOf(one.label));
                if (one.label.isEmpty() || index < 0)
                    return true;
                const QString path = store.absoluteSamplePath(one.samplePath);
                if (images) {
                    const auto image = SampleFile::readImage(path, &error);
                    if (!image)
                        return false;
                    samples.images.push_back(*image);
                } else {
                    const auto row = SampleFile::readFeatureRow(path, &error);
                    if (!row)
                        return false;
                    samples.raw.push_back(*row);
                }
                samples.labels.push_back(index);
                sampleIds.push_back(one.sampleId);
                paths.append(one.samplePath);
                return true;
            })) {
            outcome.error = readError;
            return outcome;
        }
        if (!error.isEmpty()) {
            outcome.error = failure(error);
            return outcome;
        }
        CrossValidatedProbabilities::Options cv;
        cv.folds = options.folds;
        cv.seed = options.seed;
        const auto computed = CrossValidatedProbabilities::compute(
                samples, cv, &error, [&report](const QString &message, double fraction) {
                    report(message, 0.05 + 0.9 * fraction);
                });
        if (!computed) {
            outcome.error = failure(error);
            return outcome;
        }
        const cv::Mat &p = computed->probabilities;
        probabilities.assign(p.ptr<float>(0), p.ptr<float>(0) + size_t(p.rows) * size_t(p.cols));
        labels = samples.labels;
        result.classes = samples.classes;
        result.source = tr("%1-fold cross-validation of the committee").arg(options.folds);
    } else {
        PredictionTable table;
        PredictionTableQuery query(store);
        PredictionTableQuery::Columns columns;
        columns.committee = columns.committeeProbs = columns.embedding = columns.time = false;
        columns.reports = columns.upstreamFlags = false;
        query.setColumns(columns);
        // A label is doubted whether or not its file is at hand.
        query.setIncludeMissing(true);
        report(tr("Reading the predictions"), 0.0);
        if ((outcome.error = query.load(table, options.model)))
            return outcome;
        if ((outcome.error = BatchBuilder::loadGivenLabels(store, table, result.version)))
            return outcome;
        result.classes = table.classes;
        const int classCount = table.classCount();
        for (qsizetype row = 0; row < table.rows; ++row) {
            const qint32 given = table.givenLabel[size_t(row)];
            if (!table.hasProbs[size_t(row)] || given < 0)
                continue;
            probabilities.insert(probabilities.end(), table.probsOf(row),
                                 table.probsOf(row) + classCount);
            labels.push_back(given);
            sampleIds.push_back(table.sampleId[size_t(row)]);
            paths.append(QString());
        }
        result.source = options.model.isEmpty()
                                ? tr("the stored probabilities of each sample's newest prediction")
                                : tr("the stored probabilities of %1").arg(options.model);
    }
    result.rowsWithProbabilities = qsizetype(labels.size());
    if (labels.empty()) {
        outcome.error = failure(
                tr("no sample labelled in version %1 has class probabilities: nothing to check")
                        .arg(result.version));
        return outcome;
    }
    report(tr("Confident learning over %1 labels").arg(labels.size()), 0.96);
    result.learning = ConfidentLearning::find(probabilities, int(result.classes.size()), labels,
                                              ConfidentLearning::Ranking::NormalisedMargin,
                                              options.selection);
    if (!result.learning.ok()) {
        outcome.error = failure(result.learning.error);
        return outcome;
    }
    for (const LabelSuspect &found : result.learning.suspects) {
        Suspect suspect;
        suspect.sampleId = sampleIds[size_t(found.row)];
        suspect.samplePath = paths.at(found.row);
        if (suspect.samplePath.isEmpty()) {
            if (const auto sample = store.sample(suspect.sampleId))
                suspect.samplePath = sample->path;
        }
        suspect.given = result.classes.value(found.givenClass);
        suspect.suspected = result.classes.value(found.suspectedClass);
        suspect.suspectedProbability = found.suspectedProbability;
        suspect.givenProbability = found.givenProbability;
        suspect.givenThreshold = found.givenThreshold;
        suspect.score = 1.0 - found.rankScore;
        result.suspects.append(suspect);
    }
    report(tr("%n suspect label(s)", nullptr, int(result.suspects.size())), 1.0);
    return outcome;
}

} // namespace Boucle
