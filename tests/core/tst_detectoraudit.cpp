// The detector audit against examples worked by hand.
//
// The main example: four reviewed images (boxes are [x, y, w, h]).
//   sample 1: truth  car T1 [0,0,10,10], car T2 [20,0,10,10], person T3 [0,20,10,10],
//                    cyclist T5 [40,40,5,5]
//             predicted car P1 0.90 [0,0,10,10]  IoU with T1 = 100/100 = 1
//                       car P2 0.80 [20,0,10,5]  IoU with T2 = 50/(100+50-50) = 0.5 exactly
//                       car P3 0.70 [0,0,10,10]  a duplicate of P1: T1 is taken, IoU(T2) = 0
//   sample 2: truth  car T4 [0,0,10,10]
//             predicted car P4 0.95 [5,0,10,10]  IoU with T4 = 50/(100+100-50) = 1/3
//                       person P5 0.60 [0,0,10,10] (no person here)
//   sample 3: empty (no truth, no prediction)
//   sample 4: predicted dog P6 0.50 [0,0,10,10], no truth at all (and no dog anywhere)
//
// At IoU 0.5:
//   car: ranked P4 (FP), P1 (TP), P2 (TP, IoU 0.5 reaches 0.5), P3 (FP); 3 true cars.
//        TP 2, FP 2, misses 1 (T4); mean IoU (1 + 0.5) / 2 = 0.75
//        precision 2/4 (Wilson 0.1500–0.8500), recall 2/3 (Wilson 0.2077–0.9385)
//        precision at each rank 0, 1/2, 2/3, 2/4; recall 0, 1/3, 2/3, 2/3
//        interpolated (best at this rank or later): 2/3, 2/3, 2/3, 1/2
//        recall levels j/100: j = 0 -> rank 1 -> 2/3; j = 1..33 -> rank 2 (recall 0.333) -> 2/3;
//        j = 34..66 -> rank 3 (recall 0.667) -> 2/3; j = 67..100 -> never reached -> 0
//        AP50 = 67 * (2/3) / 101 = 134/303 = 0.442244
//   person: 1 truth (sample 1), 1 prediction (sample 2): TP 0, FP 1, misses 1, AP 0
//   cyclist: 1 truth, no prediction: TP 0, FP 0, misses 1, recall 0/1, precision none, AP 0
//   dog: no truth, 1 prediction: FP 1, precision 0/1, recall none, AP none (shown "–")
//   all: TP 2, FP 4, misses 3, precision 2/6, recall 2/5, mean IoU 0.75,
//        mAP50 = (134/303 + 0 + 0) / 3 = 134/909 = 0.147415 (dog has no AP and does not count)
// At IoU 0.55 ... 0.95 only P1 (IoU 1) matches: car ranked FP, TP, FP, FP:
//        precision 0, 1/2, 1/3, 1/4 -> interpolated 1/2, 1/2, ...; recall 1/3 reached at rank 2
//        AP = 34 * (1/2) / 101 = 17/101 at each of the nine thresholds
//   car AP50:95 = (134/303 + 9 * 17/101) / 10 = 593/3030 = 0.195710
//   mAP50:95 = (593/3030 + 0 + 0) / 3 = 593/9090 = 0.065237
// At IoU 0.3 (a chosen threshold) P4 matches T4 too: car ranked TP, TP, TP, FP:
//        TP 3, FP 1, misses 0, mean IoU (1/3 + 1 + 1/2) / 3 = 11/18 = 0.611111
//        precision 1, 1, 1, 3/4 with recall 1 at rank 3 -> AP = 1
#include "metrics/boxmatching.h"
#include "metrics/detectoraudit.h"

#include <QTest>

using namespace Boucle;
using namespace Qt::StringLiterals;

