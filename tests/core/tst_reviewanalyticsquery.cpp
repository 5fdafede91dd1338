// The audit's inputs read from a small real project, worked by hand.
//
// Classes cat, dog, bird. m@1 predicted s1..s6, m@2 (trained on v1) predicted s1..s5:
//   sample  m@1 (confidence)  m@2   batch "week 1" reasons
//   s1      cat  0.90         cat   control
//   s2      cat  0.80         dog   low_confidence
//   s3      dog  0.60         dog   low_confidence, entropy
//   s4      dog  0.30         cat   low_confidence
//   s5      cat  0.55         cat   control
//   s6      bird 0.95         -     entropy
// Reviews of the m@1 items (minutes after 09:00, seconds spent):
//   1 ann approve s1 (+1, 10 s)   2 ann override s2 dog (+2, 20 s)   3 ann approve s3 (+3, 30 s)
//   4 bob override s4 cat (+4, 40 s)  5 bob approve s5 (+5, 50 s)   6 ann approve s5 (+6, 60 s)
//   7 bob skip s1 (+7, 5 s)
//   -> corrections of 2 and 4 committed as v1 at +10
//   8 ann approve s6 (+11, 8 s), 9 ann undoes 8 (+12), 10 ann override s6 cat (+13, 12 s)
//   11 bob override s3 cat (+14, 14 s)
//   -> corrections of 10 and 11 committed as v2 at +20
// Settled (latest decision per prediction): s1 cat/cat, s2 dog/cat, s3 cat/dog, s4 cat/dog,
// s5 cat/cat, s6 cat/bird -> 6 samples, 2 right.
#include "metrics/auditreport.h"
#include "report/reviewanalyticsquery.h"
#include "store/projectstore.h"
#include "temporaryproject.h"

#include <QTest>

using namespace Boucle;
using namespace Qt::StringLiterals;

class TestReviewAnalyticsQuery : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void wholeProject();
    void filters_data();
    void filters();
    void unknownFilterValues_data();
    void unknownFilterValues();
    void wayBackToSamples();
    void laterReviewsAreRead();
    void emptyProject();

private:
    ReviewRecord review(int item, const QString &who, ReviewAction action, const QString &label,
                        int minute, int seconds);
    bool record(ReviewRecord review);
    bool correct(int reviewIndex, const QString &label);

    QDateTime at(int minute, int second = 0) const { return m_start.addSecs(minute * 60 + second); }

    std::unique_ptr<Testing::TemporaryProject> m_project;
    QDateTime m_start = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    QDateTime m_clock;
    QList<SampleId> m_samples;
    QList<BatchItemRecord> m_items;
    QList<ReviewRecord> m_reviews;
};

ReviewRecord TestReviewAnalyticsQuery::review(int item, const QString &who, ReviewAction action,
                                              const QString &label, int minute, int seconds)
{
    ReviewRecord r;
    r.batchItemId = m_items.at(item).id;
    r.sampleId = m_items.at(item).sampleId;
    r.predictionId = m_items.at(item).predictionId;
    r.reviewer = who;
    r.action = action;
    r.label = label;
    r.finishedAt = at(minute);
    r.startedAt = r.finishedAt.addSecs(-seconds);
    return r;
}

bool TestReviewAnalyticsQuery::record(ReviewRecord r)
{
    m_clock = r.finishedAt;
    const auto error = m_project->store().recordReview(r);
    if (error) {
        qWarning() << error.message;
        return false;
    }
    m_reviews.append(r);
    return true;
}

bool TestReviewAnalyticsQuery::correct(int reviewIndex, const QString &label)
{
    const auto &r = m_reviews.at(reviewIndex);
    LabelRevision revision;
    revision.sampleId = r.sampleId;
    revision.label = label;
    revision.author = r.reviewer;
    revision.reason = u"review"_s;
    revision.reviewId = r.id;
    return !m_project->store().addLabelRevision(revision);
}

