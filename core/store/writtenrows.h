// WrittenRows: the rows of one sealed table that a bulk writer inserts, digested from the values
// it binds as it inserts them (on a thread of its own), so that the seal of the transaction
// takes their digests instead of reading every row back: on a million-line import, reading the
// rows back at commit was a fifth of the import's time.
//
// The seal (AuditedRows::sealRows) takes them only where they are sure to be the stored rows:
// - the writer encodes each row with RowEncoding in the seal's column order, the columns after
//   the id, and the count of columns must be the seal's;
// - the ids are consecutive from the first row added (a gap, a repeat or a lower id, as after a
//   rollback, abandons them), and the last one is the table's last row at the seal;
// - rows before the first one added (in the same transaction) are read back;
// - past defaultMaxRows rows (2,097,152: 64 MiB of digests kept for the commit) a table's
//   rows are read back;
// - up to 64 of the rows, spread over the range, are read back and must digest the same;
//   otherwise every row is read back, as without this class. That catches a mistake in the
//   writer's encoding, which shows on every row; a value that SQLite would store differently
//   from how it was bound is the writer's to encode as stored (PredictionBulkWriter binds and
//   encodes each value in one call, -0.0 and NaN included).
// Nothing may update or delete the rows it holds before the seal: that is the case of an
// import, whose transaction only adds them. For a project file (the SQLite C API) only; on the
// thread of the store's connection.
#pragma once

#include "rowencoding.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>
#include <string>

namespace Boucle {

class WrittenRows
{
public:
    // Rows kept at most (64 MiB of digests); past it the table's rows are read back at the
    // seal instead, so memory stays bounded whatever the length of the import.
    static constexpr qint64 defaultMaxRows = qint64(1) << 21;

    // Registers for the transaction open on `db`; does nothing on a server's connection.
    WrittenRows(const QSqlDatabase &db, const QString &table, int schema,
                qint64 maxRows = defaultMaxRows);
    ~WrittenRows();
    WrittenRows(const WrittenRows &) = delete;
    WrittenRows &operator=(const WrittenRows &) = delete;

    // The row just inserted as `id`; `row` holds its sealed columns after the id.
    void add(qint64 id, const RowEncoding &row);

    // What a seal takes: the rows' digests (32 bytes each), from firstId on. Called by the seal
    // of `table` on `connection` (the sqlite3 handle); the rows are then forgotten, and rows
    // added afterwards are read back by their own seal.
    struct Digested
    {
        qint64 firstId = 0;
        std::string digests;
        qint64 count() const { return qint64(digests.size() / 32); }
    };
    static std::optional<Digested> take(const void *connection, const QString &table);

    struct State; // opaque: defined where the rows are digested

private:
    std::shared_ptr<State> m_state;
};

} // namespace Boucle
