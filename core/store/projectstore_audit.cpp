// ProjectStore: the append-only audit chain and its verification.
//
// What verify() checks, in order (it stops at the first problem and names it):
// 1. the chain itself (each entry's hash covers the one before) and, given an anchor, that the
//    chain still holds the anchored head at its position;
// 2. every row audited one by one (reviews, review roles, versions, class retirements, label
//    revisions written before schema 8) against its entry, and every row sealed by range (classes,
//    models, samples, predictions, batches, batch items and their reasons; label revisions from
//    schema 8) against its seal; rows without an entry are named as added outside Boucle;
// 3. the version chain;
// 4. the state derived from audited rows, recomputed: revisions' version_added, version_closed
//    and superseded, batch items' status, and review stages.
#include "projectstore.h"

#include "auditedrows.h"
#include "recordcodec.h"
#include "reviewround.h"
#include "storedialect.h"
#include "storedigest.h"
#include "versionhash.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <iterator>
#include <map>

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

// The schema from which bulk rows are sealed by range.
constexpr int firstSealingSchema = 4;

// Who wrote rows that carry no author of their own (an import, a batch): the account that ran
// Boucle.
QString accountName()
{
    for (const char *variable : {"USER", "USERNAME", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty())
            return name;
    }
    return QStringLiteral("unknown");
}

QString shortHash(const QByteArray &hex)
{
    return QString::fromLatin1(hex.left(16));
}

} // namespace

