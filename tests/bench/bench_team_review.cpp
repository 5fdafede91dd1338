// The team load test (issue 16, item 7): many reviewers in processes of their own clear one big
// batch of a PostgreSQL project together, through the review path of the window (a lease on the
// next item nobody holds, then the decision through ReviewSession, with undo mixed in). Then it
// checks what a team would notice: no acknowledged decision lost, no item decided by two people
// outside double review, the audit chain intact, every decision there. The same workload by one
// reviewer on the same server batch (a decision's own time, with nobody to wait for) and by one
// reviewer on a project file are the comparison rows. Any failed check makes it exit non-zero.
//
// bench_team_review [--reviewers 20] [--decisions 1000] [--items 100000]
//                   [--double-share 0.05] [--pause-ms 0] [--server postgresql://user@host:port/db]
// Without --server it starts a throwaway PostgreSQL 15 cluster of its own (tests/support).
// Run from a release build; it is never run by ctest.
//
// It is also its own reviewer (the parent runs it again as a child):
// bench_team_review --reviewer PROJECT NAME DECISIONS LOG GO_FILE
#include "benchrequire.h"
#include "benchtiming.h"
#include "postgrescluster.h"
#include "reviewfixture.h"

#include "review/doublereviewpolicy.h"
#include "review/reviewsession.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QUrlQuery>

#include <cstdio>
#include <map>
#include <vector>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Boucle;

