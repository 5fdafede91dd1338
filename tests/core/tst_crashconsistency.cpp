// Decisions survive other writers and kill -9. A scripted reviewer runs in a process of its own
// (tests/support/reviewerprocess) and says which decisions were acknowledged; meanwhile this test
// writes the same project through the boucle command line, then kills the reviewer with SIGKILL
// and checks the file: SQLite's integrity check, `boucle verify`, and every acknowledged decision
// present.
#include "boucleprocess.h"
#include "reviewfixture.h"
#include "store/projectstore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

class TestCrashConsistency : public QObject
{
    Q_OBJECT

private slots:
    void decisionsSurviveAnotherProcessWriting();
    void killedReviewerLosesNoAcknowledgedDecision();
    void cleanQuitKeepsTheOtherWritersChanges();

private:
    void makeProject(const QString &path, const QString &dataRoot, int items);
    void startReviewer(QProcess &process, const QString &path, int maxDecisions = -1);
    static void collectAcks(QProcess &process, QList<BatchItemId> &acks);
    static void waitForAcks(QProcess &process, QList<BatchItemId> &acks, qsizetype atLeast);
    static QStringList deletedProjectFiles(qint64 pid, const QString &path);
    void checkNothingLost(const QString &path, const QList<BatchItemId> &acks);

    ReviewFixture m_fixture;
};

void TestCrashConsistency::makeProject(const QString &path, const QString &dataRoot, int items)
{
    ProjectStore store;
    QVERIFY(!store.create(path, dataRoot));
    m_fixture = {};
    QVERIFY(!makeReviewFixture(store, items, m_fixture));
}

void TestCrashConsistency::startReviewer(QProcess &process, const QString &path, int maxDecisions)
{
    QStringList arguments {path, QStringLiteral("ada")};
    if (maxDecisions >= 0)
        arguments.append(QString::number(maxDecisions));
    process.start(QStringLiteral(BOUCLE_SCRIPTED_REVIEWER), arguments);
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
}

void TestCrashConsistency::collectAcks(QProcess &process, QList<BatchItemId> &acks)
{
    while (process.canReadLine()) {
        const QByteArray line = process.readLine().trimmed();
        if (line.startsWith("ACK "))
            acks.append(line.mid(4).toLongLong());
    }
}

void TestCrashConsistency::waitForAcks(QProcess &process, QList<BatchItemId> &acks,
                                       qsizetype atLeast)
{
    QElapsedTimer waited;
    waited.start();
    while (acks.size() < atLeast && process.state() == QProcess::Running
           && waited.elapsed() < 60000) {
        process.waitForReadyRead(100);
        collectAcks(process, acks);
    }
    QVERIFY2(acks.size() >= atLeast,
             qPrintable(QStringLiteral("%1 decisions acknowledged, waited for %2; reviewer: %3")
                                .arg(acks.size())
                                .arg(atLeast)
                                .arg(QString::fromUtf8(process.readAllStandardError()))));
}

// The symptom of a process that lost its locks: another process deleted the WAL and the shared
// memory file under it, and its writes go to files no one else will ever read.
QStringList TestCrashConsistency::deletedProjectFiles(qint64 pid, const QString &path)
{
    QStringList deleted;
    const QDir descriptors(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QString &name : descriptors.entryList(QDir::NoDotAndDotDot | QDir::System)) {
        const QString target = QFile::symLinkTarget(descriptors.filePath(name));
        if (target.startsWith(path) && target.endsWith(QLatin1String("(deleted)")))
            deleted.append(target);
    }
    return deleted;
}

void TestCrashConsistency::checkNothingLost(const QString &path, const QList<BatchItemId> &acks)
{
    ProjectStore store;
    const auto error = store.open(path, ProjectStore::OpenMode::ReadOnly);
    QVERIFY2(!error, qPrintable(error.message));
    {
        QSqlQuery check(store.database());
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    }
    int lost = 0;
    for (const BatchItemId item : acks) {
        const auto reviews = store.reviewsForBatchItem(item);
        const bool kept = std::any_of(reviews.cbegin(), reviews.cend(), [](const auto &review) {
            return review.action != ReviewAction::Revoke;
        });
        if (!kept)
            ++lost;
    }
    QVERIFY2(lost == 0, qPrintable(QStringLiteral("%1 of %2 acknowledged decisions are lost")
                                           .arg(lost)
                                           .arg(acks.size())));
    store.close();
    const auto verified = runBoucle({QStringLiteral("verify"), path});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
}

