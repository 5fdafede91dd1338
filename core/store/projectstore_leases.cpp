// ProjectStore: leases on batch items, so that many reviewers clear one batch together (schema 10).
//
// A lease is one row per (item, pass) in `leases`. Taking one is a single upsert that overwrites
// the row only when it is this session's or has expired, and the affected-row count says whether
// it was taken: two sessions asking at once never both get it, on SQLite as on PostgreSQL.
// Releasing sets the expiry to now and keeps the row, so a session that lost an item still learns
// who took it. Leases are bookkeeping outside the audit chain, except a lead's steal, which is a
// row of `lease_steals` with an audit entry of its own.
#include "projectstore.h"

#include "leasestatements.h"
#include "recordcodec.h"
#include "storedialect.h"
#include "storedigest.h"
#include "storetransaction.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>

#include <tuple>

namespace Boucle {

namespace {

constexpr int firstLeaseSchema = 10;
// How many candidates the next-item query reads at a time.
constexpr int candidatePage = 64;
// On a server, items share this many advisory locks per project (item id modulo): a bulk decision
// locks each of its items, and PostgreSQL's lock table is small (64 per connection by default).
constexpr qint64 itemLockBuckets = 256;

QString itemLockKey(BatchItemId itemId)
{
    return QString::number(itemId % itemLockBuckets);
}

const QString leaseStealsSubject = QStringLiteral("lease_steals");

qint64 msOf(const QDateTime &time)
{
    return time.toMSecsSinceEpoch();
}

QDateTime timeOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

int passNumber(LeasePass pass)
{
    return int(pass);
}

LeasePass passFromNumber(int number)
{
    switch (number) {
    case 2:
        return LeasePass::Second;
    case 3:
        return LeasePass::Adjudication;
    default:
        return LeasePass::First;
    }
}

// "14:02" today, "2026-11-28 14:02" on another day, in local time as the reviewer reads clocks.
QString clockText(const QDateTime &at, const QDateTime &now)
{
    const QDateTime local = at.toLocalTime();
    if (local.date() == now.toLocalTime().date())
        return local.toString(QStringLiteral("HH:mm"));
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

const QString itemStageSql
        = QStringLiteral("SELECT stage FROM review_stages WHERE batch_item_id = ?");

// The pass an item waits for now, from its review stage (kept by refreshReviewStage). `query` is
// the store's prepared statement of itemStageSql: a decision asks this on every item, and on a
// server each statement prepared anew costs two more round trips.
LeasePass currentPassOf(QSqlQuery &query, BatchItemId itemId)
{
    query.addBindValue(itemId);
    ReviewStage stage = ReviewStage::None;
    if (query.exec() && query.next())
        stage = reviewStageFromName(query.value(0).toString());
    query.finish();
    return stage == ReviewStage::AwaitingSecond ? LeasePass::Second
           : stage == ReviewStage::Adjudication ? LeasePass::Adjudication
                                                : LeasePass::First;
}

ItemLease leaseFromQuery(const QSqlQuery &query)
{
    ItemLease lease;
    lease.itemId = query.value(0).toLongLong();
    lease.pass = passFromNumber(query.value(1).toInt());
    lease.holder = query.value(2).toString();
    lease.session = query.value(3).toString();
    lease.acquiredAt = timeOf(query.value(4).toLongLong());
    lease.expiresAt = timeOf(query.value(5).toLongLong());
    return lease;
}

QByteArray stealDigest(const QSqlQuery &query)
{
    return StoreDigest("lease_steal")
            .add(query.value(0).toLongLong())
            .add(query.value(1).toLongLong())
            .add(query.value(2).toLongLong())
            .add(query.value(3).toString())
            .add(query.value(4).toString())
            .add(query.value(5).toString())
            .add(query.value(6).toLongLong())
            .add(query.value(7).toString())
            .add(query.value(8).toLongLong())
            .bytes();
}

// Why `holder` (trimmed) cannot take a lease in the project at `path`: no name, or the project
// is open read-only; no error when it can.
StoreError leaseTakerRefusal(const QString &holder, bool readOnly, const QString &path)
{
    if (holder.isEmpty())
        return StoreError::make(StoreError::Code::InvalidArgument,
                                QCoreApplication::translate("Boucle::ProjectStore",
                                                            "a lease needs the reviewer's name"));
    if (readOnly)
        return StoreError::make(
                StoreError::Code::ReadOnly,
                QCoreApplication::translate("Boucle::ProjectStore",
                                            "%1 is open read-only; no item can be taken")
                        .arg(path));
    return {};
}

} // namespace

QString ProjectStore::leaseMinutesKey()
{
    return QStringLiteral("review.lease_minutes");
}

QString ProjectStore::leaseLeadsKey()
{
    return QStringLiteral("review.leads");
}

QString ProjectStore::leaseSession() const
{
    if (m_leaseSession.isEmpty())
        m_leaseSession = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return m_leaseSession;
}

int ProjectStore::leaseMinutes() const
{
    bool ok = false;
    const int minutes = setting(leaseMinutesKey()).toInt(&ok);
    return ok && minutes > 0 ? minutes : defaultLeaseMinutes;
}

StoreError ProjectStore::setLeaseMinutes(int minutes)
{
    if (minutes < 1 || minutes > 24 * 60)
        return StoreError::make(StoreError::Code::InvalidArgument,
                                tr("a lease lasts from 1 minute to 24 hours (1440 minutes), "
                                   "not %1")
                                        .arg(minutes));
    return setSetting(leaseMinutesKey(), QString::number(minutes));
}

std::optional<ItemLease> ProjectStore::currentLease(BatchItemId itemId) const
{
    const LeasePass pass = currentPassOf(statement(itemStageSql), itemId);
    QSqlQuery &query = statement(LeaseStatements::itemLease());
    query.addBindValue(itemId);
    query.addBindValue(passNumber(pass));
    std::optional<ItemLease> lease;
    if (query.exec() && query.next())
        lease = leaseFromQuery(query);
    query.finish();
    return lease;
}

bool ProjectStore::holdsLease(BatchItemId itemId) const
{
    const auto lease = currentLease(itemId);
    return lease && lease->session == leaseSession() && lease->isLiveAt(now());
}

StoreResult<std::optional<ItemLease>> ProjectStore::takeNextItem(BatchId batchId,
                                                                 const QString &reviewer,
                                                                 const QSet<BatchItemId> &passOver)
{
    using Result = StoreResult<std::optional<ItemLease>>;
    const QString holder = reviewer.trimmed();
    if (auto refusal = leaseTakerRefusal(holder, m_readOnly, m_path))
        return Result::failure(refusal);
    const QString session = leaseSession();
    const QString sql = LeaseStatements::nextCandidates(candidatePage);
    const QString second = reviewStageName(ReviewStage::AwaitingSecond);
    const bool server = StoreDialect::backendOf(m_db) == StoreDialect::Backend::Postgres;
    const bool ownTransaction = m_transactionDepth == 0;
    // Items being decided right now are passed over; when nothing else is left, the search runs
    // once more, waiting for those decisions.
    bool passedOverBusy = false;
    bool waitForBusy = false;
    int afterPosition = -1;
    for (;;) {
        const qint64 nowMs = msOf(now());
        QList<std::tuple<BatchItemId, int, int>> candidates;
        {
            QSqlQuery &query = statement(sql);
            const QScopeGuard releaseQuery([&query] { query.finish(); });
            query.addBindValue(batchId);
            query.addBindValue(afterPosition);
            query.addBindValue(session);
            query.addBindValue(nowMs);
            query.addBindValue(second);
            query.addBindValue(batchId);
            query.addBindValue(afterPosition);
            query.addBindValue(holder);
            query.addBindValue(session);
            query.addBindValue(nowMs);
            if (!query.exec())
                return Result::failure(
                        queryError(query, tr("Finding the next item of batch %1").arg(batchId)));
            while (query.next())
                candidates.append({query.value(0).toLongLong(), query.value(1).toInt(),
                                   query.value(2).toInt()});
        }
        for (const auto &[itemId, pass, position] : std::as_const(candidates)) {
            afterPosition = position;
            if (passOver.contains(itemId))
                continue;
            // Between the query and the take, someone may have decided the item or undone its
            // first answer: the take and the check that the item still waits for this pass are
            // one short transaction. On a server it holds the item's lock (not the project's),
            // which a decision holds while it checks the item's leases and writes (see
            // leaseRefusal), so the check sees that decision whole; an item being decided right
            // now is passed over rather than waited for.
            const QString what = tr("Taking item %1 for review").arg(position + 1);
            QSqlQuery control(m_db);
            const auto abandon = [&] {
                if (ownTransaction)
                    control.exec(QStringLiteral("ROLLBACK"));
            };
            if (ownTransaction
                && !control.exec(server ? QStringLiteral("BEGIN")
                                        : QStringLiteral("BEGIN IMMEDIATE")))
                return Result::failure(queryError(control, what));
            if (server) {
                QSqlQuery &lock = statement(waitForBusy ? LeaseStatements::lockItem()
                                                        : LeaseStatements::tryLockItem());
                lock.addBindValue(itemLockKey(itemId));
                const bool ran = lock.exec() && lock.next();
                const bool locked = ran && (waitForBusy || lock.value(0).toBool());
                const StoreError error = ran ? StoreError {} : queryError(lock, what);
                lock.finish();
                if (!locked) {
                    abandon();
                    if (error)
                        return Result::failure(error);
                    passedOverBusy = true;
                    continue;
                }
            }
            QSqlQuery &take = statement(LeaseStatements::take());
            take.addBindValue(itemId);
            take.addBindValue(pass);
            take.addBindValue(holder);
            take.addBindValue(session);
            take.addBindValue(nowMs);
            take.addBindValue(nowMs + qint64(leaseMinutes()) * 60 * 1000);
            if (!take.exec()) {
                const StoreError error = queryError(take, what);
                take.finish();
                abandon();
                return Result::failure(error);
            }
            const bool taken = take.numRowsAffected() == 1;
            take.finish();
            if (!taken) {
                abandon();
                continue; // another session took it since the query: try the next one
            }
            QSqlQuery &waits = statement(LeaseStatements::stillWaits());
            waits.addBindValue(itemId);
            waits.addBindValue(pass);
            waits.addBindValue(reviewStatusName(ReviewStatus::Pending));
            waits.addBindValue(pass);
            waits.addBindValue(second);
            waits.addBindValue(holder);
            if (!waits.exec()) {
                const StoreError error = queryError(waits, what);
                waits.finish();
                abandon();
                return Result::failure(error);
            }
            const bool stillWaits = waits.next();
            waits.finish();
            if (!stillWaits) {
                if (ownTransaction) {
                    abandon();
                } else {
                    QSqlQuery release(m_db);
                    release.prepare(LeaseStatements::releaseItem());
                    release.addBindValue(nowMs);
                    release.addBindValue(itemId);
                    release.addBindValue(session);
                    release.addBindValue(nowMs);
                    if (!release.exec())
                        return Result::failure(queryError(release, what));
                }
                continue;
            }
            if (ownTransaction && !control.exec(QStringLiteral("COMMIT"))) {
                const StoreError error = queryError(control, what);
                abandon();
                return Result::failure(error);
            }
            m_heldLeases.insert({itemId, pass});
            return {currentLease(itemId), {}};
        }
        if (candidates.size() < candidatePage) {
            if (!passedOverBusy || waitForBusy)
                return {std::nullopt, {}};
            waitForBusy = true;
            afterPosition = -1;
        }
    }
}

StoreResult<ItemLease> ProjectStore::takeLease(BatchItemId itemId, const QString &reviewer)
{
    using Result = StoreResult<ItemLease>;
    const QString holder = reviewer.trimmed();
    if (auto refusal = leaseTakerRefusal(holder, m_readOnly, m_path))
        return Result::failure(refusal);
    const auto item = batchItem(itemId);
    if (!item)
        return Result::failure(StoreError::make(StoreError::Code::NotFound,
                                                tr("there is no batch item %1").arg(itemId)));
    const QString session = leaseSession();
    const QDateTime at = now();
    const LeasePass pass = currentPassOf(statement(itemStageSql), itemId);
    if (pass == LeasePass::Second) {
        QSqlQuery own(m_db);
        own.prepare(LeaseStatements::ownAnswerInRound());
        own.addBindValue(itemId);
        own.addBindValue(holder);
        if (!own.exec())
            return Result::failure(
                    queryError(own, tr("Taking item %1 for review").arg(item->position + 1)));
        if (own.next())
            return Result::failure(StoreError::make(
                    StoreError::Code::Conflict,
                    tr("Item %1 waits for a second, independent answer and you gave the first "
                       "one: another reviewer gives it.")
                            .arg(item->position + 1)));
    }
    QSqlQuery take(m_db);
    take.prepare(LeaseStatements::take());
    take.addBindValue(itemId);
    take.addBindValue(passNumber(pass));
    take.addBindValue(holder);
    take.addBindValue(session);
    take.addBindValue(msOf(at));
    take.addBindValue(msOf(at) + qint64(leaseMinutes()) * 60 * 1000);
    if (!take.exec())
        return Result::failure(
                queryError(take, tr("Taking item %1 for review").arg(item->position + 1)));
    const auto lease = currentLease(itemId);
    if (take.numRowsAffected() != 1 || !lease || lease->session != session) {
        if (!lease)
            return Result::failure(StoreError::make(
                    StoreError::Code::Conflict,
                    tr("Item %1 could not be taken for review.").arg(item->position + 1)));
        return Result::failure(StoreError::make(
                StoreError::Code::Conflict,
                lease->holder == holder
                        ? tr("Item %1 is held by %2 in another window since %3.")
                                  .arg(item->position + 1)
                                  .arg(lease->holder, clockText(lease->acquiredAt, at))
                        : tr("Item %1 is held by %2 since %3.")
                                  .arg(item->position + 1)
                                  .arg(lease->holder, clockText(lease->acquiredAt, at))));
    }
    m_heldLeases.insert({itemId, passNumber(pass)});
    return {*lease, {}};
}

StoreResult<QList<BatchItemId>> ProjectStore::renewLeases()
{
    using Result = StoreResult<QList<BatchItemId>>;
    if (m_heldLeases.isEmpty())
        return {};
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return Result::failure(transaction.beginError());
    const qint64 until = msOf(now()) + qint64(leaseMinutes()) * 60 * 1000;
    QList<BatchItemId> lost;
    QSqlQuery &renew = statement(LeaseStatements::renew());
    const QScopeGuard releaseRenew([&renew] { renew.finish(); });
    for (const auto &[itemId, pass] : std::as_const(m_heldLeases)) {
        renew.addBindValue(until);
        renew.addBindValue(itemId);
        renew.addBindValue(pass);
        renew.addBindValue(leaseSession());
        if (!renew.exec())
            return Result::failure(queryError(renew, tr("Renewing this window's items")));
        if (renew.numRowsAffected() != 1)
            lost.append(itemId);
    }
    if (auto error = transaction.commit())
        return Result::failure(error);
    return {lost, {}};
}

StoreError ProjectStore::releaseLease(BatchItemId itemId)
{
    if (m_readOnly)
        return {};
    QSqlQuery &release = statement(LeaseStatements::releaseItem());
    const QScopeGuard releaseQuery([&release] { release.finish(); });
    const qint64 nowMs = msOf(now());
    release.addBindValue(nowMs);
    release.addBindValue(itemId);
    release.addBindValue(leaseSession());
    release.addBindValue(nowMs);
    if (!release.exec())
        return queryError(release, tr("Releasing item %1").arg(itemId));
    m_heldLeases.removeIf(
            [itemId](const std::pair<BatchItemId, int> &held) { return held.first == itemId; });
    return {};
}

StoreError ProjectStore::releaseLeases()
{
    if (m_readOnly || m_heldLeases.isEmpty())
        return {};
    QSqlQuery release(m_db);
    release.prepare(LeaseStatements::releaseSession());
    const qint64 nowMs = msOf(now());
    release.addBindValue(nowMs);
    release.addBindValue(leaseSession());
    release.addBindValue(nowMs);
    if (!release.exec())
        return queryError(release, tr("Releasing this window's items"));
    m_heldLeases.clear();
    return {};
}

StoreResult<ItemLease> ProjectStore::stealLease(BatchItemId itemId, const QString &lead,
                                                const QString &reason)
{
    using Result = StoreResult<ItemLease>;
    const QString name = lead.trimmed();
    if (name.isEmpty())
        return Result::failure(StoreError::make(StoreError::Code::InvalidArgument,
                                                tr("a lease needs the reviewer's name")));
    // On a server, a lead is a member of the project's lead role (the server checks it again);
    // its owner, who may act under any name, and a file go by the project's list of leads.
    const ProjectRole role = currentRole();
    if (m_server && role != ProjectRole::Owner && role != ProjectRole::Lead)
        return Result::failure(StoreError::make(
                StoreError::Code::Conflict,
                tr("%1 is %2 on project %3: taking an item another reviewer holds needs the lead "
                   "role; nothing was changed")
                        .arg(m_sessionUser,
                             role == ProjectRole::None ? tr("without a role")
                                                       : ProjectRoles::withArticle(role),
                             m_project)));
    QStringList leads;
    for (const QString &one : setting(leaseLeadsKey()).split(QLatin1Char(',')))
        if (!one.trimmed().isEmpty())
            leads.append(one.trimmed());
    if (role == ProjectRole::Owner && !leads.contains(name))
        return Result::failure(StoreError::make(
                StoreError::Code::Conflict,
                leads.isEmpty()
                        ? tr("Only a lead may take an item another reviewer holds, and this "
                             "project names no lead (setting %1); nothing was changed.")
                                  .arg(leaseLeadsKey())
                        : tr("Only a lead (%1) may take an item another reviewer holds; %2 is "
                             "not one, so nothing was changed.")
                                  .arg(leads.join(QStringLiteral(", ")), name)));
    if (reason.trimmed().isEmpty())
        return Result::failure(StoreError::make(
                StoreError::Code::InvalidArgument,
                tr("Say why you take the item from its holder: the reason is kept in the "
                   "audit.")));
    const auto item = batchItem(itemId);
    if (!item)
        return Result::failure(StoreError::make(StoreError::Code::NotFound,
                                                tr("there is no batch item %1").arg(itemId)));
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return Result::failure(transaction.beginError());
    const QDateTime at = now();
    const auto previous = currentLease(itemId);
    // Nobody holds it live: there is nothing to steal, only an item to take.
    if (!previous || !previous->isLiveAt(at) || previous->session == leaseSession()) {
        auto taken = takeLease(itemId, name);
        if (taken.isError())
            return taken;
        if (auto error = transaction.commit())
            return Result::failure(error);
        return taken;
    }
    const qint64 atMs = msOf(at);
    QSqlQuery steal(m_db);
    steal.prepare(LeaseStatements::steal());
    steal.addBindValue(name);
    steal.addBindValue(leaseSession());
    steal.addBindValue(atMs);
    steal.addBindValue(atMs + qint64(leaseMinutes()) * 60 * 1000);
    steal.addBindValue(itemId);
    steal.addBindValue(passNumber(previous->pass));
    steal.addBindValue(previous->session);
    if (!steal.exec())
        return Result::failure(queryError(steal, tr("Taking item %1").arg(item->position + 1)));
    if (steal.numRowsAffected() != 1)
        return Result::failure(
                StoreError::make(StoreError::Code::Conflict,
                                 tr("Item %1 changed hands meanwhile; nothing was changed.")
                                         .arg(item->position + 1)));
    QSqlQuery record(m_db);
    record.prepare(LeaseStatements::recordSteal());
    record.addBindValue(itemId);
    record.addBindValue(passNumber(previous->pass));
    record.addBindValue(name);
    record.addBindValue(previous->holder);
    record.addBindValue(previous->session);
    record.addBindValue(msOf(previous->acquiredAt));
    record.addBindValue(reason.trimmed());
    record.addBindValue(atMs);
    if (!record.exec())
        return Result::failure(
                queryError(record, tr("Recording the steal of item %1").arg(item->position + 1)));
    const qint64 stealId = record.lastInsertId().toLongLong();
    // The digest is taken from the row as read back, as verify() reads it.
    QSqlQuery written(m_db);
    written.prepare(LeaseStatements::stealRow());
    written.addBindValue(stealId);
    if (!written.exec() || !written.next())
        return Result::failure(
                queryError(written, tr("Recording the steal of item %1").arg(item->position + 1)));
    const QByteArray digest = stealDigest(written);
    written.finish();
    if (auto error = appendAuditEntry(leaseStealsSubject, stealId, name, digest))
        return Result::failure(error);
    if (auto error = transaction.commit())
        return Result::failure(error);
    m_heldLeases.insert({itemId, passNumber(previous->pass)});
    const auto lease = currentLease(itemId);
    return {lease.value_or(ItemLease {}), {}};
}

StoreError ProjectStore::leaseRefusal(BatchItemId itemId, bool anyPass)
{
    // Every change to an item asks this first; an item of a signed batch changes no more.
    if (auto error = signedItemRefusal(itemId))
        return error;
    // On a server, the item's lock to the end of the decision's transaction: a reviewer taking
    // this item as their next one meanwhile passes it over, and sees this decision whole when
    // they come to it (takeNextItem).
    if (StoreDialect::backendOf(m_db) == StoreDialect::Backend::Postgres) {
        QSqlQuery &lock = statement(LeaseStatements::lockItem());
        lock.addBindValue(itemLockKey(itemId));
        const bool locked = lock.exec();
        const StoreError error
                = locked ? StoreError {}
                         : queryError(lock, tr("Reading who holds item %1").arg(itemId));
        lock.finish();
        if (error)
            return error;
    }
    QSqlQuery &query = statement(LeaseStatements::itemLeases());
    query.addBindValue(itemId);
    if (!query.exec()) {
        query.finish();
        if (schemaVersion() < firstLeaseSchema)
            return {}; // a project without leases: nobody holds anything
        return queryError(query, tr("Reading who holds item %1").arg(itemId));
    }
    QList<ItemLease> leases;
    while (query.next())
        leases.append(leaseFromQuery(query));
    query.finish();
    if (leases.isEmpty())
        return {};
    const QString session = leaseSession();
    const QDateTime at = now();
    std::optional<LeasePass> currentPass;
    if (!anyPass)
        currentPass = currentPassOf(statement(itemStageSql), itemId);
    for (const ItemLease &lease : std::as_const(leases)) {
        if (currentPass && lease.pass != *currentPass)
            continue;
        if (lease.session == session)
            continue;
        const bool live = lease.isLiveAt(at);
        const bool lost = m_heldLeases.contains({itemId, passNumber(lease.pass)});
        if (!live && !lost)
            continue;
        const auto item = batchItem(itemId);
        const QString number = QString::number(item ? item->position + 1 : itemId);
        const QString when = clockText(lease.acquiredAt, at);
        QString sentence;
        if (live)
            sentence = anyPass ? tr("Item %1 is now held by %2 since %3; your undo was not saved.")
                               : tr("Item %1 is now held by %2 since %3; your decision was not "
                                    "saved.");
        else
            sentence = anyPass ? tr("Item %1 was taken by %2 at %3 after your lease ran out; "
                                    "your undo was not saved.")
                               : tr("Item %1 was taken by %2 at %3 after your lease ran out; "
                                    "your decision was not saved.");
        return StoreError::make(StoreError::Code::Conflict,
                                sentence.arg(number).arg(lease.holder, when));
    }
    return {};
}

StoreError ProjectStore::secondAnswerRefusal(BatchItemId itemId, ReviewId reviewId,
                                             const QString &reviewer)
{
    // The stage is still the one before this review (recording its role refreshes it).
    QSqlQuery query(m_db);
    query.prepare(LeaseStatements::secondAnswerBySameReviewer());
    query.addBindValue(itemId);
    query.addBindValue(reviewStageName(ReviewStage::AwaitingSecond));
    query.addBindValue(reviewId);
    query.addBindValue(reviewer);
    if (!query.exec())
        return queryError(query, tr("Checking the second answer of item %1").arg(itemId));
    if (!query.next())
        return {};
    const auto item = batchItem(itemId);
    return StoreError::make(StoreError::Code::Conflict,
                            tr("Item %1 waits for a second, independent answer and %2 gave the "
                               "first one: another reviewer must give it; nothing was saved.")
                                    .arg(item ? item->position + 1 : itemId)
                                    .arg(reviewer));
}

QHash<qint64, QByteArray> ProjectStore::leaseStealDigests() const
{
    QHash<qint64, QByteArray> digests;
    if (schemaVersion() < firstLeaseSchema)
        return digests;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(LeaseStatements::stealRows()))
        return digests;
    while (query.next())
        digests.insert(query.value(0).toLongLong(), stealDigest(query));
    return digests;
}

} // namespace Boucle
