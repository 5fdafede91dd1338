// The digest of one sealed row: SHA-256 of its table's name (UTF-8) and then its RowEncoding
// bytes, the id column first. The one spelling of the rule that a seal's rows (AuditedRows), the
// rows a bulk writer digests as it writes them (WrittenRows) and the check of those against what
// reads back all follow; docs/verify.md states it for users.
#pragma once

#include "rowencoding.h"
#include "sha256.h"

namespace Boucle {

// `encodedRow` holds every sealed column, the id first. `hash` is left reset; `digest` receives
// Sha256::size bytes.
inline void rowDigestInto(Sha256 &hash, QByteArrayView table, QByteArrayView encodedRow,
                          char *digest)
{
    hash.addData(table);
    hash.addData(encodedRow);
    hash.resultInto(digest);
}

// The same for a row encoded without its id (a writer binds no id: SQLite assigns it).
inline void rowDigestInto(Sha256 &hash, QByteArrayView table, qint64 id,
                          QByteArrayView encodedAfterId, char *digest)
{
    RowEncoding idColumn;
    idColumn.addInteger(id);
    hash.addData(table);
    hash.addData(idColumn.bytes());
    hash.addData(encodedAfterId);
    hash.resultInto(digest);
}

} // namespace Boucle
