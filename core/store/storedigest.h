// Canonical digests of audited rows: a row's digest is recorded in the audit chain when the row is
// written, and recomputed by verify(). Fields are length-prefixed so no two rows share a digest by
// shifting text between fields. Any thread.
#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>
#include <QVariant>

namespace Boucle {

class StoreDigest
{
public:
    explicit StoreDigest(const char *kind);

    StoreDigest &add(const QString &text);
    StoreDigest &add(qint64 number);
    // Null and empty are different values.
    StoreDigest &add(const QVariant &value);

    // Lower-case hex SHA-256.
    QByteArray hex() const;
    // The 32 bytes of the SHA-256.
    QByteArray bytes() const;

private:
    QCryptographicHash m_hash {QCryptographicHash::Sha256};
};

} // namespace Boucle
