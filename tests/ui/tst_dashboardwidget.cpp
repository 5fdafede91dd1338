// The dashboard draws what core computed and leads back to the samples: a project with three
// reviewed samples of one model (classes cat, dog):
//   s1 predicted cat, approved            -> (cat, cat)
//   s2 predicted cat, overridden to dog   -> (dog, cat)
//   s3 predicted dog, overridden to cat   -> (cat, dog)
// A click on the (dog, cat) cell must ask for s2 only.
#include "dashboard/dashboardwidget.h"
#include "store/projectstore.h"
#include "temporaryproject.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace Boucle;
using namespace Qt::StringLiterals;

class TestDashboardWidget : public QObject
{
    Q_OBJECT

private slots:
    void showsTheAuditAndLeadsToSamples();
    void followsNewReviews();
    void emptyProject();

private:
    void fill(ProjectStore &store);
    QList<SampleId> m_samples;
    QList<BatchItemRecord> m_items;
};

void TestDashboardWidget::fill(ProjectStore &store)
{
    m_samples.clear();
    m_items.clear();
    QVERIFY(!store.ensureClasses({u"cat"_s, u"dog"_s}));
    ModelRecord model {0, u"m"_s, u"1"_s, QDateTime::currentDateTimeUtc(), 0, {}};
    QVERIFY(!store.addModel(model));
    const QStringList predicted = {u"cat"_s, u"cat"_s, u"dog"_s};
    for (int i = 0; i < 3; ++i) {
        SampleRecord sample;
        sample.path = u"s%1.png"_s.arg(i + 1);
        QVERIFY(!store.addSample(sample));
        m_samples.append(sample.id);
        PredictionRecord prediction;
        prediction.sampleId = sample.id;
        prediction.modelId = model.id;
        prediction.label = predicted.at(i);
        prediction.confidence = 0.8;
        QVERIFY(!store.addPrediction(prediction));
        BatchItemRecord item;
        item.sampleId = sample.id;
        item.predictionId = prediction.id;
        item.reasons.append({u"low_confidence"_s, 0.8, u"confidence 0.80"_s});
        m_items.append(item);
    }
    BatchRecord batch;
    batch.name = u"first"_s;
    QVERIFY(!store.addBatch(batch, m_items));
    const QList<std::pair<ReviewAction, QString>> decisions = {{ReviewAction::Approve, u"cat"_s},
                                                               {ReviewAction::Override, u"dog"_s},
                                                               {ReviewAction::Override, u"cat"_s}};
    for (int i = 0; i < 3; ++i) {
        ReviewRecord review;
        review.batchItemId = m_items.at(i).id;
        review.sampleId = m_items.at(i).sampleId;
        review.predictionId = m_items.at(i).predictionId;
        review.reviewer = u"ann"_s;
        review.action = decisions.at(i).first;
        review.label = decisions.at(i).second;
        review.finishedAt = QDateTime::currentDateTimeUtc();
        review.startedAt = review.finishedAt.addSecs(-5);
        QVERIFY(!store.recordReview(review));
    }
}

void TestDashboardWidget::showsTheAuditAndLeadsToSamples()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    fill(project.store());
    DashboardWidget widget(project.store());
    QSignalSpy refreshed(&widget, &DashboardWidget::refreshed);
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(widget.report().confusion.total(), qint64(3));
    QCOMPARE(widget.heatmap()->rowCount(), 2);
    QCOMPARE(widget.heatmap()->item(1, 0)->text(), u"1"_s); // reviewed dog, predicted cat

    QSignalSpy samples(&widget, &DashboardWidget::samplesRequested);
    const QRect cell = widget.heatmap()->visualItemRect(widget.heatmap()->item(1, 0));
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QTest::mouseClick(widget.heatmap()->viewport(), Qt::LeftButton, {}, cell.center());
    QVERIFY(samples.wait(10000));
    QCOMPARE(samples.constFirst().constFirst().value<QList<qint64>>(),
             QList<qint64>({m_samples.at(1)}));

    // The filter choices come from the project.
    const auto combos = widget.findChildren<QComboBox *>();
    bool sawReviewer = false;
    for (const auto *box : combos)
        sawReviewer = sawReviewer || box->findText(u"ann"_s) >= 0;
    QVERIFY(sawReviewer);
}

void TestDashboardWidget::followsNewReviews()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    fill(project.store());
    DashboardWidget widget(project.store());
    QSignalSpy refreshed(&widget, &DashboardWidget::refreshed);
    QVERIFY(refreshed.wait(10000));
    // bob approves s1 as well: one more decision, and the reviewers' table grows.
    ReviewRecord review;
    review.batchItemId = m_items.at(0).id;
    review.sampleId = m_items.at(0).sampleId;
    review.predictionId = m_items.at(0).predictionId;
    review.reviewer = u"bob"_s;
    review.action = ReviewAction::Approve;
    review.label = u"cat"_s;
    QVERIFY(!project.store().recordReview(review));
    QTRY_COMPARE_WITH_TIMEOUT(widget.report().reviewers.size(), 2, 10000);
    QCOMPARE(widget.report().agreement.samples, qint64(1));
}

void TestDashboardWidget::emptyProject()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    DashboardWidget widget(project.store());
    QSignalSpy refreshed(&widget, &DashboardWidget::refreshed);
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(widget.report().confusion.total(), qint64(0));
    QCOMPARE(widget.heatmap()->rowCount(), 0);
}

QTEST_MAIN(TestDashboardWidget)
#include "tst_dashboardwidget.moc"
