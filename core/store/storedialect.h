// StoreDialect: the one place where the SQL of the two back ends differs. A project file is
// SQLite (the embedded default); a server project is a schema on PostgreSQL 15 (QPSQL). Most of
// the store's SQL runs unchanged on both (RETURNING, IS [NOT] DISTINCT FROM, ON CONFLICT, text
// times in UTC, integers for booleans); what cannot is spelled here:
//  - a write transaction: SQLite's BEGIN IMMEDIATE takes the file's write lock at once; on the
//    server, BEGIN and a transaction-scoped advisory lock on the project, so writers of one
//    project queue exactly as they do on a file (the audit chain and the range seals need a
//    single writer at a time);
//  - a consistent read (verify): REPEATABLE READ on the server, any transaction on SQLite;
//  - "no limit": SQLite takes LIMIT -1, PostgreSQL refuses a negative LIMIT;
//  - numbered parameters (?1) in the cursor's reads, $1 on the server.
//  - forward-only reads, which the server's driver cannot nest (readForward).
// The schema itself is translated in postgresschema.h. Any thread (pure functions).
#pragma once

#include <QSqlDatabase>
#include <QStringList>

class QSqlQuery;

namespace Boucle::StoreDialect {

enum class Backend { Sqlite, Postgres };

Backend backendOf(const QSqlDatabase &db);
inline bool isServer(const QSqlDatabase &db)
{
    return backendOf(db) == Backend::Postgres;
}

// The statements that open a write transaction, run in order.
QStringList beginWrite(Backend backend);
// The statement that opens a read transaction whose reads all see one snapshot.
QString beginSnapshot(Backend backend);

// A LIMIT value for `limit`, where a negative limit means none.
qint64 limit(int limit);

// `sql` with SQLite's numbered parameters (?1, ?2, ...) written as PostgreSQL's ($1, $2, ...).
QString numberedParameters(const QString &sql, Backend backend);

// Makes `query` forward-only on SQLite (no copy of the rows it passed). Not on the server: Qt's
// PostgreSQL driver reads a forward-only query row by row from the socket, and the next statement
// on the connection throws away the rows not yet read, while the store often reads one query
// inside the loop of another; there the whole result is fetched at once.
void readForward(QSqlQuery &query);

// The id an `INSERT ... RETURNING id` gave back (0 when it inserted nothing, e.g. ON CONFLICT DO
// NOTHING); the statement is finished, so that SQLite can commit the transaction.
qint64 returnedId(QSqlQuery &query);

} // namespace Boucle::StoreDialect
