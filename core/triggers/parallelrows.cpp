#include "parallelrows.h"

#include <QThreadPool>
#include <QtConcurrent>

#include <algorithm>

namespace Boucle::Triggers {

void parallelRows(qsizetype rows, const std::function<void(qsizetype, qsizetype)> &work)
{
    constexpr qsizetype minimumPerTask = 1 << 15;
    const int threads = std::max(1, QThreadPool::globalInstance()->maxThreadCount());
    const qsizetype tasks = std::min<qsizetype>(threads, rows / minimumPerTask);
    if (tasks <= 1) {
        work(0, rows);
        return;
    }
    QList<std::pair<qsizetype, qsizetype>> ranges;
    for (qsizetype t = 0; t < tasks; ++t)
        ranges.append({rows * t / tasks, rows * (t + 1) / tasks});
    QtConcurrent::blockingMap(ranges, [&work](const std::pair<qsizetype, qsizetype> &range) {
        work(range.first, range.second);
    });
}

} // namespace Boucle::Triggers
