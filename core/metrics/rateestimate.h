// RateEstimate: a share of successes among trials with its 95 % Wilson score interval, the
// honest interval for the small counts a review batch gives (it never leaves [0, 1] and stays
// meaningful at 0 or n successes). A plain value; any thread.
#pragma once

#include <QtGlobal>

namespace Boucle {

struct RateEstimate
{
    qint64 count = 0; // successes (errors found, correct predictions, ...)
    qint64 total = 0; // trials
    double rate = 0.0;
    double low = 0.0;
    double high = 1.0;

    bool isEmpty() const { return total <= 0; }

    // z = 1.959964 gives the two-sided 95 % interval. total 0 gives rate 0 and [0, 1].
    static RateEstimate wilson(qint64 count, qint64 total, double z = 1.959963984540054);
};

} // namespace Boucle
