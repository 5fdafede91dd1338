#include "projectstore.h"

#include "auditedrows.h"
#include "postgresschema.h"
#include "recordcodec.h"
#include "schemamigrations.h"
#include "serverconnection.h"
#include "sqlitelibrarysetup.h"
#include "storedialect.h"
#include "storetransaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QUuid>

#include <utility>

namespace Boucle {

using namespace RecordCodec;

namespace {

int busyTimeoutMs()
{
    bool ok = false;
    const int fromEnvironment = qEnvironmentVariableIntValue("BOUCLE_BUSY_TIMEOUT_MS", &ok);
    return ok && fromEnvironment >= 0 ? fromEnvironment : 10000;
}

// Reads the first bytes of a file that SQLite has just refused, to word the message. Only called
// when no connection of this process holds the file: closing any descriptor of a database file
// drops every POSIX lock the process holds on it (SQLite's "How To Corrupt", section 2.2), so an
// open project is never probed this way.
bool hasSqliteHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

// Sample paths are relative to the data root, '/'-separated, and never climb out of it.
bool isSafeRelativePath(const QString &path)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path) || path.startsWith(QLatin1Char('/'))
        || path.contains(QLatin1Char('\\')))
        return false;
    const auto parts = path.split(QLatin1Char('/'));
    for (const auto &part : parts) {
        if (part == QLatin1String("..") || part.isEmpty())
            return false;
    }
    return true;
}

} // namespace

ProjectStore::ProjectStore(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{ }

ProjectStore::~ProjectStore()
{
    close();
}

void ProjectStore::close()
{
    if (m_connectionName.isEmpty())
        return;
    m_statements.clear();
    if (m_db.isOpen()) {
        // A clean close folds the WAL back into the file.
        if (!m_readOnly && !m_server)
            QSqlQuery(m_db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_classIds.clear();
    m_path.clear();
    m_dataRoot.clear();
    m_project.clear();
    m_server = false;
    m_serverSchemaVersion = -1;
    m_importSeenInSampleRow = false;
}

QSqlQuery &ProjectStore::statement(const QString &sql) const
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        auto query = std::make_unique<QSqlQuery>(m_db);
        StoreDialect::readForward(*query);
        query->prepare(sql);
        found = m_statements.emplace(sql, std::move(query)).first;
    }
    found->second->finish();
    return *found->second;
}

bool ProjectStore::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

StoreError ProjectStore::queryError(const QSqlQuery &query, const QString &what) const
{
    if (m_server)
        return serverQueryError(query, what);
    const QSqlError error = query.lastError();
    const QString native = error.nativeErrorCode();
    const int code = native.toInt();
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    // SQLite primary result codes (the low byte of extended codes). On a full disk, opening
    // fails with SQLITE_IOERR (the -shm file cannot grow) before any write says SQLITE_FULL.
    const bool diskFull = (code & 0xff) == 13     // SQLITE_FULL
                          || ((code & 0xff) == 10 // SQLITE_IOERR
                              && QStorageInfo(QFileInfo(m_path).absolutePath()).bytesAvailable()
                                         < (qint64(1) << 20));
    if (diskFull)
        return StoreError::make(StoreError::Code::Failed,
                                tr("%1: the disk is full (or the project reached its size limit); "
                                   "%2 was not changed. Free some space and try again.")
                                        .arg(what, m_path));
    switch (code & 0xff) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return StoreError::make(StoreError::Code::Locked,
                                tr("%1: %2 is locked by another process (waited %3 s); nothing "
                                   "was changed")
                                        .arg(what, m_path)
                                        .arg(busyTimeoutMs() / 1000.0));
    case 8: // SQLITE_READONLY
        return StoreError::make(
                StoreError::Code::ReadOnly,
                tr("%1: %2 cannot be written (read-only); nothing was changed").arg(what, m_path));
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        return StoreError::make(StoreError::Code::Corrupt,
                                tr("%1: %2 is damaged (%3)").arg(what, m_path, detail));
    default:
        return StoreError::make(StoreError::Code::Failed,
                                tr("%1: %2 (%3)").arg(what, detail, m_path));
    }
}

StoreError ProjectStore::serverQueryError(const QSqlQuery &query, const QString &what) const
{
    const QSqlError error = query.lastError();
    // PostgreSQL's SQLSTATE codes (Appendix A of its manual).
    const QString state = error.nativeErrorCode();
    const QString detail
            = (error.databaseText().isEmpty() ? error.text() : error.databaseText()).trimmed();
    if (state == QLatin1String("55P03") || state == QLatin1String("40P01")
        || state == QLatin1String("40001"))
        return StoreError::make(StoreError::Code::Locked,
                                tr("%1: %2 is locked by another writer (waited %3 s); nothing "
                                   "was changed")
                                        .arg(what, m_path)
                                        .arg(busyTimeoutMs() / 1000.0));
    if (state == QLatin1String("42501"))
        return roleRefusal(error, what);
    if (state == QLatin1String("25006"))
        return StoreError::make(
                StoreError::Code::ReadOnly,
                tr("%1: %2 cannot be written (%3); nothing was changed").arg(what, m_path, detail));
    if (state == QLatin1String("53100"))
        return StoreError::make(
                StoreError::Code::Failed,
                tr("%1: the server's disk is full; %2 was not changed.").arg(what, m_path));
    if (state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P"))
        || (state.isEmpty() && error.type() == QSqlError::ConnectionError) || !m_db.isOpen())
        return StoreError::make(StoreError::Code::Failed,
                                tr("%1: the server of %2 cannot be reached (%3); nothing was "
                                   "changed")
                                        .arg(what, m_path, detail));
    return StoreError::make(StoreError::Code::Failed, tr("%1: %2 (%3)").arg(what, detail, m_path));
}

