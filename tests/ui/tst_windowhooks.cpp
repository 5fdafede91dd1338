// The window runs the project's batch_completed hook when the reviewer decides the last item,
// without waiting for it, says in the status bar how it ended, and keeps every decision when
// the hook fails.
#include "dialogs/hookrunsdialog.h"
#include "mainwindow.h"
#include "reviewfixture.h"
#include "screenshots.h"
#include "store/projectstore.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Boucle;
using namespace Boucle::Testing;

class TestWindowHooks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void failingHookIsShownAndDecisionsStay();
};

void TestWindowHooks::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BoucleTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_windowhooks"));
    QSettings().clear();
    QSettings().setValue(QStringLiteral("reviewer"), QStringLiteral("ada"));
}

void TestWindowHooks::failingHookIsShownAndDecisionsStay()
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("review.boucle"));
    ReviewFixture fixture;
    {
        ProjectStore store;
        QVERIFY(!store.create(project, dir.path()));
        QVERIFY(!makeReviewFixture(store, 2, fixture));
        QVERIFY(!store.setSetting(QStringLiteral("hooks.batch_completed"),
                                  QStringLiteral("echo no GPU free >&2; exit 3")));
    }
    MainWindow window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(!window.openProject(project));
    for (int i = 0; i < 2; ++i) {
        QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
        QTest::keyClick(target, Qt::Key_A);
        QCoreApplication::processEvents();
    }
    QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(
                                     QStringLiteral("Hook batch_completed failed (exit 3)")),
                             20000);

    ProjectStore store;
    QVERIFY(!store.open(project, ProjectStore::OpenMode::ReadOnly));
    const auto runs = store.hookRuns();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).exitCode, 3);
    QCOMPARE(runs.at(0).output, QByteArray("no GPU free\n"));
    QCOMPARE(store.batch(fixture.batch.id)->decidedCount, 2);

    // Project ▸ Hook runs… lists the run and shows what it printed.
    HookRunsDialog dialog(store);
    dialog.resize(860, 420);
    dialog.show();
    auto *list = dialog.findChild<QTreeWidget *>();
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), 1);
    list->setCurrentItem(list->topLevelItem(0));
    auto *output = dialog.findChild<QPlainTextEdit *>();
    QVERIFY(output);
    QTRY_VERIFY(output->toPlainText().contains(QStringLiteral("no GPU free")));
    QString error;
    QVERIFY2(saveScreenshot(dialog.grab().toImage(), QStringLiteral("hook-runs.png"), &error),
             qPrintable(error));
}

QTEST_MAIN(TestWindowHooks)
#include "tst_windowhooks.moc"
