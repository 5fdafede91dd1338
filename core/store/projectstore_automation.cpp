// ProjectStore: the hooks Boucle ran and the ledger of `boucle watch` (schema 5). Both tables are
// written outside the audit chain: a hook run or a watched file says what happened around the
// labels, and recording it must not fail a decision or an import that is already durable.
#include "projectstore.h"

#include "recordcodec.h"
#include "storedialect.h"
#include "storetransaction.h"

#include <QSqlQuery>

namespace Boucle {

using namespace RecordCodec;

namespace {

const QString hookRunColumns
        = QStringLiteral("id, event, batch_id, version, command, started_at, duration_ms, outcome,"
                         " exit_code, output, output_truncated");

HookRunRecord hookRunFromQuery(const QSqlQuery &query)
{
    HookRunRecord run;
    run.id = query.value(0).toLongLong();
    run.event = query.value(1).toString();
    run.batchId = query.value(2).toLongLong();
    run.version = query.value(3).toInt();
    run.command = query.value(4).toString();
    run.startedAt = timeFromText(query.value(5).toString());
    run.durationMs = query.value(6).toLongLong();
    run.outcome = hookOutcomeFromName(query.value(7).toString());
    run.exitCode = query.value(8).toInt();
    run.output = query.value(9).toByteArray();
    run.outputTruncated = query.value(10).toBool();
    return run;
}

const QString watchedColumns = QStringLiteral(
        "id, path, byte_size, modified_at, sha256, outcome, message, batch_id, recorded_at");

WatchedFileRecord watchedFromQuery(const QSqlQuery &query)
{
    WatchedFileRecord file;
    file.id = query.value(0).toLongLong();
    file.path = query.value(1).toString();
    file.size = query.value(2).toLongLong();
    file.modifiedAt = timeFromText(query.value(3).toString());
    file.sha256 = query.value(4).toString().toLatin1();
    file.outcome = query.value(5).toString() == QLatin1String("imported")
                           ? WatchedFileRecord::Outcome::Imported
                           : WatchedFileRecord::Outcome::Failed;
    file.message = query.value(6).toString();
    file.batchId = query.value(7).toLongLong();
    file.recordedAt = timeFromText(query.value(8).toString());
    return file;
}

} // namespace

QString hookOutcomeName(HookRunRecord::Outcome outcome)
{
    switch (outcome) {
    case HookRunRecord::Outcome::Succeeded:
        return QStringLiteral("succeeded");
    case HookRunRecord::Outcome::Failed:
        return QStringLiteral("failed");
    case HookRunRecord::Outcome::TimedOut:
        return QStringLiteral("timed-out");
    case HookRunRecord::Outcome::NotStarted:
        break;
    }
    return QStringLiteral("not-started");
}

HookRunRecord::Outcome hookOutcomeFromName(const QString &name)
{
    for (auto outcome : {HookRunRecord::Outcome::Succeeded, HookRunRecord::Outcome::Failed,
                         HookRunRecord::Outcome::TimedOut})
        if (hookOutcomeName(outcome) == name)
            return outcome;
    return HookRunRecord::Outcome::NotStarted;
}

StoreError ProjectStore::addHookRun(HookRunRecord &run)
{
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO hook_runs (event, batch_id, version, command,"
                                 " started_at, duration_ms, outcome, exit_code, output,"
                                 " output_truncated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                 " RETURNING id"));
    query.addBindValue(run.event);
    query.addBindValue(run.batchId > 0 ? QVariant(run.batchId)
                                       : QVariant(QMetaType::fromType<qint64>()));
    query.addBindValue(run.version);
    query.addBindValue(run.command);
    query.addBindValue(timeToText(run.startedAt));
    query.addBindValue(run.durationMs);
    query.addBindValue(hookOutcomeName(run.outcome));
    query.addBindValue(run.exitCode);
    query.addBindValue(run.output.isNull() ? QByteArray("") : run.output);
    query.addBindValue(run.outputTruncated ? 1 : 0);
    if (!query.exec())
        return queryError(query, tr("Recording the run of the %1 hook").arg(run.event));
    run.id = StoreDialect::returnedId(query);
    noteChange(Change::Automation);
    return transaction.commit();
}

QList<HookRunRecord> ProjectStore::hookRuns(int limit) const
{
    QList<HookRunRecord> runs;
    if (schemaVersion() < 5)
        return runs;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM hook_runs ORDER BY id DESC LIMIT ?")
                          .arg(hookRunColumns));
    query.addBindValue(StoreDialect::limit(limit));
    if (query.exec())
        while (query.next())
            runs.append(hookRunFromQuery(query));
    return runs;
}

std::optional<HookRunRecord> ProjectStore::hookRun(qint64 id) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM hook_runs WHERE id = ?").arg(hookRunColumns));
    query.addBindValue(id);
    if (query.exec() && query.next())
        return hookRunFromQuery(query);
    return std::nullopt;
}

bool ProjectStore::hasHookRun(const QString &event, BatchId batchId) const
{
    QSqlQuery query(m_db);
    query.prepare(
            QStringLiteral("SELECT 1 FROM hook_runs WHERE event = ? AND batch_id = ? LIMIT 1"));
    query.addBindValue(event);
    query.addBindValue(batchId);
    return query.exec() && query.next();
}

StoreError ProjectStore::addWatchedFile(WatchedFileRecord &file)
{
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    if (!file.recordedAt.isValid())
        file.recordedAt = now();
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO watched_files (path, byte_size, modified_at, sha256,"
                                 " outcome, message, batch_id, recorded_at)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    query.addBindValue(file.path);
    query.addBindValue(file.size);
    query.addBindValue(timeToText(file.modifiedAt));
    query.addBindValue(QString::fromLatin1(file.sha256));
    query.addBindValue(file.outcome == WatchedFileRecord::Outcome::Imported
                               ? QStringLiteral("imported")
                               : QStringLiteral("failed"));
    query.addBindValue(file.message);
    query.addBindValue(file.batchId > 0 ? QVariant(file.batchId)
                                        : QVariant(QMetaType::fromType<qint64>()));
    query.addBindValue(timeToText(file.recordedAt));
    if (!query.exec())
        return queryError(query, tr("Recording %1 in the ledger of watched files").arg(file.path));
    file.id = StoreDialect::returnedId(query);
    noteChange(Change::Automation);
    return transaction.commit();
}

std::optional<WatchedFileRecord> ProjectStore::latestWatchedFile(const QString &path) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM watched_files WHERE path = ?"
                                 " ORDER BY id DESC LIMIT 1")
                          .arg(watchedColumns));
    query.addBindValue(path);
    if (query.exec() && query.next())
        return watchedFromQuery(query);
    return std::nullopt;
}

bool ProjectStore::hasWatchedFile(const QString &path, const QByteArray &sha256) const
{
    QSqlQuery query(m_db);
    query.prepare(
            QStringLiteral("SELECT 1 FROM watched_files WHERE path = ? AND sha256 = ? LIMIT 1"));
    query.addBindValue(path);
    query.addBindValue(QString::fromLatin1(sha256));
    return query.exec() && query.next();
}

QList<WatchedFileRecord> ProjectStore::watchedFiles() const
{
    QList<WatchedFileRecord> files;
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("SELECT %1 FROM watched_files ORDER BY id").arg(watchedColumns)))
        while (query.next())
            files.append(watchedFromQuery(query));
    return files;
}

} // namespace Boucle
