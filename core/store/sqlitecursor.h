// SqliteCursor: one statement run through the SQLite C API under Qt's connection, for the reads
// of the versioned store that go over thousands to millions of rows (labels as of a version,
// diffs, a commit's working changes, a version's hash). Qt's QSqlQuery builds a record and a
// QVariant per value; these reads convert only what they use. Prepared per call, finalized by
// the destructor. Same thread as the connection.
#pragma once

#include "storeerror.h"

#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace Boucle {

class SqliteCursor
{
public:
    // Prepares `sql`; a failure (no such table, ...) is kept and returned by error().
    SqliteCursor(const QSqlDatabase &db, const char *sql);
    SqliteCursor(const QSqlDatabase &db, const QString &sql);
    ~SqliteCursor();
    SqliteCursor(const SqliteCursor &) = delete;
    SqliteCursor &operator=(const SqliteCursor &) = delete;

    void bind(int index, qint64 value); // index from 1, as in SQL
    // Steps to the next row: false at the end or on an error (then failed() is true).
    bool next();
    bool failed() const { return m_failed; }
    // What went wrong, in the store's words: "`what`: SQLite's message (the file)".
    StoreError error(const QString &what) const;

    bool isNull(int column) const;
    qint64 int64(int column) const;
    QByteArrayView utf8(int column) const;
    QString text(int column) const;
    // The value as StoreDigest::add(QVariant) digests it: null, or QVariant::toString() text.
    bool variantText(int column, QString *text) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    bool m_failed = false;
    int m_code = 0;
    QString m_message;
};

} // namespace Boucle
