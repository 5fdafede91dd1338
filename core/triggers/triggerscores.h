// TriggerScores: what one trigger found over a PredictionTable: per row, whether it fired and how
// strongly (0..1), and on demand the details that explain it to a person (its numbers and
// parameters, from which flagreasontext.h makes the sentence). Details are made only for the rows
// that end up in a batch, never for the whole table.
// Made and read on one thread; `reasons` reads the table it was computed from, which must outlive
// it.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <vector>

namespace Boucle {

struct TriggerScores
{
    QString trigger; // stored name (triggernames.h): "low_confidence", "committee_vote", ...
    std::vector<float> score; // per row, 0..1; 0 where it did not fire
    std::vector<quint8> fired;
    // The details of each reason of one fired row (usually one; one per upstream flag).
    std::function<QList<QJsonObject>(qsizetype row)> reasons;
    // Why the trigger could not score (it then fired on nothing); empty when it could.
    QString problem;

    qsizetype firedCount() const;
};

} // namespace Boucle
