// Benchmark of the working-state diff: a project of N samples (default 1,000,000), all labelled
// in version 1, V later versions of C changes each (defaults 3 and 1,000), then W working changes
// (default 500) of which a fifth are put back as an undo would. Prints the time of the newest
// version against the working state, of version 1 against it (every later version included), of
// the working change count, and of the full "labels as of" read the diff avoids. Run from a
// release build:
//   build/release/tests/bench/bench_workingdiff [--samples N] [--versions V] [--changes C]
//                                               [--working W]
#include "benchrequire.h"
#include "store/projectstore.h"
#include "store/storetransaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

using namespace Boucle;

namespace {

int intArgument(const QStringList &arguments, const QString &name, int fallback)
{
    const auto index = arguments.indexOf(name);
    return index >= 0 && index + 1 < arguments.size() ? arguments.at(index + 1).toInt() : fallback;
}

double milliseconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const auto arguments = QCoreApplication::arguments();
    const int sampleCount = intArgument(arguments, QStringLiteral("--samples"), 1000000);
    const int versionCount = intArgument(arguments, QStringLiteral("--versions"), 3);
    const int changeCount = intArgument(arguments, QStringLiteral("--changes"), 1000);
    const int workingCount = intArgument(arguments, QStringLiteral("--working"), 500);
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
    auto change = [&](SampleId sample, const QString &label, const QString &reason) {
        LabelRevision revision;
        revision.sampleId = sample;
        revision.label = label;
        revision.author = QStringLiteral("reviewer");
        revision.reason = reason;
        requireStored(store.addLabelRevision(revision), "addLabelRevision");
    };

    std::fprintf(stderr, "adding %d labelled samples...\n", sampleCount);
    std::vector<SampleId> ids;
    ids.reserve(size_t(sampleCount));
    {
        StoreTransaction transaction(store);
        for (int i = 0; i < sampleCount; ++i) {
            SampleRecord sample;
            sample.path = QStringLiteral("images/%1.png").arg(i, 7, 10, QLatin1Char('0'));
            requireStored(store.addSample(sample), "addSample");
            ids.push_back(sample.id);
            change(sample.id, classes.at(int(random.bounded(10))), QStringLiteral("seed"));
        }
        requireStored(transaction.commit(), "commit");
    }
    requireStored(store.commitVersion(QStringLiteral("seed"), QStringLiteral("all labels")),
                  "commitVersion");
    for (int v = 0; v < versionCount; ++v) {
        StoreTransaction transaction(store);
        for (int c = 0; c < changeCount; ++c)
            change(ids[random.bounded(quint32(ids.size()))], classes.at(int(random.bounded(10))),
                   QStringLiteral("correction"));
        requireStored(transaction.commit(), "commit");
        requireStored(store.commitVersion(QStringLiteral("lead"), QStringLiteral("loop %1").arg(v)),
                      "commitVersion");
    }
    {
        StoreTransaction transaction(store);
        for (int w = 0; w < workingCount; ++w) {
            const SampleId sample = ids[random.bounded(quint32(ids.size()))];
            const QString before = store.currentLabel(sample);
            change(sample, classes.at((classes.indexOf(before) + 1) % 10),
                   QStringLiteral("working"));
            if (w % 5 == 0)
                change(sample, before, QStringLiteral("undo"));
        }
        requireStored(transaction.commit(), "commit");
    }

    const int head = store.headVersion();
    QElapsedTimer timer;
    timer.start();
    const auto sinceHead = store.diff(head, ProjectStore::workingState).value;
    const double sinceHeadMs = milliseconds(timer);
    timer.restart();
    const auto sinceFirst = store.diff(1, ProjectStore::workingState).value;
    const double sinceFirstMs = milliseconds(timer);
    timer.restart();
    const int counted = store.workingChangeCount();
    const double countMs = milliseconds(timer);
    timer.restart();
    const auto all = store.labelsAt(head).value;
    const double allMs = milliseconds(timer);

    std::printf("samples %d, versions %d, working revisions %d\n", sampleCount, head,
                workingCount + (workingCount + 4) / 5);
    std::printf("diff v%d -> working: %lld rows in %.1f ms\n", head, qlonglong(sinceHead.size()),
                sinceHeadMs);
    std::printf("diff v1 -> working: %lld rows in %.1f ms\n", qlonglong(sinceFirst.size()),
                sinceFirstMs);
    std::printf("working change count: %d in %.1f ms\n", counted, countMs);
    std::printf("labels as of v%d (a full read, for scale): %lld in %.1f ms\n", head,
                qlonglong(all.size()), allMs);
    return 0;
}