namespace {

DetectionObject object(const QString &label, double score, double x, double y, double w, double h,
                       int page = 0)
{
    return {label, score, QRectF(x, y, w, h), page};
}

DetectionObject truth(const QString &label, double x, double y, double w, double h, int page = 0)
{
    return object(label, 0.0, x, y, w, h, page);
}

QList<DetectionSample> example()
{
    DetectionSample one;
    one.sampleId = 1;
    one.truth = {truth(u"car"_s, 0, 0, 10, 10), truth(u"car"_s, 20, 0, 10, 10),
                 truth(u"person"_s, 0, 20, 10, 10), truth(u"cyclist"_s, 40, 40, 5, 5)};
    one.predicted = {object(u"car"_s, 0.9, 0, 0, 10, 10), object(u"car"_s, 0.8, 20, 0, 10, 5),
                     object(u"car"_s, 0.7, 0, 0, 10, 10)};
    DetectionSample two;
    two.sampleId = 2;
    two.truth = {truth(u"car"_s, 0, 0, 10, 10)};
    two.predicted = {object(u"car"_s, 0.95, 5, 0, 10, 10), object(u"person"_s, 0.6, 0, 0, 10, 10)};
    DetectionSample three;
    three.sampleId = 3;
    DetectionSample four;
    four.sampleId = 4;
    four.predicted = {object(u"dog"_s, 0.5, 0, 0, 10, 10)};
    return {one, two, three, four};
}

const DetectorClassRow *row(const DetectorMatching &matching, const QString &label)
{
    for (const auto &r : matching.classes) {
        if (r.label == label)
            return &r;
    }
    return nullptr;
}

} // namespace

class TestDetectorAudit : public QObject
{
    Q_OBJECT

private slots:
    void intersectionOverUnion_data();
    void intersectionOverUnion();
    void handWorkedExample_data();
    void handWorkedExample();
    void overallRow();
    void samplesBehindEachCount();
    void chosenThreshold();
    void classOrder();
    void averagePrecisionOfARanking();
    void emptyInput();
    void emptyImageOnly();
    void predictionsWithoutTruth();
    void truthWithoutPredictions();
    void equalScoresFollowTheObjectsOrder();
    void equalScoresAcrossSamplesArePessimistic();
    void equalIousGoToTheFirstTruth();
    void pagesNeverMatch();
    void triggerYield();
};

void TestDetectorAudit::intersectionOverUnion_data()
{
    QTest::addColumn<QRectF>("a");
    QTest::addColumn<QRectF>("b");
    QTest::addColumn<double>("iou");

    QTest::newRow("identical") << QRectF(0, 0, 10, 10) << QRectF(0, 0, 10, 10) << 1.0;
    QTest::newRow("half inside") << QRectF(0, 0, 10, 10) << QRectF(0, 0, 10, 5) << 0.5;
    // 50 / (100 + 100 - 50)
    QTest::newRow("shifted half") << QRectF(0, 0, 10, 10) << QRectF(5, 0, 10, 10) << 1.0 / 3.0;
    // 25 / (100 + 100 - 25)
    QTest::newRow("corner") << QRectF(0, 0, 10, 10) << QRectF(5, 5, 10, 10) << 25.0 / 175.0;
    QTest::newRow("touching edges") << QRectF(0, 0, 10, 10) << QRectF(10, 0, 10, 10) << 0.0;
    QTest::newRow("disjoint") << QRectF(0, 0, 10, 10) << QRectF(30, 30, 5, 5) << 0.0;
    QTest::newRow("a point") << QRectF(5, 5, 0, 0) << QRectF(0, 0, 10, 10) << 0.0;
    QTest::newRow("two points") << QRectF(5, 5, 0, 0) << QRectF(5, 5, 0, 0) << 0.0;
    QTest::newRow("negative size") << QRectF(10, 10, -10, -10) << QRectF(0, 0, 10, 5) << 0.5;
    // sub-pixel: 0.5 * 1 / (1 + 1 - 0.5)
    QTest::newRow("sub-pixel") << QRectF(0.5, 0, 1, 1) << QRectF(1, 0, 1, 1) << 1.0 / 3.0;
}

