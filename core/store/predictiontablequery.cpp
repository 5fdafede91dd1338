#include "predictiontablequery.h"
#include "sqliteconnection.h"
#include "storedialect.h"

#include "progress/progresssink.h"
#include "projectstore.h"
#include "recordcodec.h"
#include "records/predictiontable.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <simdjson.h>
#include <sqlite3.h>

#include <cstring>
#include <memory>

namespace Boucle {

namespace {

StoreError failed(const QSqlQuery &query, const QString &what)
{
    return StoreError::make(StoreError::Code::Failed,
                            QCoreApplication::translate("Boucle::PredictionTableQuery", "%1: %2")
                                    .arg(what, query.lastError().text()));
}

StoreError failed(sqlite3 *db, const QString &what)
{
    return StoreError::make(StoreError::Code::Failed,
                            QCoreApplication::translate("Boucle::PredictionTableQuery", "%1: %2")
                                    .arg(what, QString::fromUtf8(sqlite3_errmsg(db))));
}

StoreError cancelled()
{
    return StoreError::make(
            StoreError::Code::Failed,
            QCoreApplication::translate("Boucle::PredictionTableQuery", "cancelled"));
}

// The connection under Qt's, when the project is SQLite.
sqlite3 *sqliteHandle(ProjectStore &store)
{
    return sqliteConnectionOf(store.database());
}

struct Statement
{
    sqlite3_stmt *handle = nullptr;
    ~Statement() { sqlite3_finalize(handle); }
};

// Runs a query of one integer column; false on an error.
template<typename Each>
bool forEachInteger(sqlite3 *db, const char *sql, Each &&each)
{
    Statement statement;
    if (sqlite3_prepare_v2(db, sql, -1, &statement.handle, nullptr) != SQLITE_OK)
        return false;
    int code = SQLITE_ROW;
    while ((code = sqlite3_step(statement.handle)) == SQLITE_ROW)
        each(sqlite3_column_int64(statement.handle, 0));
    return code == SQLITE_DONE;
}

// Class names by stored id and by UTF-8 name, in the project's order.
struct ClassIndex
{
    QStringList names;
    QHash<qint64, qint32> ofId;
    QHash<QByteArray, qint32> ofName;

