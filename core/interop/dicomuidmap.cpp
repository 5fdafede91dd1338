#include "dicomuidmap.h"

#include <QUuid>

#include <array>

namespace Boucle {

QByteArray DicomUidMap::replace(const QByteArray &original)
{
    QByteArray key = original;
    while (!key.isEmpty() && (key.endsWith(' ') || key.endsWith('\0')))
        key.chop(1);
    if (key.isEmpty())
        return key;
    auto found = m_map.constFind(key);
    if (found == m_map.constEnd())
        found = m_map.insert(key, newUid());
    return *found;
}

QByteArray DicomUidMap::newUid()
{
    // The UUID's 128 bits as four 32-bit words, most significant first, divided by 10 again
    // and again to write them in decimal (at most 39 digits: 2.25. + 39 < 64).
    const QByteArray bytes = QUuid::createUuid().toRfc4122();
    std::array<quint32, 4> words {};
    for (int i = 0; i < 16; ++i)
        words[size_t(i / 4)] = (words[size_t(i / 4)] << 8) | quint8(bytes.at(i));
    QByteArray digits;
    bool zero = false;
    while (!zero) {
        quint64 remainder = 0;
        zero = true;
        for (quint32 &word : words) {
            const quint64 value = (remainder << 32) | word;
            word = quint32(value / 10);
            remainder = value % 10;
            if (word != 0)
                zero = false;
        }
        digits.prepend(char('0' + remainder));
    }
    return QByteArrayLiteral("2.25.") + digits;
}

} // namespace Boucle
