// JsonText: the pieces the format writers compose JSON from by hand, so that a file's bytes
// depend only on what is written (keys in the writer's order, numbers in their shortest exact
// form) and a large export does not first build a QJsonDocument of itself. Any thread.
#pragma once

#include <QByteArray>
#include <QStringView>

namespace Boucle::JsonText {

// `text` as a JSON string with its quotes: '"' and '\' escaped, control characters as \uXXXX,
// everything else as UTF-8.
void appendString(QByteArray &out, QStringView text);
// `value` in the shortest text that reads back as the same double (ExactNumber::toText).
void appendNumber(QByteArray &out, double value);
void appendInteger(QByteArray &out, qint64 value);

} // namespace Boucle::JsonText
