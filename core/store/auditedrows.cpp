#include "auditedrows.h"
#include "sqliteconnection.h"
#include "storedialect.h"

#include "digestpipeline.h"
#include "rowdigest.h"
#include "rowencoding.h"
#include "sha256.h"
#include "storedigest.h"
#include "writtenrows.h"

#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtEndian>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <functional>
#include <optional>
#include <string>

#include <sqlite3.h>

namespace Boucle::AuditedRows {

namespace {

// The columns that make a row what it is. Bookkeeping columns that change by design
// (a revision's version_added/version_closed/superseded) are covered by the version chain and
// recomputed by verify instead.
QString columnsOf(const QString &table)
{
    if (table == labelRevisions)
        return QStringLiteral("id, sample_id, label_id, objects, author, reason, review_id,"
                              " created_at");
    if (table == reviews)
        return QStringLiteral("id, batch_item_id, sample_id, prediction_id, reviewer, action,"
                              " label_id, blind_label_id, objects, comment, started_at,"
                              " finished_at, revokes_review_id");
    if (table == reviewRoles)
        return QStringLiteral("review_id, role");
    if (table == versions)
        return QStringLiteral("number, parent, hash, author, message, created_at, added, changed,"
                              " removed, total");
    if (table == classRetirements)
        return QStringLiteral("id, name");
    if (table == settings)
        return QStringLiteral("rowid, key, value");
    return {};
}

// Where a subject's rows live: a retirement is a class row with retired = 1.
QString sourceOf(const QString &table)
{
    return table == classRetirements ? QStringLiteral("classes") : table;
}

// The columns a range seal covers. Left out by design: classes.retired (audited per retirement),
// samples.missing (an observation of the file system, rechecked whenever a sample is shown),
// models.metrics and models.trained_on_version (written by retraining after the model's rows),
// batch_items.status (derived from the reviews; verify recomputes it).
QString sealedColumnsOf(const QString &table)
{
    static const QHash<QString, QString> columns = {
            {QStringLiteral("classes"), QStringLiteral("id, name, position")},
            {QStringLiteral("models"), QStringLiteral("id, name, version, created_at")},
            {QStringLiteral("samples"),
             QStringLiteral("id, path, kind, sha256, byte_size, width, height, split, metadata,"
                            " added_at")},
            {QStringLiteral("predictions"),
             QStringLiteral("id, sample_id, model_id, label_id, confidence, probs, committee,"
                            " embedding, objects, heatmap, predicted_at, truth_id, report,"
                            " upstream_flags, metadata, log_line")},
            {QStringLiteral("batches"),
             QStringLiteral("id, name, created_at, created_by, policy, source")},
            {QStringLiteral("batch_items"),
             QStringLiteral("id, batch_id, position, sample_id, prediction_id, priority, control")},
            {QStringLiteral("batch_item_reasons"),
             QStringLiteral("id, batch_item_id, trigger_name, score, reason")},
            // The columns of the per-row digest; the bookkeeping (version_added, version_closed,
            // superseded) is checked against the version chain instead.
            {labelRevisions,
             QStringLiteral("id, sample_id, label_id, objects, author, reason, review_id,"
                            " created_at")},
    };
    return columns.value(table);
}

// Columns added to a sealed table after rows were first sealed, from schema `since` on. A row
// digests such a column only where it holds a value: a row sealed before the column existed (NULL
// there) keeps its digest, and a value written into it later changes that digest.
struct LateColumn
{
    QString table;
    QString column;
    int since;
};

const LateColumn lateColumns[] = {
        {QStringLiteral("batch_item_reasons"), QStringLiteral("details"), 6},
        {QStringLiteral("predictions"), QStringLiteral("frame"), 14},
};

struct SealedColumns
{
    QString list;        // for the SELECT
    int alwaysCount = 0; // the first columns, digested even when NULL
};

SealedColumns sealedColumnsOf(const QString &table, int schema)
{
    SealedColumns columns;
    columns.list = sealedColumnsOf(table);
    columns.alwaysCount = int(columns.list.count(QLatin1Char(','))) + 1;
    for (const auto &late : lateColumns) {
        if (late.table == table && schema >= late.since)
            columns.list += QStringLiteral(", ") + late.column;
    }
    return columns;
}

} // namespace

int sealedColumnCount(const QString &table, int schema)
{
    const QString list = sealedColumnsOf(table, schema).list;
    return list.isEmpty() ? 0 : int(list.count(QLatin1Char(','))) + 1;
}

namespace {

QString keyOf(const QString &table)
{
    if (table == reviewRoles)
        return QStringLiteral("review_id");
    if (table == settings)
        return QStringLiteral("rowid");
    return table == versions ? QStringLiteral("number") : QStringLiteral("id");
}

void addLength(Sha256 &hash, qint64 length)
{
    const auto bytes = qToLittleEndian(length);
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(&bytes), sizeof bytes));
}

