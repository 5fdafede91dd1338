// The sqlite3 statement behind a query the store prepared on a project file, so that a hot write
// path can bind and step it through the C API, with no QVariant per value and no second
// preparation. On a server project there is none and the path goes through Qt.
//
// A statement used directly is reset before it is handed back (Qt resets it again before its
// own next use). Any step that fails is reset too, and the caller runs the same work through Qt,
// whose error carries the store's words (locked, read-only, disk full, ...).
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>

class QSqlQuery;
struct sqlite3_stmt;

namespace Boucle {

class DirectStatement
{
public:
    explicit DirectStatement(const QSqlQuery &query);
    ~DirectStatement();
    DirectStatement(const DirectStatement &) = delete;
    DirectStatement &operator=(const DirectStatement &) = delete;

    // False on a server project (or a query that was not prepared): use Qt.
    bool isValid() const { return m_statement != nullptr; }

    // Parameters count from 1, as in SQL. Text is bound without a copy: keep it alive until the
    // statement is reset.
    void bindNull(int index);
    void bind(int index, std::int64_t value);
    void bindText(int index, QByteArrayView utf8);

    // One step: true with a row to read; false when the statement is done (failed() tells an
    // error from the end).
    bool step();
    bool failed() const { return m_failed; }

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    QByteArrayView utf8(int column) const;

    // Resets the statement and clears its bindings, ready for Qt or the next use.
    void reset();

private:
    sqlite3_stmt *m_statement = nullptr;
    bool m_failed = false;
};

} // namespace Boucle
