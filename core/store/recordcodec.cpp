#include "recordcodec.h"

#include <QJsonDocument>
#include <QtEndian>

#include <cstring>

namespace Boucle::RecordCodec {

QByteArray encodeFloats(const QVector<float> &values)
{
    QByteArray blob(qsizetype(values.size() * sizeof(float)), Qt::Uninitialized);
    auto *out = reinterpret_cast<uchar *>(blob.data());
    for (qsizetype i = 0; i < values.size(); ++i)
        qToLittleEndian<float>(values[i], out + i * qsizetype(sizeof(float)));
    return blob;
}

QVector<float> decodeFloats(const QByteArray &blob)
{
    QVector<float> values(blob.size() / qsizetype(sizeof(float)));
    const auto *in = reinterpret_cast<const uchar *>(blob.constData());
    for (qsizetype i = 0; i < values.size(); ++i)
        values[i] = qFromLittleEndian<float>(in + i * qsizetype(sizeof(float)));
    return values;
}

QJsonArray objectsToJson(const QList<PredictedObject> &objects)
{
    QJsonArray array;
    for (const auto &object : objects) {
        QJsonObject json {{QStringLiteral("label"), object.label},
                          {QStringLiteral("score"), object.score}};
        switch (object.shape) {
        case PredictedObject::Shape::Box:
            json.insert(QStringLiteral("bbox"),
                        QJsonArray {object.box.x(), object.box.y(), object.box.width(),
                                    object.box.height()});
            break;
        case PredictedObject::Shape::Polygon: {
            QJsonArray points;
            for (const auto &point : object.polygon)
                points.append(QJsonArray {point.x(), point.y()});
            json.insert(QStringLiteral("polygon"), points);
            break;
        }
        case PredictedObject::Shape::Span:
            json.insert(QStringLiteral("span"), QJsonArray {object.spanStart, object.spanEnd});
            break;
        case PredictedObject::Shape::Mask: {
            json.insert(QStringLiteral("bbox"),
                        QJsonArray {object.box.x(), object.box.y(), object.box.width(),
                                    object.box.height()});
            QJsonArray counts;
            for (const quint32 run : object.mask.counts)
                counts.append(qint64(run));
            json.insert(QStringLiteral("mask"),
                        QJsonObject {{QStringLiteral("size"),
                                      QJsonArray {object.mask.height, object.mask.width}},
                                     {QStringLiteral("counts"), counts}});
            break;
        }
        }
        if (!object.text.isEmpty())
            json.insert(QStringLiteral("text"), object.text);
        if (object.page != 0)
            json.insert(QStringLiteral("page"), object.page);
        array.append(json);
    }
    return array;
}

QList<PredictedObject> objectsFromJson(const QJsonArray &array)
{
    QList<PredictedObject> objects;
    objects.reserve(array.size());
    for (const auto &value : array) {
        const auto json = value.toObject();
        PredictedObject object;
        object.label = json.value(QStringLiteral("label")).toString();
        object.score = json.value(QStringLiteral("score")).toDouble();
        object.text = json.value(QStringLiteral("text")).toString();
        object.page = json.value(QStringLiteral("page")).toInt();
        const QJsonObject mask = json.value(QStringLiteral("mask")).toObject();
        if (!mask.isEmpty()) {
            // Only masks this store wrote (or the log reader checked) get here.
            object.shape = PredictedObject::Shape::Mask;
            const QJsonArray size = mask.value(QStringLiteral("size")).toArray();
            object.mask.height = size.at(0).toInt();
            object.mask.width = size.at(1).toInt();
            const QJsonValue counts = mask.value(QStringLiteral("counts"));
            if (counts.isString()) {
                RleMask::fromCompressedString(counts.toString().toLatin1(), &object.mask.counts);
            } else {
                for (const auto &run : counts.toArray())
                    object.mask.counts.append(quint32(run.toInteger()));
            }
            object.box = object.mask.bounds();
        } else if (json.contains(QStringLiteral("bbox"))) {
            const auto box = json.value(QStringLiteral("bbox")).toArray();
            object.shape = PredictedObject::Shape::Box;
            object.box = QRectF(box.at(0).toDouble(), box.at(1).toDouble(), box.at(2).toDouble(),
                                box.at(3).toDouble());
        } else if (json.contains(QStringLiteral("polygon"))) {
            object.shape = PredictedObject::Shape::Polygon;
            for (const auto &point : json.value(QStringLiteral("polygon")).toArray()) {
                const auto xy = point.toArray();
                object.polygon.append(QPointF(xy.at(0).toDouble(), xy.at(1).toDouble()));
            }
        } else if (json.contains(QStringLiteral("span"))) {
            const auto span = json.value(QStringLiteral("span")).toArray();
            object.shape = PredictedObject::Shape::Span;
            object.spanStart = span.at(0).toInt();
            object.spanEnd = span.at(1).toInt();
        }
        objects.append(object);
    }
    return objects;
}

QJsonArray committeeToJson(const QList<CommitteeVote> &votes)
{
    QJsonArray array;
    for (const auto &vote : votes) {
        QJsonObject json {{QStringLiteral("model"), vote.model}};
        if (!vote.label.isEmpty())
            json.insert(QStringLiteral("label"), vote.label);
        if (!vote.probs.isEmpty()) {
            QJsonArray probs;
            for (float p : vote.probs)
                probs.append(double(p));
            json.insert(QStringLiteral("probs"), probs);
        }
        array.append(json);
    }
    return array;
}

QList<CommitteeVote> committeeFromJson(const QJsonArray &array)
{
    QList<CommitteeVote> votes;
    for (const auto &value : array) {
        const auto json = value.toObject();
        CommitteeVote vote;
        vote.model = json.value(QStringLiteral("model")).toString();
        vote.label = json.value(QStringLiteral("label")).toString();
        for (const auto &p : json.value(QStringLiteral("probs")).toArray())
            vote.probs.append(float(p.toDouble()));
        votes.append(vote);
    }
    return votes;
}

QJsonArray upstreamFlagsToJson(const QList<UpstreamFlag> &flags)
{
    QJsonArray array;
    for (const auto &flag : flags)
        array.append(QJsonObject {{QStringLiteral("trigger"), flag.trigger},
                                  {QStringLiteral("detail"), flag.detail}});
    return array;
}

QList<UpstreamFlag> upstreamFlagsFromJson(const QJsonArray &array)
{
    QList<UpstreamFlag> flags;
    for (const auto &value : array) {
        const auto json = value.toObject();
        flags.append({json.value(QStringLiteral("trigger")).toString(),
                      json.value(QStringLiteral("detail")).toString()});
    }
    return flags;
}

QString toCompactJson(const QJsonObject &object)
{
    if (object.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString toCompactJson(const QJsonArray &array)
{
    if (array.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonObject objectFromJson(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QJsonArray arrayFromJson(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

bool utcIsoText(const QDateTime &time, char (&out)[25])
{
    const qint64 msecs = time.toMSecsSinceEpoch();
    qint64 days = msecs >= 0 ? msecs / 86400000 : (msecs - 86399999) / 86400000;
    const qint64 ofDay = msecs - days * 86400000;
    // Days to a civil date (proleptic Gregorian), after H. Hinnant's days_from_civil inverse.
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra
            = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 1 || year > 9999)
        return false;
    const int hour = int(ofDay / 3600000), minute = int(ofDay / 60000 % 60);
    const int second = int(ofDay / 1000 % 60), milli = int(ofDay % 1000);
    auto put = [&out](int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i) {
            out[at + i] = char('0' + value % 10);
            value /= 10;
        }
    };
    put(0, int(year), 4);
    out[4] = '-';
    put(5, month, 2);
    out[7] = '-';
    put(8, day, 2);
    out[10] = 'T';
    put(11, hour, 2);
    out[13] = ':';
    put(14, minute, 2);
    out[16] = ':';
    put(17, second, 2);
    out[19] = '.';
    put(20, milli, 3);
    out[23] = 'Z';
    out[24] = '\0';
    return true;
}

QString timeToText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    char text[25];
    if (utcIsoText(time, text))
        return QString::fromLatin1(text, 24);
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace Boucle::RecordCodec
