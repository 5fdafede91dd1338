#include "sha256.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstdlib>

namespace Boucle {

namespace {

// Fetched once: an implicit fetch per digest costs a lookup in OpenSSL's provider tables.
// No configuration file is read: SHA-256 needs only the default provider, and reading the
// system's openssl.cnf leaves an error-state block on whichever thread fetched first (a pool
// thread, freed only as that thread ends, which races with the process's exit).
const EVP_MD *sha256Method()
{
    static EVP_MD *const method = [] {
        OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, nullptr);
        return EVP_MD_fetch(nullptr, "SHA256", nullptr);
    }();
    return method;
}

} // namespace

struct Sha256::Context
{
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(context); }
};

Sha256::Sha256()
    : m_context(std::make_unique<Context>())
{
    reset();
}

Sha256::~Sha256() = default;

void Sha256::reset()
{
    // Only fails when out of memory or when libcrypto has no SHA-256 at all: nothing to
    // recover from, and a wrong digest would be worse than stopping.
    if (!m_context->context || !sha256Method()
        || EVP_DigestInit_ex2(m_context->context, sha256Method(), nullptr) != 1)
        std::abort();
}

void Sha256::addData(QByteArrayView bytes)
{
    if (!bytes.isEmpty())
        EVP_DigestUpdate(m_context->context, bytes.data(), size_t(bytes.size()));
}

QByteArray Sha256::result()
{
    QByteArray digest(size, Qt::Uninitialized);
    resultInto(digest.data());
    return digest;
}

void Sha256::resultInto(char *digest)
{
    unsigned int written = 0;
    EVP_DigestFinal_ex(m_context->context, reinterpret_cast<unsigned char *>(digest), &written);
    reset();
}

QByteArray Sha256::hash(QByteArrayView bytes)
{
    Sha256 sha;
    sha.addData(bytes);
    return sha.result();
}

} // namespace Boucle
