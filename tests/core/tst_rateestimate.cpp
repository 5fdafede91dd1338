// Wilson score intervals checked against values worked by hand (p = k/n, z = 1.96):
// centre = (p + z^2/2n) / (1 + z^2/n), half = z sqrt(p(1-p)/n + z^2/4n^2) / (1 + z^2/n).
#include "metrics/rateestimate.h"

#include <QTest>

using namespace Boucle;

class TestRateEstimate : public QObject
{
    Q_OBJECT

private slots:
    void wilson_data();
    void wilson();
    void noTrials();
};

void TestRateEstimate::wilson_data()
{
    QTest::addColumn<qint64>("count");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");

    // 2/10: centre 0.39208/1.38416 = 0.28326, half 0.31362/1.38416 = 0.22658.
    QTest::newRow("2 of 10") << qint64(2) << qint64(10) << 0.2 << 0.056682 << 0.509838;
    // 0/10: the interval still has width: centre = half = 0.19208/1.38416 = 0.13877.
    QTest::newRow("none of 10") << qint64(0) << qint64(10) << 0.0 << 0.0 << 0.277533;
    QTest::newRow("all of 10") << qint64(10) << qint64(10) << 1.0 << 0.722467 << 1.0;
    // 50/100: centre 0.5, half 1.96 * 0.050951 / 1.038416 = 0.096168.
    QTest::newRow("half of 100") << qint64(50) << qint64(100) << 0.5 << 0.403832 << 0.596168;
    QTest::newRow("1 of 1") << qint64(1) << qint64(1) << 1.0 << 0.206549 << 1.0;
}

void TestRateEstimate::wilson()
{
    QFETCH(qint64, count);
    QFETCH(qint64, total);
    QFETCH(double, rate);
    QFETCH(double, low);
    QFETCH(double, high);
    const auto estimate = RateEstimate::wilson(count, total);
    QVERIFY(!estimate.isEmpty());
    QVERIFY(qAbs(estimate.rate - rate) < 1e-9);
    QVERIFY2(qAbs(estimate.low - low) < 1e-5, qPrintable(QString::number(estimate.low)));
    QVERIFY2(qAbs(estimate.high - high) < 1e-5, qPrintable(QString::number(estimate.high)));
    QVERIFY(estimate.low <= estimate.rate && estimate.rate <= estimate.high);
}

void TestRateEstimate::noTrials()
{
    const auto estimate = RateEstimate::wilson(0, 0);
    QVERIFY(estimate.isEmpty());
    QCOMPARE(estimate.rate, 0.0);
    QCOMPARE(estimate.low, 0.0);
    QCOMPARE(estimate.high, 1.0);
}

QTEST_GUILESS_MAIN(TestRateEstimate)
#include "tst_rateestimate.moc"