StoreError ProjectStore::openServerConnection(const ProjectLocation &location, OpenMode mode)
{
    close();
    const QString name
            = QStringLiteral("boucle-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString password = std::exchange(m_password, QString());
    if (auto error = ServerConnection::open(location, name, password))
        return error;
    m_connectionName = name;
    m_db = QSqlDatabase::database(m_connectionName, false);
    m_server = true;
    m_path = location.displayText();
    m_project = location.project();
    m_readOnly = mode == OpenMode::ReadOnly;
    return {};
}

StoreError ProjectStore::serverProjectExists(bool *exists)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = ?"));
    query.addBindValue(m_project);
    if (!query.exec() || !query.next())
        return queryError(query, tr("Looking for the project %1").arg(m_path));
    *exists = query.value(0).toLongLong() > 0;
    return {};
}

StoreError ProjectStore::openServer(const ProjectLocation &location, OpenMode mode)
{
    if (auto error = openServerConnection(location, mode))
        return error;
    auto fail = [this](StoreError error) {
        close();
        return error;
    };
    bool exists = false;
    if (auto error = serverProjectExists(&exists))
        return fail(error);
    if (!exists)
        return fail(StoreError::make(StoreError::Code::NotFound,
                                     tr("there is no project %1 on the server of %2; create it "
                                        "first (boucle init %2)")
                                             .arg(m_project, m_path)));
    if (auto error = configureConnection())
        return fail(error);
    if (auto error = checkIdentity())
        return fail(error);
    return {};
}

StoreError ProjectStore::createServer(const ProjectLocation &location, int schemaVersion,
                                      const QString &dataRoot)
{
    if (auto error = openServerConnection(location, OpenMode::ReadWrite))
        return error;
    bool exists = false;
    if (auto error = serverProjectExists(&exists)) {
        close();
        return error;
    }
    if (exists) {
        const QString address = m_path;
        close();
        return StoreError::make(StoreError::Code::Conflict,
                                tr("%1 already exists; nothing was changed").arg(address));
    }
    // The schema and the table that says what it holds, outside any transaction: a second
    // creator racing this one fails on CREATE SCHEMA and leaves this project alone.
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("CREATE SCHEMA \"%1\"").arg(m_project))) {
        const auto error = queryError(query, tr("Creating the project"));
        close();
        return error;
    }
    auto fail = [this](StoreError error) {
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        QSqlQuery(m_db).exec(QStringLiteral("DROP SCHEMA \"%1\" CASCADE").arg(m_project));
        close();
        return error;
    };
    if (auto error = configureConnection())
        return fail(error);
    if (!query.exec(QStringLiteral("CREATE TABLE boucle_schema (application_id BIGINT NOT NULL,"
                                   " schema_version BIGINT NOT NULL)"))
        || !query.exec(
                QStringLiteral("INSERT INTO boucle_schema VALUES (%1, 0)").arg(applicationId)))
        return fail(queryError(query, tr("Creating the project")));
    if (auto error = migrate(schemaVersion))
        return fail(error);
    if (m_createEmpty)
        return {};
    if (auto error = initialiseProject(dataRoot))
        return fail(error);
    return {};
}

