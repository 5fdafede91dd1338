#include "predictionbulkwriter.h"

#include "sqliteconnection.h"

#include "postgresrowcopy.h"
#include "projectstore.h"
#include "recordcodec.h"
#include "records/committeetext.h"
#include "rowencoding.h"
#include "schemamigrations.h"
#include "writtenrows.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <cmath>
#include <cstring>

namespace Boucle {

using namespace RecordCodec;

namespace {
// What a row binds in place (SQLITE_STATIC), kept from row to row so that no row allocates.
struct Buffers
{
    QByteArray path, kind, split, addedAt;
};
} // namespace

namespace {

// Binds a row's values and encodes the sealed ones as the seal reads them back (RowEncoding), in
// one call each, so that what is digested is what is bound. Bytes are bound in place
// (SQLITE_STATIC): they must stay unchanged until the step.
struct SealedBinding
{
    sqlite3_stmt *statement;
    RowEncoding &row;

    void null(int index)
    {
        sqlite3_bind_null(statement, index);
        row.addNull();
    }
    void integer(int index, qint64 value)
    {
        sqlite3_bind_int64(statement, index, value);
        row.addInteger(value);
    }
    // 0 is no row: NULL.
    void idOrNull(int index, qint64 id)
    {
        if (id == 0)
            null(index);
        else
            integer(index, id);
    }
    // A column added after rows were first sealed: NULL is not digested.
    void lateIntegerOrNull(int index, qint64 value, bool isNull)
    {
        if (!isNull) {
            integer(index, value);
            return;
        }
        sqlite3_bind_null(statement, index);
        row.addLateNull();
    }
    // Into a REAL column, as SQLite keeps it: NaN is stored as NULL, and -0.0 reads back as 0.0
    // (a whole number is stored as an integer).
    void real(int index, double value)
    {
        if (std::isnan(value)) {
            null(index);
            return;
        }
        sqlite3_bind_double(statement, index, value);
        row.addReal(value == 0 ? 0.0 : value);
    }
    void text(int index, QByteArrayView utf8)
    {
        sqlite3_bind_text(statement, index, utf8.data(), int(utf8.size()), SQLITE_STATIC);
        row.addText(utf8);
    }
    void textOrNull(int index, QByteArrayView utf8)
    {
        if (utf8.isEmpty())
            null(index);
        else
            text(index, utf8);
    }
    void blobOrNull(int index, QByteArrayView bytes)
    {
        if (bytes.isEmpty()) {
            null(index);
            return;
        }
        sqlite3_bind_blob(statement, index, bytes.data(), int(bytes.size()), SQLITE_STATIC);
        row.addBlob(bytes);
    }
};

} // namespace

struct PredictionBulkWriter::Statements
{
    sqlite3 *db = nullptr;
    Buffers buffers;
    // The rows this writer inserts, digested as they are bound, for the transaction's seal.
    std::unique_ptr<WrittenRows> writtenSamples;
    std::unique_ptr<WrittenRows> writtenPredictions;
    RowEncoding row;
    sqlite3_stmt *findSample = nullptr;
    sqlite3_stmt *insertSample = nullptr;
    sqlite3_stmt *insertPrediction = nullptr;
    sqlite3_stmt *findPrediction = nullptr;

    ~Statements()
    {
        sqlite3_finalize(findSample);
        sqlite3_finalize(insertSample);
        sqlite3_finalize(insertPrediction);
        sqlite3_finalize(findPrediction);
    }

    bool prepare(sqlite3_stmt **statement, const char *sql)
    {
        return sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, statement, nullptr)
               == SQLITE_OK;
    }

    StoreError error(const QString &what) const
    {
        const int code = sqlite3_errcode(db);
        if ((code & 0xff) == SQLITE_FULL)
            return StoreError::make(
                    StoreError::Code::Failed,
                    QCoreApplication::translate("Boucle::PredictionBulkWriter",
                                                "%1: the disk is full (or the project reached its "
                                                "size limit); %2 was not changed. Free some space "
                                                "and try again.")
                            .arg(what, QString::fromUtf8(sqlite3_db_filename(db, "main"))));
        const auto kind = (code == SQLITE_BUSY || code == SQLITE_LOCKED) ? StoreError::Code::Locked
                          : code == SQLITE_READONLY ? StoreError::Code::ReadOnly
                                                    : StoreError::Code::Failed;
        return StoreError::make(
                kind, QCoreApplication::translate("Boucle::PredictionBulkWriter", "%1: %2")
                              .arg(what, QString::fromUtf8(sqlite3_errmsg(db))));
    }
};

