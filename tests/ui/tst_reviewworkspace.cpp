// The review workspace driven as a reviewer drives it: key presses only, then the rows in the
// project file. Also: the queue model under QAbstractItemModelTester, and screenshots of the main
// states for the README (written only when BOUCLE_SCREENSHOT_DIR names a folder).
#include "mainwindow.h"
#include "panels/decisionbar.h"
#include "panels/versionspanel.h"
#include "queue/queuemodel.h"
#include "review/reviewsession.h"
#include "reviewfixture.h"
#include "sampleview/sampleview.h"
#include "screenshots.h"
#include "store/projectstore.h"
#include "windowfixture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

class TestReviewWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void queueModelPassesTester_data();
    void queueModelPassesTester();
    void wholeBatchByKeys();
    void overrideNeedsCommentWhenPolicySaysSo();
    void bulkApproveOnSelection();
    void settingsPersist();
    void triggerFilterOffersTheBatchTriggers();
    void featureSamplesShowAsCharts();
    void reopensAtFirstPendingItemBeyondThePage();
    void screenshots();

private:
    void openWindow(int items);
    // What another process sees of the fixture's item `index`.
    QList<ReviewRecord> reviewsOnDisk(int index) const;
    ReviewStatus statusOnDisk(int index) const;
    QString labelOnDisk(int index) const;
    MainWindow *window() const { return m_window.window(); }

    WindowFixture m_window;
    ReviewFixture m_fixture;
};

void TestReviewWorkspace::initTestCase()
{
    WindowFixture::isolateSettings(QStringLiteral("tst_reviewworkspace"));
}

void TestReviewWorkspace::init()
{
    QVERIFY(m_window.prepare());
}

void TestReviewWorkspace::cleanup()
{
    m_window.reset();
}

void TestReviewWorkspace::openWindow(int items)
{
    QVERIFY(!m_window.createProject([&](ProjectStore &store) {
        return makeReviewFixture(store, items, m_fixture,
                                 m_window.filePath(QStringLiteral("images")));
    }));
    const StoreError error = m_window.openWindow(QSize(1400, 860));
    QVERIFY2(!error, qPrintable(error.message));
    QCOMPARE(window()->queueModel()->rowCount(), items);
    QCOMPARE(window()->currentItem(), m_fixture.items.at(0).id);
}

// The filter offers the triggers that flagged this batch's items, not every trigger there is;
// choosing one leaves just its items in the queue.
void TestReviewWorkspace::triggerFilterOffersTheBatchTriggers()
{
    openWindow(9);
    auto *filter = window()->findChild<QComboBox *>(QStringLiteral("triggerFilter"));
    QVERIFY(filter);
    auto offered = [filter] {
        QStringList triggers;
        for (int i = 1; i < filter->count(); ++i)
            triggers.append(filter->itemData(i).toString());
        return triggers;
    };
    QTRY_COMPARE(offered(),
                 (QStringList {QStringLiteral("low_confidence"), QStringLiteral("committee")}));
    filter->setCurrentIndex(filter->findData(QStringLiteral("committee")));
    m_window.settle();
    QCOMPARE(window()->queueModel()->rowCount(), 4); // the odd items of nine
}

