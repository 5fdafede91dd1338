// Confident learning, checked by hand on small tables, then on OpenCV's digits with 5 % of the
// labels flipped: the flipped labels must come first in the ranking.
// The small tables use probabilities that are exact in binary (multiples of 1/8), so the
// thresholds, the confident joint and the margins below are exact, not rounded.
#include "learning/crossvalidatedprobabilities.h"
#include "learning/datasetloader.h"
#include "triggers/confidentlearning.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <numeric>
#include <random>

using namespace Boucle;
using namespace Qt::StringLiterals;

namespace {

struct Table
{
    int classCount = 0;
    std::vector<float> probabilities;
    std::vector<int> labels;

    Table(int classes, std::initializer_list<std::pair<int, std::vector<float>>> rows)
        : classCount(classes)
    {
        for (const auto &[label, row] : rows) {
            labels.push_back(label);
            probabilities.insert(probabilities.end(), row.begin(), row.end());
        }
    }

    ConfidentLearningResult find(ConfidentLearning::Ranking ranking
                                 = ConfidentLearning::Ranking::NormalisedMargin,
                                 ConfidentLearning::Selection selection
                                 = ConfidentLearning::Selection::PruneByNoiseRate) const
    {
        return ConfidentLearning::find(probabilities, classCount, labels, ranking, selection);
    }
};

std::vector<qsizetype> suspectRows(const ConfidentLearningResult &result)
{
    std::vector<qsizetype> rows;
    for (const auto &suspect : result.suspects)
        rows.push_back(suspect.row);
    return rows;
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

void compareMatrix(const std::vector<double> &actual, const std::vector<double> &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (size_t k = 0; k < actual.size(); ++k) {
        if (!near(actual[k], expected[k]))
            QFAIL(qPrintable(u"cell %1: %2, expected %3"_s.arg(k).arg(actual[k]).arg(expected[k])));
    }
}

} // namespace

class tst_ConfidentLearning : public QObject
{
    Q_OBJECT

private slots:
    void twoSwappedLabels();
    void calibrationScalesUnconfidentRows();
    void calibrationRoundsPerRow();
    void argmaxAmongQualifyingClasses();
    void classWithoutRowsHasNoThreshold();
    void rankingBySelfConfidence();
    void lowestScorePerClass();
    void nothingLabelledFindsNothing();
    void roundKeepingTotal_data();
    void roundKeepingTotal();
    void badInputIsRefused_data();
    void badInputIsRefused();
    void millionRowsFindOnlyFlippedLabels();
    void flippedDigitsComeFirst();
};

// Three classes, eight labelled rows and one unlabelled; rows 2 and 5 carry swapped labels.
void tst_ConfidentLearning::twoSwappedLabels()
{
    const Table table(3, {
                                 {0, {0.75f, 0.125f, 0.125f}}, // r0
                                 {0, {0.5f, 0.25f, 0.25f}},    // r1
                                 {0, {0.125f, 0.75f, 0.125f}}, // r2: looks like a 1
                                 {1, {0.125f, 0.875f, 0.0f}},  // r3
                                 {1, {0.25f, 0.625f, 0.125f}}, // r4
                                 {1, {0.75f, 0.25f, 0.0f}},    // r5: looks like a 0
                                 {2, {0.0f, 0.125f, 0.875f}},  // r6
                                 {2, {0.125f, 0.25f, 0.625f}}, // r7
                                 {-1, {0.5f, 0.5f, 0.0f}},     // unlabelled: ignored
                         });
    const auto result = table.find();
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.labelledRows, 8);
    QCOMPARE(result.labelCounts, (std::vector<qsizetype> {3, 3, 2}));
    // t0 = (0.75 + 0.5 + 0.125) / 3 = 0.458333; t1 = (0.875 + 0.625 + 0.25) / 3 = 0.583333;
    // t2 = (0.875 + 0.625) / 2 = 0.75.
    compareMatrix(result.thresholds, {1.375 / 3, 1.75 / 3, 0.75});
    // r0: p0 0.75 >= t0, nothing else -> (0, 0). r1: p0 0.5 >= 0.4583 -> (0, 0).
    // r2: p0 0.125 < t0, p1 0.75 >= 0.5833 -> (0, 1). r3: p1 0.875 -> (1, 1).
    // r4: p1 0.625 >= 0.5833 -> (1, 1). r5: p0 0.75 >= t0, p1 0.25 < t1 -> (1, 0).
    // r6: p2 0.875 >= 0.75 -> (2, 2). r7: p0 0.125, p1 0.25, p2 0.625, all below -> nowhere.
    QCOMPARE(result.confidentJoint, (std::vector<qsizetype> {2, 1, 0, 1, 2, 0, 0, 0, 1}));
    QCOMPARE(result.unconfidentRows, 1);
    // Rows 0 and 1 already sum to their label counts (3); row 2 sums to 1 for 2 labels: x 2.
    // The total is then 8 = N, so the final normalisation changes nothing.
    compareMatrix(result.calibratedJoint, {2, 1, 0, 1, 2, 0, 0, 0, 2});
    compareMatrix(result.jointDistribution,
                  {0.25, 0.125, 0, 0.125, 0.25, 0, 0, 0, 0.25}); // calibrated / 8
    // Columns of Q: (0.25, 0.125, 0) sums to 0.375 -> (2/3, 1/3, 0); the same for column 1
    // mirrored; column 2 is (0, 0, 0.25) -> (0, 0, 1).
    compareMatrix(result.noiseMatrix, {2.0 / 3, 1.0 / 3, 0, 1.0 / 3, 2.0 / 3, 0, 0, 0, 1});
    compareMatrix(result.estimatedErrors, {1, 1, 0});
    QVERIFY(near(result.estimatedErrorTotal, 2));
    QCOMPARE(result.pruneCounts, (std::vector<qsizetype> {2, 1, 0, 1, 2, 0, 0, 0, 2}));
    // Prune (0, 1), one row: margins p1 - p0 of r0, r1, r2 are -0.625, -0.25, 0.625 -> r2.
    // Prune (1, 0), one row: margins p0 - p1 of r3, r4, r5 are -0.75, -0.375, 0.5 -> r5.
    // Normalised margins: r2 (0.125 - 0.75 + 1) / 2 = 0.1875; r5 (0.25 - 0.75 + 1) / 2 = 0.25.
    QCOMPARE(suspectRows(result), (std::vector<qsizetype> {2, 5}));
    const LabelSuspect &first = result.suspects.front();
    QCOMPARE(first.givenClass, 0);
    QCOMPARE(first.suspectedClass, 1);
    QCOMPARE(first.givenProbability, 0.125f);
    QCOMPARE(first.suspectedProbability, 0.75f);
    QVERIFY(near(first.givenThreshold, 1.375 / 3));
    QVERIFY(near(first.suspectedThreshold, 1.75 / 3));
    QVERIFY(near(first.rankScore, 0.1875));
    const LabelSuspect &second = result.suspects.back();
    QCOMPARE(second.givenClass, 1);
    QCOMPARE(second.suspectedClass, 0);
    QVERIFY(near(second.rankScore, 0.25));
    QCOMPARE(result.suspectsPerClass, (std::vector<qsizetype> {1, 1, 0}));
}

