#include "sqlitecursor.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace Boucle {

SqliteCursor::SqliteCursor(const QSqlDatabase &db, const char *sql)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        m_failed = true;
        m_code = SQLITE_MISUSE;
        m_message = QStringLiteral("not an SQLite connection");
        return;
    }
    m_db = *static_cast<sqlite3 *const *>(handle.constData());
    if (!m_db || sqlite3_prepare_v2(m_db, sql, -1, &m_statement, nullptr) != SQLITE_OK) {
        m_failed = true;
        m_code = m_db ? sqlite3_extended_errcode(m_db) : SQLITE_MISUSE;
        m_message = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db))
                         : QStringLiteral("the project is not open");
    }
}

SqliteCursor::SqliteCursor(const QSqlDatabase &db, const QString &sql)
    : SqliteCursor(db, sql.toUtf8().constData())
{ }

SqliteCursor::~SqliteCursor()
{
    sqlite3_finalize(m_statement);
}

void SqliteCursor::bind(int index, qint64 value)
{
    if (m_statement)
        sqlite3_bind_int64(m_statement, index, value);
}

bool SqliteCursor::next()
{
    if (m_failed || !m_statement)
        return false;
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    if (code != SQLITE_DONE) {
        m_failed = true;
        m_code = sqlite3_extended_errcode(m_db);
        m_message = QString::fromUtf8(sqlite3_errmsg(m_db));
    }
    return false;
}

StoreError SqliteCursor::error(const QString &what) const
{
    const QString file = m_db ? QString::fromUtf8(sqlite3_db_filename(m_db, "main")) : QString();
    StoreError::Code kind = StoreError::Code::Failed;
    switch (m_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        kind = StoreError::Code::Locked;
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        kind = StoreError::Code::Corrupt;
        break;
    default:
        break;
    }
    return StoreError::make(kind, QCoreApplication::translate("Boucle::ProjectStore", "%1: %2 (%3)")
                                          .arg(what, m_message, file));
}

bool SqliteCursor::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 SqliteCursor::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QByteArrayView SqliteCursor::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QByteArrayView(data, data ? sqlite3_column_bytes(m_statement, column) : 0);
}

QString SqliteCursor::text(int column) const
{
    return QString::fromUtf8(utf8(column));
}

bool SqliteCursor::variantText(int column, QString *text) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_NULL:
        return false;
    case SQLITE_INTEGER:
        *text = QString::number(sqlite3_column_int64(m_statement, column));
        return true;
    case SQLITE_FLOAT:
        *text = QVariant(sqlite3_column_double(m_statement, column)).toString();
        return true;
    default:
        *text = this->text(column);
        return true;
    }
}

} // namespace Boucle
