// The rows the audit chain covers and their canonical digests. The digest is computed from the
// row as read back from the database, so writing and verifying use the very same path; the one
// exception is the rows of a bulk import, digested from the values bound as they are inserted
// (WrittenRows: every value is bound and encoded in one call, and a sample of those rows is read
// back and compared before their digests are used). Used by ProjectStore only; the thread of its
// connection.
//
// Two kinds of coverage:
// - per row: reviews, review roles and versions get one audit entry each, and so did label
//   revisions written before schema 8;
// - sealed ranges (schema 4): rows written in bulk (classes, models, samples, predictions,
//   batches, batch items and their reasons), and from schema 8 label revisions, get one audit
//   entry per table and write transaction.
//   Its detail (the range of ids, the ids present, a 4-byte tag per row and the digest of all the
//   rows) is kept in audit_ranges; the entry's digest covers that detail, so neither can change
//   without the chain breaking. The tags let verify name the row that changed.
//
// A column left out of a digest must be derived (and recomputed by verify) or change only with an
// audit entry of its own: a new UPDATE of a covered column needs one.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

class QSqlQuery;

#include <functional>
#include <optional>

class QSqlQuery;

namespace Boucle::AuditedRows {

inline const QString labelRevisions = QStringLiteral("label_revisions");
inline const QString reviews = QStringLiteral("reviews");
inline const QString versions = QStringLiteral("versions");
inline const QString reviewRoles = QStringLiteral("review_roles");
// The audit subject of a class's retirement (the one change a class row may undergo).
inline const QString classRetirements = QStringLiteral("classes.retired");
// Project settings (blind mode, policy, ...) by rowid: each change is an entry; the newest entry
// of a setting must match its value.
inline const QString settings = QStringLiteral("project");

// The SELECT of one row (bind its key), whose result digestOfCurrentRow() reads.
QString selectOneSql(const QString &table);
// Digest (32 bytes) of the row a query from selectOneSql() or digestsOf() stands on.
QByteArray digestOfCurrentRow(const QString &table, const QSqlQuery &query);
// Digests of every row of a table, by id.
QHash<qint64, QByteArray> digestsOf(const QSqlDatabase &db, const QString &table);

// The tables sealed by range, in the order a transaction seals them.
const QStringList &sealedTables();
bool isSealedTable(const QString &table);

// From schema 8, the label revisions a write transaction adds are sealed by range too, under this
// subject (revisions written before keep their entry each, under labelRevisions).
inline const QString revisionSeals = QStringLiteral("label_revisions range");
constexpr int firstRevisionSealingSchema = 8;
// The table whose rows an audit subject seals by range: the subject itself for the bulk tables,
// label_revisions for revisionSeals; empty for a subject audited row by row.
QString sealedTableOf(const QString &subject);

// The number of columns, the id first, whose values a range seal of `table` digests in a file at
// `schema` (0 for a table not sealed by range).
int sealedColumnCount(const QString &table, int schema);

// What one audit entry seals: the rows of `table` with first <= id <= last.
struct RowSeal
{
    qint64 first = 0;
    qint64 last = 0;
    qint64 rowCount = 0;
    QString rowIds;        // "1-200,203": the ids present, as runs
    QByteArray rowTags;    // 4 bytes per row, in id order: the start of each row's digest
    QByteArray rowsDigest; // SHA-256 over every row's full digest, in id order
};

// Reads and digests the rows of `table` with first <= id <= last, in a file at `schema` (which
// tells the columns the table has). On a server the read is one prepared statement per table;
// `prepared`, when given, returns one kept for the connection (a statement prepared per call is
// two more round trips, inside the transaction that holds the project's write lock).
using PreparedStatement = std::function<QSqlQuery &(const QString &sql)>;
std::optional<RowSeal> sealRows(const QSqlDatabase &db, const QString &table, qint64 first,
                                qint64 last, int schema, const PreparedStatement &prepared = {});
// How many rows, in this process so far, seals took as a bulk writer digested them while writing
// (WrittenRows) instead of reading them back: for tests and benchmarks.
qint64 rowsSealedAsWritten();

// The audit entry's digest of a seal: it covers the table, the range and the detail.
QByteArray sealDigest(const QString &table, const RowSeal &seal);

// The first row where `recorded` and `current` (the same range, read again) differ: its id and
// whether it was altered, deleted or added. nullopt when the tags cannot tell (a tag collision).
struct RowDifference
{
    enum class Kind { Altered, Deleted, Added };
    Kind kind = Kind::Altered;
    qint64 rowId = 0;
};
std::optional<RowDifference> firstDifference(const RowSeal &recorded, const RowSeal &current);

} // namespace Boucle::AuditedRows