StoreError ProjectStore::openConnection(const QString &path, OpenMode mode, bool mustExist)
{
    close();
    const QFileInfo info(path);
    if (mustExist && !info.exists())
        return StoreError::make(StoreError::Code::NotFound, tr("%1 does not exist").arg(path));
    // Only what stat() tells is checked here: the contents are SQLite's to judge (see
    // checkIdentity), since this process may already hold the file open and locked.
    if (mustExist && !info.isFile())
        return StoreError::make(StoreError::Code::NotAProject,
                                tr("%1 is not a Boucle project (not a regular file)").arg(path));
    if (mode == OpenMode::ReadWrite) {
        const QFileInfo folder(info.absolutePath());
        // Write bits are honoured even for a superuser: a project marked read-only stays so.
        const bool markedReadOnly
                = mustExist
                  && !(info.permissions()
                       & (QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther));
        if ((mustExist && (!info.isWritable() || markedReadOnly)) || !folder.isWritable())
            return StoreError::make(StoreError::Code::ReadOnly,
                                    tr("%1 cannot be written (read-only file or folder); open "
                                       "it read-only or fix its permissions")
                                            .arg(path));
    }

    setUpSqliteLibrary();
    m_connectionName
            = QStringLiteral("boucle-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(info.absoluteFilePath());
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs());
    if (mode == OpenMode::ReadOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    m_db.setConnectOptions(options);
    m_path = info.absoluteFilePath();
    m_readOnly = mode == OpenMode::ReadOnly;
    if (!m_db.open()) {
        const auto error = StoreError::make(
                StoreError::Code::Failed,
                tr("%1 could not be opened: %2").arg(path, m_db.lastError().text()));
        close();
        return error;
    }
    return {};
}

StoreError ProjectStore::configureConnection()
{
    QSqlQuery query(m_db);
    if (m_server) {
        // The project's schema first, so every table name of the store is the project's; times
        // are text in UTC written by Boucle, the session's zone only matters to a person's psql.
        // lock_timeout bounds a writer's wait for the project's lock as the busy timeout does on
        // a file. A read-only opening makes every transaction of the session read-only.
        QStringList settings {QStringLiteral("SET search_path TO \"%1\"").arg(m_project),
                              QStringLiteral("SET TIME ZONE 'UTC'"),
                              QStringLiteral("SET client_min_messages TO warning"),
                              QStringLiteral("SET lock_timeout = %1").arg(busyTimeoutMs())};
        if (m_readOnly)
            settings.append(QStringLiteral("SET default_transaction_read_only = on"));
        for (const auto &setting : std::as_const(settings)) {
            if (!query.exec(setting))
                return queryError(query, tr("Opening the project"));
        }
        return {};
    }
    if (!m_readOnly) {
        if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
            return queryError(query, tr("Opening the project"));
    }
    // FULL: a decision acknowledged to the reviewer survives a power cut. A page cache of up to
    // 64 MiB (SQLite's default is 2 MiB) holds the pages a commit of 10,000 changes touches across
    // a million labels, instead of reading each again from the file.
    for (const auto *pragma :
         {"PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "PRAGMA cache_size=-65536"}) {
        if (!query.exec(QString::fromLatin1(pragma)))
            return queryError(query, tr("Opening the project"));
    }
    return {};
}

StoreError ProjectStore::checkIdentity()
{
    if (m_server) {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("SELECT application_id FROM boucle_schema")) || !query.next()
            || query.value(0).toLongLong() != applicationId) {
            return StoreError::make(StoreError::Code::NotAProject,
                                    tr("%1 is not a Boucle project (the schema %2 on that "
                                       "database holds something else)")
                                            .arg(m_path, m_project));
        }
        return {};
    }
    bool read = false;
    qint32 id = 0;
    {
        QSqlQuery query(m_db);
        read = query.exec(QStringLiteral("PRAGMA application_id")) && query.next();
        if (!read && (query.lastError().nativeErrorCode().toInt() & 0xff) != 26) // SQLITE_NOTADB
            return queryError(query, tr("Reading the project"));
        if (read)
            id = query.value(0).toInt();
    }
    if (id != applicationId) {
        // Word the refusal only once this connection is gone (see hasSqliteHeader).
        const QString path = m_path;
        m_readOnly = true; // not ours: close() must not checkpoint it
        close();
        if (QFileInfo(path).size() == 0 && !QFileInfo::exists(path + QStringLiteral("-wal")))
            return StoreError::make(StoreError::Code::NotAProject,
                                    tr("%1 is not a Boucle project (an empty file)").arg(path));
        if (!hasSqliteHeader(path))
            return StoreError::make(
                    StoreError::Code::NotAProject,
                    tr("%1 is not a Boucle project (not an SQLite database)").arg(path));
        if (!read)
            return StoreError::make(
                    StoreError::Code::Corrupt,
                    tr("%1 is damaged (its SQLite header cannot be read)").arg(path));
        return StoreError::make(StoreError::Code::NotAProject,
                                tr("%1 is an SQLite database but not a Boucle project").arg(path));
    }
    // A damaged file often opens; the first read of the schema tells.
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
        return queryError(query, tr("Reading the project"));
    return {};
}

StoreError ProjectStore::open(const QString &location, OpenMode mode)
{
    const auto parsed = ProjectLocation::parse(location);
    if (parsed.isError())
        return parsed.error;
    return open(parsed.value, mode);
}

StoreError ProjectStore::open(const ProjectLocation &location, OpenMode mode)
{
    const QString path = location.displayText();
    if (location.isFile()) {
        if (auto error = openConnection(location.filePath(), mode, true))
            return error;
    } else if (auto error = openServer(location, mode)) {
        return error;
    }
    auto fail = [this](StoreError error) {
        close();
        return error;
    };
    if (!m_server) {
        if (auto error = checkIdentity())
            return fail(error);
    }
    const int version = schemaVersion();
    if (version > latestSchemaVersion())
        return fail(StoreError::make(StoreError::Code::NewerSchema,
                                     tr("%1 was written by a newer Boucle (schema %2; this "
                                        "Boucle reads up to %3); nothing was changed")
                                             .arg(path)
                                             .arg(version)
                                             .arg(latestSchemaVersion())));
    if (!m_server) {
        if (auto error = configureConnection())
            return fail(error);
    }
    if (version < latestSchemaVersion()) {
        if (m_readOnly)
            return fail(StoreError::make(StoreError::Code::ReadOnly,
                                         tr("%1 uses schema %2 and must be upgraded to %3; open "
                                            "it read-write once")
                                                 .arg(path)
                                                 .arg(version)
                                                 .arg(latestSchemaVersion())));
        if (auto error = migrate(latestSchemaVersion()))
            return fail(error);
    }
    if (m_server)
        currentRole(); // kept to word the server's refusals
    m_dataRoot = setting(QStringLiteral("data_root"));
    return {};
}

