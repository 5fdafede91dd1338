// Control samples: drawn uniformly at random (seeded, so a batch can be rebuilt) from every
// eligible row, whatever the triggers say, so that each batch also yields an unbiased estimate
// of the model's error rate. Any thread.
#pragma once

#include <QtGlobal>

#include <vector>

namespace Boucle::Triggers {

// `count` distinct entries of `eligible` (all of them when there are fewer), in draw order.
std::vector<qsizetype> drawControl(const std::vector<qsizetype> &eligible, qsizetype count,
                                   quint64 seed);

} // namespace Boucle::Triggers