void TestReviewAnalyticsQuery::init()
{
    m_project = std::make_unique<Testing::TemporaryProject>();
    QVERIFY(m_project->isValid());
    auto &store = m_project->store();
    m_clock = m_start;
    store.setClock([this] { return m_clock; });
    m_samples.clear();
    m_items.clear();
    m_reviews.clear();
    QVERIFY(!store.ensureClasses({u"cat"_s, u"dog"_s, u"bird"_s}));

    ModelRecord first {0, u"m"_s, u"1"_s, m_start, 0, {}};
    ModelRecord second {0, u"m"_s, u"2"_s, m_start, 1, {}};
    QVERIFY(!store.addModel(first));
    QVERIFY(!store.addModel(second));

    const QStringList firstLabels = {u"cat"_s, u"cat"_s, u"dog"_s, u"dog"_s, u"cat"_s, u"bird"_s};
    const QList<double> confidences = {0.9, 0.8, 0.6, 0.3, 0.55, 0.95};
    const QStringList secondLabels = {u"cat"_s, u"dog"_s, u"dog"_s, u"cat"_s, u"cat"_s};
    const QList<QStringList> reasons
            = {{u"control"_s},        {u"low_confidence"_s}, {u"low_confidence"_s, u"entropy"_s},
               {u"low_confidence"_s}, {u"control"_s},        {u"entropy"_s}};
    for (int i = 0; i < 6; ++i) {
        SampleRecord sample;
        sample.path = u"s%1.png"_s.arg(i + 1);
        sample.kind = u"image"_s;
        QVERIFY(!store.addSample(sample));
        m_samples.append(sample.id);

        PredictionRecord prediction;
        prediction.sampleId = sample.id;
        prediction.modelId = first.id;
        prediction.label = firstLabels.at(i);
        prediction.confidence = confidences.at(i);
        QVERIFY(!store.addPrediction(prediction));
        if (i < 5) {
            PredictionRecord later;
            later.sampleId = sample.id;
            later.modelId = second.id;
            later.label = secondLabels.at(i);
            later.confidence = 0.7;
            QVERIFY(!store.addPrediction(later));
        }

        BatchItemRecord item;
        item.sampleId = sample.id;
        item.predictionId = prediction.id;
        item.control = reasons.at(i).contains(u"control"_s);
        for (const auto &trigger : reasons.at(i))
            item.reasons.append({trigger, 0.5, u"because"_s});
        m_items.append(item);
    }
    BatchRecord batch;
    batch.name = u"week 1"_s;
    QVERIFY(!store.addBatch(batch, m_items));

    QVERIFY(record(review(0, u"ann"_s, ReviewAction::Approve, u"cat"_s, 1, 10)));
    QVERIFY(record(review(1, u"ann"_s, ReviewAction::Override, u"dog"_s, 2, 20)));
    QVERIFY(record(review(2, u"ann"_s, ReviewAction::Approve, u"dog"_s, 3, 30)));
    QVERIFY(record(review(3, u"bob"_s, ReviewAction::Override, u"cat"_s, 4, 40)));
    QVERIFY(record(review(4, u"bob"_s, ReviewAction::Approve, u"cat"_s, 5, 50)));
    QVERIFY(record(review(4, u"ann"_s, ReviewAction::Approve, u"cat"_s, 6, 60)));
    QVERIFY(record(review(0, u"bob"_s, ReviewAction::Skip, QString(), 7, 5)));
    QVERIFY(correct(1, u"dog"_s));
    QVERIFY(correct(3, u"cat"_s));
    m_clock = at(10);
    QVERIFY(!store.commitVersion(u"lead"_s, u"week 1 corrections"_s));

    QVERIFY(record(review(5, u"ann"_s, ReviewAction::Approve, u"bird"_s, 11, 8)));
    auto undo = review(5, u"ann"_s, ReviewAction::Revoke, QString(), 12, 0);
    undo.revokesReviewId = m_reviews.last().id;
    QVERIFY(record(undo));
    QVERIFY(record(review(5, u"ann"_s, ReviewAction::Override, u"cat"_s, 13, 12)));
    QVERIFY(record(review(2, u"bob"_s, ReviewAction::Override, u"cat"_s, 14, 14)));
    QVERIFY(correct(9, u"cat"_s));
    QVERIFY(correct(10, u"cat"_s));
    m_clock = at(20);
    QVERIFY(!store.commitVersion(u"lead"_s, u"more corrections"_s));
}

void TestReviewAnalyticsQuery::cleanup()
{
    m_project.reset();
}