StoreError ProjectStore::appendAuditEntry(const QString &subject, qint64 subjectId,
                                          const QString &actor, const QByteArray &digest,
                                          qint64 *entryId)
{
    // Inside one write transaction nobody else can append, so the last hash is remembered.
    if (m_lastAuditHash.isEmpty()) {
        QSqlQuery &last
                = statement(QStringLiteral("SELECT hash FROM audit ORDER BY id DESC LIMIT 1"));
        const QScopeGuard releaseLast([&last] { last.finish(); });
        m_lastAuditHash = last.exec() && last.next() ? last.value(0).toByteArray() : genesisHash;
        last.finish();
    }
    const QString at = RecordCodec::timeToText(now());
    const QByteArray hash = chainHash(m_lastAuditHash, at, actor, subject, subjectId, digest);
    QSqlQuery &insert
            = statement(QStringLiteral("INSERT INTO audit (at, actor, subject, subject_id, digest, "
                                       "hash) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    const QScopeGuard releaseInsert([&insert] { insert.finish(); });
    insert.addBindValue(at);
    insert.addBindValue(actor);
    insert.addBindValue(subject);
    insert.addBindValue(subjectId);
    insert.addBindValue(digest);
    insert.addBindValue(hash);
    if (!insert.exec()) {
        m_lastAuditHash.clear();
        return queryError(insert, tr("Appending to the audit chain"));
    }
    const qint64 inserted = StoreDialect::returnedId(insert);
    if (entryId)
        *entryId = inserted;
    m_lastAuditHash = hash;
    return {};
}

StoreError ProjectStore::appendAudit(const QString &table, qint64 rowId, const QString &actor)
{
    QSqlQuery &row = statement(AuditedRows::selectOneSql(table));
    const QScopeGuard releaseRow([&row] { row.finish(); });
    row.addBindValue(rowId);
    if (!row.exec() || !row.next())
        return queryError(row, tr("Reading %1 row %2 for the audit chain").arg(table).arg(rowId));
    const QByteArray digest = AuditedRows::digestOfCurrentRow(table, row);
    row.finish();
    return appendAuditEntry(table, rowId, actor, digest);
}

void ProjectStore::noteSealStart()
{
    m_sealStart.clear();
    const int schema = schemaVersion();
    if (schema < firstSealingSchema)
        return;
    QStringList tables = AuditedRows::sealedTables();
    // Noted only from schema 8: its presence is what tells addLabelRevision that the revision
    // will be sealed with the transaction rather than get an entry of its own.
    if (schema >= AuditedRows::firstRevisionSealingSchema)
        tables.append(AuditedRows::labelRevisions);
    // The chain's last hash in the same statement (under the write lock just taken): on a server
    // each statement is a round trip while every other writer of the project waits.
    QStringList parts;
    for (const auto &table : std::as_const(tables))
        parts.append(QStringLiteral("(SELECT COALESCE(MAX(id), 0) FROM %1)").arg(table));
    parts.append(QStringLiteral("(SELECT hash FROM audit ORDER BY id DESC LIMIT 1)"));
    QSqlQuery &query = statement(QStringLiteral("SELECT ") + parts.join(QStringLiteral(", ")));
    const QScopeGuard release([&query] { query.finish(); });
    const bool read = query.exec() && query.next();
    for (qsizetype i = 0; i < tables.size(); ++i)
        m_sealStart.insert(tables.at(i), read ? query.value(int(i)).toLongLong() : 0);
    if (read) {
        const QVariant last = query.value(int(tables.size()));
        m_lastAuditHash = last.isNull() ? genesisHash : last.toByteArray();
    }
}

std::optional<QList<qint64>> ProjectStore::highestIds(const QStringList &tables) const
{
    // One statement for every table: on a server each statement is a round trip.
    QStringList parts;
    for (const auto &table : tables)
        parts.append(QStringLiteral("(SELECT COALESCE(MAX(id), 0) FROM %1)").arg(table));
    QSqlQuery &query = statement(QStringLiteral("SELECT ") + parts.join(QStringLiteral(", ")));
    const QScopeGuard release([&query] { query.finish(); });
    if (!query.exec() || !query.next())
        return std::nullopt;
    QList<qint64> highest;
    for (qsizetype i = 0; i < tables.size(); ++i)
        highest.append(query.value(int(i)).toLongLong());
    return highest;
}

StoreError ProjectStore::sealWrittenRows()
{
    if (schemaVersion() < firstSealingSchema)
        return {};
    // A transaction that began before schema 4 is the upgrade: it seals every row already there.
    const bool upgrade = m_sealStart.isEmpty();
    const QString actor
            = upgrade ? tr("upgrade to schema %1 by %2").arg(firstSealingSchema).arg(accountName())
                      : accountName();
    // Label revisions only when the transaction began at schema 8 or later: those written
    // before have an entry each, and the upgrade leaves them so.
    QStringList subjects = AuditedRows::sealedTables();
    if (m_sealStart.contains(AuditedRows::labelRevisions))
        subjects.append(AuditedRows::revisionSeals);
    QStringList tables;
    for (const auto &subject : std::as_const(subjects))
        tables.append(AuditedRows::sealedTableOf(subject));
    const auto highest = highestIds(tables);
    if (!highest)
        return StoreError::make(
                StoreError::Code::Failed,
                tr("Sealing the new rows: where the tables end cannot be read (%1)").arg(m_path));
    for (qsizetype i = 0; i < subjects.size(); ++i) {
        const QString &subject = subjects.at(i);
        const QString &table = tables.at(i);
        const qint64 first = m_sealStart.value(table, 0) + 1;
        const qint64 last = highest->at(i);
        if (last < first)
            continue;
        const auto seal = AuditedRows::sealRows(
                m_db, table, first, last, schemaVersion(),
                [this](const QString &sql) -> QSqlQuery & { return statement(sql); });
        if (!seal)
            return StoreError::make(
                    StoreError::Code::Failed,
                    tr("Sealing the new rows of %1: they cannot be read (%2)").arg(table, m_path));
        if (seal->rowCount == 0)
            continue;
        qint64 entry = 0;
        if (auto error
            = appendAuditEntry(subject, last, actor, AuditedRows::sealDigest(table, *seal), &entry))
            return error;
        QSqlQuery &detail = statement(QStringLiteral(
                "INSERT INTO audit_ranges (audit_id, first_id, last_id, row_count, row_ids,"
                " row_tags, rows_digest) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        const QScopeGuard releaseDetail([&detail] { detail.finish(); });
        detail.addBindValue(entry);
        detail.addBindValue(seal->first);
        detail.addBindValue(seal->last);
        detail.addBindValue(seal->rowCount);
        detail.addBindValue(seal->rowIds);
        detail.addBindValue(seal->rowTags);
        detail.addBindValue(seal->rowsDigest);
        if (!detail.exec())
            return queryError(detail, tr("Sealing the new rows of %1").arg(table));
    }
    if (upgrade) {
        QSqlQuery rows(m_db);
        StoreDialect::readForward(rows);
        if (!rows.exec(QStringLiteral("SELECT rowid FROM project ORDER BY rowid")))
            return queryError(rows, tr("Sealing the project settings"));
        QList<qint64> settingRows;
        while (rows.next())
            settingRows.append(rows.value(0).toLongLong());
        for (const qint64 row : std::as_const(settingRows)) {
            if (auto error = appendAudit(AuditedRows::settings, row, actor))
                return error;
        }
        QSqlQuery retired(m_db);
        StoreDialect::readForward(retired);
        if (!retired.exec(QStringLiteral("SELECT id FROM classes WHERE retired = 1 ORDER BY id")))
            return queryError(retired, tr("Sealing the retired classes"));
        QList<qint64> ids;
        while (retired.next())
            ids.append(retired.value(0).toLongLong());
        for (const qint64 id : std::as_const(ids)) {
            if (auto error = appendAudit(AuditedRows::classRetirements, id, actor))
                return error;
        }
    }
    m_sealStart.clear();
    return {};
}

ProjectStore::AuditHead ProjectStore::auditHead() const
{
    AuditHead head;
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("SELECT count(*) FROM audit")) && query.next())
        head.entries = query.value(0).toLongLong();
    if (query.exec(QStringLiteral("SELECT hash FROM audit ORDER BY id DESC LIMIT 1"))
        && query.next())
        head.hash = query.value(0).toByteArray().toHex();
    return head;
}

namespace {

// The rows of a table that seals cover, as [first, last] ranges.
struct Coverage
{
    QList<std::pair<qint64, qint64>> ranges;
    qint64 rows = 0;
};

} // namespace

ProjectStore::VerifyReport ProjectStore::verify(const std::optional<AuditHead> &anchor) const
{
    VerifyReport report;
    // A signature whose batch changed is named first: it is what a reader of the record relies
    // on; the altered row the chain finds (if any) follows it.
    QString signedRecordProblem;
    auto fail = [&report, &signedRecordProblem](const QString &problem) {
        report.intact = false;
        report.problem = signedRecordProblem.isEmpty()
                                 ? problem
                                 : (problem.isEmpty()
                                            ? signedRecordProblem
                                            : signedRecordProblem + QStringLiteral("; ") + problem);
        return report;
    };
    // One snapshot for every read, so a writer committing meanwhile (a cron import) is not
    // mistaken for rows added outside Boucle.
    const bool snapshot
            = m_transactionDepth == 0
              && QSqlQuery(m_db).exec(StoreDialect::beginSnapshot(StoreDialect::backendOf(m_db)));
    const QScopeGuard endSnapshot([this, snapshot] {
        if (snapshot)
            QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    });

    signedRecordProblem = signatureProblem();
    const int schema = schemaVersion();
    const bool sealing = schema >= firstSealingSchema;
    QHash<QString, QHash<qint64, QByteArray>> digests;
    QList<QString> perRowTables = {AuditedRows::labelRevisions, AuditedRows::reviews,
                                   AuditedRows::reviewRoles, AuditedRows::versions};
    if (sealing)
        perRowTables.append(AuditedRows::classRetirements);
    for (const auto &table : std::as_const(perRowTables))
        digests.insert(table, AuditedRows::digestsOf(m_db, table));
    // A lead's steal of a lease (schema 10) has an entry of its own.
    digests.insert(QStringLiteral("lease_steals"), leaseStealDigests());
    // Signers and signatures (schema 13) have an entry each.
    if (schema >= signatureSchemaVersion) {
        digests.insert(QStringLiteral("signers"), signerDigests());
        digests.insert(QStringLiteral("signatures"), signatureDigests());
    }
    QHash<QString, QSet<qint64>> seen;

    QHash<qint64, AuditedRows::RowSeal> seals;
    if (sealing) {
        QSqlQuery ranges(m_db);
        StoreDialect::readForward(ranges);
        if (!ranges.exec(QStringLiteral("SELECT audit_id, first_id, last_id, row_count, row_ids,"
                                        " row_tags, rows_digest FROM audit_ranges")))
            return fail(tr("the audit chain's sealed ranges (audit_ranges) cannot be read"));
        while (ranges.next()) {
            AuditedRows::RowSeal seal;
            seal.first = ranges.value(1).toLongLong();
            seal.last = ranges.value(2).toLongLong();
            seal.rowCount = ranges.value(3).toLongLong();
            seal.rowIds = ranges.value(4).toString();
            seal.rowTags = ranges.value(5).toByteArray();
            seal.rowsDigest = ranges.value(6).toByteArray();
            seals.insert(ranges.value(0).toLongLong(), seal);
        }
    }
    QHash<QString, Coverage> coverage;
    struct SettingEntry
    {
        qint64 auditId;
        QString actor;
        QString at;
        QByteArray digest;
    };
    std::map<qint64, SettingEntry> settingEntries; // the newest entry of each setting row

    QSqlQuery query(m_db);
    StoreDialect::readForward(query);
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
        if (anchor && report.auditEntries == anchor->entries
            && storedHash.toHex() != anchor->hash.toLower())
            return fail(tr("the audit chain was rewritten: its entry %1 (audit row %2) has the "
                           "hash %3…, the anchor recorded %4…")
                                .arg(anchor->entries)
                                .arg(id)
                                .arg(shortHash(storedHash.toHex()), shortHash(anchor->hash)));

        if (sealing && subject == AuditedRows::settings) {
            settingEntries[subjectId] = {id, actor, at, digest};
            continue;
        }
        if (const QString sealedTable = sealing ? AuditedRows::sealedTableOf(subject) : QString();
            !sealedTable.isEmpty()) {
            const auto recorded = seals.constFind(id);
            if (recorded == seals.constEnd())
                return fail(tr("audit row %1 seals %2 rows %3 but what it sealed (audit_ranges "
                               "row %1) was deleted")
                                    .arg(id)
                                    .arg(sealedTable)
                                    .arg(subjectId));
            if (recorded->last != subjectId
                || AuditedRows::sealDigest(sealedTable, *recorded) != digest)
                return fail(tr("audit_ranges row %1 was altered (it no longer matches audit row "
                               "%1)")
                                    .arg(id));
            const auto current = AuditedRows::sealRows(m_db, sealedTable, recorded->first,
                                                       recorded->last, schema);
            if (!current)
                return fail(tr("%1 cannot be read").arg(sealedTable));
            if (current->rowsDigest != recorded->rowsDigest
                || current->rowIds != recorded->rowIds) {
                const auto difference = AuditedRows::firstDifference(*recorded, *current);
                const QString source
                        = tr("sealed by %1 at %2, audit row %3").arg(actor, at).arg(id);
                if (!difference)
                    return fail(tr("%1 rows %2 to %3 were altered after they were sealed (%4)")
                                        .arg(sealedTable)
                                        .arg(recorded->first)
                                        .arg(recorded->last)
                                        .arg(source));
                using Kind = AuditedRows::RowDifference::Kind;
                switch (difference->kind) {
                case Kind::Altered:
                    return fail(tr("%1 row %2 was altered after it was recorded (%3)")
                                        .arg(sealedTable)
                                        .arg(difference->rowId)
                                        .arg(source));
                case Kind::Deleted:
                    return fail(tr("%1 row %2 was deleted (%3)")
                                        .arg(sealedTable)
                                        .arg(difference->rowId)
                                        .arg(source));
                case Kind::Added:
                    return fail(tr("%1 row %2 was added outside Boucle (among rows %3 to %4, %5)")
                                        .arg(sealedTable)
                                        .arg(difference->rowId)
                                        .arg(recorded->first)
                                        .arg(recorded->last)
                                        .arg(source));
                }
            }
            auto &covered = coverage[sealedTable];
            covered.ranges.append({recorded->first, recorded->last});
            covered.rows += recorded->rowCount;
            report.sealedRows += recorded->rowCount;
            continue;
        }

        const auto table = digests.constFind(subject);
        if (table == digests.constEnd())
            return fail(tr("audit row %1 names an unknown table '%2'").arg(id).arg(subject));
        const auto current = table->constFind(subjectId);
        if (current == table->constEnd()) {
            if (subject == AuditedRows::classRetirements)
                return fail(tr("classes row %1 is no longer retired (retired by %2 at %3, audit "
                               "row %4)")
                                    .arg(subjectId)
                                    .arg(actor, at)
                                    .arg(id));
            return fail(tr("%1 row %2 was deleted (recorded by %3 at %4, audit row %5)")
                                .arg(subject)
                                .arg(subjectId)
                                .arg(actor, at)
                                .arg(id));
        }
        if (*current != digest)
            return fail(tr("%1 row %2 was altered after it was recorded (by %3 at %4, audit row "
                           "%5)")
                                .arg(subject == AuditedRows::classRetirements
                                             ? QStringLiteral("classes")
                                             : subject)
                                .arg(subjectId)
                                .arg(actor, at)
                                .arg(id));
        seen[subject].insert(subjectId);
    }
    report.head.entries = report.auditEntries;
    report.head.hash = report.auditEntries > 0 ? previousHash.toHex() : QByteArray();
    if (anchor && report.auditEntries < anchor->entries)
        return fail(tr("the audit chain was cut: it holds %1 entries, the anchor recorded %2 "
                       "(head %3…); the last %4 entries and the rows they recorded are gone")
                            .arg(report.auditEntries)
                            .arg(anchor->entries)
                            .arg(shortHash(anchor->hash))
                            .arg(anchor->entries - report.auditEntries));
    report.anchorMatched = anchor.has_value();

    for (auto table = digests.constBegin(); table != digests.constEnd(); ++table) {
        // Label revisions from schema 8 on are covered by their seals: a range whose rows were
        // checked above holds exactly the rows it sealed.
        auto ranges = coverage.value(table.key()).ranges;
        std::sort(ranges.begin(), ranges.end());
        auto sealed = [&ranges](qint64 rowId) {
            const auto after
                    = std::upper_bound(ranges.cbegin(), ranges.cend(), rowId,
                                       [](qint64 id, const std::pair<qint64, qint64> &range) {
                                           return id < range.first;
                                       });
            return after != ranges.cbegin() && rowId <= std::prev(after)->second;
        };
        QList<qint64> unrecorded;
        const QSet<qint64> recorded = seen.value(table.key());
        for (auto row = table->constBegin(); row != table->constEnd(); ++row) {
            if (!recorded.contains(row.key()) && !sealed(row.key()))
                unrecorded.append(row.key());
        }
        if (!unrecorded.isEmpty()) {
            std::sort(unrecorded.begin(), unrecorded.end());
            if (table.key() == AuditedRows::classRetirements)
                return fail(tr("classes row %1 was retired outside Boucle (its retirement has no "
                               "audit entry)")
                                    .arg(unrecorded.constFirst()));
            return fail(tr("%1 row %2 was added outside Boucle (it has no audit entry)")
                                .arg(table.key())
                                .arg(unrecorded.constFirst()));
        }
    }

    if (sealing) {
        // Settings change by design: each must match its newest entry.
        const auto current = AuditedRows::digestsOf(m_db, AuditedRows::settings);
        QHash<qint64, QString> keys;
        QSqlQuery keyQuery(m_db);
        keyQuery.exec(QStringLiteral("SELECT rowid, key FROM project"));
        while (keyQuery.next())
            keys.insert(keyQuery.value(0).toLongLong(), keyQuery.value(1).toString());
        for (const auto &[row, entry] : settingEntries) {
            const auto found = current.constFind(row);
            if (found == current.constEnd())
                return fail(tr("project setting row %1 was deleted (recorded by %2 at %3, audit "
                               "row %4)")
                                    .arg(row)
                                    .arg(entry.actor, entry.at)
                                    .arg(entry.auditId));
            if (*found != entry.digest)
                return fail(tr("project setting '%1' (row %2) was changed outside Boucle (last "
                               "recorded by %3 at %4, audit row %5)")
                                    .arg(keys.value(row))
                                    .arg(row)
                                    .arg(entry.actor, entry.at)
                                    .arg(entry.auditId));
        }
        QList<qint64> unrecorded;
        for (auto row = current.constBegin(); row != current.constEnd(); ++row) {
            if (settingEntries.find(row.key()) == settingEntries.end())
                unrecorded.append(row.key());
        }
        if (!unrecorded.isEmpty()) {
            std::sort(unrecorded.begin(), unrecorded.end());
            return fail(tr("project setting '%1' (row %2) was added outside Boucle (it has no "
                           "audit entry)")
                                .arg(keys.value(unrecorded.constFirst()))
                                .arg(unrecorded.constFirst()));
        }

        for (const auto &table : AuditedRows::sealedTables()) {
            QSqlQuery count(m_db);
            if (!count.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !count.next())
                return fail(tr("%1 cannot be read").arg(table));
            const Coverage covered = coverage.value(table);
            if (count.value(0).toLongLong() == covered.rows)
                continue;
            // Some row lies outside every seal: name the first.
            auto ranges = covered.ranges;
            std::sort(ranges.begin(), ranges.end());
            QSqlQuery ids(m_db);
            StoreDialect::readForward(ids);
            ids.exec(QStringLiteral("SELECT id FROM %1 ORDER BY id").arg(table));
            qsizetype range = 0;
            while (ids.next()) {
                const qint64 rowId = ids.value(0).toLongLong();
                while (range < ranges.size() && ranges[range].second < rowId)
                    ++range;
                if (range == ranges.size() || rowId < ranges[range].first)
                    return fail(tr("%1 row %2 was added outside Boucle (no audit entry seals it)")
                                        .arg(table)
                                        .arg(rowId));
            }
            return fail(tr("%1 holds rows that no audit entry seals").arg(table));
        }
    }

    // The version chain: each hash covers its parent's hash and the revisions it committed.
    QSqlQuery versionsQuery(m_db);
    StoreDialect::readForward(versionsQuery);
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

    if (const QString problem
        = revisionBookkeepingProblem(QSet<qint64>(hashes.keyBegin(), hashes.keyEnd()));
        !problem.isEmpty())
        return fail(problem);
    if (const QString problem = derivedReviewStateProblem(); !problem.isEmpty())
        return fail(problem);
    if (!signedRecordProblem.isEmpty())
        return fail(QString());
    return report;
}

QString ProjectStore::revisionBookkeepingProblem(const QSet<qint64> &versionNumbers) const
{
    // A revision is working (version_added NULL: the newest of its sample), superseded
    // (version_added 0, version_closed 0) or committed (version_added V >= 1), and a committed
    // one stays open until the next version that commits a revision of its sample: that version
    // is its row in label_closures, and its version_closed if a commit before schema 9 closed it.
    QHash<qint64, qint64> closures; // revision -> version; each one checked is taken out
    {
        QSqlQuery closed(m_db);
        closed.setForwardOnly(true);
        if (!closed.exec(QStringLiteral("SELECT revision_id, version FROM label_closures")))
            return tr("label_closures cannot be read");
        while (closed.next())
            closures.insert(closed.value(0).toLongLong(), closed.value(1).toLongLong());
    }
    QSqlQuery query(m_db);
    StoreDialect::readForward(query);
    if (!query.exec(QStringLiteral("SELECT id, sample_id, version_added, version_closed,"
                                   " superseded FROM label_revisions ORDER BY sample_id, id")))
        return tr("label_revisions cannot be read");
    struct Row
    {
        qint64 id;
        QVariant added;
        QVariant closed;
        int superseded;
    };
    auto checkSample = [this, &versionNumbers, &closures](qint64 sampleId,
                                                          const QList<Row> &rows) -> QString {
        QList<const Row *> committed;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const Row &row = rows[i];
            if (row.added.isNull()) {
                if (row.superseded != 0 || !row.closed.isNull())
                    return tr("label_revisions row %1 is in the working state but marked "
                              "superseded or closed")
                            .arg(row.id);
                if (i != rows.size() - 1)
                    return tr("label_revisions row %1 is in the working state but sample %2 has "
                              "a newer revision (row %3)")
                            .arg(row.id)
                            .arg(sampleId)
                            .arg(rows.constLast().id);
                continue;
            }
            const qint64 added = row.added.toLongLong();
            if (added == 0) {
                if (row.superseded != 1 || row.closed.isNull() || row.closed.toLongLong() != 0)
                    return tr("label_revisions row %1 was never committed but is not marked "
                              "superseded (version_closed %2, superseded %3)")
                            .arg(row.id)
                            .arg(row.closed.isNull() ? QStringLiteral("empty")
                                                     : row.closed.toString())
                            .arg(row.superseded);
                continue;
            }
            if (!versionNumbers.contains(added))
                return tr("label_revisions row %1 was committed in version %2, which does not "
                          "exist")
                        .arg(row.id)
                        .arg(added);
            if (row.superseded != 0)
                return tr("label_revisions row %1 was committed in version %2 but is marked "
                          "superseded")
                        .arg(row.id)
                        .arg(added);
            if (!committed.isEmpty() && committed.constLast()->added.toLongLong() >= added)
                return tr("label_revisions row %1 was committed in version %2, before the older "
                          "row %3 (version %4)")
                        .arg(row.id)
                        .arg(added)
                        .arg(committed.constLast()->id)
                        .arg(committed.constLast()->added.toLongLong());
            committed.append(&row);
        }
        for (qsizetype i = 0; i < committed.size(); ++i) {
            const Row &row = *committed[i];
            const bool last = i == committed.size() - 1;
            const QVariant expected = last ? QVariant() : committed[i + 1]->added;
            const auto closure = closures.constFind(row.id);
            const bool hasClosure = closure != closures.cend();
            const qint64 closedAt = hasClosure ? closure.value() : 0;
            if (hasClosure)
                closures.erase(closure);
            if (expected.isNull() && hasClosure)
                return tr("label_revisions row %1 has a closure at version %2 in label_closures, "
                          "but no later version changes sample %3")
                        .arg(row.id)
                        .arg(closedAt)
                        .arg(sampleId);
            if (!expected.isNull() && !hasClosure)
                return tr("label_revisions row %1 was closed by version %2, but label_closures "
                          "holds no closure for it")
                        .arg(row.id)
                        .arg(expected.toLongLong());
            if (!expected.isNull() && closedAt != expected.toLongLong())
                return tr("label_revisions row %1 has a closure at version %2 in label_closures, "
                          "but it must be %3: the version that next changed sample %4")
                        .arg(row.id)
                        .arg(closedAt)
                        .arg(expected.toLongLong())
                        .arg(sampleId);
            // version_closed: empty, or what a commit before schema 9 wrote.
            const bool same
                    = row.closed.isNull()
                      || (!expected.isNull() && row.closed.toLongLong() == expected.toLongLong());
            if (same)
                continue;
            const QString found
                    = row.closed.isNull() ? QStringLiteral("empty") : row.closed.toString();
            if (expected.isNull())
                return tr("label_revisions row %1 has version_closed %2, but it must be empty: no "
                          "later version changes sample %3")
                        .arg(row.id)
                        .arg(found)
                        .arg(sampleId);
            return tr("label_revisions row %1 has version_closed %2, but it must be %3: the "
                      "version that next changed sample %4")
                    .arg(row.id)
                    .arg(found)
                    .arg(expected.toLongLong())
                    .arg(sampleId);
        }
        return {};
    };
    QList<Row> rows;
    qint64 sampleId = 0;
    while (query.next()) {
        const qint64 rowSample = query.value(1).toLongLong();
        if (rowSample != sampleId && !rows.isEmpty()) {
            if (const QString problem = checkSample(sampleId, rows); !problem.isEmpty())
                return problem;
            rows.clear();
        }
        sampleId = rowSample;
        rows.append({query.value(0).toLongLong(), query.value(2), query.value(3),
                     query.value(4).toInt()});
    }
    if (!rows.isEmpty()) {
        if (const QString problem = checkSample(sampleId, rows); !problem.isEmpty())
            return problem;
    }
    if (!closures.isEmpty())
        return tr("label_closures closes row %1 of label_revisions at version %2, but that row "
                  "is not a committed revision")
                .arg(closures.cbegin().key())
                .arg(closures.cbegin().value());
    return {};
}

