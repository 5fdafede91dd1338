#include "serverconnection.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QSqlError>

namespace Boucle::ServerConnection {

namespace {

const QString driverName = QStringLiteral("QPSQL");
const QLatin1String noPasswordMark("no password supplied");
const QLatin1String refusedPasswordMark("password authentication failed");

// Passwords typed in this process, by server and user (never the project: one password opens
// every project of a database).
struct RememberedPasswords
{
    QMutex mutex;
    QHash<QString, QString> byServer;
};

RememberedPasswords &remembered()
{
    static RememberedPasswords passwords;
    return passwords;
}

QString serverKey(const ProjectLocation &location)
{
    return location.user() + QLatin1Char('@') + location.host() + QLatin1Char(':')
           + QString::number(location.port()) + QLatin1Char('/') + location.database();
}

QString rememberedPassword(const ProjectLocation &location)
{
    auto &passwords = remembered();
    QMutexLocker lock(&passwords.mutex);
    return passwords.byServer.value(serverKey(location));
}

} // namespace

bool driverAvailable()
{
    return QSqlDatabase::isDriverAvailable(driverName);
}

StoreError open(const ProjectLocation &location, const QString &connectionName,
                const QString &password)
{
    if (location.isFile()) {
        return StoreError::make(
                StoreError::Code::InvalidArgument,
                QCoreApplication::translate("Boucle::ServerConnection",
                                            "%1 is a project file, not a server address.")
                        .arg(location.displayText()));
    }
    if (!driverAvailable()) {
        return StoreError::make(
                StoreError::Code::Failed,
                QCoreApplication::translate(
                        "Boucle::ServerConnection",
                        "Qt's PostgreSQL driver is not installed; install the Debian "
                        "package libqt6sql6-psql to open %1.")
                        .arg(location.displayText()));
    }
    QString message;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driverName, connectionName);
        db.setHostName(location.host());
        db.setPort(location.port());
        db.setDatabaseName(location.database());
        db.setUserName(location.user());
        db.setConnectOptions(location.connectOptions());
        if (db.open(location.user(), password.isEmpty() ? rememberedPassword(location) : password))
            return {};
        message = db.lastError().text().trimmed();
    }
    QSqlDatabase::removeDatabase(connectionName);
    if (message.contains(noPasswordMark)) {
        return StoreError::make(
                StoreError::Code::Failed,
                QCoreApplication::translate("Boucle::ServerConnection",
                                            "The server at %1 asks for a password (%2): add it to "
                                            "~/.pgpass or enter it when asked.")
                        .arg(location.displayText(), QString(noPasswordMark)));
    }
    if (message.contains(refusedPasswordMark)) {
        return StoreError::make(StoreError::Code::Failed,
                                QCoreApplication::translate("Boucle::ServerConnection",
                                                            "The server at %1 refused the "
                                                            "password (%2).")
                                        .arg(location.displayText(), QString(refusedPasswordMark)));
    }
    return StoreError::make(
            StoreError::Code::Failed,
            QCoreApplication::translate("Boucle::ServerConnection", "Cannot connect to %1: %2")
                    .arg(location.displayText(), message));
}

bool needsPassword(const StoreError &error)
{
    return error.isError() && error.message.contains(noPasswordMark);
}

bool passwordRefused(const StoreError &error)
{
    return error.isError() && error.message.contains(refusedPasswordMark);
}

void rememberPassword(const ProjectLocation &location, const QString &password)
{
    auto &passwords = remembered();
    QMutexLocker lock(&passwords.mutex);
    passwords.byServer.insert(serverKey(location), password);
}

void forgetPassword(const ProjectLocation &location)
{
    auto &passwords = remembered();
    QMutexLocker lock(&passwords.mutex);
    passwords.byServer.remove(serverKey(location));
}

} // namespace Boucle::ServerConnection
