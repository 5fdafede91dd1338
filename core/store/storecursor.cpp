#include "storecursor.h"

#include "storedialect.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <sqlite3.h>

namespace Boucle {

StoreCursor::StoreCursor(const QSqlDatabase &db, const char *sql)
{
    if (StoreDialect::isServer(db)) {
        m_project = db.databaseName();
        m_query = std::make_unique<QSqlQuery>(db);
        StoreDialect::readForward(*m_query);
        if (!m_query->prepare(StoreDialect::numberedParameters(QString::fromUtf8(sql),
                                                               StoreDialect::Backend::Postgres))) {
            m_failed = true;
            m_message = m_query->lastError().text();
        }
        return;
    }
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

StoreCursor::StoreCursor(const QSqlDatabase &db, const QString &sql)
    : StoreCursor(db, sql.toUtf8().constData())
{ }

StoreCursor::~StoreCursor()
{
    sqlite3_finalize(m_statement);
}

void StoreCursor::bind(int index, qint64 value)
{
    if (m_query)
        m_query->bindValue(index - 1, value);
    else if (m_statement)
        sqlite3_bind_int64(m_statement, index, value);
}

bool StoreCursor::next()
{
    if (m_failed)
        return false;
    if (m_query) {
        if (!m_executed) {
            m_executed = true;
            if (!m_query->exec()) {
                m_failed = true;
                m_message = m_query->lastError().text();
                return false;
            }
        }
        m_utf8.assign(size_t(m_query->record().count()), QByteArray());
        return m_query->next();
    }
    if (!m_statement)
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

StoreError StoreCursor::error(const QString &what) const
{
    QString project = m_project;
    if (m_db)
        project = QString::fromUtf8(sqlite3_db_filename(m_db, "main"));
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
                                          .arg(what, m_message, project));
}

bool StoreCursor::isNull(int column) const
{
    if (m_query)
        return m_query->isNull(column);
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 StoreCursor::int64(int column) const
{
    if (m_query)
        return m_query->value(column).toLongLong();
    return sqlite3_column_int64(m_statement, column);
}

QByteArrayView StoreCursor::utf8(int column) const
{
    if (m_query) {
        QByteArray &bytes = m_utf8.at(size_t(column));
        if (bytes.isNull() && !m_query->isNull(column))
            bytes = m_query->value(column).toString().toUtf8();
        return bytes;
    }
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QByteArrayView(data, data ? sqlite3_column_bytes(m_statement, column) : 0);
}

QString StoreCursor::text(int column) const
{
    if (m_query)
        return m_query->value(column).toString();
    return QString::fromUtf8(utf8(column));
}

bool StoreCursor::variantText(int column, QString *text) const
{
    if (m_query) {
        const QVariant value = m_query->value(column);
        if (value.isNull())
            return false;
        *text = value.toString();
        return true;
    }
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
