// Sha256: SHA-256 through OpenSSL's libcrypto, which uses the CPU's SHA extensions where there
// are any (several times QCryptographicHash's portable code here). The digests are the same
// bytes, so seals made with either verify with the other. Sealing a million imported rows is
// one digest per row: that is where the speed counts. One object per thread.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace Boucle {

class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void reset();
    void addData(QByteArrayView bytes);
    static constexpr int size = 32;

    // The 32-byte digest of everything added since the last reset; the object is then reset.
    QByteArray result();
    // The same into `digest` (size bytes), without allocating.
    void resultInto(char *digest);

    static QByteArray hash(QByteArrayView bytes);

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace Boucle
