// Whether a path names one of a project's own database files (the SQLite file, its WAL, its
// shared-memory file or its rollback journal), through any symlink or hard link. Writers of
// exports and reports refuse such a path, and readers of inputs must too: overwriting the
// project destroys it, and even opening and closing one of its files in a process that holds the
// project open drops SQLite's locks for the whole process. Any thread.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Boucle {

// The project's files, resolved once, so that checking every sample of a large import costs a
// string comparison and the stat() the caller makes anyway.
class ProjectDatabaseFiles
{
public:
    explicit ProjectDatabaseFiles(const QString &projectPath = {});

    // `candidate` by name, after resolving links (it need not exist), or by identity.
    bool contains(const QString &candidate) const;
    // The file `name` in `canonicalFolder` (every link resolved already; empty for the root
    // folder "/"), whose stat() gave `device` and `inode`. Compared part by part, so that
    // checking a million samples builds no path.
    bool contains(QStringView canonicalFolder, QStringView name, quint64 device,
                  quint64 inode) const;

private:
    QStringList m_names; // canonical: the project and its -wal, -shm, -journal
    QList<std::pair<quint64, quint64>> m_identities; // device and inode of those that exist
};

inline bool isProjectDatabaseFile(const QString &projectPath, const QString &candidate)
{
    return ProjectDatabaseFiles(projectPath).contains(candidate);
}

} // namespace Boucle