// Each value with its SQLite storage class, so a number stored as text or a blob read as text
// (which would lose invalid UTF-8) never digests like the original.
void addTypedValue(Sha256 &hash, const QVariant &value)
{
    if (value.isNull()) {
        hash.addData(QByteArrayView("N"));
        return;
    }
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::ULongLong:
    case QMetaType::UInt:
    case QMetaType::Bool:
        hash.addData(QByteArrayView("i"));
        addLength(hash, value.toLongLong());
        return;
    case QMetaType::Double: {
        const double number = value.toDouble();
        qint64 bits = 0;
        std::memcpy(&bits, &number, sizeof bits);
        hash.addData(QByteArrayView("d"));
        addLength(hash, bits);
        return;
    }
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        hash.addData(QByteArrayView("b"));
        addLength(hash, bytes.size());
        hash.addData(bytes);
        return;
    }
    default: {
        const QByteArray text = value.toString().toUtf8();
        hash.addData(QByteArrayView("t"));
        addLength(hash, text.size());
        hash.addData(text);
        return;
    }
    }
}

void appendRun(QString &runs, qint64 start, qint64 end)
{
    if (!runs.isEmpty())
        runs.append(QLatin1Char(','));
    runs.append(QString::number(start));
    if (end != start)
        runs.append(QLatin1Char('-')).append(QString::number(end));
}

QList<qint64> idsOfRuns(const QString &runs)
{
    QList<qint64> ids;
    for (const auto &run : runs.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto ends = run.split(QLatin1Char('-'));
        const qint64 start = ends.constFirst().toLongLong();
        const qint64 end = ends.constLast().toLongLong();
        for (qint64 id = start; id <= end && ids.size() < (1LL << 31); ++id)
            ids.append(id);
    }
    return ids;
}

} // namespace

QByteArray digestOfCurrentRow(const QString &table, const QSqlQuery &query)
{
    StoreDigest digest(table.toLatin1().constData());
    const int count = query.record().count();
    for (int column = 0; column < count; ++column)
        digest.add(query.value(column));
    return digest.bytes();
}

QString selectOneSql(const QString &table)
{
    return QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?")
            .arg(columnsOf(table), sourceOf(table), keyOf(table));
}

QHash<qint64, QByteArray> digestsOf(const QSqlDatabase &db, const QString &table)
{
    QHash<qint64, QByteArray> digests;
    QSqlQuery query(db);
    StoreDialect::readForward(query);
    const QString filter
            = table == classRetirements ? QStringLiteral(" WHERE retired = 1") : QString();
    if (!query.exec(QStringLiteral("SELECT %1 FROM %2%3")
                            .arg(columnsOf(table), sourceOf(table), filter)))
        return digests;
    while (query.next())
        digests.insert(query.value(0).toLongLong(), digestOfCurrentRow(table, query));
    return digests;
}

const QStringList &sealedTables()
{
    static const QStringList tables = {
            QStringLiteral("classes"),
            QStringLiteral("models"),
            QStringLiteral("samples"),
            QStringLiteral("predictions"),
            QStringLiteral("batches"),
            QStringLiteral("batch_items"),
            QStringLiteral("batch_item_reasons"),
    };
    return tables;
}

bool isSealedTable(const QString &table)
{
    return sealedTables().contains(table);
}

QString sealedTableOf(const QString &subject)
{
    if (subject == revisionSeals)
        return labelRevisions;
    return isSealedTable(subject) ? subject : QString();
}

namespace {

// The rows a seal covers are digested as they are read; the seal notes each one.
class SealBuilder
{
public:
    SealBuilder(const QString &table, qint64 first, qint64 last)
        : m_kind(table.toUtf8())
    {
        m_seal.first = first;
        m_seal.last = last;
    }

    // A row's digest starts afresh, its values then added one by one as RowEncoding would
    // encode them (rowDigestInto's rule): endRow() leaves m_row reset for the next one.
    Sha256 &startRow()
    {
        m_row.addData(m_kind);
        return m_row;
    }

    // The bytes of a whole row at once: the same digest as startRow() and its values added one
    // by one, for one call into libcrypto instead of three per column.
    void addRow(qint64 id, QByteArrayView encodedColumns)
    {
        char digest[Sha256::size];
        rowDigestInto(m_row, m_kind, encodedColumns, digest);
        addRowDigest(id, digest);
    }

