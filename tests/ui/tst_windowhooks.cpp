// The window runs the project's batch_completed hook when the reviewer decides the last item,
// without waiting for it, says in the status bar how it ended, and keeps every decision when
// the hook fails.
#include "dialogs/hookrunsdialog.h"
#include "mainwindow.h"
#include "reviewfixture.h"
#include "screenshots.h"
#include "store/projectstore.h"
#include "windowfixture.h"

#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTest>
#include <QTreeWidget>

using namespace Boucle;
using namespace Boucle::Testing;

class TestWindowHooks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void failingHookIsShownAndDecisionsStay();

private:
    WindowFixture m_window;
};

void TestWindowHooks::initTestCase()
{
    WindowFixture::isolateSettings(QStringLiteral("tst_windowhooks"));
}

void TestWindowHooks::init()
{
    QVERIFY(m_window.prepare());
}

void TestWindowHooks::cleanup()
{
    m_window.reset();
}

void TestWindowHooks::failingHookIsShownAndDecisionsStay()
{
    ReviewFixture fixture;
    QVERIFY(!m_window.createProject([&fixture](ProjectStore &store) {
        if (StoreError error = makeReviewFixture(store, 2, fixture))
            return error;
        return store.setSetting(QStringLiteral("hooks.batch_completed"),
                                QStringLiteral("echo no GPU free >&2; exit 3"));
    }));
    QVERIFY(!m_window.openWindow());
    for (int i = 0; i < 2; ++i)
        m_window.press(Qt::Key_A);
    QTRY_VERIFY_WITH_TIMEOUT(m_window.window()->statusBar()->currentMessage().contains(
                                     QStringLiteral("Hook batch_completed failed (exit 3)")),
                             20000);

    ProjectStore store;
    QVERIFY(!store.open(m_window.projectPath(), ProjectStore::OpenMode::ReadOnly));
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
