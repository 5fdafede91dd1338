// The review workspace driven as a reviewer drives it: key presses only, then the rows in the
// project file. Also: the queue model under QAbstractItemModelTester, and screenshots of the main
// states for the README (written only when BOUCLE_SCREENSHOT_DIR names a folder).
#include "imaging/sampleprefetcher.h"
#include "mainwindow.h"
#include "panels/decisionbar.h"
#include "panels/versionspanel.h"
#include "queue/queuemodel.h"
#include "review/reviewsession.h"
#include "reviewfixture.h"
#include "sampleview/sampleview.h"
#include "screenshots.h"
#include "store/projectstore.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
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
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    void typeText(const QString &text);
    void settle();
    QList<ReviewRecord> reviewsOnDisk(int index) const;
    ReviewStatus statusOnDisk(int index) const;
    QString labelOnDisk(int index) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_projectPath;
    ReviewFixture m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

void TestReviewWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BoucleTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_reviewworkspace"));
}

void TestReviewWorkspace::init()
{
    QSettings().clear();
    QSettings().setValue(QStringLiteral("reviewer"), QStringLiteral("ada"));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_projectPath = m_dir->filePath(QStringLiteral("review.boucle"));
}

void TestReviewWorkspace::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestReviewWorkspace::openWindow(int items)
{
    {
        ProjectStore store;
        QVERIFY(!store.create(m_projectPath, m_dir->path()));
        QVERIFY(!makeReviewFixture(store, items, m_fixture,
                                   m_dir->filePath(QStringLiteral("images"))));
    }
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 860);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    const StoreError error = m_window->openProject(m_projectPath);
    QVERIFY2(!error, qPrintable(error.message));
    QCOMPARE(m_window->queueModel()->rowCount(), items);
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(0).id);
    settle();
}

// The filter offers the triggers that flagged this batch's items, not every trigger there is;
// choosing one leaves just its items in the queue.
void TestReviewWorkspace::triggerFilterOffersTheBatchTriggers()
{
    openWindow(9);
    auto *filter = m_window->findChild<QComboBox *>(QStringLiteral("triggerFilter"));
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
    settle();
    QCOMPARE(m_window->queueModel()->rowCount(), 4); // the odd items of nine
}

// A tabular sample (a CSV of names and one row of values, as the letters demo writes) shows as a
// bar chart; a damaged one shows a placeholder naming the file, line and field.
void TestReviewWorkspace::featureSamplesShowAsCharts()
{
    QDir(m_dir->path()).mkpath(QStringLiteral("letters"));
    const auto writeFile = [this](const QString &name, const QByteArray &text) {
        QFile file(m_dir->filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    writeFile(QStringLiteral("letters/good.csv"), "x-box,y-box,width\n2,8,3\n");
    writeFile(QStringLiteral("letters/bad.csv"), "x-box,y-box,width\n2,eight,3\n");
    {
        ProjectStore store;
        QVERIFY(!store.create(m_projectPath, m_dir->path()));
        QVERIFY(!store.ensureClasses({QStringLiteral("A"), QStringLiteral("B")}));
        QList<BatchItemRecord> items;
        for (const QString &path :
             {QStringLiteral("letters/good.csv"), QStringLiteral("letters/bad.csv")}) {
            SampleRecord sample;
            sample.path = path;
            sample.kind = QStringLiteral("features");
            QVERIFY(!store.addSample(sample));
            BatchItemRecord item;
            item.sampleId = sample.id;
            items.append(item);
        }
        BatchRecord batch;
        batch.name = QStringLiteral("letters");
        QVERIFY(!store.addBatch(batch, items));
    }
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(!m_window->openProject(m_projectPath));
    settle();
    QVERIFY(m_window->sampleView()->isShowingFeatures());
    QVERIFY(m_window->sampleView()->placeholderText().isEmpty());
    m_window->goToRow(1);
    settle();
    QVERIFY(!m_window->sampleView()->isShowingFeatures());
    const QString shown = m_window->sampleView()->placeholderText();
    QVERIFY2(shown.contains(QLatin1String("bad.csv")) && shown.contains(QLatin1String("line 2"))
                     && shown.contains(QLatin1String("y-box")),
             qPrintable(shown));
}

// A reviewer who decided 300 items, closed the window and opened it again starts at item 301,
// not at the top, where A would decide an already decided item a second time.
void TestReviewWorkspace::reopensAtFirstPendingItemBeyondThePage()
{
    constexpr int decided = 300;
    {
        ProjectStore store;
        QVERIFY(!store.create(m_projectPath, m_dir->path()));
        QVERIFY(!makeReviewFixture(store, decided + 20, m_fixture));
        ReviewSession session(store);
        session.setReviewer(QStringLiteral("ada"));
        QList<BatchItemId> first;
        for (int i = 0; i < decided; ++i)
            first.append(m_fixture.items.at(i).id);
        QVERIFY(!session.approveAll(first));
    }
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 860);
    m_window->show();
    QVERIFY(!m_window->openProject(m_projectPath));
    settle();
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(decided).id);
    press(Qt::Key_A);
    settle();
    QCOMPARE(reviewsOnDisk(0).size(), 1);
    QCOMPARE(statusOnDisk(decided), ReviewStatus::Approved);
}