void TestDetectorAudit::intersectionOverUnion()
{
    QFETCH(QRectF, a);
    QFETCH(QRectF, b);
    QFETCH(double, iou);
    QCOMPARE(BoxMatching::intersectionOverUnion(a, b), iou);
    QCOMPARE(BoxMatching::intersectionOverUnion(b, a), iou);
}

void TestDetectorAudit::handWorkedExample_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<qint64>("truths");
    QTest::addColumn<qint64>("predictions");
    QTest::addColumn<qint64>("tp");
    QTest::addColumn<qint64>("fp");
    QTest::addColumn<qint64>("misses");
    QTest::addColumn<double>("meanIou"); // -1: none
    QTest::addColumn<double>("ap50");    // -1: none
    QTest::addColumn<double>("ap50to95");

    QTest::newRow("car") << u"car"_s << qint64(3) << qint64(4) << qint64(2) << qint64(2)
                         << qint64(1) << 0.75 << 134.0 / 303.0 << 593.0 / 3030.0;
    QTest::newRow("person, predicted in the wrong image")
            << u"person"_s << qint64(1) << qint64(1) << qint64(0) << qint64(1) << qint64(1) << -1.0
            << 0.0 << 0.0;
    QTest::newRow("cyclist, never predicted") << u"cyclist"_s << qint64(1) << qint64(0) << qint64(0)
                                              << qint64(0) << qint64(1) << -1.0 << 0.0 << 0.0;
    QTest::newRow("dog, never true") << u"dog"_s << qint64(0) << qint64(1) << qint64(0) << qint64(1)
                                     << qint64(0) << -1.0 << -1.0 << -1.0;
}

void TestDetectorAudit::handWorkedExample()
{
    QFETCH(QString, label);
    QFETCH(qint64, truths);
    QFETCH(qint64, predictions);
    QFETCH(qint64, tp);
    QFETCH(qint64, fp);
    QFETCH(qint64, misses);
    QFETCH(double, meanIou);
    QFETCH(double, ap50);
    QFETCH(double, ap50to95);

    const auto audit = DetectorAudit::compute(example());
    QCOMPARE(audit.samples, 4);
    QCOMPARE(audit.emptySamples, 1);
    QVERIFY(!audit.hasOtherThreshold());
    const auto *r = row(audit.atHalf, label);
    QVERIFY(r);
    QCOMPARE(r->truths, truths);
    QCOMPARE(r->predictions, predictions);
    QCOMPARE(r->truePositives, tp);
    QCOMPARE(r->falsePositives, fp);
    QCOMPARE(r->misses, misses);
    QCOMPARE(r->meanIou.has_value(), meanIou >= 0);
    if (r->meanIou)
        QCOMPARE(*r->meanIou, meanIou);
    QCOMPARE(r->ap50.has_value(), ap50 >= 0);
    QCOMPARE(r->ap.has_value(), ap50 >= 0);
    QCOMPARE(r->ap50to95.has_value(), ap50to95 >= 0);
    if (r->ap50) {
        QVERIFY(qAbs(*r->ap50 - ap50) < 1e-12);
        QVERIFY(qAbs(*r->ap - ap50) < 1e-12); // the row's own threshold is 0.5
        QVERIFY(qAbs(*r->ap50to95 - ap50to95) < 1e-12);
    }
    QCOMPARE(r->precision.count, tp);
    QCOMPARE(r->precision.total, predictions);
    QCOMPARE(r->recall.count, tp);
    QCOMPARE(r->recall.total, truths);
}