namespace {

// ---------------------------------------------------------------------------------------------
// The reviewer (child process)

// One reviewer: takes the next item nobody holds, decides it (approve, override, relabel in
// turn), and every 10th decision undoes it right after; then it decides the item again (odd
// tens) or lets it go back to the team (even tens). Stops with `decisions` standing decisions.
// Log lines, each written after the call returned (so after its commit):
//   TAKE ms | ACK item ms | UNDO item ms | RELEASE item | REFUSED item message | DONE standing
int runReviewer(const QStringList &arguments)
{
    const QString project = arguments.value(2);
    const QString name = arguments.value(3);
    const int decisions = arguments.value(4).toInt();
    const QString logPath = arguments.value(5);
    const QString goPath = arguments.value(6);
    // How long a person looks at an item before the key (not part of the decision's latency).
    const int pauseMs = arguments.value(7).toInt();
    std::FILE *log = std::fopen(QFile::encodeName(logPath).constData(), "w");
    if (!log) {
        std::fprintf(stderr, "%s: cannot write %s\n", qPrintable(name), qPrintable(logPath));
        return 1;
    }
    const auto fail = [&](const QString &what) {
        std::fprintf(log, "ERROR %s\n", qPrintable(what));
        std::fclose(log);
        std::fprintf(stderr, "%s: %s\n", qPrintable(name), qPrintable(what));
        return 1;
    };
    ProjectStore store;
    if (auto error = store.open(project))
        return fail(error.message);
    const auto batches = store.batches();
    if (batches.isEmpty())
        return fail(QStringLiteral("the project has no batch"));
    const BatchId batch = batches.constFirst().id;
    const QStringList classes = store.classNames();
    ReviewSession session(store);
    session.setReviewer(name);

    // Ready; wait for the parent's go so that every reviewer starts at once.
    (void) QFile(logPath + QStringLiteral(".ready")).open(QIODevice::WriteOnly);
    while (!QFile::exists(goPath))
        QThread::msleep(2);

    int standing = 0;
    int made = 0; // decisions acknowledged, undone ones included
    while (standing < decisions) {
        QElapsedTimer timer;
        timer.start();
        const auto next = store.takeNextItem(batch, name);
        if (next.isError())
            return fail(next.error.message);
        if (!next.value) {
            std::fprintf(log, "EMPTY\n");
            break;
        }
        std::fprintf(log, "TAKE %.3f\n", double(timer.nsecsElapsed()) / 1e6);
        const BatchItemId item = next.value->itemId;
        // What the window has on screen before a key is pressed: the item and its prediction.
        const auto record = store.batchItem(item);
        const auto prediction = record ? store.prediction(record->predictionId) : std::nullopt;
        const QString predicted = prediction ? prediction->label : QString();
        QString other = classes.at(made % classes.size());
        if (other == predicted)
            other = classes.at((made + 1) % classes.size());
        session.startItem(item);
        if (pauseMs > 0)
            QThread::msleep(pauseMs);

        const auto decide = [&](int kind) {
            switch (kind % 3) {
            case 0:
                return session.approve(item);
            case 1:
                return session.override(item, other, QStringLiteral("load test"));
            default:
                return session.relabel(item, other);
            }
        };
        const auto timedDecision = [&](int kind, bool *acknowledged) -> StoreError {
            *acknowledged = false;
            for (int attempt = 0;; ++attempt) {
                QElapsedTimer decisionTimer;
                decisionTimer.start();
                const StoreError error = decide(kind);
                const double ms = double(decisionTimer.nsecsElapsed()) / 1e6;
                if (!error) {
                    std::fprintf(log, "ACK %lld %.3f\n", static_cast<long long>(item), ms);
                    std::fflush(log);
                    *acknowledged = true;
                    return {};
                }
                if (error.code == StoreError::Code::Locked && attempt < 20) {
                    std::fprintf(log, "LOCKED %lld %s\n", static_cast<long long>(item),
                                 qPrintable(error.message));
                    continue; // not acknowledged: the window says so and the key is pressed again
                }
                return error;
            }
        };
        bool acknowledged = false;
        StoreError error = timedDecision(made, &acknowledged);
        if (error && error.code == StoreError::Code::Conflict) {
            // Refused and nothing written (a lease lost, say): the window moves on.
            std::fprintf(log, "REFUSED %lld %s\n", static_cast<long long>(item),
                         qPrintable(error.message));
            (void) store.releaseLease(item);
            continue;
        }
        if (error)
            return fail(error.message);
        ++made;
        ++standing;
        if (made % 10 == 0) {
            QElapsedTimer undoTimer;
            undoTimer.start();
            const StoreError undone = session.undo();
            const double undoMs = double(undoTimer.nsecsElapsed()) / 1e6;
            if (undone && undone.code != StoreError::Code::Conflict)
                return fail(QStringLiteral("undo of item %1: %2").arg(item).arg(undone.message));
            if (undone) {
                // Refused, nothing written: another reviewer holds the item's next pass (its
                // second answer of a double review). The decision stands.
                std::fprintf(log, "UNDOREFUSED %lld %s\n", static_cast<long long>(item),
                             qPrintable(undone.message));
            } else {
                std::fprintf(log, "UNDO %lld %.3f\n", static_cast<long long>(item), undoMs);
                std::fflush(log);
                --standing;
                if ((made / 10) % 2 == 1) {
                    error = timedDecision(made + 1, &acknowledged);
                    if (error && error.code != StoreError::Code::Conflict)
                        return fail(
                                QStringLiteral("item %1 again: %2").arg(item).arg(error.message));
                    if (error) {
                        // The second answer was given meanwhile; the undo reopened the round
                        // and another reviewer holds it now: refused, nothing written.
                        std::fprintf(log, "REFUSED %lld %s\n", static_cast<long long>(item),
                                     qPrintable(error.message));
                    } else {
                        ++standing;
                    }
                } else {
                    if (auto released = store.releaseLease(item))
                        return fail(released.message);
                    std::fprintf(log, "RELEASE %lld\n", static_cast<long long>(item));
                }
            }
        }
        // Moving on lets go of the item just decided, as the window does (a no-op when it was
        // let go above).
        if (auto released = store.releaseLease(item))
            return fail(released.message);
    }
    std::fprintf(log, "DONE %d\n", standing);
    std::fclose(log);
    return 0;
}

// ---------------------------------------------------------------------------------------------
// The runner (parent)

int intOption(const QStringList &arguments, const QString &name, int fallback)
{
    const int at = int(arguments.indexOf(name));
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1).toInt() : fallback;
}

double doubleOption(const QStringList &arguments, const QString &name, double fallback)
{
    const int at = int(arguments.indexOf(name));
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1).toDouble() : fallback;
}

QString textOption(const QStringList &arguments, const QString &name)
{
    const int at = int(arguments.indexOf(name));
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : QString();
}

struct Phase
{
    QString backend;
    int reviewers = 0;
    int decisionsEach = 0;
    double wallSeconds = 0;
    double childCpuSeconds = 0;
    std::vector<double> decisionMs, undoMs, takeMs;
    int locked = 0, refused = 0, releasedAfterUndo = 0, undoRefused = 0;
    // (reviewer, item) pairs that stand according to the acknowledgements.
    QHash<QString, QSet<BatchItemId>> expected;
    QStringList problems;
};

