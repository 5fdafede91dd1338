#include "interopjson.h"

#include "imaging/regularfile.h"

#include <QCoreApplication>
#include <QJsonParseError>

namespace Boucle::InteropJson {

namespace { } // namespace

std::optional<QJsonDocument> readFile(const QString &path, qint64 maxBytes, QString *problem,
                                      qint64 *line)
{
    *line = 0;
    std::optional<QByteArray> bytes = RegularFile::readAll(path, maxBytes, problem);
    if (!bytes)
        return std::nullopt;
    if (bytes->startsWith("\xEF\xBB\xBF"))
        bytes->remove(0, 3);
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const qsizetype offset = std::clamp<qsizetype>(error.offset, 0, bytes->size());
        *line = 1 + bytes->left(offset).count('\n');
        *problem = QCoreApplication::translate("Boucle::InteropJson", "this is not valid JSON (%1)")
                           .arg(error.errorString());
        return std::nullopt;
    }
    return document;
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return QCoreApplication::translate("Boucle::InteropJson", "a string");
    case QJsonValue::Double:
        return QCoreApplication::translate("Boucle::InteropJson", "a number");
    case QJsonValue::Object:
        return QCoreApplication::translate("Boucle::InteropJson", "an object");
    case QJsonValue::Array:
        return QCoreApplication::translate("Boucle::InteropJson", "an array");
    case QJsonValue::Bool:
        return QCoreApplication::translate("Boucle::InteropJson", "true or false");
    case QJsonValue::Null:
        return QCoreApplication::translate("Boucle::InteropJson", "null");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("Boucle::InteropJson", "missing");
}

QString member(const QString &base, const QString &key)
{
    return base.isEmpty() ? key : base + QLatin1Char('.') + key;
}

QString element(const QString &base, qsizetype index)
{
    return base + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

} // namespace Boucle::InteropJson