// Unconfident rows do not vanish: calibration spreads each class's whole count over its row.
void tst_ConfidentLearning::calibrationScalesUnconfidentRows()
{
    const Table table(3, {
                                 {0, {1.0f, 0.0f, 0.0f}},      // g0
                                 {0, {0.0f, 1.0f, 0.0f}},      // g1: looks like a 1
                                 {0, {0.375f, 0.375f, 0.25f}}, // g2: a tie, given class first
                                 {0, {0.375f, 0.25f, 0.375f}}, // g3
                                 {1, {0.0f, 1.0f, 0.0f}},      // g4
                                 {1, {0.0f, 0.5f, 0.5f}},      // g5
                                 {2, {0.0f, 0.0f, 1.0f}},      // g6
                                 {2, {0.0f, 0.5f, 0.5f}},      // g7
                         });
    const auto result = table.find();
    QVERIFY2(result.ok(), qPrintable(result.error));
    // t0 = (1 + 0 + 0.375 + 0.375) / 4 = 0.4375; t1 = (1 + 0.5) / 2 = 0.75; t2 = 0.75.
    compareMatrix(result.thresholds, {0.4375, 0.75, 0.75});
    // g0 -> (0, 0); g1 -> (0, 1); g2: 0.375 < t0, 0.375 < t1, 0.25 < t2 -> nowhere;
    // g3: 0.375, 0.25, 0.375, all below -> nowhere; g4 -> (1, 1); g5: 0.5 < 0.75 twice ->
    // nowhere; g6 -> (2, 2); g7 -> nowhere.
    QCOMPARE(result.confidentJoint, (std::vector<qsizetype> {1, 1, 0, 0, 1, 0, 0, 0, 1}));
    QCOMPARE(result.unconfidentRows, 4);
    // Row 0 sums to 2 for 4 labels: x 2 -> (2, 2, 0). Rows 1 and 2 sum to 1 for 2: x 2.
    compareMatrix(result.calibratedJoint, {2, 2, 0, 0, 2, 0, 0, 0, 2});
    compareMatrix(result.estimatedErrors, {2, 0, 0});
    // Prune (0, 1), two rows: margins p1 - p0 of g0..g3 are -1, 1, 0, -0.125 -> g1 and g2.
    // g2's most probable class is 0 (a tie goes to the lower index), its given label: the model
    // agrees with the label, so it is dropped again. Only g1 remains: (0 - 1 + 1) / 2 = 0.
    QCOMPARE(suspectRows(result), (std::vector<qsizetype> {1}));
    QCOMPARE(result.suspects.front().suspectedClass, 1);
    QVERIFY(near(result.suspects.front().rankScore, 0));
    QCOMPARE(result.suspectsPerClass, (std::vector<qsizetype> {1, 0, 0}));
}

