// LearningProgress: how long-running learning work (simulation, demo material, retraining)
// reports where it is: a sentence and the fraction done in [0, 1]. It may be called from worker
// threads, one call at a time.
#pragma once

#include <QString>

#include <functional>

namespace Boucle {

using LearningProgress = std::function<void(const QString &message, double fraction)>;

} // namespace Boucle