StoreError ProjectStore::create(const QString &location, const QString &dataRoot)
{
    return createAtSchemaVersion(location, latestSchemaVersion(), dataRoot);
}

StoreError ProjectStore::create(const ProjectLocation &location, const QString &dataRoot)
{
    return createAtSchemaVersion(location, latestSchemaVersion(), dataRoot);
}

StoreError ProjectStore::createAtSchemaVersion(const QString &location, int schemaVersion,
                                               const QString &dataRoot)
{
    const auto parsed = ProjectLocation::parse(location);
    if (parsed.isError())
        return parsed.error;
    return createAtSchemaVersion(parsed.value, schemaVersion, dataRoot);
}

StoreError ProjectStore::createAtSchemaVersion(const ProjectLocation &location, int schemaVersion,
                                               const QString &dataRoot)
{
    if (!location.isFile())
        return createServer(location, schemaVersion, dataRoot);
    const QString path = location.filePath();
    if (QFileInfo::exists(path))
        return StoreError::make(StoreError::Code::Conflict,
                                tr("%1 already exists; nothing was changed").arg(path));
    if (!QFileInfo(QFileInfo(path).absolutePath()).isDir())
        return StoreError::make(StoreError::Code::NotFound,
                                tr("the folder of %1 does not exist").arg(path));
    if (auto error = openConnection(path, OpenMode::ReadWrite, false))
        return error;
    auto fail = [this, path](StoreError error) {
        close();
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        return error;
    };
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA application_id=%1").arg(applicationId)))
        return fail(queryError(query, tr("Creating the project")));
    if (auto error = configureConnection())
        return fail(error);
    if (auto error = migrate(schemaVersion))
        return fail(error);
    if (m_createEmpty)
        return {};
    if (auto error = initialiseProject(dataRoot))
        return fail(error);
    return {};
}

StoreError ProjectStore::initialiseProject(const QString &dataRoot)
{
    // A server project has no folder: its data root is absolute, read from the current folder.
    const QDir projectFolder = m_server ? QDir::current() : QFileInfo(m_path).absoluteDir();
    QString root = dataRoot.isEmpty() ? QStringLiteral(".") : dataRoot;
    // Kept relative when inside the project's folder, so a project and its data move together.
    const QString absoluteRoot = QDir::cleanPath(projectFolder.absoluteFilePath(root));
    const QString relative = projectFolder.relativeFilePath(absoluteRoot);
    root = m_server || relative.startsWith(QLatin1String("..")) ? absoluteRoot : relative;
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    if (auto error = setSetting(QStringLiteral("data_root"), root))
        return error;
    if (auto error = setSetting(QStringLiteral("created_at"), timeToText(now())))
        return error;
    if (auto error
        = setSetting(QStringLiteral("created_by_version"), QStringLiteral(BOUCLE_VERSION)))
        return error;
    if (auto error = transaction.commit())
        return error;
    m_dataRoot = root;
    return {};
}

StoreError ProjectStore::migrate(int targetVersion)
{
    m_serverSchemaVersion = -1;
    m_migrating = true;
    const QScopeGuard migrated([this] {
        m_migrating = false;
        m_serverSchemaVersion = -1;
    });
    for (int number = schemaVersion() + 1; number <= targetVersion; ++number) {
        StoreTransaction transaction(*this);
        if (transaction.beginError())
            return transaction.beginError();
        QStringList statements = schemaMigration(number);
        if (m_server) {
            auto translated = PostgresSchema::migration(number);
            if (translated.isError())
                return translated.error;
            statements = translated.value;
            if (number == ProjectRoles::schemaVersion)
                statements += serverRoleStatements(m_project);
            if (number == signatureSchemaVersion)
                statements += serverSignatureStatements(m_project);
        }
        QSqlQuery query(m_db);
        for (const auto &statement : std::as_const(statements)) {
            if (!query.exec(statement)) {
                if (m_server && number == ProjectRoles::schemaVersion)
                    return StoreError::make(
                            StoreError::Code::ReadOnly,
                            tr("Upgrading %1 to schema %2 makes its roles on the server, which "
                               "only its owner may do, with the right to create roles "
                               "(CREATEROLE); nothing was changed (%3)")
                                    .arg(m_path)
                                    .arg(number)
                                    .arg(query.lastError().databaseText().trimmed()));
                return queryError(query, tr("Upgrading the project to schema %1").arg(number));
            }
        }
        const QString setVersion
                = m_server ? QStringLiteral("UPDATE boucle_schema SET schema_version = %1")
                           : QStringLiteral("PRAGMA user_version=%1");
        if (!query.exec(setVersion.arg(number)))
            return queryError(query, tr("Upgrading the project to schema %1").arg(number));
        if (auto error = transaction.commit())
            return error;
    }
    return {};
}

bool ProjectStore::keepsImportSeenInSampleRow() const
{
    // A schema only grows: asked of the file until it is true, then never again.
    if (!m_importSeenInSampleRow)
        m_importSeenInSampleRow = schemaVersion() >= importSeenInSampleRowSchema;
    return m_importSeenInSampleRow;
}

