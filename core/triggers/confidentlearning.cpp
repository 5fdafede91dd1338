#include "confidentlearning.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace Boucle {

namespace {

constexpr double noThreshold = std::numeric_limits<double>::quiet_NaN();

// The threshold comparison forgives the rounding of the mean: a class whose rows all have the
// same self-confidence must count them all (the reference implementation uses the same 1e-6).
constexpr double thresholdTolerance = 1e-6;

// The most probable class other than `given` (the lower index on a tie).
int bestOther(const float *row, int classCount, int given)
{
    int best = -1;
    for (int k = 0; k < classCount; ++k) {
        if (k != given && (best < 0 || row[k] > row[best]))
            best = k;
    }
    return best;
}

double rankScore(const float *row, int classCount, int given, ConfidentLearning::Ranking ranking)
{
    if (ranking == ConfidentLearning::Ranking::SelfConfidence)
        return double(row[given]);
    return (double(row[given]) - double(row[bestOther(row, classCount, given)]) + 1.0) / 2.0;
}

int argmax(const float *row, int classCount)
{
    int best = 0;
    for (int k = 1; k < classCount; ++k) {
        if (row[k] > row[best])
            best = k;
    }
    return best;
}

} // namespace

bool ConfidentLearningResult::hasThreshold(int classIndex) const
{
    return classIndex >= 0 && classIndex < classCount
           && !std::isnan(thresholds[size_t(classIndex)]);
}

void ConfidentLearning::roundKeepingTotal(std::span<const double> values,
                                          std::span<qsizetype> rounded)
{
    double total = 0;
    qsizetype floorTotal = 0;
    for (size_t k = 0; k < values.size(); ++k) {
        total += values[k];
        rounded[k] = qsizetype(std::floor(values[k]));
        floorTotal += rounded[k];
    }
    qsizetype remaining = qsizetype(std::llround(total)) - floorTotal;
    // Hand out the remaining units one by one to the largest fractional parts. C is small (the
    // number of classes), so the quadratic scan costs nothing and allocates nothing.
    while (remaining > 0) {
        size_t best = values.size();
        double bestFraction = -1;
        for (size_t k = 0; k < values.size(); ++k) {
            const double fraction = values[k] - double(rounded[k]);
            // A value already raised has a negative fraction and is not raised twice.
            if (fraction > bestFraction) {
                best = k;
                bestFraction = fraction;
            }
        }
        if (best == values.size() || bestFraction < 0)
            break;
        ++rounded[best];
        --remaining;
    }
}

