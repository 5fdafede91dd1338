// ProjectStore: the append-only audit chain and its verification.
#include "projectstore.h"

#include "auditedrows.h"
#include "recordcodec.h"
#include "storedigest.h"
#include "versionhash.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSqlQuery>

namespace Boucle {

namespace {

QByteArray chainHash(const QByteArray &previousHash, const QString &at, const QString &actor,
                     const QString &subject, qint64 subjectId, const QByteArray &digest)
{
    return StoreDigest("audit")
            .add(QString::fromLatin1(previousHash.toHex()))
            .add(at)
            .add(actor)
            .add(subject)
            .add(subjectId)
            .add(QString::fromLatin1(digest.toHex()))
            .bytes();
}

const QByteArray genesisHash = QByteArray(32, '\0');

} // namespace

StoreError ProjectStore::appendAudit(const QString &table, qint64 rowId, const QString &actor)
{
    QSqlQuery &row = statement(AuditedRows::selectOneSql(table));
    const QScopeGuard releaseRow([&row] { row.finish(); });
    row.addBindValue(rowId);
    if (!row.exec() || !row.next())
        return queryError(row, tr("Reading %1 row %2 for the audit chain").arg(table).arg(rowId));
    const QByteArray digest = AuditedRows::digestOfCurrentRow(table, row);
    row.finish();

    // Inside one write transaction nobody else can append, so the last hash is remembered.
    if (m_lastAuditHash.isEmpty()) {
        QSqlQuery &last
                = statement(QStringLiteral("SELECT hash FROM audit ORDER BY id DESC LIMIT 1"));
        const QScopeGuard releaseLast([&last] { last.finish(); });
        m_lastAuditHash = last.exec() && last.next() ? last.value(0).toByteArray() : genesisHash;
        last.finish();
    }
    const QString at = RecordCodec::timeToText(now());
    const QByteArray hash = chainHash(m_lastAuditHash, at, actor, table, rowId, digest);
    QSqlQuery &insert
            = statement(QStringLiteral("INSERT INTO audit (at, actor, subject, subject_id, digest, "
                                       "hash) VALUES (?, ?, ?, ?, ?, ?)"));
    const QScopeGuard releaseInsert([&insert] { insert.finish(); });
    insert.addBindValue(at);
    insert.addBindValue(actor);
    insert.addBindValue(table);
    insert.addBindValue(rowId);
    insert.addBindValue(digest);
    insert.addBindValue(hash);
    if (!insert.exec()) {
        m_lastAuditHash.clear();
        return queryError(insert, tr("Appending to the audit chain"));
    }
    m_lastAuditHash = hash;
    return {};
}

ProjectStore::VerifyReport ProjectStore::verify() const
{
    VerifyReport report;
    auto fail = [&report](const QString &problem) {
        report.intact = false;
        report.problem = problem;
        return report;
    };

    QHash<QString, QHash<qint64, QByteArray>> digests;
    for (const auto &table : {AuditedRows::labelRevisions, AuditedRows::reviews,
                              AuditedRows::reviewRoles, AuditedRows::versions})
        digests.insert(table, AuditedRows::digestsOf(m_db, table));
    QHash<QString, QSet<qint64>> seen;

    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, at, actor, subject, subject_id, digest, hash"
                                   " FROM audit ORDER BY id")))
        return fail(tr("the audit chain cannot be read"));
    QByteArray previousHash = genesisHash;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        const QString at = query.value(1).toString();
        const QString actor = query.value(2).toString();
        const QString subject = query.value(3).toString();
        const qint64 subjectId = query.value(4).toLongLong();
        const QByteArray digest = query.value(5).toByteArray();
        const QByteArray storedHash = query.value(6).toByteArray();
        if (storedHash != chainHash(previousHash, at, actor, subject, subjectId, digest))
            return fail(tr("audit row %1 was altered (the chain breaks there)").arg(id));
        previousHash = storedHash;
        ++report.auditEntries;

        const auto table = digests.constFind(subject);
        if (table == digests.constEnd())
            return fail(tr("audit row %1 names an unknown table '%2'").arg(id).arg(subject));
        const auto current = table->constFind(subjectId);
        if (current == table->constEnd())
            return fail(tr("%1 row %2 was deleted (recorded by %3 at %4, audit row %5)")
                                .arg(subject)
                                .arg(subjectId)
                                .arg(actor, at)
                                .arg(id));
        if (*current != digest)
            return fail(tr("%1 row %2 was altered after it was recorded (by %3 at %4, audit row "
                           "%5)")
                                .arg(subject)
                                .arg(subjectId)
                                .arg(actor, at)
                                .arg(id));
        seen[subject].insert(subjectId);
    }

    for (auto table = digests.constBegin(); table != digests.constEnd(); ++table) {
        QList<qint64> unrecorded;
        for (auto row = table->constBegin(); row != table->constEnd(); ++row) {
            if (!seen.value(table.key()).contains(row.key()))
                unrecorded.append(row.key());
        }
        if (!unrecorded.isEmpty()) {
            std::sort(unrecorded.begin(), unrecorded.end());
            return fail(tr("%1 row %2 was added outside Boucle (it has no audit entry)")
                                .arg(table.key())
                                .arg(unrecorded.constFirst()));
        }
    }

    // The version chain: each hash covers its parent's hash and the revisions it committed.
    QSqlQuery versionsQuery(m_db);
    versionsQuery.setForwardOnly(true);
    versionsQuery.exec(QStringLiteral("SELECT number, parent, hash, author, message, created_at,"
                                      " added, changed, removed, total FROM versions ORDER BY"
                                      " number"));
    QHash<int, QByteArray> hashes {{0, QByteArray()}};
    while (versionsQuery.next()) {
        VersionHashInput input;
        input.number = versionsQuery.value(0).toInt();
        input.parent = versionsQuery.value(1).toInt();
        input.parentHash = hashes.value(input.parent);
        input.author = versionsQuery.value(3).toString();
        input.message = versionsQuery.value(4).toString();
        input.createdAt = versionsQuery.value(5).toString();
        input.added = versionsQuery.value(6).toInt();
        input.changed = versionsQuery.value(7).toInt();
        input.removed = versionsQuery.value(8).toInt();
        input.total = versionsQuery.value(9).toInt();
        const QByteArray stored = versionsQuery.value(2).toString().toLatin1();
        if (computeVersionHash(m_db, input) != stored)
            return fail(tr("version %1 no longer matches its hash: its changes (label_revisions "
                           "with version_added = %1) or its fields were altered")
                                .arg(input.number));
        hashes.insert(input.number, stored);
        ++report.versionsChecked;
    }
    return report;
}

} // namespace Boucle