void TestReviewAnalyticsQuery::wholeProject()
{
    ReviewAnalyticsQuery query(m_project->store());
    AuditInputs inputs;
    const auto error = query.load({}, inputs, 10);
    QVERIFY2(!error, qPrintable(error.message));
    QCOMPARE(inputs.classNames, QStringList({u"cat"_s, u"dog"_s, u"bird"_s}));
    QCOMPARE(query.decisionCount(), qint64(10)); // 11 reviews, one of them an undo

    const auto report = AuditReport::compute(inputs, {10, 3, 300.0});
    // Confusion (reviewed, predicted): (cat, cat) 2, (dog, cat) 1, (cat, dog) 2, (cat, bird) 1.
    QCOMPARE(report.confusion.total(), qint64(6));
    QCOMPARE(report.confusion.correct(), qint64(2));
    QCOMPARE(report.confusion.cell(0, 0), qint64(2));
    QCOMPARE(report.confusion.cell(1, 0), qint64(1));
    QCOMPARE(report.confusion.cell(0, 1), qint64(2));
    QCOMPARE(report.confusion.cell(0, 2), qint64(1));
    // cat: reviewed 5 (s1, s3, s4, s5, s6), 2 right -> error 3/5.
    QCOMPARE(report.classes.at(0).reviewed, qint64(5));
    QVERIFY(qAbs(report.classes.at(0).errorRate.rate - 0.6) < 1e-12);
    QCOMPARE(report.classes.at(2).reviewed, qint64(0)); // bird: predicted once, never the label
    QCOMPARE(report.classes.at(2).predicted, qint64(1));

    // Trigger yield: low_confidence s2, s3, s4 all wrong; entropy s3, s6 wrong; control s1, s5
    // right.
    QCOMPARE(report.triggerYield.triggers.size(), 2);
    for (const auto &row : report.triggerYield.triggers) {
        QCOMPARE(row.yield.rate, 1.0);
        QCOMPARE(row.yield.total, row.trigger == u"low_confidence"_s ? qint64(3) : qint64(2));
    }
    QCOMPARE(report.triggerYield.control.total, qint64(2));
    QCOMPARE(report.triggerYield.control.count, qint64(0));

    // Calibration, 10 bins: 0.9 right and 0.95 wrong share the last bin.
    QCOMPARE(report.calibration.total, qint64(6));
    QCOMPARE(report.calibration.bins.at(9).count, qint64(2));
    QVERIFY(qAbs(report.calibration.bins.at(9).meanConfidence - 0.925) < 1e-6);
    QCOMPARE(report.calibration.bins.at(9).accuracy, 0.5);
    QCOMPARE(report.calibration.bins.at(3).count, qint64(1)); // s4 at 0.3

    // Reviewers: ann 10, 20, 30, 60, 12 s (2 overrides of 5; the undone approve does not count);
    // bob 40, 50, 5, 14 s (2 overrides of 4).
    QCOMPARE(report.reviewers.size(), 2);
    QCOMPARE(report.reviewers.at(0).reviewer, u"ann"_s);
    QCOMPARE(report.reviewers.at(0).decisions, qint64(5));
    QCOMPARE(*report.reviewers.at(0).medianSeconds, 20.0);
    QCOMPARE(report.reviewers.at(0).overrideRate.count, qint64(2));
    QCOMPARE(report.reviewers.at(1).decisions, qint64(4));
    QCOMPARE(*report.reviewers.at(1).medianSeconds, 27.0);
    // ann: 5 decisions in 132 s -> 136.36 per hour.
    QVERIFY(qAbs(*report.reviewers.at(0).decisionsPerHour - 5 * 3600.0 / 132.0) < 1e-6);

    // Agreement: s3 (ann dog, bob cat) and s5 (both cat): observed 0.5, chance 0.5 -> kappa 0.
    QCOMPARE(report.agreement.samples, qint64(2));
    QCOMPARE(report.agreement.method, ReviewerAgreement::Method::Cohen);
    QCOMPARE(report.agreement.observed, 0.5);
    QVERIFY(qAbs(*report.agreement.kappa) < 1e-12);

    // The loop on s1..s5 (m@2 did not predict s6): m@1 right on s1, s5 -> 0.4;
    // m@2 right on s1, s2, s4, s5 -> 0.8.
    QCOMPARE(report.loop.sharedSamples, qint64(5));
    QCOMPARE(report.loop.models.size(), 2);
    QCOMPARE(report.loop.models.at(0).model, u"m@1"_s);
    QVERIFY(qAbs(report.loop.models.at(0).accuracy.rate - 0.4) < 1e-12);
    QVERIFY(qAbs(report.loop.models.at(1).accuracy.rate - 0.8) < 1e-12);
    QVERIFY(qAbs(*report.loop.models.at(1).gain - 0.4) < 1e-12);
    // Versions: v1 took decisions 1-7 and 2 corrections; v2 decisions 10, 11 and 2 corrections.
    QCOMPARE(report.loop.versions.size(), 2);
    QCOMPARE(report.loop.versions.at(0).reviews, qint64(7));
    QCOMPARE(report.loop.versions.at(0).corrections, qint64(2));
    QCOMPARE(report.loop.versions.at(1).reviews, qint64(2));
    QCOMPARE(report.loop.versions.at(1).corrections, qint64(2));
}