struct Checks
{
    qint64 standing = 0;
    qint64 lost = 0;           // acknowledged and standing, but not in the store
    qint64 unacknowledged = 0; // standing in the store, never acknowledged
    qint64 decidedByTwo = 0;   // standing answers of two people outside a first/second pair
    qint64 decidedTwiceByOne = 0;
    qint64 doubleReviewed = 0; // items with a first and a second answer by two people
    bool intact = false;
    QString verifyProblem;
    int auditEntries = 0;
    double verifySeconds = 0;
    QString sqlProblem;
};

StoreError makeProject(const QString &location, const QString &dataRoot, int items,
                       double doubleShare, double *seconds)
{
    QElapsedTimer timer;
    timer.start();
    ProjectStore store;
    if (auto error = store.create(location, dataRoot))
        return error;
    Testing::ReviewFixture fixture;
    if (auto error = Testing::makeReviewFixture(store, items, fixture))
        return error;
    if (doubleShare > 0) {
        ReviewSession session(store);
        DoubleReviewPolicy policy;
        policy.share = doubleShare;
        if (auto error = session.setDoubleReviewPolicy(policy))
            return error;
    }
    *seconds = double(timer.elapsed()) / 1000.0;
    return {};
}

pid_t spawn(const QStringList &arguments)
{
    std::vector<QByteArray> storage;
    for (const auto &argument : arguments)
        storage.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (auto &text : storage)
        argv.push_back(text.data());
    argv.push_back(nullptr);
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t child = fork();
    if (child == 0) {
        execv(argv[0], argv.data());
        _exit(127);
    }
    return child;
}

// `prefix` names the reviewers: prefix01, prefix02, ...
Phase runPhase(const QString &backend, const QString &prefix, const QString &project, int reviewers,
               int decisions, const QString &folder, int pauseMs)
{
    Phase phase;
    phase.backend = backend;
    phase.reviewers = reviewers;
    phase.decisionsEach = decisions;
    const QString program = QCoreApplication::applicationFilePath();
    const QString goPath = QDir(folder).filePath(backend + prefix + QStringLiteral(".go"));
    QStringList names, logs;
    std::vector<pid_t> children;
    for (int r = 1; r <= reviewers; ++r) {
        const QString name = prefix + QStringLiteral("%1").arg(r, 2, 10, QLatin1Char('0'));
        const QString log
                = QDir(folder).filePath(backend + QLatin1Char('-') + name + QStringLiteral(".log"));
        names.append(name);
        logs.append(log);
        const pid_t child
                = spawn({program, QStringLiteral("--reviewer"), project, name,
                         QString::number(decisions), log, goPath, QString::number(pauseMs)});
        if (child < 0) {
            phase.problems.append(QStringLiteral("cannot start reviewer %1").arg(name));
            return phase;
        }
        children.push_back(child);
    }
    // Every reviewer has opened the project: go.
    QElapsedTimer waiting;
    waiting.start();
    for (const QString &log : std::as_const(logs)) {
        while (!QFile::exists(log + QStringLiteral(".ready")) && waiting.elapsed() < 120000)
            QThread::msleep(5);
    }
    QElapsedTimer wall;
    wall.start();
    (void) QFile(goPath).open(QIODevice::WriteOnly);
    for (size_t i = 0; i < children.size(); ++i) {
        int status = 0;
        rusage usage {};
        wait4(children[i], &status, 0, &usage);
        phase.childCpuSeconds += double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                                 + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            phase.problems.append(QStringLiteral("reviewer %1 failed (status %2), see %3")
                                          .arg(names.at(int(i)))
                                          .arg(status)
                                          .arg(logs.at(int(i))));
    }
    phase.wallSeconds = double(wall.nsecsElapsed()) / 1e9;

    for (int i = 0; i < logs.size(); ++i) {
        QFile file(logs.at(i));
        if (!file.open(QIODevice::ReadOnly)) {
            phase.problems.append(QStringLiteral("no log from %1").arg(names.at(i)));
            continue;
        }
        QSet<BatchItemId> &standing = phase.expected[names.at(i)];
        bool done = false;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const QList<QByteArray> fields = line.split(' ');
            const QByteArray &tag = fields.value(0);
            if (tag == "TAKE") {
                phase.takeMs.push_back(fields.value(1).toDouble());
            } else if (tag == "ACK") {
                const BatchItemId item = fields.value(1).toLongLong();
                if (standing.contains(item))
                    phase.problems.append(QStringLiteral("%1 acknowledged item %2 twice")
                                                  .arg(names.at(i))
                                                  .arg(item));
                standing.insert(item);
                phase.decisionMs.push_back(fields.value(2).toDouble());
            } else if (tag == "UNDO") {
                standing.remove(fields.value(1).toLongLong());
                phase.undoMs.push_back(fields.value(2).toDouble());
            } else if (tag == "UNDOREFUSED") {
                ++phase.undoRefused;
            } else if (tag == "RELEASE") {
                ++phase.releasedAfterUndo;
            } else if (tag == "LOCKED") {
                ++phase.locked;
            } else if (tag == "REFUSED") {
                ++phase.refused;
            } else if (tag == "DONE") {
                done = true;
            } else if (tag == "EMPTY") {
                phase.problems.append(QStringLiteral("%1 ran out of items").arg(names.at(i)));
            }
        }
        if (!done)
            phase.problems.append(QStringLiteral("%1 did not finish").arg(names.at(i)));
    }
    return phase;
}

