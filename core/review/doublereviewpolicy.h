// DoubleReviewPolicy: which items need a second, independent answer. A share of all items
// (chosen from a hash of the item's id, so the same items are chosen on every machine and in
// every run) and every item of chosen classes (predicted by the model or answered by the first
// reviewer). Kept in the project as JSON, so every reviewer follows the same policy.
// Any thread (plain value).
#pragma once

#include "records/projectrecords.h"

#include <QStringList>

namespace Boucle {

struct DoubleReviewPolicy
{
    double share = 0.0; // 0..1
    QStringList classes;

    bool isActive() const { return share > 0.0 || !classes.isEmpty(); }
    // True when the item needs a second answer, given what the model predicted and what the
    // first reviewer answered (either may be empty).
    bool selects(BatchItemId item, const QString &predicted, const QString &answered) const;
    // Where in [0, 1) the item falls; it is chosen by share when below the share.
    static double drawOf(BatchItemId item);

    QString toJson() const;
    // An empty or unreadable text is the inactive policy.
    static DoubleReviewPolicy fromJson(const QString &text);
    bool operator==(const DoubleReviewPolicy &other) const = default;
};

} // namespace Boucle