QString ProjectStore::derivedReviewStateProblem() const
{
    // One pass over the reviews: which were undone, and each item's answers in order.
    QSqlQuery query(m_db);
    StoreDialect::readForward(query);
    if (!query.exec(QStringLiteral("SELECT r.id, r.batch_item_id, r.action, r.label_id,"
                                   " r.revokes_review_id, o.role FROM reviews r"
                                   " LEFT JOIN review_roles o ON o.review_id = r.id"
                                   " ORDER BY r.id")))
        return tr("reviews cannot be read");
    struct Review
    {
        qint64 id;
        qint64 itemId;
        ReviewAction action;
        QString label;
        QVariant role;
    };
    QList<Review> reviews;
    QSet<qint64> revoked;
    while (query.next()) {
        const auto action = reviewActionFromName(query.value(2).toString());
        if (!action)
            return tr("reviews row %1 has an unknown action '%2'")
                    .arg(query.value(0).toLongLong())
                    .arg(query.value(2).toString());
        if (*action == ReviewAction::Revoke)
            revoked.insert(query.value(4).toLongLong());
        if (query.value(1).isNull())
            continue;
        reviews.append({query.value(0).toLongLong(), query.value(1).toLongLong(), *action,
                        query.value(3).toString(), query.value(5)});
    }
    query.finish();

    std::map<qint64, ReviewStatus> statuses;
    std::map<qint64, QList<RoundAnswer>> answers;
    QSet<qint64> itemsWithRoles;
    for (const Review &review : std::as_const(reviews)) {
        if (!review.role.isNull())
            itemsWithRoles.insert(review.itemId);
        if (review.action == ReviewAction::Revoke || revoked.contains(review.id))
            continue;
        statuses[review.itemId] = statusAfter(review.action);
        if (review.action == ReviewAction::Skip)
            continue;
        RoundAnswer answer;
        answer.reviewId = review.id;
        answer.action = review.action;
        answer.label = review.label;
        answer.role = reviewRoleFromName(review.role.toString()).value_or(ReviewRole::Single);
        answers[review.itemId].append(answer);
    }

    if (!query.exec(QStringLiteral("SELECT id, status FROM batch_items ORDER BY id")))
        return tr("batch_items cannot be read");
    while (query.next()) {
        const qint64 itemId = query.value(0).toLongLong();
        const auto found = statuses.find(itemId);
        const QString expected
                = reviewStatusName(found == statuses.end() ? ReviewStatus::Pending : found->second);
        if (query.value(1).toString() != expected)
            return tr("batch_items row %1 has the status '%2', but its reviews say '%3'")
                    .arg(itemId)
                    .arg(query.value(1).toString(), expected);
    }
    query.finish();

    // Review stages: every stored stage must be what the item's reviews give; an item whose
    // reviews have roles (schema 3 on) always has its stage stored once it has one.
    if (!query.exec(QStringLiteral("SELECT batch_item_id, stage, round_start FROM review_stages"
                                   " ORDER BY batch_item_id")))
        return tr("review_stages cannot be read");
    QSet<qint64> stored;
    while (query.next()) {
        const qint64 itemId = query.value(0).toLongLong();
        stored.insert(itemId);
        const auto itemAnswers = answers.find(itemId);
        const ReviewRound round = roundOf(
                itemId, itemAnswers == answers.end() ? QList<RoundAnswer>() : itemAnswers->second);
        const QString stage = query.value(1).toString();
        if (stage != reviewStageName(round.stage) || query.value(2).toLongLong() != round.start())
            return tr("review_stages row of batch item %1 says '%2' (round from review %3), but "
                      "its reviews say '%4' (round from review %5)")
                    .arg(itemId)
                    .arg(stage)
                    .arg(query.value(2).toLongLong())
                    .arg(reviewStageName(round.stage))
                    .arg(round.start());
    }
    for (const qint64 itemId : std::as_const(itemsWithRoles)) {
        if (stored.contains(itemId))
            continue;
        const auto itemAnswers = answers.find(itemId);
        const ReviewRound round = roundOf(
                itemId, itemAnswers == answers.end() ? QList<RoundAnswer>() : itemAnswers->second);
        if (round.stage != ReviewStage::None)
            return tr("the review_stages row of batch item %1 was deleted: its reviews say '%2'")
                    .arg(itemId)
                    .arg(reviewStageName(round.stage));
    }
    return {};
}

} // namespace Boucle
