// The pace says nothing before five decisions, counts intervals between decisions (not from the
// opening of the project), follows undo and redo, and estimates the time left from the items
// still pending.
#include "review/reviewpace.h"

#include <QTest>

using namespace Boucle;

class TestReviewPace : public QObject
{
    Q_OBJECT

private slots:
    void silentBeforeFiveDecisions();
    void paceFromIntervals();
    void undoTakesADecisionBack();
    void aBurstIsNotAPace();
};

void TestReviewPace::silentBeforeFiveDecisions()
{
    qint64 clock = 0;
    ReviewPace pace([&clock] { return clock; });
    QVERIFY(!pace.estimate(100));
    for (int i = 0; i < 4; ++i) {
        clock += 3000;
        pace.recordDecisions();
        QVERIFY2(!pace.estimate(100), "no pace before five decisions");
    }
    clock += 3000;
    pace.recordDecisions();
    QVERIFY(pace.estimate(100));
}

void TestReviewPace::paceFromIntervals()
{
    // Opened at 0, first decision at 60 s (reading time), then one every 4 s: 900/hour.
    qint64 clock = 60000;
    ReviewPace pace([&clock] { return clock; });
    pace.recordDecisions();
    for (int i = 0; i < 9; ++i) {
        clock += 4000;
        pace.recordDecisions();
    }
    const auto estimate = pace.estimate(450);
    QVERIFY(estimate);
    QCOMPARE(estimate->decisionsPerHour, 900.0);
    QCOMPARE(estimate->minutesLeft, 30); // 450 items at 900/hour
}

void TestReviewPace::undoTakesADecisionBack()
{
    qint64 clock = 0;
    ReviewPace pace([&clock] { return clock; });
    for (int i = 0; i < 5; ++i) {
        pace.recordDecisions();
        clock += 2000;
    }
    QVERIFY(pace.estimate(10));
    pace.recordUndo();
    QCOMPARE(pace.decisions(), 4);
    QVERIFY(!pace.estimate(10));
    pace.recordRedo();
    QCOMPARE(pace.decisions(), 5);
    QVERIFY(pace.estimate(10));
}

void TestReviewPace::aBurstIsNotAPace()
{
    // A bulk approval of 50 items in no time: at most 49 intervals credited over one second.
    qint64 clock = 0;
    ReviewPace pace([&clock] { return clock; });
    pace.recordDecisions(50);
    const auto estimate = pace.estimate(0);
    QVERIFY(estimate);
    QCOMPARE(estimate->decisionsPerHour, 49.0 * 3600.0);
    QCOMPARE(estimate->minutesLeft, 0);
}

QTEST_GUILESS_MAIN(TestReviewPace)
#include "tst_reviewpace.moc"
