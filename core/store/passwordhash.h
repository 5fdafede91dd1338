// PasswordHash: a signer's password kept as PBKDF2-HMAC-SHA256 (OpenSSL's libcrypto) with a random
// salt and a stored iteration count, so that a copy of the project gives no password back without
// a slow search per guess, and the count can grow in later versions without breaking older rows.
// Any thread.
#pragma once

#include <QByteArray>
#include <QString>

namespace Boucle::PasswordHash {

// OWASP's 2023 figure for PBKDF2-HMAC-SHA256.
constexpr int defaultIterations = 600000;
constexpr int saltSize = 16;
constexpr int hashSize = 32;

// saltSize random bytes from OpenSSL's generator; empty if it failed.
QByteArray randomSalt();
// The hashSize-byte key derived from the password (UTF-8); empty if OpenSSL failed.
QByteArray derive(const QString &password, const QByteArray &salt, int iterations);
// Whether `password` derives `expected`, compared in constant time.
bool matches(const QString &password, const QByteArray &salt, int iterations,
             const QByteArray &expected);

} // namespace Boucle::PasswordHash
