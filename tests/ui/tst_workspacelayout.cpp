// The workspace as a newcomer finds it, driven through the real window: it fits a 1366×768
// laptop (minimum width ≤ 1024 px with every panel shown), the View menu lists every panel and
// puts them back, the Classes menu and the legend name every class with its key, the queue says
// what each item was reviewed as, deciding a decided item asks first, the pace waits for five
// decisions, and a second window on the same project is told and follows the first's decisions.
#include "mainwindow.h"
#include "panels/batchpanel.h"
#include "panels/classlegend.h"
#include "panels/decisionbar.h"
#include "queue/queuemodel.h"
#include "queue/queuepane.h"
#include "reviewfixture.h"
#include "sampleview/heatmaplegend.h"
#include "sampleview/sampleviewtoolbar.h"
#include "screenshots.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

#include <memory>

using namespace Boucle;
using namespace Boucle::Testing;

class TestWorkspaceLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void fitsALaptop_data();
    void fitsALaptop();
    void viewMenuListsEveryPanelAndResets();
    void classesMenuAndLegendNameEveryKey();
    void reviewedAsColumnSaysWhatTheDecisionGave();
    void decidingADecidedItemAsksFirst();
    void paceWaitsForFiveDecisions();
    void secondWindowIsToldAndFollows();

private:
    void openWindow(int items, QSize size = QSize(1366, 768));
    // Answers the next modal question box with `button` once it shows.
    void answerNextQuestion(QMessageBox::StandardButton button, QString *text = nullptr);
    QString cell(int row, int column) const;

    WindowFixture m_window;
    ReviewFixture m_fixture;
};

void TestWorkspaceLayout::initTestCase()
{
    WindowFixture::isolateSettings(QStringLiteral("tst_workspacelayout"));
}

void TestWorkspaceLayout::init()
{
    QVERIFY(m_window.prepare());
}

void TestWorkspaceLayout::cleanup()
{
    m_window.reset();
}

void TestWorkspaceLayout::openWindow(int items, QSize size)
{
    QVERIFY(!m_window.createProject([&](ProjectStore &store) {
        return makeReviewFixture(store, items, m_fixture,
                                 m_window.filePath(QStringLiteral("images")));
    }));
    const StoreError error = m_window.openWindow(size);
    QVERIFY2(!error, qPrintable(error.message));
}

void TestWorkspaceLayout::answerNextQuestion(QMessageBox::StandardButton button, QString *text)
{
    // Looks every 10 ms until the box shows (for up to five seconds), as a person waits for it.
    auto *poll = new QTimer(this);
    auto tries = std::make_shared<int>(0);
    connect(poll, &QTimer::timeout, this, [poll, tries, button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            if (++*tries > 500)
                poll->deleteLater();
            return;
        }
        poll->stop();
        poll->deleteLater();
        if (text)
            *text = box->text();
        QAbstractButton *answer = box->button(button);
        QTest::mouseClick(answer, Qt::LeftButton);
    });
    poll->start(10);
}

QString TestWorkspaceLayout::cell(int row, int column) const
{
    return m_window.window()->queueModel()->index(row, column).data().toString();
}

void TestWorkspaceLayout::fitsALaptop_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1366x768") << QSize(1366, 768);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
}

void TestWorkspaceLayout::fitsALaptop()
{
    QFETCH(QSize, size);
    openWindow(12, size);
    MainWindow *window = m_window.window();
    auto *batches = window->findChild<QDockWidget *>(QStringLiteral("batchesDock"));
    auto *versions = window->findChild<QDockWidget *>(QStringLiteral("versionsDock"));
    QVERIFY(batches && batches->isVisible());
    QVERIFY2(versions && versions->isVisible(), "the versions are shown from the start");
    for (QWidget *child : window->findChildren<QWidget *>()) {
        if (child->isVisible() && child->minimumSizeHint().width() > 300)
            qDebug() << child->metaObject()->className() << child->objectName()
                     << child->minimumSizeHint() << child->minimumWidth();
    }
    QVERIFY2(window->minimumSizeHint().width() <= 1024,
             qPrintable(
                     QStringLiteral("minimum width %1 px").arg(window->minimumSizeHint().width())));
    QCOMPARE(window->size(), size);

    // What a reviewer needs is on screen, inside the window, not folded away.
    auto onScreen = [window](QWidget *widget) {
        if (!widget || !widget->isVisible())
            return false;
        const QRect inWindow(widget->mapTo(window, QPoint(0, 0)), widget->size());
        return window->rect().contains(inWindow) && !widget->visibleRegion().isEmpty();
    };
    auto *toolbar = window->findChild<SampleViewToolBar *>();
    QVERIFY(toolbar);
    QVERIFY2(onScreen(toolbar->colourMapBox()), "the heatmap colour map is visible");
    QVERIFY2(onScreen(toolbar->opacitySlider()), "the heatmap opacity is visible");
    QVERIFY2(onScreen(toolbar->heatmapLegend()), "the heatmap legend is visible");
    QCOMPARE(toolbar->heatmapLegend()->text(),
             QStringLiteral("evidence for %1").arg(m_fixture.predictions.at(0).label));
    QVERIFY(onScreen(window->decisionBar()->classPicker()));
    QVERIFY(onScreen(window->decisionBar()->commentField()));
    QVERIFY(onScreen(window->findChild<ClassLegend *>()));
    QVERIFY(onScreen(window->queueView()));
    const auto buttons = window->decisionBar()->findChildren<QToolButton *>();
    int decisionButtons = 0;
    for (QToolButton *button : buttons) {
        if (!button->defaultAction() || qobject_cast<QLineEdit *>(button->parentWidget()))
            continue; // a line edit's clear button shows only over text
        // Keeping a doubted label is offered on the items the suspect-label trigger flagged.
        if (!button->defaultAction()->isVisible())
            continue;
        ++decisionButtons;
        QVERIFY2(onScreen(button), qPrintable(button->text()));
    }
    QCOMPARE(decisionButtons, 5);

    QString error;
    const QString name = QStringLiteral("workspace-%1x%2.png").arg(size.width()).arg(size.height());
    QVERIFY2(saveScreenshot(window->grab().toImage(), name, &error), qPrintable(error));
}