void TestDetectorAudit::overallRow()
{
    const auto audit = DetectorAudit::compute(example());
    const auto &all = audit.atHalf.overall;
    QVERIFY(all.label.isEmpty());
    QCOMPARE(all.truths, 5);
    QCOMPARE(all.predictions, 6);
    QCOMPARE(all.truePositives, 2);
    QCOMPARE(all.falsePositives, 4);
    QCOMPARE(all.misses, 3);
    QCOMPARE(*all.meanIou, 0.75);
    QCOMPARE(all.precision.rate, 2.0 / 6.0);
    QVERIFY(qAbs(all.precision.low - 0.096771) < 1e-5);
    QVERIFY(qAbs(all.precision.high - 0.700007) < 1e-5);
    QCOMPARE(all.recall.rate, 2.0 / 5.0);
    QVERIFY(qAbs(all.recall.low - 0.117621) < 1e-5);
    QVERIFY(qAbs(all.recall.high - 0.769276) < 1e-5);
    QVERIFY(qAbs(*all.ap50 - 134.0 / 909.0) < 1e-12);
    QVERIFY(qAbs(*all.ap50to95 - 593.0 / 9090.0) < 1e-12);

    const auto *car = row(audit.atHalf, u"car"_s);
    QVERIFY(qAbs(car->precision.low - 0.150039) < 1e-5);
    QVERIFY(qAbs(car->precision.high - 0.849961) < 1e-5);
    QVERIFY(qAbs(car->recall.low - 0.207660) < 1e-5);
    QVERIFY(qAbs(car->recall.high - 0.938508) < 1e-5);
    // A class never predicted has no precision to show; one never true has no recall.
    QVERIFY(row(audit.atHalf, u"cyclist"_s)->precision.isEmpty());
    QVERIFY(row(audit.atHalf, u"dog"_s)->recall.isEmpty());
    QCOMPARE(row(audit.atHalf, u"dog"_s)->precision.rate, 0.0);
}

void TestDetectorAudit::samplesBehindEachCount()
{
    const auto audit = DetectorAudit::compute(example());
    const auto *car = row(audit.atHalf, u"car"_s);
    QCOMPARE(car->truePositiveSamples, QList<qint64>({1}));
    QCOMPARE(car->falsePositiveSamples, QList<qint64>({1, 2})); // P3 in 1, P4 in 2
    QCOMPARE(car->missSamples, QList<qint64>({2}));
    QCOMPARE(row(audit.atHalf, u"person"_s)->falsePositiveSamples, QList<qint64>({2}));
    QCOMPARE(row(audit.atHalf, u"person"_s)->missSamples, QList<qint64>({1}));
    QCOMPARE(audit.atHalf.overall.falsePositiveSamples, QList<qint64>({1, 2, 4}));
    QCOMPARE(audit.atHalf.overall.missSamples, QList<qint64>({1, 2}));
}

void TestDetectorAudit::chosenThreshold()
{
    const auto audit = DetectorAudit::compute(example(), 0.3);
    QVERIFY(audit.hasOtherThreshold());
    QCOMPARE(audit.chosen.iouThreshold, 0.3);
    QCOMPARE(audit.atHalf.iouThreshold, 0.5);
    const auto *car = row(audit.chosen, u"car"_s);
    QCOMPARE(car->truePositives, 3);
    QCOMPARE(car->falsePositives, 1);
    QCOMPARE(car->misses, 0);
    QVERIFY(qAbs(*car->meanIou - 11.0 / 18.0) < 1e-12);
    QCOMPARE(*car->ap, 1.0);
    // AP50 and AP50:95 do not depend on the chosen threshold.
    QVERIFY(qAbs(*car->ap50 - 134.0 / 303.0) < 1e-12);
    QVERIFY(qAbs(*car->ap50to95 - 593.0 / 3030.0) < 1e-12);
    QCOMPARE(row(audit.atHalf, u"car"_s)->truePositives, 2);

    // At 0.55 P2 (IoU exactly 0.5) no longer matches; 0.55 itself is reached despite rounding.
    const auto strict = DetectorAudit::match(example(), 0.55);
    QCOMPARE(row(strict, u"car"_s)->truePositives, 1);
    QVERIFY(qAbs(*row(strict, u"car"_s)->ap - 17.0 / 101.0) < 1e-12);
    DetectionSample exact;
    exact.truth = {truth(u"car"_s, 0, 0, 20, 10)};
    exact.predicted = {object(u"car"_s, 0.9, 0, 0, 11, 10)}; // IoU 110 / 200 = 0.55
    QCOMPARE(row(DetectorAudit::match({exact}, 0.55), u"car"_s)->truePositives, 1);
    QCOMPARE(row(DetectorAudit::match({exact}, 0.56), u"car"_s)->truePositives, 0);
}

