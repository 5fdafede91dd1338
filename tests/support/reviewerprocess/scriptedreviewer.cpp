// A reviewer in a process of its own, deciding the pending items of a project's first batch the
// way the review window does: one long-lived read-write store and a ReviewSession, while
// background loaders open and close read-only stores on the same file in the same process.
// After each decision is acknowledged (the session returned success, so its transaction is
// committed) it prints "ACK <batch item id>" and flushes, so a test that kills it with SIGKILL
// knows exactly which decisions must have survived.
//
// scripted_reviewer PROJECT REVIEWER [MAX_DECISIONS]
#include "review/reviewsession.h"
#include "store/batchitemquery.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QThread>
#include <QtConcurrent>

#include <cstdio>

using namespace Boucle;

namespace {

// What the window's loaders (batch triggers, dashboard, loop chart) do on worker threads.
void readOnAnotherConnection(const QString &path)
{
    ProjectStore store;
    if (!store.open(path, ProjectStore::OpenMode::ReadOnly))
        (void) store.batches();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 3) {
        std::fprintf(stderr, "usage: scripted_reviewer PROJECT REVIEWER [MAX_DECISIONS]\n");
        return 2;
    }
    const QString path = arguments.at(1);
    const int maxDecisions = arguments.size() > 3 ? arguments.at(3).toInt() : 1 << 30;

    ProjectStore store;
    if (const auto error = store.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    const auto batches = store.batches();
    if (batches.isEmpty()) {
        std::fprintf(stderr, "%s has no batch\n", qPrintable(path));
        return 1;
    }
    const QStringList classes = store.classNames();
    ReviewSession session(store);
    session.setReviewer(arguments.at(2));
    BatchItemFilter pending;
    pending.status = ReviewStatus::Pending;

    int decided = 0;
    while (decided < maxDecisions) {
        QtConcurrent::run(readOnAnotherConnection, path).waitForFinished();
        const auto next = BatchItemQuery(store, batches.constFirst().id, pending).rows(0, 1);
        if (next.isEmpty())
            break;
        const BatchItemRow &row = next.constFirst();
        QString other = classes.at(decided % classes.size());
        if (other == row.predictedLabel)
            other = classes.at((decided + 1) % classes.size());
        StoreError error;
        switch (decided % 3) {
        case 0:
            error = session.approve(row.item.id);
            break;
        case 1:
            error = session.override(row.item.id, other, QStringLiteral("scripted"));
            break;
        default:
            error = session.relabel(row.item.id, other);
            break;
        }
        if (error && error.code != StoreError::Code::Locked)
            error = session.approve(row.item.id);
        if (error && error.code != StoreError::Code::Locked) {
            std::fprintf(stderr, "%s\n", qPrintable(error.message));
            return 1;
        }
        if (error) {
            // Refused because another writer held the lock past the timeout: not
            // acknowledged, so try again.
            std::fprintf(stderr, "refused: %s\n", qPrintable(error.message));
            QThread::msleep(5);
            continue;
        }
        std::printf("ACK %lld\n", static_cast<long long>(row.item.id));
        std::fflush(stdout);
        ++decided;
    }
    std::printf("DONE %d\n", decided);
    std::fflush(stdout);
    return 0;
}
