// Connecting to a project's PostgreSQL server through Qt's QPSQL driver (libpq underneath).
// The password, when the server asks for one, comes from ~/.pgpass (libpq reads it) or from a
// person (a prompt). A typed password is kept in this process's memory for the rest of its life,
// so the connections the application opens on its own (imports, exports, background readers)
// reach the server too; it is never written to disk, printed or logged.
#pragma once

#include "projectlocation.h"
#include "storeerror.h"

#include <QSqlDatabase>

namespace Boucle {

namespace ServerConnection {

// Whether Qt's PostgreSQL driver is installed (Debian package libqt6sql6-psql).
bool driverAvailable();

// Adds and opens a QPSQL connection named `connectionName` for `location` (a server project).
// On failure the connection is removed again and the error says what to do: install the
// driver, start the server, give a password, or fix the address.
StoreError open(const ProjectLocation &location, const QString &connectionName,
                const QString &password = {});

// True when the error means the server wants a password none was given for.
bool needsPassword(const StoreError &error);
// True when the server refused the password given.
bool passwordRefused(const StoreError &error);

// Keeps `password` for the server and user of `location` (any project on that database) in
// memory for this process; open() uses it when given none. Any thread.
void rememberPassword(const ProjectLocation &location, const QString &password);
void forgetPassword(const ProjectLocation &location);

} // namespace ServerConnection

} // namespace Boucle
