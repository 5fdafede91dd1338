// Benchmark of the versioned store: a project of N samples (default 1,000,000), all labelled in
// version 1, then V versions (default 20) of C changes each (default 10,000). Prints commit,
// diff and as-of times (wall, and the thread's CPU time beside it: SQLite runs on this thread,
// so CPU time is what another build on the machine does not inflate), the file's growth per
// version and where its bytes are (SQLite's dbstat, when the library has it). Run from a release
// build. Beside each write of revisions, the floor writes the same changes first: the statements
// addLabelRevision runs (the sample's current revision, a superseding update where the sample
// has a working one, the insert), prepared once and bound through the sqlite3 C API in one
// transaction on the same connection, twice (the second, with the pages as warm as Boucle
// finds them, is counted), each rolled back so the project is as it was.
//   build/release/tests/bench/bench_store [--samples N] [--versions V] [--changes C]
//                                         [--keep FILE]
#include "benchrequire.h"
#include "store/projectstore.h"
#include "store/storetransaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <sqlite3.h>

using namespace Boucle;

namespace {

int intArgument(const QStringList &arguments, const QString &name, int fallback)
{
    const auto index = arguments.indexOf(name);
    return index >= 0 && index + 1 < arguments.size() ? arguments.at(index + 1).toInt() : fallback;
}

qint64 fileBytes(ProjectStore &store)
{
    QSqlQuery(store.database()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return QFileInfo(store.path()).size() + QFileInfo(store.path() + QStringLiteral("-wal")).size();
}

double threadCpuMs()
{
    timespec spec {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec);
    return double(spec.tv_sec) * 1e3 + double(spec.tv_nsec) / 1e6;
}

// Wall and CPU time of one measured step, in ms.
struct Stopwatch
{
    QElapsedTimer wall;
    double cpuStart = 0;
    void start()
    {
        wall.restart();
        cpuStart = threadCpuMs();
    }
    double wallMs() const { return double(wall.nsecsElapsed()) / 1e6; }
    double cpuMs() const { return threadCpuMs() - cpuStart; }
};

// The bytes of each table and index (empty when SQLite lacks dbstat).
std::map<QString, qint64> spaceByObject(ProjectStore &store)
{
    std::map<QString, qint64> space;
    QSqlQuery query(store.database());
    if (query.exec(QStringLiteral("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"))) {
        while (query.next())
            space[query.value(0).toString()] = query.value(1).toLongLong();
    }
    return space;
}

// Where the file's bytes are, and what each table and index grew by per version since the seed.
void printSpace(const std::map<QString, qint64> &seed, const std::map<QString, qint64> &end,
                int versions)
{
    if (end.empty())
        return;
    std::vector<std::pair<qint64, QString>> order;
    for (const auto &[name, bytes] : end)
        order.emplace_back(bytes - (seed.count(name) ? seed.at(name) : 0), name);
    std::sort(order.rbegin(), order.rend());
    std::printf("\n| table or index                   | size       | growth per version |\n");
    std::printf("|----------------------------------|------------|--------------------|\n");
    for (size_t i = 0; i < order.size() && i < 10; ++i) {
        const QString &name = order[i].second;
        std::printf("| %-32s | %7.1f MB | %15.3f MB |\n", qPrintable(name),
                    end.at(name) / 1048576.0,
                    versions > 0 ? order[i].first / 1048576.0 / versions : 0.0);
    }
}

struct Change
{
    SampleId sample = 0;
    int label = 0; // index in the class list
};

sqlite3 *handleOf(ProjectStore &store)
{
    const QVariant handle = store.database().driver()->handle();
    return *static_cast<sqlite3 *const *>(handle.constData());
}

void requireSqlite(sqlite3 *db, int code, const char *what)
{
    if (code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW)
        return;
    std::fprintf(stderr, "floor: %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
}

// The floor's write of `changes` (see the header): rolled back, or with `commit` committed and
// the commit counted; returns wall and CPU ms.
std::pair<double, double> floorWrite(ProjectStore &store, const std::vector<Change> &changes,
                                     const QList<QByteArray> &classNames,
                                     const std::vector<qint64> &classIds, bool commit = false)
{
    sqlite3 *db = handleOf(store);
    sqlite3_stmt *current = nullptr, *supersede = nullptr, *insert = nullptr;
    requireSqlite(
            db,
            sqlite3_prepare_v2(db,
                               "SELECT s.path, (SELECT retired FROM classes WHERE name = ?), r.id,"
                               " r.version_added IS NULL, r.label_id, r.objects FROM samples s"
                               " LEFT JOIN label_revisions r ON r.id = (SELECT id FROM"
                               " label_revisions WHERE sample_id = s.id AND ((version_added IS NULL"
                               " AND superseded = 0) OR version_added >= 1)"
                               " ORDER BY version_added IS NULL DESC, id DESC LIMIT 1)"
                               " WHERE s.id = ?",
                               -1, &current, nullptr),
            "prepare");
    requireSqlite(db,
                  sqlite3_prepare_v2(db,
                                     "UPDATE label_revisions SET superseded = 1, version_added"
                                     " = 0, version_closed = 0 WHERE id = ?",
                                     -1, &supersede, nullptr),
                  "prepare");
    requireSqlite(db,
                  sqlite3_prepare_v2(db,
                                     "INSERT INTO label_revisions (sample_id, label_id, objects,"
                                     " author, reason, review_id, created_at) VALUES (?, ?, '[]',"
                                     " 'reviewer', 'correction', NULL, ?) RETURNING id",
                                     -1, &insert, nullptr),
                  "prepare");
    Stopwatch watch;
    watch.start();
    requireSqlite(db, sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), "begin");
    char time[32];
    for (const Change &change : changes) {
        const std::time_t now = std::time(nullptr);
        std::tm parts {};
        gmtime_r(&now, &parts);
        const size_t length = std::strftime(time, sizeof time, "%Y-%m-%dT%H:%M:%S.000Z", &parts);
        const qint64 classId = classIds[size_t(change.label)];
        const QByteArray &name = classNames[change.label];
        sqlite3_bind_text(current, 1, name.constData(), int(name.size()), SQLITE_STATIC);
        sqlite3_bind_int64(current, 2, change.sample);
        requireSqlite(db, sqlite3_step(current), "current revision");
        const bool working = sqlite3_column_type(current, 2) != SQLITE_NULL
                             && sqlite3_column_int(current, 3) != 0;
        const qint64 workingId = sqlite3_column_int64(current, 2);
        const bool unchanged = sqlite3_column_int64(current, 4) == classId;
        sqlite3_reset(current);
        if (unchanged)
            continue;
        if (working) {
            sqlite3_bind_int64(supersede, 1, workingId);
            requireSqlite(db, sqlite3_step(supersede), "supersede");
            sqlite3_reset(supersede);
        }
        sqlite3_bind_int64(insert, 1, change.sample);
        sqlite3_bind_int64(insert, 2, classId);
        sqlite3_bind_text(insert, 3, time, int(length), SQLITE_STATIC);
        requireSqlite(db, sqlite3_step(insert), "insert");
        requireSqlite(db, sqlite3_step(insert), "insert");
        sqlite3_reset(insert);
    }
    if (commit)
        requireSqlite(db, sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), "commit");
    const std::pair<double, double> spent {watch.wallMs(), watch.cpuMs()};
    if (!commit)
        requireSqlite(db, sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr), "rollback");
    sqlite3_finalize(current);
    sqlite3_finalize(supersede);
    sqlite3_finalize(insert);
    return spent;
}