int ProjectStore::schemaVersion() const
{
    if (m_server && m_serverSchemaVersion >= 0)
        return m_serverSchemaVersion;
    QSqlQuery query(m_db);
    if (!query.exec(m_server ? QStringLiteral("SELECT schema_version FROM boucle_schema")
                             : QStringLiteral("PRAGMA user_version"))
        || !query.next())
        return 0;
    const int version = query.value(0).toInt();
    if (m_server && !m_migrating)
        m_serverSchemaVersion = version;
    return version;
}

QString ProjectStore::dataRoot() const
{
    const QDir projectFolder = QFileInfo(m_path).absoluteDir();
    return QDir::cleanPath(projectFolder.absoluteFilePath(m_dataRoot.isEmpty() ? QStringLiteral(".")
                                                                               : m_dataRoot));
}

QString ProjectStore::absoluteSamplePath(const QString &samplePath) const
{
    return QDir(dataRoot()).filePath(samplePath);
}

void ProjectStore::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

QDateTime ProjectStore::now() const
{
    return m_clock();
}

void ProjectStore::noteChange(Changes what)
{
    if (m_transactionDepth > 0)
        m_pendingChanges |= what;
    else
        emit changed(what);
}

// --- settings ---------------------------------------------------------------------------------

QString ProjectStore::setting(const QString &key, const QString &fallback) const
{
    QSqlQuery &query = statement(QStringLiteral("SELECT value FROM project WHERE key = ?"));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(key);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return fallback;
}

StoreError ProjectStore::setSetting(const QString &key, const QString &value)
{
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    QSqlQuery query(m_db);
    // A setting changes what reviewers see (blind mode, the policy): each change is audited.
    query.prepare(QStringLiteral("SELECT value FROM project WHERE key = ?"));
    query.addBindValue(key);
    const bool unchanged = query.exec() && query.next() && query.value(0).toString() == value;
    // An UPDATE, else an INSERT, rather than an upsert: on the server an upsert that updates
    // still draws a row number, and setting rows are audited by number.
    query.prepare(QStringLiteral("UPDATE project SET value = ? WHERE key = ?"));
    query.addBindValue(value);
    query.addBindValue(key);
    if (!query.exec())
        return queryError(query, tr("Saving the setting %1").arg(key));
    if (query.numRowsAffected() == 0) {
        query.prepare(QStringLiteral("INSERT INTO project (key, value) VALUES (?, ?)"));
        query.addBindValue(key);
        query.addBindValue(value);
        if (!query.exec())
            return queryError(query, tr("Saving the setting %1").arg(key));
    }
    if (!unchanged && schemaVersion() >= 4) {
        query.prepare(QStringLiteral("SELECT rowid FROM project WHERE key = ?"));
        query.addBindValue(key);
        if (!query.exec() || !query.next())
            return queryError(query, tr("Saving the setting %1").arg(key));
        if (auto error = appendAudit(AuditedRows::settings, query.value(0).toLongLong(),
                                     qEnvironmentVariable("USER", QStringLiteral("unknown"))))
            return error;
    }
    noteChange(Change::Settings);
    return transaction.commit();
}

// --- classes ----------------------------------------------------------------------------------

QList<ClassRecord> ProjectStore::classes(bool includeRetired) const
{
    QList<ClassRecord> result;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT id, name, position, retired FROM classes ORDER BY position"));
    while (query.next()) {
        ClassRecord record {query.value(0).toLongLong(), query.value(1).toString(),
                            query.value(2).toInt(), query.value(3).toBool()};
        if (includeRetired || !record.retired)
            result.append(record);
    }
    return result;
}

QStringList ProjectStore::classNames(bool includeRetired) const
{
    QStringList names;
    for (const auto &record : classes(includeRetired))
        names.append(record.name);
    return names;
}

StoreError ProjectStore::ensureClasses(const QStringList &names)
{
    QStringList unknown;
    QSet<QString> listed; // a set, not unknown.contains(): 10^5 names took minutes
    for (const auto &name : names) {
        if (name.trimmed().isEmpty())
            return StoreError::make(StoreError::Code::InvalidArgument,
                                    tr("a class name cannot be empty"));
        if (!classId(name) && !listed.contains(name)) {
            listed.insert(name);
            unknown.append(name);
        }
    }
    if (unknown.isEmpty())
        return {};
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT COALESCE(MAX(position), -1) FROM classes"));
    int position = query.next() ? query.value(0).toInt() + 1 : 0;
    query.prepare(
            QStringLiteral("INSERT INTO classes (name, position) VALUES (?, ?) RETURNING id"));
    for (const auto &name : unknown) {
        query.addBindValue(name);
        query.addBindValue(position++);
        if (!query.exec())
            return queryError(query, tr("Adding the class %1").arg(name));
        m_classIds.insert(name, StoreDialect::returnedId(query));
    }
    noteChange(Change::Classes);
    return transaction.commit();
}

std::optional<qint64> ProjectStore::classId(const QString &name) const
{
    const auto cached = m_classIds.constFind(name);
    if (cached != m_classIds.constEnd())
        return *cached;
    QSqlQuery &query = statement(QStringLiteral("SELECT id FROM classes WHERE name = ?"));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(name);
    if (query.exec() && query.next()) {
        const qint64 id = query.value(0).toLongLong();
        m_classIds.insert(name, id);
        return id;
    }
    return std::nullopt;
}