struct PredictionBulkWriter::ServerRows
{
    // Ids are taken from a table's sequence this many at a time.
    static constexpr qint64 idBlock = 4096;
    // The gathered rows are sent when the predictions' rows pass this size.
    static constexpr qsizetype sendAtBytes = 16 << 20;

    struct Ids
    {
        const char *table;
        qint64 next = 1;
        qint64 last = 0;
    };

    pg_conn *connection = nullptr;
    PostgresRowCopy samples {"samples", "id, path, kind, sha256, byte_size, width, height, missing,"
                                        " split, metadata, added_at, modified_ns"};
    PostgresRowCopy predictions {"predictions",
                                 "id, sample_id, model_id, label_id, confidence, probs, committee,"
                                 " embedding, objects, heatmap, predicted_at, truth_id, report,"
                                 " upstream_flags, metadata, log_line, frame"};
    Ids sampleIds {"samples"};
    Ids predictionIds {"predictions"};
    // Every sample from this id on was added by this import (the write lock is held throughout).
    qint64 firstOwnSample = 0;
    // The predictions this import added, by (sample, model).
    QHash<std::pair<qint64, qint64>, qint64> ownPredictions;
    QByteArray addedAt;
    QByteArray scratch;
    StoreError deferred; // a send that failed where no error could be returned

    bool isOwnSample(qint64 id) const { return firstOwnSample > 0 && id >= firstOwnSample; }

    StoreResult<qint64> nextId(QSqlDatabase &db, Ids &ids)
    {
        if (ids.next > ids.last) {
            // One statement moves the sequence past a whole block and returns its end.
            QSqlQuery query(db);
            const QString sql = QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'),"
                                               " nextval(pg_get_serial_sequence('%1', 'id')) + %2)")
                                        .arg(QLatin1String(ids.table))
                                        .arg(idBlock - 1);
            if (!query.exec(sql) || !query.next())
                return StoreResult<qint64>::failure(StoreError::make(
                        StoreError::Code::Failed,
                        QCoreApplication::translate("Boucle::PredictionBulkWriter",
                                                    "Taking ids for new rows of %1: %2")
                                .arg(QLatin1String(ids.table), query.lastError().text())));
            ids.last = query.value(0).toLongLong();
            ids.next = ids.last - idBlock + 1;
        }
        return {ids.next++, {}};
    }
};

namespace {

// Binders that copy the bytes (SQLITE_TRANSIENT): `text` may go before the step.
void bindTextAlways(sqlite3_stmt *statement, int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

// The little-endian floats of RecordCodec::encodeFloats into `buffer` (its capacity kept).
void encodeFloatsInto(const QVector<float> &values, QByteArray &buffer)
{
    buffer.resize(values.size() * qsizetype(sizeof(float)));
    auto *out = reinterpret_cast<uchar *>(buffer.data());
    for (qsizetype i = 0; i < values.size(); ++i)
        qToLittleEndian<float>(values[i], out + i * qsizetype(sizeof(float)));
}

// The UTF-8 of `text` into `buffer` (its capacity kept).
void utf8Into(const QString &text, QByteArray &buffer)
{
    // Plain ASCII (nearly every path) is narrowed in one pass; anything else goes through Qt.
    buffer.resize(text.size());
    char *into = buffer.data();
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x80) {
            buffer = text.toUtf8();
            return;
        }
        *into++ = char(u);
    }
}

} // namespace

