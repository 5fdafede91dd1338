#include "exactnumber.h"

#include <charconv>
#include <cmath>

namespace Boucle::ExactNumber {

QByteArray toText(double value)
{
    if (value == 0.0)
        return QByteArrayLiteral("0"); // never "-0"
    if (!std::isfinite(value))
        return QByteArrayLiteral("0");
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (error != std::errc())
        return QByteArray::number(value, 'g', 17);
    return QByteArray(buffer, int(end - buffer));
}

} // namespace Boucle::ExactNumber