StoreError ProjectStore::retireClass(const QString &name)
{
    if (!classId(name))
        return StoreError::make(StoreError::Code::NotFound, tr("there is no class '%1'").arg(name));
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    const bool wasRetired = isRetired(name);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE classes SET retired = 1 WHERE name = ?"));
    query.addBindValue(name);
    if (!query.exec())
        return queryError(query, tr("Retiring the class %1").arg(name));
    // A retirement changes what a class offers reviewers: it is audited like a decision.
    if (!wasRetired) {
        if (auto error = appendAudit(AuditedRows::classRetirements, *classId(name),
                                     qEnvironmentVariable("USER", QStringLiteral("unknown"))))
            return error;
    }
    noteChange(Change::Classes);
    return transaction.commit();
}

bool ProjectStore::isRetired(const QString &name) const
{
    QSqlQuery &query = statement(QStringLiteral("SELECT retired FROM classes WHERE name = ?"));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(name);
    return query.exec() && query.next() && query.value(0).toBool();
}

QString ProjectStore::labelName(const QVariant &classIdValue) const
{
    if (classIdValue.isNull())
        return {};
    const qint64 id = classIdValue.toLongLong();
    for (auto it = m_classIds.constBegin(); it != m_classIds.constEnd(); ++it) {
        if (it.value() == id)
            return it.key();
    }
    QSqlQuery &query = statement(QStringLiteral("SELECT name FROM classes WHERE id = ?"));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(id);
    if (query.exec() && query.next()) {
        const QString name = query.value(0).toString();
        m_classIds.insert(name, id);
        return name;
    }
    return {};
}

QVariant ProjectStore::classIdVariant(const QString &name) const
{
    if (name.isEmpty())
        return QVariant(QMetaType::fromType<qint64>());
    const auto id = classId(name);
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qint64>());
}

// --- samples ----------------------------------------------------------------------------------

namespace {
const QString sampleColumns = QStringLiteral(
        "id, path, kind, sha256, byte_size, width, height, missing, split, metadata, added_at");

SampleRecord sampleFromQuery(const QSqlQuery &query)
{
    SampleRecord sample;
    sample.id = query.value(0).toLongLong();
    sample.path = query.value(1).toString();
    sample.kind = query.value(2).toString();
    sample.sha256 = query.value(3).toString().toLatin1();
    sample.byteSize = query.value(4).toLongLong();
    sample.width = query.value(5).toInt();
    sample.height = query.value(6).toInt();
    sample.missing = query.value(7).toBool();
    sample.split = splitFromName(query.value(8).toString());
    sample.metadata = objectFromJson(query.value(9).toString());
    sample.addedAt = timeFromText(query.value(10).toString());
    return sample;
}
} // namespace