// A fractional calibrated joint is rounded per row, keeping the row's total; the noise matrix
// is the joint normalised per column.
void tst_ConfidentLearning::calibrationRoundsPerRow()
{
    const Table table(2, {
                                 {0, {1.0f, 0.0f}},     // b0
                                 {0, {0.875f, 0.125f}}, // b1
                                 {0, {0.75f, 0.25f}},   // b2
                                 {0, {0.5f, 0.5f}},     // b3
                                 {0, {0.25f, 0.75f}},   // b4
                                 {0, {0.125f, 0.875f}}, // b5
                                 {1, {0.25f, 0.75f}},   // b6
                                 {1, {0.5f, 0.5f}},     // b7
                         });
    const auto result = table.find();
    QVERIFY2(result.ok(), qPrintable(result.error));
    // t0 = (1 + 0.875 + 0.75 + 0.5 + 0.25 + 0.125) / 6 = 3.5 / 6 = 0.583333;
    // t1 = (0.75 + 0.5) / 2 = 0.625.
    compareMatrix(result.thresholds, {3.5 / 6, 0.625});
    // b0, b1, b2 -> (0, 0); b3: 0.5 < t0 and 0.5 < t1 -> nowhere; b4, b5 -> (0, 1);
    // b6 -> (1, 1); b7 -> nowhere.
    QCOMPARE(result.confidentJoint, (std::vector<qsizetype> {3, 2, 0, 1}));
    // Row 0 sums to 5 for 6 labels: (3, 2) x 6/5 = (3.6, 2.4); row 1: (0, 1) x 2 = (0, 2).
    compareMatrix(result.calibratedJoint, {3.6, 2.4, 0, 2});
    // Q = calibrated / 8 = (0.45, 0.3, 0, 0.25). Column 1 sums to 0.55.
    compareMatrix(result.jointDistribution, {0.45, 0.3, 0, 0.25});
    compareMatrix(result.noiseMatrix, {1, 0.3 / 0.55, 0, 0.25 / 0.55});
    compareMatrix(result.estimatedErrors, {2.4, 0});
    // (3.6, 2.4) floors to (3, 2) = 5 of 6; the larger fraction (0.6) takes the last unit.
    QCOMPARE(result.pruneCounts, (std::vector<qsizetype> {4, 2, 0, 2}));
    // Prune (0, 1), two rows: margins p1 - p0 of b0..b5 are -1, -0.75, -0.5, 0, 0.5, 0.75
    // -> b5 and b4. Ranked: b5 (0.125 - 0.875 + 1) / 2 = 0.125, b4 (0.25 - 0.75 + 1) / 2 = 0.25.
    QCOMPARE(suspectRows(result), (std::vector<qsizetype> {5, 4}));
}

