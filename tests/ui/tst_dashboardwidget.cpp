// The dashboard draws what core computed and leads back to the samples: a project with three
// reviewed samples of one model (classes cat, dog):
//   s1 predicted cat, approved            -> (cat, cat)
//   s2 predicted cat, overridden to dog   -> (dog, cat)
//   s3 predicted dog, overridden to cat   -> (cat, dog)
// A click on the (dog, cat) cell lists s2 only, beside the matrix; Enter or a double-click on
// its row asks for s2 to be opened (sampleActivated). The matrix names its axes and shows a
// colour scale; every chart titles its axes and has a legend. In its own window the dashboard
// is a top-level window that the review window can come in front of.
//
// The detector audit: s4, where m@1 predicted two cats, [0,0,10,10] at 0.9 and [20,0,10,10] at
// 0.6; the reviewer approved the first and moved the second to [25,0,10,10] (IoU 50/150 = 1/3).
// At IoU 0.5: cat TP 1, FP 1 (the moved box), miss 1; at 0.3 both match: TP 2, FP 0.
#include "dashboard/chartlegend.h"
#include "dashboard/dashboardwidget.h"
#include "dashboard/dashboardwindow.h"
#include "dashboard/samplelistpane.h"
#include "screenshots.h"
#include "store/projectstore.h"
#include "temporaryproject.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialog>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLegend>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QWindow>

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
    void cellListsItsSamplesSortably();
    void matrixAndChartsExplainThemselves();
    void windowOfItsOwn();

private:
    void fill(ProjectStore &store);
    // The rows of a sample list as shown: sample, reviewed, predicted, confidence.
    static QList<QStringList> rows(const SampleListPane *pane);
    static void clickCell(QTableWidget *table, int row, int column);
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

    QSignalSpy activated(&widget, &DashboardWidget::sampleActivated);
    widget.resize(1400, 900);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    clickCell(widget.heatmap(), 1, 0);
    SampleListPane *list = widget.sampleList();
    QTRY_COMPARE_WITH_TIMEOUT(list->table()->model()->rowCount(), 1, 10000);
    QCOMPARE(rows(list), QList<QStringList>({{u"s2.png"_s, u"dog"_s, u"cat"_s, u"0.800"_s}}));
    QCOMPARE(list->title(), u"Reviewed dog, predicted cat: 1 sample(s)"_s);
    QVERIFY(list->isVisible());
    // Nothing left the dashboard on the click.
    QCOMPARE(activated.size(), 0);

    // Enter on the listed row opens s2; so does a double-click.
    list->table()->setFocus();
    QTest::keyClick(list->table(), Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.constFirst().constFirst().value<SampleId>(), m_samples.at(1));
    const QRect row = list->table()->visualRect(list->table()->model()->index(0, 0));
    // A double-click as the window system delivers it: press, release, double-click, release.
    QTest::mouseClick(list->table()->viewport(), Qt::LeftButton, {}, row.center());
    QTest::mouseDClick(list->table()->viewport(), Qt::LeftButton, {}, row.center());
    QTest::mouseRelease(list->table()->viewport(), Qt::LeftButton, {}, row.center());
    QCOMPARE(activated.size(), 2);
    QCOMPARE(activated.constLast().constFirst().value<SampleId>(), m_samples.at(1));

    // Another cell replaces the list: (cat, dog) holds s3.
    clickCell(widget.heatmap(), 0, 1);
    QTRY_COMPARE_WITH_TIMEOUT(
            rows(list), QList<QStringList>({{u"s3.png"_s, u"cat"_s, u"dog"_s, u"0.800"_s}}), 10000);

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

    auto *tabs = widget.findChild<QTabWidget *>();
    QVERIFY(tabs);
    widget.resize(1400, 700);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i)->isAncestorOf(table))
            tabs->setCurrentIndex(i);
    }
    QTRY_VERIFY(table->isVisible());
    // A click on the false positives lists s4 beside the table.
    SampleListPane *list = widget.detectorSampleList();
    QSignalSpy activated(&widget, &DashboardWidget::sampleActivated);
    clickCell(table, 0, 4);
    QTRY_COMPARE_WITH_TIMEOUT(list->table()->model()->rowCount(), 1, 10000);
    QCOMPARE(rows(list).constFirst().constFirst(), u"s4.png"_s);
    QCOMPARE(list->title(), u"cat — False positives: 1 sample(s)"_s);
    list->table()->setFocus();
    QTest::keyClick(list->table(), Qt::Key_Enter);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.constFirst().constFirst().value<SampleId>(), sample.id);
    // The class name is no count: a click there lists nothing new.
    clickCell(table, 0, 0);
    QCOMPARE(list->title(), u"cat — False positives: 1 sample(s)"_s);

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
    // The true positives now lead to s4.
    clickCell(table, 0, 3);
    QTRY_COMPARE_WITH_TIMEOUT(list->title(), u"cat — True positives: 1 sample(s)"_s, 10000);
    QCOMPARE(rows(list).constFirst().constFirst(), u"s4.png"_s);

    widget.resize(1400, 360);
    QString error;
    QVERIFY2(Testing::saveScreenshot(widget.grab().toImage(),
                                     QStringLiteral("dashboard-detector.png"), &error),
             qPrintable(error));
}

