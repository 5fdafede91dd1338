// Trigger yield beside the control error rate, worked by hand:
//   control: 1 wrong of 10 reviewed -> 0.1, Wilson [0.0179, 0.4042]
//   low_confidence: 16 of 20 -> 0.8, lift 8, Wilson [0.5840, 0.9193] wholly above the control's
//   margin: two tallies 2 of 5 and 1 of 5 -> 3 of 10 = 0.3, lift 3 (intervals overlap)
//   entropy: 1 of 10 -> 0.1, lift 1: no better than random draws
#include "metrics/triggeryield.h"

#include <QTest>

using namespace Boucle;
using namespace Qt::StringLiterals;

class TestTriggerYield : public QObject
{
    Q_OBJECT

private slots:
    void beside_control_data();
    void beside_control();
    void noControlSamples();
    void nothingReviewed();

private:
    static TriggerYield example();
};

TriggerYield TestTriggerYield::example()
{
    const QList<TriggerTally> tallies = {
            {u"entropy"_s, 10, 1}, {u"margin"_s, 5, 2},    {u"low_confidence"_s, 20, 16},
            {u"margin"_s, 5, 1},   {u"committee"_s, 0, 0}, // fired on nothing reviewed: no row
    };
    return TriggerYield::compute(tallies, {QString(), 10, 1});
}

void TestTriggerYield::beside_control_data()
{
    QTest::addColumn<int>("rank");
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<qint64>("reviewed");
    QTest::addColumn<double>("yield");
    QTest::addColumn<double>("lift");
    QTest::addColumn<bool>("aboveControl");

    QTest::newRow("low confidence") << 0 << u"low_confidence"_s << qint64(20) << 0.8 << 8.0 << true;
    QTest::newRow("margin, merged") << 1 << u"margin"_s << qint64(10) << 0.3 << 3.0 << false;
    QTest::newRow("entropy") << 2 << u"entropy"_s << qint64(10) << 0.1 << 1.0 << false;
}

void TestTriggerYield::beside_control()
{
    QFETCH(int, rank);
    QFETCH(QString, trigger);
    QFETCH(qint64, reviewed);
    QFETCH(double, yield);
    QFETCH(double, lift);
    QFETCH(bool, aboveControl);

    const auto result = example();
    QVERIFY(result.hasControl());
    QVERIFY(qAbs(result.control.rate - 0.1) < 1e-12);
    QVERIFY(qAbs(result.control.high - 0.404150) < 1e-5);
    QCOMPARE(result.triggers.size(), 3);
    const auto &row = result.triggers.at(rank);
    QCOMPARE(row.trigger, trigger);
    QCOMPARE(row.yield.total, reviewed);
    QVERIFY(qAbs(row.yield.rate - yield) < 1e-12);
    QVERIFY(row.lift.has_value());
    QVERIFY(qAbs(*row.lift - lift) < 1e-9);
    QCOMPARE(row.aboveControl, aboveControl);
}

void TestTriggerYield::noControlSamples()
{
    const auto result = TriggerYield::compute({{u"entropy"_s, 4, 1}}, {});
    QVERIFY(!result.hasControl());
    QCOMPARE(result.triggers.size(), 1);
    QVERIFY(qAbs(result.triggers.constFirst().yield.rate - 0.25) < 1e-12);
    QVERIFY(!result.triggers.constFirst().lift); // nothing to compare with
    QVERIFY(!result.triggers.constFirst().aboveControl);

    // Control samples all right: the lift is undefined (division by a zero rate), not infinite.
    const auto clean = TriggerYield::compute({{u"entropy"_s, 4, 1}}, {QString(), 5, 0});
    QVERIFY(clean.hasControl());
    QVERIFY(!clean.triggers.constFirst().lift);
}

void TestTriggerYield::nothingReviewed()
{
    const auto result = TriggerYield::compute({}, {});
    QVERIFY(result.triggers.isEmpty());
    QVERIFY(!result.hasControl());
}

QTEST_GUILESS_MAIN(TestTriggerYield)
#include "tst_triggeryield.moc"
