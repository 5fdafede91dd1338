// The project schema on PostgreSQL: the same numbered migrations as a project file
// (schemamigrations.h), each statement written in PostgreSQL's dialect. One list of migrations
// is the truth for both back ends, so they cannot drift apart; what differs is spelled here:
//  - row ids: `id INTEGER PRIMARY KEY` (SQLite's rowid) is a BIGINT identity; other integer keys
//    (a version's number, a review's role) are plain BIGINT keys, always given by the store;
//  - a table without an integer key (project) gets SQLite's implicit rowid as a column;
//  - INTEGER is BIGINT (every id and count is 64-bit), REAL is DOUBLE PRECISION, BLOB is BYTEA;
//  - the append-only triggers (RAISE(ABORT, ...)) are PL/pgSQL functions that raise the same
//    sentence, with `IS NOT` (SQLite's null-safe comparison) as IS DISTINCT FROM.
// Each project is a schema of its own on the server (its name from the address), so one
// database can hold many projects. Any thread.
#pragma once

#include "storeresult.h"

#include <QStringList>

namespace Boucle::PostgresSchema {

// One statement of a project file's migration, in PostgreSQL's dialect; an error names the
// statement when it holds something this translation does not know (a test runs every
// migration through it, so a new migration that needs more is found at once).
StoreResult<QStringList> translate(const QString &sqliteStatement);

// Every statement of migration `number`, translated, in order.
StoreResult<QStringList> migration(int number);

} // namespace Boucle::PostgresSchema
