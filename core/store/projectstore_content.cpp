// ProjectStore: what was seen of the sample files (schema 7). Observations are taken at import (a
// stat alone), by the background hasher and by `verify --content`; they are records of the file
// system kept outside the audit chain, append-only, so a later look never hides an earlier one.
// From schema 15 the import's observation is kept in the sample's row (its size and modified_ns,
// taken when the row was added): contentObservations() gives it first, as before.
#include "projectstore.h"

#include "recordcodec.h"
#include "storedialect.h"
#include "storetransaction.h"

#include <QSqlQuery>

namespace Boucle {

using namespace RecordCodec;

namespace {

QString sourceName(ContentObservation::Source source)
{
    switch (source) {
    case ContentObservation::Source::Import:
        return QStringLiteral("import");
    case ContentObservation::Source::Verify:
        return QStringLiteral("verify");
    case ContentObservation::Source::Background:
        break;
    }
    return QStringLiteral("background");
}

ContentObservation::Source sourceFromName(const QString &name)
{
    if (name == QLatin1String("import"))
        return ContentObservation::Source::Import;
    if (name == QLatin1String("verify"))
        return ContentObservation::Source::Verify;
    return ContentObservation::Source::Background;
}

} // namespace

StoreError ProjectStore::addContentObservations(QList<ContentObservation> &observations)
{
    if (observations.isEmpty())
        return {};
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    QSqlQuery &query = statement(
            QStringLiteral("INSERT INTO content_observations (sample_id, sha256, byte_size,"
                           " modified_ns, observed_at, source) VALUES (?, ?, ?, ?, ?, ?)"
                           " RETURNING id"));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    const QDateTime taken = now();
    for (auto &observation : observations) {
        if (!observation.observedAt.isValid())
            observation.observedAt = taken;
        query.addBindValue(observation.sampleId);
        query.addBindValue(observation.sha256.isEmpty()
                                   ? QVariant(QMetaType::fromType<QString>())
                                   : QVariant(QString::fromLatin1(observation.sha256)));
        query.addBindValue(observation.byteSize);
        query.addBindValue(observation.modifiedNs);
        query.addBindValue(timeToText(observation.observedAt));
        query.addBindValue(sourceName(observation.source));
        if (!query.exec())
            return queryError(query, tr("Recording what was seen of the file of sample %1")
                                             .arg(observation.sampleId));
        observation.id = StoreDialect::returnedId(query);
    }
    return transaction.commit();
}

QList<ContentObservation> ProjectStore::contentObservations(SampleId sampleId) const
{
    QList<ContentObservation> result;
    if (keepsImportSeenInSampleRow()) {
        QSqlQuery &seen = statement(
                QStringLiteral("SELECT sha256, byte_size, modified_ns, added_at FROM samples"
                               " WHERE id = ? AND modified_ns IS NOT NULL"));
        const QScopeGuard releaseSeen([&seen] { seen.finish(); });
        seen.addBindValue(sampleId);
        if (seen.exec() && seen.next()) {
            ContentObservation observation; // id 0: it has no row of its own
            observation.sampleId = sampleId;
            observation.sha256 = seen.value(0).toString().toLatin1();
            observation.byteSize = seen.value(1).toLongLong();
            observation.modifiedNs = seen.value(2).toLongLong();
            observation.observedAt = timeFromText(seen.value(3).toString());
            observation.source = ContentObservation::Source::Import;
            result.append(observation);
        }
    }
    QSqlQuery &query = statement(
            QStringLiteral("SELECT id, sha256, byte_size, modified_ns, observed_at, source"
                           " FROM content_observations WHERE sample_id = ? ORDER BY id"));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(sampleId);
    if (!query.exec())
        return result;
    while (query.next()) {
        ContentObservation observation;
        observation.id = query.value(0).toLongLong();
        observation.sampleId = sampleId;
        observation.sha256 = query.value(1).toString().toLatin1();
        observation.byteSize = query.value(2).toLongLong();
        observation.modifiedNs = query.value(3).toLongLong();
        observation.observedAt = timeFromText(query.value(4).toString());
        observation.source = sourceFromName(query.value(5).toString());
        result.append(observation);
    }
    return result;
}

QByteArray ProjectStore::knownContentHash(SampleId sampleId) const
{
    QSqlQuery &query = statement(QStringLiteral(
            "SELECT COALESCE(NULLIF(s.sha256, ''), (SELECT o.sha256 FROM content_observations o"
            " WHERE o.sample_id = s.id AND o.sha256 IS NOT NULL ORDER BY o.id DESC LIMIT 1))"
            " FROM samples s WHERE s.id = ?"));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(sampleId);
    if (query.exec() && query.next())
        return query.value(0).toString().toLatin1();
    return {};
}

namespace {
const QString awaitingHash
        = QStringLiteral("FROM samples s WHERE s.missing = 0 AND COALESCE(s.sha256, '') = ''"
                         " AND NOT EXISTS (SELECT 1 FROM content_observations o"
                         " WHERE o.sample_id = s.id AND o.sha256 IS NOT NULL)");
}

QList<SampleRecord> ProjectStore::samplesAwaitingHash(SampleId afterId, int limit) const
{
    QList<SampleRecord> result;
    QSqlQuery query(m_db);
    StoreDialect::readForward(query);
    query.prepare(QStringLiteral("SELECT s.id, s.path, s.kind, s.byte_size %1 AND s.id > ?"
                                 " ORDER BY s.id LIMIT ?")
                          .arg(awaitingHash));
    query.addBindValue(afterId);
    query.addBindValue(StoreDialect::limit(limit));
    if (!query.exec())
        return result;
    while (query.next()) {
        SampleRecord sample;
        sample.id = query.value(0).toLongLong();
        sample.path = query.value(1).toString();
        sample.kind = query.value(2).toString();
        sample.byteSize = query.value(3).toLongLong();
        result.append(sample);
    }
    return result;
}

qint64 ProjectStore::samplesAwaitingHashCount() const
{
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("SELECT count(*) %1").arg(awaitingHash)) && query.next())
        return query.value(0).toLongLong();
    return 0;
}

} // namespace Boucle