    void endRow(qint64 id)
    {
        char digest[Sha256::size];
        m_row.resultInto(digest);
        addRowDigest(id, digest);
    }

    // A row digested elsewhere (WrittenRows): the same digest addRow() would have made.
    void addRowDigest(qint64 id, const char *digest)
    {
        m_all.addData(QByteArrayView(digest, Sha256::size));
        m_seal.rowTags.append(digest, 4);
        if (m_seal.rowCount == 0) {
            m_runStart = id;
        } else if (id != m_previous + 1) {
            appendRun(m_seal.rowIds, m_runStart, m_previous);
            m_runStart = id;
        }
        m_previous = id;
        ++m_seal.rowCount;
    }

    RowSeal finish()
    {
        if (m_seal.rowCount > 0)
            appendRun(m_seal.rowIds, m_runStart, m_previous);
        m_seal.rowsDigest = m_all.result();
        return m_seal;
    }

private:
    QByteArray m_kind;
    RowSeal m_seal;
    Sha256 m_row;
    Sha256 m_all;
    qint64 m_runStart = 0;
    qint64 m_previous = 0;
};

// Ranges of fewer rows are digested on the reading thread: a thread costs more than it saves.
constexpr qint64 pipelinedRows = 50000;

// Reads the sealed columns of the rows first <= id <= last through SQLite's C API (no QVariant
// per value, several times faster than Qt's on a table of predictions) and hands each row's
// encoding, id included, to `consume`. Values are encoded exactly as addTypedValue() encodes
// Qt's. False when the rows cannot be read.
bool readRowsDirect(sqlite3 *handle, const QString &table, qint64 first, qint64 last,
                    const SealedColumns &sealed,
                    const std::function<void(qint64, const RowEncoding &)> &consume)
{
    const QByteArray sql = QStringLiteral("SELECT %1 FROM %2 WHERE id BETWEEN ? AND ? ORDER BY id")
                                   .arg(sealed.list, table)
                                   .toUtf8();
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle, sql.constData(), int(sql.size()), &statement, nullptr)
        != SQLITE_OK)
        return false;
    const auto finalize = qScopeGuard([statement] { sqlite3_finalize(statement); });
    sqlite3_bind_int64(statement, 1, first);
    sqlite3_bind_int64(statement, 2, last);
    const int columns = sqlite3_column_count(statement);
    RowEncoding row;
    int status = SQLITE_ROW;
    while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
        row.clear();
        for (int column = 0; column < columns; ++column) {
            switch (sqlite3_column_type(statement, column)) {
            case SQLITE_NULL:
                if (column < sealed.alwaysCount)
                    row.addNull();
                else
                    row.addLateNull();
                break;
            case SQLITE_INTEGER:
                row.addInteger(sqlite3_column_int64(statement, column));
                break;
            case SQLITE_FLOAT:
                row.addReal(sqlite3_column_double(statement, column));
                break;
            case SQLITE_BLOB: {
                const void *bytes = sqlite3_column_blob(statement, column);
                const int size = sqlite3_column_bytes(statement, column);
                row.addBlob(QByteArrayView(static_cast<const char *>(bytes), size));
                break;
            }
            default: {
                const auto *text = sqlite3_column_text(statement, column);
                const int size = sqlite3_column_bytes(statement, column);
                row.addText(QByteArrayView(reinterpret_cast<const char *>(text), size));
                break;
            }
            }
        }
        consume(sqlite3_column_int64(statement, 0), row);
    }
    return status == SQLITE_DONE;
}

std::atomic<qint64> sealedAsWritten {0};

// The rows a bulk writer digested as it wrote them (WrittenRows), checked: up to this many,
// spread over the range, are read back and must digest the same.
constexpr qint64 checkedWrittenRows = 64;

std::optional<RowSeal> sealFromWrittenDigests(sqlite3 *handle, const QString &table, qint64 first,
                                              qint64 last, const SealedColumns &sealed,
                                              const WrittenRows::Digested &written)
{
    const qint64 count = written.count();
    if (written.firstId < first || written.firstId + count - 1 != last)
        return std::nullopt;
    SealBuilder builder(table, first, last);
    // The rows before the writer's first one (an earlier statement of the transaction).
    if (written.firstId > first
        && !readRowsDirect(
                handle, table, first, written.firstId - 1, sealed,
                [&builder](qint64 id, const RowEncoding &row) { builder.addRow(id, row.bytes()); }))
        return std::nullopt;
    // The first and the last row, and others evenly between.
    const QByteArray kind = table.toUtf8();
    qint64 previous = -1;
    for (qint64 k = 0; k < checkedWrittenRows; ++k) {
        const qint64 index = count == 1 ? 0 : k * (count - 1) / (checkedWrittenRows - 1);
        if (index == previous)
            continue;
        previous = index;
        const char *digest = written.digests.data() + size_t(index) * Sha256::size;
        char read[Sha256::size] = {};
        Sha256 hash;
        if (!readRowsDirect(handle, table, written.firstId + index, written.firstId + index, sealed,
                            [&](qint64, const RowEncoding &row) {
                                rowDigestInto(hash, kind, row.bytes(), read);
                            })
            || std::memcmp(read, digest, Sha256::size) != 0)
            return std::nullopt;
    }
    sealedAsWritten += count;
    for (qint64 index = 0; index < count; ++index)
        builder.addRowDigest(written.firstId + index,
                             written.digests.data() + size_t(index) * Sha256::size);
    return builder.finish();
}

