#include "projectlocation.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace Boucle {

namespace {

StoreResult<ProjectLocation> refuse(const QString &address, const QString &problem)
{
    return StoreResult<ProjectLocation>::failure(StoreError::make(
            StoreError::Code::InvalidArgument,
            QCoreApplication::translate("Boucle::ProjectLocation",
                                        "The project address %1 cannot be used: %2")
                    .arg(address, problem)));
}

QString decoded(QStringView part)
{
    return QUrl::fromPercentEncoding(part.toUtf8());
}

// The project becomes a schema name on the server: plain lower-case identifiers only, so that
// it never needs quoting and cannot collide with PostgreSQL's own schemas.
bool isProjectName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    return pattern.match(name).hasMatch() && !name.startsWith(QLatin1String("pg_"))
           && name != QLatin1String("public") && name != QLatin1String("information_schema");
}

} // namespace

bool ProjectLocation::looksLikeUrl(const QString &text)
{
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
           || text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

StoreResult<ProjectLocation> ProjectLocation::parse(const QString &text)
{
    ProjectLocation location;
    if (!looksLikeUrl(text)) {
        if (text.trimmed().isEmpty()) {
            return StoreResult<ProjectLocation>::failure(StoreError::make(
                    StoreError::Code::InvalidArgument,
                    QCoreApplication::translate("Boucle::ProjectLocation",
                                                "No project file or address was given.")));
        }
        location.m_filePath = text;
        return {location, {}};
    }
    location.m_kind = Kind::Postgres;
    // What is shown back never repeats a password, even a refused one.
    const QString rest = text.mid(text.indexOf(QLatin1String("://")) + 3);
    QStringView remaining(rest);
    QStringView query;
    if (const auto mark = remaining.indexOf(QLatin1Char('?')); mark >= 0) {
        query = remaining.mid(mark + 1);
        remaining = remaining.left(mark);
    }
    QStringView authority = remaining;
    QStringView path;
    if (const auto slash = remaining.indexOf(QLatin1Char('/')); slash >= 0) {
        authority = remaining.left(slash);
        path = remaining.mid(slash + 1);
    }
    QStringView hostPort = authority;
    if (const auto at = authority.lastIndexOf(QLatin1Char('@')); at >= 0) {
        const QStringView userInfo = authority.left(at);
        hostPort = authority.mid(at + 1);
        if (userInfo.contains(QLatin1Char(':'))) {
            const QString shown = QStringLiteral("postgresql://%1@%2/…")
                                          .arg(decoded(userInfo.left(userInfo.indexOf(u':'))),
                                               hostPort.toString());
            return refuse(shown,
                          QCoreApplication::translate(
                                  "Boucle::ProjectLocation",
                                  "it holds a password. Addresses are kept in shell history, "
                                  "recent-project lists and logs; put the password in "
                                  "~/.pgpass instead (or let Boucle ask for it)."));
        }
        location.m_user = decoded(userInfo);
    }
    const QString shown = text;
    if (hostPort.startsWith(QLatin1Char('['))) {
        const auto close = hostPort.indexOf(QLatin1Char(']'));
        if (close < 0)
            return refuse(shown, QCoreApplication::translate(
                                         "Boucle::ProjectLocation",
                                         "the IPv6 address in the host has no closing ']'."));
        location.m_host = hostPort.mid(1, close - 1).toString();
        hostPort = hostPort.mid(close + 1);
        if (!hostPort.isEmpty() && !hostPort.startsWith(QLatin1Char(':')))
            return refuse(shown,
                          QCoreApplication::translate("Boucle::ProjectLocation",
                                                      "unexpected text after the IPv6 address."));
    } else {
        const auto colon = hostPort.lastIndexOf(QLatin1Char(':'));
        location.m_host = decoded(colon >= 0 ? hostPort.left(colon) : hostPort);
        hostPort = colon >= 0 ? hostPort.mid(colon) : QStringView();
    }
    if (hostPort.startsWith(QLatin1Char(':'))) {
        bool ok = false;
        const int port = hostPort.mid(1).toInt(&ok);
        if (!ok || port < 1 || port > 65535) {
            return refuse(shown, QCoreApplication::translate(
                                         "Boucle::ProjectLocation",
                                         "the port \"%1\" is not a number from 1 to 65535.")
                                         .arg(hostPort.mid(1).toString()));
        }
        location.m_port = port;
    }
    location.m_database = decoded(path);
    if (location.m_database.isEmpty())
        return refuse(shown,
                      QCoreApplication::translate(
                              "Boucle::ProjectLocation",
                              "it names no database (postgresql://host/DATABASE?project=NAME)."));
    if (location.m_database.contains(QLatin1Char('/')))
        return refuse(shown, QCoreApplication::translate("Boucle::ProjectLocation",
                                                         "the database name \"%1\" contains '/'.")
                                     .arg(location.m_database));

    bool projectGiven = false;
    for (const auto parameter : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const auto equals = parameter.indexOf(QLatin1Char('='));
        const QString key = decoded(equals >= 0 ? parameter.left(equals) : parameter);
        const QString value = equals >= 0 ? decoded(parameter.mid(equals + 1)) : QString();
        if (key == QLatin1String("project")) {
            location.m_project = value;
            projectGiven = true;
        } else if (key == QLatin1String("host")) {
            location.m_host = value;
        } else if (key == QLatin1String("port")) {
            bool ok = false;
            location.m_port = value.toInt(&ok);
            if (!ok || location.m_port < 1 || location.m_port > 65535)
                return refuse(shown, QCoreApplication::translate(
                                             "Boucle::ProjectLocation",
                                             "the port \"%1\" is not a number from 1 to 65535.")
                                             .arg(value));
        } else if (key == QLatin1String("user")) {
            location.m_user = value;
        } else if (key == QLatin1String("sslmode")) {
            static const QStringList modes {
                    QStringLiteral("disable"),   QStringLiteral("allow"),
                    QStringLiteral("prefer"),    QStringLiteral("require"),
                    QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
            if (!modes.contains(value)) {
                return refuse(shown, QCoreApplication::translate("Boucle::ProjectLocation",
                                                                 "sslmode \"%1\" is not one of %2.")
                                             .arg(value, modes.join(QStringLiteral(", "))));
            }
            location.m_sslMode = value;
        } else if (key == QLatin1String("password")) {
            return refuse(QStringLiteral("postgresql://…/%1?password=…").arg(location.m_database),
                          QCoreApplication::translate(
                                  "Boucle::ProjectLocation",
                                  "it holds a password. Addresses are kept in shell history, "
                                  "recent-project lists and logs; put the password in ~/.pgpass "
                                  "instead (or let Boucle ask for it)."));
        } else {
            return refuse(shown, QCoreApplication::translate(
                                         "Boucle::ProjectLocation",
                                         "the parameter \"%1\" is not known (project, host, port, "
                                         "user and sslmode are).")
                                         .arg(key));
        }
    }
    if (!projectGiven || location.m_project.isEmpty())
        return refuse(shown,
                      QCoreApplication::translate("Boucle::ProjectLocation",
                                                  "it names no project (add ?project=NAME)."));
    if (!isProjectName(location.m_project)) {
        return refuse(shown,
                      QCoreApplication::translate(
                              "Boucle::ProjectLocation",
                              "the project name \"%1\" must be 1 to 63 lower-case letters, digits "
                              "or '_', start with a letter or '_', and not start with pg_.")
                              .arg(location.m_project));
    }
    return {location, {}};
}

QString ProjectLocation::displayText() const
{
    if (m_kind == Kind::File)
        return m_filePath;
    const bool socket = m_host.startsWith(QLatin1Char('/'));
    QString text = QStringLiteral("postgresql://");
    if (!m_user.isEmpty())
        text += QString::fromUtf8(QUrl::toPercentEncoding(m_user)) + QLatin1Char('@');
    if (!socket) {
        text += m_host.contains(QLatin1Char(':')) ? QLatin1Char('[') + m_host + QLatin1Char(']')
                                                  : m_host;
        if (m_port != 5432)
            text += QLatin1Char(':') + QString::number(m_port);
    }
    text += QLatin1Char('/') + QString::fromUtf8(QUrl::toPercentEncoding(m_database))
            + QStringLiteral("?project=") + m_project;
    if (socket) {
        // The folder's slashes stay as they are: the address is read by people, and "%2F" in a
        // message would be taken for a placeholder by QString::arg.
        text += QStringLiteral("&host=")
                + QString::fromUtf8(QUrl::toPercentEncoding(m_host, QByteArrayLiteral("/")));
        if (m_port != 5432)
            text += QStringLiteral("&port=") + QString::number(m_port);
    }
    if (!m_sslMode.isEmpty())
        text += QStringLiteral("&sslmode=") + m_sslMode;
    return text;
}

QString ProjectLocation::connectOptions() const
{
    // A server that does not answer is reported within seconds, not after TCP's minutes.
    QString options = QStringLiteral("connect_timeout=5");
    if (!m_sslMode.isEmpty())
        options += QStringLiteral(";sslmode=") + m_sslMode;
    return options;
}

} // namespace Boucle