// What two phases on one project acknowledged, for checking that project.
Phase together(Phase first, const Phase &second)
{
    for (auto it = second.expected.cbegin(); it != second.expected.cend(); ++it)
        first.expected.insert(it.key(), it.value());
    first.problems += second.problems;
    first.locked += second.locked;
    first.refused += second.refused;
    first.releasedAfterUndo += second.releasedAfterUndo;
    first.undoRefused += second.undoRefused;
    return first;
}

Checks check(const QString &project, const Phase &phase)
{
    Checks checks;
    ProjectStore store;
    if (auto error = store.open(project, ProjectStore::OpenMode::ReadOnly)) {
        checks.sqlProblem = error.message;
        return checks;
    }
    // Every standing answer on a batch item: not an undo, not a skip, not undone.
    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
                "SELECT r.batch_item_id, r.reviewer, COALESCE(rr.role, '') FROM reviews r"
                " LEFT JOIN review_roles rr ON rr.review_id = r.id"
                " WHERE r.batch_item_id IS NOT NULL AND r.action NOT IN ('revoke', 'skip')"
                " AND NOT EXISTS (SELECT 1 FROM reviews u WHERE u.revokes_review_id = r.id)"
                " ORDER BY r.id"))) {
        checks.sqlProblem = query.lastError().text();
        return checks;
    }
    std::map<BatchItemId, QList<std::pair<QString, QString>>> answers;
    QHash<QString, QSet<BatchItemId>> stored;
    while (query.next()) {
        const BatchItemId item = query.value(0).toLongLong();
        const QString reviewer = query.value(1).toString();
        answers[item].append({reviewer, query.value(2).toString()});
        stored[reviewer].insert(item);
        ++checks.standing;
    }
    for (const auto &[item, list] : answers) {
        if (list.size() == 1)
            continue;
        QSet<QString> people;
        for (const auto &answer : list)
            people.insert(answer.first);
        // Two answers of a double review by two people. The earlier one may be recorded as
        // "second": when the first answer is undone after the second was given, the round starts
        // again from the second, and a third reviewer answers it.
        const bool pair = list.size() == 2 && people.size() == 2
                          && list.at(0).second != QStringLiteral("single")
                          && list.at(1).second == QStringLiteral("second");
        if (pair)
            ++checks.doubleReviewed;
        else if (people.size() < list.size())
            ++checks.decidedTwiceByOne;
        else
            ++checks.decidedByTwo;
    }
    for (auto it = phase.expected.cbegin(); it != phase.expected.cend(); ++it) {
        const QSet<BatchItemId> have = stored.value(it.key());
        for (const BatchItemId item : it.value())
            if (!have.contains(item))
                ++checks.lost;
    }
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const QSet<BatchItemId> acknowledged = phase.expected.value(it.key());
        for (const BatchItemId item : it.value())
            if (!acknowledged.contains(item))
                ++checks.unacknowledged;
    }
    QElapsedTimer timer;
    timer.start();
    const auto report = store.verify();
    checks.verifySeconds = double(timer.elapsed()) / 1000.0;
    checks.intact = report.intact;
    checks.verifyProblem = report.problem;
    checks.auditEntries = report.auditEntries;
    return checks;
}