// The digests of the rows first <= id <= last read back through the C API; a large range is
// digested on a second thread while this one reads.
std::optional<RowSeal> sealRowsDirect(sqlite3 *handle, const QString &table, qint64 first,
                                      qint64 last, const SealedColumns &sealed)
{
    if (auto written = WrittenRows::take(handle, table)) {
        if (auto seal = sealFromWrittenDigests(handle, table, first, last, sealed, *written))
            return seal;
    }
    SealBuilder builder(table, first, last);
    std::optional<DigestPipeline> pipeline;
    if (last - first + 1 >= pipelinedRows)
        pipeline.emplace(
                [&builder](qint64 id, QByteArrayView encoded) { builder.addRow(id, encoded); });
    const bool read = readRowsDirect(handle, table, first, last, sealed,
                                     [&builder, &pipeline](qint64 id, const RowEncoding &row) {
                                         if (pipeline)
                                             pipeline->add(id, row.bytes());
                                         else
                                             builder.addRow(id, row.bytes());
                                     });
    if (pipeline)
        pipeline->finish();
    pipeline.reset();
    if (!read)
        return std::nullopt;
    return builder.finish();
}

} // namespace

std::optional<RowSeal> sealRows(const QSqlDatabase &db, const QString &table, qint64 first,
                                qint64 last, int schema, const PreparedStatement &prepared)
{
    const SealedColumns sealed = sealedColumnsOf(table, schema);
    if (sqlite3 *direct = sqliteConnectionOf(db))
        return sealRowsDirect(direct, table, first, last, sealed);
    const QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE id BETWEEN ? AND ? ORDER BY id")
                                .arg(sealed.list, table);
    std::optional<QSqlQuery> own;
    if (!prepared) {
        own.emplace(db);
        StoreDialect::readForward(*own);
        own->prepare(sql);
    }
    QSqlQuery &query = prepared ? prepared(sql) : *own;
    const QScopeGuard release([&query] { query.finish(); });
    query.addBindValue(first);
    query.addBindValue(last);
    if (!query.exec())
        return std::nullopt;
    SealBuilder builder(table, first, last);
    int columns = -1;
    while (query.next()) {
        if (columns < 0)
            columns = query.record().count();
        Sha256 &row = builder.startRow();
        for (int column = 0; column < columns; ++column) {
            if (column >= sealed.alwaysCount && query.isNull(column))
                continue;
            addTypedValue(row, query.value(column));
        }
        builder.endRow(query.value(0).toLongLong());
    }
    return builder.finish();
}

qint64 rowsSealedAsWritten()
{
    return sealedAsWritten.load();
}

QByteArray sealDigest(const QString &table, const RowSeal &seal)
{
    return StoreDigest("rows")
            .add(table)
            .add(seal.first)
            .add(seal.last)
            .add(seal.rowCount)
            .add(seal.rowIds)
            .add(QString::fromLatin1(Sha256::hash(seal.rowTags).toHex()))
            .add(QString::fromLatin1(seal.rowsDigest.toHex()))
            .bytes();
}

std::optional<RowDifference> firstDifference(const RowSeal &recorded, const RowSeal &current)
{
    const QList<qint64> before = idsOfRuns(recorded.rowIds);
    const QList<qint64> now = idsOfRuns(current.rowIds);
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < before.size() || j < now.size()) {
        if (j == now.size() || (i < before.size() && before[i] < now[j]))
            return RowDifference {RowDifference::Kind::Deleted, before[i]};
        if (i == before.size() || now[j] < before[i])
            return RowDifference {RowDifference::Kind::Added, now[j]};
        if (recorded.rowTags.mid(i * 4, 4) != current.rowTags.mid(j * 4, 4))
            return RowDifference {RowDifference::Kind::Altered, now[j]};
        ++i;
        ++j;
    }
    return std::nullopt;
}

} // namespace Boucle::AuditedRows