// A tabular sample (a CSV of names and one row of values, as the letters demo writes) shows as a
// bar chart; a damaged one shows a placeholder naming the file, line and field.
void TestReviewWorkspace::featureSamplesShowAsCharts()
{
    QDir(m_window.folder()).mkpath(QStringLiteral("letters"));
    const auto writeFile = [this](const QString &name, const QByteArray &text) {
        QFile file(m_window.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    writeFile(QStringLiteral("letters/good.csv"), "x-box,y-box,width\n2,8,3\n");
    writeFile(QStringLiteral("letters/bad.csv"), "x-box,y-box,width\n2,eight,3\n");
    QVERIFY(!m_window.createProject([](ProjectStore &store) {
        if (StoreError error = store.ensureClasses({QStringLiteral("A"), QStringLiteral("B")}))
            return error;
        QList<BatchItemRecord> items;
        for (const QString &path :
             {QStringLiteral("letters/good.csv"), QStringLiteral("letters/bad.csv")}) {
            SampleRecord sample;
            sample.path = path;
            sample.kind = QStringLiteral("features");
            if (StoreError error = store.addSample(sample))
                return error;
            BatchItemRecord item;
            item.sampleId = sample.id;
            items.append(item);
        }
        BatchRecord batch;
        batch.name = QStringLiteral("letters");
        return store.addBatch(batch, items);
    }));
    QVERIFY(!m_window.openWindow(QSize(1200, 800)));
    QVERIFY(window()->sampleView()->isShowingFeatures());
    QVERIFY(window()->sampleView()->placeholderText().isEmpty());
    window()->goToRow(1);
    m_window.settle();
    QVERIFY(!window()->sampleView()->isShowingFeatures());
    const QString shown = window()->sampleView()->placeholderText();
    QVERIFY2(shown.contains(QLatin1String("bad.csv")) && shown.contains(QLatin1String("line 2"))
                     && shown.contains(QLatin1String("y-box")),
             qPrintable(shown));
}

// A reviewer who decided 300 items, closed the window and opened it again starts at item 301,
// not at the top, where A would decide an already decided item a second time.
void TestReviewWorkspace::reopensAtFirstPendingItemBeyondThePage()
{
    constexpr int decided = 300;
    QVERIFY(!m_window.createProject([&](ProjectStore &store) {
        if (StoreError error = makeReviewFixture(store, decided + 20, m_fixture))
            return error;
        ReviewSession session(store);
        session.setReviewer(QStringLiteral("ada"));
        QList<BatchItemId> first;
        for (int i = 0; i < decided; ++i)
            first.append(m_fixture.items.at(i).id);
        return session.approveAll(first);
    }));
    QVERIFY(!m_window.openWindow(QSize(1400, 860)));
    QCOMPARE(window()->currentItem(), m_fixture.items.at(decided).id);
    m_window.press(Qt::Key_A);
    m_window.settle();
    QCOMPARE(reviewsOnDisk(0).size(), 1);
    QCOMPARE(statusOnDisk(decided), ReviewStatus::Approved);
}

QList<ReviewRecord> TestReviewWorkspace::reviewsOnDisk(int index) const
{
    return m_window.reviewsOnDisk(m_fixture.items.at(index).id);
}

ReviewStatus TestReviewWorkspace::statusOnDisk(int index) const
{
    return m_window.statusOnDisk(m_fixture.items.at(index).id);
}

QString TestReviewWorkspace::labelOnDisk(int index) const
{
    return m_window.labelOnDisk(m_fixture.items.at(index).sampleId);
}

void TestReviewWorkspace::queueModelPassesTester_data()
{
    QTest::addColumn<int>("items");
    QTest::newRow("one page") << 12;
    QTest::newRow("several pages") << 700;
}

void TestReviewWorkspace::queueModelPassesTester()
{
    QFETCH(int, items);
    ProjectStore store;
    QVERIFY(!store.create(m_window.projectPath(), m_window.folder()));
    QVERIFY(!makeReviewFixture(store, items, m_fixture));
    QueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBatch(&store, m_fixture.batch.id);
    QCOMPARE(model.rowCount(), items);
    // The last row is there without reading the ones before it.
    const QModelIndex last = model.index(items - 1, QueueModel::PositionColumn);
    QCOMPARE(last.data().toString(), QLocale().toString(items));
    QCOMPARE(model.index(0, QueueModel::LabelColumn).data().toString(), QStringLiteral("cat"));
    QVERIFY(model.loadedPageCount() <= 2);

    BatchItemFilter filter;
    filter.predictedClass = QStringLiteral("dog");
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), (items + 4) / 6);
    for (int row = 0; row < model.rowCount(); row += 7)
        QCOMPARE(model.index(row, QueueModel::LabelColumn).data().toString(),
                 QStringLiteral("dog"));

    filter = {};
    filter.trigger = QStringLiteral("committee");
    filter.maxConfidence = 0.5;
    model.setFilter(filter);
    QVERIFY(model.rowCount() > 0);
    for (int row = 0; row < model.rowCount(); row += 5) {
        QVERIFY(model.index(row, 0)
                        .data(QueueModel::ReasonsRole)
                        .toStringList()
                        .contains(QStringLiteral("committee")));
        QVERIFY(model.index(row, 0).data(QueueModel::ConfidenceRole).toDouble() <= 0.5);
    }

    model.setFilter({});
    model.sort(QueueModel::ConfidenceColumn, Qt::DescendingOrder);
    QVERIFY(model.index(0, 0).data(QueueModel::ConfidenceRole).toDouble()
            >= model.index(items - 1, 0).data(QueueModel::ConfidenceRole).toDouble());

    ReviewSession session(store);
    session.setReviewer(QStringLiteral("bob"));
    model.sort(QueueModel::PositionColumn);
    QVERIFY(!session.approve(m_fixture.items.at(1).id));
    model.refreshItem(m_fixture.items.at(1).id);
    QCOMPARE(model.index(1, QueueModel::StatusColumn).data().toString(),
             QStringLiteral("Approved"));
    QCOMPARE(model.index(1, QueueModel::ReviewerColumn).data().toString(), QStringLiteral("bob"));

    filter = {};
    filter.status = ReviewStatus::Approved;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1);
}

