// The SQL of leases (projectstore_leases.cpp), one place for both back ends: every statement runs
// unchanged on SQLite 3.40 and PostgreSQL 15 (ON CONFLICT ... DO UPDATE ... WHERE, no SQLite-only
// function), and tst_postgresschema runs each on a real server. Each comment gives the values to
// bind, in order. Any thread.
#pragma once

#include <QString>

namespace Boucle::LeaseStatements {

// Takes the lease of (item, pass) for a session: inserts it, or overwrites the row when it is the
// same session's or expired. One row affected: taken; none: another session holds it live.
// The acquired time stays the first one while the same session keeps it.
// Binds: item, pass, holder, session, now (ms), expiry (ms).
QString take();

// Up to `limit` items of a batch after a position, in review order, that wait for an answer the
// reviewer may give (the first of an undecided item, or the second of an item whose first answer
// is someone else's) and that no other session holds live: id, pass, position.
// Binds: batch, after position, status "pending", session, now (ms) (the undecided items); then
// stage "second", batch, after position, reviewer, session, now (ms) (the second answers).
QString nextCandidates(int limit);

// Whether an item still waits for the given pass from the reviewer: pass 1, undecided; pass 2,
// waiting for a second answer that is not the reviewer's own. Read after taking its lease.
// Binds: item, pass, status "pending", pass, stage "second", reviewer.
QString stillWaits();

// PostgreSQL only: the lock of one item of the project (its schema), held to the end of the
// transaction. A decision holds it while it checks the item's lease and writes; taking the next
// item tries it without waiting and moves on when someone is deciding that item. Binds: the
// item's lock key (as text; items may share one).
QString lockItem();
QString tryLockItem();

// Whether the reviewer gave a standing answer in the item's open round.
// Binds: item, reviewer.
QString ownAnswerInRound();

// The lease rows of an item (all passes; with one pass: binds item, pass).
// Columns: item, pass, holder, session, acquired (ms), expires (ms). Binds: item.
QString itemLeases();
QString itemLease();

// Extends one lease of a session. Binds: expiry (ms), item, pass, session.
QString renew();
// Ends a session's live leases on an item. Binds: now (ms), item, session, now (ms).
QString releaseItem();
// Ends every live lease of a session. Binds: now (ms), session, now (ms).
QString releaseSession();

// Moves a live lease from one session to another (a lead's steal).
// Binds: holder, session, now (ms), expiry (ms), item, pass, previous session.
QString steal();
// Records a steal. Binds: item, pass, lead, previous holder, previous session, previous acquired
// (ms), reason, now (ms).
QString recordSteal();
// A steal as recorded (the audit digest reads these columns, in this order); binds: id.
// stealRows(): every steal, no binds.
QString stealRow();
QString stealRows();

// Whether the reviewer already gave a standing answer in the round that waits for its second
// answer, before the review being recorded. Binds: item, stage "second", review id, reviewer.
QString secondAnswerBySameReviewer();

} // namespace Boucle::LeaseStatements
