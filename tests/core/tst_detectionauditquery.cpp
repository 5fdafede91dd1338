// The detector audit read from a small real project whose label revisions hold per-object
// decisions, written straight through ProjectStore. Boxes are [x, y, w, h].
//
// Model det@1, batch "week 1" (s1..s5) and "week 2" (s6):
//   s1 (low_confidence) predicted car 0.9 [0,0,10,10], car 0.6 [20,0,10,10],
//                       person 0.8 [40,0,10,20]
//      entries: object 0 approve; object 1 override to [20,0,10,5] (IoU 50/100 = 0.5);
//               object 2 remove; added cyclist [60,0,5,10]        (item still pending)
//   s2 (low_confidence) predicted car 0.7 polygon of [0,0,10,10]
//      entries: object 0 relabel to person (same outline)          -> car FP, person miss
//   s3 predicted car 0.5 [0,0,10,10], no entry: undecided, left out
//   s4 (control) predicted car 0.95 [1,0,10,10]; truth imported from outside (no decisions):
//      car [0,0,10,10] (IoU 90/110 = 9/11), person [50,50,10,10]; the item is approved
//   s5 a prediction without objects, approved: not a detection sample
//   s6 (entropy, week 2) a prediction without objects; a reviewer drew a missed cyclist
//      [0,0,8,8] (item still pending)
//
// At IoU 0.5, samples s1, s2, s4, s6:
//   car: 3 true (s1 x2, s4), 4 predicted; TP 3 (IoU 1, 0.5, 9/11), FP 1 (s2), misses 0
//        mean IoU (1 + 0.5 + 9/11) / 3 = 0.772727
//        ranked s4 0.95 TP, s1 0.9 TP, s2 0.7 FP, s1 0.6 TP: precision 1, 1, 2/3, 3/4,
//        recall 1/3, 2/3, 2/3, 1 -> interpolated 1, 1, 3/4, 3/4
//        AP50 = (67 * 1 + 34 * 3/4) / 101 = 92.5 / 101 = 0.915842
//   person: 2 true (s2, s4), 1 predicted (s1, removed): TP 0, FP 1, misses 2, AP 0
//   cyclist: 2 true (s1, s6), never predicted: misses 2, AP 0
//   all: 7 true, 5 predicted, TP 3, FP 2, misses 4
//   corrected: s1, s2, s6 by their decisions; s4 (imported) because its person is missed
#include "metrics/auditreport.h"
#include "report/audittables.h"
#include "report/detectionauditquery.h"
#include "report/reviewanalyticsquery.h"
#include "store/projectstore.h"
#include "temporaryproject.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Boucle;
using namespace Qt::StringLiterals;

