#include "lowconfidencewords.h"

#include <QCoreApplication>

#include <algorithm>

namespace Boucle {

QList<int> lowConfidenceObjects(const QList<PredictedObject> &objects, double threshold)
{
    QList<int> indexes;
    for (int i = 0; i < objects.size(); ++i) {
        if (objects.at(i).score < threshold)
            indexes.append(i);
    }
    std::stable_sort(indexes.begin(), indexes.end(),
                     [&](int a, int b) { return objects.at(a).page < objects.at(b).page; });
    return indexes;
}

QList<FlagReason> lowConfidenceWords(const QList<PredictedObject> &objects, double threshold,
                                     int limit)
{
    QList<int> low;
    for (int i = 0; i < objects.size(); ++i) {
        if (!objects.at(i).text.isEmpty() && objects.at(i).score < threshold)
            low.append(i);
    }
    std::stable_sort(low.begin(), low.end(),
                     [&](int a, int b) { return objects.at(a).score < objects.at(b).score; });

    QList<FlagReason> reasons;
    const int shown = limit < 0 ? int(low.size()) : qMin(int(low.size()), limit);
    for (int k = 0; k < shown; ++k) {
        const PredictedObject &word = objects.at(low.at(k));
        FlagReason reason;
        reason.trigger = QString::fromLatin1(lowConfidenceWordTrigger);
        reason.score = threshold > 0 ? qBound(0.0, (threshold - word.score) / threshold, 1.0) : 0.0;
        reason.reason = QCoreApplication::translate(
                                "Boucle::LowConfidenceWords",
                                "word '%1' on page %2 read with confidence %3, below %4")
                                .arg(word.text)
                                .arg(word.page + 1)
                                .arg(word.score, 0, 'f', 2)
                                .arg(threshold, 0, 'f', 2);
        reasons.append(reason);
    }
    if (low.size() > shown) {
        FlagReason rest;
        rest.trigger = QString::fromLatin1(lowConfidenceWordTrigger);
        rest.score = reasons.isEmpty() ? 0.0 : reasons.constLast().score;
        rest.reason = QCoreApplication::translate("Boucle::LowConfidenceWords",
                                                  "and %n more word(s) below %1", nullptr,
                                                  int(low.size() - shown))
                              .arg(threshold, 0, 'f', 2);
        reasons.append(rest);
    }
    return reasons;
}

} // namespace Boucle
