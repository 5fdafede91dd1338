#include "doublereviewpolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Boucle {

double DoubleReviewPolicy::drawOf(BatchItemId item)
{
    // SplitMix64's finaliser: consecutive ids spread evenly over [0, 1), the same everywhere.
    quint64 z = quint64(item) + 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return double(z >> 11) / double(1ULL << 53);
}

bool DoubleReviewPolicy::selects(BatchItemId item, const QString &predicted,
                                 const QString &answered) const
{
    if ((!predicted.isEmpty() && classes.contains(predicted))
        || (!answered.isEmpty() && classes.contains(answered)))
        return true;
    return share > 0.0 && drawOf(item) < share;
}

QString DoubleReviewPolicy::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("share"), share);
    object.insert(QStringLiteral("classes"), QJsonArray::fromStringList(classes));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

DoubleReviewPolicy DoubleReviewPolicy::fromJson(const QString &text)
{
    DoubleReviewPolicy policy;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    policy.share = std::clamp(object.value(QStringLiteral("share")).toDouble(), 0.0, 1.0);
    for (const auto &value : object.value(QStringLiteral("classes")).toArray()) {
        const QString name = value.toString().trimmed();
        if (!name.isEmpty() && !policy.classes.contains(name))
            policy.classes.append(name);
    }
    return policy;
}

} // namespace Boucle