namespace {

QJsonArray box(double x, double y, double w, double h)
{
    return QJsonArray {x, y, w, h};
}

PredictedObject predictedBox(const QString &label, double score, double x, double y, double w,
                             double h)
{
    PredictedObject object;
    object.shape = PredictedObject::Shape::Box;
    object.label = label;
    object.score = score;
    object.box = QRectF(x, y, w, h);
    return object;
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

class TestDetectionAuditQuery : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void perClassNumbers();
    void samplesAndDecisions();
    void auditTablesShowTheDetector();
    void filters();
    void laterDecisionsAreRead();
    void classificationProjectHasNoDetector();
    void entriesReadOnTheirOwn();

private:
    bool revise(int sample, const QJsonArray &objects, const QString &author = u"ann"_s);

    std::unique_ptr<Testing::TemporaryProject> m_project;
    QList<SampleId> m_samples;
    QList<BatchItemRecord> m_items;
};

bool TestDetectionAuditQuery::revise(int sample, const QJsonArray &objects, const QString &author)
{
    LabelRevision revision;
    revision.sampleId = m_samples.at(sample);
    revision.objects = objects;
    revision.author = author;
    revision.reason = u"objects reviewed"_s;
    const auto error = m_project->store().addLabelRevision(revision);
    if (error)
        qWarning() << error.message;
    return !error;
}

void TestDetectionAuditQuery::init()
{
    m_project = std::make_unique<Testing::TemporaryProject>();
    QVERIFY(m_project->isValid());
    auto &store = m_project->store();
    m_samples.clear();
    m_items.clear();
    QVERIFY(!store.ensureClasses({u"car"_s, u"person"_s, u"cyclist"_s}));
    ModelRecord model {0, u"det"_s, u"1"_s, QDateTime::currentDateTimeUtc(), 0, {}};
    QVERIFY(!store.addModel(model));

    PredictedObject outline;
    outline.shape = PredictedObject::Shape::Polygon;
    outline.label = u"car"_s;
    outline.score = 0.7;
    outline.polygon = QPolygonF({{0, 0}, {10, 0}, {10, 10}, {0, 10}});
    const QList<QList<PredictedObject>> objects = {{predictedBox(u"car"_s, 0.9, 0, 0, 10, 10),
                                                    predictedBox(u"car"_s, 0.6, 20, 0, 10, 10),
                                                    predictedBox(u"person"_s, 0.8, 40, 0, 10, 20)},
                                                   {outline},
                                                   {predictedBox(u"car"_s, 0.5, 0, 0, 10, 10)},
                                                   {predictedBox(u"car"_s, 0.95, 1, 0, 10, 10)},
                                                   {},
                                                   {}};
    const QList<QStringList> reasons
            = {{u"low_confidence"_s}, {u"low_confidence"_s}, {u"margin"_s},
               {u"control"_s},        {u"margin"_s},         {u"entropy"_s}};
    QList<BatchItemRecord> week1;
    QList<BatchItemRecord> week2;
    for (int i = 0; i < objects.size(); ++i) {
        SampleRecord sample;
        sample.path = u"s%1.png"_s.arg(i + 1);
        sample.kind = u"image"_s;
        QVERIFY(!store.addSample(sample));
        m_samples.append(sample.id);
        PredictionRecord prediction;
        prediction.sampleId = sample.id;
        prediction.modelId = model.id;
        prediction.label = u"car"_s;
        prediction.confidence = 0.5;
        prediction.objects = objects.at(i);
        QVERIFY(!store.addPrediction(prediction));
        BatchItemRecord item;
        item.sampleId = sample.id;
        item.predictionId = prediction.id;
        item.control = reasons.at(i).contains(u"control"_s);
        for (const auto &trigger : reasons.at(i))
            item.reasons.append({trigger, 0.5, u"because"_s});
        (i < 5 ? week1 : week2).append(item);
    }
    BatchRecord first;
    first.name = u"week 1"_s;
    QVERIFY(!store.addBatch(first, week1));
    BatchRecord second;
    second.name = u"week 2"_s;
    QVERIFY(!store.addBatch(second, week2));
    m_items = week1 + week2;

    QVERIFY(revise(0, {QJsonObject {{u"object"_s, 0},
                                    {u"decision"_s, u"approve"_s},
                                    {u"label"_s, u"car"_s},
                                    {u"score"_s, 0.9},
                                    {u"bbox"_s, box(0, 0, 10, 10)}},
                       QJsonObject {{u"object"_s, 1},
                                    {u"decision"_s, u"override"_s},
                                    {u"label"_s, u"car"_s},
                                    {u"score"_s, 0.6},
                                    {u"bbox"_s, box(20, 0, 10, 5)},
                                    {u"predicted_bbox"_s, box(20, 0, 10, 10)}},
                       QJsonObject {{u"object"_s, 2},
                                    {u"decision"_s, u"remove"_s},
                                    {u"label"_s, u"person"_s},
                                    {u"score"_s, 0.8},
                                    {u"bbox"_s, box(40, 0, 10, 20)}},
                       QJsonObject {{u"added"_s, 1},
                                    {u"decision"_s, u"add"_s},
                                    {u"label"_s, u"cyclist"_s},
                                    {u"bbox"_s, box(60, 0, 5, 10)}}}));
    QVERIFY(revise(1, {QJsonObject {{u"object"_s, 0},
                                    {u"decision"_s, u"relabel"_s},
                                    {u"label"_s, u"person"_s},
                                    {u"predicted_label"_s, u"car"_s},
                                    {u"polygon"_s,
                                     QJsonArray {QJsonArray {0, 0}, QJsonArray {10, 0},
                                                 QJsonArray {10, 10}, QJsonArray {0, 10}}}}}));
    QVERIFY(revise(3,
                   {QJsonObject {{u"label"_s, u"car"_s}, {u"bbox"_s, box(0, 0, 10, 10)}},
                    QJsonObject {{u"label"_s, u"person"_s}, {u"bbox"_s, box(50, 50, 10, 10)}}},
                   u"importer"_s));
    QVERIFY(!store.setBatchItemStatus(m_items.at(3).id, ReviewStatus::Approved));
    QVERIFY(!store.setBatchItemStatus(m_items.at(4).id, ReviewStatus::Approved));
    QVERIFY(revise(5, {QJsonObject {{u"added"_s, 1},
                                    {u"decision"_s, u"add"_s},
                                    {u"label"_s, u"cyclist"_s},
                                    {u"bbox"_s, box(0, 0, 8, 8)}}}));
}

void TestDetectionAuditQuery::cleanup()
{
    m_project.reset();
}

void TestDetectionAuditQuery::perClassNumbers()
{
    DetectionAuditQuery query(m_project->store());
    QList<DetectionSample> samples;
    qint64 undecided = -1;
    QVERIFY(!query.load({}, samples, &undecided));
    QCOMPARE(samples.size(), 4);
    QCOMPARE(undecided, 1); // s3

    const auto audit = DetectorAudit::compute(samples, 0.5, m_project->store().classNames());
    QStringList labels;
    for (const auto &r : audit.atHalf.classes)
        labels.append(r.label);
    QCOMPARE(labels, QStringList({u"car"_s, u"person"_s, u"cyclist"_s}));

    const auto *car = row(audit.atHalf, u"car"_s);
    QCOMPARE(car->truths, 3);
    QCOMPARE(car->predictions, 4);
    QCOMPARE(car->truePositives, 3);
    QCOMPARE(car->falsePositives, 1);
    QCOMPARE(car->misses, 0);
    QVERIFY(qAbs(*car->meanIou - (1.0 + 0.5 + 9.0 / 11.0) / 3.0) < 1e-12);
    QVERIFY(qAbs(*car->ap50 - 92.5 / 101.0) < 1e-12);
    QCOMPARE(car->falsePositiveSamples, QList<qint64>({m_samples.at(1)}));

    const auto *person = row(audit.atHalf, u"person"_s);
    QCOMPARE(person->truths, 2);
    QCOMPARE(person->predictions, 1);
    QCOMPARE(person->falsePositives, 1);
    QCOMPARE(person->misses, 2);
    QCOMPARE(*person->ap50, 0.0);
    QCOMPARE(person->missSamples, QList<qint64>({m_samples.at(1), m_samples.at(3)}));
    QCOMPARE(person->falsePositiveSamples, QList<qint64>({m_samples.at(0)}));

    const auto *cyclist = row(audit.atHalf, u"cyclist"_s);
    QCOMPARE(cyclist->truths, 2);
    QCOMPARE(cyclist->predictions, 0);
    QCOMPARE(cyclist->misses, 2);
    QVERIFY(cyclist->precision.isEmpty());
    QCOMPARE(*cyclist->ap50, 0.0);

    const auto &all = audit.atHalf.overall;
    QCOMPARE(all.truths, 7);
    QCOMPARE(all.predictions, 5);
    QCOMPARE(all.truePositives, 3);
    QCOMPARE(all.falsePositives, 2);
    QCOMPARE(all.misses, 4);
}

void TestDetectionAuditQuery::samplesAndDecisions()
{
    DetectionAuditQuery query(m_project->store());
    QList<DetectionSample> samples;
    QVERIFY(!query.load({}, samples));
    QList<qint64> ids;
    for (const auto &s : samples)
        ids.append(s.sampleId);
    QCOMPARE(ids,
             QList<qint64>({m_samples.at(0), m_samples.at(1), m_samples.at(3), m_samples.at(5)}));
    // The removed person stays a prediction but is no truth; the polygon is its extent.
    QCOMPARE(samples.at(0).predicted.size(), 3);
    QCOMPARE(samples.at(0).truth.size(), 3);
    QCOMPARE(samples.at(0).truth.at(1).box, QRectF(20, 0, 10, 5));
    QCOMPARE(samples.at(1).predicted.at(0).box, QRectF(0, 0, 10, 10));
    QCOMPARE(samples.at(1).truth.at(0).label, u"person"_s);
    QCOMPARE(samples.at(1).truth.at(0).box, QRectF(0, 0, 10, 10));
    QCOMPARE(samples.at(0).corrected, std::optional<bool>(true));
    QCOMPARE(samples.at(1).corrected, std::optional<bool>(true));
    QVERIFY(!samples.at(2).corrected); // imported: no decisions to tell
    QVERIFY(samples.at(2).control);
    QCOMPARE(samples.at(3).predicted.size(), 0);
    QCOMPARE(samples.at(3).triggers, QStringList({u"entropy"_s}));

    const auto audit = DetectorAudit::compute(samples);
    QCOMPARE(audit.correctedSamples, ids);
    QCOMPARE(audit.triggerYield.control.count, 1);
    QCOMPARE(audit.triggerYield.control.total, 1);
    QCOMPARE(audit.triggerYield.triggers.size(), 2);
    for (const auto &t : audit.triggerYield.triggers)
        QCOMPARE(t.yield.rate, 1.0); // low_confidence 2 of 2, entropy 1 of 1
}

void TestDetectionAuditQuery::auditTablesShowTheDetector()
{
    ReviewAnalyticsQuery query(m_project->store());
    AuditInputs inputs;
    QVERIFY(!query.load({}, inputs));
    QCOMPARE(inputs.detections.size(), 4);
    QCOMPARE(inputs.undecidedDetections, 1);
    AuditOptions options;
    options.iouThreshold = 0.75;
    const auto report = AuditReport::compute(inputs, options);
    QCOMPARE(report.detector.samples, 4);
    // At 0.75 the overridden car (IoU 0.5) no longer matches: TP 2, FP 2, misses 1.
    const auto *car = row(report.detector.chosen, u"car"_s);
    QCOMPARE(car->truePositives, 2);
    QCOMPARE(car->falsePositives, 2);
    QCOMPARE(car->misses, 1);

    const auto tables = AuditTables::build(report);
    QStringList ids;
    for (const auto &t : tables)
        ids.append(t.id);
    QVERIFY(ids.contains(u"detector_summary"_s));
    QVERIFY(ids.contains(u"detector_iou50"_s));
    QVERIFY(ids.contains(u"detector_chosen_iou"_s));
    QVERIFY(ids.contains(u"detector_trigger_yield"_s));
    const auto &half = tables.at(ids.indexOf(u"detector_iou50"_s));
    QCOMPARE(half.rows.size(), 4); // three classes and all of them
    QCOMPARE(half.displayText(0, 0), u"car"_s);
    QCOMPARE(half.displayText(0, 3), u"3"_s);      // true positives
    QCOMPARE(half.displayText(0, 12), u"0.773"_s); // mean IoU
    QCOMPARE(half.displayText(0, 13), u"0.916"_s); // AP50
    QCOMPARE(half.displayText(3, 5), u"4"_s);      // misses over all classes
    const auto csv = half.toCsv();
    QVERIFY(csv.contains(u"car,3,4,3,1,0,0.75,"_s));
}

void TestDetectionAuditQuery::filters()
{
    DetectionAuditQuery query(m_project->store());
    QList<DetectionSample> samples;
    AnalyticsFilter filter;
    filter.batch = u"week 2"_s;
    QVERIFY(!query.load(filter, samples));
    QCOMPARE(samples.size(), 1);
    QCOMPARE(samples.first().sampleId, m_samples.at(5));

    filter = {};
    filter.reviewer = u"importer"_s;
    QVERIFY(!query.load(filter, samples));
    QCOMPARE(samples.size(), 1);
    QCOMPARE(samples.first().sampleId, m_samples.at(3));

    filter = {};
    filter.model = u"det@1"_s;
    QVERIFY(!query.load(filter, samples));
    QCOMPARE(samples.size(), 4);

    filter = {};
    filter.batch = u"week 9"_s;
    const auto error = query.load(filter, samples);
    QVERIFY(error);
    QVERIFY(error.message.contains(u"week 9"_s));
    filter = {};
    filter.model = u"det@7"_s;
    QVERIFY(query.load(filter, samples).message.contains(u"det@7"_s));
}

void TestDetectionAuditQuery::laterDecisionsAreRead()
{
    DetectionAuditQuery query(m_project->store());
    QList<DetectionSample> samples;
    qint64 undecided = 0;
    QVERIFY(!query.load({}, samples, &undecided));
    QCOMPARE(samples.size(), 4);
    // s3's car approved afterwards: the same query now counts it.
    QVERIFY(revise(2, {QJsonObject {{u"object"_s, 0},
                                    {u"decision"_s, u"approve"_s},
                                    {u"label"_s, u"car"_s},
                                    {u"bbox"_s, box(0, 0, 10, 10)}}}));
    QVERIFY(!query.load({}, samples, &undecided));
    QCOMPARE(samples.size(), 5);
    QCOMPARE(undecided, 0);
    QCOMPARE(samples.at(2).corrected, std::optional<bool>(false));
    // A reviewer draws a missed car on s5, which the model had left empty: it joins.
    QVERIFY(revise(4, {QJsonObject {{u"added"_s, 1},
                                    {u"decision"_s, u"add"_s},
                                    {u"label"_s, u"car"_s},
                                    {u"bbox"_s, box(5, 5, 4, 4)}}}));
    QVERIFY(!query.load({}, samples, &undecided));
    QCOMPARE(samples.size(), 6);
    QCOMPARE(undecided, 0);
    QCOMPARE(samples.at(4).sampleId, m_samples.at(4));
    QCOMPARE(samples.at(4).truth.size(), 1);
    // s6 comes up again in a new batch, flagged by another trigger: the latest item is audited.
    const auto s6 = m_project->store().batchItem(m_items.at(5).id);
    QVERIFY(s6);
    QList<BatchItemRecord> again = {{0,
                                     0,
                                     0,
                                     s6->sampleId,
                                     s6->predictionId,
                                     0.0,
                                     false,
                                     ReviewStatus::Pending,
                                     {{u"outlier"_s, 0.9, u"far"_s}}}};
    BatchRecord third;
    third.name = u"week 3"_s;
    QVERIFY(!m_project->store().addBatch(third, again));
    QVERIFY(!query.load({}, samples, &undecided));
    QCOMPARE(samples.size(), 6);
    QCOMPARE(samples.at(5).sampleId, m_samples.at(5));
    QCOMPARE(samples.at(5).triggers, QStringList({u"outlier"_s}));
    AnalyticsFilter filter;
    filter.batch = u"week 3"_s;
    QVERIFY(!query.load(filter, samples));
    QCOMPARE(samples.size(), 1);
    // The missed car on s5 deleted again: s5 is no detection sample any more, and it is not
    // counted as waiting for decisions either.
    QVERIFY(revise(4, {}));
    QVERIFY(!query.load({}, samples, &undecided));
    QCOMPARE(samples.size(), 5);
    QCOMPARE(undecided, 0);
    QVERIFY(revise(4, {QJsonObject {{u"added"_s, 1},
                                    {u"decision"_s, u"add"_s},
                                    {u"label"_s, u"car"_s},
                                    {u"bbox"_s, box(5, 5, 4, 4)}}}));
    // A fresh query reads the same from scratch.
    DetectionAuditQuery fresh(m_project->store());
    QVERIFY(!fresh.load({}, samples));
    QCOMPARE(samples.size(), 6);
    QCOMPARE(samples.at(5).triggers, QStringList({u"outlier"_s}));
}

void TestDetectionAuditQuery::classificationProjectHasNoDetector()
{
    Testing::TemporaryProject project;
    auto &store = project.store();
    QVERIFY(!store.ensureClasses({u"cat"_s}));
    ModelRecord model {0, u"m"_s, u"1"_s, QDateTime::currentDateTimeUtc(), 0, {}};
    QVERIFY(!store.addModel(model));
    SampleRecord sample;
    sample.path = u"a.png"_s;
    sample.kind = u"image"_s;
    QVERIFY(!store.addSample(sample));
    PredictionRecord prediction;
    prediction.sampleId = sample.id;
    prediction.modelId = model.id;
    prediction.label = u"cat"_s;
    prediction.confidence = 0.4;
    QVERIFY(!store.addPrediction(prediction));
    QList<BatchItemRecord> items
            = {{0, 0, 0, sample.id, prediction.id, 0.0, false, ReviewStatus::Approved, {}}};
    BatchRecord batch;
    batch.name = u"b"_s;
    QVERIFY(!store.addBatch(batch, items));
    ReviewAnalyticsQuery query(store);
    AuditInputs inputs;
    QVERIFY(!query.load({}, inputs));
    QVERIFY(inputs.detections.isEmpty());
    const auto report = AuditReport::compute(inputs);
    QVERIFY(report.detector.isEmpty());
    for (const auto &t : AuditTables::build(report))
        QVERIFY(!t.id.startsWith(u"detector"_s));
}

void TestDetectionAuditQuery::entriesReadOnTheirOwn()
{
    const QList<PredictedObject> predicted = {predictedBox(u"car"_s, 0.9, 0, 0, 10, 10),
                                              predictedBox(u"car"_s, 0.8, 20, 0, 10, 10)};
    const QJsonObject approveFirst {{u"object"_s, 0},
                                    {u"decision"_s, u"approve"_s},
                                    {u"label"_s, u"car"_s},
                                    {u"bbox"_s, box(0, 0, 10, 10)}};
    // One of two objects decided: not reviewed, even when the item is decided.
    QVERIFY(!DetectionAuditQuery::reviewedSample(predicted, {approveFirst}, false));
    QVERIFY(!DetectionAuditQuery::reviewedSample(predicted, {approveFirst}, true));
    // Nothing decided: not reviewed.
    QVERIFY(!DetectionAuditQuery::reviewedSample(predicted, {}, true));
    // A mask counts by its extent (here columns 20 to 22, rows 0 to 39 of a 40 x 40 image); an
    // approval is no correction.
    PredictedObject mask;
    mask.shape = PredictedObject::Shape::Mask;
    mask.label = u"car"_s;
    mask.score = 0.8;
    mask.mask = RleMask {40, 40, {800, 100, 700}};
    mask.box = mask.mask.bounds();
    const QList<PredictedObject> boxAndMask = {predicted.at(0), mask};
    const QJsonObject approveMask {
            {u"object"_s, 1},
            {u"decision"_s, u"approve"_s},
            {u"label"_s, u"car"_s},
            {u"bbox"_s, box(20, 0, 3, 40)},
            {u"mask"_s, QJsonObject {{u"size"_s, QJsonArray {40, 40}},
                                     {u"counts"_s, QJsonArray {800, 100, 700}}}}};
    const auto both
            = DetectionAuditQuery::reviewedSample(boxAndMask, {approveFirst, approveMask}, false);
    QVERIFY(both);
    QCOMPARE(both->predicted.size(), 2);
    QCOMPARE(both->predicted.at(1).box, QRectF(20, 0, 3, 40));
    QCOMPARE(both->truth.size(), 2);
    QCOMPARE(both->truth.at(1).box, QRectF(20, 0, 3, 40));
    QCOMPARE(both->corrected, std::optional<bool>(false));
    // Imported truth beside undecided predictions counts once the item is decided.
    const QJsonObject imported {{u"label"_s, u"car"_s}, {u"bbox"_s, box(0, 0, 10, 10)}};
    QVERIFY(!DetectionAuditQuery::reviewedSample(predicted, {imported}, false));
    const auto fromImport = DetectionAuditQuery::reviewedSample(predicted, {imported}, true);
    QVERIFY(fromImport);
    QVERIFY(!fromImport->corrected);
    // A text span on a document is no image object: only the boxes are audited.
    PredictedObject span;
    span.shape = PredictedObject::Shape::Span;
    span.label = u"date"_s;
    span.spanEnd = 4;
    const auto withSpan
            = DetectionAuditQuery::reviewedSample({predicted.at(0), span}, {approveFirst}, false);
    QVERIFY(withSpan);
    QCOMPARE(withSpan->predicted.size(), 1);
}

QTEST_GUILESS_MAIN(TestDetectionAuditQuery)
#include "tst_detectionauditquery.moc"
