// StoreCursor: one read statement over thousands to millions of rows (labels as of a version,
// diffs, a commit's working changes, a version's hash). On a project file it runs through the
// SQLite C API under Qt's connection: Qt's QSqlQuery builds a record and a QVariant per value,
// these reads convert only what they use. On a server project it runs through a forward-only
// QSqlQuery, with SQLite's numbered parameters (?1) written as PostgreSQL's ($1). Prepared per
// call, finalized by the destructor. Same thread as the connection.
#pragma once

#include "storeerror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <vector>

class QSqlQuery;
struct sqlite3;
struct sqlite3_stmt;

namespace Boucle {

class StoreCursor
{
public:
    // Prepares `sql`; a failure (no such table, ...) is kept and returned by error().
    StoreCursor(const QSqlDatabase &db, const char *sql);
    StoreCursor(const QSqlDatabase &db, const QString &sql);
    ~StoreCursor();
    StoreCursor(const StoreCursor &) = delete;
    StoreCursor &operator=(const StoreCursor &) = delete;

    void bind(int index, qint64 value); // index from 1, as in SQL
    // Steps to the next row: false at the end or on an error (then failed() is true).
    bool next();
    bool failed() const { return m_failed; }
    // What went wrong, in the store's words: "`what`: the database's message (the project)".
    StoreError error(const QString &what) const;

    bool isNull(int column) const;
    qint64 int64(int column) const;
    QByteArrayView utf8(int column) const;
    QString text(int column) const;
    // The value as StoreDigest::add(QVariant) digests it: null, or QVariant::toString() text.
    bool variantText(int column, QString *text) const;

private:
    // SQLite
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    // PostgreSQL
    std::unique_ptr<QSqlQuery> m_query;
    bool m_executed = false;
    QString m_project;
    mutable std::vector<QByteArray> m_utf8; // a row's text, converted on demand

    bool m_failed = false;
    int m_code = 0;
    QString m_message;
};

} // namespace Boucle