    qint32 byName(std::string_view utf8) const
    {
        return ofName.value(QByteArray::fromRawData(utf8.data(), qsizetype(utf8.size())), -1);
    }
};

// The committee column (RecordCodec's compact JSON) straight into the table's flat arrays. The
// votes' probabilities are kept only when `withProbs`.
void appendCommittee(PredictionTable &table, simdjson::ondemand::parser &parser,
                     std::string &padded, const char *json, size_t size, const ClassIndex &index,
                     bool keepProbs)
{
    const int classes = table.classCount();
    if (size == 0)
        return;
    padded.assign(json, size);
    padded.resize(size + simdjson::SIMDJSON_PADDING, '\0');
    simdjson::ondemand::document document;
    if (parser.iterate(padded.data(), size, padded.size()).get(document))
        return;
    simdjson::ondemand::array votes;
    if (document.get_array().get(votes))
        return;
    for (auto element : votes) {
        // A vote cut short by malformed JSON leaves no half-written probabilities behind.
        const size_t start = table.committeeProbs.size();
        auto abandon = [&] {
            table.committeeProbs.resize(start);
        };
        simdjson::ondemand::object vote;
        if (std::move(element).get_object().get(vote))
            return abandon();
        qint32 label = -1;
        if (keepProbs)
            table.committeeProbs.resize(start + size_t(classes), 0.0f);
        bool withProbs = false;
        for (auto member : vote) {
            simdjson::ondemand::field field;
            if (std::move(member).get(field))
                return abandon();
            std::string_view key;
            if (field.unescaped_key().get(key))
                return abandon();
            if (key == "label") {
                std::string_view text;
                if (!field.value().get_string().get(text))
                    label = index.byName(text);
            } else if (key == "probs") {
                simdjson::ondemand::array probs;
                if (field.value().get_array().get(probs))
                    continue;
                size_t k = 0;
                for (auto p : probs) {
                    double value = 0;
                    if (std::move(p).get_double().get(value))
                        break;
                    if (keepProbs && k < size_t(classes))
                        table.committeeProbs[start + k] = float(value);
                    ++k;
                }
                withProbs = k > 0;
            }
        }
        table.committeeLabel.push_back(label);
        table.committeeHasProbs.push_back(withProbs ? 1 : 0);
    }
}

int digits(const char *text, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

// A prediction time as RecordCodec writes it ("2026-03-01T12:00:00.000Z"), read without making a
// QDateTime; any other form goes through RecordCodec::timeFromText, which reads every form the
// store accepts.
qint64 timeFromUtf8(const char *text, int size)
{
    if (size == 0)
        return PredictionTable::noTime;
    if (size == 24 && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':'
        && text[16] == ':' && text[19] == '.' && text[23] == 'Z') {
        const int year = digits(text, 4), month = digits(text + 5, 2), day = digits(text + 8, 2);
        const int hour = digits(text + 11, 2), minute = digits(text + 14, 2);
        const int second = digits(text + 17, 2), ms = digits(text + 20, 3);
        static constexpr int monthDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        if (year >= 1 && month >= 1 && month <= 12 && day >= 1
            && day <= (month == 2 && !leap ? 28 : monthDays[month - 1]) && hour >= 0 && hour < 24
            && minute >= 0 && minute < 60 && second >= 0 && second < 60 && ms >= 0)
            return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60000
                   + qint64(second) * 1000 + ms;
    }
    return RecordCodec::timeFromText(QString::fromUtf8(text, size)).toMSecsSinceEpoch();
}

QString poolCondition(bool includeMissing)
{
    return includeMissing ? QStringLiteral("s.split = 'pool'")
                          : QStringLiteral("s.missing = 0 AND s.split = 'pool'");
}

} // namespace

PredictionTableQuery::PredictionTableQuery(ProjectStore &store)
    : m_store(store)
{ }

StoreError PredictionTableQuery::load(PredictionTable &table, const QString &modelKey,
                                      ProgressSink *progress)
{
    const auto classes = m_store.classes(true);
    QStringList names;
    for (const auto &record : classes)
        names.append(record.name);
    table = PredictionTable();
    table.resize(0, names, 0);
    table.committeeStart.assign(1, 0);

    qint64 modelId = -1;
    if (!modelKey.isEmpty()) {
        const qsizetype at = modelKey.lastIndexOf(QLatin1Char('@'));
        const auto model = m_store.modelByKey(modelKey.left(at), modelKey.mid(at + 1));
        if (at <= 0 || !model)
            return StoreError::make(StoreError::Code::NotFound,
                                    QCoreApplication::translate("Boucle::PredictionTableQuery",
                                                                "the project has no model %1")
                                            .arg(modelKey));
        modelId = model->id;
    }
    if (sqlite3 *db = sqliteHandle(m_store))
        return loadDirect(db, table, modelId, progress);
    return loadThroughQt(table, modelId, progress);
}

StoreError PredictionTableQuery::loadDirect(sqlite3 *db, PredictionTable &table, qint64 modelId,
                                            ProgressSink *progress)
{
    ClassIndex index;
    for (const auto &record : m_store.classes(true)) {
        index.ofId.insert(record.id, qint32(index.names.size()));
        index.ofName.insert(record.name.toUtf8(), qint32(index.names.size()));
        index.names.append(record.name);
    }
    const Columns &want = m_columns;
    const bool committee = want.committee || want.committeeProbs;
    if (!committee)
        table.committeeStart.clear();

    qint64 total = 0;
    forEachInteger(db, "SELECT count(*) FROM predictions", [&total](qint64 v) { total = v; });
    // With one model in the predictions, every prediction is its sample's newest: the
    // per-row look-up of the newest model is skipped.
    qint64 lowest = 0, highest = 0;
    forEachInteger(db, "SELECT min(model_id) FROM predictions", [&](qint64 v) { lowest = v; });
    forEachInteger(db, "SELECT max(model_id) FROM predictions", [&](qint64 v) { highest = v; });

    QByteArray columns = "p.id, p.sample_id, p.label_id, p.confidence";
    int next = 4;
    auto add = [&columns, &next](bool on, const char *name) {
        if (!on)
            return -1;
        columns += ", ";
        columns += name;
        return next++;
    };
    const int probsColumn = add(want.probs, "p.probs");
    const int committeeColumn = add(committee, "p.committee");
    const int embeddingColumn = add(want.embedding, "p.embedding");
    const int timeColumn = add(want.time, "p.predicted_at");
    const int reportColumn = add(want.reports, "p.report");
    const int flagsColumn = add(want.upstreamFlags, "p.upstream_flags");
    QString model;
    if (modelId >= 0)
        model = QStringLiteral(" AND p.model_id = ?");
    else if (lowest != highest)
        model = QStringLiteral(" AND p.model_id = (SELECT max(q.model_id) FROM predictions q"
                               " WHERE q.sample_id = p.sample_id)");
    const QByteArray sql
            = QStringLiteral("SELECT %1 FROM predictions p JOIN samples s ON s.id = p.sample_id"
                             " WHERE %2%3 ORDER BY p.id")
                      .arg(QString::fromLatin1(columns), poolCondition(m_includeMissing), model)
                      .toUtf8();
    const QString reading = QCoreApplication::translate("Boucle::PredictionTableQuery",
                                                        "Reading the predictions");
    Statement statement;
    if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &statement.handle, nullptr)
        != SQLITE_OK)
        return failed(db, reading);
    sqlite3_stmt *const row = statement.handle;
    if (modelId >= 0)
        sqlite3_bind_int64(row, 1, modelId);

