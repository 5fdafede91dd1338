#include "passwordhash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace Boucle::PasswordHash {

QByteArray randomSalt()
{
    QByteArray salt(saltSize, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), saltSize) != 1)
        return {};
    return salt;
}

QByteArray derive(const QString &password, const QByteArray &salt, int iterations)
{
    if (salt.isEmpty() || iterations < 1)
        return {};
    const QByteArray secret = password.toUtf8();
    QByteArray key(hashSize, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(secret.constData(), int(secret.size()),
                          reinterpret_cast<const unsigned char *>(salt.constData()),
                          int(salt.size()), iterations, EVP_sha256(), hashSize,
                          reinterpret_cast<unsigned char *>(key.data()))
        != 1)
        return {};
    return key;
}

bool matches(const QString &password, const QByteArray &salt, int iterations,
             const QByteArray &expected)
{
    const QByteArray key = derive(password, salt, iterations);
    return !key.isEmpty() && key.size() == expected.size()
           && CRYPTO_memcmp(key.constData(), expected.constData(), size_t(key.size())) == 0;
}

} // namespace Boucle::PasswordHash
