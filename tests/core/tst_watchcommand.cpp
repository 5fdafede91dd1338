// `boucle watch` as a folder sees it: a log written slowly in pieces is imported once, complete;
// a restart imports nothing twice; a bad log is reported and not retried until it changes;
// hidden and temporary names are left alone; SIGINT stops it with exit code 0.
#include "store/projectstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Boucle;

namespace {

QByteArray logOf(int first, int count, const QByteArray &model = "net@1")
{
    QByteArray log = "{\"classes\": [\"cat\", \"dog\"]}\n";
    for (int i = first; i < first + count; ++i)
        log += "{\"sample\": \"s" + QByteArray::number(i) + ".png\", \"model\": \"" + model
               + "\", \"probs\": [" + QByteArray::number(0.3 + 0.03 * (i % 10)) + ", "
               + QByteArray::number(0.7 - 0.03 * (i % 10)) + "]}\n";
    return log;
}

} // namespace

class TestWatchCommand : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void slowlyWrittenLogIsImportedOnceComplete();
    void restartImportsNothingTwice();
    void badLogIsNotRetriedUntilItChanges();
    void sigtermStopsCleanly();
    void refusesBadArguments();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    void write(const QString &name, const QByteArray &content, bool append = false);
    void startWatch();
    // Waits until the watch's stderr holds `text` (from `from` on); returns where it ends.
    qsizetype waitFor(const QString &text, qsizetype from = 0, int timeoutMs = 30000);
    void stopWatch(int signal = SIGINT);
    qint64 predictionCount();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_watch;
    QString m_err;
};

void TestWatchCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("incoming")));
    {
        ProjectStore store;
        QVERIFY(!store.create(path(QStringLiteral("p.boucle"))));
        QVERIFY(!store.ensureClasses({QStringLiteral("cat"), QStringLiteral("dog")}));
    }
    write(QStringLiteral("policy.json"),
          R"({"control_share": 0, "triggers": {"margin": {"threshold": 0.25}, "entropy": {"enabled": false}}})");
    // The samples sit beside the logs (paths in a log are relative to its folder); missing
    // files would be stored as missing and never flagged.
    for (int i = 0; i < 12; ++i)
        write(QStringLiteral("incoming/s%1.png").arg(i), "not really a png");
    m_err.clear();
}

void TestWatchCommand::cleanup()
{
    if (m_watch && m_watch->state() != QProcess::NotRunning) {
        m_watch->kill();
        m_watch->waitForFinished(5000);
    }
    m_watch.reset();
    m_dir.reset();
}

void TestWatchCommand::write(const QString &name, const QByteArray &content, bool append)
{
    QFile file(path(name));
    QVERIFY(file.open(append ? QIODevice::Append : QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}

void TestWatchCommand::startWatch()
{
    m_watch = std::make_unique<QProcess>();
    m_watch->setWorkingDirectory(m_dir->path());
    m_watch->start(QStringLiteral(BOUCLE_BINARY),
                   {QStringLiteral("watch"), QStringLiteral("p.boucle"), QStringLiteral("incoming"),
                    QStringLiteral("--policy"), QStringLiteral("policy.json"),
                    QStringLiteral("--interval"), QStringLiteral("0.2"), QStringLiteral("--settle"),
                    QStringLiteral("1.5")});
    QVERIFY(m_watch->waitForStarted(10000));
    waitFor(QStringLiteral("watching"));
}

qsizetype TestWatchCommand::waitFor(const QString &text, qsizetype from, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (true) {
        m_err += QString::fromUtf8(m_watch->readAllStandardError());
        const qsizetype at = m_err.indexOf(text, from);
        if (at >= 0)
            return at + text.size();
        if (timer.elapsed() > timeoutMs || m_watch->state() == QProcess::NotRunning) {
            qWarning("watch said:\n%s", qPrintable(m_err));
            return -1;
        }
        m_watch->waitForReadyRead(200);
    }
}

void TestWatchCommand::stopWatch(int signal)
{
    ::kill(pid_t(m_watch->processId()), signal);
    QVERIFY(m_watch->waitForFinished(20000));
    m_err += QString::fromUtf8(m_watch->readAllStandardError());
    QCOMPARE(m_watch->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_watch->exitCode(), 0);
    QVERIFY2(m_err.contains(QStringLiteral("watch: stopped")), qPrintable(m_err));
}

qint64 TestWatchCommand::predictionCount()
{
    ProjectStore store;
    if (store.open(path(QStringLiteral("p.boucle")), ProjectStore::OpenMode::ReadOnly))
        return -1;
    return store.predictionCount();
}

void TestWatchCommand::slowlyWrittenLogIsImportedOnceComplete()
{
    startWatch();
    const QByteArray log = logOf(0, 12);
    const qsizetype cut = log.indexOf('\n', log.size() / 3) + 8; // in the middle of a line
    // Written in three pieces, each well inside the settle time of the last.
    write(QStringLiteral("incoming/a.jsonl"), log.left(cut));
    QTest::qWait(600);
    write(QStringLiteral("incoming/a.jsonl"), log.mid(cut, 40), true);
    QTest::qWait(600);
    write(QStringLiteral("incoming/a.jsonl"), log.mid(cut + 40), true);
    // A temporary and a hidden file are never taken.
    write(QStringLiteral("incoming/b.jsonl.part"), log.left(cut));
    write(QStringLiteral("incoming/.c.jsonl"), log.left(cut));
    const qsizetype end = waitFor(QStringLiteral("a.jsonl: imported: 12 prediction(s) added"));
    QVERIFY2(end > 0, qPrintable(m_err));
    QVERIFY2(m_err.contains(QStringLiteral("flagged batch 'a-")), qPrintable(m_err));
    QTest::qWait(2500); // two more settle times: nothing else happens
    stopWatch();
    QCOMPARE(m_err.count(QStringLiteral("a.jsonl:")), 1);
    QVERIFY2(!m_err.contains(QStringLiteral("refused")), qPrintable(m_err));
    QVERIFY(!m_err.contains(QStringLiteral(".part")));
    QVERIFY(!m_err.contains(QStringLiteral(".c.jsonl")));
    QCOMPARE(predictionCount(), 12);
    ProjectStore store;
    QVERIFY(!store.open(path(QStringLiteral("p.boucle")), ProjectStore::OpenMode::ReadOnly));
    const auto ledger = store.watchedFiles();
    QCOMPARE(ledger.size(), 1);
    QCOMPARE(ledger.at(0).outcome, WatchedFileRecord::Outcome::Imported);
    QCOMPARE(ledger.at(0).size, log.size());
    QCOMPARE(store.batches().size(), 1);
    QCOMPARE(ledger.at(0).batchId, store.batches().at(0).id);
}

void TestWatchCommand::restartImportsNothingTwice()
{
    write(QStringLiteral("incoming/a.jsonl"), logOf(0, 12));
    startWatch();
    QVERIFY(waitFor(QStringLiteral("a.jsonl: imported")) > 0);
    stopWatch();
    m_err.clear();
    startWatch();
    QVERIFY(waitFor(QStringLiteral("a.jsonl: already imported (ledger); skipped")) > 0);
    // Touched with the same content: hashed, found in the ledger, skipped.
    QFile file(path(QStringLiteral("incoming/a.jsonl")));
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(5),
                             QFileDevice::FileModificationTime));
    file.close();
    QVERIFY(waitFor(QStringLiteral("a.jsonl: same content as before (ledger); skipped")) > 0);
    stopWatch();
    QCOMPARE(m_err.count(QStringLiteral("imported:")), 0);
    ProjectStore store;
    QVERIFY(!store.open(path(QStringLiteral("p.boucle")), ProjectStore::OpenMode::ReadOnly));
    QCOMPARE(store.watchedFiles().size(), 1);
    QCOMPARE(store.batches().size(), 1);
    QCOMPARE(store.predictionCount(), 12);
}

