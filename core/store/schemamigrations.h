// The project schema as numbered migrations: migration N takes a file from schema N-1 to N.
// A file's schema number is its SQLite user_version. Used by ProjectStore only.
#pragma once

#include <QStringList>

namespace Boucle {

// SQL statements of migration `number` (1-based); empty for an unknown number.
QStringList schemaMigration(int number);
int latestSchemaVersion();

} // namespace Boucle