void TestReviewWorkspace::settle()
{
    m_window->prefetcher()->waitForDone();
    QCoreApplication::processEvents();
}

void TestReviewWorkspace::press(int key, Qt::KeyboardModifiers modifiers)
{
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
    QTest::keyClick(target, Qt::Key(key), modifiers);
    QCoreApplication::processEvents();
}

void TestReviewWorkspace::typeText(const QString &text)
{
    QTest::keyClicks(QApplication::focusWidget(), text);
}

QList<ReviewRecord> TestReviewWorkspace::reviewsOnDisk(int index) const
{
    ProjectStore other;
    if (other.open(m_projectPath, ProjectStore::OpenMode::ReadOnly))
        return {};
    return other.reviewsForBatchItem(m_fixture.items.at(index).id);
}

ReviewStatus TestReviewWorkspace::statusOnDisk(int index) const
{
    ProjectStore other;
    if (other.open(m_projectPath, ProjectStore::OpenMode::ReadOnly))
        return ReviewStatus::Pending;
    const auto item = other.batchItem(m_fixture.items.at(index).id);
    return item ? item->status : ReviewStatus::Pending;
}

QString TestReviewWorkspace::labelOnDisk(int index) const
{
    ProjectStore other;
    if (other.open(m_projectPath, ProjectStore::OpenMode::ReadOnly))
        return {};
    return other.currentLabel(m_fixture.items.at(index).sampleId);
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
    QVERIFY(!store.create(m_projectPath, m_dir->path()));
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
    press(Qt::Key_A);
    QCOMPARE(statusOnDisk(0), ReviewStatus::Approved);
    QCOMPARE(labelOnDisk(0), QStringLiteral("cat"));
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(1).id);

    // Item 1 (dog): choose class 3 (bird), write a comment, override.
    press(Qt::Key_3);
    QCOMPARE(m_window->decisionBar()->chosenClass(), QStringLiteral("bird"));
    press(Qt::Key_C);
    QCOMPARE(QApplication::focusWidget(), m_window->decisionBar()->commentField());
    typeText(QStringLiteral("beak visible"));
    press(Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), m_window->queueView());
    press(Qt::Key_O);
    QCOMPARE(statusOnDisk(1), ReviewStatus::Overridden);
    QCOMPARE(labelOnDisk(1), QStringLiteral("bird"));
    QCOMPARE(reviewsOnDisk(1).constFirst().comment, QStringLiteral("beak visible"));

    // A slip: undo it. The override is revoked, the label removed, and the item shown again.
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(statusOnDisk(1), ReviewStatus::Pending);
    QCOMPARE(labelOnDisk(1), QString());
    QCOMPARE(reviewsOnDisk(1).size(), 2);
    QCOMPARE(reviewsOnDisk(1).at(1).action, ReviewAction::Revoke);
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(1).id);
    // Redo, then undo again: both land in the store as rows.
    press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(statusOnDisk(1), ReviewStatus::Overridden);
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(statusOnDisk(1), ReviewStatus::Pending);
    QCOMPARE(reviewsOnDisk(1).size(), 4);

    // Item 1 again: skip it.
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(1).id);
    press(Qt::Key_S);
    QCOMPARE(statusOnDisk(1), ReviewStatus::Skipped);

    // Item 2 (bird): relabel as horse (class 5), searching the class by typing.
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(2).id);
    press(Qt::Key_Slash);
    typeText(QStringLiteral("hor"));
    press(Qt::Key_Return);
    QCOMPARE(m_window->decisionBar()->chosenClass(), QStringLiteral("horse"));
    press(Qt::Key_R);
    QCOMPARE(statusOnDisk(2), ReviewStatus::Relabelled);
    QCOMPARE(labelOnDisk(2), QStringLiteral("horse"));

    // Item 3: escalate.
    press(Qt::Key_E);
    QCOMPARE(statusOnDisk(3), ReviewStatus::Escalated);
    QCOMPARE(reviewsOnDisk(3).constFirst().reviewer, QStringLiteral("ada"));

    // Item 4 (horse), blind: the prediction is hidden until the first answer (2 = dog).
    press(Qt::Key_B, Qt::ControlModifier);
    QVERIFY(m_window->session()->isBlind());
    QVERIFY(!m_window->sampleView()->arePredictionsVisible());
    const QModelIndex labelCell = m_window->queueModel()->index(4, QueueModel::LabelColumn);
    QVERIFY(labelCell.data().toString() != QStringLiteral("horse"));
    press(Qt::Key_A); // refused: no first answer yet
    QCOMPARE(statusOnDisk(4), ReviewStatus::Pending);
    QVERIFY(m_window->lastMessage().contains(QLatin1String("own answer")));
    press(Qt::Key_2);
    QVERIFY(m_window->sampleView()->arePredictionsVisible());
    QCOMPARE(labelCell.data().toString(), QStringLiteral("horse"));
    press(Qt::Key_A);
    QCOMPARE(statusOnDisk(4), ReviewStatus::Approved);
    QCOMPARE(reviewsOnDisk(4).constFirst().blindLabel, QStringLiteral("dog"));
    QCOMPARE(reviewsOnDisk(4).constFirst().label, QStringLiteral("horse"));
    press(Qt::Key_B, Qt::ControlModifier);
    QVERIFY(!m_window->session()->isBlind());

    // The rest: approve, and the batch is done.
    press(Qt::Key_A);
    press(Qt::Key_A);
    press(Qt::Key_A);
    for (int index = 5; index < 8; ++index)
        QCOMPARE(statusOnDisk(index), ReviewStatus::Approved);
    QVERIFY(m_window->lastMessage().contains(QLatin1String("Batch finished")));
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
    QVERIFY(!m_window->session()->setCommentRequiredToOverride(true));
    press(Qt::Key_2); // dog, not what item 0 predicts
    press(Qt::Key_O);
    QVERIFY(reviewsOnDisk(0).isEmpty());
    QVERIFY(m_window->lastMessage().contains(QLatin1String("comment")));
    // The comment field took the keyboard: type the reason and override again.
    QCOMPARE(QApplication::focusWidget(), m_window->decisionBar()->commentField());
    typeText(QStringLiteral("a dog's nose"));
    press(Qt::Key_Return);
    press(Qt::Key_O);
    QCOMPARE(statusOnDisk(0), ReviewStatus::Overridden);
    QCOMPARE(labelOnDisk(0), QStringLiteral("dog"));
}