void TestWatchCommand::badLogIsNotRetriedUntilItChanges()
{
    // Line 4 names a single probability for two classes.
    write(QStringLiteral("incoming/bad.jsonl"),
          logOf(0, 2) + "{\"sample\": \"x.png\", \"model\": \"net@1\", \"probs\": [0.2]}\n");
    startWatch();
    qsizetype at = waitFor(QStringLiteral("bad.jsonl: refused; not retried until it changes"));
    QVERIFY2(at > 0, qPrintable(m_err));
    QVERIFY2(m_err.indexOf(QStringLiteral("bad.jsonl:4: field 'probs'"), at) > 0,
             qPrintable(m_err));
    stopWatch();
    QCOMPARE(predictionCount(), 0);

    m_err.clear();
    startWatch();
    QVERIFY(waitFor(QStringLiteral("bad.jsonl: failed before and has not changed; skipped")) > 0);
    write(QStringLiteral("incoming/bad.jsonl"), logOf(0, 3)); // fixed
    QVERIFY(waitFor(QStringLiteral("bad.jsonl: imported: 3 prediction(s) added")) > 0);
    stopWatch();
    ProjectStore store;
    QVERIFY(!store.open(path(QStringLiteral("p.boucle")), ProjectStore::OpenMode::ReadOnly));
    const auto ledger = store.watchedFiles();
    QCOMPARE(ledger.size(), 2);
    QCOMPARE(ledger.at(0).outcome, WatchedFileRecord::Outcome::Failed);
    QVERIFY(ledger.at(0).message.contains(QStringLiteral("bad.jsonl:4")));
    QCOMPARE(ledger.at(1).outcome, WatchedFileRecord::Outcome::Imported);
    QCOMPARE(store.predictionCount(), 3);
}

void TestWatchCommand::sigtermStopsCleanly()
{
    startWatch();
    stopWatch(SIGTERM);
}

void TestWatchCommand::refusesBadArguments()
{
    QProcess process;
    process.setWorkingDirectory(m_dir->path());
    process.start(
            QStringLiteral(BOUCLE_BINARY),
            {QStringLiteral("watch"), QStringLiteral("p.boucle"), QStringLiteral("incoming")});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 2);
    process.start(QStringLiteral(BOUCLE_BINARY),
                  {QStringLiteral("watch"), QStringLiteral("p.boucle"), QStringLiteral("nowhere"),
                   QStringLiteral("--policy"), QStringLiteral("policy.json")});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 1);
    QVERIFY(process.readAllStandardError().contains("nowhere is not a folder"));
}

QTEST_GUILESS_MAIN(TestWatchCommand)
#include "tst_watchcommand.moc"
