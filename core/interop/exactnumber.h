// ExactNumber: numbers written by the format writers in the shortest text that reads back as the
// same double (std::to_chars), so an export is byte-identical for the same data and a round trip
// loses nothing: 0.1 is written "0.1", 1/3 as "0.3333333333333333", 12.0 as "12". Any thread.
#pragma once

#include <QByteArray>
#include <QString>

namespace Boucle::ExactNumber {

QByteArray toText(double value);
inline QString toString(double value)
{
    return QString::fromLatin1(toText(value));
}

} // namespace Boucle::ExactNumber
