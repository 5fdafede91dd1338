// Model versions side by side, worked by hand (classes a = 0, b = 1, the same 10 samples):
//   m@1 (trained on v1): a 3 of 4 right, b 2 of 6 right -> 5 / 10 = 0.5
//   m@2 (trained on v3): a 4 of 4 right, b 4 of 6 right -> 8 / 10 = 0.8, gain 0.3
// Reviews per version: v1 100, v2 200, v3 300 -> m@1 cost 100, m@2 cost 200 + 300 = 500
//   -> 30 accuracy points for 500 reviews = 60 points per 1000 reviews.
#include "metrics/loopprogress.h"

#include <QTest>

using namespace Boucle;
using namespace Qt::StringLiterals;

class TestLoopProgress : public QObject
{
    Q_OBJECT

private slots:
    void sideBySide_data();
    void sideBySide();
    void reviewsAgainstGain();
    void singleModel();
};

static LoopProgress example()
{
    const QList<ModelOutcome> outcomes = {
            {u"m@1"_s, 0, true, 3},  {u"m@1"_s, 0, false, 1},     {u"m@1"_s, 1, true, 2},
            {u"m@1"_s, 1, false, 4}, {u"m@2"_s, 0, true, 4},      {u"m@2"_s, 1, true, 4},
            {u"m@2"_s, 1, false, 2}, {u"other@9"_s, 0, true, 50}, // not compared: ignored
    };
    const QList<VersionActivity> versions = {{3, 300, 20}, {1, 100, 10}, {2, 200, 30}};
    return LoopProgress::compute({u"a"_s, u"b"_s}, {{u"m@1"_s, 1}, {u"m@2"_s, 3}}, outcomes,
                                 versions);
}

void TestLoopProgress::sideBySide_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<double>("accuracy");
    QTest::addColumn<double>("classA");
    QTest::addColumn<double>("classB");
    QTest::addColumn<double>("gain"); // -1: none

    QTest::newRow("m@1") << 0 << 0.5 << 0.75 << 2.0 / 6.0 << -1.0;
    QTest::newRow("m@2") << 1 << 0.8 << 1.0 << 4.0 / 6.0 << 0.3;
}

void TestLoopProgress::sideBySide()
{
    QFETCH(int, row);
    QFETCH(double, accuracy);
    QFETCH(double, classA);
    QFETCH(double, classB);
    QFETCH(double, gain);
    const auto loop = example();
    QCOMPARE(loop.sharedSamples, qint64(10));
    QCOMPARE(loop.models.size(), 2);
    const auto &m = loop.models.at(row);
    QVERIFY(qAbs(m.accuracy.rate - accuracy) < 1e-12);
    QCOMPARE(m.perClass.size(), 2);
    QVERIFY(qAbs(m.perClass.at(0).rate - classA) < 1e-12);
    QVERIFY(qAbs(m.perClass.at(1).rate - classB) < 1e-12);
    QCOMPARE(m.gain.has_value(), gain >= 0);
    if (gain >= 0)
        QVERIFY(qAbs(*m.gain - gain) < 1e-12);
}

void TestLoopProgress::reviewsAgainstGain()
{
    const auto loop = example();
    QCOMPARE(loop.versions.size(), 3);
    QCOMPARE(loop.versions.constFirst().version, 1); // in version order
    QCOMPARE(loop.steps.size(), 2);
    QCOMPARE(loop.steps.at(0).reviewsSpent, qint64(100));
    QVERIFY(!loop.steps.at(0).gained);
    QCOMPARE(loop.steps.at(1).reviewsSpent, qint64(500));
    QVERIFY(qAbs(*loop.steps.at(1).gainPerThousandReviews - 60.0) < 1e-9);
}

void TestLoopProgress::singleModel()
{
    const auto loop = LoopProgress::compute({u"a"_s}, {{u"m@1"_s, 0}}, {}, {});
    QCOMPARE(loop.models.size(), 1);
    QVERIFY(loop.models.constFirst().accuracy.isEmpty()); // no shared reviewed sample
    QVERIFY(!loop.steps.constFirst().accuracy);
    QCOMPARE(loop.sharedSamples, qint64(0));
}

QTEST_GUILESS_MAIN(TestLoopProgress)
#include "tst_loopprogress.moc"
