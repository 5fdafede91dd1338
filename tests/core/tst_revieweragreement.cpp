// Agreement beyond chance, worked by hand.
// Cohen (x and y on 10 samples, classes a = 0, b = 1):
//   both a: 4, both b: 3, x a / y b: 2, x b / y a: 1 -> observed 0.7
//   x: a 6, b 4; y: a 5, b 5 -> chance 0.6 * 0.5 + 0.4 * 0.5 = 0.5 -> kappa 0.2 / 0.5 = 0.4
// Fleiss (x, y, z on 3 samples): {a,a,a}, {a,a,b}, {b,b,b}
//   per sample (sum n^2 - n) / (n (n - 1)): 1, (4 + 1 - 3) / 6 = 1/3, 1 -> mean 7/9
//   a 5/9, b 4/9 -> chance 25/81 + 16/81 = 41/81 -> kappa (63 - 41) / (81 - 41) = 0.55
#include "metrics/revieweragreement.h"

#include <QTest>

using namespace Boucle;
using namespace Qt::StringLiterals;

class TestReviewerAgreement : public QObject
{
    Q_OBJECT

private slots:
    void cohen();
    void fleiss();
    void oneReviewer();
    void alwaysTheSameClass();
    void laterAnswerCounts();
};

void TestReviewerAgreement::cohen()
{
    QList<ReviewAnswer> answers;
    const QList<std::pair<int, int>> pairs
            = {{0, 0}, {0, 0}, {0, 0}, {0, 0}, {1, 1}, {1, 1}, {1, 1}, {0, 1}, {0, 1}, {1, 0}};
    for (int i = 0; i < pairs.size(); ++i) {
        answers.append({i, u"x"_s, pairs.at(i).first});
        answers.append({i, u"y"_s, pairs.at(i).second});
    }
    answers.append({99, u"x"_s, 0}); // seen once only: not part of the agreement
    const auto result = ReviewerAgreement::compute(answers);
    QCOMPARE(result.method, ReviewerAgreement::Method::Cohen);
    QCOMPARE(result.samples, qint64(10));
    QCOMPARE(result.reviewers, 2);
    QVERIFY(qAbs(result.observed - 0.7) < 1e-12);
    QVERIFY(result.kappa.has_value());
    QVERIFY(qAbs(*result.kappa - 0.4) < 1e-12);
    QCOMPARE(result.pairs.size(), 1);
    QCOMPARE(result.pairs.constFirst().first, u"x"_s);
}

void TestReviewerAgreement::fleiss()
{
    const QList<ReviewAnswer> answers = {
            {1, u"x"_s, 0}, {1, u"y"_s, 0}, {1, u"z"_s, 0}, {2, u"x"_s, 0}, {2, u"y"_s, 0},
            {2, u"z"_s, 1}, {3, u"x"_s, 1}, {3, u"y"_s, 1}, {3, u"z"_s, 1},
    };
    const auto result = ReviewerAgreement::compute(answers);
    QCOMPARE(result.method, ReviewerAgreement::Method::Fleiss);
    QCOMPARE(result.samples, qint64(3));
    QCOMPARE(result.reviewers, 3);
    QVERIFY(qAbs(result.observed - 7.0 / 9.0) < 1e-12);
    QVERIFY(qAbs(*result.kappa - 0.55) < 1e-12);
    QCOMPARE(result.pairs.size(), 3); // x-y, x-z, y-z each on 3 samples
    QCOMPARE(result.pairs.at(1).second, u"z"_s);
    QCOMPARE(result.pairs.at(1).samples, qint64(3));
}

void TestReviewerAgreement::oneReviewer()
{
    const auto result = ReviewerAgreement::compute({{1, u"solo"_s, 0}, {2, u"solo"_s, 1}});
    QCOMPARE(result.method, ReviewerAgreement::Method::None);
    QCOMPARE(result.samples, qint64(0));
    QVERIFY(!result.kappa);
    QVERIFY(result.pairs.isEmpty());
}

void TestReviewerAgreement::alwaysTheSameClass()
{
    // Perfect agreement, but chance agreement is 1 too: kappa is undefined, not 1 or NaN.
    const auto result = ReviewerAgreement::compute(
            {{1, u"x"_s, 2}, {1, u"y"_s, 2}, {2, u"x"_s, 2}, {2, u"y"_s, 2}});
    QCOMPARE(result.observed, 1.0);
    QVERIFY(!result.kappa);
}

void TestReviewerAgreement::laterAnswerCounts()
{
    // x changed their mind on sample 1 (0, then 1): the later answer agrees with y.
    const auto result = ReviewerAgreement::compute(
            {{1, u"x"_s, 0}, {1, u"y"_s, 1}, {1, u"x"_s, 1}, {2, u"x"_s, 0}, {2, u"y"_s, 0}});
    QCOMPARE(result.samples, qint64(2));
    QCOMPARE(result.observed, 1.0);
    QVERIFY(qAbs(*result.kappa - 1.0) < 1e-12);
}

QTEST_GUILESS_MAIN(TestReviewerAgreement)
#include "tst_revieweragreement.moc"