void TestDetectorAudit::classOrder()
{
    const auto audit = DetectorAudit::compute(example(), 0.5, {u"person"_s, u"car"_s, u"truck"_s});
    QStringList labels;
    for (const auto &r : audit.atHalf.classes)
        labels.append(r.label);
    // The project's order first, then the labels it does not know, A–Z; no row for a class
    // that appears nowhere.
    QCOMPARE(labels, QStringList({u"person"_s, u"car"_s, u"cyclist"_s, u"dog"_s}));
}

void TestDetectorAudit::averagePrecisionOfARanking()
{
    // TP, FP, TP against 4 truths: precision 1, 1/2, 2/3 -> interpolated 1, 2/3, 2/3;
    // recall 1/4, 1/4, 2/4. j = 0..25 -> 1 (26 levels), j = 26..50 -> 2/3 (25 levels), rest 0.
    // AP = (26 + 25 * 2/3) / 101 = 128/303
    QVERIFY(qAbs(*DetectorAudit::averagePrecision({true, false, true}, 4) - 128.0 / 303.0) < 1e-12);
    QCOMPARE(*DetectorAudit::averagePrecision({true, true}, 2), 1.0);
    QCOMPARE(*DetectorAudit::averagePrecision({false, false}, 2), 0.0);
    QCOMPARE(*DetectorAudit::averagePrecision({}, 3), 0.0);
    QVERIFY(!DetectorAudit::averagePrecision({false}, 0));
    // One FP then one TP of one truth: 1/2 at every recall level.
    QCOMPARE(*DetectorAudit::averagePrecision({false, true}, 1), 0.5);
}

void TestDetectorAudit::emptyInput()
{
    const auto audit = DetectorAudit::compute({});
    QVERIFY(audit.isEmpty());
    QVERIFY(audit.atHalf.classes.isEmpty());
    QCOMPARE(audit.atHalf.overall.truePositives, 0);
    QVERIFY(!audit.atHalf.overall.ap50);
    QVERIFY(audit.atHalf.overall.precision.isEmpty());
    QVERIFY(audit.triggerYield.triggers.isEmpty());
}

void TestDetectorAudit::emptyImageOnly()
{
    DetectionSample empty;
    empty.sampleId = 7;
    empty.corrected = false;
    empty.triggers = {u"low_confidence"_s};
    const auto audit = DetectorAudit::compute({empty});
    QCOMPARE(audit.samples, 1);
    QCOMPARE(audit.emptySamples, 1);
    QVERIFY(audit.atHalf.classes.isEmpty());
    QVERIFY(audit.atHalf.overall.recall.isEmpty());
    QVERIFY(!audit.atHalf.overall.meanIou);
    // An empty image the reviewer left alone is a right answer.
    QCOMPARE(audit.triggerYield.triggers.size(), 1);
    QCOMPARE(audit.triggerYield.triggers.first().yield.count, 0);
    QCOMPARE(audit.triggerYield.triggers.first().yield.total, 1);
}

