// The confusion matrix and per-class errors on a worked example:
//   reviewed cat: 5 predicted cat, 2 predicted dog, 1 with no prediction  -> 8 cats
//   reviewed dog: 3 predicted dog, 1 predicted cat                        -> 4 dogs
//   bird: never reviewed, never predicted (an empty class)
// total 12, correct 8.
// cat: error 3/8 = 0.375, predicted cat 5+1 = 6 -> precision 5/6, recall 5/8, confused with dog (2)
// dog: error 1/4 = 0.25, predicted dog 2+3 = 5 -> precision 3/5, recall 3/4, confused with cat (1)
#include "metrics/confusionmatrix.h"

#include <QTest>

using namespace Boucle;
using namespace Qt::StringLiterals;

class TestConfusionMatrix : public QObject
{
    Q_OBJECT

private slots:
    void cells();
    void perClass_data();
    void perClass();
    void singleClass();
    void empty();

private:
    static ConfusionMatrix example();
};

ConfusionMatrix TestConfusionMatrix::example()
{
    const QStringList classes
            = {QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("bird")};
    // Grouped and single rows mixed, as the store and a hand list would give them.
    const QList<ClassOutcome> outcomes = {
            {0, 0, 4}, {0, 0, 1}, {1, 0, 2},  {-1, 0, 1},
            {1, 1, 3}, {0, 1, 1}, {0, -1, 5}, // no reviewed label: not part of the matrix
    };
    return ConfusionMatrix(classes, outcomes);
}

void TestConfusionMatrix::cells()
{
    const auto matrix = example();
    QCOMPARE(matrix.classCount(), 3);
    QCOMPARE(matrix.total(), qint64(12));
    QCOMPARE(matrix.correct(), qint64(8));
    QCOMPARE(matrix.cell(0, 0), qint64(5));
    QCOMPARE(matrix.cell(0, 1), qint64(2));
    QCOMPARE(matrix.cell(1, 0), qint64(1));
    QCOMPARE(matrix.cell(1, 1), qint64(3));
    QCOMPARE(matrix.cell(2, 2), qint64(0));
    QCOMPARE(matrix.unpredicted(0), qint64(1));
    QCOMPARE(matrix.largestCell(), qint64(5));
    QVERIFY(qAbs(matrix.accuracy().rate - 8.0 / 12.0) < 1e-12);
}

void TestConfusionMatrix::perClass_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("reviewed");
    QTest::addColumn<qint64>("predicted");
    QTest::addColumn<double>("errorRate"); // -1: no reviewed sample
    QTest::addColumn<double>("precision"); // -1: none
    QTest::addColumn<double>("recall");    // -1: none
    QTest::addColumn<QString>("topConfusion");

    QTest::newRow("cat") << 0 << u"cat"_s << qint64(8) << qint64(6) << 0.375 << 5.0 / 6.0 << 0.625
                         << u"dog"_s;
    QTest::newRow("dog") << 1 << u"dog"_s << qint64(4) << qint64(5) << 0.25 << 0.6 << 0.75
                         << u"cat"_s;
    QTest::newRow("empty class") << 2 << u"bird"_s << qint64(0) << qint64(0) << -1.0 << -1.0 << -1.0
                                 << QString();
}

void TestConfusionMatrix::perClass()
{
    QFETCH(int, index);
    QFETCH(QString, name);
    QFETCH(qint64, reviewed);
    QFETCH(qint64, predicted);
    QFETCH(double, errorRate);
    QFETCH(double, precision);
    QFETCH(double, recall);
    QFETCH(QString, topConfusion);

    const auto rows = example().perClass();
    QCOMPARE(rows.size(), 3);
    const auto &row = rows.at(index);
    QCOMPARE(row.name, name);
    QCOMPARE(row.reviewed, reviewed);
    QCOMPARE(row.predicted, predicted);
    if (errorRate < 0) {
        QVERIFY(row.errorRate.isEmpty());
    } else {
        QVERIFY(qAbs(row.errorRate.rate - errorRate) < 1e-12);
        QVERIFY(row.errorRate.low < errorRate && errorRate < row.errorRate.high);
    }
    QCOMPARE(row.precision.has_value(), precision >= 0);
    if (precision >= 0)
        QVERIFY(qAbs(*row.precision - precision) < 1e-12);
    QCOMPARE(row.recall.has_value(), recall >= 0);
    if (recall >= 0)
        QVERIFY(qAbs(*row.recall - recall) < 1e-12);
    if (topConfusion.isEmpty()) {
        QVERIFY(row.topConfusions.isEmpty());
    } else {
        QCOMPARE(row.topConfusions.size(), 1);
        QCOMPARE(row.topConfusions.constFirst().predictedName, topConfusion);
    }
}

void TestConfusionMatrix::singleClass()
{
    // One class, four samples, all right: error 0 with a Wilson upper bound above 0.
    const ConfusionMatrix matrix({u"x"_s}, {{0, 0, 4}});
    const auto rows = matrix.perClass();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.constFirst().reviewed, qint64(4));
    QCOMPARE(rows.constFirst().errorRate.rate, 0.0);
    QVERIFY(rows.constFirst().errorRate.high > 0.4); // 0 of 4: upper bound 0.4899
    QCOMPARE(*rows.constFirst().precision, 1.0);
    QCOMPARE(*rows.constFirst().recall, 1.0);
}

void TestConfusionMatrix::empty()
{
    const ConfusionMatrix matrix({u"a"_s, u"b"_s}, {});
    QCOMPARE(matrix.total(), qint64(0));
    QVERIFY(matrix.accuracy().isEmpty());
    for (const auto &row : matrix.perClass()) {
        QCOMPARE(row.reviewed, qint64(0));
        QVERIFY(!row.precision && !row.recall);
    }
    QCOMPARE(ConfusionMatrix().perClass().size(), 0);
}

QTEST_GUILESS_MAIN(TestConfusionMatrix)
#include "tst_confusionmatrix.moc"