std::vector<Change> plannedChanges(QRandomGenerator &random, const std::vector<SampleId> &ids,
                                   int count)
{
    std::vector<Change> planned;
    planned.resize(size_t(count));
    for (Change &change : planned) {
        change.sample = ids[random.bounded(quint32(ids.size()))];
        change.label = int(random.bounded(10));
    }
    return planned;
}

// Boucle's write of `changes`: addLabelRevision for each, in one transaction, committed.
// Returns wall and CPU ms before the commit and with it.
struct OurWrite
{
    double beforeCommitMs = 0, beforeCommitCpu = 0, wallMs = 0, cpuMs = 0;
};
OurWrite ourWrite(ProjectStore &store, const std::vector<Change> &changes,
                  const QStringList &classes)
{
    OurWrite spent;
    Stopwatch watch;
    watch.start();
    StoreTransaction transaction(store);
    for (const Change &change : changes) {
        LabelRevision revision;
        revision.sampleId = change.sample;
        revision.label = classes.at(change.label);
        revision.author = QStringLiteral("reviewer");
        revision.reason = QStringLiteral("correction");
        requireStored(store.addLabelRevision(revision), "addLabelRevision");
    }
    spent.beforeCommitMs = watch.wallMs();
    spent.beforeCommitCpu = watch.cpuMs();
    requireStored(transaction.commit(), "commit");
    spent.wallMs = watch.wallMs();
    spent.cpuMs = watch.cpuMs();
    return spent;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

double maximum(const std::vector<double> &values)
{
    return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const auto arguments = QCoreApplication::arguments();
    const int sampleCount = intArgument(arguments, QStringLiteral("--samples"), 1000000);
    const int versionCount = intArgument(arguments, QStringLiteral("--versions"), 20);
    const int changeCount = intArgument(arguments, QStringLiteral("--changes"), 10000);
    const QStringList classes {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"),
                               QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5"),
                               QStringLiteral("6"), QStringLiteral("7"), QStringLiteral("8"),
                               QStringLiteral("9")};

    QTemporaryDir dir;
    ProjectStore store;
    if (auto error = store.create(dir.filePath(QStringLiteral("bench.boucle")))) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    requireStored(store.ensureClasses(classes), "ensureClasses");
    QRandomGenerator random(42);
    QElapsedTimer timer;

    std::fprintf(stderr, "adding %d samples and their labels...\n", sampleCount);
    timer.start();
    std::vector<SampleId> ids;
    ids.reserve(size_t(sampleCount));
    {
        StoreTransaction transaction(store);
        for (int i = 0; i < sampleCount; ++i) {
            SampleRecord sample;
            sample.path = QStringLiteral("images/%1.png").arg(i, 7, 10, QLatin1Char('0'));
            requireStored(store.addSample(sample), "addSample");
            ids.push_back(sample.id);
            LabelRevision revision;
            revision.sampleId = sample.id;
            revision.label = classes.at(int(random.bounded(10)));
            revision.author = QStringLiteral("seed");
            requireStored(store.addLabelRevision(revision), "addLabelRevision");
        }
        requireStored(transaction.commit(), "commit");
    }
    const double seedWriteSeconds = timer.elapsed() / 1000.0;
    timer.restart();
    requireStored(store.commitVersion(QStringLiteral("seed"), QStringLiteral("all labels")),
                  "commitVersion");
    const double seedCommitSeconds = timer.elapsed() / 1000.0;
    qint64 previousBytes = fileBytes(store);
    const qint64 seedBytes = previousBytes;
    const auto seedSpace = spaceByObject(store);

    std::vector<double> writeMs, commitMs, diffMs, writeCpu, commitCpu, diffCpu, growthMb;
    std::vector<double> floorMs, floorCpu, oursBeforeCommitMs, oursBeforeCommitCpu;
    QList<QByteArray> classNames;
    std::vector<qint64> classIds;
    for (const QString &name : classes) {
        classNames.append(name.toUtf8());
        classIds.push_back(store.classId(name).value_or(0));
    }
    Stopwatch watch;
    for (int v = 0; v < versionCount; ++v) {
        const std::vector<Change> planned = plannedChanges(random, ids, changeCount);
        floorWrite(store, planned, classNames, classIds);
        const auto floor = floorWrite(store, planned, classNames, classIds);
        floorMs.push_back(floor.first);
        floorCpu.push_back(floor.second);
        const OurWrite ours = ourWrite(store, planned, classes);
        oursBeforeCommitMs.push_back(ours.beforeCommitMs);
        oursBeforeCommitCpu.push_back(ours.beforeCommitCpu);
        writeMs.push_back(ours.wallMs);
        writeCpu.push_back(ours.cpuMs);
        watch.start();
        VersionRecord version;
        if (auto error = store.commitVersion(QStringLiteral("lead"),
                                             QStringLiteral("loop %1").arg(v), &version)) {
            std::fprintf(stderr, "%s\n", qPrintable(error.message));
            return 1;
        }
        commitMs.push_back(watch.wallMs());
        commitCpu.push_back(watch.cpuMs());
        watch.start();
        const auto diff = store.diff(version.number - 1, version.number);
        diffMs.push_back(watch.wallMs());
        diffCpu.push_back(watch.cpuMs());
        if (diff.isError()) {
            std::fprintf(stderr, "%s\n", qPrintable(diff.error.message));
            return 1;
        }
        const auto &changes = diff.value;
        const qint64 bytes = fileBytes(store);
        growthMb.push_back(double(bytes - previousBytes) / (1024.0 * 1024.0));
        previousBytes = bytes;
        std::fprintf(stderr,
                     "version %d: %lld changes, commit %.0f ms, diff %.0f ms, growth %.2f MB\n",
                     version.number, qlonglong(changes.size()), commitMs.back(), diffMs.back(),
                     growthMb.back());
    }
    const int head = store.headVersion();
    watch.start();
    const auto wideDiff = store.diff(1, head).value;
    const double wideDiffMs = watch.wallMs();
    const double wideDiffCpu = watch.cpuMs();
    watch.start();
    qint64 asOfCount = 0;
    if (auto error = store.forEachLabelAt(head / 2 + 1, [&asOfCount](const LabelledSample &) {
            ++asOfCount;
            return true;
        })) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    const double asOfMs = watch.wallMs();
    const double asOfCpu = watch.cpuMs();
    timer.restart();
    int pointQueries = 0;
    for (int i = 0; i < 1000; ++i) {
        store.labelAt(ids[random.bounded(quint32(ids.size()))], int(random.bounded(head)) + 1);
        ++pointQueries;
    }
    const double pointMs = double(timer.nsecsElapsed()) / 1e6 / pointQueries;

    // The whole write with its commit against the floor's, committed the same way: on a page by
    // page copy of the project (SQLite's backup, so its layout is the real one and the versions
    // above are untouched), five rounds each, alternating, each with changes of its own.
    std::vector<double> floorCommittedMs, floorCommittedCpu, oursCommittedMs, oursCommittedCpu;
    {
        const QString copyPath = dir.filePath(QStringLiteral("copy.boucle"));
        sqlite3 *target = nullptr;
        requireSqlite(target, sqlite3_open(QFile::encodeName(copyPath).constData(), &target),
                      "open the copy");
        sqlite3_backup *backup = sqlite3_backup_init(target, "main", handleOf(store), "main");
        if (!backup || sqlite3_backup_step(backup, -1) != SQLITE_DONE) {
            std::fprintf(stderr, "copying the project failed: %s\n", sqlite3_errmsg(target));
            return 1;
        }
        sqlite3_backup_finish(backup);
        sqlite3_close(target);
        ProjectStore copy;
        requireStored(copy.open(copyPath), "open the copy");
        for (int round = 0; round < 5; ++round) {
            const auto floor = floorWrite(copy, plannedChanges(random, ids, changeCount),
                                          classNames, classIds, true);
            floorCommittedMs.push_back(floor.first);
            floorCommittedCpu.push_back(floor.second);
            const OurWrite ours = ourWrite(copy, plannedChanges(random, ids, changeCount), classes);
            oursCommittedMs.push_back(ours.wallMs);
            oursCommittedCpu.push_back(ours.cpuMs);
        }
    }

    std::printf("\nBoucle versioned store: %d samples, %d versions of %d changes\n\n", sampleCount,
                versionCount, changeCount);
    std::printf("| measure                                   | wall          | CPU           |"
                " target    |\n");
    std::printf("|-------------------------------------------|---------------|---------------|"
                "-----------|\n");
    std::printf("| seed: write %7d samples + labels        | %9.1f s   |               |"
                "           |\n",
                sampleCount, seedWriteSeconds);
    std::printf("| seed: commit version 1 (%7d labels)     | %9.2f s   |               |"
                "           |\n",
                sampleCount, seedCommitSeconds);
    std::printf("| seed: file size                           | %9.1f MB  |               |"
                "           |\n",
                seedBytes / 1048576.0);
    std::printf(
            "| write %5d revisions (median)             | %9.1f ms  | %9.1f ms  | < 300 ms  |\n",
            changeCount, median(writeMs), median(writeCpu));
    std::printf("|   the same before its commit (median)     | %9.1f ms  | %9.1f ms  |"
                "           |\n",
                median(oursBeforeCommitMs), median(oursBeforeCommitCpu));
    std::printf("|   floor: sqlite3 C API, before commit     | %9.1f ms  | %9.1f ms  |"
                "           |\n",
                median(floorMs), median(floorCpu));
    std::printf(
            "| on a copy, with its commit: Boucle        | %9.1f ms  | %9.1f ms  | < 300 ms  |\n",
            median(oursCommittedMs), median(oursCommittedCpu));
    std::printf("|   floor: sqlite3 C API, with its commit   | %9.1f ms  | %9.1f ms  |"
                "           |\n",
                median(floorCommittedMs), median(floorCommittedCpu));
    std::printf("| commit %5d changes (median / max)        | %5.0f/%5.0f ms | %5.0f/%5.0f ms |"
                " < 200 ms  |\n",
                changeCount, median(commitMs), maximum(commitMs), median(commitCpu),
                maximum(commitCpu));
    std::printf("| diff of consecutive versions (median/max) | %5.0f/%5.0f ms | %5.0f/%5.0f ms |"
                " < 100 ms  |\n",
                median(diffMs), maximum(diffMs), median(diffCpu), maximum(diffCpu));
    std::printf("| diff v1 -> v%-2d (%7lld samples changed)  | %9.0f ms  | %9.0f ms  |"
                "           |\n",
                head, qlonglong(wideDiff.size()), wideDiffMs, wideDiffCpu);
    std::printf("| labels as of v%-2d (%7lld labels, streamed) | %9.0f ms  | %9.0f ms  |"
                "           |\n",
                head / 2 + 1, qlonglong(asOfCount), asOfMs, asOfCpu);
    std::printf("| one sample's label as of a version        | %9.3f ms  |               |"
                "           |\n",
                pointMs);
    std::printf("| file growth per version (median / max)    | %5.2f/%5.2f MB |               |"
                " < 1.5 MB  |\n",
                median(growthMb), maximum(growthMb));
    printSpace(seedSpace, spaceByObject(store), versionCount);
    const QString keep = arguments.indexOf(QStringLiteral("--keep")) >= 0
                                 ? arguments.value(arguments.indexOf(QStringLiteral("--keep")) + 1)
                                 : QString();
    if (!keep.isEmpty()) {
        QSqlQuery(store.database()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        QFile::remove(keep);
        QFile::copy(store.path(), keep);
    }
    return 0;
}
