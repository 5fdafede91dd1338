// Reviewer speed and override rate, worked by hand (idle limit 300 s):
//   ann: 10 s (override), 20 s, 30 s, 400 s, one untimed -> 5 decisions, override 1/5 = 0.2,
//        median of 10, 20, 30, 400 = 25 s, active 10 + 20 + 30 + 300 = 360 s -> 4 / 0.1 h = 40 / h
//   bob: one decision of 60 s -> 60 / h, median 60 s, override 0
//   cat: two untimed decisions -> no speed, no median
#include "metrics/revieweractivity.h"

#include <QTest>

using namespace Boucle;
using namespace Qt::StringLiterals;

class TestReviewerActivity : public QObject
{
    Q_OBJECT

private slots:
    void perReviewer_data();
    void perReviewer();
    void weightedMedian();
    void oneReviewer();
};

void TestReviewerActivity::perReviewer_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("reviewer");
    QTest::addColumn<qint64>("decisions");
    QTest::addColumn<double>("perHour"); // -1: none
    QTest::addColumn<double>("median");  // -1: none
    QTest::addColumn<double>("overrideRate");

    QTest::newRow("ann") << 0 << u"ann"_s << qint64(5) << 40.0 << 25.0 << 0.2;
    QTest::newRow("bob") << 1 << u"bob"_s << qint64(1) << 60.0 << 60.0 << 0.0;
    QTest::newRow("cat, untimed") << 2 << u"cat"_s << qint64(2) << -1.0 << -1.0 << 0.5;
}

void TestReviewerActivity::perReviewer()
{
    QFETCH(int, row);
    QFETCH(QString, reviewer);
    QFETCH(qint64, decisions);
    QFETCH(double, perHour);
    QFETCH(double, median);
    QFETCH(double, overrideRate);

    const QList<ReviewerDecision> input = {
            {u"bob"_s, false, 60.0, 1}, {u"ann"_s, true, 10.0, 1},  {u"ann"_s, false, 400.0, 1},
            {u"ann"_s, false, 20.0, 1}, {u"cat"_s, true, -1.0, 1},  {u"ann"_s, false, 30.0, 1},
            {u"ann"_s, false, -1.0, 1}, {u"cat"_s, false, -1.0, 1},
    };
    const auto rows = ReviewerActivity::compute(input, 300.0);
    QCOMPARE(rows.size(), 3);
    const auto &r = rows.at(row);
    QCOMPARE(r.reviewer, reviewer);
    QCOMPARE(r.decisions, decisions);
    QCOMPARE(r.decisionsPerHour.has_value(), perHour >= 0);
    if (perHour >= 0)
        QVERIFY(qAbs(*r.decisionsPerHour - perHour) < 1e-9);
    QCOMPARE(r.medianSeconds.has_value(), median >= 0);
    if (median >= 0)
        QVERIFY(qAbs(*r.medianSeconds - median) < 1e-9);
    QVERIFY(qAbs(r.overrideRate.rate - overrideRate) < 1e-12);
}

void TestReviewerActivity::weightedMedian()
{
    // Grouped rows: 5 s three times and 100 s once -> 5, 5, 5, 100 -> median 5 s.
    const auto rows
            = ReviewerActivity::compute({{u"ann"_s, false, 100.0, 1}, {u"ann"_s, false, 5.0, 3}});
    QCOMPARE(*rows.constFirst().medianSeconds, 5.0);
    // Odd weight: 1 s once, 2 s once, 9 s once -> 2 s.
    const auto odd = ReviewerActivity::compute(
            {{u"b"_s, false, 9.0, 1}, {u"b"_s, false, 1.0, 1}, {u"b"_s, false, 2.0, 1}});
    QCOMPARE(*odd.constFirst().medianSeconds, 2.0);
}

void TestReviewerActivity::oneReviewer()
{
    const auto rows = ReviewerActivity::compute({{u"solo"_s, true, 12.0, 3}});
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.constFirst().decisions, qint64(3));
    QCOMPARE(rows.constFirst().overrideRate.rate, 1.0);
    QVERIFY(qAbs(*rows.constFirst().decisionsPerHour - 300.0) < 1e-9); // 3600 / 12
    QVERIFY(ReviewerActivity::compute({}).isEmpty());
}

QTEST_GUILESS_MAIN(TestReviewerActivity)
#include "tst_revieweractivity.moc"
