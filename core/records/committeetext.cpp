#include "committeetext.h"

#include <charconv>
#include <cstdio>

namespace Boucle::CommitteeText {

namespace {

void appendJsonString(QByteArray &out, const QString &text)
{
    out.append('"');
    // Names are nearly always plain ASCII with nothing to escape: copied as they are.
    bool plain = true;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u >= 0x80 || u == '"' || u == '\\') {
            plain = false;
            break;
        }
    }
    if (plain) {
        const qsizetype at = out.size();
        out.resize(at + text.size());
        char *into = out.data() + at;
        for (const QChar c : text)
            *into++ = char(c.unicode());
        out.append('"');
        return;
    }
    const QByteArray utf8 = text.toUtf8();
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
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(c));
                out.append(escaped);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

void appendFloat(QByteArray &out, float value, std::string_view written)
{
    if (!written.empty() && isShortestFloatText(written)) {
        out.append(written.data(), qsizetype(written.size()));
        return;
    }
    char digits[32];
    // The shortest text that reads back as the same float.
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end - digits);
}

} // namespace

bool isShortestFloatText(std::string_view text)
{
    size_t at = 0;
    if (at < text.size() && text[at] == '-')
        ++at;
    const size_t integerStart = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9')
        ++at;
    const size_t integerDigits = at - integerStart;
    if (integerDigits == 0 || integerDigits > 5 || (integerDigits > 1 && text[integerStart] == '0'))
        return false;
    const bool integerIsZero = integerDigits == 1 && text[integerStart] == '0';
    if (at == text.size())
        return !integerIsZero; // 1 to 99999: to_chars writes them so ("10000", not "1e+04")
    if (text[at] != '.')
        return false; // an exponent, or anything else
    ++at;
    const size_t fractionStart = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9')
        ++at;
    const size_t fractionDigits = at - fractionStart;
    // At most 8 decimals: the float of such a text, read through a double as the readers do,
    // is then the float nearest to it (no second rounding can land elsewhere).
    if (at != text.size() || fractionDigits == 0 || fractionDigits > 8 || text[at - 1] == '0')
        return false;
    if (!integerIsZero)
        return integerDigits + fractionDigits <= 6; // fixed is always the shorter here
    size_t leadingZeros = 0;
    while (text[fractionStart + leadingZeros] == '0')
        ++leadingZeros;
    const size_t significant = fractionDigits - leadingZeros;
    if (significant > 6)
        return false;
    // "0.00ddd" against "d.dde-03": to_chars takes the shorter, fixed on a tie. The exponent
    // has two digits here (at most 3 leading zeros pass the test).
    const size_t fixedLength = 2 + fractionDigits;
    const size_t scientificLength = significant + (significant > 1 ? 1 : 0) + 4;
    return fixedLength <= scientificLength;
}

void write(const QList<CommitteeVote> &votes, QByteArray &out,
           const std::vector<std::string_view> *numberTexts)
{
    out.resize(0);
    if (votes.isEmpty())
        return;
    size_t number = 0;
    out.append('[');
    for (qsizetype v = 0; v < votes.size(); ++v) {
        const auto &vote = votes.at(v);
        if (v > 0)
            out.append(',');
        out.append("{\"model\":");
        appendJsonString(out, vote.model);
        if (!vote.label.isEmpty()) {
            out.append(",\"label\":");
            appendJsonString(out, vote.label);
        }
        if (!vote.probs.isEmpty()) {
            out.append(",\"probs\":[");
            for (qsizetype i = 0; i < vote.probs.size(); ++i, ++number) {
                if (i > 0)
                    out.append(',');
                const std::string_view written = numberTexts && number < numberTexts->size()
                                                         ? (*numberTexts)[number]
                                                         : std::string_view();
                appendFloat(out, vote.probs.at(i), written);
            }
            out.append(']');
        }
        out.append('}');
    }
    out.append(']');
}

} // namespace Boucle::CommitteeText
