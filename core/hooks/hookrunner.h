// HookRunner: runs the project's hooks when a batch's last item is decided or a version is
// committed, and records each run in the project (ProjectStore::addHookRun).
//
// A hook starts only after the decision or the commit is durable, runs through `/bin/sh -c` in
// its own process group with the project's folder as working directory, and never blocks the
// caller: start() returns at once (the GUI), runAndWait() spins a local event loop (the command
// line). A hook that outlives hooks.timeout_seconds is killed (SIGKILL to its process group) and
// recorded as timed out. Its output (stdout and stderr together) is kept up to
// HookRunRecord::outputCap bytes. Nothing a hook does can undo a decision. See docs/hooks.md.
//
// Same thread as its ProjectStore (the GUI thread in the desktop application).
#pragma once

#include "hookinvocation.h"
#include "store/automationrecords.h"

#include <QObject>
#include <QSet>

#include <memory>
#include <vector>

namespace Boucle {

class ProjectStore;
class ReviewSession;

class HookRunner : public QObject
{
    Q_OBJECT

public:
    explicit HookRunner(ProjectStore &store, QObject *parent = nullptr);
    // Kills the hooks still running and records them as not finished.
    ~HookRunner() override;

    // Runs batch_completed when a decision of the session completes a batch. A batch runs its
    // hook once: completing it again after an undo and a redo does not run it again.
    void follow(ReviewSession &session);

    // Start the event's hook if the project sets one; false when it sets none (or, for a
    // batch, when the batch is not complete or already ran its hook).
    bool startForCompletedBatch(BatchId batchId);
    bool startForVersion(int version);
    // Starts a prepared invocation; false when no hook is set.
    bool start(const HookInvocation &invocation);
    // Runs it to the end (or its timeout) and returns the recorded run; for the command line.
    std::optional<HookRunRecord> runAndWait(const HookInvocation &invocation);

    int runningCount() const { return int(m_running.size()); }

signals:
    void hookStarted(const QString &event, const QString &command);
    // Emitted once the run is recorded in the project.
    void hookFinished(const Boucle::HookRunRecord &run);

private:
    struct Running;
    void finishRun(Running *running, bool timedOut);
    void record(HookRunRecord &run);

    ProjectStore &m_store;
    std::vector<std::unique_ptr<Running>> m_running;
    QSet<BatchId> m_decidedBatches; // decided since the event loop last ran
};

} // namespace Boucle