StoreError ProjectStore::addSample(SampleRecord &sample)
{
    if (!isSafeRelativePath(sample.path))
        return StoreError::make(StoreError::Code::InvalidArgument,
                                tr("sample path '%1' must be relative to the data root and stay "
                                   "inside it")
                                        .arg(sample.path));
    if (const auto existing = sampleByPath(sample.path)) {
        sample = *existing;
        return {};
    }
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    // What the import saw of the file (its size and modification time), so that a later change
    // is noticed: in the row itself from schema 15, as a content observation before.
    const bool seenInRow = keepsImportSeenInSampleRow();
    const bool seen = !sample.missing && sample.modifiedNs != 0;
    QSqlQuery &query = statement(
            seenInRow ? QStringLiteral("INSERT INTO samples (path, kind, sha256, byte_size, width,"
                                       " height, missing, split, metadata, added_at, modified_ns)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                      : QStringLiteral("INSERT INTO samples (path, kind, sha256, byte_size, width,"
                                       " height, missing, split, metadata, added_at)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    if (!sample.addedAt.isValid())
        sample.addedAt = now();
    query.addBindValue(sample.path);
    query.addBindValue(sample.kind.isEmpty() ? QStringLiteral("image") : sample.kind);
    query.addBindValue(sample.sha256.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                               : QVariant(QString::fromLatin1(sample.sha256)));
    query.addBindValue(sample.byteSize);
    query.addBindValue(sample.width);
    query.addBindValue(sample.height);
    query.addBindValue(sample.missing ? 1 : 0);
    query.addBindValue(splitName(sample.split));
    query.addBindValue(toCompactJson(sample.metadata));
    query.addBindValue(timeToText(sample.addedAt));
    if (seenInRow)
        query.addBindValue(seen ? QVariant(sample.modifiedNs)
                                : QVariant(QMetaType::fromType<qint64>()));
    if (!query.exec())
        return queryError(query, tr("Adding the sample %1").arg(sample.path));
    sample.id = StoreDialect::returnedId(query);
    if (sample.kind.isEmpty())
        sample.kind = QStringLiteral("image");
    if (seen && !seenInRow) {
        QList<ContentObservation> observed(1);
        observed[0].sampleId = sample.id;
        observed[0].sha256 = sample.sha256;
        observed[0].byteSize = sample.byteSize;
        observed[0].modifiedNs = sample.modifiedNs;
        observed[0].observedAt = sample.addedAt;
        observed[0].source = ContentObservation::Source::Import;
        if (auto error = addContentObservations(observed))
            return error;
    }
    noteChange(Change::Samples);
    return transaction.commit();
}

std::optional<SampleRecord> ProjectStore::sample(SampleId id) const
{
    QSqlQuery &query
            = statement(QStringLiteral("SELECT %1 FROM samples WHERE id = ?").arg(sampleColumns));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(id);
    if (query.exec() && query.next())
        return sampleFromQuery(query);
    return std::nullopt;
}

std::optional<SampleRecord> ProjectStore::sampleByPath(const QString &path) const
{
    QSqlQuery &query
            = statement(QStringLiteral("SELECT %1 FROM samples WHERE path = ?").arg(sampleColumns));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(path);
    if (query.exec() && query.next())
        return sampleFromQuery(query);
    return std::nullopt;
}

// A page of samples in id order, for the passes that walk every sample file (hashing, verify).
StoreError ProjectStore::sampleFilesAfter(SampleId afterId, int limit,
                                          QList<SampleRecord> *samples) const
{
    samples->clear();
    QSqlQuery query(m_db);
    StoreDialect::readForward(query);
    query.prepare(QStringLiteral("SELECT %1 FROM samples WHERE id > ? ORDER BY id LIMIT ?")
                          .arg(sampleColumns));
    query.addBindValue(afterId);
    query.addBindValue(StoreDialect::limit(limit));
    if (!query.exec())
        return queryError(query, tr("Reading the samples"));
    while (query.next())
        samples->append(sampleFromQuery(query));
    return {};
}

QList<SampleRecord> ProjectStore::samples(int offset, int limit) const
{
    QList<SampleRecord> result;
    QSqlQuery query(m_db);
    StoreDialect::readForward(query);
    query.prepare(QStringLiteral("SELECT %1 FROM samples ORDER BY id LIMIT ? OFFSET ?")
                          .arg(sampleColumns));
    query.addBindValue(StoreDialect::limit(limit));
    query.addBindValue(offset);
    if (query.exec()) {
        while (query.next())
            result.append(sampleFromQuery(query));
    }
    return result;
}

qint64 ProjectStore::sampleCount() const
{
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("SELECT count(*) FROM samples")) && query.next())
        return query.value(0).toLongLong();
    return 0;
}

StoreError ProjectStore::setSampleMissing(SampleId id, bool missing)
{
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE samples SET missing = ? WHERE id = ?"));
    query.addBindValue(missing ? 1 : 0);
    query.addBindValue(id);
    if (!query.exec())
        return queryError(query, tr("Marking sample %1").arg(id));
    noteChange(Change::Samples);
    return transaction.commit();
}

// --- models -----------------------------------------------------------------------------------

namespace {
ModelRecord modelFromQuery(const QSqlQuery &query)
{
    ModelRecord model;
    model.id = query.value(0).toLongLong();
    model.name = query.value(1).toString();
    model.version = query.value(2).toString();
    model.createdAt = timeFromText(query.value(3).toString());
    model.trainedOnVersion = query.value(4).toInt();
    model.metrics = objectFromJson(query.value(5).toString());
    return model;
}
const QString modelColumns
        = QStringLiteral("id, name, version, created_at, trained_on_version, metrics");
} // namespace

StoreError ProjectStore::addModel(ModelRecord &model)
{
    if (model.name.isEmpty() || model.version.isEmpty())
        return StoreError::make(StoreError::Code::InvalidArgument,
                                tr("a model needs a name and a version (name@version)"));
    if (const auto existing = modelByKey(model.name, model.version)) {
        model = *existing;
        return {};
    }
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO models (name, version, created_at,"
                                 " trained_on_version, metrics) VALUES (?, ?, ?, ?, ?)"
                                 " RETURNING id"));
    if (!model.createdAt.isValid())
        model.createdAt = now();
    query.addBindValue(model.name);
    query.addBindValue(model.version);
    query.addBindValue(timeToText(model.createdAt));
    query.addBindValue(model.trainedOnVersion);
    query.addBindValue(toCompactJson(model.metrics));
    if (!query.exec())
        return queryError(query, tr("Adding the model %1").arg(model.key()));
    model.id = StoreDialect::returnedId(query);
    noteChange(Change::Models);
    return transaction.commit();
}

std::optional<ModelRecord> ProjectStore::model(ModelId id) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM models WHERE id = ?").arg(modelColumns));
    query.addBindValue(id);
    if (query.exec() && query.next())
        return modelFromQuery(query);
    return std::nullopt;
}

std::optional<ModelRecord> ProjectStore::modelByKey(const QString &name,
                                                    const QString &version) const
{
    QSqlQuery &query
            = statement(QStringLiteral("SELECT %1 FROM models WHERE name = ? AND version = ?")
                                .arg(modelColumns));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(name);
    query.addBindValue(version);
    if (query.exec() && query.next())
        return modelFromQuery(query);
    return std::nullopt;
}

QList<ModelRecord> ProjectStore::models() const
{
    QList<ModelRecord> result;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT %1 FROM models ORDER BY id").arg(modelColumns));
    while (query.next())
        result.append(modelFromQuery(query));
    return result;
}

StoreError ProjectStore::setModelMetrics(ModelId id, const QJsonObject &metrics,
                                         int trainedOnVersion)
{
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    QSqlQuery query(m_db);
    query.prepare(
            QStringLiteral("UPDATE models SET metrics = ?, trained_on_version = ? WHERE id = ?"));
    query.addBindValue(toCompactJson(metrics));
    query.addBindValue(trainedOnVersion);
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1)
        return StoreError::make(StoreError::Code::NotFound, tr("there is no model %1").arg(id));
    noteChange(Change::Models);
    return transaction.commit();
}

