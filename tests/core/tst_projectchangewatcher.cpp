// The window notices what other connections commit to its project (a second connection in the
// same process, and a reviewer in another process), but not its own commits; and the presence
// file tells a second window who holds the project, and is taken over when its holder was
// killed.
#include "reviewfixture.h"
#include "store/projectchangewatcher.h"
#include "store/projectstore.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Boucle;
using namespace Boucle::Testing;

class TestProjectChangeWatcher : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void noticesAnotherConnectionNotItsOwn();
    void noticesAnotherProcess();
    void presenceNamesTheOtherWindow();
    void presenceOfAKilledWindowIsTakenOver();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    ReviewFixture m_fixture;
};

void TestProjectChangeWatcher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("watched.boucle"));
    ProjectStore store;
    QVERIFY(!store.create(m_path, m_dir->path()));
    QVERIFY(!makeReviewFixture(store, 4, m_fixture));
}

void TestProjectChangeWatcher::cleanup()
{
    m_dir.reset();
}

void TestProjectChangeWatcher::noticesAnotherConnectionNotItsOwn()
{
    ProjectStore mine;
    QVERIFY(!mine.open(m_path));
    ProjectChangeWatcher watcher(mine);
    QSignalSpy changed(&watcher, &ProjectChangeWatcher::changedElsewhere);
    QVERIFY(!watcher.start(60000));
    QVERIFY(!watcher.poll());

    QVERIFY(!mine.ensureClasses({QStringLiteral("mine")}));
    QVERIFY2(!watcher.poll(), "the window's own commit is not a change from elsewhere");

    {
        ProjectStore other;
        QVERIFY(!other.open(m_path));
        QVERIFY(!other.ensureClasses({QStringLiteral("theirs")}));
    }
    QVERIFY(watcher.poll());
    QCOMPARE(changed.size(), 1);
    QVERIFY(!watcher.poll());
    QVERIFY(mine.classNames().contains(QStringLiteral("theirs")));
}

void TestProjectChangeWatcher::noticesAnotherProcess()
{
    ProjectStore mine;
    QVERIFY(!mine.open(m_path));
    ProjectChangeWatcher watcher(mine);
    QSignalSpy changed(&watcher, &ProjectChangeWatcher::changedElsewhere);
    watcher.start(20);

    QProcess reviewer;
    reviewer.start(QStringLiteral(BOUCLE_SCRIPTED_REVIEWER),
                   {m_path, QStringLiteral("bob"), QStringLiteral("2")});
    QVERIFY(reviewer.waitForFinished(60000));
    QCOMPARE(reviewer.exitCode(), 0);
    // The timer polls on its own; no explicit poll here.
    QTRY_VERIFY(changed.size() >= 1);
    QCOMPARE(mine.batchItem(m_fixture.items.at(0).id)->status, ReviewStatus::Approved);
}

void TestProjectChangeWatcher::presenceNamesTheOtherWindow()
{
    ProjectStore first;
    QVERIFY(!first.open(m_path));
    ProjectStore second;
    QVERIFY(!second.open(m_path));
    {
        ProjectChangeWatcher firstWindow(first);
        QVERIFY(!firstWindow.start());
        QVERIFY(QFile::exists(ProjectChangeWatcher::presencePath(m_path)));
        ProjectChangeWatcher secondWindow(second);
        const auto holder = secondWindow.start();
        QVERIFY(holder);
        QCOMPARE(holder->pid, QCoreApplication::applicationPid());
        QCOMPARE(holder->host, QSysInfo::machineHostName());
    }
    QVERIFY2(!QFile::exists(ProjectChangeWatcher::presencePath(m_path)),
             "the presence file goes with the window");
    ProjectChangeWatcher later(second);
    QVERIFY(!later.start());
}

void TestProjectChangeWatcher::presenceOfAKilledWindowIsTakenOver()
{
    // A window killed with -9 leaves its presence file: a process that held it is gone.
    QProcess holder;
    holder.start(QStringLiteral("sleep"), {QStringLiteral("60")});
    QVERIFY(holder.waitForStarted());
    const qint64 pid = holder.processId();
    {
        QFile file(ProjectChangeWatcher::presencePath(m_path));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::number(pid) + "\nboucle\n" + QSysInfo::machineHostName().toUtf8()
                   + "\n");
    }
    ::kill(pid_t(pid), SIGKILL);
    QVERIFY(holder.waitForFinished());

    ProjectStore store;
    QVERIFY(!store.open(m_path));
    ProjectChangeWatcher window(store);
    QVERIFY2(!window.start(), "a dead holder's presence file is taken over");
}

QTEST_GUILESS_MAIN(TestProjectChangeWatcher)
#include "tst_projectchangewatcher.moc"