void TestReviewWorkspace::wholeBatchByKeys()
{
    openWindow(8);
    // Item 0 (cat): approve.
    m_window.press(Qt::Key_A);
    QCOMPARE(statusOnDisk(0), ReviewStatus::Approved);
    QCOMPARE(labelOnDisk(0), QStringLiteral("cat"));
    QCOMPARE(window()->currentItem(), m_fixture.items.at(1).id);

    // Item 1 (dog): choose class 3 (bird), write a comment, override.
    m_window.press(Qt::Key_3);
    QCOMPARE(window()->decisionBar()->chosenClass(), QStringLiteral("bird"));
    m_window.press(Qt::Key_C);
    QCOMPARE(QApplication::focusWidget(), window()->decisionBar()->commentField());
    m_window.typeText(QStringLiteral("beak visible"));
    m_window.press(Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), window()->queueView());
    m_window.press(Qt::Key_O);
    QCOMPARE(statusOnDisk(1), ReviewStatus::Overridden);
    QCOMPARE(labelOnDisk(1), QStringLiteral("bird"));
    QCOMPARE(reviewsOnDisk(1).constFirst().comment, QStringLiteral("beak visible"));

    // A slip: undo it. The override is revoked, the label removed, and the item shown again.
    m_window.press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(statusOnDisk(1), ReviewStatus::Pending);
    QCOMPARE(labelOnDisk(1), QString());
    QCOMPARE(reviewsOnDisk(1).size(), 2);
    QCOMPARE(reviewsOnDisk(1).at(1).action, ReviewAction::Revoke);
    QCOMPARE(window()->currentItem(), m_fixture.items.at(1).id);
    // Redo, then undo again: both land in the store as rows.
    m_window.press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(statusOnDisk(1), ReviewStatus::Overridden);
    m_window.press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(statusOnDisk(1), ReviewStatus::Pending);
    QCOMPARE(reviewsOnDisk(1).size(), 4);

    // Item 1 again: skip it.
    QCOMPARE(window()->currentItem(), m_fixture.items.at(1).id);
    m_window.press(Qt::Key_S);
    QCOMPARE(statusOnDisk(1), ReviewStatus::Skipped);

    // Item 2 (bird): relabel as horse (class 5), searching the class by typing.
    QCOMPARE(window()->currentItem(), m_fixture.items.at(2).id);
    m_window.press(Qt::Key_Slash);
    m_window.typeText(QStringLiteral("hor"));
    m_window.press(Qt::Key_Return);
    QCOMPARE(window()->decisionBar()->chosenClass(), QStringLiteral("horse"));
    m_window.press(Qt::Key_R);
    QCOMPARE(statusOnDisk(2), ReviewStatus::Relabelled);
    QCOMPARE(labelOnDisk(2), QStringLiteral("horse"));

    // Item 3: escalate.
    m_window.press(Qt::Key_E);
    QCOMPARE(statusOnDisk(3), ReviewStatus::Escalated);
    QCOMPARE(reviewsOnDisk(3).constFirst().reviewer, QStringLiteral("ada"));

    // Item 4 (horse), blind: the prediction is hidden until the first answer (2 = dog).
    m_window.press(Qt::Key_B, Qt::ControlModifier);
    QVERIFY(window()->session()->isBlind());
    QVERIFY(!window()->sampleView()->arePredictionsVisible());
    const QModelIndex labelCell = window()->queueModel()->index(4, QueueModel::LabelColumn);
    QVERIFY(labelCell.data().toString() != QStringLiteral("horse"));
    m_window.press(Qt::Key_A); // refused: no first answer yet
    QCOMPARE(statusOnDisk(4), ReviewStatus::Pending);
    QVERIFY(window()->lastMessage().contains(QLatin1String("own answer")));
    m_window.press(Qt::Key_2);
    QVERIFY(window()->sampleView()->arePredictionsVisible());
    QCOMPARE(labelCell.data().toString(), QStringLiteral("horse"));
    m_window.press(Qt::Key_A);
    QCOMPARE(statusOnDisk(4), ReviewStatus::Approved);
    QCOMPARE(reviewsOnDisk(4).constFirst().blindLabel, QStringLiteral("dog"));
    QCOMPARE(reviewsOnDisk(4).constFirst().label, QStringLiteral("horse"));
    m_window.press(Qt::Key_B, Qt::ControlModifier);
    QVERIFY(!window()->session()->isBlind());

    // The rest: approve, and the batch is done.
    m_window.press(Qt::Key_A);
    m_window.press(Qt::Key_A);
    m_window.press(Qt::Key_A);
    for (int index = 5; index < 8; ++index)
        QCOMPARE(statusOnDisk(index), ReviewStatus::Approved);
    QVERIFY(window()->lastMessage().contains(QLatin1String("Batch finished")));
    // Every decision took a measurable time and carries the reviewer.
    for (int index = 0; index < 8; ++index) {
        const auto reviews = reviewsOnDisk(index);
        QVERIFY(!reviews.isEmpty());
        QVERIFY(reviews.constLast().startedAt.isValid());
        QVERIFY(reviews.constLast().startedAt <= reviews.constLast().finishedAt);
    }
}

