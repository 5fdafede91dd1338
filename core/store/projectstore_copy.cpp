// ProjectStore: copying a project with its whole history to another place, a file or a server
// project (`boucle migrate`). Rows are copied as they are, ids included: every audit digest, the
// chain and the version hashes stay valid, so `verify` passes on both ends.
#include "projectstore.h"

#include "schemamigrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

namespace Boucle {

namespace {

struct CopiedTable
{
    QString name;
    QStringList columns; // as read from the source and written to the copy
};

QString sqlError(const QSqlQuery &query)
{
    const QString text = query.lastError().text().trimmed();
    return text.isEmpty() ? QCoreApplication::translate("Boucle::ProjectStore", "unknown error")
                          : text;
}

// The tables in the order they were created (a table refers only to those made before it), each
// with its columns. A SQLite table without an integer key is read with its rowid too: project
// settings are audited by rowid, which a server project keeps as a column of that name.
StoreResult<QList<CopiedTable>> tablesOf(const QSqlDatabase &db, bool server, const QString &schema)
{
    using Result = StoreResult<QList<CopiedTable>>;
    auto failed = [](const QSqlQuery &query) {
        return Result::failure(StoreError::make(
                StoreError::Code::Failed,
                QCoreApplication::translate("Boucle::ProjectStore",
                                            "the tables of the project cannot be listed: %1")
                        .arg(sqlError(query))));
    };
    QList<CopiedTable> tables;
    QSqlQuery query(db);
    if (server) {
        query.prepare(QStringLiteral("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON"
                                     " n.oid = c.relnamespace WHERE n.nspname = ? AND"
                                     " c.relkind = 'r' AND c.relname <> 'boucle_schema'"
                                     " ORDER BY c.oid"));
        query.addBindValue(schema);
        if (!query.exec())
            return failed(query);
        while (query.next())
            tables.append({query.value(0).toString(), {}});
        for (auto &table : tables) {
            QSqlQuery columns(db);
            columns.prepare(QStringLiteral("SELECT column_name FROM information_schema.columns"
                                           " WHERE table_schema = ? AND table_name = ?"
                                           " ORDER BY ordinal_position"));
            columns.addBindValue(schema);
            columns.addBindValue(table.name);
            if (!columns.exec())
                return failed(columns);
            while (columns.next())
                table.columns.append(columns.value(0).toString());
        }
    } else {
        if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND"
                                       " name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid")))
            return failed(query);
        while (query.next())
            tables.append({query.value(0).toString(), {}});
        for (auto &table : tables) {
            QSqlQuery columns(db);
            if (!columns.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table.name)))
                return failed(columns);
            int keyColumns = 0;
            bool integerKey = false;
            while (columns.next()) {
                table.columns.append(columns.value(1).toString());
                if (columns.value(5).toInt() > 0) {
                    ++keyColumns;
                    integerKey = columns.value(2).toString().compare(QLatin1String("INTEGER"),
                                                                     Qt::CaseInsensitive)
                                 == 0;
                }
            }
            if (keyColumns != 1 || !integerKey)
                table.columns.prepend(QStringLiteral("rowid"));
        }
    }
    return Result {tables, {}};
}

} // namespace