// The window reviews while a cron job imports labels and commits versions on the same project.
// Every decision acknowledged before and after those writes survives kill -9, and the
// reviewer's process never writes to a WAL that another process deleted.
void TestCrashConsistency::decisionsSurviveAnotherProcessWriting()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("project.boucle"));
    makeProject(path, dir.path(), 2000);

    QProcess reviewer;
    startReviewer(reviewer, path);
    QList<BatchItemId> acks;
    waitForAcks(reviewer, acks, 10);
    for (int round = 0; round < 4; ++round) {
        QFile labels(dir.filePath(QStringLiteral("labels-%1.csv").arg(round)));
        QVERIFY(labels.open(QIODevice::WriteOnly));
        labels.write("sample,label\n");
        for (int i = 0; i < 40; ++i) {
            const int item = 1000 + round * 40 + i;
            labels.write(QStringLiteral("images/sample_%1.png,%2\n")
                                 .arg(item, 4, 10, QLatin1Char('0'))
                                 .arg(m_fixture.classes.at((round + i) % m_fixture.classes.size()))
                                 .toUtf8());
        }
        labels.close();
        const auto imported = runBoucle({QStringLiteral("import-labels"), path, labels.fileName()});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const auto committed = runBoucle({QStringLiteral("commit"), path, QStringLiteral("-m"),
                                          QStringLiteral("cron %1").arg(round),
                                          QStringLiteral("--author"), QStringLiteral("cron")});
        QVERIFY2(committed.exitCode == 0, qPrintable(committed.err));
        collectAcks(reviewer, acks);
        QVERIFY2(deletedProjectFiles(reviewer.processId(), path).isEmpty(),
                 qPrintable(deletedProjectFiles(reviewer.processId(), path).join(u' ')));
    }
    // Decisions made after the last outside write must survive too.
    waitForAcks(reviewer, acks, acks.size() + 20);
    reviewer.kill();
    reviewer.waitForFinished();
    collectAcks(reviewer, acks);
    checkNothingLost(path, acks);
}

// The crash-consistency run: the reviewer killed with SIGKILL at a random moment while another
// process imports a prediction log, several times over. After each kill the file is intact,
// verifies, and holds every decision the reviewer had acknowledged.
void TestCrashConsistency::killedReviewerLosesNoAcknowledgedDecision()
{
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    QRandomGenerator random(seed);
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("predictions.jsonl"));
    {
        QFile file(log);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 3000; ++i)
            file.write(QStringLiteral("{\"sample\":\"incoming/%1.png\",\"model\":\"cron@2\","
                                      "\"label\":\"cat\",\"confidence\":%2}\n")
                               .arg(i)
                               .arg(0.3 + 0.6 * (i % 7) / 7.0)
                               .toUtf8());
    }
    constexpr int rounds = 8;
    for (int round = 0; round < rounds; ++round) {
        const QString path = dir.filePath(QStringLiteral("round-%1.boucle").arg(round));
        makeProject(path, dir.path(), 400);
        QProcess reviewer;
        startReviewer(reviewer, path);
        QProcess importer;
        importer.start(boucleBinary(), {QStringLiteral("import"), path, log});
        QList<BatchItemId> acks;
        QElapsedTimer clock;
        clock.start();
        const qint64 killAfter = random.bounded(50, 1200);
        while (clock.elapsed() < killAfter && reviewer.state() == QProcess::Running) {
            reviewer.waitForReadyRead(10);
            collectAcks(reviewer, acks);
        }
        reviewer.kill();
        reviewer.waitForFinished();
        collectAcks(reviewer, acks);
        QVERIFY(importer.waitForFinished(120000));
        QVERIFY2(importer.exitCode() == 0, importer.readAllStandardError().constData());
        qInfo("round %d: killed after %lld ms, %lld decisions acknowledged", round, killAfter,
              static_cast<long long>(acks.size()));
        checkNothingLost(path, acks);
        if (QTest::currentTestFailed())
            return;
    }
}

// The reviewer quits normally (its store closes and checkpoints) after the command line imported
// labels and committed a version meanwhile: the command line's labels and version are intact,
// not overwritten by the reviewer's stale pages, and the project verifies.
void TestCrashConsistency::cleanQuitKeepsTheOtherWritersChanges()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("project.boucle"));
    makeProject(path, dir.path(), 600);
    QProcess reviewer;
    startReviewer(reviewer, path, 150);
    QList<BatchItemId> acks;
    waitForAcks(reviewer, acks, 10);
    QFile labels(dir.filePath(QStringLiteral("labels.csv")));
    QVERIFY(labels.open(QIODevice::WriteOnly));
    labels.write("sample,label\n");
    for (int i = 0; i < 50; ++i)
        labels.write(QStringLiteral("images/sample_%1.png,%2\n")
                             .arg(500 + i, 4, 10, QLatin1Char('0'))
                             .arg(m_fixture.classes.at(i % m_fixture.classes.size()))
                             .toUtf8());
    labels.close();
    const auto imported = runBoucle({QStringLiteral("import-labels"), path, labels.fileName()});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    const auto committed = runBoucle({QStringLiteral("commit"), path, QStringLiteral("-m"),
                                      QStringLiteral("cron"), QStringLiteral("--author"),
                                      QStringLiteral("cron")});
    QVERIFY2(committed.exitCode == 0, qPrintable(committed.err));
    QVERIFY(reviewer.waitForFinished(120000));
    QCOMPARE(reviewer.exitStatus(), QProcess::NormalExit);
    QVERIFY2(reviewer.exitCode() == 0, reviewer.readAllStandardError().constData());
    collectAcks(reviewer, acks);
    QCOMPARE(acks.size(), 150);
    checkNothingLost(path, acks);

    ProjectStore store;
    QVERIFY(!store.open(path, ProjectStore::OpenMode::ReadOnly));
    const int head = store.headVersion();
    QVERIFY(head >= 1);
    const auto version = store.version(head);
    QVERIFY(version.has_value());
    QCOMPARE(version->message, QStringLiteral("cron"));
}

QTEST_GUILESS_MAIN(TestCrashConsistency)
#include "tst_crashconsistency.moc"