QList<QStringList> TestDashboardWidget::rows(const SampleListPane *pane)
{
    QList<QStringList> result;
    const QAbstractItemModel *model = pane->table()->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < model->columnCount(); ++c)
            row.append(model->index(r, c).data().toString());
        result.append(row);
    }
    return result;
}

void TestDashboardWidget::clickCell(QTableWidget *table, int row, int column)
{
    QTableWidgetItem *item = table->item(row, column);
    QVERIFY(item);
    table->scrollToItem(item);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualItemRect(item).center());
}

void TestDashboardWidget::cellListsItsSamplesSortably()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    auto &store = project.store();
    fill(store);
    // Two more samples predicted cat and reviewed dog, at 0.30 and 0.95.
    const auto model = store.models().constFirst();
    QList<BatchItemRecord> items;
    const QList<double> confidences = {0.3, 0.95};
    for (int i = 0; i < confidences.size(); ++i) {
        SampleRecord sample;
        sample.path = u"extra/t%1.png"_s.arg(i + 1);
        QVERIFY(!store.addSample(sample));
        PredictionRecord prediction;
        prediction.sampleId = sample.id;
        prediction.modelId = model.id;
        prediction.label = u"cat"_s;
        prediction.confidence = confidences.at(i);
        QVERIFY(!store.addPrediction(prediction));
        BatchItemRecord item;
        item.sampleId = sample.id;
        item.predictionId = prediction.id;
        items.append(item);
    }
    BatchRecord batch;
    batch.name = u"second"_s;
    QVERIFY(!store.addBatch(batch, items));
    for (const auto &item : items) {
        ReviewRecord review;
        review.batchItemId = item.id;
        review.sampleId = item.sampleId;
        review.predictionId = item.predictionId;
        review.reviewer = u"ann"_s;
        review.action = ReviewAction::Override;
        review.label = u"dog"_s;
        QVERIFY(!store.recordReview(review));
    }

    DashboardWidget widget(store);
    QSignalSpy refreshed(&widget, &DashboardWidget::refreshed);
    QVERIFY(refreshed.wait(10000));
    widget.resize(1400, 900);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QCOMPARE(widget.heatmap()->item(1, 0)->text(), u"3"_s);
    clickCell(widget.heatmap(), 1, 0);
    SampleListPane *list = widget.sampleList();
    QTRY_COMPARE_WITH_TIMEOUT(list->table()->model()->rowCount(), 3, 10000);
    QCOMPARE(list->title(), u"Reviewed dog, predicted cat: 3 sample(s)"_s);
    // By sample first.
    QCOMPARE(rows(list).at(0).at(0), u"extra/t1.png"_s);
    QCOMPARE(rows(list).at(2).at(0), u"s2.png"_s);

    // A click on the Confidence header sorts by confidence, as numbers.
    QHeaderView *header = list->table()->horizontalHeader();
    const auto clickHeader = [header](int column) {
        const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    };
    clickHeader(SampleListPane::ConfidenceColumn);
    QStringList confidence;
    for (const auto &row : rows(list))
        confidence.append(row.at(SampleListPane::ConfidenceColumn));
    QStringList ascending = {u"0.300"_s, u"0.800"_s, u"0.950"_s};
    QStringList descending = {u"0.950"_s, u"0.800"_s, u"0.300"_s};
    QVERIFY2(confidence == ascending || confidence == descending,
             qPrintable(confidence.join(u", "_s)));
    clickHeader(SampleListPane::ConfidenceColumn);
    QStringList again;
    for (const auto &row : rows(list))
        again.append(row.at(SampleListPane::ConfidenceColumn));
    QCOMPARE(again, confidence == ascending ? descending : ascending);

    // Enter on the top row opens the sample shown there.
    QSignalSpy activated(&widget, &DashboardWidget::sampleActivated);
    list->table()->setFocus();
    QTest::keyClick(list->table(), Qt::Key_Home, Qt::ControlModifier);
    QTest::keyClick(list->table(), Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    const QString top = rows(list).at(0).at(0);
    QCOMPARE(store.sample(activated.constFirst().constFirst().value<SampleId>())->path, top);
}