void TestReviewWorkspace::bulkApproveOnSelection()
{
    openWindow(6);
    QTableView *view = m_window->queueView();
    press(Qt::Key_Down, Qt::ShiftModifier);
    press(Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(view->selectionModel()->selectedRows().size(), 3);
    press(Qt::Key_A);
    for (int index = 0; index < 3; ++index)
        QCOMPARE(statusOnDisk(index), ReviewStatus::Approved);
    QCOMPARE(statusOnDisk(3), ReviewStatus::Pending);
    press(Qt::Key_Z, Qt::ControlModifier); // one step undoes all three
    for (int index = 0; index < 3; ++index)
        QCOMPARE(statusOnDisk(index), ReviewStatus::Pending);
}

void TestReviewWorkspace::settingsPersist()
{
    openWindow(2);
    m_window->sampleView()->setHeatmapOpacity(0.8);
    m_window->sampleView()->setColourMap(ColourMap::Inferno);
    m_window->close();
    m_window.reset();
    QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("lastProject")).toString(),
             QFileInfo(m_projectPath).absoluteFilePath());
    QVERIFY(settings.value(QStringLiteral("recentProjects"))
                    .toStringList()
                    .contains(QFileInfo(m_projectPath).absoluteFilePath()));
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
    {
        MainWindow empty;
        empty.resize(1400, 860);
        empty.show();
        QVERIFY(QTest::qWaitForWindowExposed(&empty));
        save(&empty, QStringLiteral("workspace-no-project.png"));
    }
    openWindow(24);
    press(Qt::Key_A);
    press(Qt::Key_3);
    press(Qt::Key_O);
    settle();
    save(m_window.get(), QStringLiteral("workspace-reviewing.png"));

    press(Qt::Key_B, Qt::ControlModifier);
    settle();
    save(m_window.get(), QStringLiteral("workspace-blind.png"));
    press(Qt::Key_B, Qt::ControlModifier);

    m_window->versionsPanel()->refresh();
    m_window->versionsPanel()->showDiff(0, -1);
    m_window->versionsPanel()->parentWidget()->show();
    QCoreApplication::processEvents();
    QVERIFY(m_window->versionsPanel()->diffTable()->rowCount() >= 1);
    save(m_window.get(), QStringLiteral("workspace-versions.png"));
}

QTEST_MAIN(TestReviewWorkspace)
#include "tst_reviewworkspace.moc"