PredictionBulkWriter::PredictionBulkWriter(ProjectStore &store)
    : m_store(store)
    , m_addedAt(timeToText(store.now()))
{
    const QVariant handle = store.database().driver()->handle();
    // QPSQL's handle is libpq's connection; its type is named after libpq's typedef or struct.
    if (handle.isValid()
        && (qstrcmp(handle.typeName(), "PGconn*") == 0
            || qstrcmp(handle.typeName(), "pg_conn*") == 0)) {
        auto server = std::make_unique<ServerRows>();
        server->connection = *static_cast<pg_conn *const *>(handle.constData());
        server->addedAt = m_addedAt.toUtf8();
        if (server->connection)
            m_server = std::move(server);
        return;
    }
    // A project file of an earlier schema (a read-write store is upgraded when opened, so only
    // one made at an older schema on purpose) goes through ProjectStore's own statements.
    if (store.schemaVersion() < importSeenInSampleRowSchema)
        return;
    auto statements = std::make_unique<Statements>();
    statements->db = sqliteConnectionOf(store.database());
    statements->buffers.addedAt = m_addedAt.toUtf8();
    if (!statements->db)
        return;
    const bool prepared
            = statements->prepare(&statements->findSample,
                                  "SELECT id, missing FROM samples WHERE path = ?")
              && statements->prepare(&statements->insertSample,
                                     "INSERT INTO samples (path, kind, sha256, byte_size, width,"
                                     " height, missing, split, metadata, added_at, modified_ns)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
              && statements->prepare(
                      &statements->insertPrediction,
                      "INSERT INTO predictions (sample_id, model_id, label_id, confidence, probs,"
                      " committee, embedding, objects, heatmap, predicted_at, truth_id, report,"
                      " upstream_flags, metadata, log_line, frame)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      " ON CONFLICT (sample_id, model_id) DO NOTHING")
              && statements->prepare(
                      &statements->findPrediction,
                      "SELECT id FROM predictions WHERE sample_id = ? AND model_id = ?");
    if (!prepared)
        return;
    const int schema = store.schemaVersion();
    statements->writtenSamples
            = std::make_unique<WrittenRows>(store.database(), QStringLiteral("samples"), schema);
    statements->writtenPredictions = std::make_unique<WrittenRows>(
            store.database(), QStringLiteral("predictions"), schema);
    m_statements = std::move(statements);
}

PredictionBulkWriter::~PredictionBulkWriter() = default;

void PredictionBulkWriter::encode(const QString &samplePath, const PredictionRecord &prediction,
                                  EncodedLine &into, QByteArray *committeeText)
{
    utf8Into(samplePath, into.samplePath);
    encodeFloatsInto(prediction.probs, into.probs);
    if (committeeText && !committeeText->isEmpty() && !prediction.committee.isEmpty()) {
        into.committee.swap(*committeeText);
        committeeText->resize(0); // taken: never the text of a later line
    } else {
        CommitteeText::write(prediction.committee, into.committee);
    }
    encodeFloatsInto(prediction.embedding, into.embedding);
    char time[25];
    if (!prediction.predictedAt.isValid())
        into.predictedAt.resize(0);
    else if (RecordCodec::utcIsoText(prediction.predictedAt, time)) {
        into.predictedAt.resize(24);
        std::memcpy(into.predictedAt.data(), time, 24);
    } else {
        into.predictedAt = timeToText(prediction.predictedAt).toUtf8();
    }
    into.valid = true;
}

bool PredictionBulkWriter::isDirect() const
{
    return m_statements != nullptr || m_server != nullptr;
}

StoreError PredictionBulkWriter::flush()
{
    if (!m_server)
        return {};
    if (m_server->deferred)
        return m_server->deferred;
    // Parents first: a prediction names its sample.
    const QString what = QCoreApplication::translate("Boucle::PredictionBulkWriter",
                                                     "Writing the imported rows to %1")
                                 .arg(m_store.path());
    if (auto error = m_server->samples.send(m_server->connection, what))
        return m_server->deferred = error;
    if (auto error = m_server->predictions.send(m_server->connection, what))
        return m_server->deferred = error;
    return {};
}

qint64 PredictionBulkWriter::classIdOf(const QString &name)
{
    if (name.isEmpty())
        return 0;
    // The log reader hands every line of a class the same string: the strings kept here (alive,
    // so no other string can take their place in memory) are recognised by their address.
    for (const auto &[known, id] : m_recentClasses) {
        if (known.constData() == name.constData() && known.size() == name.size())
            return id;
    }
    const auto found = m_classIds.constFind(name);
    qint64 id = 0;
    if (found != m_classIds.cend()) {
        id = found.value();
    } else {
        id = m_store.classId(name).value_or(0);
        if (id != 0)
            m_classIds.insert(name, id);
    }
    if (id != 0 && m_recentClasses.size() < recentClassLimit)
        m_recentClasses.emplace_back(name, id);
    return id;
}

std::optional<SampleRecord> PredictionBulkWriter::findSample(const QString &path)
{
    if (m_server) {
        // The server is asked, so it must hold what was gathered; a failed send is returned by
        // the next add.
        if (flush())
            return std::nullopt;
        return m_store.sampleByPath(path);
    }
    if (!m_statements)
        return m_store.sampleByPath(path);
    sqlite3_stmt *statement = m_statements->findSample;
    bindTextAlways(statement, 1, path);
    std::optional<SampleRecord> result;
    if (sqlite3_step(statement) == SQLITE_ROW) {
        SampleRecord sample;
        sample.id = sqlite3_column_int64(statement, 0);
        sample.missing = sqlite3_column_int(statement, 1) != 0;
        sample.path = path;
        result = sample;
    }
    sqlite3_reset(statement);
    return result;
}

StoreError PredictionBulkWriter::addSample(SampleRecord &sample, const EncodedLine *line)
{
    // The first row of each kind goes through the typed API, which also records the change that
    // ProjectStore::changed() announces when the transaction commits.
    if (m_server && m_sampleNoted)
        return addServerSample(sample, line);
    if (!m_statements || !m_sampleNoted) {
        m_sampleNoted = true;
        if (m_server) {
            if (auto error = flush())
                return error;
            auto error = m_store.addSample(sample);
            if (!error && m_server->firstOwnSample == 0)
                m_server->firstOwnSample = sample.id;
            return error;
        }
        return m_store.addSample(sample);
    }
    sqlite3_stmt *statement = m_statements->insertSample;
    Buffers &buffers = m_statements->buffers;
    m_statements->row.clear();
    SealedBinding bind {statement, m_statements->row};
    // In the seal's order: path, kind, sha256, byte_size, width, height, split, metadata,
    // added_at (`missing` and `modified_ns` are not sealed).
    if (line && line->valid) {
        bind.text(1, line->samplePath);
    } else {
        utf8Into(sample.path, buffers.path);
        bind.text(1, buffers.path);
    }
    utf8Into(sample.kind.isEmpty() ? QStringLiteral("image") : sample.kind, buffers.kind);
    bind.text(2, buffers.kind);
    bind.textOrNull(3, sample.sha256);
    bind.integer(4, sample.byteSize);
    bind.integer(5, sample.width);
    bind.integer(6, sample.height);
    sqlite3_bind_int(statement, 7, sample.missing ? 1 : 0);
    utf8Into(splitName(sample.split), buffers.split);
    bind.text(8, buffers.split);
    const QByteArray metadata
            = sample.metadata.isEmpty() ? QByteArray() : toCompactJson(sample.metadata).toUtf8();
    bind.textOrNull(9, metadata);
    bind.text(10, buffers.addedAt);
    // What the import saw of the file, as ProjectStore::addSample records it, so that a later
    // change of size or time is noticed.
    if (sample.missing || sample.modifiedNs == 0)
        sqlite3_bind_null(statement, 11);
    else
        sqlite3_bind_int64(statement, 11, sample.modifiedNs);
    const int status = sqlite3_step(statement);
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (status != SQLITE_DONE)
        return m_statements->error(
                QCoreApplication::translate("Boucle::PredictionBulkWriter", "Adding the sample %1")
                        .arg(sample.path));
    sample.id = sqlite3_last_insert_rowid(m_statements->db);
    m_statements->writtenSamples->add(sample.id, m_statements->row);
    return {};
}

StoreError PredictionBulkWriter::addPrediction(PredictionRecord &prediction, bool *added,
                                               const EncodedLine *line)
{
    if (m_server && m_predictionNoted)
        return addServerPrediction(prediction, added, line);
    if (m_server) {
        if (auto error = flush())
            return error;
        const std::pair<qint64, qint64> key {prediction.sampleId, prediction.modelId};
        if (m_server->isOwnSample(prediction.sampleId) && !m_server->ownPredictions.contains(key)) {
            if (auto error = m_store.addPrediction(prediction))
                return error;
            m_server->ownPredictions.insert(key, prediction.id);
            *added = m_predictionNoted = true;
            return {};
        }
        if (auto error = addServerPrediction(prediction, added, line))
            return error;
        m_predictionNoted = *added;
        return {};
    }
    if (!m_statements || !m_predictionNoted) {
        const qint64 before = m_store.predictionCount();
        auto error = m_store.addPrediction(prediction);
        *added = !error && m_store.predictionCount() > before;
        m_predictionNoted = *added;
        return error;
    }
    if (!line || !line->valid) {
        encode(QString(), prediction, m_encoded);
        line = &m_encoded;
    }
    sqlite3_stmt *statement = m_statements->insertPrediction;
    m_statements->row.clear();
    SealedBinding bind {statement, m_statements->row};
    // The bound columns are the sealed ones after the id, in the seal's order.
    const QByteArray objects = prediction.objects.isEmpty()
                                       ? QByteArray()
                                       : toCompactJson(objectsToJson(prediction.objects)).toUtf8();
    const QByteArray heatmap = prediction.heatmapPath.toUtf8();
    const QByteArray report = prediction.report.toUtf8();
    const QByteArray flags
            = prediction.upstreamFlags.isEmpty()
                      ? QByteArray()
                      : toCompactJson(upstreamFlagsToJson(prediction.upstreamFlags)).toUtf8();
    const QByteArray metadata = prediction.metadata.isEmpty()
                                        ? QByteArray()
                                        : toCompactJson(prediction.metadata).toUtf8();
    bind.integer(1, prediction.sampleId);
    bind.integer(2, prediction.modelId);
    bind.idOrNull(3, classIdOf(prediction.label));
    bind.real(4, prediction.confidence);
    bind.blobOrNull(5, line->probs);
    bind.textOrNull(6, line->committee);
    bind.blobOrNull(7, line->embedding);
    bind.textOrNull(8, objects);
    bind.textOrNull(9, heatmap);
    bind.textOrNull(10, line->predictedAt);
    bind.idOrNull(11, classIdOf(prediction.truth));
    bind.textOrNull(12, report);
    bind.textOrNull(13, flags);
    bind.textOrNull(14, metadata);
    bind.integer(15, prediction.logLine);
    bind.lateIntegerOrNull(16, prediction.frame, prediction.frame < 0);
    const int status = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (status != SQLITE_DONE)
        return m_statements->error(QCoreApplication::translate("Boucle::PredictionBulkWriter",
                                                               "Adding the prediction of line %1")
                                           .arg(prediction.logLine));
    *added = sqlite3_changes(m_statements->db) == 1;
    if (*added) {
        prediction.id = sqlite3_last_insert_rowid(m_statements->db);
        m_statements->writtenPredictions->add(prediction.id, m_statements->row);
        return {};
    }
    sqlite3_stmt *find = m_statements->findPrediction;
    sqlite3_bind_int64(find, 1, prediction.sampleId);
    sqlite3_bind_int64(find, 2, prediction.modelId);
    if (sqlite3_step(find) == SQLITE_ROW)
        prediction.id = sqlite3_column_int64(find, 0);
    sqlite3_reset(find);
    return {};
}

StoreError PredictionBulkWriter::addServerSample(SampleRecord &sample, const EncodedLine *line)
{
    if (m_server->deferred)
        return m_server->deferred;
    auto id = m_server->nextId(m_store.database(), m_server->sampleIds);
    if (id.isError())
        return id.error;
    sample.id = id.value;
    if (m_server->firstOwnSample == 0)
        m_server->firstOwnSample = sample.id;
    PostgresRowCopy &rows = m_server->samples;
    rows.addInteger(sample.id);
    if (line && line->valid)
        rows.addTextAlways(line->samplePath);
    else
        rows.addTextAlways(sample.path.toUtf8());
    rows.addTextAlways(sample.kind.isEmpty() ? QByteArrayLiteral("image") : sample.kind.toUtf8());
    rows.addText(sample.sha256);
    rows.addInteger(sample.byteSize);
    rows.addInteger(sample.width);
    rows.addInteger(sample.height);
    rows.addInteger(sample.missing ? 1 : 0);
    rows.addTextAlways(splitName(sample.split).toUtf8());
    if (sample.metadata.isEmpty())
        rows.addNull();
    else
        rows.addTextAlways(toCompactJson(sample.metadata).toUtf8());
    rows.addTextAlways(m_server->addedAt);
    // What the import saw of the file, as ProjectStore::addSample records it.
    if (sample.missing || sample.modifiedNs == 0)
        rows.addNull();
    else
        rows.addInteger(sample.modifiedNs);
    rows.endRow();
    return {};
}

StoreError PredictionBulkWriter::addServerPrediction(PredictionRecord &prediction, bool *added,
                                                     const EncodedLine *line)
{
    if (m_server->deferred)
        return m_server->deferred;
    const std::pair<qint64, qint64> key {prediction.sampleId, prediction.modelId};
    if (!m_server->isOwnSample(prediction.sampleId)) {
        // A sample the project had before: the server knows whether it has this prediction.
        if (auto error = flush())
            return error;
        QSqlQuery find(m_store.database());
        find.prepare(
                QStringLiteral("SELECT id FROM predictions WHERE sample_id = ? AND model_id = ?"));
        find.addBindValue(prediction.sampleId);
        find.addBindValue(prediction.modelId);
        if (!find.exec())
            return StoreError::make(StoreError::Code::Failed,
                                    QCoreApplication::translate("Boucle::PredictionBulkWriter",
                                                                "Looking up the prediction of "
                                                                "line %1: %2")
                                            .arg(prediction.logLine)
                                            .arg(find.lastError().text()));
        if (find.next()) {
            prediction.id = find.value(0).toLongLong();
            *added = false;
            return {};
        }
        find.finish();
        auto error = m_store.addPrediction(prediction);
        *added = !error;
        return error;
    }
    if (const auto known = m_server->ownPredictions.constFind(key);
        known != m_server->ownPredictions.cend()) {
        prediction.id = known.value();
        *added = false;
        return {};
    }
    auto id = m_server->nextId(m_store.database(), m_server->predictionIds);
    if (id.isError())
        return id.error;
    prediction.id = id.value;
    if (!line || !line->valid) {
        encode(QString(), prediction, m_encoded);
        line = &m_encoded;
    }
    PostgresRowCopy &rows = m_server->predictions;
    rows.addInteger(prediction.id);
    rows.addInteger(prediction.sampleId);
    rows.addInteger(prediction.modelId);
    rows.addId(classIdOf(prediction.label));
    rows.addDouble(prediction.confidence);
    rows.addBytes(line->probs);
    rows.addText(line->committee);
    rows.addBytes(line->embedding);
    if (prediction.objects.isEmpty())
        rows.addNull();
    else
        rows.addTextAlways(toCompactJson(objectsToJson(prediction.objects)).toUtf8());
    rows.addText(prediction.heatmapPath);
    rows.addText(line->predictedAt);
    rows.addId(classIdOf(prediction.truth));
    rows.addText(prediction.report);
    if (prediction.upstreamFlags.isEmpty())
        rows.addNull();
    else
        rows.addTextAlways(toCompactJson(upstreamFlagsToJson(prediction.upstreamFlags)).toUtf8());
    if (prediction.metadata.isEmpty())
        rows.addNull();
    else
        rows.addTextAlways(toCompactJson(prediction.metadata).toUtf8());
    rows.addInteger(prediction.logLine);
    if (prediction.frame < 0)
        rows.addNull();
    else
        rows.addInteger(prediction.frame);
    rows.endRow();
    m_server->ownPredictions.insert(key, prediction.id);
    *added = true;
    if (rows.byteCount() >= ServerRows::sendAtBytes)
        return flush();
    return {};
}

} // namespace Boucle
