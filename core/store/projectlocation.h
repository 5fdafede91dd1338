// ProjectLocation: where a project lives. Either a file (the embedded default, SQLite) or a
// project on a PostgreSQL server, named by a URL:
//
//   postgresql://[user@]host[:port]/database?project=name[&host=/socket/folder][&sslmode=mode]
//
// A password is never part of the address: addresses end up in shell history, in the recent
// projects list and in logs. libpq reads it from ~/.pgpass (or PGPASSFILE); the desktop asks
// for it when the server wants one and none is stored. A plain value; any thread.
#pragma once

#include "storeresult.h"

#include <QString>

namespace Boucle {

class ProjectLocation
{
public:
    enum class Kind { File, Postgres };

    // Reads a command-line argument or a stored address. Anything that is not a postgresql://
    // or postgres:// URL is a file path. A URL that cannot be used is an error naming the part.
    static StoreResult<ProjectLocation> parse(const QString &text);

    static bool looksLikeUrl(const QString &text);

    Kind kind() const { return m_kind; }
    bool isFile() const { return m_kind == Kind::File; }

    QString filePath() const { return m_filePath; }

    QString user() const { return m_user; }         // empty: libpq's default (the login name)
    QString host() const { return m_host; }         // a name, an address or a socket folder
    int port() const { return m_port; }             // 5432 unless given
    QString database() const { return m_database; } // never empty for a server project
    QString project() const { return m_project; }   // the project's schema on that database
    QString sslMode() const { return m_sslMode; }   // empty: libpq's default

    // The address as a user reads it (no password, since none is ever held).
    QString displayText() const;

    // Options for QPSQL's connection (QSqlDatabase::setConnectOptions).
    QString connectOptions() const;

private:
    Kind m_kind = Kind::File;
    QString m_filePath;
    QString m_user;
    QString m_host;
    int m_port = 5432;
    QString m_database;
    QString m_project;
    QString m_sslMode;
};

} // namespace Boucle