void TestReviewAnalyticsQuery::filters_data()
{
    QTest::addColumn<QString>("batch");
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("reviewer");
    QTest::addColumn<int>("fromMinute"); // -1: open
    QTest::addColumn<int>("toMinute");   // -1: open
    QTest::addColumn<qint64>("settled");
    QTest::addColumn<qint64>("correct");
    QTest::addColumn<qint64>("decisions");

    QTest::newRow("the batch") << u"week 1"_s << QString() << 0 << QString() << -1 << -1
                               << qint64(6) << qint64(2) << qint64(9);
    // bob decided s4 (wrong), s5 (right), s3 (wrong), and skipped s1.
    QTest::newRow("bob") << QString() << QString() << 0 << u"bob"_s << -1 << -1 << qint64(3)
                         << qint64(1) << qint64(4);
    // Nobody reviewed m@2's predictions.
    QTest::newRow("model m@2") << QString() << u"m@2"_s << 0 << QString() << -1 << -1 << qint64(0)
                               << qint64(0) << qint64(0);
    QTest::newRow("model m@1") << QString() << u"m@1"_s << 0 << QString() << -1 << -1 << qint64(6)
                               << qint64(2) << qint64(9);
    // v2: decisions after v1's commit (+10) up to v2's (+20): 10 (s6 wrong), 11 (s3 wrong).
    QTest::newRow("dataset version 2") << QString() << QString() << 2 << QString() << -1 << -1
                                       << qint64(2) << qint64(0) << qint64(2);
    // v1: decisions 1-7; s3 still has ann's approve of dog then.
    QTest::newRow("dataset version 1") << QString() << QString() << 1 << QString() << -1 << -1
                                       << qint64(5) << qint64(3) << qint64(7);
    QTest::newRow("from +10 to +30") << QString() << QString() << 0 << QString() << 10 << 30
                                     << qint64(2) << qint64(0) << qint64(2);
    // Before +4: decisions 1-3 (s1 right, s2 wrong, s3 right).
    QTest::newRow("until +4") << QString() << QString() << 0 << QString() << -1 << 4 << qint64(3)
                              << qint64(2) << qint64(3);
    QTest::newRow("ann in v2") << QString() << QString() << 2 << u"ann"_s << -1 << -1 << qint64(1)
                               << qint64(0) << qint64(1);
}

void TestReviewAnalyticsQuery::filters()
{
    QFETCH(QString, batch);
    QFETCH(QString, model);
    QFETCH(int, version);
    QFETCH(QString, reviewer);
    QFETCH(int, fromMinute);
    QFETCH(int, toMinute);
    QFETCH(qint64, settled);
    QFETCH(qint64, correct);
    QFETCH(qint64, decisions);

    AnalyticsFilter filter;
    filter.batch = batch;
    filter.model = model;
    filter.datasetVersion = version;
    filter.reviewer = reviewer;
    if (fromMinute >= 0)
        filter.from = at(fromMinute);
    if (toMinute >= 0)
        filter.to = at(toMinute);

    ReviewAnalyticsQuery query(m_project->store());
    AuditInputs inputs;
    const auto error = query.load(filter, inputs);
    QVERIFY2(!error, qPrintable(error.message));
    const auto report = AuditReport::compute(inputs);
    QCOMPARE(report.confusion.total(), settled);
    QCOMPARE(report.confusion.correct(), correct);
    qint64 decided = 0;
    for (const auto &row : report.reviewers)
        decided += row.decisions;
    QCOMPARE(decided, decisions);
    QVERIFY(!filter.description().isEmpty());
}