StoreError ProjectStore::copyTo(const ProjectLocation &target, qint64 *rowsCopied) const
{
    if (rowsCopied)
        *rowsCopied = 0;
    if (!isOpen())
        return StoreError::make(StoreError::Code::InvalidArgument, tr("no project is open"));
    if (schemaVersion() != latestSchemaVersion())
        return StoreError::make(StoreError::Code::ReadOnly,
                                tr("%1 uses schema %2 and must be upgraded to %3 before it is "
                                   "copied; open it read-write once")
                                        .arg(m_path)
                                        .arg(schemaVersion())
                                        .arg(latestSchemaVersion()));
    // A project that does not verify would be copied with its damage; the copy would not
    // verify either.
    const VerifyReport before = verify();
    if (!before.intact)
        return StoreError::make(
                StoreError::Code::Failed,
                tr("%1 does not verify (%2); nothing was copied").arg(m_path, before.problem));

    ProjectStore copy;
    copy.m_createEmpty = true;
    if (auto error = copy.createAtSchemaVersion(target, latestSchemaVersion()))
        return error;
    const QString address = copy.path();
    // Whatever fails from here leaves nothing at the target.
    auto discard = [&copy, &target](StoreError error) {
        if (target.isFile()) {
            copy.close();
            const QString file = target.filePath();
            for (const auto &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(file + suffix);
            return error;
        }
        if (!copy.isOpen() && copy.openServerConnection(target, OpenMode::ReadWrite))
            return error; // the server is gone: there is nothing to remove either
        QSqlQuery(copy.m_db).exec(QStringLiteral("ROLLBACK"));
        QSqlQuery(copy.m_db).exec(
                QStringLiteral("DROP SCHEMA \"%1\" CASCADE").arg(target.project()));
        copy.close();
        return error;
    };

    const auto source = tablesOf(m_db, m_server, m_project);
    if (source.isError())
        return discard(source.error);
    const auto written = tablesOf(copy.m_db, copy.m_server, copy.m_project);
    if (written.isError())
        return discard(written.error);
    QStringList sourceNames, copyNames;
    for (const auto &table : source.value)
        sourceNames.append(table.name);
    for (const auto &table : written.value)
        copyNames.append(table.name);
    for (const auto &name : std::as_const(sourceNames)) {
        if (!copyNames.contains(name))
            return discard(StoreError::make(
                    StoreError::Code::Failed,
                    tr("the table %1 of %2 has no place in the copy").arg(name, m_path)));
    }

    auto failure = [&address](const QString &what, const QSqlQuery &query) {
        return StoreError::make(StoreError::Code::Failed,
                                tr("Copying to %1: %2: %3").arg(address, what, sqlError(query)));
    };
    QSqlQuery statement(copy.m_db);
    if (!statement.exec(copy.m_server ? QStringLiteral("BEGIN")
                                      : QStringLiteral("BEGIN IMMEDIATE")))
        return discard(failure(tr("starting the copy"), statement));
    // Only rows are written: the checks that refuse a row out of turn (a closure at a version
    // that is not the next one) are off while the copy writes rows that were checked when they
    // were first written; a trigger dropped in SQLite is made again before the commit.
    QStringList insertTriggers;
    if (copy.m_server) {
        for (const auto &name : std::as_const(sourceNames)) {
            if (!statement.exec(QStringLiteral("ALTER TABLE %1 DISABLE TRIGGER USER").arg(name)))
                return discard(failure(tr("preparing %1").arg(name), statement));
        }
    } else {
        QSqlQuery triggers(copy.m_db);
        if (!triggers.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE"
                                          " type = 'trigger' AND sql LIKE '%BEFORE INSERT%'")))
            return discard(failure(tr("preparing the copy"), triggers));
        QStringList names;
        while (triggers.next()) {
            names.append(triggers.value(0).toString());
            insertTriggers.append(triggers.value(1).toString());
        }
        triggers.finish();
        for (const auto &name : std::as_const(names)) {
            if (!statement.exec(QStringLiteral("DROP TRIGGER %1").arg(name)))
                return discard(failure(tr("preparing the copy"), statement));
        }
        if (!statement.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")))
            return discard(failure(tr("preparing the copy"), statement));
    }

    qint64 rows = 0;
    for (const auto &table : source.value) {
        const QString columns = table.columns.join(QStringLiteral(", "));
        QSqlQuery read(m_db);
        read.setForwardOnly(true);
        if (!read.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                               .arg(columns, table.name,
                                    m_server ? QStringLiteral("1") : QStringLiteral("rowid"))))
            return discard(StoreError::make(
                    StoreError::Code::Failed,
                    tr("Reading %1 of %2: %3").arg(table.name, m_path, sqlError(read))));
        QStringList marks;
        for (qsizetype i = 0; i < table.columns.size(); ++i)
            marks.append(QStringLiteral("?"));
        QSqlQuery insert(copy.m_db);
        if (!insert.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                    .arg(table.name, columns, marks.join(QStringLiteral(", ")))))
            return discard(failure(tr("writing %1").arg(table.name), insert));
        const int count = int(table.columns.size());
        while (read.next()) {
            for (int column = 0; column < count; ++column)
                insert.bindValue(column, read.value(column));
            if (!insert.exec())
                return discard(failure(
                        tr("writing row %1 of %2").arg(read.value(0).toString(), table.name),
                        insert));
            ++rows;
        }
        if (read.lastError().isValid())
            return discard(StoreError::make(
                    StoreError::Code::Failed,
                    tr("Reading %1 of %2: %3").arg(table.name, m_path, sqlError(read))));
    }

    if (copy.m_server) {
        for (const auto &name : std::as_const(sourceNames)) {
            if (!statement.exec(QStringLiteral("ALTER TABLE %1 ENABLE TRIGGER USER").arg(name)))
                return discard(failure(tr("finishing %1").arg(name), statement));
        }
        // The next id of every identity column follows the copied rows.
        QSqlQuery identities(copy.m_db);
        identities.prepare(QStringLiteral("SELECT table_name, column_name FROM"
                                          " information_schema.columns WHERE table_schema = ?"
                                          " AND is_identity = 'YES'"));
        identities.addBindValue(copy.m_project);
        if (!identities.exec())
            return discard(failure(tr("finishing the copy"), identities));
        QList<QPair<QString, QString>> columns;
        while (identities.next())
            columns.append({identities.value(0).toString(), identities.value(1).toString()});
        for (const auto &[table, column] : std::as_const(columns)) {
            if (!statement.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('\"%1\".%2',"
                                               " '%3'), COALESCE(MAX(%3), 0) + 1, false) FROM %2")
                                        .arg(copy.m_project, table, column)))
                return discard(failure(tr("finishing %1").arg(table), statement));
        }
    } else {
        for (const auto &sql : std::as_const(insertTriggers)) {
            if (!statement.exec(sql))
                return discard(failure(tr("finishing the copy"), statement));
        }
    }
    if (!statement.exec(QStringLiteral("COMMIT")))
        return discard(failure(tr("saving the copy"), statement));

    // The copy must tell the same story: intact, and the same chain to its last entry.
    copy.close();
    ProjectStore check;
    if (auto error = check.open(target, OpenMode::ReadOnly))
        return discard(error);
    const VerifyReport after = check.verify();
    check.close();
    if (!after.intact)
        return discard(StoreError::make(StoreError::Code::Failed,
                                        tr("the copy at %1 does not verify (%2); it was removed")
                                                .arg(address, after.problem)));
    if (after.head.entries != before.head.entries || after.head.hash != before.head.hash)
        return discard(StoreError::make(
                StoreError::Code::Failed,
                tr("the copy at %1 ends its audit chain at entry %2, the project at entry %3; it "
                   "was removed")
                        .arg(address)
                        .arg(after.head.entries)
                        .arg(before.head.entries)));
    // A data root relative to the project's folder means another folder once the project
    // lives elsewhere (and nothing on a server): the copy gets this project's data root as an
    // absolute path, a change recorded in its audit chain like any other.
    const QString storedRoot = setting(QStringLiteral("data_root"));
    const bool sameFolder
            = target.isFile() && !m_server
              && QFileInfo(target.filePath()).absoluteDir() == QFileInfo(m_path).absoluteDir();
    if (!sameFolder
        && QDir::isRelativePath(storedRoot.isEmpty() ? QStringLiteral(".") : storedRoot)) {
        ProjectStore moved;
        if (auto error = moved.open(target))
            return discard(error);
        if (auto error = moved.setSetting(QStringLiteral("data_root"), dataRoot()))
            return discard(error);
    }
    if (rowsCopied)
        *rowsCopied = rows;
    return {};
}

} // namespace Boucle
