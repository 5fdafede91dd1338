// ItemLease: one review pass of one batch item, held by one open window of a reviewer until it
// expires, so that two people (or two windows) never show and decide the same item. Kept by
// ProjectStore (projectstore_leases.cpp, schema 10). A plain value; any thread.
#pragma once

#include "records/projectrecords.h"

#include <QDateTime>
#include <QString>

namespace Boucle {

// The answer of an item a lease is for: the first (or only) answer, the second, independent
// answer of a double review, or the adjudicator's decision.
enum class LeasePass { First = 1, Second = 2, Adjudication = 3 };

struct ItemLease
{
    BatchItemId itemId = 0;
    LeasePass pass = LeasePass::First;
    QString holder;  // the reviewer's name
    QString session; // the window (process) that holds it
    QDateTime acquiredAt;
    QDateTime expiresAt;

    bool isLiveAt(const QDateTime &time) const { return expiresAt > time; }
};

} // namespace Boucle
