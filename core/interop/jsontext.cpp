#include "jsontext.h"

#include "exactnumber.h"

#include <charconv>

namespace Boucle::JsonText {

void appendString(QByteArray &out, QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    out.append('"');
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (uchar(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out.append("\\u00");
                out.append(hex[uchar(c) >> 4]);
                out.append(hex[uchar(c) & 0xf]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

void appendNumber(QByteArray &out, double value)
{
    out.append(ExactNumber::toText(value));
}

void appendInteger(QByteArray &out, qint64 value)
{
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out.append(buffer, end - buffer);
}

} // namespace Boucle::JsonText
