// PostgresRowCopy: rows for one table gathered in PostgreSQL's COPY text format and sent with
// `COPY table (columns) FROM STDIN` on the libpq connection underneath Qt's QPSQL driver: the
// way a server takes many rows fastest (one round trip per send instead of one per row). Used by
// PredictionBulkWriter on server projects, as it uses the SQLite C API on project files.
// A value type per table; same thread as the connection, which must be idle (no Qt query
// running) when send() runs.
#pragma once

#include "storeerror.h"

#include <QByteArray>
#include <QString>

struct pg_conn;

namespace Boucle {

class PostgresRowCopy
{
public:
    // `table` and `columns` are SQL as written into the COPY statement (no user input).
    PostgresRowCopy(const char *table, const char *columns);

    // The fields of one row, in the columns' order, then endRow().
    void addNull();
    void addInteger(qint64 value);
    // 0 is written as NULL (an id that is not there).
    void addId(qint64 id);
    void addDouble(double value);
    // Text; empty is NULL.
    void addText(const QByteArray &utf8);
    void addText(const QString &text);
    // Text, never NULL.
    void addTextAlways(const QByteArray &utf8);
    // Bytes into a bytea column; empty is NULL.
    void addBytes(const QByteArray &bytes);
    void endRow();

    qsizetype rowCount() const { return m_rows; }
    qsizetype byteCount() const { return m_buffer.size(); }

    // Sends the gathered rows and empties the buffer (its capacity kept). An error names `what`
    // and the server's message; the server's transaction is then aborted, so the caller rolls
    // back.
    StoreError send(pg_conn *connection, const QString &what);

private:
    void separate();

    QByteArray m_statement;
    QByteArray m_buffer;
    qsizetype m_rows = 0;
    bool m_rowStarted = false;
};

} // namespace Boucle