// A row that passes several thresholds goes to the qualifying class with the largest
// probability, even when its overall most probable class does not qualify; an exact tie goes to
// the lower class. Classes of one labelled row are not pruned.
void tst_ConfidentLearning::argmaxAmongQualifyingClasses()
{
    const Table table(3, {
                                 {0, {1.0f, 0.0f, 0.0f}},        // h0
                                 {0, {0.4375f, 0.3125f, 0.25f}}, // h1
                                 {0, {0.5f, 0.25f, 0.25f}},      // h2
                                 {1, {0.75f, 0.25f, 0.0f}},      // h3
                                 {2, {0.75f, 0.0f, 0.25f}},      // h4
                         });
    const auto result = table.find();
    QVERIFY2(result.ok(), qPrintable(result.error));
    // t0 = (1 + 0.4375 + 0.5) / 3 = 0.645833; t1 = 0.25; t2 = 0.25.
    compareMatrix(result.thresholds, {1.9375 / 3, 0.25, 0.25});
    // h0 -> (0, 0). h1: 0.4375 < t0; 0.3125 >= t1 and 0.25 >= t2: the larger is class 1 ->
    // (0, 1), although its most probable class is 0. h2: 0.5 < t0; 0.25 and 0.25 both pass,
    // a tie -> the lower class, (0, 1). h3: 0.75 >= t0 and 0.25 >= t1 -> (1, 0). h4 -> (2, 0).
    QCOMPARE(result.confidentJoint, (std::vector<qsizetype> {1, 2, 0, 1, 0, 0, 1, 0, 0}));
    // Diagonals raised to 1: rows (1, 2, 0) x 3/3, (1, 1, 0) x 1/2, (1, 0, 1) x 1/2.
    compareMatrix(result.calibratedJoint, {1, 2, 0, 0.5, 0.5, 0, 0.5, 0, 0.5});
    // Prune (0, 1), two rows: margins p1 - p0 of h0, h1, h2 are -1, -0.125, -0.25 -> h1, h2;
    // both have class 0, their label, as the most probable: dropped. Classes 1 and 2 have one
    // labelled row each and are not pruned.
    QVERIFY(result.suspects.empty());
}

// A class nobody labelled has no threshold; no row is counted towards it.
void tst_ConfidentLearning::classWithoutRowsHasNoThreshold()
{
    const Table table(3, {
                                 {0, {0.75f, 0.125f, 0.125f}},
                                 {0, {0.5f, 0.25f, 0.25f}},
                                 {1, {0.125f, 0.75f, 0.125f}},
                                 {1, {0.0f, 0.0f, 1.0f}},
                         });
    const auto result = table.find();
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.hasThreshold(0));
    QVERIFY(result.hasThreshold(1));
    QVERIFY(!result.hasThreshold(2));
    QVERIFY(std::isnan(result.thresholds[2]));
    // t0 = (0.75 + 0.5) / 2 = 0.625; t1 = (0.75 + 0) / 2 = 0.375. Row 0 -> (0, 0); row 1:
    // 0.5 < t0, 0.25 < t1 -> nowhere; row 2 -> (1, 1); row 3: p2 = 1 but class 2 has no
    // threshold, 0 < t0, 0 < t1 -> nowhere.
    QCOMPARE(result.confidentJoint, (std::vector<qsizetype> {1, 0, 0, 0, 1, 0, 0, 0, 0}));
    QCOMPARE(result.unconfidentRows, 2);
    // Rows 0 and 1: (1, 0, 0) and (0, 1, 0) x 2 labels each; row 2 stays empty.
    compareMatrix(result.calibratedJoint, {2, 0, 0, 0, 2, 0, 0, 0, 0});
    compareMatrix(result.noiseMatrix, {1, 0, 0, 0, 1, 0, 0, 0, 0});
    QVERIFY(result.suspects.empty());
}