void TestWorkspaceLayout::viewMenuListsEveryPanelAndResets()
{
    openWindow(6);
    MainWindow *window = m_window.window();
    auto *panels = window->findChild<QMenu *>(QStringLiteral("panelsMenu"));
    QVERIFY(panels);
    QStringList listed;
    for (QAction *action : panels->actions())
        listed.append(action->text());
    for (QDockWidget *dock : window->findChildren<QDockWidget *>())
        QVERIFY2(listed.contains(dock->windowTitle()), qPrintable(dock->windowTitle()));

    // Close the batches as a person does (the dock's close button), bring them back from View.
    auto *batches = window->findChild<QDockWidget *>(QStringLiteral("batchesDock"));
    auto *close
            = batches->findChild<QAbstractButton *>(QStringLiteral("qt_dockwidget_closebutton"));
    QVERIFY(close);
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(!batches->isVisible());
    QAction *toggle = window->findChild<QAction *>(QStringLiteral("batchesDockToggle"));
    QVERIFY(toggle && panels->actions().contains(toggle));
    toggle->trigger();
    QVERIFY(batches->isVisible());

    // Closed and floated panels come back home with Reset layout.
    auto *versions = window->findChild<QDockWidget *>(QStringLiteral("versionsDock"));
    versions->close();
    batches->setFloating(true);
    window->findChild<QAction *>(QStringLiteral("resetLayout"))->trigger();
    QVERIFY(versions->isVisible());
    QVERIFY(batches->isVisible());
    QVERIFY(!batches->isFloating());
    QCOMPARE(window->dockWidgetArea(batches), Qt::LeftDockWidgetArea);
}

void TestWorkspaceLayout::classesMenuAndLegendNameEveryKey()
{
    // Twelve classes: the first ten have keys 1–9, 0; the last two are chosen from the menu.
    QVERIFY(!m_window.createProject([&](ProjectStore &store) {
        if (auto error = makeReviewFixture(store, 4, m_fixture))
            return error;
        QStringList more;
        for (const char *name : {"goat", "pig", "cow", "duck", "hen", "owl"})
            more.append(QString::fromLatin1(name));
        return store.ensureClasses(more);
    }));
    QVERIFY(!m_window.openWindow(QSize(1366, 768)));
    MainWindow *window = m_window.window();
    const QStringList classes = window->store()->classNames();
    QCOMPARE(classes.size(), 12);

    QStringList inMenu;
    QStringList keys;
    for (QAction *action : window->classMenu()->actions()) {
        if (action->data().toString().isEmpty())
            continue;
        inMenu.append(action->data().toString());
        keys.append(action->shortcut().toString());
    }
    QCOMPARE(inMenu, classes);
    QCOMPARE(keys.mid(0, 10),
             (QStringList {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                           QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6"),
                           QStringLiteral("7"), QStringLiteral("8"), QStringLiteral("9"),
                           QStringLiteral("0")}));
    QCOMPARE(keys.mid(10), (QStringList {QString(), QString()}));

    auto *legend = window->findChild<ClassLegend *>();
    QCOMPARE(legend->entries().size(), 10);
    QCOMPARE(legend->entries().first(), QStringLiteral("1 %1").arg(classes.first()));
    QCOMPARE(legend->entries().last(), QStringLiteral("0 %1").arg(classes.at(9)));
    QVERIFY(legend->text().contains(QStringLiteral("2 more: / to search")));

    // A class without a key is chosen from the menu, then O overrides with it.
    m_window.settle();
    window->classMenu()->actions().at(11)->trigger();
    QCOMPARE(window->decisionBar()->chosenClass(), classes.at(11));
    window->queueView()->setFocus();
    m_window.press(Qt::Key_O);
    QCOMPARE(m_window.labelOnDisk(m_fixture.items.at(0).sampleId), classes.at(11));
}

