#include "postgresrowcopy.h"

#include <QCoreApplication>

#include <libpq-fe.h>

#include <charconv>
#include <cmath>

namespace Boucle {

PostgresRowCopy::PostgresRowCopy(const char *table, const char *columns)
    : m_statement(QByteArray("COPY ") + table + " (" + columns + ") FROM STDIN")
{ }

void PostgresRowCopy::separate()
{
    if (m_rowStarted)
        m_buffer.append('\t');
    m_rowStarted = true;
}

void PostgresRowCopy::addNull()
{
    separate();
    m_buffer.append("\\N", 2);
}

void PostgresRowCopy::addInteger(qint64 value)
{
    separate();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    m_buffer.append(digits, end - digits);
}

void PostgresRowCopy::addId(qint64 id)
{
    if (id == 0)
        addNull();
    else
        addInteger(id);
}

void PostgresRowCopy::addDouble(double value)
{
    separate();
    // The shortest text that reads back as the same double; the server spells the special
    // values out.
    if (std::isnan(value)) {
        m_buffer.append("NaN");
    } else if (std::isinf(value)) {
        m_buffer.append(value > 0 ? "Infinity" : "-Infinity");
    } else {
        char digits[32];
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        m_buffer.append(digits, end - digits);
    }
}

void PostgresRowCopy::addTextAlways(const QByteArray &utf8)
{
    separate();
    // COPY's text format: a backslash, a tab, a newline and a carriage return are escaped.
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        const char *escaped = c == '\\'   ? "\\\\"
                              : c == '\t' ? "\\t"
                              : c == '\n' ? "\\n"
                              : c == '\r' ? "\\r"
                                          : nullptr;
        if (!escaped)
            continue;
        m_buffer.append(utf8.constData() + plainFrom, i - plainFrom);
        m_buffer.append(escaped, 2);
        plainFrom = i + 1;
    }
    m_buffer.append(utf8.constData() + plainFrom, utf8.size() - plainFrom);
}

void PostgresRowCopy::addText(const QByteArray &utf8)
{
    if (utf8.isEmpty())
        addNull();
    else
        addTextAlways(utf8);
}

void PostgresRowCopy::addText(const QString &text)
{
    if (text.isEmpty())
        addNull();
    else
        addTextAlways(text.toUtf8());
}

void PostgresRowCopy::addBytes(const QByteArray &bytes)
{
    if (bytes.isEmpty()) {
        addNull();
        return;
    }
    separate();
    // bytea's hex form, its backslash escaped for COPY: \\x0a1b...
    static constexpr char hex[] = "0123456789abcdef";
    const qsizetype at = m_buffer.size();
    m_buffer.resize(at + 3 + 2 * bytes.size());
    char *into = m_buffer.data() + at;
    *into++ = '\\';
    *into++ = '\\';
    *into++ = 'x';
    for (const char byte : bytes) {
        const auto value = uchar(byte);
        *into++ = hex[value >> 4];
        *into++ = hex[value & 0x0f];
    }
}

void PostgresRowCopy::endRow()
{
    m_buffer.append('\n');
    m_rowStarted = false;
    ++m_rows;
}

StoreError PostgresRowCopy::send(pg_conn *connection, const QString &what)
{
    if (m_rows == 0)
        return {};
    auto failure = [&](const QString &message) {
        m_buffer.resize(0);
        m_rows = 0;
        return StoreError::make(StoreError::Code::Failed,
                                QCoreApplication::translate("Boucle::PostgresRowCopy", "%1: %2")
                                        .arg(what, message.trimmed()));
    };
    PGresult *started = PQexec(connection, m_statement.constData());
    const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
    const QString startError = QString::fromUtf8(PQresultErrorMessage(started));
    PQclear(started);
    if (!copying)
        return failure(startError.isEmpty() ? QString::fromUtf8(PQerrorMessage(connection))
                                            : startError);
    // Sent in pieces of at most 1 MiB: PQputCopyData takes an int length.
    constexpr qsizetype piece = 1 << 20;
    bool sent = true;
    for (qsizetype at = 0; sent && at < m_buffer.size(); at += piece) {
        const int length = int(std::min(piece, m_buffer.size() - at));
        sent = PQputCopyData(connection, m_buffer.constData() + at, length) == 1;
    }
    const bool ended = PQputCopyEnd(connection, sent ? nullptr : "the rows could not be sent") == 1;
    QString message;
    while (PGresult *result = PQgetResult(connection)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && message.isEmpty())
            message = QString::fromUtf8(PQresultErrorMessage(result));
        PQclear(result);
    }
    if (!sent || !ended || !message.isEmpty())
        return failure(message.isEmpty() ? QString::fromUtf8(PQerrorMessage(connection)) : message);
    m_buffer.resize(0);
    m_rows = 0;
    return {};
}

} // namespace Boucle
