// TriggerScores: what one trigger found over a PredictionTable: per row, whether it fired and how
// strongly (0..1), and on demand the sentences that explain it to a person. Sentences are made
// only for the rows that end up in a batch, never for the whole table.
// Made and read on one thread; `reasons` reads the table it was computed from, which must outlive
// it.
#pragma once

#include <QStringList>

#include <functional>
#include <vector>

namespace Boucle {

struct TriggerScores
{
    QString trigger; // stored name: "low_confidence", "margin", "entropy", "committee", ...
    std::vector<float> score; // per row, 0..1; 0 where it did not fire
    std::vector<quint8> fired;
    // The sentences for one fired row (usually one; one per upstream flag).
    std::function<QStringList(qsizetype row)> reasons;

    qsizetype firedCount() const;
};

} // namespace Boucle
