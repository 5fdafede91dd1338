#include "storedigest.h"

namespace Boucle {

StoreDigest::StoreDigest(const char *kind)
{
    add(QString::fromLatin1(kind));
}

StoreDigest &StoreDigest::add(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    m_hash.addData(QByteArray::number(bytes.size()));
    m_hash.addData(QByteArrayView(":"));
    m_hash.addData(bytes);
    return *this;
}

StoreDigest &StoreDigest::add(qint64 number)
{
    return add(QString::number(number));
}

StoreDigest &StoreDigest::add(const QVariant &value)
{
    if (value.isNull()) {
        m_hash.addData(QByteArrayView("N;"));
        return *this;
    }
    return add(value.toString());
}

QByteArray StoreDigest::hex() const
{
    return m_hash.result().toHex();
}

QByteArray StoreDigest::bytes() const
{
    return m_hash.result();
}

} // namespace Boucle
