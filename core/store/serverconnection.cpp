#include "serverconnection.h"

#include <QCoreApplication>
#include <QSqlError>

namespace Boucle::ServerConnection {

namespace {

const QString driverName = QStringLiteral("QPSQL");
const QLatin1String noPasswordMark("no password supplied");

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
        if (db.open(location.user(), password))
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
    return StoreError::make(
            StoreError::Code::Failed,
            QCoreApplication::translate("Boucle::ServerConnection", "Cannot connect to %1: %2")
                    .arg(location.displayText(), message));
}

bool needsPassword(const StoreError &error)
{
    return error.isError() && error.message.contains(noPasswordMark);
}

} // namespace Boucle::ServerConnection
