#include "loopprogress.h"

#include <QHash>
#include <QVector>

#include <algorithm>

namespace Boucle {

LoopProgress LoopProgress::compute(const QStringList &classNames,
                                   const QList<ModelVersionInfo> &models,
                                   const QList<ModelOutcome> &outcomes,
                                   const QList<VersionActivity> &versions)
{
    LoopProgress result;
    result.versions = versions;
    std::sort(result.versions.begin(), result.versions.end(),
              [](const VersionActivity &a, const VersionActivity &b) {
                  return a.version < b.version;
              });

    const int classCount = int(classNames.size());
    struct Tally
    {
        qint64 total = 0;
        qint64 correct = 0;
        QVector<qint64> classTotal;
        QVector<qint64> classCorrect;
    };
    QHash<QString, Tally> tallies;
    for (const auto &model : models)
        tallies[model.key]
                = Tally {0, 0, QVector<qint64>(classCount, 0), QVector<qint64>(classCount, 0)};
    for (const auto &outcome : outcomes) {
        auto it = tallies.find(outcome.model);
        if (it == tallies.end() || outcome.count <= 0)
            continue;
        it->total += outcome.count;
        if (outcome.correct)
            it->correct += outcome.count;
        if (outcome.reviewed >= 0 && outcome.reviewed < classCount) {
            it->classTotal[outcome.reviewed] += outcome.count;
            if (outcome.correct)
                it->classCorrect[outcome.reviewed] += outcome.count;
        }
    }

    std::optional<double> previousAccuracy;
    int previousVersion = 0;
    for (const auto &model : models) {
        const auto &tally = tallies[model.key];
        result.sharedSamples = std::max(result.sharedSamples, tally.total);
        ModelAccuracy row;
        row.model = model.key;
        row.trainedOnVersion = model.trainedOnVersion;
        row.accuracy = RateEstimate::wilson(tally.correct, tally.total);
        for (int c = 0; c < classCount; ++c)
            row.perClass.append(
                    RateEstimate::wilson(tally.classCorrect.at(c), tally.classTotal.at(c)));

        LoopStep step;
        step.model = model.key;
        step.trainedOnVersion = model.trainedOnVersion;
        for (const auto &version : std::as_const(result.versions)) {
            if (version.version > previousVersion && version.version <= model.trainedOnVersion)
                step.reviewsSpent += version.reviews;
        }
        if (!row.accuracy.isEmpty()) {
            step.accuracy = row.accuracy.rate;
            if (previousAccuracy) {
                row.gain = row.accuracy.rate - *previousAccuracy;
                step.gained = row.gain;
                if (step.reviewsSpent > 0)
                    step.gainPerThousandReviews
                            = *row.gain * 100.0 * 1000.0 / double(step.reviewsSpent);
            }
            previousAccuracy = row.accuracy.rate;
        }
        previousVersion = std::max(previousVersion, model.trainedOnVersion);
        result.models.append(row);
        result.steps.append(step);
    }
    return result;
}

} // namespace Boucle
