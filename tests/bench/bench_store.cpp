// Benchmark of the versioned store: a project of N samples (default 1,000,000), all labelled in
// version 1, then V versions (default 20) of C changes each (default 10,000). Prints commit,
// diff and as-of times and the file's growth per version. Run from a release build:
//   build/release/tests/bench/bench_store [--samples N] [--versions V] [--changes C]
#include "benchrequire.h"
#include "store/projectstore.h"
#include "store/storetransaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

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

    std::vector<double> writeMs, commitMs, diffMs, growthMb;
    for (int v = 0; v < versionCount; ++v) {
        timer.restart();
        {
            StoreTransaction transaction(store);
            for (int c = 0; c < changeCount; ++c) {
                LabelRevision revision;
                revision.sampleId = ids[random.bounded(quint32(ids.size()))];
                revision.label = classes.at(int(random.bounded(10)));
                revision.author = QStringLiteral("reviewer");
                revision.reason = QStringLiteral("correction");
                requireStored(store.addLabelRevision(revision), "addLabelRevision");
            }
            requireStored(transaction.commit(), "commit");
        }
        writeMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        VersionRecord version;
        if (auto error = store.commitVersion(QStringLiteral("lead"),
                                             QStringLiteral("loop %1").arg(v), &version)) {
            std::fprintf(stderr, "%s\n", qPrintable(error.message));
            return 1;
        }
        commitMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        const auto changes = store.diff(version.number - 1, version.number);
        diffMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        const qint64 bytes = fileBytes(store);
        growthMb.push_back(double(bytes - previousBytes) / (1024.0 * 1024.0));
        previousBytes = bytes;
        std::fprintf(stderr, "version %d: %lld changes, commit %.0f ms, diff %.0f ms\n",
                     version.number, qlonglong(changes.size()), commitMs.back(), diffMs.back());
    }
    const int head = store.headVersion();
    timer.restart();
    const auto wideDiff = store.diff(1, head);
    const double wideDiffMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    const auto asOfMiddle = store.labelsAt(head / 2 + 1);
    const double asOfMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    int pointQueries = 0;
    for (int i = 0; i < 1000; ++i) {
        store.labelAt(ids[random.bounded(quint32(ids.size()))], int(random.bounded(head)) + 1);
        ++pointQueries;
    }
    const double pointMs = double(timer.nsecsElapsed()) / 1e6 / pointQueries;

    std::printf("\nBoucle versioned store: %d samples, %d versions of %d changes\n\n", sampleCount,
                versionCount, changeCount);
    std::printf("| measure                                   | value        | target     |\n");
    std::printf("|-------------------------------------------|--------------|------------|\n");
    std::printf("| seed: write %7d samples + labels        | %9.1f s  |            |\n",
                sampleCount, seedWriteSeconds);
    std::printf("| seed: commit version 1 (%7d labels)     | %9.2f s  |            |\n",
                sampleCount, seedCommitSeconds);
    std::printf("| seed: file size                           | %9.1f MB |            |\n",
                seedBytes / 1048576.0);
    std::printf("| write %5d revisions (median)             | %9.1f ms |            |\n",
                changeCount, median(writeMs));
    std::printf("| commit %5d changes (median / max)        | %5.0f/%4.0f ms | < 500 ms   |\n",
                changeCount, median(commitMs), maximum(commitMs));
    std::printf("| diff of consecutive versions (median/max) | %5.0f/%4.0f ms | < 200 ms   |\n",
                median(diffMs), maximum(diffMs));
    std::printf("| diff v1 -> v%-2d (%7lld samples changed)  | %9.0f ms |            |\n", head,
                qlonglong(wideDiff.size()), wideDiffMs);
    std::printf("| labels as of v%-2d (%7lld labels)         | %9.0f ms |            |\n",
                head / 2 + 1, qlonglong(asOfMiddle.size()), asOfMs);
    std::printf("| one sample's label as of a version        | %9.3f ms |            |\n", pointMs);
    std::printf("| file growth per version (median / max)    | %4.2f/%4.2f MB | < 2 MB     |\n",
                median(growthMb), maximum(growthMb));
    return 0;
}