void TestDetectorAudit::predictionsWithoutTruth()
{
    DetectionSample sample;
    sample.sampleId = 3;
    sample.predicted = {object(u"car"_s, 0.9, 0, 0, 10, 10), object(u"car"_s, 0.4, 50, 50, 5, 5)};
    const auto audit = DetectorAudit::compute({sample});
    QCOMPARE(audit.emptySamples, 0);
    const auto *car = row(audit.atHalf, u"car"_s);
    QCOMPARE(car->falsePositives, 2);
    QCOMPARE(car->truePositives, 0);
    QCOMPARE(car->misses, 0);
    QCOMPARE(car->precision.rate, 0.0);
    QCOMPARE(car->precision.total, 2);
    QVERIFY(car->recall.isEmpty());
    QVERIFY(!car->ap);
    QVERIFY(!car->ap50);
    QVERIFY(!car->ap50to95);
    // No class with truth: no mean AP either.
    QVERIFY(!audit.atHalf.overall.ap50);
    // Without recorded decisions, an unmatched prediction makes the sample a corrected one.
    QCOMPARE(audit.correctedSamples, QList<qint64>({3}));
}

void TestDetectorAudit::truthWithoutPredictions()
{
    DetectionSample sample;
    sample.sampleId = 5;
    sample.truth = {truth(u"pedestrian"_s, 0, 0, 4, 8), truth(u"pedestrian"_s, 10, 0, 4, 8)};
    const auto audit = DetectorAudit::compute({sample});
    const auto *pedestrian = row(audit.atHalf, u"pedestrian"_s);
    QCOMPARE(pedestrian->misses, 2);
    QCOMPARE(pedestrian->recall.rate, 0.0);
    QCOMPARE(pedestrian->recall.total, 2);
    QVERIFY(pedestrian->precision.isEmpty());
    QCOMPARE(*pedestrian->ap, 0.0);
    QCOMPARE(*pedestrian->ap50to95, 0.0);
    QCOMPARE(pedestrian->missSamples, QList<qint64>({5}));
    QCOMPARE(*audit.atHalf.overall.ap50, 0.0);
}

void TestDetectorAudit::equalScoresFollowTheObjectsOrder()
{
    // Truths A [0,0,10,10] and B [10,0,10,10]. P0 [5,0,10,10] overlaps each by IoU 1/3;
    // P1 [0,0,10,10] is A exactly. Both score 0.8. At IoU 0.3, P0 comes first (given first), takes
    // A (the first of two equal IoUs), and P1 is left with B at IoU 0: one TP, one FP, one miss.
    DetectionSample sample;
    sample.truth = {truth(u"car"_s, 0, 0, 10, 10), truth(u"car"_s, 10, 0, 10, 10)};
    sample.predicted = {object(u"car"_s, 0.8, 5, 0, 10, 10), object(u"car"_s, 0.8, 0, 0, 10, 10)};
    const auto matches = BoxMatching::matchGreedy(
            {{sample.predicted.at(0).box, 0.8}, {sample.predicted.at(1).box, 0.8}},
            {sample.truth.at(0).box, sample.truth.at(1).box}, 0.3);
    QCOMPARE(matches.at(0).truth, 0);
    QVERIFY(qAbs(matches.at(0).iou - 1.0 / 3.0) < 1e-12);
    QCOMPARE(matches.at(1).truth, -1);
    const DetectorMatching matched = DetectorAudit::match({sample}, 0.3);
    const auto *car = row(matched, u"car"_s);
    QCOMPARE(car->truePositives, 1);
    QCOMPARE(car->falsePositives, 1);
    QCOMPARE(car->misses, 1);

    // Given the other way round, the exact box goes first and both match (a higher score would
    // do the same): the order of equal scores is the order the model listed its objects.
    std::swap(sample.predicted[0], sample.predicted[1]);
    QCOMPARE(row(DetectorAudit::match({sample}, 0.3), u"car"_s)->truePositives, 2);
}

