#include "projectnotification.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace Boucle::ProjectNotification {

namespace {

const QString prefix = QStringLiteral("boucle_");

} // namespace

QString channel(const QString &project)
{
    // Project names are lower-case ASCII (ProjectLocation), so a character is a byte.
    const QString whole = prefix + project;
    if (whole.toUtf8().size() <= maxChannelLength)
        return whole;
    constexpr int hashLength = 16;
    const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(project.toUtf8(), QCryptographicHash::Sha256)
                    .toHex()
                    .left(hashLength));
    const int kept = maxChannelLength - int(prefix.size()) - 1 - hashLength;
    return prefix + project.left(kept) + QLatin1Char('_') + hash;
}

QString payload(ProjectStore::Changes changes, const QString &session)
{
    QJsonObject object;
    object.insert(QStringLiteral("changes"), int(changes.toInt()));
    object.insert(QStringLiteral("session"), session);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<Message> parse(const QString &payload)
{
    const QJsonDocument document = QJsonDocument::fromJson(payload.toUtf8());
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    const QJsonValue changes = object.value(QStringLiteral("changes"));
    const QJsonValue session = object.value(QStringLiteral("session"));
    if (!changes.isDouble() || !session.isString())
        return std::nullopt;
    Message message;
    message.changes = ProjectStore::Changes::fromInt(changes.toInt());
    message.session = session.toString();
    return message;
}

} // namespace Boucle::ProjectNotification