void tst_ConfidentLearning::rankingBySelfConfidence()
{
    // The table of calibrationRoundsPerRow: suspects b4 (p0 = 0.25) and b5 (p0 = 0.125).
    const Table table(2, {
                                 {0, {1.0f, 0.0f}},
                                 {0, {0.875f, 0.125f}},
                                 {0, {0.75f, 0.25f}},
                                 {0, {0.5f, 0.5f}},
                                 {0, {0.25f, 0.75f}},
                                 {0, {0.125f, 0.875f}},
                                 {1, {0.25f, 0.75f}},
                                 {1, {0.5f, 0.5f}},
                         });
    const auto result = table.find(ConfidentLearning::Ranking::SelfConfidence);
    QCOMPARE(suspectRows(result), (std::vector<qsizetype> {5, 4}));
    QVERIFY(near(result.suspects[0].rankScore, 0.125));
    QVERIFY(near(result.suspects[1].rankScore, 0.25));
}

// Pruning by noise rate takes, for cell (0, 1), the row leaning most towards class 1; the
// per-class selection takes the class's estimated number of errors with the lowest margins,
// whichever class they lean to.
void tst_ConfidentLearning::lowestScorePerClass()
{
    const Table table(3, {
                                 {0, {1.0f, 0.0f, 0.0f}},     // a
                                 {0, {0.25f, 0.75f, 0.0f}},   // b
                                 {0, {0.125f, 0.0f, 0.875f}}, // c
                                 {1, {0.0f, 1.0f, 0.0f}},     // d
                                 {1, {0.25f, 0.5f, 0.25f}},   // e
                                 {2, {0.0f, 0.0f, 1.0f}},     // f
                                 {2, {0.0f, 0.0f, 1.0f}},     // g
                         });
    // t0 = (1 + 0.25 + 0.125) / 3 = 0.458333; t1 = (1 + 0.5) / 2 = 0.75; t2 = 1.
    // a -> (0, 0); b: p1 0.75 >= t1 -> (0, 1); c: p2 0.875 < t2, p0 0.125 < t0 -> nowhere;
    // d -> (1, 1); e: 0.25 < t0, 0.5 < t1, 0.25 < t2 -> nowhere; f, g -> (2, 2).
    // Row 0: (1, 1, 0) x 3/2 = (1.5, 1.5, 0), rounded (2, 1, 0): the tied fractions give the
    // unit to column 0. One estimated error in class 0.
    const auto byNoiseRate = table.find();
    QVERIFY2(byNoiseRate.ok(), qPrintable(byNoiseRate.error));
    QCOMPARE(byNoiseRate.confidentJoint, (std::vector<qsizetype> {1, 1, 0, 0, 1, 0, 0, 0, 2}));
    QCOMPARE(byNoiseRate.pruneCounts, (std::vector<qsizetype> {2, 1, 0, 0, 2, 0, 0, 0, 2}));
    // Prune (0, 1), one row: margins p1 - p0 of a, b, c are -1, 0.5, -0.125 -> b.
    QCOMPARE(suspectRows(byNoiseRate), (std::vector<qsizetype> {1}));
    QCOMPARE(byNoiseRate.suspects.front().suspectedClass, 1);
    // Per class, one row of class 0 with the lowest normalised margin: a (1 - 0 + 1) / 2 = 1,
    // b (0.25 - 0.75 + 1) / 2 = 0.25, c (0.125 - 0.875 + 1) / 2 = 0.125 -> c, which leans to 2.
    const auto perClass = table.find(ConfidentLearning::Ranking::NormalisedMargin,
                                     ConfidentLearning::Selection::LowestScorePerClass);
    QVERIFY2(perClass.ok(), qPrintable(perClass.error));
    QCOMPARE(suspectRows(perClass), (std::vector<qsizetype> {2}));
    QCOMPARE(perClass.suspects.front().suspectedClass, 2);
    QVERIFY(near(perClass.suspects.front().rankScore, 0.125));
    QVERIFY(near(perClass.suspects.front().suspectedThreshold, 1.0));
}

