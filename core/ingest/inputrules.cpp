#include "inputrules.h"

#include <QCoreApplication>

namespace Boucle::InputRules {

namespace {

bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

} // namespace

QString classNameProblem(const QString &name)
{
    if (name.isEmpty())
        return QCoreApplication::translate("Boucle::InputRules", "a class name is empty");
    if (name.size() * 3 > maxClassNameBytes && name.toUtf8().size() > maxClassNameBytes)
        return QCoreApplication::translate("Boucle::InputRules",
                                           "a class name of %1 bytes is longer than the limit "
                                           "of %2 bytes")
                .arg(name.toUtf8().size())
                .arg(maxClassNameBytes);
    if (name.trimmed().isEmpty())
        return QCoreApplication::translate("Boucle::InputRules",
                                           "a class name is blank (only white space)");
    for (const QChar c : name) {
        if (isControl(c.unicode()))
            return QCoreApplication::translate("Boucle::InputRules",
                                               "the class name '%1' holds the control character "
                                               "U+%2")
                    .arg(quoted(name.toUtf8()))
                    .arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    return {};
}

QString encodingProblem(QByteArrayView start)
{
    // UTF-32 first: its little-endian mark begins with UTF-16's.
    if (start.startsWith(QByteArrayView("\xFF\xFE\0\0", 4))
        || start.startsWith(QByteArrayView("\0\0\xFE\xFF", 4)))
        return QCoreApplication::translate("Boucle::InputRules",
                                           "the file is UTF-32; save it as UTF-8");
    if (start.startsWith("\xFF\xFE") || start.startsWith("\xFE\xFF"))
        return QCoreApplication::translate("Boucle::InputRules",
                                           "the file is UTF-16; save it as UTF-8");
    return {};
}

QString quoted(QByteArrayView text)
{
    constexpr qsizetype shown = 60;
    const bool cut = text.size() > shown;
    const QString decoded = QString::fromUtf8(cut ? text.first(shown) : text);
    QString result;
    result.reserve(decoded.size() + 8);
    for (const QChar c : decoded) {
        if (isControl(c.unicode()))
            result += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            result += c;
    }
    if (cut)
        result += QStringLiteral("...");
    return result;
}

} // namespace Boucle::InputRules
