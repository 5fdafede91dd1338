// ReviewAudit on a review history made by hand, without a project: the metrics layer assembles
// the audit's inputs from plain records alone (docs/layers.md).
#include "metrics/reviewaudit.h"
#include "records/projectrecords.h"

#include <QTest>

using namespace Boucle;
using namespace Qt::StringLiterals;

namespace {

ReviewHistory::Decision decision(qint64 review, qint64 sample, int reviewer, ReviewAction action,
                                 qint32 label, float seconds)
{
    ReviewHistory::Decision d;
    d.reviewId = review;
    d.sampleId = sample;
    d.predictionId = sample; // one prediction per sample
    d.itemId = sample;       // one batch item per sample
    d.finishedMs = 1000 * review;
    d.seconds = seconds;
    d.reviewer = reviewer;
    d.label = label;
    d.action = quint8(action);
    return d;
}

// cat (class id 1) and dog (2); model m@1 predicted cat, cat, dog, cat for samples 1-4. Items 1
// and 2 were flagged by low_confidence, item 4 is a control. ann approved sample 1 and made
// sample 2 a dog; bob approved sample 3 as a dog; bob made sample 4 a dog, undid it, and
// approved it as a cat.
ReviewHistory fourSamples()
{
    ReviewHistory h;
    h.project = u"/projects/pets.boucle"_s;
    h.classNames = {u"cat"_s, u"dog"_s};
    h.classIndexById = {-1, 0, 1};
    h.models = {{1, u"m@1"_s, {}, 0}};
    h.modelIndexById = {{1, 0}};
    h.batchIds = {{u"week 1"_s, 1}};
    h.reviewerNames = {u"ann"_s, u"bob"_s};
    h.reviewerIndex = {{u"ann"_s, 0}, {u"bob"_s, 1}};
    h.triggerNames = {u"low_confidence"_s};
    h.itemBatch = {0, 1, 1, 1, 1};
    h.itemControl = {0, 0, 0, 0, 1};
    h.itemTriggers = {0, 1, 1, 0, 0};
    h.predictionModel = {-1, 0, 0, 0, 0};
    h.predictionClass = {0, 1, 1, 2, 1};
    h.predictionConfidence = {-1.0, 0.9, 0.4, 0.8, 0.6};
    h.labelBySample = {{-1, 1, 1, 2, 1}};
    h.decisions = {decision(1, 1, 0, ReviewAction::Approve, 0, 10.0f),
                   decision(2, 2, 0, ReviewAction::Override, 2, 20.0f),
                   decision(3, 3, 1, ReviewAction::Approve, 2, 30.0f),
                   decision(4, 4, 1, ReviewAction::Override, 2, 40.0f),
                   decision(6, 4, 1, ReviewAction::Approve, 1, 50.0f)};
    h.decisions[3].revoked = true; // review 5 undid it
    h.lastPredictionId = 4;
    h.lastReviewId = 6;
    return h;
}

QList<std::tuple<int, int, qint64>> outcomes(const AuditInputs &inputs)
{
    QList<std::tuple<int, int, qint64>> rows;
    for (const auto &o : inputs.outcomes)
        rows.append({o.reviewed, o.predicted, o.count});
    return rows;
}

} // namespace

class TestReviewAudit : public QObject
{
    Q_OBJECT

private slots:
    void wholeHistory();
    void filteredByReviewer();
    void openRoundsAreNotYetALabel();
    void unknownNamesAreNamed();
    void wayBackToSamples();
};

