// ReviewPace: how fast this reviewer decides in this sitting, and how long the rest of the batch
// would take at that pace. It says nothing until a few decisions were made: one quick decision
// is not a pace ("399,999 decisions/hour" after one key press helps nobody). Widget-free; the
// clock is injectable so the arithmetic is tested without waiting.
#pragma once

#include <QElapsedTimer>

#include <functional>
#include <optional>

namespace Boucle {

struct PaceEstimate
{
    double decisionsPerHour = 0.0;
    int minutesLeft = 0; // for the items still pending, at this pace
};

class ReviewPace
{
public:
    static constexpr int minimumDecisions = 5;

    // `elapsedMs` reads milliseconds since an arbitrary start; a steady clock by default.
    explicit ReviewPace(std::function<qint64()> elapsedMs = {});

    // `count` decisions were stored (a bulk decision counts each item).
    void recordDecisions(int count = 1);
    // An undo takes a decision back; a redo gives it again.
    void recordUndo();
    void recordRedo();
    void reset();

    int decisions() const { return m_decisions; }
    // Nothing until minimumDecisions decisions were made in this sitting.
    std::optional<PaceEstimate> estimate(int itemsLeft) const;

private:
    qint64 now() const;

    std::function<qint64()> m_elapsedMs;
    QElapsedTimer m_clock;
    qint64 m_start = -1;
    int m_decisions = 0;
};

} // namespace Boucle
