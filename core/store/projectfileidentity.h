// Whether a path names one of a project's own database files (the SQLite file, its WAL, its
// shared-memory file or its rollback journal), through any symlink or hard link. Writers of
// exports and reports refuse such a path, and readers of inputs must too: overwriting the
// project destroys it, and even opening and closing one of its files in a process that holds the
// project open drops SQLite's locks for the whole process. Any thread.
#pragma once

#include <QString>

namespace Boucle {

bool isProjectDatabaseFile(const QString &projectPath, const QString &candidate);

} // namespace Boucle