void TestReviewAnalyticsQuery::unknownFilterValues_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("batch") << u"batch"_s << u"week 9"_s;
    QTest::newRow("model") << u"model"_s << u"m@7"_s;
    QTest::newRow("reviewer") << u"reviewer"_s << u"zoe"_s;
    QTest::newRow("version") << u"version"_s << u"5"_s;
}

void TestReviewAnalyticsQuery::unknownFilterValues()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    AnalyticsFilter filter;
    if (field == u"batch"_s)
        filter.batch = value;
    else if (field == u"model"_s)
        filter.model = value;
    else if (field == u"reviewer"_s)
        filter.reviewer = value;
    else
        filter.datasetVersion = value.toInt();
    ReviewAnalyticsQuery query(m_project->store());
    AuditInputs inputs;
    const auto error = query.load(filter, inputs);
    QVERIFY(error.isError());
    QVERIFY2(error.message.contains(value), qPrintable(error.message)); // names what is unknown
}

void TestReviewAnalyticsQuery::wayBackToSamples()
{
    ReviewAnalyticsQuery query(m_project->store());
    // Reviewed cat, predicted dog: s3 and s4.
    QCOMPARE(query.samplesInCell({}, 0, 1), QList<SampleId>({m_samples.at(2), m_samples.at(3)}));
    QCOMPARE(query.samplesInCell({}, 0, 0), QList<SampleId>({m_samples.at(0), m_samples.at(4)}));
    QVERIFY(query.samplesInCell({}, 2, 2).isEmpty());
    QCOMPARE(query.samplesFlaggedBy({}, u"control"_s, false),
             QList<SampleId>({m_samples.at(0), m_samples.at(4)}));
    QCOMPARE(query.samplesFlaggedBy({}, u"entropy"_s, true),
             QList<SampleId>({m_samples.at(2), m_samples.at(5)}));
    QVERIFY(query.samplesFlaggedBy({}, u"control"_s, true).isEmpty());
    AnalyticsFilter bob;
    bob.reviewer = u"bob"_s;
    QCOMPARE(query.samplesInCell(bob, 0, 1), QList<SampleId>({m_samples.at(2), m_samples.at(3)}));
    StoreError error;
    AnalyticsFilter nobody;
    nobody.reviewer = u"zoe"_s;
    QVERIFY(query.samplesInCell(nobody, 0, 1, &error).isEmpty());
    QVERIFY(error.isError());
}

void TestReviewAnalyticsQuery::laterReviewsAreRead()
{
    ReviewAnalyticsQuery query(m_project->store());
    AuditInputs inputs;
    QVERIFY(!query.load({}, inputs));
    QCOMPARE(AuditReport::compute(inputs).confusion.correct(), qint64(2));

    // bob's override of s3 is undone: ann's approve of dog counts again, so s3 is right.
    auto undo = review(2, u"bob"_s, ReviewAction::Revoke, QString(), 30, 0);
    undo.revokesReviewId = m_reviews.at(10).id;
    QVERIFY(record(undo));
    QVERIFY(!query.load({}, inputs));
    const auto report = AuditReport::compute(inputs);
    QCOMPARE(report.confusion.correct(), qint64(3));
    QCOMPARE(query.decisionCount(), qint64(10));
    // A new reviewer appears among the filter choices.
    QVERIFY(record(review(0, u"cid"_s, ReviewAction::Approve, u"cat"_s, 31, 3)));
    QVERIFY(!query.load({}, inputs));
    QVERIFY(query.reviewers().contains(u"cid"_s));
    QCOMPARE(query.modelKeys(), QStringList({u"m@1"_s, u"m@2"_s}));
    QCOMPARE(query.datasetVersions(), QList<int>({1, 2}));
}

void TestReviewAnalyticsQuery::emptyProject()
{
    Testing::TemporaryProject empty;
    QVERIFY(empty.isValid());
    ReviewAnalyticsQuery query(empty.store());
    AuditInputs inputs;
    QVERIFY(!query.load({}, inputs));
    const auto report = AuditReport::compute(inputs);
    QCOMPARE(report.confusion.total(), qint64(0));
    QVERIFY(report.reviewers.isEmpty());
    QVERIFY(report.loop.models.isEmpty());
    QCOMPARE(report.agreement.method, ReviewerAgreement::Method::None);
}

QTEST_GUILESS_MAIN(TestReviewAnalyticsQuery)
#include "tst_reviewanalyticsquery.moc"
