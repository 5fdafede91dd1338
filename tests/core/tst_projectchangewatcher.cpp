// The window notices what other connections commit to its project (a second connection in the
// same process, and a reviewer in another process), but not its own commits nor a transaction
// rolled back; on a file by its change counter, on a server by the notice each commit sends
// (what changed and who). The presence file tells a second window on a file who holds the
// project, and is taken over when its holder was killed. Runs on both back ends.
#include "review/reviewsession.h"
#include "reviewfixture.h"
#include "store/projectchangewatcher.h"
#include "store/projectlocation.h"
#include "store/projectnotification.h"
#include "store/projectstore.h"
#include "store/storetransaction.h"
#include "temporaryproject.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSysInfo>
#include <QTest>

#include <csignal>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

// A server's notice is gathered for ProjectChangeWatcher::gatherMs and then signalled: the
// window shows another session's commit within this.
constexpr int withinASecond = 1000;

ProjectStore::Changes changesOf(const QSignalSpy &spy, int index)
{
    return spy.at(index).at(0).value<ProjectStore::Changes>();
}

} // namespace

class TestProjectChangeWatcher : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void channelFitsAnIdentifier();
    void payloadSaysWhatAndWho();
    void noticesAnotherConnectionNotItsOwn();
    void rolledBackTransactionSaysNothing();
    void serverSaysWhatChanged();
    void serverNoticeReachesAListener();
    void noticesAnotherProcess();
    void presenceNamesTheOtherWindow();
    void presenceOfAKilledWindowIsTakenOver();

private:
    std::unique_ptr<TemporaryProject> m_project;
    QString m_path;
    ReviewFixture m_fixture;
};

void TestProjectChangeWatcher::init()
{
    m_project = std::make_unique<TemporaryProject>();
    QVERIFY(m_project->isValid());
    m_path = m_project->projectPath();
    m_fixture = {};
    QVERIFY(!makeReviewFixture(m_project->store(), 4, m_fixture));
    m_project->store().close();
}

void TestProjectChangeWatcher::cleanup()
{
    m_project.reset();
}

void TestProjectChangeWatcher::channelFitsAnIdentifier()
{
    QCOMPARE(ProjectNotification::channel(QStringLiteral("ward_7")),
             QStringLiteral("boucle_ward_7"));
    // The longest project name PostgreSQL allows (63) would make a 70-byte channel, which the
    // server refuses in pg_notify and cuts in LISTEN: it keeps a hash instead.
    const QString longName = QString(62, QLatin1Char('a')) + QLatin1Char('1');
    const QString sibling = QString(62, QLatin1Char('a')) + QLatin1Char('2');
    const QString channel = ProjectNotification::channel(longName);
    QCOMPARE(channel.size(), ProjectNotification::maxChannelLength);
    QVERIFY(channel.startsWith(QStringLiteral("boucle_aaaa")));
    QVERIFY(channel != ProjectNotification::channel(sibling));
    QCOMPARE(ProjectNotification::channel(longName), channel);
}

void TestProjectChangeWatcher::payloadSaysWhatAndWho()
{
    const ProjectStore::Changes what = ProjectStore::Change::Reviews | ProjectStore::Change::Labels;
    const QString payload = ProjectNotification::payload(what, QStringLiteral("s-1"));
    QCOMPARE(payload, QStringLiteral("{\"changes\":96,\"session\":\"s-1\"}"));
    const auto message = ProjectNotification::parse(payload);
    QVERIFY(message);
    QCOMPARE(message->changes, what);
    QCOMPARE(message->session, QStringLiteral("s-1"));
    QVERIFY(!ProjectNotification::parse(QStringLiteral("hello")));
    QVERIFY(!ProjectNotification::parse(QStringLiteral("{\"changes\":\"many\"}")));
}

void TestProjectChangeWatcher::noticesAnotherConnectionNotItsOwn()
{
    ProjectStore mine;
    QVERIFY(!mine.open(m_path));
    ProjectChangeWatcher watcher(mine);
    QSignalSpy changed(&watcher, &ProjectChangeWatcher::changedElsewhere);
    // On a file the test polls by hand (the timer waits a minute).
    QVERIFY(!watcher.start(60000));
    QCOMPARE(watcher.isListening(), mine.isServer());
    QVERIFY(!watcher.poll());

    QVERIFY(!mine.ensureClasses({QStringLiteral("mine")}));
    if (!mine.isServer())
        QVERIFY2(!watcher.poll(), "the window's own commit is not a change from elsewhere");

    ProjectStore other;
    QVERIFY(!other.open(m_path));
    QVERIFY(!other.setSetting(QStringLiteral("shift"), QStringLiteral("night")));
    if (mine.isServer()) {
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 1, withinASecond);
        // The window's own class came first: had it been taken for news, it would be in this
        // signal or in an earlier one.
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changesOf(changed, 0), ProjectStore::Changes(ProjectStore::Change::Settings));
    } else {
        QVERIFY(watcher.poll());
        QCOMPARE(changed.size(), 1);
        // A file's counter says that something changed, not what: the window reads it all.
        QCOMPARE(changesOf(changed, 0), ProjectChangeWatcher::anything());
        QVERIFY(changesOf(changed, 0).testFlag(ProjectStore::Change::Reviews));
        QVERIFY(changesOf(changed, 0).testFlag(ProjectStore::Change::Automation));
    }
    QVERIFY(!watcher.poll());
    QCOMPARE(mine.setting(QStringLiteral("shift")), QStringLiteral("night"));
}