void printRow(const Phase &phase)
{
    const double decisions = double(phase.decisionMs.size());
    std::printf("| %-10s | %9d | %9.0f | %6.1f | %6.1f | %6.1f | %7.1f | %11.1f | %7.1f / %-7.1f "
                "| %6.1f | %8.1f | %8.1f |\n",
                qPrintable(phase.backend), phase.reviewers, decisions,
                Bench::percentile(phase.decisionMs, 0.50),
                Bench::percentile(phase.decisionMs, 0.95),
                Bench::percentile(phase.decisionMs, 0.99),
                phase.decisionMs.empty()
                        ? 0.0
                        : *std::max_element(phase.decisionMs.begin(), phase.decisionMs.end()),
                phase.wallSeconds > 0 ? decisions / phase.wallSeconds : 0.0,
                Bench::percentile(phase.takeMs, 0.50), Bench::percentile(phase.takeMs, 0.95),
                Bench::percentile(phase.undoMs, 0.95), phase.wallSeconds, phase.childCpuSeconds);
}

bool report(const char *what, bool ok, const QString &detail, QStringList &failures)
{
    std::printf("| %-58s | %-4s | %s\n", what, ok ? "ok" : "FAIL", qPrintable(detail));
    if (!ok)
        failures.append(QString::fromUtf8(what) + QStringLiteral(": ") + detail);
    return ok;
}

