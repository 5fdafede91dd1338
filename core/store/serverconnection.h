// Connecting to a project's PostgreSQL server through Qt's QPSQL driver (libpq underneath).
// The password, when the server asks for one, comes from ~/.pgpass (libpq reads it) or from the
// caller (a prompt); it is handed to libpq and never stored, printed or logged here.
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

} // namespace ServerConnection

} // namespace Boucle
