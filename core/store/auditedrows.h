// The rows the audit chain covers (label revisions, reviews, review roles, versions) and their
// canonical digests. The digest is always computed from the row as read back from the database, so
// writing and verifying use the very same path. Used by ProjectStore only; the thread of its
// connection.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <QString>

class QSqlQuery;

namespace Boucle::AuditedRows {

inline const QString labelRevisions = QStringLiteral("label_revisions");
inline const QString reviews = QStringLiteral("reviews");
inline const QString versions = QStringLiteral("versions");
inline const QString reviewRoles = QStringLiteral("review_roles");

// The SELECT of one row (bind its key), whose result digestOfCurrentRow() reads.
QString selectOneSql(const QString &table);
// Digest (32 bytes) of the row a query from selectOneSql() or digestsOf() stands on.
QByteArray digestOfCurrentRow(const QString &table, const QSqlQuery &query);
// Digests of every row of a table, by id.
QHash<qint64, QByteArray> digestsOf(const QSqlDatabase &db, const QString &table);

} // namespace Boucle::AuditedRows
