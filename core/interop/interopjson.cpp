#include "interopjson.h"

#include "imaging/regularfile.h"

#include <QCoreApplication>
#include <QJsonParseError>

namespace Boucle::InteropJson {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Boucle::InteropJson", text);
}

} // namespace

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
        *problem = tr("this is not valid JSON (%1)").arg(error.errorString());
        return std::nullopt;
    }
    return document;
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return tr("a string");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Bool:
        return tr("true or false");
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Undefined:
        break;
    }
    return tr("missing");
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
