#include "storedialect.h"

#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlQuery>

#include <limits>

namespace Boucle::StoreDialect {

Backend backendOf(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL") ? Backend::Postgres : Backend::Sqlite;
}

QStringList beginWrite(Backend backend)
{
    if (backend == Backend::Sqlite)
        return {QStringLiteral("BEGIN IMMEDIATE")};
    // One lock per project (its schema, the first of the search path), released at COMMIT or
    // ROLLBACK. lock_timeout (set per connection) bounds the wait as SQLite's busy timeout does.
    return {QStringLiteral("BEGIN"),
            QStringLiteral("SELECT pg_advisory_xact_lock(('x' || substr(md5('boucle:' ||"
                           " current_schema()), 1, 16))::bit(64)::bigint)")};
}

QString beginSnapshot(Backend backend)
{
    return backend == Backend::Sqlite
                   ? QStringLiteral("BEGIN")
                   : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

qint64 limit(int limit)
{
    return limit < 0 ? std::numeric_limits<qint64>::max() : limit;
}

QString numberedParameters(const QString &sql, Backend backend)
{
    if (backend == Backend::Sqlite)
        return sql;
    static const QRegularExpression numbered(QStringLiteral("\\?(\\d+)"));
    QString written = sql;
    written.replace(numbered, QStringLiteral("$\\1"));
    return written;
}

void readForward(QSqlQuery &query)
{
    if (!query.driver() || query.driver()->dbmsType() != QSqlDriver::PostgreSQL)
        query.setForwardOnly(true);
}

qint64 returnedId(QSqlQuery &query)
{
    const qint64 id = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return id;
}

} // namespace Boucle::StoreDialect