// --- predictions ------------------------------------------------------------------------------

namespace {
const QString predictionColumns = QStringLiteral(
        "id, sample_id, model_id, label_id, confidence, probs, committee, embedding, objects,"
        " heatmap, predicted_at, truth_id, report, upstream_flags, metadata, log_line, frame");
} // namespace

StoreError ProjectStore::addPrediction(PredictionRecord &prediction)
{
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    QStringList labels;
    if (!prediction.label.isEmpty())
        labels.append(prediction.label);
    if (!prediction.truth.isEmpty())
        labels.append(prediction.truth);
    if (auto error = ensureClasses(labels))
        return error;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
            "INSERT INTO predictions (sample_id, model_id, label_id, confidence, probs, committee,"
            " embedding, objects, heatmap, predicted_at, truth_id, report, upstream_flags,"
            " metadata, log_line, frame) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (sample_id, model_id) DO NOTHING RETURNING id"));
    query.addBindValue(prediction.sampleId);
    query.addBindValue(prediction.modelId);
    query.addBindValue(classIdVariant(prediction.label));
    query.addBindValue(prediction.confidence);
    query.addBindValue(prediction.probs.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>())
                                                  : QVariant(encodeFloats(prediction.probs)));
    query.addBindValue(toCompactJson(committeeToJson(prediction.committee)));
    query.addBindValue(prediction.embedding.isEmpty()
                               ? QVariant(QMetaType::fromType<QByteArray>())
                               : QVariant(encodeFloats(prediction.embedding)));
    query.addBindValue(toCompactJson(objectsToJson(prediction.objects)));
    query.addBindValue(prediction.heatmapPath);
    query.addBindValue(timeToText(prediction.predictedAt));
    query.addBindValue(classIdVariant(prediction.truth));
    query.addBindValue(prediction.report);
    query.addBindValue(toCompactJson(upstreamFlagsToJson(prediction.upstreamFlags)));
    query.addBindValue(toCompactJson(prediction.metadata));
    query.addBindValue(prediction.logLine);
    query.addBindValue(prediction.frame < 0 ? QVariant(QMetaType::fromType<qint64>())
                                            : QVariant(qint64(prediction.frame)));
    if (!query.exec())
        return queryError(query, tr("Adding a prediction for sample %1").arg(prediction.sampleId));
    if (const qint64 inserted = StoreDialect::returnedId(query)) {
        prediction.id = inserted;
        noteChange(Change::Predictions);
    } else {
        QSqlQuery existing(m_db);
        existing.prepare(
                QStringLiteral("SELECT id FROM predictions WHERE sample_id = ? AND model_id = ?"));
        existing.addBindValue(prediction.sampleId);
        existing.addBindValue(prediction.modelId);
        if (existing.exec() && existing.next())
            prediction.id = existing.value(0).toLongLong();
    }
    return transaction.commit();
}

PredictionRecord ProjectStore::predictionFromQuery(const QSqlQuery &query) const
{
    PredictionRecord prediction;
    prediction.id = query.value(0).toLongLong();
    prediction.sampleId = query.value(1).toLongLong();
    prediction.modelId = query.value(2).toLongLong();
    prediction.label = labelName(query.value(3));
    prediction.confidence = query.value(4).toDouble();
    prediction.probs = decodeFloats(query.value(5).toByteArray());
    prediction.committee = committeeFromJson(arrayFromJson(query.value(6).toString()));
    prediction.embedding = decodeFloats(query.value(7).toByteArray());
    prediction.objects = objectsFromJson(arrayFromJson(query.value(8).toString()));
    prediction.heatmapPath = query.value(9).toString();
    prediction.predictedAt = timeFromText(query.value(10).toString());
    prediction.truth = labelName(query.value(11));
    prediction.report = query.value(12).toString();
    prediction.upstreamFlags = upstreamFlagsFromJson(arrayFromJson(query.value(13).toString()));
    prediction.metadata = objectFromJson(query.value(14).toString());
    prediction.logLine = query.value(15).toLongLong();
    prediction.frame = query.value(16).isNull() ? -1 : query.value(16).toInt();
    return prediction;
}

std::optional<PredictionRecord> ProjectStore::prediction(PredictionId id) const
{
    QSqlQuery &query = statement(
            QStringLiteral("SELECT %1 FROM predictions WHERE id = ?").arg(predictionColumns));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(id);
    if (query.exec() && query.next())
        return predictionFromQuery(query);
    return std::nullopt;
}

QList<PredictionRecord> ProjectStore::predictionsForSample(SampleId sampleId) const
{
    QList<PredictionRecord> result;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM predictions WHERE sample_id = ? ORDER BY id")
                          .arg(predictionColumns));
    query.addBindValue(sampleId);
    if (query.exec()) {
        while (query.next())
            result.append(predictionFromQuery(query));
    }
    return result;
}

qint64 ProjectStore::predictionCount() const
{
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("SELECT count(*) FROM predictions")) && query.next())
        return query.value(0).toLongLong();
    return 0;
}

} // namespace Boucle
