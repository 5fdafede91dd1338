// Electronic signatures (schema 13): enrolling signers, signing a batch, refusing a change to a
// signed batch, and what verify() checks of signatures. See docs/signatures.md.
#include "projectstore.h"

#include "passwordhash.h"
#include "recordcodec.h"
#include "storedialect.h"
#include "storedigest.h"
#include "storetransaction.h"

#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Boucle {

namespace {

const QString signersSubject = QStringLiteral("signers");
const QString signaturesSubject = QStringLiteral("signatures");

const QString signatureColumns = QStringLiteral(
        "id, batch_id, review_id, signer_id, printed_name, meaning, signed_at, content_hash");
const QString signerColumns
        = QStringLiteral("rowid, id, printed_name, password_hash, salt, iterations, enrolled_at");

QString blobHex(const QVariant &value)
{
    return value.isNull() ? QString() : QString::fromLatin1(value.toByteArray().toHex());
}

// A signature's audit digest: the batch and the hash of what was signed are in it, so the row
// can be neither moved to another batch nor given other content without verify seeing it.
QByteArray signatureDigest(const QSqlQuery &query)
{
    return StoreDigest("signature")
            .add(query.value(0).toLongLong())
            .add(query.value(1).toLongLong())
            .add(query.value(2))
            .add(query.value(3).toString())
            .add(query.value(4).toString())
            .add(query.value(5).toString())
            .add(query.value(6).toString())
            .add(query.value(7).toString())
            .bytes();
}

QByteArray signerDigest(const QSqlQuery &query)
{
    return StoreDigest("signer")
            .add(query.value(1).toString())
            .add(query.value(2).toString())
            .add(blobHex(query.value(3)))
            .add(blobHex(query.value(4)))
            .add(query.value(5).toLongLong())
            .add(query.value(6).toString())
            .bytes();
}

SignatureRecord signatureFromQuery(const QSqlQuery &query)
{
    SignatureRecord signature;
    signature.id = query.value(0).toLongLong();
    signature.batchId = query.value(1).toLongLong();
    signature.reviewId = query.value(2).toLongLong();
    signature.signerId = query.value(3).toString();
    signature.printedName = query.value(4).toString();
    signature.meaning = signatureMeaningFromName(query.value(5).toString())
                                .value_or(SignatureMeaning::Reviewed);
    signature.signedAt = RecordCodec::timeFromText(query.value(6).toString());
    signature.contentHash = query.value(7).toString().toLatin1();
    return signature;
}

QString identifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

QString signatureMeaningName(SignatureMeaning meaning)
{
    switch (meaning) {
    case SignatureMeaning::Reviewed:
        return QStringLiteral("reviewed");
    case SignatureMeaning::Approved:
        return QStringLiteral("approved");
    case SignatureMeaning::Responsible:
        return QStringLiteral("responsible");
    }
    return {};
}

std::optional<SignatureMeaning> signatureMeaningFromName(const QString &name)
{
    for (const auto meaning :
         {SignatureMeaning::Reviewed, SignatureMeaning::Approved, SignatureMeaning::Responsible}) {
        if (signatureMeaningName(meaning) == name)
            return meaning;
    }
    return std::nullopt;
}

QStringList ProjectStore::serverSignatureStatements(const QString &schema)
{
    const QString s = identifier(schema);
    const QString annotator
            = identifier(ProjectRoles::serverRoleName(schema, ProjectRole::Annotator));
    QStringList statements;
    // Whoever decides may enrol and sign in their own name; the meaning is theirs to choose.
    statements << QStringLiteral("GRANT INSERT ON %1.signers TO %2").arg(s, annotator)
               << QStringLiteral("GRANT INSERT ON %1.signatures TO %2").arg(s, annotator);
    auto ownName = [&](const QString &name, const QString &table, const QString &column) {
        statements
                << QStringLiteral(
                           "CREATE FUNCTION %1.boucle_%2() RETURNS trigger LANGUAGE plpgsql AS "
                           "$body$ BEGIN"
                           " IF NOT %1.boucle_role_exempt() AND NEW.%3 IS DISTINCT FROM "
                           "session_user::text"
                           " THEN RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', "
                           "MESSAGE ="
                           " format('%s writes in the name of %s', session_user, NEW.%3); END IF;"
                           " RETURN NEW; END $body$")
                           .arg(s, name, column)
                << QStringLiteral("CREATE TRIGGER %1 BEFORE INSERT ON %2.%3 FOR EACH ROW"
                                  " EXECUTE FUNCTION %2.boucle_%1()")
                           .arg(name, s, table);
    };
    ownName(QStringLiteral("signers_own_name"), QStringLiteral("signers"), QStringLiteral("id"));
    ownName(QStringLiteral("signatures_own_name"), QStringLiteral("signatures"),
            QStringLiteral("signer_id"));
    return statements;
}

std::optional<SignerRecord> ProjectStore::signer(const QString &id) const
{
    if (schemaVersion() < signatureSchemaVersion)
        return std::nullopt;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id, printed_name, iterations, enrolled_at FROM signers"
                                 " WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    SignerRecord record;
    record.id = query.value(0).toString();
    record.printedName = query.value(1).toString();
    record.iterations = query.value(2).toInt();
    record.enrolledAt = RecordCodec::timeFromText(query.value(3).toString());
    return record;
}

QList<SignerRecord> ProjectStore::signers() const
{
    QList<SignerRecord> list;
    if (schemaVersion() < signatureSchemaVersion)
        return list;
    QSqlQuery query(m_db);
    StoreDialect::readForward(query);
    if (!query.exec(QStringLiteral("SELECT id FROM signers ORDER BY id")))
        return list;
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    for (const auto &id : std::as_const(ids)) {
        if (auto record = signer(id))
            list.append(*record);
    }
    return list;
}

StoreError ProjectStore::serverPasswordRefusal(const QString &id, const QString &password) const
{
    // The server is the judge: a connection of its own, as that user, with that password only.
    const QString name
            = QStringLiteral("boucle-signer-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool accepted = false;
    QString message;
    {
        QSqlDatabase db = QSqlDatabase::cloneDatabase(m_db, name);
        db.setUserName(id);
        db.setPassword(password);
        accepted = db.open();
        if (!accepted)
            message = db.lastError().text().trimmed();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (accepted)
        return {};
    return StoreError::make(StoreError::Code::ReadOnly,
                            tr("The server refused the password of %1 (%2); nothing was written.")
                                    .arg(id, message));
}

StoreError ProjectStore::checkSignerPassword(const QString &id, const QString &password) const
{
    if (password.isEmpty())
        return StoreError::make(
                StoreError::Code::InvalidArgument,
                tr("A signature needs the password of %1; nothing was signed.").arg(id));
    if (m_server) {
        if (m_sessionUser.isEmpty())
            currentRole(); // reads the connection's database user
        if (id != m_sessionUser)
            return StoreError::make(
                    StoreError::Code::ReadOnly,
                    tr("On a server project a signer is the database user of the connection: "
                       "%1 is connected, not %2; nothing was signed.")
                            .arg(m_sessionUser, id));
        return serverPasswordRefusal(id, password);
    }
    QSqlQuery query(m_db);
    query.prepare(
            QStringLiteral("SELECT password_hash, salt, iterations FROM signers WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return queryError(query, tr("Reading the signer %1").arg(id));
    if (!query.next())
        return StoreError::make(StoreError::Code::NotFound,
                                tr("%1 is not enrolled as a signer of this project; nothing was "
                                   "signed (enrol with: boucle signers PROJECT add %1 --name "
                                   "\"Printed Name\").")
                                        .arg(id));
    const QByteArray hash = query.value(0).toByteArray();
    const QByteArray salt = query.value(1).toByteArray();
    const int iterations = query.value(2).toInt();
    query.finish();
    if (!PasswordHash::matches(password, salt, iterations, hash))
        return StoreError::make(StoreError::Code::ReadOnly,
                                tr("The password of %1 is wrong; nothing was signed.").arg(id));
    return {};
}

StoreError ProjectStore::enrolSigner(const QString &id, const QString &printedName,
                                     const QString &password)
{
    const QString signerId = id.trimmed();
    const QString name = printedName.simplified();
    if (signerId.isEmpty() || name.isEmpty())
        return StoreError::make(StoreError::Code::InvalidArgument,
                                tr("A signer needs a user id and a printed name; nobody was "
                                   "enrolled."));
    if (schemaVersion() < signatureSchemaVersion)
        return StoreError::make(StoreError::Code::ReadOnly,
                                tr("%1 is older than schema %2: open it read-write once to "
                                   "upgrade it before enrolling signers.")
                                        .arg(m_path)
                                        .arg(signatureSchemaVersion));
    if (signer(signerId))
        return StoreError::make(
                StoreError::Code::Conflict,
                tr("%1 is already enrolled as a signer; nothing was changed.").arg(signerId));
    QByteArray hash;
    QByteArray salt;
    int iterations = 0;
    if (m_server) {
        // The database user is the signer; the server keeps the password.
        if (m_sessionUser.isEmpty())
            currentRole(); // reads the connection's database user
        if (signerId != m_sessionUser)
            return StoreError::make(
                    StoreError::Code::ReadOnly,
                    tr("On a server project a signer is the database user of the connection: "
                       "%1 is connected, not %2; nobody was enrolled.")
                            .arg(m_sessionUser, signerId));
        if (auto error = serverPasswordRefusal(signerId, password))
            return error;
    } else {
        if (password.size() < 8)
            return StoreError::make(StoreError::Code::InvalidArgument,
                                    tr("A signer's password needs at least 8 characters; nobody "
                                       "was enrolled."));
        salt = PasswordHash::randomSalt();
        iterations = PasswordHash::defaultIterations;
        hash = PasswordHash::derive(password, salt, iterations);
        if (salt.isEmpty() || hash.isEmpty())
            return StoreError::make(StoreError::Code::Failed,
                                    tr("OpenSSL could not derive the password's hash; nobody was "
                                       "enrolled."));
    }
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO signers (id, printed_name, password_hash, salt,"
                                  " iterations, enrolled_at) VALUES (?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(signerId);
    insert.addBindValue(name);
    insert.addBindValue(hash.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : hash);
    insert.addBindValue(salt.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : salt);
    insert.addBindValue(iterations);
    insert.addBindValue(RecordCodec::timeToText(now()));
    if (!insert.exec())
        return queryError(insert, tr("Enrolling the signer %1").arg(signerId));
    QSqlQuery written(m_db);
    written.prepare(QStringLiteral("SELECT %1 FROM signers WHERE id = ?").arg(signerColumns));
    written.addBindValue(signerId);
    if (!written.exec() || !written.next())
        return queryError(written, tr("Enrolling the signer %1").arg(signerId));
    const qint64 row = written.value(0).toLongLong();
    const QByteArray digest = signerDigest(written);
    written.finish();
    if (auto error = appendAuditEntry(signersSubject, row, signerId, digest))
        return error;
    noteChange(Change::Settings);
    return transaction.commit();
}

QByteArray ProjectStore::batchContentHash(BatchId batchId) const
{
    // Every item in review order, with each standing (not undone) review of it in the order
    // given: what a person signing the batch has before them.
    QSqlQuery query(m_db);
    StoreDialect::readForward(query);
    query.prepare(QStringLiteral(
            "SELECT i.id, i.position, i.status, r.id, r.action, c.name, r.reviewer, r.objects,"
            " o.role FROM batch_items i LEFT JOIN reviews r ON r.batch_item_id = i.id"
            " AND r.action <> 'revoke' AND NOT EXISTS (SELECT 1 FROM reviews u"
            " WHERE u.revokes_review_id = r.id)"
            " LEFT JOIN classes c ON c.id = r.label_id"
            " LEFT JOIN review_roles o ON o.review_id = r.id"
            " WHERE i.batch_id = ? ORDER BY i.position, r.id"));
    query.addBindValue(batchId);
    if (!query.exec())
        return {};
    StoreDigest digest("signed batch");
    digest.add(batchId);
    while (query.next()) {
        digest.add(query.value(0).toLongLong())
                .add(query.value(1).toLongLong())
                .add(query.value(2).toString());
        for (int column = 3; column <= 8; ++column)
            digest.add(query.value(column));
    }
    return digest.hex();
}

StoreResult<SignatureRecord> ProjectStore::signBatch(BatchId batchId, SignatureMeaning meaning,
                                                     const QString &signerId,
                                                     const QString &password)
{
    using Result = StoreResult<SignatureRecord>;
    const auto batchRecord = batch(batchId);
    if (!batchRecord)
        return Result::failure(StoreError::make(
                StoreError::Code::NotFound,
                tr("There is no batch %1 in %2; nothing was signed.").arg(batchId).arg(m_path)));
    const auto enrolled = signer(signerId);
    if (!enrolled)
        return Result::failure(StoreError::make(
                StoreError::Code::NotFound,
                tr("%1 is not enrolled as a signer of this project; nothing was signed (enrol "
                   "with: boucle signers PROJECT add %1 --name \"Printed Name\").")
                        .arg(signerId)));
    // The slow check before the write lock is taken, so other writers do not wait for it.
    if (auto error = checkSignerPassword(signerId, password))
        return Result::failure(error);

    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return Result::failure(transaction.beginError());
    QSqlQuery count(m_db);
    count.prepare(QStringLiteral("SELECT count(*) FROM batch_items WHERE batch_id = ?"));
    count.addBindValue(batchId);
    if (!count.exec() || !count.next())
        return Result::failure(queryError(count, tr("Signing batch %1").arg(batchRecord->name)));
    const qint64 itemCount = count.value(0).toLongLong();
    if (itemCount == 0)
        return Result::failure(StoreError::make(
                StoreError::Code::InvalidArgument,
                tr("Batch '%1' has no items: there is nothing to sign.").arg(batchRecord->name)));
    count.finish();
    // Undecided: no answer yet, skipped, escalated, or waiting for a second answer or an
    // adjudication. A signature covers final decisions only.
    QSqlQuery undecided(m_db);
    StoreDialect::readForward(undecided);
    undecided.prepare(QStringLiteral(
            "SELECT i.position FROM batch_items i LEFT JOIN review_stages g"
            " ON g.batch_item_id = i.id WHERE i.batch_id = ? AND (i.status IN ('pending',"
            " 'skipped', 'escalated') OR g.stage IN ('second', 'adjudication'))"
            " ORDER BY i.position"));
    undecided.addBindValue(batchId);
    if (!undecided.exec())
        return Result::failure(
                queryError(undecided, tr("Signing batch %1").arg(batchRecord->name)));
    QList<int> open;
    while (undecided.next())
        open.append(undecided.value(0).toInt() + 1);
    if (!open.isEmpty())
        return Result::failure(StoreError::make(
                StoreError::Code::InvalidArgument,
                tr("Batch '%1' has undecided items (%2 of %3; the first is item %4): a batch is "
                   "signed once every item has a final decision; nothing was signed.")
                        .arg(batchRecord->name)
                        .arg(open.size())
                        .arg(itemCount)
                        .arg(open.constFirst())));
    for (const auto &existing : signatures(batchId)) {
        if (existing.signerId == signerId && existing.meaning == meaning)
            return Result::failure(
                    StoreError::make(StoreError::Code::Conflict,
                                     tr("%1 already signed batch '%2' as %3; nothing was signed.")
                                             .arg(enrolled->printedName, batchRecord->name,
                                                  signatureMeaningName(meaning))));
    }

    SignatureRecord signature;
    signature.batchId = batchId;
    signature.signerId = signerId;
    signature.printedName = enrolled->printedName;
    signature.meaning = meaning;
    signature.signedAt = now().toUTC();
    signature.contentHash = batchContentHash(batchId);
    if (signature.contentHash.isEmpty())
        return Result::failure(StoreError::make(
                StoreError::Code::Failed,
                tr("The decisions of batch '%1' cannot be read; nothing was signed.")
                        .arg(batchRecord->name)));
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO signatures (batch_id, review_id, signer_id,"
                                  " printed_name, meaning, signed_at, content_hash)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    insert.addBindValue(batchId);
    insert.addBindValue(QVariant(QMetaType(QMetaType::LongLong)));
    insert.addBindValue(signerId);
    insert.addBindValue(signature.printedName);
    insert.addBindValue(signatureMeaningName(meaning));
    insert.addBindValue(RecordCodec::timeToText(signature.signedAt));
    insert.addBindValue(QString::fromLatin1(signature.contentHash));
    if (!insert.exec() || !insert.next())
        return Result::failure(queryError(insert, tr("Signing batch %1").arg(batchRecord->name)));
    signature.id = insert.value(0).toLongLong();
    insert.finish();
    // The digest is taken from the row as read back, as verify() reads it.
    QSqlQuery written(m_db);
    written.prepare(QStringLiteral("SELECT %1 FROM signatures WHERE id = ?").arg(signatureColumns));
    written.addBindValue(signature.id);
    if (!written.exec() || !written.next())
        return Result::failure(queryError(written, tr("Signing batch %1").arg(batchRecord->name)));
    const QByteArray digest = signatureDigest(written);
    written.finish();
    if (auto error = appendAuditEntry(signaturesSubject, signature.id, signerId, digest))
        return Result::failure(error);
    noteChange(Change::Batches | Change::Reviews);
    if (auto error = transaction.commit())
        return Result::failure(error);
    return {signature, {}};
}

QList<SignatureRecord> ProjectStore::signatures(BatchId batchId) const
{
    QList<SignatureRecord> list;
    if (schemaVersion() < signatureSchemaVersion)
        return list;
    QSqlQuery query(m_db);
    StoreDialect::readForward(query);
    if (batchId != 0) {
        query.prepare(QStringLiteral("SELECT %1 FROM signatures WHERE batch_id = ? ORDER BY id")
                              .arg(signatureColumns));
        query.addBindValue(batchId);
    } else {
        query.prepare(
                QStringLiteral("SELECT %1 FROM signatures ORDER BY id").arg(signatureColumns));
    }
    if (!query.exec())
        return list;
    while (query.next())
        list.append(signatureFromQuery(query));
    return list;
}

QString ProjectStore::signatureSentence(const SignatureRecord &signature) const
{
    const auto batchRecord = batch(signature.batchId);
    return tr("signature %1: %2 (%3), %4, as %5, on batch '%6'")
            .arg(signature.id)
            .arg(signature.printedName, signature.signerId,
                 signature.signedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")),
                 signatureMeaningName(signature.meaning),
                 batchRecord ? batchRecord->name : QString::number(signature.batchId));
}

StoreError ProjectStore::signedItemRefusal(BatchItemId itemId)
{
    // Asked at every decision: a file's schema through a statement kept prepared (a server's is
    // read once per connection).
    int schema = 0;
    if (m_server) {
        schema = schemaVersion();
    } else {
        QSqlQuery &version = statement(QStringLiteral("PRAGMA user_version"));
        if (version.exec() && version.next())
            schema = version.value(0).toInt();
        version.finish();
    }
    if (schema < signatureSchemaVersion)
        return {};
    QSqlQuery &query = statement(QStringLiteral(
            "SELECT s.id, s.batch_id, s.review_id, s.signer_id, s.printed_name, s.meaning,"
            " s.signed_at, s.content_hash, i.position FROM batch_items i JOIN signatures s"
            " ON s.batch_id = i.batch_id WHERE i.id = ? ORDER BY s.id LIMIT 1"));
    const QScopeGuard release([&query] { query.finish(); });
    query.addBindValue(itemId);
    // A check that cannot be read refuses the change: a signed record must not change unseen.
    if (!query.exec())
        return queryError(query,
                          tr("Checking whether item %1 belongs to a signed batch").arg(itemId));
    if (!query.next())
        return {};
    const SignatureRecord signature = signatureFromQuery(query);
    const int position = query.value(8).toInt() + 1;
    return StoreError::make(StoreError::Code::Conflict,
                            tr("Item %1 belongs to a signed batch (%2): a signed record does not "
                               "change; nothing was saved.")
                                    .arg(position)
                                    .arg(signatureSentence(signature)));
}

QHash<qint64, QByteArray> ProjectStore::signatureDigests() const
{
    QHash<qint64, QByteArray> digests;
    if (schemaVersion() < signatureSchemaVersion)
        return digests;
    QSqlQuery query(m_db);
    StoreDialect::readForward(query);
    if (!query.exec(QStringLiteral("SELECT %1 FROM signatures").arg(signatureColumns)))
        return digests;
    while (query.next())
        digests.insert(query.value(0).toLongLong(), signatureDigest(query));
    return digests;
}

QHash<qint64, QByteArray> ProjectStore::signerDigests() const
{
    QHash<qint64, QByteArray> digests;
    if (schemaVersion() < signatureSchemaVersion)
        return digests;
    QSqlQuery query(m_db);
    StoreDialect::readForward(query);
    if (!query.exec(QStringLiteral("SELECT %1 FROM signers").arg(signerColumns)))
        return digests;
    while (query.next())
        digests.insert(query.value(0).toLongLong(), signerDigest(query));
    return digests;
}

QString ProjectStore::signatureProblem() const
{
    const auto all = signatures();
    QHash<BatchId, QByteArray> hashes;
    auto hashOf = [&](BatchId batchId) {
        auto found = hashes.constFind(batchId);
        if (found == hashes.constEnd())
            found = hashes.insert(batchId, batchContentHash(batchId));
        return *found;
    };
    for (const auto &signature : all) {
        if (hashOf(signature.batchId) == signature.contentHash)
            continue;
        // Made for another batch's content: copied or moved here.
        for (const auto &other : all) {
            if (other.batchId != signature.batchId
                && hashOf(other.batchId) == signature.contentHash) {
                const auto from = batch(other.batchId);
                return tr("%1 was made for batch '%2' and copied or moved to another batch")
                        .arg(signatureSentence(signature),
                             from ? from->name : QString::number(other.batchId));
            }
        }
        return tr("%1 no longer matches the batch: a signed decision changed after it was "
                  "signed, or the signature was copied or moved from another batch")
                .arg(signatureSentence(signature));
    }
    return {};
}

} // namespace Boucle