void TestDetectorAudit::equalScoresAcrossSamplesArePessimistic()
{
    // Two images, one car prediction each at score 0.5; only the second image holds the car.
    // A false positive is ranked before a true one at equal scores: FP, TP -> precision 0, 1/2,
    // interpolated 1/2 at every recall level: AP = 0.5, whichever image comes first.
    DetectionSample miss;
    miss.sampleId = 1;
    miss.predicted = {object(u"car"_s, 0.5, 0, 0, 10, 10)};
    DetectionSample hit;
    hit.sampleId = 2;
    hit.predicted = {object(u"car"_s, 0.5, 0, 0, 10, 10)};
    hit.truth = {truth(u"car"_s, 0, 0, 10, 10)};
    QCOMPARE(*row(DetectorAudit::match({miss, hit}, 0.5), u"car"_s)->ap, 0.5);
    QCOMPARE(*row(DetectorAudit::match({hit, miss}, 0.5), u"car"_s)->ap, 0.5);
}

void TestDetectorAudit::equalIousGoToTheFirstTruth()
{
    // One prediction [5,0,10,10] between two truths it overlaps equally (IoU 1/3 each).
    const auto matches = BoxMatching::matchGreedy(
            {{QRectF(5, 0, 10, 10), 0.9}}, {QRectF(10, 0, 10, 10), QRectF(0, 0, 10, 10)}, 0.3);
    QCOMPARE(matches.at(0).truth, 0);
    // A better IoU wins whatever the order: [0,0,10,10] against [1,0,10,10] (IoU 90/110) and
    // [0,0,10,10] itself.
    const auto better = BoxMatching::matchGreedy({{QRectF(0, 0, 10, 10), 0.9}},
                                                 {QRectF(1, 0, 10, 10), QRectF(0, 0, 10, 10)}, 0.5);
    QCOMPARE(better.at(0).truth, 1);
    QCOMPARE(better.at(0).iou, 1.0);
}

void TestDetectorAudit::pagesNeverMatch()
{
    DetectionSample document;
    document.truth = {truth(u"total"_s, 0, 0, 10, 10, 1)};
    document.predicted = {object(u"total"_s, 0.9, 0, 0, 10, 10, 0)};
    const DetectorMatching matched = DetectorAudit::match({document}, 0.5);
    const auto *total = row(matched, u"total"_s);
    QCOMPARE(total->truePositives, 0);
    QCOMPARE(total->falsePositives, 1);
    QCOMPARE(total->misses, 1);
}

void TestDetectorAudit::triggerYield()
{
    // Reviewers' decisions say which samples they corrected; a sample whose truth carries no
    // decisions falls back on the matching (example sample 4 has a stray dog: corrected).
    auto samples = example();
    samples[0].corrected = true; // say the reviewer moved a box
    samples[0].triggers = {u"low_confidence"_s};
    samples[1].corrected = false;
    samples[1].triggers = {u"low_confidence"_s, u"margin"_s};
    samples[2].control = true; // empty, unset: nothing unmatched, so right
    samples[3].control = true; // unset: the dog is a false positive, so wrong
    const auto audit = DetectorAudit::compute(samples);
    QCOMPARE(audit.correctedSamples, QList<qint64>({1, 4}));
    QCOMPARE(audit.triggerYield.control.count, 1);
    QCOMPARE(audit.triggerYield.control.total, 2);
    QCOMPARE(audit.triggerYield.triggers.size(), 2);
    // low_confidence: 1 of 2; margin: 0 of 1 (highest yield first)
    QCOMPARE(audit.triggerYield.triggers.at(0).trigger, u"low_confidence"_s);
    QCOMPARE(audit.triggerYield.triggers.at(0).yield.count, 1);
    QCOMPARE(audit.triggerYield.triggers.at(0).yield.total, 2);
    QCOMPARE(audit.triggerYield.triggers.at(1).trigger, u"margin"_s);
    QCOMPARE(audit.triggerYield.triggers.at(1).yield.count, 0);
}

QTEST_GUILESS_MAIN(TestDetectorAudit)
#include "tst_detectoraudit.moc"
