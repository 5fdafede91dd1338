// Electronic signatures of a batch (schema 13, 21 CFR Part 11 §11.50, §11.70, §11.200): who may
// sign (a signer: an id, a printed name and, in a project file, a salted slow hash of the
// password) and what was signed (a signature: the batch, the signer's printed name, the meaning,
// the time and the SHA-256 of the batch's standing decisions). Plain values; any thread.
#pragma once

#include "records/ids.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Boucle {

// The schema version that adds signers and signatures.
constexpr int signatureSchemaVersion = 13;

// What a signature says of the batch: the signer reviewed it, approved it, or takes
// responsibility for it.
enum class SignatureMeaning { Reviewed, Approved, Responsible };

// reviewed, approved, responsible: the words stored and typed on the command line.
QString signatureMeaningName(SignatureMeaning meaning);
std::optional<SignatureMeaning> signatureMeaningFromName(const QString &name);

struct SignerRecord
{
    QString id;          // the user id typed at signing; on a server, the database user
    QString printedName; // recorded in every signature
    QDateTime enrolledAt;
    int iterations = 0; // PBKDF2 iterations; 0 on a server (the server checks the password)
};

struct SignatureRecord
{
    qint64 id = 0;
    BatchId batchId = 0;
    ReviewId reviewId = 0; // an adjudication signed on its own; 0 for a whole batch
    QString signerId;
    QString printedName;
    SignatureMeaning meaning = SignatureMeaning::Reviewed;
    QDateTime signedAt;     // UTC
    QByteArray contentHash; // lower-case hex SHA-256 of the batch's standing decisions
};

} // namespace Boucle
