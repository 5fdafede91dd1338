// Reliability bins and expected calibration error, worked by hand with 5 bins of width 0.2:
//   bin [0, 0.2):   0.10 right, 0.15 wrong      -> n 2, confidence 0.125, accuracy 0.5, gap 0.375
//   bin [0.4, 0.6): 0.50 right                  -> n 1, confidence 0.5,   accuracy 1,   gap 0.5
//   bin [0.8, 1]:   0.90 right x3, 1.00 wrong   -> n 4, confidence 0.925, accuracy 0.75, gap 0.175
//   ECE = (2 * 0.375 + 1 * 0.5 + 4 * 0.175) / 7 = 1.95 / 7 = 0.278571; MCE = 0.5
#include "metrics/calibration.h"

#include <QTest>

using namespace Boucle;

class TestCalibration : public QObject
{
    Q_OBJECT

private slots:
    void bins_data();
    void bins();
    void expectedError();
    void binEdges_data();
    void binEdges();
    void empty();
    void perfectlyCalibrated();
};

static Calibration example()
{
    return Calibration::compute(
            {{0.10, true, 1}, {0.15, false, 1}, {0.5, true, 1}, {0.9, true, 3}, {1.0, false, 1}},
            5);
}

void TestCalibration::bins_data()
{
    QTest::addColumn<int>("bin");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<double>("confidence");
    QTest::addColumn<double>("accuracy");

    QTest::newRow("[0, 0.2)") << 0 << qint64(2) << 0.125 << 0.5;
    QTest::newRow("[0.2, 0.4) empty") << 1 << qint64(0) << 0.0 << 0.0;
    QTest::newRow("[0.4, 0.6)") << 2 << qint64(1) << 0.5 << 1.0;
    QTest::newRow("[0.6, 0.8) empty") << 3 << qint64(0) << 0.0 << 0.0;
    QTest::newRow("[0.8, 1]") << 4 << qint64(4) << 0.925 << 0.75;
}

void TestCalibration::bins()
{
    QFETCH(int, bin);
    QFETCH(qint64, count);
    QFETCH(double, confidence);
    QFETCH(double, accuracy);
    const auto result = example();
    QCOMPARE(result.bins.size(), 5);
    const auto &b = result.bins.at(bin);
    QVERIFY(qAbs(b.lower - bin * 0.2) < 1e-12);
    QCOMPARE(b.count, count);
    QVERIFY(qAbs(b.meanConfidence - confidence) < 1e-12);
    QVERIFY(qAbs(b.accuracy - accuracy) < 1e-12);
}

void TestCalibration::expectedError()
{
    const auto result = example();
    QCOMPARE(result.total, qint64(7));
    QVERIFY(qAbs(result.expectedCalibrationError - 1.95 / 7.0) < 1e-12);
    QVERIFY(qAbs(result.maximumCalibrationError - 0.5) < 1e-12);
}

void TestCalibration::binEdges_data()
{
    QTest::addColumn<double>("confidence");
    QTest::addColumn<int>("bins");
    QTest::addColumn<int>("bin");
    QTest::newRow("lower edge belongs to the bin") << 0.2 << 5 << 1;
    QTest::newRow("one is in the last bin") << 1.0 << 5 << 4;
    QTest::newRow("zero") << 0.0 << 10 << 0;
    QTest::newRow("above one is clamped") << 1.7 << 10 << 9;
    QTest::newRow("negative is clamped") << -0.3 << 10 << 0;
    QTest::newRow("a single bin") << 0.42 << 1 << 0;
}

void TestCalibration::binEdges()
{
    QFETCH(double, confidence);
    QFETCH(int, bins);
    QFETCH(int, bin);
    QCOMPARE(Calibration::binOf(confidence, bins), bin);
}

void TestCalibration::empty()
{
    const auto result = Calibration::compute({}, 10);
    QCOMPARE(result.bins.size(), 10);
    QCOMPARE(result.total, qint64(0));
    QCOMPARE(result.expectedCalibrationError, 0.0);
}

void TestCalibration::perfectlyCalibrated()
{
    // 0.75 confidence, right 3 times in 4: no gap at all.
    const auto result = Calibration::compute({{0.75, true, 3}, {0.75, false, 1}}, 4);
    QVERIFY(qAbs(result.expectedCalibrationError) < 1e-12);
    QCOMPARE(result.bins.at(3).count, qint64(4));
}

QTEST_GUILESS_MAIN(TestCalibration)
#include "tst_calibration.moc"
