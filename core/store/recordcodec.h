// Encodes the structured parts of records (float vectors, objects, committee votes, flags) into
// the store's columns and back. Float vectors are little-endian float32 blobs; the rest is
// compact JSON. Used by core/store only; any thread.
#pragma once

#include "records/projectrecords.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

namespace Boucle::RecordCodec {

QByteArray encodeFloats(const QVector<float> &values);
QVector<float> decodeFloats(const QByteArray &blob);

QJsonArray objectsToJson(const QList<PredictedObject> &objects);
QList<PredictedObject> objectsFromJson(const QJsonArray &array);

QJsonArray committeeToJson(const QList<CommitteeVote> &votes);
QList<CommitteeVote> committeeFromJson(const QJsonArray &array);

QJsonArray upstreamFlagsToJson(const QList<UpstreamFlag> &flags);
QList<UpstreamFlag> upstreamFlagsFromJson(const QJsonArray &array);

QString toCompactJson(const QJsonObject &object);
QString toCompactJson(const QJsonArray &array);
QJsonObject objectFromJson(const QString &text);
QJsonArray arrayFromJson(const QString &text);

// A time as 2024-05-01T12:30:00.000Z, what Qt::ISODateWithMs writes for it in UTC.
QString timeToText(const QDateTime &time);
// The same text written into `out` (nul-terminated) without QDateTime's formatter, the costliest
// call of a stored row; false for a year outside 1..9999, which only timeToText() writes.
bool utcIsoText(const QDateTime &time, char (&out)[25]);
QDateTime timeFromText(const QString &text);

} // namespace Boucle::RecordCodec
