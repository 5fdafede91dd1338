// ProjectChangeWatcher: notices when another connection — a cron import, a second window, a
// teammate's process — committed to the project (docs/live-updates.md).
//  - A file: polls SQLite's `PRAGMA data_version` on the store's own connection (a few
//    microseconds; it changes only for other connections' commits, so this window's own
//    decisions never wake it). It also keeps a presence file beside the project
//    (`<project>.window`, a QLockFile) while a window has the project open, so a second window
//    can say who else holds it. The presence file is never the database file itself: closing a
//    descriptor of the database would drop SQLite's POSIX locks for the whole process.
//  - A server project: listens on the project's channel (PostgreSQL LISTEN, through
//    QSqlDriver::subscribeToNotification on the store's own connection); every write
//    transaction that changed something sends a notice with what it changed when it commits
//    (ProjectNotification). Notices of this connection are ignored; those arriving close
//    together are gathered into one signal. No polling, and no presence file (no folder).
// GUI thread only (timers and the driver's socket notifier on the store's thread).
#pragma once

#include "projectstore.h"

#include <QLockFile>
#include <QObject>
#include <QPointer>
#include <QSqlDriver>
#include <QTimer>

#include <memory>
#include <optional>

namespace Boucle {

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
    // How long a server's notice waits for the ones that follow it, so that a teammate's quick
    // run of decisions reloads a window once, not once per decision.
    static constexpr int gatherMs = 200;

    explicit ProjectChangeWatcher(ProjectStore &store, QObject *parent = nullptr);
    ~ProjectChangeWatcher() override;

    // A file: starts polling every `intervalMs` and takes the presence file when it is free;
    // returns the holder when another window (this process or another) already has the project
    // open. A server project: starts listening (`intervalMs` is not used); never a holder.
    std::optional<ProjectHolder> start(int intervalMs = 1000);
    void stop();
    // A file: polls now (tests, and after the window regains focus). A server project: signals
    // at once what was gathered and not signalled yet. True when it signalled.
    bool poll();
    // A server project whose channel the watcher listens on.
    bool isListening() const { return !m_channel.isEmpty(); }

    // The file that says a window holds `projectPath`.
    static QString presencePath(const QString &projectPath);
    // Every flag: what a file's counter tells (something changed, not what).
    static ProjectStore::Changes anything();

signals:
    // Another connection committed since the last signal. `what` is what it changed on a
    // server project, anything() on a file.
    void changedElsewhere(Boucle::ProjectStore::Changes what);

private:
    qint64 dataVersion() const;
    bool listen();
    void notified(const QString &name, QSqlDriver::NotificationSource source,
                  const QVariant &payload);
    bool flush();

    ProjectStore &m_store;
    QTimer m_timer;
    qint64 m_lastVersion = -1;
    std::unique_ptr<QLockFile> m_presence;
    // A server project: the driver of the store's connection and the channel it listens on.
    QPointer<QSqlDriver> m_driver;
    QString m_channel;
    QTimer m_gather;
    ProjectStore::Changes m_gathered;
};

} // namespace Boucle
