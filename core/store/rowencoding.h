// RowEncoding: a row's sealed values as a seal digests them, each with its SQLite storage class
// (so a number stored as text, or a blob read as text, never digests like the original):
// 'N' for NULL, 'i' and 'd' with the 8 little-endian bytes of an integer or of a double's bits,
// 't' and 'b' with an 8-byte length and the bytes. AuditedRows encodes the rows it reads back;
// WrittenRows encodes the values a bulk writer binds, which must read back the same.
#pragma once

#include <QByteArrayView>
#include <QtEndian>

#include <cstring>
#include <string>

namespace Boucle {

class RowEncoding
{
public:
    void clear()
    {
        m_bytes.clear();
        m_columns = 0;
    }
    void addNull()
    {
        m_bytes.push_back('N');
        ++m_columns;
    }
    // A column added to the table after rows were first sealed, left NULL: not digested, so
    // that rows sealed before the column existed keep their digest.
    void addLateNull() { ++m_columns; }
    void addInteger(qint64 value)
    {
        addNumber('i', value);
        ++m_columns;
    }
    void addReal(double value)
    {
        qint64 bits = 0;
        std::memcpy(&bits, &value, sizeof bits);
        addNumber('d', bits);
        ++m_columns;
    }
    void addText(QByteArrayView utf8) { addBytes('t', utf8); }
    void addBlob(QByteArrayView bytes) { addBytes('b', bytes); }

    QByteArrayView bytes() const
    {
        return QByteArrayView(m_bytes.data(), qsizetype(m_bytes.size()));
    }
    int columns() const { return m_columns; }

private:
    void addNumber(char tag, qint64 value)
    {
        const auto little = qToLittleEndian(value);
        m_bytes.push_back(tag);
        m_bytes.append(reinterpret_cast<const char *>(&little), sizeof little);
    }
    void addBytes(char tag, QByteArrayView bytes)
    {
        addNumber(tag, bytes.size());
        m_bytes.append(bytes.data(), size_t(bytes.size()));
        ++m_columns;
    }

    std::string m_bytes;
    int m_columns = 0;
};

} // namespace Boucle