void TestWorkspaceLayout::reviewedAsColumnSaysWhatTheDecisionGave()
{
    openWindow(4);
    m_window.press(Qt::Key_A); // item 1: approved as predicted
    m_window.press(Qt::Key_4); // item 2: override with class 4 ("fish")
    m_window.press(Qt::Key_O);
    QCOMPARE(m_window.window()->queueModel()->headerData(QueueModel::ReviewedAsColumn,
                                                         Qt::Horizontal),
             QVariant(QStringLiteral("Reviewed as")));
    QCOMPARE(cell(0, QueueModel::ReviewedAsColumn), m_fixture.predictions.at(0).label);
    QCOMPARE(cell(1, QueueModel::StatusColumn), QStringLiteral("Overridden"));
    QCOMPARE(cell(1, QueueModel::ReviewedAsColumn), QStringLiteral("fish"));
    QCOMPARE(cell(2, QueueModel::ReviewedAsColumn), QString());
}

void TestWorkspaceLayout::decidingADecidedItemAsksFirst()
{
    openWindow(4);
    const BatchItemId first = m_fixture.items.at(0).id;
    m_window.press(Qt::Key_A);
    QCOMPARE(m_window.reviewsOnDisk(first).size(), 1);
    m_window.press(Qt::Key_K); // back to the decided item

    // Keep: nothing is written.
    QString question;
    answerNextQuestion(QMessageBox::No, &question);
    m_window.press(Qt::Key_5);
    m_window.press(Qt::Key_O);
    QVERIFY2(question.contains(QStringLiteral("already decided")),
             qPrintable(m_window.window()->lastMessage()));
    QVERIFY2(question.contains(QStringLiteral("Approved")), qPrintable(question));
    QVERIFY2(question.contains(QStringLiteral("ada")), qPrintable(question));
    QCOMPARE(m_window.reviewsOnDisk(first).size(), 1);
    QCOMPARE(m_window.statusOnDisk(first), ReviewStatus::Approved);
    QCOMPARE(m_window.window()->currentItem(), first);

    // Replace: the new decision is stored.
    answerNextQuestion(QMessageBox::Yes);
    m_window.press(Qt::Key_O);
    QVERIFY2(m_window.statusOnDisk(first) == ReviewStatus::Overridden,
             qPrintable(m_window.window()->lastMessage()));
    QCOMPARE(m_window.labelOnDisk(m_fixture.items.at(0).sampleId), QStringLiteral("horse"));

    // A pending item is decided without a question.
    QCOMPARE(m_window.window()->currentItem(), m_fixture.items.at(1).id);
    m_window.press(Qt::Key_A);
    QCOMPARE(m_window.statusOnDisk(m_fixture.items.at(1).id), ReviewStatus::Approved);
}

void TestWorkspaceLayout::paceWaitsForFiveDecisions()
{
    openWindow(12);
    QLabel *pace = m_window.window()->paceLabel();
    m_window.press(Qt::Key_A);
    QVERIFY2(!pace->text().contains(QStringLiteral("/hour")), qPrintable(pace->text()));
    QCOMPARE(pace->text(), QStringLiteral("Pace: shown after 5 decisions"));
    for (int i = 0; i < 4; ++i)
        m_window.press(Qt::Key_A);
    QVERIFY2(pace->text().contains(QStringLiteral("decisions/hour")), qPrintable(pace->text()));
    m_window.press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(pace->text(), QStringLiteral("Pace: shown after 5 decisions"));
}

void TestWorkspaceLayout::secondWindowIsToldAndFollows()
{
    openWindow(4);
    MainWindow *first = m_window.window();
    MainWindow second;
    second.resize(1366, 768);
    second.show();
    QVERIFY(!second.openProject(m_window.projectPath()));
    QVERIFY2(second.lastMessage().contains(QStringLiteral("Another Boucle window")),
             qPrintable(second.lastMessage()));
    QVERIFY(second.lastMessage().contains(QString::number(QCoreApplication::applicationPid())));

    // The first window decides; the second shows it without being reopened.
    first->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(first));
    first->queueView()->setFocus();
    m_window.press(Qt::Key_A);
    QCOMPARE(m_window.statusOnDisk(m_fixture.items.at(0).id), ReviewStatus::Approved);
    QCOMPARE(second.queueModel()->index(0, QueueModel::StatusColumn).data().toString(),
             QStringLiteral("Pending"));
    QTRY_COMPARE(second.queueModel()->index(0, QueueModel::StatusColumn).data().toString(),
                 QStringLiteral("Approved"));
    auto *bars = second.batchPanel()->tree();
    QVERIFY(bars->topLevelItemCount() == 1);
    QCOMPARE(second.currentItem(), m_fixture.items.at(0).id);
}

QTEST_MAIN(TestWorkspaceLayout)
#include "tst_workspacelayout.moc"