void TestDashboardWidget::matrixAndChartsExplainThemselves()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    fill(project.store());
    DashboardWidget widget(project.store());
    QSignalSpy refreshed(&widget, &DashboardWidget::refreshed);
    QVERIFY(refreshed.wait(10000));
    widget.resize(1400, 900);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));

    // Axis titles beside the rows and above the columns.
    auto *rowsTitle = widget.findChild<AxisTitle *>(u"confusionRowsTitle"_s);
    auto *columnsTitle = widget.findChild<AxisTitle *>(u"confusionColumnsTitle"_s);
    QVERIFY(rowsTitle && columnsTitle);
    QVERIFY(rowsTitle->isVisible() && columnsTitle->isVisible());
    QCOMPARE(rowsTitle->text(), u"Reviewed label (truth)"_s);
    QCOMPARE(rowsTitle->orientation(), Qt::Vertical);
    QCOMPARE(columnsTitle->text(), u"Predicted label (model)"_s);
    const QRect matrix = widget.heatmap()->geometry();
    QVERIFY(rowsTitle->geometry().right() <= matrix.left());
    QVERIFY(columnsTitle->geometry().bottom() <= matrix.top());

    // The colour scale: both colours, from 0 % to 100 % of the row, and the count range.
    auto *legend = widget.findChild<QWidget *>(u"confusionLegend"_s);
    QVERIFY(legend && legend->isVisible());
    QStringList texts;
    for (const QLabel *label : legend->findChildren<QLabel *>())
        texts.append(label->text());
    QCOMPARE(texts.count(u"0 %"_s), 2);
    QCOMPARE(texts.count(u"100 %"_s), 2);
    QVERIFY(texts.contains(u"Agreed (diagonal)"_s));
    QVERIFY(texts.contains(u"Confused (off the diagonal)"_s));
    QVERIFY(texts.contains(u"Numbers: samples in the cell, from 0 (empty cell) to 1."_s));
    const auto bars = legend->findChildren<ColourScaleBar *>();
    QCOMPARE(bars.size(), 2);
    // The cells take the scale's colours: reviewed cat holds s1 (predicted cat) and s3, half
    // the row on the diagonal; reviewed dog holds s2 alone, predicted cat: the whole row.
    const QColor diagonal = widget.heatmap()->item(0, 0)->background().color();
    QCOMPARE(diagonal, ColourScaleBar::shade(bars.at(0)->colour(), 0.5));
    QCOMPARE(widget.heatmap()->item(1, 0)->background().color(),
             ColourScaleBar::shade(bars.at(1)->colour(), 1.0));

    // Every chart names its axes and has a legend.
    const auto views = widget.findChildren<QChartView *>();
    QVERIFY(views.size() >= 3);
    for (const QChartView *view : views) {
        QChart *chart = view->chart();
        QVERIFY(chart);
        QVERIFY2(chart->legend()->isVisible(), qPrintable(chart->title()));
        QCOMPARE(chart->axes().size(), 2);
        for (const QAbstractAxis *axis : chart->axes())
            QVERIFY2(!axis->titleText().isEmpty(), qPrintable(chart->title()));
    }

    // The picture for the docs: the matrix with the (dog, cat) cell's samples beside it.
    clickCell(widget.heatmap(), 1, 0);
    QTRY_COMPARE_WITH_TIMEOUT(widget.sampleList()->table()->model()->rowCount(), 1, 10000);
    QString error;
    QVERIFY2(Testing::saveScreenshot(widget.grab().toImage(),
                                     QStringLiteral("dashboard-errors.png"), &error),
             qPrintable(error));
}

void TestDashboardWidget::windowOfItsOwn()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    fill(project.store());
    QWidget owner;
    owner.show();
    auto *window = new DashboardWindow(project.store(), &owner);
    QPointer<DashboardWindow> alive(window);
    // Not owned by the review window as a dialog is: a window of its own, stacked freely.
    QVERIFY(window->isWindow());
    QVERIFY(!window->parentWidget());
    QVERIFY(!qobject_cast<QDialog *>(window));
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(!window->windowHandle()->transientParent());
    QVERIFY(window->dashboard());
    // Closing the review window closes the dashboard.
    owner.close();
    QTRY_VERIFY(alive.isNull());
}

QTEST_MAIN(TestDashboardWidget)
#include "tst_dashboardwidget.moc"
