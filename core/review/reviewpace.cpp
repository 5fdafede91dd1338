#include "reviewpace.h"

#include <algorithm>
#include <cmath>

namespace Boucle {

ReviewPace::ReviewPace(std::function<qint64()> elapsedMs)
    : m_elapsedMs(std::move(elapsedMs))
{
    m_clock.start();
}

qint64 ReviewPace::now() const
{
    return m_elapsedMs ? m_elapsedMs() : m_clock.elapsed();
}

void ReviewPace::recordDecisions(int count)
{
    if (count <= 0)
        return;
    // The sitting starts at the first decision: the time spent opening the project and reading
    // the first sample is not a decision's.
    if (m_start < 0)
        m_start = now();
    m_decisions += count;
}

void ReviewPace::recordUndo()
{
    m_decisions = std::max(0, m_decisions - 1);
}

void ReviewPace::recordRedo()
{
    if (m_start >= 0)
        ++m_decisions;
}

void ReviewPace::reset()
{
    m_start = -1;
    m_decisions = 0;
}

std::optional<PaceEstimate> ReviewPace::estimate(int itemsLeft) const
{
    if (m_start < 0 || m_decisions < minimumDecisions)
        return std::nullopt;
    // The first decision opened the sitting, so n decisions span n − 1 intervals; a second is
    // the least time credited, however fast the keys were pressed.
    const double elapsedMs = std::max<double>(1000.0, double(now() - m_start));
    PaceEstimate estimate;
    estimate.decisionsPerHour = double(m_decisions - 1) * 3600000.0 / elapsedMs;
    if (estimate.decisionsPerHour > 0.0)
        estimate.minutesLeft
                = int(std::lround(std::max(0, itemsLeft) / estimate.decisionsPerHour * 60.0));
    return estimate;
}

} // namespace Boucle
