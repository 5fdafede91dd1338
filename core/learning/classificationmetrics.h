// ClassificationMetrics: held-out accuracy of predicted labels against known ones, overall and
// per class (per-class accuracy is the recall of that class: the share of its samples the model
// got right). A plain value; any thread.
#pragma once

#include <QStringList>

#include <vector>

namespace Boucle {

struct ClassificationMetrics
{
    double accuracy = 0;
    std::vector<double> classAccuracy; // per class; NaN when the class has no held-out sample
    std::vector<int> classCount;       // held-out samples per class
    int total = 0;
    int correct = 0;

    static ClassificationMetrics compute(const std::vector<int> &predicted,
                                         const std::vector<int> &truth, int classCount);
};

} // namespace Boucle