void tst_ConfidentLearning::nothingLabelledFindsNothing()
{
    const Table table(2, {{-1, {1.0f, 0.0f}}, {-1, {0.0f, 1.0f}}});
    const auto result = table.find();
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.labelledRows, 0);
    QVERIFY(!result.hasThreshold(0) && !result.hasThreshold(1));
    compareMatrix(result.calibratedJoint, {0, 0, 0, 0});
    QCOMPARE(result.estimatedErrorTotal, 0.0);
    QVERIFY(result.suspects.empty());
}

void tst_ConfidentLearning::roundKeepingTotal_data()
{
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<std::vector<qsizetype>>("expected");
    QTest::newRow("whole") << std::vector<double> {2, 1, 0} << std::vector<qsizetype> {2, 1, 0};
    QTest::newRow("largest fraction")
            << std::vector<double> {3.6, 2.4} << std::vector<qsizetype> {4, 2};
    // 1/3 each, total 1: all fractions equal, the lower index takes the unit.
    QTest::newRow("tie") << std::vector<double> {1.0 / 3, 1.0 / 3, 1.0 / 3}
                         << std::vector<qsizetype> {1, 0, 0};
    // Total 11: floors (2, 2, 2, 3) = 9; fractions 0.5, 0.25, 0.75, 0.5 -> the third, then
    // the first (tied with the fourth, the lower index wins).
    QTest::newRow("two of four") << std::vector<double> {2.5, 2.25, 2.75, 3.5}
                                 << std::vector<qsizetype> {3, 2, 3, 3};
}

void tst_ConfidentLearning::roundKeepingTotal()
{
    QFETCH(std::vector<double>, values);
    QFETCH(std::vector<qsizetype>, expected);
    std::vector<qsizetype> rounded(values.size());
    ConfidentLearning::roundKeepingTotal(values, rounded);
    QCOMPARE(rounded, expected);
}

void tst_ConfidentLearning::badInputIsRefused_data()
{
    QTest::addColumn<int>("classCount");
    QTest::addColumn<std::vector<float>>("probabilities");
    QTest::addColumn<std::vector<int>>("labels");
    QTest::addColumn<QString>("error");
    QTest::newRow("one class") << 1 << std::vector<float> {1, 1} << std::vector<int> {0, 0}
                               << u"at least two classes"_s;
    QTest::newRow("size") << 2 << std::vector<float> {1, 0, 0} << std::vector<int> {0, 1}
                          << u"hold 3 values, but 2 rows of 2 classes need 4"_s;
    QTest::newRow("label") << 2 << std::vector<float> {1, 0, 0, 1} << std::vector<int> {0, 2}
                           << u"row 1: label 2 is not a class index"_s;
    QTest::newRow("nan") << 2 << std::vector<float> {1, 0, std::nanf(""), 1}
                         << std::vector<int> {0, 1} << u"row 1: the probability of class 0"_s;
}

void tst_ConfidentLearning::badInputIsRefused()
{
    QFETCH(int, classCount);
    QFETCH(std::vector<float>, probabilities);
    QFETCH(std::vector<int>, labels);
    QFETCH(QString, error);
    const auto result = ConfidentLearning::find(probabilities, classCount, labels);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(error), qPrintable(result.error));
    QVERIFY(result.suspects.empty());
}

// A million rows of ten classes, 1 % of them flipped to another class, with sharp predictions:
// every suspect is a flipped row, and most flipped rows are found. (Not all: about half of the
// rows fall below their class's mean self-confidence and are counted nowhere, so the calibrated
// count of each cell is an estimate. The speed itself is measured by bench_suspects.)
void tst_ConfidentLearning::millionRowsFindOnlyFlippedLabels()
{
    constexpr int classes = 10;
    constexpr qsizetype rows = 1'000'000;
    std::vector<float> probabilities(size_t(rows) * classes);
    std::vector<int> labels(static_cast<size_t>(rows));
    std::mt19937 random(11);
    std::uniform_int_distribution<int> pick(0, classes - 1);
    std::uniform_real_distribution<float> noise(0.0f, 1.0f);
    qsizetype flipped = 0;
    for (qsizetype r = 0; r < rows; ++r) {
        const int truth = pick(random);
        float *p = probabilities.data() + r * classes;
        float sum = 0;
        for (int k = 0; k < classes; ++k) {
            p[k] = noise(random) + (k == truth ? 8.0f : 0.0f);
            sum += p[k];
        }
        for (int k = 0; k < classes; ++k)
            p[k] /= sum;
        labels[size_t(r)] = truth;
        if (r % 100 == 0) {
            labels[size_t(r)] = (truth + 1 + pick(random) % (classes - 1)) % classes;
            ++flipped;
        }
    }
    const auto result = ConfidentLearning::find(probabilities, classes, labels);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.labelledRows, rows);
    for (const auto &suspect : result.suspects)
        QVERIFY(suspect.row % 100 == 0);
    const double recall = double(result.suspects.size()) / double(flipped);
    qInfo("%lld flipped of %lld: %zu found (recall %.3f), %.0f estimated",
          static_cast<long long>(flipped), static_cast<long long>(rows), result.suspects.size(),
          recall, result.estimatedErrorTotal);
    QVERIFY2(recall >= 0.85, qPrintable(u"recall %1"_s.arg(recall)));
    QVERIFY(std::abs(result.estimatedErrorTotal - double(flipped)) < 0.1 * double(flipped));
}

