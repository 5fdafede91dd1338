// The dashboard draws what core computed and leads back to the samples: a project with three
// reviewed samples of one model (classes cat, dog):
//   s1 predicted cat, approved            -> (cat, cat)
//   s2 predicted cat, overridden to dog   -> (dog, cat)
//   s3 predicted dog, overridden to cat   -> (cat, dog)
// A click on the (dog, cat) cell must ask for s2 only.
//
// The detector audit: s4, where m@1 predicted two cats, [0,0,10,10] at 0.9 and [20,0,10,10] at
// 0.6; the reviewer approved the first and moved the second to [25,0,10,10] (IoU 50/150 = 1/3).
// At IoU 0.5: cat TP 1, FP 1 (the moved box), miss 1; at 0.3 both match: TP 2, FP 0.
#include "dashboard/dashboardwidget.h"
#include "screenshots.h"
#include "store/projectstore.h"
#include "temporaryproject.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTabWidget>
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
    void detectorAudit();

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
    // No detection sample: no Detector tab.
    QVERIFY(!widget.showsDetector());
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

void TestDashboardWidget::detectorAudit()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    auto &store = project.store();
    fill(store);
    SampleRecord sample;
    sample.path = u"s4.png"_s;
    QVERIFY(!store.addSample(sample));
    PredictionRecord prediction;
    prediction.sampleId = sample.id;
    prediction.modelId = store.models().first().id;
    prediction.label = u"cat"_s;
    prediction.confidence = 0.9;
    PredictedObject first;
    first.label = u"cat"_s;
    first.score = 0.9;
    first.box = QRectF(0, 0, 10, 10);
    PredictedObject second = first;
    second.score = 0.6;
    second.box = QRectF(20, 0, 10, 10);
    prediction.objects = {first, second};
    QVERIFY(!store.addPrediction(prediction));
    QList<BatchItemRecord> items
            = {{0, 0, 0, sample.id, prediction.id, 0.0, false, ReviewStatus::Pending, {}}};
    BatchRecord batch;
    batch.name = u"boxes"_s;
    QVERIFY(!store.addBatch(batch, items));
    LabelRevision revision;
    revision.sampleId = sample.id;
    revision.author = u"ann"_s;
    revision.reason = u"objects reviewed"_s;
    revision.objects = {QJsonObject {{u"object"_s, 0},
                                     {u"decision"_s, u"approve"_s},
                                     {u"label"_s, u"cat"_s},
                                     {u"bbox"_s, QJsonArray {0, 0, 10, 10}}},
                        QJsonObject {{u"object"_s, 1},
                                     {u"decision"_s, u"override"_s},
                                     {u"label"_s, u"cat"_s},
                                     {u"bbox"_s, QJsonArray {25, 0, 10, 10}},
                                     {u"predicted_bbox"_s, QJsonArray {20, 0, 10, 10}}}};
    QVERIFY(!store.addLabelRevision(revision));

    DashboardWidget widget(store);
    QSignalSpy refreshed(&widget, &DashboardWidget::refreshed);
    QVERIFY(refreshed.wait(10000));
    QVERIFY(widget.showsDetector());
    auto *table = widget.detectorTable();
    QCOMPARE(table->rowCount(), 2); // cat, all classes
    QCOMPARE(table->item(0, 0)->text(), u"cat"_s);
    QCOMPARE(table->item(0, 3)->text(), u"1"_s);     // true positives
    QCOMPARE(table->item(0, 4)->text(), u"1"_s);     // false positives
    QCOMPARE(table->item(0, 5)->text(), u"1"_s);     // misses
    QCOMPARE(table->item(0, 8)->text(), u"1.000"_s); // mean IoU of the one matched pair

    // A click on the false positives opens s4.
    auto *tabs = widget.findChild<QTabWidget *>();
    QVERIFY(tabs);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    tabs->setCurrentWidget(table->parentWidget());
    QTRY_VERIFY(table->isVisible());
    QSignalSpy samples(&widget, &DashboardWidget::samplesRequested);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(0, 4)).center());
    QCOMPARE(samples.size(), 1);
    QCOMPARE(samples.constFirst().constFirst().value<QList<qint64>>(), QList<qint64>({sample.id}));
    // The class name is no count: a click there opens nothing.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(0, 0)).center());
    QCOMPARE(samples.size(), 1);

    // Down four times: IoU 0.30, where the moved box matches too.
    auto *spin = widget.iouThreshold();
    spin->setFocus();
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(spin, Qt::Key_Down);
    QCOMPARE(spin->value(), 0.3);
    QTRY_COMPARE_WITH_TIMEOUT(widget.report().detector.chosen.iouThreshold, 0.3, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(table->item(0, 3)->text(), u"2"_s, 10000);
    QCOMPARE(table->item(0, 4)->text(), u"0"_s);
    QVERIFY(table->horizontalHeaderItem(9)->text().contains(u"0.30"_s));
    // The false positive cell now leads nowhere; the true positives lead to s4.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(0, 4)).center());
    QCOMPARE(samples.size(), 1);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(0, 3)).center());
    QCOMPARE(samples.size(), 2);

    widget.resize(1400, 360);
    QString error;
    QVERIFY2(Testing::saveScreenshot(widget.grab().toImage(),
                                     QStringLiteral("dashboard-detector.png"), &error),
             qPrintable(error));
}

QTEST_MAIN(TestDashboardWidget)
#include "tst_dashboardwidget.moc"
