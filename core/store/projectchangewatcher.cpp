#include "projectchangewatcher.h"

#include "projectlocation.h"
#include "projectnotification.h"

#include <QMetaEnum>
#include <QSqlQuery>

namespace Boucle {

ProjectChangeWatcher::ProjectChangeWatcher(ProjectStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(&m_timer, &QTimer::timeout, this, &ProjectChangeWatcher::poll);
    m_gather.setSingleShot(true);
    connect(&m_gather, &QTimer::timeout, this, &ProjectChangeWatcher::flush);
}

ProjectChangeWatcher::~ProjectChangeWatcher()
{
    stop();
}

QString ProjectChangeWatcher::presencePath(const QString &projectPath)
{
    return projectPath + QStringLiteral(".window");
}

ProjectStore::Changes ProjectChangeWatcher::anything()
{
    const QMetaEnum flags = QMetaEnum::fromType<ProjectStore::Changes>();
    ProjectStore::Changes all;
    for (int i = 0; i < flags.keyCount(); ++i)
        all |= ProjectStore::Changes::fromInt(flags.value(i));
    return all;
}

std::optional<ProjectHolder> ProjectChangeWatcher::start(int intervalMs)
{
    // A server project has no file to count commits or to hold a presence file beside: the
    // server tells of each commit.
    if (m_store.isServer()) {
        listen();
        return std::nullopt;
    }
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

bool ProjectChangeWatcher::listen()
{
    if (isListening())
        return true;
    const auto location = ProjectLocation::parse(m_store.path());
    QSqlDriver *driver = m_store.database().driver();
    if (!location || location.value.isFile() || !driver)
        return false;
    const QString channel = ProjectNotification::channel(location.value.project());
    connect(driver, &QSqlDriver::notification, this, &ProjectChangeWatcher::notified);
    if (!driver->subscribeToNotification(channel)) {
        disconnect(driver, &QSqlDriver::notification, this, &ProjectChangeWatcher::notified);
        return false;
    }
    m_driver = driver;
    m_channel = channel;
    return true;
}

void ProjectChangeWatcher::stop()
{
    m_timer.stop();
    if (m_presence)
        m_presence->unlock();
    m_presence.reset();
    m_gather.stop();
    m_gathered = {};
    // The driver goes with the store's connection: nothing to undo when it is gone.
    if (m_driver) {
        disconnect(m_driver, &QSqlDriver::notification, this, &ProjectChangeWatcher::notified);
        if (m_driver->isOpen())
            m_driver->unsubscribeFromNotification(m_channel);
    }
    m_driver.clear();
    m_channel.clear();
}

void ProjectChangeWatcher::notified(const QString &name, QSqlDriver::NotificationSource source,
                                    const QVariant &payload)
{
    // This connection's own commits (the window's decisions) are not news to the window.
    if (name != m_channel || source == QSqlDriver::SelfSource)
        return;
    const auto message = ProjectNotification::parse(payload.toString());
    if (message && message->session == m_store.leaseSession())
        return;
    // A notice Boucle did not write (a person's NOTIFY from psql): something may have changed.
    m_gathered |= message ? message->changes : anything();
    if (!m_gather.isActive())
        m_gather.start(gatherMs);
}

bool ProjectChangeWatcher::flush()
{
    m_gather.stop();
    if (!m_gathered)
        return false;
    const auto what = m_gathered;
    m_gathered = {};
    emit changedElsewhere(what);
    return true;
}

bool ProjectChangeWatcher::poll()
{
    if (m_store.isServer())
        return flush();
    const qint64 version = dataVersion();
    if (version < 0 || version == m_lastVersion)
        return false;
    m_lastVersion = version;
    emit changedElsewhere(anything());
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
