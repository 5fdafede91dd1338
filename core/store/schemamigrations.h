// The project schema as numbered migrations: migration N takes a file from schema N-1 to N.
// A file's schema number is its SQLite user_version. Used by ProjectStore only.
#pragma once

#include <QStringList>

namespace Boucle {

// SQL statements of migration `number` (1-based); empty for an unknown number.
QStringList schemaMigration(int number);
int latestSchemaVersion();

// From this schema on, what an import saw of a sample file is kept in the sample's row
// (samples.modified_ns) instead of a content_observations row of its own.
inline constexpr int importSeenInSampleRowSchema = 15;

} // namespace Boucle
