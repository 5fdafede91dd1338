// sqliteConnectionOf: the SQLite connection under a Qt one (the handle Qt's QSQLITE driver
// exposes), for the store's classes that step statements through the C API; null on a server's
// connection or a closed one.
#pragma once

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

struct sqlite3;

namespace Boucle {

inline sqlite3 *sqliteConnectionOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

} // namespace Boucle
