#include "directstatement.h"

#include <QSqlQuery>
#include <QSqlResult>
#include <QVariant>

#include <sqlite3.h>

namespace Boucle {

DirectStatement::DirectStatement(const QSqlQuery &query)
{
    // Qt's SQLite driver hands out its statement as an opaque "sqlite3_stmt*"; any other driver
    // (PostgreSQL) gives something else, and the caller stays on Qt's path.
    const QSqlResult *result = query.result();
    const QVariant handle = result ? result->handle() : QVariant();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3_stmt*") == 0)
        m_statement = *static_cast<sqlite3_stmt *const *>(handle.constData());
    if (m_statement)
        sqlite3_reset(m_statement);
}

DirectStatement::~DirectStatement()
{
    reset();
}

void DirectStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
}

void DirectStatement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void DirectStatement::bindText(int index, QByteArrayView utf8)
{
    // A null view would bind NULL; an empty text stays an empty text.
    sqlite3_bind_text(m_statement, index, utf8.data() ? utf8.data() : "", int(utf8.size()),
                      SQLITE_STATIC);
}

bool DirectStatement::step()
{
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    if (code != SQLITE_DONE)
        m_failed = true;
    return false;
}

bool DirectStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

std::int64_t DirectStatement::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QByteArrayView DirectStatement::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QByteArrayView(data, data ? sqlite3_column_bytes(m_statement, column) : 0);
}

void DirectStatement::reset()
{
    if (!m_statement)
        return;
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

} // namespace Boucle
