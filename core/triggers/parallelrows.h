// parallelRows: splits [0, rows) into a few contiguous ranges and runs `work(begin, end)` on the
// global thread pool, for loops over PredictionTable columns that each write their own rows.
// Small tables run inline. Any thread (the caller waits).
#pragma once

#include <QtGlobal>

#include <functional>

namespace Boucle::Triggers {

void parallelRows(qsizetype rows, const std::function<void(qsizetype, qsizetype)> &work);

} // namespace Boucle::Triggers
