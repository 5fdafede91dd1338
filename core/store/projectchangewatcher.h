// ProjectChangeWatcher: notices when another connection — a cron import, a second window, a
// teammate's process — committed to the project, by polling SQLite's `PRAGMA data_version` on the
// store's own connection (a few microseconds; it changes only for other connections' commits, so
// this window's own decisions never wake it). It also keeps a presence file beside the project
// (`<project>.window`, a QLockFile) while a window has the project open, so a second window can
// say who else holds it. The presence file is never the database file itself: closing a
// descriptor of the database would drop SQLite's POSIX locks for the whole process.
// GUI thread only (a QTimer on the store's thread).
#pragma once

#include <QLockFile>
#include <QObject>
#include <QTimer>

#include <memory>

namespace Boucle {

class ProjectStore;

struct ProjectHolder
{
    qint64 pid = 0;
    QString host;
    QString application;
};

class ProjectChangeWatcher : public QObject
{
    Q_OBJECT

public:
    explicit ProjectChangeWatcher(ProjectStore &store, QObject *parent = nullptr);
    ~ProjectChangeWatcher() override;

    // Starts polling every `intervalMs` and takes the presence file when it is free. Returns the
    // holder when another window (this process or another) already has the project open.
    std::optional<ProjectHolder> start(int intervalMs = 1000);
    void stop();
    // Polls now (tests, and after the window regains focus).
    bool poll();

    // The file that says a window holds `projectPath`.
    static QString presencePath(const QString &projectPath);

signals:
    // Another connection committed since the last poll.
    void changedElsewhere();

private:
    qint64 dataVersion() const;

    ProjectStore &m_store;
    QTimer m_timer;
    qint64 m_lastVersion = -1;
    std::unique_ptr<QLockFile> m_presence;
};

} // namespace Boucle
