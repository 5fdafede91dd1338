#include "triggerscores.h"

#include <numeric>

namespace Boucle {

qsizetype TriggerScores::firedCount() const
{
    return std::accumulate(fired.cbegin(), fired.cend(), qsizetype(0));
}

} // namespace Boucle