void TestReviewWorkspace::overrideNeedsCommentWhenPolicySaysSo()
{
    openWindow(4);
    QVERIFY(!window()->session()->setCommentRequiredToOverride(true));
    m_window.press(Qt::Key_2); // dog, not what item 0 predicts
    m_window.press(Qt::Key_O);
    QVERIFY(reviewsOnDisk(0).isEmpty());
    QVERIFY(window()->lastMessage().contains(QLatin1String("comment")));
    // The comment field took the keyboard: type the reason and override again.
    QCOMPARE(QApplication::focusWidget(), window()->decisionBar()->commentField());
    m_window.typeText(QStringLiteral("a dog's nose"));
    m_window.press(Qt::Key_Return);
    m_window.press(Qt::Key_O);
    QCOMPARE(statusOnDisk(0), ReviewStatus::Overridden);
    QCOMPARE(labelOnDisk(0), QStringLiteral("dog"));
}

void TestReviewWorkspace::bulkApproveOnSelection()
{
    openWindow(6);
    QTableView *view = window()->queueView();
    m_window.press(Qt::Key_Down, Qt::ShiftModifier);
    m_window.press(Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(view->selectionModel()->selectedRows().size(), 3);
    m_window.press(Qt::Key_A);
    for (int index = 0; index < 3; ++index)
        QCOMPARE(statusOnDisk(index), ReviewStatus::Approved);
    QCOMPARE(statusOnDisk(3), ReviewStatus::Pending);
    m_window.press(Qt::Key_Z, Qt::ControlModifier); // one step undoes all three
    for (int index = 0; index < 3; ++index)
        QCOMPARE(statusOnDisk(index), ReviewStatus::Pending);
}

void TestReviewWorkspace::settingsPersist()
{
    openWindow(2);
    window()->sampleView()->setHeatmapOpacity(0.8);
    window()->sampleView()->setColourMap(ColourMap::Inferno);
    m_window.closeWindow();
    QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("lastProject")).toString(),
             QFileInfo(m_window.projectPath()).absoluteFilePath());
    QVERIFY(settings.value(QStringLiteral("recentProjects"))
                    .toStringList()
                    .contains(QFileInfo(m_window.projectPath()).absoluteFilePath()));
    QVERIFY(!settings.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
    MainWindow again;
    QCOMPARE(again.sampleView()->colourMap(), ColourMap::Inferno);
    QCOMPARE(again.sampleView()->heatmapOpacity(), 0.8);
}

void TestReviewWorkspace::screenshots()
{
    auto save = [](QWidget *widget, const QString &name) {
        QString error;
        QVERIFY2(saveScreenshot(widget->grab().toImage(), name, &error), qPrintable(error));
    };
    QVERIFY(m_window.showWindow(QSize(1400, 860)));
    save(window(), QStringLiteral("workspace-no-project.png"));
    openWindow(24);
    m_window.press(Qt::Key_A);
    m_window.press(Qt::Key_3);
    m_window.press(Qt::Key_O);
    m_window.settle();
    save(window(), QStringLiteral("workspace-reviewing.png"));

    m_window.press(Qt::Key_B, Qt::ControlModifier);
    m_window.settle();
    save(window(), QStringLiteral("workspace-blind.png"));
    m_window.press(Qt::Key_B, Qt::ControlModifier);

    window()->versionsPanel()->refresh();
    window()->versionsPanel()->showDiff(0, -1);
    window()->versionsPanel()->parentWidget()->show();
    QCoreApplication::processEvents();
    QVERIFY(window()->versionsPanel()->diffTable()->rowCount() >= 1);
    save(window(), QStringLiteral("workspace-versions.png"));
}

QTEST_MAIN(TestReviewWorkspace)
#include "tst_reviewworkspace.moc"
