#include "rateestimate.h"

#include <algorithm>
#include <cmath>

namespace Boucle {

RateEstimate RateEstimate::wilson(qint64 count, qint64 total, double z)
{
    RateEstimate estimate;
    estimate.count = count;
    estimate.total = total;
    if (total <= 0)
        return estimate;
    const double n = double(total);
    const double p = std::clamp(double(count) / n, 0.0, 1.0);
    const double z2 = z * z;
    const double denominator = 1.0 + z2 / n;
    const double centre = (p + z2 / (2.0 * n)) / denominator;
    const double half = z * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denominator;
    estimate.rate = p;
    estimate.low = std::max(0.0, centre - half);
    estimate.high = std::min(1.0, centre + half);
    // At 0 or n successes the bound is exactly 0 or 1; rounding must not leave it just inside.
    if (count <= 0)
        estimate.low = 0.0;
    if (count >= total)
        estimate.high = 1.0;
    return estimate;
}

} // namespace Boucle
