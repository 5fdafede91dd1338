// ReviewHistoryReader: reads a project's review history into a ReviewHistory (records), and on
// later calls only the rows written since: reviews, batch items and their reasons, predictions
// and corrections are append-only; the small tables (classes, models, batches, versions) and
// the open double-review rounds are read afresh. Reading only: filtering and the audit's numbers
// are core/metrics' business (ReviewAudit).
//
// Threads: the thread of the ProjectStore it reads.
#pragma once

#include "records/reviewhistory.h"
#include "storeerror.h"

namespace Boucle {

class ProjectStore;

class ReviewHistoryReader
{
public:
    explicit ReviewHistoryReader(ProjectStore &store);

    // Adds the rows written since `history` was last read (everything the first time).
    StoreError refresh(ReviewHistory &history);

private:
    StoreError readSmallTables(ReviewHistory &history);
    StoreError readItems(ReviewHistory &history);
    StoreError readReasons(ReviewHistory &history);
    StoreError readPredictionLabels(ReviewHistory &history);
    StoreError readDecisions(ReviewHistory &history);
    StoreError readCorrections(ReviewHistory &history);
    StoreError readOpenRounds(ReviewHistory &history);

    ProjectStore &m_store;
};

} // namespace Boucle