// OpenCV's digits with 5 % of the labels flipped (seeded), out-of-sample probabilities from
// 5-fold cross-validation of the committee: the first k suspects (k = the number flipped) must
// be mostly flipped labels.
void tst_ConfidentLearning::flippedDigitsComeFirst()
{
    if (!QFile::exists(DatasetLoader::defaultPath(u"digits"_s)))
        QSKIP("opencv-doc's digits.png is not installed (Debian package opencv-doc)");
    QString error;
    auto samples = DatasetLoader::load(u"digits"_s, &error);
    QVERIFY2(samples, qPrintable(error));
    const int classes = samples->classCount();
    std::mt19937 random(2021);
    std::vector<int> order(size_t(samples->size()));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), random);
    const int flipCount = samples->size() / 20;
    std::vector<quint8> flipped(size_t(samples->size()), 0);
    std::uniform_int_distribution<int> shift(1, classes - 1);
    for (int k = 0; k < flipCount; ++k) {
        const auto row = size_t(order[size_t(k)]);
        samples->labels[row] = (samples->labels[row] + shift(random)) % classes;
        flipped[row] = 1;
    }
    CrossValidatedProbabilities::Options options;
    const auto probabilities = CrossValidatedProbabilities::compute(*samples, options, &error);
    QVERIFY2(probabilities, qPrintable(error));
    const cv::Mat &matrix = probabilities->probabilities;
    for (const auto &[selection, name] :
         {std::pair {ConfidentLearning::Selection::PruneByNoiseRate, "pruning by noise rate"},
          std::pair {ConfidentLearning::Selection::LowestScorePerClass,
                     "lowest margin per class"}}) {
        const auto result = ConfidentLearning::find(
                std::span<const float>(matrix.ptr<float>(), matrix.total()), classes,
                samples->labels, ConfidentLearning::Ranking::NormalisedMargin, selection);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const auto top = std::min<size_t>(size_t(flipCount), result.suspects.size());
        int hits = 0;
        for (size_t k = 0; k < top; ++k)
            hits += flipped[size_t(result.suspects[k].row)];
        const double precision = top ? double(hits) / double(top) : 0.0;
        const double recall = double(hits) / flipCount;
        qInfo("digits, %d of %d labels flipped, %s: %zu suspects, estimated errors %.1f; top %zu: "
              "precision %.3f, recall %.3f",
              flipCount, samples->size(), name, result.suspects.size(), result.estimatedErrorTotal,
              top, precision, recall);
        // Measured: 0.896 / 0.896 by noise rate, 0.928 / 0.928 per class. A random ranking gives
        // 0.05; in-sample probabilities (the committee scoring the rows it learned) left 1
        // suspect, a recall of 0.004.
        QVERIFY2(precision >= 0.8,
                 qPrintable(u"%1: precision %2"_s.arg(QLatin1String(name)).arg(precision)));
        QVERIFY2(recall >= 0.8,
                 qPrintable(u"%1: recall %2"_s.arg(QLatin1String(name)).arg(recall)));
    }
}

QTEST_GUILESS_MAIN(tst_ConfidentLearning)
#include "tst_confidentlearning.moc"