void TestReviewAudit::wholeHistory()
{
    const ReviewHistory history = fourSamples();
    const ReviewAudit audit(history);
    ReviewAudit::Scope scope;
    QVERIFY(audit.resolve({}, scope).isEmpty());
    AuditInputs inputs;
    audit.assemble(scope, inputs, 10);

    QCOMPARE(inputs.classNames, QStringList({u"cat"_s, u"dog"_s}));
    // (reviewed, predicted, count): the undone override does not count.
    QCOMPARE(outcomes(inputs),
             (QList<std::tuple<int, int, qint64>> {{0, 0, 2}, {1, 0, 1}, {1, 1, 1}}));
    QCOMPARE(inputs.triggers.size(), 1);
    QCOMPARE(inputs.triggers.at(0).trigger, u"low_confidence"_s);
    QCOMPARE(inputs.triggers.at(0).reviewed, qint64(2));
    QCOMPARE(inputs.triggers.at(0).wrong, qint64(1));
    QCOMPARE(inputs.control.reviewed, qint64(1));
    QCOMPARE(inputs.control.wrong, qint64(0));
    qint64 decisions = 0, overrides = 0;
    for (const auto &d : inputs.decisions) {
        decisions += d.count;
        overrides += d.overridden ? d.count : 0;
    }
    QCOMPARE(decisions, qint64(4));
    QCOMPARE(overrides, qint64(1));
    QCOMPARE(inputs.models.size(), 1);
    QCOMPARE(inputs.modelOutcomes.size(), 3); // cat right, dog wrong (sample 2), dog right
}

void TestReviewAudit::filteredByReviewer()
{
    const ReviewHistory history = fourSamples();
    const ReviewAudit audit(history);
    AnalyticsFilter filter;
    filter.reviewer = u"bob"_s;
    ReviewAudit::Scope scope;
    QVERIFY(audit.resolve(filter, scope).isEmpty());
    AuditInputs inputs;
    audit.assemble(scope, inputs);
    QCOMPARE(outcomes(inputs), (QList<std::tuple<int, int, qint64>> {{0, 0, 1}, {1, 1, 1}}));
    QVERIFY(inputs.triggers.isEmpty());
}

void TestReviewAudit::openRoundsAreNotYetALabel()
{
    ReviewHistory history = fourSamples();
    history.openRoundItems.insert(2); // sample 2 awaits a second answer
    const ReviewAudit audit(history);
    ReviewAudit::Scope scope;
    QVERIFY(audit.resolve({}, scope).isEmpty());
    AuditInputs inputs;
    audit.assemble(scope, inputs);
    QCOMPARE(outcomes(inputs), (QList<std::tuple<int, int, qint64>> {{0, 0, 2}, {1, 1, 1}}));
}

void TestReviewAudit::unknownNamesAreNamed()
{
    const ReviewHistory history = fourSamples();
    const ReviewAudit audit(history);
    ReviewAudit::Scope scope;
    AnalyticsFilter filter;
    filter.reviewer = u"cid"_s;
    QCOMPARE(audit.resolve(filter, scope), u"no review by 'cid' in /projects/pets.boucle"_s);
    filter = {};
    filter.batch = u"week 9"_s;
    QCOMPARE(audit.resolve(filter, scope), u"no batch named 'week 9' in /projects/pets.boucle"_s);
    filter = {};
    filter.datasetVersion = 3;
    QCOMPARE(audit.resolve(filter, scope), u"no dataset version 3 in /projects/pets.boucle"_s);
}

void TestReviewAudit::wayBackToSamples()
{
    const ReviewHistory history = fourSamples();
    const ReviewAudit audit(history);
    ReviewAudit::Scope scope;
    QVERIFY(audit.resolve({}, scope).isEmpty());
    const auto cell = audit.cellSamples(scope, 1, 0); // reviewed dog, predicted cat
    QCOMPARE(cell.size(), 1);
    QCOMPARE(cell.at(0).sample, SampleId(2));
    QCOMPARE(cell.at(0).prediction, PredictionId(2));
    QCOMPARE(cell.at(0).confidence, 0.4);
    QCOMPARE(audit.samplesFlaggedBy(scope, u"low_confidence"_s, false), QList<SampleId>({1, 2}));
    QCOMPARE(audit.samplesFlaggedBy(scope, u"low_confidence"_s, true), QList<SampleId>({2}));
    QCOMPARE(audit.samplesFlaggedBy(scope, u"control"_s, false), QList<SampleId>({4}));
    QVERIFY(audit.samplesFlaggedBy(scope, u"drift"_s, false).isEmpty());
}

QTEST_GUILESS_MAIN(TestReviewAudit)
#include "tst_reviewaudit.moc"