    // Sized once for every prediction of the project (an upper bound), so no column is copied
    // while it grows.
    const int c = table.classCount();
    const auto capacity = size_t(total);
    table.predictionId.reserve(capacity);
    table.sampleId.reserve(capacity);
    table.label.reserve(capacity);
    table.confidence.reserve(capacity);
    table.hasProbs.reserve(capacity);
    table.hasEmbedding.reserve(capacity);
    if (want.probs)
        table.probs.reserve(capacity * size_t(c));
    if (want.time)
        table.time.reserve(capacity);
    if (committee)
        table.committeeStart.reserve(capacity + 1);

    // The committee fold runs every foldRows rows, on the rows read since the last one.
    const bool fold = committee && want.committeeProbs && m_committeeFold;
    constexpr qint64 foldRows = 1 << 16;
    qint64 foldBegin = 0;
    auto foldCommittee = [&](qint64 end) {
        m_committeeFold(table, foldBegin, end);
        table.committeeProbs.clear();
        table.committeeProbsFirstVote = qint32(table.committeeLabel.size());
        foldBegin = end;
    };

    simdjson::ondemand::parser parser;
    std::string padded;
    const QString what
            = QCoreApplication::translate("Boucle::PredictionTableQuery", "Reading predictions");
    qint64 rows = 0;
    int code = SQLITE_ROW;
    while ((code = sqlite3_step(row)) == SQLITE_ROW) {
        if (progress && rows % 16384 == 0) {
            progress->progress(rows, total, what);
            if (progress->isCancelled())
                return cancelled();
        }
        table.predictionId.push_back(sqlite3_column_int64(row, 0));
        table.sampleId.push_back(sqlite3_column_int64(row, 1));
        table.label.push_back(sqlite3_column_type(row, 2) == SQLITE_NULL
                                      ? -1
                                      : index.ofId.value(sqlite3_column_int64(row, 2), -1));
        table.confidence.push_back(float(sqlite3_column_double(row, 3)));
        int stored = 0;
        if (probsColumn >= 0) {
            const void *blob = sqlite3_column_blob(row, probsColumn);
            const int bytes = sqlite3_column_bytes(row, probsColumn);
            const size_t start = table.probs.size();
            table.probs.resize(start + size_t(c), 0.0f);
            stored = std::min(c, bytes / int(sizeof(float)));
            if (stored > 0)
                std::memcpy(table.probs.data() + start, blob, size_t(stored) * sizeof(float));
        }
        table.hasProbs.push_back(stored > 0 ? 1 : 0);
        if (committee) {
            const auto *text
                    = reinterpret_cast<const char *>(sqlite3_column_text(row, committeeColumn));
            const int bytes = sqlite3_column_bytes(row, committeeColumn);
            const size_t votesBefore = table.committeeLabel.size();
            appendCommittee(table, parser, padded, text, size_t(bytes), index, want.committeeProbs);
            // The first row with votes tells how many to expect per row.
            if (votesBefore == 0 && !table.committeeLabel.empty()) {
                const size_t perRow = table.committeeLabel.size();
                table.committeeLabel.reserve(capacity * perRow);
                table.committeeHasProbs.reserve(capacity * perRow);
                if (want.committeeProbs)
                    table.committeeProbs.reserve((fold ? size_t(foldRows) : capacity) * perRow
                                                 * size_t(c));
            }
            table.committeeStart.push_back(qint32(table.committeeLabel.size()));
            if (fold && rows + 1 - foldBegin == foldRows) {
                table.rows = rows + 1;
                foldCommittee(rows + 1);
            }
        }
        bool withEmbedding = false;
        if (embeddingColumn >= 0) {
            const void *blob = sqlite3_column_blob(row, embeddingColumn);
            const int bytes = sqlite3_column_bytes(row, embeddingColumn);
            const int dimensions = bytes / int(sizeof(float));
            if (table.embeddingSize == 0 && dimensions > 0) {
                table.embeddingSize = dimensions;
                table.embedding.reserve(capacity * size_t(dimensions));
                table.embedding.assign(size_t(rows) * size_t(dimensions), 0.0f);
            }
            const size_t at = table.embedding.size();
            table.embedding.resize(at + size_t(table.embeddingSize), 0.0f);
            withEmbedding = dimensions > 0 && dimensions == table.embeddingSize;
            if (withEmbedding)
                std::memcpy(table.embedding.data() + at, blob, size_t(bytes));
        }
        table.hasEmbedding.push_back(withEmbedding ? 1 : 0);
        if (timeColumn >= 0) {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(row, timeColumn));
            table.time.push_back(timeFromUtf8(text, sqlite3_column_bytes(row, timeColumn)));
        }
        if (reportColumn >= 0) {
            const auto *text
                    = reinterpret_cast<const char *>(sqlite3_column_text(row, reportColumn));
            const int bytes = sqlite3_column_bytes(row, reportColumn);
            if (bytes > 0)
                table.reports.insert(rows, QString::fromUtf8(text, bytes));
        }
        if (flagsColumn >= 0) {
            const auto *text
                    = reinterpret_cast<const char *>(sqlite3_column_text(row, flagsColumn));
            const int bytes = sqlite3_column_bytes(row, flagsColumn);
            if (bytes > 0)
                table.upstreamFlags.insert(
                        rows, RecordCodec::upstreamFlagsFromJson(
                                      RecordCodec::arrayFromJson(QString::fromUtf8(text, bytes))));
        }
        ++rows;
    }
    if (code != SQLITE_DONE)
        return failed(db, reading);
    table.rows = rows;
    if (fold) {
        if (foldBegin < rows)
            foldCommittee(rows);
        std::vector<float>().swap(table.committeeProbs);
    }
    if (progress)
        progress->progress(total, total, what);
    return {};
}