void printChecks(const QString &backend, const Phase &phase, const Checks &checks, qint64 wanted,
                 QStringList &failures)
{
    std::printf("\n%s checks\n\n", qPrintable(backend));
    std::printf("| %-58s | %-4s | detail\n", "check", "");
    std::printf("|------------------------------------------------------------|------|-------\n");
    report("reviewers finished without an error", phase.problems.isEmpty(),
           phase.problems.isEmpty() ? QStringLiteral("-")
                                    : phase.problems.join(QStringLiteral("; ")),
           failures);
    report("the store was read", checks.sqlProblem.isEmpty(),
           checks.sqlProblem.isEmpty() ? QStringLiteral("-") : checks.sqlProblem, failures);
    report("acknowledged decisions lost", checks.lost == 0, QString::number(checks.lost), failures);
    report("standing decisions never acknowledged", checks.unacknowledged == 0,
           QString::number(checks.unacknowledged), failures);
    report("items decided by two people outside double review", checks.decidedByTwo == 0,
           QStringLiteral("%1 (%2 first/second pairs by two people, as double review asks)")
                   .arg(checks.decidedByTwo)
                   .arg(checks.doubleReviewed),
           failures);
    report("items decided twice by one person", checks.decidedTwiceByOne == 0,
           QString::number(checks.decidedTwiceByOne), failures);
    report("standing decisions = reviewers x decisions (all phases)", checks.standing == wanted,
           QStringLiteral("%1 of %2").arg(checks.standing).arg(wanted), failures);
    report("verify: audit chain single and intact", checks.intact,
           checks.intact ? QStringLiteral("%1 entries, verify %2 s")
                                   .arg(checks.auditEntries)
                                   .arg(checks.verifySeconds, 0, 'f', 1)
                         : checks.verifyProblem,
           failures);
    std::printf("(decisions refused: %d, retried after a lock timeout: %d, undone and let go: "
                "%d, undo refused because another reviewer held the next pass: %d)\n",
                phase.refused, phase.locked, phase.releasedAfterUndo, phase.undoRefused);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.value(1) == QStringLiteral("--reviewer"))
        return runReviewer(arguments);

    const int reviewers = intOption(arguments, QStringLiteral("--reviewers"), 20);
    const int decisions = intOption(arguments, QStringLiteral("--decisions"), 1000);
    const int items = intOption(arguments, QStringLiteral("--items"), 100000);
    const double doubleShare = doubleOption(arguments, QStringLiteral("--double-share"), 0.05);
    const int pauseMs = intOption(arguments, QStringLiteral("--pause-ms"), 0);
    QString server = textOption(arguments, QStringLiteral("--server"));
    if (reviewers < 1 || reviewers > 99 || decisions < 1 || items < 1 || pauseMs < 0) {
        std::fprintf(stderr, "usage: bench_team_review [--reviewers 1..99] [--decisions N] "
                             "[--items N] [--double-share 0..1] [--pause-ms N] "
                             "[--server postgresql://...]\n");
        return 2;
    }
    if (qint64(reviewers + 1) * decisions * 2 > items) {
        std::fprintf(stderr, "%d reviewers x %d decisions need at least %lld items\n", reviewers,
                     decisions, qint64(reviewers + 1) * decisions * 2);
        return 2;
    }

    QTemporaryDir folder;
    Testing::PostgresCluster cluster;
    QString project;
    const QString projectName = QStringLiteral("loadtest_%1").arg(getpid());
    if (server.isEmpty()) {
        std::fprintf(stderr, "starting a throwaway PostgreSQL cluster...\n");
        if (!cluster.start()) {
            std::fprintf(stderr, "%s\n", qPrintable(cluster.problem()));
            return 1;
        }
        project = cluster.projectUrl(projectName);
    } else {
        project = server + (server.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?'))
                  + QStringLiteral("project=") + projectName;
    }
    const QString sqlitePath = folder.filePath(QStringLiteral("loadtest.boucle"));

    double serverSetup = 0, fileSetup = 0;
    std::fprintf(stderr, "making a batch of %d items on the server...\n", items);
    requireStored(makeProject(project, folder.path(), items, doubleShare, &serverSetup),
                  "making the server project");
    std::fprintf(stderr, "  %.1f s; and in a project file...\n", serverSetup);
    requireStored(makeProject(sqlitePath, folder.path(), items, doubleShare, &fileSetup),
                  "making the project file");
    std::fprintf(stderr, "  %.1f s\n", fileSetup);

    const QString postgres = QStringLiteral("postgresql");
    const QString sqlite = QStringLiteral("sqlite");
    std::fprintf(stderr, "%d reviewers x %d decisions on PostgreSQL...\n", reviewers, decisions);
    const Phase server20 = runPhase(postgres, QStringLiteral("reviewer"), project, reviewers,
                                    decisions, folder.path(), pauseMs);
    // One reviewer alone on the same server batch: a decision's own time, without the wait for
    // the project's write lock that the others hold.
    std::fprintf(stderr, "1 reviewer x %d decisions on PostgreSQL...\n", decisions);
    const Phase server1 = runPhase(postgres, QStringLiteral("solo"), project, 1, decisions,
                                   folder.path(), pauseMs);
    std::fprintf(stderr, "1 reviewer x %d decisions on SQLite...\n", decisions);
    const Phase file1 = runPhase(sqlite, QStringLiteral("reviewer"), sqlitePath, 1, decisions,
                                 folder.path(), pauseMs);
    std::fprintf(stderr, "checking...\n");
    const Phase serverPhases = together(server20, server1);
    const Checks serverChecks = check(project, serverPhases);
    const Checks fileChecks = check(sqlitePath, file1);

    std::printf("\nBoucle team review: one batch of %d items (double review share %.2f), every "
                "10th decision undone, %d ms looking at each item; decision latency = the "
                "ReviewSession call, committed\n\n",
                items, doubleShare, pauseMs);
    std::printf("| back end   | reviewers | decisions | p50 ms | p95 ms | p99 ms |  max ms | "
                "decisions/s | take next p50 / p95 ms | undo p95 | wall s   | CPU s    |\n");
    std::printf("|------------|-----------|-----------|--------|--------|--------|---------|"
                "-------------|------------------------|--------|----------|----------|\n");
    printRow(server20);
    printRow(server1);
    printRow(file1);
    const double p95 = Bench::percentile(server20.decisionMs, 0.95);
    std::printf("\nsetup: server batch %.1f s, file batch %.1f s; CPU s = the reviewer processes' "
                "user + system (the server's own is not counted)\n",
                serverSetup, fileSetup);
    std::printf("target p95 < 20 ms with %d reviewers on PostgreSQL: %s (%.1f ms)\n", reviewers,
                p95 < 20.0 ? "met" : "NOT met", p95);

    QStringList failures;
    printChecks(QStringLiteral("PostgreSQL"), serverPhases, serverChecks,
                qint64(reviewers + 1) * decisions, failures);
    printChecks(QStringLiteral("SQLite"), file1, fileChecks, decisions, failures);
    if (!failures.isEmpty()) {
        std::fprintf(stderr, "\nFAILED:\n  %s\n",
                     qPrintable(failures.join(QStringLiteral("\n  "))));
        std::fprintf(stderr, "reviewer logs kept in %s\n", qPrintable(folder.path()));
        folder.setAutoRemove(false);
        return 1;
    }
    return 0;
}
