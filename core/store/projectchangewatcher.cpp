#include "projectchangewatcher.h"

#include "projectstore.h"

#include <QSqlQuery>

namespace Boucle {

ProjectChangeWatcher::ProjectChangeWatcher(ProjectStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(&m_timer, &QTimer::timeout, this, &ProjectChangeWatcher::poll);
}

ProjectChangeWatcher::~ProjectChangeWatcher()
{
    stop();
}

QString ProjectChangeWatcher::presencePath(const QString &projectPath)
{
    return projectPath + QStringLiteral(".window");
}

std::optional<ProjectHolder> ProjectChangeWatcher::start(int intervalMs)
{
    // A server project has no file to count commits or to hold a presence file beside; its
    // windows are told of changes by the server (not yet: they refresh on their own actions).
    if (m_store.isServer())
        return std::nullopt;
    m_lastVersion = dataVersion();
    m_timer.start(intervalMs);
    m_presence = std::make_unique<QLockFile>(presencePath(m_store.path()));
    // A window killed without closing leaves the file behind; QLockFile sees that its process is
    // gone and takes it over.
    m_presence->setStaleLockTime(0);
    if (m_presence->tryLock(0))
        return std::nullopt;
    ProjectHolder holder;
    if (m_presence->error() == QLockFile::LockFailedError
        && m_presence->getLockInfo(&holder.pid, &holder.host, &holder.application)) {
        m_presence.reset();
        return holder;
    }
    // A read-only folder: no presence file, and nothing to say about others.
    m_presence.reset();
    return std::nullopt;
}

void ProjectChangeWatcher::stop()
{
    m_timer.stop();
    if (m_presence)
        m_presence->unlock();
    m_presence.reset();
}

bool ProjectChangeWatcher::poll()
{
    const qint64 version = dataVersion();
    if (version < 0 || version == m_lastVersion)
        return false;
    m_lastVersion = version;
    emit changedElsewhere();
    return true;
}

qint64 ProjectChangeWatcher::dataVersion() const
{
    QSqlQuery query(m_store.database());
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace Boucle