StoreError PredictionTableQuery::loadThroughQt(PredictionTable &table, qint64 modelId,
                                               ProgressSink *progress)
{
    ClassIndex index;
    for (const auto &record : m_store.classes(true)) {
        index.ofId.insert(record.id, qint32(index.names.size()));
        index.ofName.insert(record.name.toUtf8(), qint32(index.names.size()));
        index.names.append(record.name);
    }
    QSqlQuery count(m_store.database());
    qint64 total = 0;
    if (count.exec(QStringLiteral("SELECT count(*) FROM predictions")) && count.next())
        total = count.value(0).toLongLong();

    // The columns the policy needs, as the direct read takes them.
    const Columns &want = m_columns;
    const bool committee = want.committee || want.committeeProbs;
    if (!committee)
        table.committeeStart.clear();
    QString columns = QStringLiteral("p.id, p.sample_id, p.label_id, p.confidence");
    int next = 4;
    auto add = [&columns, &next](bool on, const char *name) {
        if (!on)
            return -1;
        columns += QStringLiteral(", ") + QLatin1String(name);
        return next++;
    };
    const int probsColumn = add(want.probs, "p.probs");
    const int committeeColumn = add(committee, "p.committee");
    const int embeddingColumn = add(want.embedding, "p.embedding");
    const int timeColumn = add(want.time, "p.predicted_at");
    const int reportColumn = add(want.reports, "p.report");
    const int flagsColumn = add(want.upstreamFlags, "p.upstream_flags");

    QSqlQuery query(m_store.database());
    StoreDialect::readForward(query);
    const QString pool = poolCondition(m_includeMissing);
    if (modelId >= 0) {
        query.prepare(
                QStringLiteral("SELECT %1 FROM predictions p JOIN samples s ON s.id = p.sample_id"
                               " WHERE %2 AND p.model_id = ? ORDER BY p.id")
                        .arg(columns, pool));
        query.addBindValue(modelId);
    } else {
        query.prepare(
                QStringLiteral("SELECT %1 FROM predictions p JOIN samples s ON s.id = p.sample_id"
                               " WHERE %2 AND p.model_id = (SELECT max(q.model_id) FROM"
                               " predictions q WHERE q.sample_id = p.sample_id) ORDER BY p.id")
                        .arg(columns, pool));
    }
    if (!query.exec())
        return failed(query, QCoreApplication::translate("Boucle::PredictionTableQuery",
                                                         "Reading the predictions"));

    const bool fold = committee && want.committeeProbs && m_committeeFold;
    constexpr qint64 foldRows = 1 << 16;
    qint64 foldBegin = 0;
    auto foldCommittee = [&](qint64 end) {
        m_committeeFold(table, foldBegin, end);
        table.committeeProbs.clear();
        table.committeeProbsFirstVote = qint32(table.committeeLabel.size());
        foldBegin = end;
    };

    const int c = table.classCount();
    simdjson::ondemand::parser parser;
    std::string padded;
    const QString what
            = QCoreApplication::translate("Boucle::PredictionTableQuery", "Reading predictions");
    qint64 row = 0;
    while (query.next()) {
        if (progress && row % 16384 == 0) {
            progress->progress(row, total, what);
            if (progress->isCancelled())
                return cancelled();
        }
        table.predictionId.push_back(query.value(0).toLongLong());
        table.sampleId.push_back(query.value(1).toLongLong());
        const QVariant labelId = query.value(2);
        table.label.push_back(labelId.isNull() ? -1 : index.ofId.value(labelId.toLongLong(), -1));
        table.confidence.push_back(query.value(3).toFloat());
        int stored = 0;
        if (probsColumn >= 0) {
            const QByteArray probs = query.value(probsColumn).toByteArray();
            const size_t start = table.probs.size();
            table.probs.resize(start + size_t(c), 0.0f);
            stored = std::min(c, int(probs.size() / qsizetype(sizeof(float))));
            if (stored > 0)
                std::memcpy(table.probs.data() + start, probs.constData(),
                            size_t(stored) * sizeof(float));
        }
        table.hasProbs.push_back(stored > 0 ? 1 : 0);
        if (committee) {
            const QByteArray votes = query.value(committeeColumn).toString().toUtf8();
            appendCommittee(table, parser, padded, votes.constData(), size_t(votes.size()), index,
                            want.committeeProbs);
            table.committeeStart.push_back(qint32(table.committeeLabel.size()));
            if (fold && row + 1 - foldBegin == foldRows) {
                table.rows = row + 1;
                foldCommittee(row + 1);
            }
        }
        bool withEmbedding = false;
        if (embeddingColumn >= 0) {
            const QByteArray embedding = query.value(embeddingColumn).toByteArray();
            const int dimensions = int(embedding.size() / qsizetype(sizeof(float)));
            if (table.embeddingSize == 0 && dimensions > 0) {
                table.embeddingSize = dimensions;
                table.embedding.assign(size_t(row) * size_t(dimensions), 0.0f);
            }
            const size_t at = table.embedding.size();
            table.embedding.resize(at + size_t(table.embeddingSize), 0.0f);
            withEmbedding = dimensions > 0 && dimensions == table.embeddingSize;
            if (withEmbedding)
                std::memcpy(table.embedding.data() + at, embedding.constData(),
                            size_t(embedding.size()));
        }
        table.hasEmbedding.push_back(withEmbedding ? 1 : 0);
        if (timeColumn >= 0) {
            const QByteArray time = query.value(timeColumn).toString().toUtf8();
            table.time.push_back(timeFromUtf8(time.constData(), int(time.size())));
        }
        if (reportColumn >= 0) {
            const QString report = query.value(reportColumn).toString();
            if (!report.isEmpty())
                table.reports.insert(row, report);
        }
        if (flagsColumn >= 0) {
            const QString flags = query.value(flagsColumn).toString();
            if (!flags.isEmpty())
                table.upstreamFlags.insert(
                        row, RecordCodec::upstreamFlagsFromJson(RecordCodec::arrayFromJson(flags)));
        }
        ++row;
    }
    if (query.lastError().isValid())
        return failed(query, QCoreApplication::translate("Boucle::PredictionTableQuery",
                                                         "Reading the predictions"));
    if (fold) {
        table.rows = row;
        if (foldBegin < row)
            foldCommittee(row);
        std::vector<float>().swap(table.committeeProbs);
    }
    table.rows = row;
    if (progress)
        progress->progress(total, total, what);
    return {};
}