ConfidentLearningResult ConfidentLearning::find(std::span<const float> probabilities,
                                                int classCount, std::span<const int> labels,
                                                Ranking ranking, Selection selection)
{
    ConfidentLearningResult result;
    if (classCount < 2) {
        result.error = tr("confident learning needs at least two classes, not %1").arg(classCount);
        return result;
    }
    const auto rows = qsizetype(labels.size());
    if (qsizetype(probabilities.size()) != rows * classCount) {
        result.error = tr("the probabilities hold %1 values, but %2 rows of %3 classes need %4")
                               .arg(qsizetype(probabilities.size()))
                               .arg(rows)
                               .arg(classCount)
                               .arg(rows * classCount);
        return result;
    }
    const int C = classCount;
    const auto cells = size_t(C) * size_t(C);
    auto rowOf = [&](qsizetype r) {
        return probabilities.data() + r * C;
    };

    // Checks, and step 1: thresholds.
    result.classCount = C;
    result.labelCounts.assign(size_t(C), 0);
    std::vector<double> selfConfidenceSum(size_t(C), 0.0);
    for (qsizetype r = 0; r < rows; ++r) {
        const int label = labels[size_t(r)];
        if (label == -1)
            continue;
        if (label < 0 || label >= C) {
            result.error = tr("row %1: label %2 is not a class index in [0, %3) nor -1")
                                   .arg(r)
                                   .arg(label)
                                   .arg(C);
            return result;
        }
        const float *p = rowOf(r);
        for (int k = 0; k < C; ++k) {
            if (!std::isfinite(p[k])) {
                result.error
                        = tr("row %1: the probability of class %2 is not a number").arg(r).arg(k);
                return result;
            }
        }
        ++result.labelCounts[size_t(label)];
        selfConfidenceSum[size_t(label)] += double(p[label]);
    }
    result.labelledRows
            = std::accumulate(result.labelCounts.begin(), result.labelCounts.end(), qsizetype(0));
    result.thresholds.assign(size_t(C), noThreshold);
    for (size_t k = 0; k < size_t(C); ++k) {
        if (result.labelCounts[k] > 0)
            result.thresholds[k] = selfConfidenceSum[k] / double(result.labelCounts[k]);
    }

    // Step 2: the confident joint. A NaN threshold fails every comparison.
    result.confidentJoint.assign(cells, 0);
    for (qsizetype r = 0; r < rows; ++r) {
        const int label = labels[size_t(r)];
        if (label < 0)
            continue;
        const float *p = rowOf(r);
        int confident = -1;
        for (int k = 0; k < C; ++k) {
            if (double(p[k]) >= result.thresholds[size_t(k)] - thresholdTolerance
                && (confident < 0 || p[k] > p[confident]))
                confident = k;
        }
        if (confident < 0)
            ++result.unconfidentRows;
        else
            ++result.confidentJoint[size_t(result.cell(label, confident))];
    }

    // Step 3: calibration.
    result.calibratedJoint.assign(cells, 0.0);
    for (int i = 0; i < C; ++i) {
        const auto count = result.labelCounts[size_t(i)];
        if (count == 0)
            continue;
        double rowSum = 0;
        for (int j = 0; j < C; ++j) {
            auto value = double(result.confidentJoint[size_t(result.cell(i, j))]);
            if (i == j)
                value = std::max(value, 1.0);
            result.calibratedJoint[size_t(result.cell(i, j))] = value;
            rowSum += value;
        }
        for (int j = 0; j < C; ++j)
            result.calibratedJoint[size_t(result.cell(i, j))] *= double(count) / rowSum;
    }
    const double calibratedSum
            = std::accumulate(result.calibratedJoint.begin(), result.calibratedJoint.end(), 0.0);
    if (calibratedSum > 0) {
        for (double &value : result.calibratedJoint)
            value *= double(result.labelledRows) / calibratedSum;
    }

    // Step 4: the joint, the noise matrix and the estimated errors.
    result.jointDistribution.assign(cells, 0.0);
    if (result.labelledRows > 0) {
        for (size_t cell = 0; cell < cells; ++cell)
            result.jointDistribution[cell]
                    = result.calibratedJoint[cell] / double(result.labelledRows);
    }
    result.noiseMatrix.assign(cells, 0.0);
    for (int j = 0; j < C; ++j) {
        double column = 0;
        for (int i = 0; i < C; ++i)
            column += result.jointDistribution[size_t(result.cell(i, j))];
        if (column <= 0)
            continue;
        for (int i = 0; i < C; ++i)
            result.noiseMatrix[size_t(result.cell(i, j))]
                    = result.jointDistribution[size_t(result.cell(i, j))] / column;
    }
    result.estimatedErrors.assign(size_t(C), 0.0);
    for (int i = 0; i < C; ++i) {
        for (int j = 0; j < C; ++j) {
            if (i != j)
                result.estimatedErrors[size_t(i)]
                        += result.calibratedJoint[size_t(result.cell(i, j))];
        }
        result.estimatedErrorTotal += result.estimatedErrors[size_t(i)];
    }

    // Step 5: pruning. Rows are grouped by label once (a counting sort), and one scratch buffer
    // of (key, row) serves every class and cell.
    result.pruneCounts.assign(cells, 0);
    for (int i = 0; i < C; ++i)
        roundKeepingTotal(
                std::span<const double>(result.calibratedJoint)
                        .subspan(size_t(i) * size_t(C), size_t(C)),
                std::span<qsizetype>(result.pruneCounts).subspan(size_t(i) * size_t(C), size_t(C)));
    std::vector<qsizetype> classStart(size_t(C) + 1, 0);
    for (int i = 0; i < C; ++i)
        classStart[size_t(i) + 1] = classStart[size_t(i)] + result.labelCounts[size_t(i)];
    std::vector<qsizetype> byClass(size_t(result.labelledRows));
    {
        std::vector<qsizetype> next(classStart.begin(), classStart.end() - 1);
        for (qsizetype r = 0; r < rows; ++r) {
            const int label = labels[size_t(r)];
            if (label >= 0)
                byClass[size_t(next[size_t(label)]++)] = r;
        }
    }
    const qsizetype largestClass
            = *std::max_element(result.labelCounts.begin(), result.labelCounts.end());
    std::vector<std::pair<double, qsizetype>> scratch(static_cast<size_t>(largestClass));
    std::vector<quint8> marked(size_t(rows), 0);
    // Marks the first `take` of `count` (key, row) pairs: the largest keys; equal keys, the lower
    // row first.
    auto markLargest = [&scratch, &marked](qsizetype count, qsizetype take) {
        const auto end = scratch.begin() + count;
        const auto cut = scratch.begin() + std::min(take, count);
        if (cut < end) {
            std::nth_element(scratch.begin(), cut, end, [](const auto &a, const auto &b) {
                return a.first > b.first || (a.first == b.first && a.second < b.second);
            });
        }
        for (auto it = scratch.begin(); it != cut; ++it)
            marked[size_t(it->second)] = 1;
    };
    for (int i = 0; i < C; ++i) {
        const qsizetype count = result.labelCounts[size_t(i)];
        if (count <= 1)
            continue;
        const qsizetype *members = byClass.data() + classStart[size_t(i)];
        if (selection == Selection::LowestScorePerClass) {
            // The class's estimated number of errors, as whole rows: its rounded row less the
            // diagonal. The largest negated score is the lowest score.
            const qsizetype take = count - result.pruneCounts[size_t(result.cell(i, i))];
            if (take <= 0)
                continue;
            for (qsizetype m = 0; m < count; ++m)
                scratch[size_t(m)] = {-rankScore(rowOf(members[m]), C, i, ranking), members[m]};
            markLargest(count, take);
            continue;
        }
        for (int j = 0; j < C; ++j) {
            const qsizetype prune = result.pruneCounts[size_t(result.cell(i, j))];
            if (j == i || prune <= 0)
                continue;
            for (qsizetype m = 0; m < count; ++m) {
                const float *p = rowOf(members[m]);
                // The margin in float, as the probabilities are, then widened.
                scratch[size_t(m)] = {double(p[j] - p[i]), members[m]};
            }
            markLargest(count, prune);
        }
    }

    // Step 6: the suspects, ranked.
    result.suspectsPerClass.assign(size_t(C), 0);
    for (qsizetype r = 0; r < rows; ++r) {
        if (!marked[size_t(r)])
            continue;
        const int given = labels[size_t(r)];
        const float *p = rowOf(r);
        if (argmax(p, C) == given)
            continue;
        LabelSuspect suspect;
        suspect.row = r;
        suspect.givenClass = given;
        suspect.suspectedClass = bestOther(p, C, given);
        suspect.givenProbability = p[given];
        suspect.suspectedProbability = p[suspect.suspectedClass];
        suspect.givenThreshold = result.thresholds[size_t(given)];
        suspect.suspectedThreshold = result.thresholds[size_t(suspect.suspectedClass)];
        suspect.rankScore = rankScore(p, C, given, ranking);
        result.suspects.push_back(suspect);
        ++result.suspectsPerClass[size_t(given)];
    }
    std::sort(result.suspects.begin(), result.suspects.end(),
              [](const LabelSuspect &a, const LabelSuspect &b) {
                  return a.rankScore < b.rankScore || (a.rankScore == b.rankScore && a.row < b.row);
              });
    return result;
}

} // namespace Boucle
