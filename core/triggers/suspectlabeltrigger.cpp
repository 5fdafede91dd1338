#include "suspectlabeltrigger.h"

#include "confidentlearning.h"
#include "flagreasontext.h"
#include "triggernames.h"

#include <QCoreApplication>

#include <memory>

namespace Boucle::Triggers {

TriggerScores suspectLabels(const PredictionTable &table, double threshold,
                            ConfidentLearning::Selection selection)
{
    TriggerScores scores;
    scores.trigger = TriggerNames::suspectLabel;
    scores.score.assign(size_t(table.rows), 0.0f);
    scores.fired.assign(size_t(table.rows), 0);
    const int classCount = table.classCount();
    if (table.givenLabel.size() != size_t(table.rows) || classCount < 2
        || table.probs.size() != size_t(table.rows) * size_t(classCount))
        return scores;

    // A row without probabilities takes no part: its zeros would say nothing of its label.
    std::vector<int> labels(size_t(table.rows), -1);
    for (size_t row = 0; row < labels.size(); ++row) {
        const qint32 given = table.givenLabel[row];
        if (table.hasProbs[row] && given >= 0 && given < classCount)
            labels[row] = given;
    }
    auto result = std::make_shared<const ConfidentLearningResult>(
            ConfidentLearning::find(table.probs, classCount, labels,
                                    ConfidentLearning::Ranking::NormalisedMargin, selection));
    if (!result->ok()) {
        scores.problem = QCoreApplication::translate("Boucle::Triggers",
                                                     "confident learning could not run: %1")
                                 .arg(result->error);
        return scores;
    }
    // Where each fired row's evidence lies in the result, for its reason.
    auto suspectOf = std::make_shared<QHash<qsizetype, qsizetype>>();
    for (qsizetype i = 0; i < qsizetype(result->suspects.size()); ++i) {
        const LabelSuspect &suspect = result->suspects[size_t(i)];
        const double score = 1.0 - suspect.rankScore;
        if (score < threshold)
            continue;
        scores.score[size_t(suspect.row)] = float(score);
        scores.fired[size_t(suspect.row)] = 1;
        suspectOf->insert(suspect.row, i);
    }
    const QStringList classes = table.classes;
    const int version = table.givenLabelVersion;
    scores.reasons = [result, suspectOf, classes, version](qsizetype row) {
        const auto found = suspectOf->constFind(row);
        if (found == suspectOf->constEnd())
            return QList<QJsonObject>();
        const LabelSuspect &suspect = result->suspects[size_t(*found)];
        return QList<QJsonObject> {ReasonDetails::suspectLabel(
                classes.value(suspect.givenClass), classes.value(suspect.suspectedClass), version,
                suspect.suspectedProbability, suspect.givenProbability, suspect.givenThreshold)};
    };
    return scores;
}

} // namespace Boucle::Triggers