// Both exclusions read few rows (batch items, reviews) and look predictions up by sample, so
// they cost little at a million predictions; the reviews are the outer loop (CROSS JOIN keeps
// SQLite from choosing the predictions).
namespace {

const char openBatchSamplesSql[]
        = "SELECT DISTINCT i.sample_id FROM batch_items i WHERE i.batch_id IN"
          " (SELECT batch_id FROM batch_items WHERE status IN ('pending', 'escalated'))";
const char reviewedPredictionsSql[]
        = "SELECT DISTINCT p.id FROM reviews r CROSS JOIN predictions p WHERE p.sample_id ="
          " r.sample_id AND r.action NOT IN ('skip', 'revoke') AND (r.prediction_id = p.id OR"
          " (p.predicted_at IS NOT NULL AND p.predicted_at <> '' AND r.finished_at >="
          " p.predicted_at))";

// Samples a reviewer settled: a decision that gives a label (not skip, escalate or revoke) and
// was not revoked since.
const char settledSamplesSql[]
        = "SELECT DISTINCT r.sample_id FROM reviews r WHERE r.action NOT IN ('skip', 'revoke',"
          " 'escalate') AND NOT EXISTS (SELECT 1 FROM reviews u WHERE u.revokes_review_id = r.id)";

// The ids one query returns; a failed read is an error that says what was read, from which
// project, and why, so that a batch never silently offers what it should leave out.
template<typename Id>
StoreResult<QSet<Id>> idsOf(ProjectStore &store, const char *sql, const QString &what)
{
    StoreResult<QSet<Id>> ids;
    if (sqlite3 *db = sqliteHandle(store)) {
        if (!forEachInteger(db, sql, [&ids](qint64 id) { ids.value.insert(id); }))
            return StoreResult<QSet<Id>>::failure(failed(db, what));
        return ids;
    }
    QSqlQuery query(store.database());
    StoreDialect::readForward(query);
    if (!query.exec(QString::fromLatin1(sql)))
        return StoreResult<QSet<Id>>::failure(failed(query, what));
    while (query.next())
        ids.value.insert(query.value(0).toLongLong());
    if (query.lastError().isValid())
        return StoreResult<QSet<Id>>::failure(failed(query, what));
    return ids;
}

} // namespace

StoreResult<QSet<SampleId>> PredictionTableQuery::samplesInOpenBatches() const
{
    return idsOf<SampleId>(m_store, openBatchSamplesSql,
                           QCoreApplication::translate("Boucle::PredictionTableQuery",
                                                       "Reading the samples in open batches of %1")
                                   .arg(m_store.path()));
}

StoreResult<QSet<SampleId>> PredictionTableQuery::settledSamples() const
{
    return idsOf<SampleId>(m_store, settledSamplesSql,
                           QCoreApplication::translate("Boucle::PredictionTableQuery",
                                                       "Reading the reviewed samples of %1")
                                   .arg(m_store.path()));
}

StoreResult<QSet<PredictionId>> PredictionTableQuery::reviewedPredictions() const
{
    return idsOf<PredictionId>(m_store, reviewedPredictionsSql,
                               QCoreApplication::translate("Boucle::PredictionTableQuery",
                                                           "Reading the reviewed predictions of %1")
                                       .arg(m_store.path()));
}

} // namespace Boucle
