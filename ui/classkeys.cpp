#include "classkeys.h"

#include <QSet>

namespace Boucle::ClassKeys {

namespace {

bool namedByDigits(const QStringList &classes)
{
    if (classes.isEmpty() || classes.size() > 10)
        return false;
    QSet<QChar> seen;
    for (const QString &name : classes) {
        if (name.size() != 1 || name.at(0) < QLatin1Char('0') || name.at(0) > QLatin1Char('9')
            || seen.contains(name.at(0)))
            return false;
        seen.insert(name.at(0));
    }
    return true;
}

} // namespace

QList<int> keysFor(const QStringList &classes)
{
    QList<int> keys;
    keys.reserve(classes.size());
    const bool byName = namedByDigits(classes);
    for (qsizetype i = 0; i < classes.size(); ++i) {
        if (byName)
            keys.append(Qt::Key_0 + (classes.at(i).at(0).unicode() - '0'));
        else if (i < 9)
            keys.append(Qt::Key_1 + int(i));
        else if (i == 9)
            keys.append(Qt::Key_0);
        else
            keys.append(0);
    }
    return keys;
}

} // namespace Boucle::ClassKeys
