// Reading the JSON files of the outside formats (Label Studio, labelme) whole into a
// QJsonDocument, with a cap on their size, and naming JSON values in messages ("a string",
// "an array"). The JSON path of a value ("[3].annotations[0].result[2].value.width") is what a
// reader reports, since Qt's parser keeps no line numbers. Pure functions; any thread.
#pragma once

#include <QJsonDocument>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace Boucle::InteropJson {

// The whole of `path` parsed as JSON, or nullopt with *problem set to a sentence (with the line
// of a syntax error: "line 12: unterminated string") and *line to that line (0 otherwise).
std::optional<QJsonDocument> readFile(const QString &path, qint64 maxBytes, QString *problem,
                                      qint64 *line);

// "a string", "a number", "an object", "an array", "true or false", "null".
QString typeName(const QJsonValue &value);

// `base` + ".key" or `base` + "[index]", for JSON paths.
QString member(const QString &base, const QString &key);
QString element(const QString &base, qsizetype index);

} // namespace Boucle::InteropJson