void TestProjectChangeWatcher::rolledBackTransactionSaysNothing()
{
    ProjectStore mine;
    QVERIFY(!mine.open(m_path));
    ProjectChangeWatcher watcher(mine);
    QSignalSpy changed(&watcher, &ProjectChangeWatcher::changedElsewhere);
    QVERIFY(!watcher.start(60000));

    ProjectStore other;
    QVERIFY(!other.open(m_path));
    {
        StoreTransaction transaction(other);
        QVERIFY(!transaction.beginError());
        QVERIFY(!other.ensureClasses({QStringLiteral("never")}));
        transaction.rollback();
    }
    QVERIFY(!other.classNames().contains(QStringLiteral("never")));
    if (!mine.isServer())
        QVERIFY2(!watcher.poll(), "a rolled-back transaction changed nothing");

    // A commit after it: the only news, on its own.
    QVERIFY(!other.setSetting(QStringLiteral("shift"), QStringLiteral("day")));
    if (mine.isServer()) {
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 1, withinASecond);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changesOf(changed, 0), ProjectStore::Changes(ProjectStore::Change::Settings));
    } else {
        QVERIFY(watcher.poll());
    }
}

void TestProjectChangeWatcher::serverSaysWhatChanged()
{
    if (!TemporaryProject::onServer())
        QSKIP("a file's counter says that something changed, not what");
    ProjectStore mine;
    QVERIFY(!mine.open(m_path));
    ProjectChangeWatcher watcher(mine);
    QSignalSpy changed(&watcher, &ProjectChangeWatcher::changedElsewhere);
    QVERIFY(!watcher.start());

    ProjectStore other;
    QVERIFY(!other.open(m_path));
    // A teammate's decision.
    ReviewSession session(other);
    session.setReviewer(QStringLiteral("bob"));
    QVERIFY(!session.approve(m_fixture.items.at(0).id));
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() == 1, withinASecond);
    QVERIFY(changesOf(changed, 0).testFlag(ProjectStore::Change::Reviews));
    QCOMPARE(mine.batchItem(m_fixture.items.at(0).id)->status, ReviewStatus::Approved);

    // A new batch (an import or a trigger run elsewhere).
    QList<BatchItemRecord> items;
    BatchItemRecord item;
    item.sampleId = m_fixture.items.at(1).sampleId;
    item.predictionId = m_fixture.items.at(1).predictionId;
    items.append(item);
    BatchRecord batch;
    batch.name = QStringLiteral("night shift");
    QVERIFY(!other.addBatch(batch, items));
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() == 2, withinASecond);
    QVERIFY(changesOf(changed, 1).testFlag(ProjectStore::Change::Batches));

    // A lead's new version.
    QVERIFY(!other.commitVersion(QStringLiteral("lead"), QStringLiteral("week 48")));
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() == 3, withinASecond);
    QVERIFY(changesOf(changed, 2).testFlag(ProjectStore::Change::Versions));
    QCOMPARE(mine.headVersion(), 1);

    // A person's NOTIFY from psql on the project's channel: something may have changed.
    const QString channel
            = ProjectNotification::channel(ProjectLocation::parse(m_path).value.project());
    QString problem;
    QVERIFY2(m_project->runOnServer(
                     QStringLiteral("SELECT pg_notify('%1', 'look again')").arg(channel), false,
                     &problem),
             qPrintable(problem));
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() == 4, withinASecond);
    QCOMPARE(changesOf(changed, 3), ProjectChangeWatcher::anything());
}

void TestProjectChangeWatcher::serverNoticeReachesAListener()
{
    if (!TemporaryProject::onServer())
        QSKIP("a file has no notices");
    // What a script sees with psql's LISTEN: the flags and the session that committed.
    ProjectStore listener;
    QVERIFY(!listener.open(m_path));
    const QString channel
            = ProjectNotification::channel(ProjectLocation::parse(m_path).value.project());
    QSqlDriver *driver = listener.database().driver();
    QSignalSpy notices(driver, &QSqlDriver::notification);
    QVERIFY(driver->subscribeToNotification(channel));

    ProjectStore writer;
    QVERIFY(!writer.open(m_path));
    ReviewSession session(writer);
    session.setReviewer(QStringLiteral("bob"));
    QVERIFY(!session.approve(m_fixture.items.at(0).id));
    QTRY_VERIFY_WITH_TIMEOUT(notices.size() >= 1, withinASecond);
    QCOMPARE(notices.at(0).at(0).toString(), channel);
    const auto message = ProjectNotification::parse(notices.at(0).at(2).toString());
    QVERIFY(message);
    QVERIFY(message->changes.testFlag(ProjectStore::Change::Reviews));
    QCOMPARE(message->session, writer.leaseSession());
    QCOMPARE(notices.size(), 1);
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
    // The timer polls on its own, or the server's notices come; no explicit poll here.
    QTRY_VERIFY(changed.size() >= 1);
    QCOMPARE(mine.batchItem(m_fixture.items.at(0).id)->status, ReviewStatus::Approved);
}

void TestProjectChangeWatcher::presenceNamesTheOtherWindow()
{
    if (TemporaryProject::onServer())
        QSKIP("a server project has no folder for a presence file");
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
    if (TemporaryProject::onServer())
        QSKIP("a server project has no folder for a presence file");
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
