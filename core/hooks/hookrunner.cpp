#include "hookrunner.h"

#include "review/reviewsession.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <tuple>
#include <unistd.h>

namespace Boucle {

struct HookRunner::Running
{
    HookRunRecord run;
    QProcess *process = nullptr;
    QTimer *timer = nullptr;
    QElapsedTimer elapsed;
    bool timedOut = false;
    std::function<void(const HookRunRecord &)> done;
};

namespace {

void keepOutput(HookRunRecord &run, const QByteArray &chunk)
{
    const qint64 room = HookRunRecord::outputCap - run.output.size();
    if (chunk.size() > room) {
        run.output += chunk.left(qMax<qint64>(room, 0));
        run.outputTruncated = true;
    } else {
        run.output += chunk;
    }
}

void killGroup(QProcess *process)
{
    const qint64 pid = process->processId();
    // The hook runs in its own process group (setsid below), so what it started dies with it.
    if (pid > 0)
        ::kill(-pid_t(pid), SIGKILL);
}

} // namespace

HookRunner::HookRunner(ProjectStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

HookRunner::~HookRunner()
{
    for (auto &running : m_running) {
        running->process->disconnect(this);
        running->timer->stop();
        killGroup(running->process);
        running->process->waitForFinished(2000);
        keepOutput(running->run, running->process->readAll());
        running->run.durationMs = running->elapsed.elapsed();
        running->run.outcome = HookRunRecord::Outcome::Failed;
        running->run.exitCode = -1;
        keepOutput(running->run, QByteArrayLiteral("\n[boucle: killed when Boucle closed]\n"));
        // Boucle is closing: a run that cannot be recorded has nobody left to be told.
        if (m_store.isOpen() && !m_store.isReadOnly())
            std::ignore = m_store.addHookRun(running->run);
        delete running->process;
        delete running->timer;
    }
}

void HookRunner::follow(ReviewSession &session)
{
    // A bulk decision announces each of its items: the batches they touch are looked at once,
    // when control returns to the event loop.
    connect(&session, &ReviewSession::itemDecided, this,
            [this](BatchItemId itemId, ReviewStatus status) {
                if (status == ReviewStatus::Pending
                    || m_store.setting(HookInvocation::settingKey(HookEvent::BatchCompleted))
                               .trimmed()
                               .isEmpty())
                    return;
                const auto item = m_store.batchItem(itemId);
                if (!item)
                    return;
                const bool first = m_decidedBatches.isEmpty();
                m_decidedBatches.insert(item->batchId);
                if (first)
                    QTimer::singleShot(0, this, [this] {
                        const auto batches = std::exchange(m_decidedBatches, {});
                        for (const BatchId batch : batches)
                            startForCompletedBatch(batch);
                    });
            });
}

bool HookRunner::startForCompletedBatch(BatchId batchId)
{
    const QString event = HookInvocation::eventName(HookEvent::BatchCompleted);
    if (m_store.setting(HookInvocation::settingKey(HookEvent::BatchCompleted)).trimmed().isEmpty()
        || !HookInvocation::batchIsComplete(m_store, batchId) || m_store.hasHookRun(event, batchId))
        return false;
    for (const auto &running : m_running)
        if (running->run.event == event && running->run.batchId == batchId)
            return false;
    return start(HookInvocation::forCompletedBatch(m_store, batchId));
}

bool HookRunner::startForVersion(int version)
{
    return start(HookInvocation::forVersion(m_store, version));
}

bool HookRunner::start(const HookInvocation &invocation)
{
    if (!invocation.isSet())
        return false;
    auto running = std::make_unique<Running>();
    Running *raw = running.get();
    auto &run = raw->run;
    run.event = HookInvocation::eventName(invocation.event);
    run.batchId = invocation.batchId;
    run.version = invocation.version;
    run.command = invocation.command;
    run.startedAt = m_store.now();
    raw->elapsed.start();
    if (!invocation.error.isEmpty()) {
        // The hook is not run on a missing or half-written export; the run says why.
        run.outcome = HookRunRecord::Outcome::NotStarted;
        run.output = QCoreApplication::translate("Boucle::HookRunner", "not started: %1")
                             .arg(invocation.error)
                             .toUtf8();
        record(run);
        return true;
    }

    raw->process = new QProcess;
    raw->timer = new QTimer;
    QProcess *process = raw->process;
    process->setProgram(QStringLiteral("/bin/sh"));
    process->setArguments({QStringLiteral("-c"), invocation.command});
    process->setProcessEnvironment(invocation.environment);
    process->setWorkingDirectory(HookInvocation::workingFolder(invocation.projectPath));
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setChildProcessModifier([] { ::setsid(); });
    connect(process, &QProcess::readyReadStandardOutput, this,
            [raw] { keepOutput(raw->run, raw->process->readAllStandardOutput()); });
    connect(process, &QProcess::finished, this, [this, raw] { finishRun(raw, false); });
    connect(process, &QProcess::errorOccurred, this, [this, raw](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finishRun(raw, false);
    });
    raw->timer->setSingleShot(true);
    raw->timer->setInterval(std::chrono::seconds(invocation.timeoutSeconds));
    connect(raw->timer, &QTimer::timeout, this, [raw] {
        raw->timedOut = true;
        killGroup(raw->process);
    });
    m_running.push_back(std::move(running));
    emit hookStarted(run.event, run.command);
    raw->timer->start();
    process->start();
    // A hook that cannot start is finished (and recorded) inside start().
    const bool stillRunning = std::any_of(m_running.cbegin(), m_running.cend(),
                                          [raw](const auto &each) { return each.get() == raw; });
    if (stillRunning && process->state() != QProcess::NotRunning) {
        process->write(QJsonDocument(invocation.payload).toJson(QJsonDocument::Indented));
        process->closeWriteChannel();
    }
    return true;
}

std::optional<HookRunRecord> HookRunner::runAndWait(const HookInvocation &invocation)
{
    std::optional<HookRunRecord> result;
    QEventLoop loop;
    const std::size_t before = m_running.size();
    if (!invocation.isSet())
        return result;
    // A run that cannot start is recorded at once and never enters m_running.
    QMetaObject::Connection finished
            = connect(this, &HookRunner::hookFinished, &loop, [&](const HookRunRecord &run) {
                  if (!result && run.event == HookInvocation::eventName(invocation.event)
                      && run.batchId == invocation.batchId && run.version == invocation.version) {
                      result = run;
                      loop.quit();
                  }
              });
    start(invocation);
    if (!result && m_running.size() > before)
        loop.exec();
    disconnect(finished);
    return result;
}

void HookRunner::finishRun(Running *running, bool timedOut)
{
    auto &run = running->run;
    QProcess *process = running->process;
    running->timer->stop();
    keepOutput(run, process->readAllStandardOutput());
    run.durationMs = running->elapsed.elapsed();
    if (running->timedOut || timedOut) {
        run.outcome = HookRunRecord::Outcome::TimedOut;
        run.exitCode = -1;
        // A plain count: lupdate 6.4 never returns from a %n argument written as an expression
        // with '->' and '/'.
        const int seconds = int(running->timer->interval() / 1000);
        keepOutput(run, QCoreApplication::translate("Boucle::HookRunner",
                                                    "\n[boucle: killed after %n second(s)]\n",
                                                    nullptr, seconds)
                                .toUtf8());
    } else if (process->error() == QProcess::FailedToStart) {
        run.outcome = HookRunRecord::Outcome::NotStarted;
        run.exitCode = -1;
        keepOutput(run, process->errorString().toUtf8());
    } else if (process->exitStatus() == QProcess::CrashExit) {
        run.outcome = HookRunRecord::Outcome::Failed;
        run.exitCode = -1;
    } else {
        run.exitCode = process->exitCode();
        run.outcome = run.exitCode == 0 ? HookRunRecord::Outcome::Succeeded
                                        : HookRunRecord::Outcome::Failed;
    }
    HookRunRecord finished = run;
    process->disconnect(this);
    process->deleteLater();
    running->timer->deleteLater();
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        if (it->get() == running) {
            m_running.erase(it);
            break;
        }
    }
    record(finished);
}

void HookRunner::record(HookRunRecord &run)
{
    // A run that cannot be recorded (a locked or read-only project) is still announced, and
    // its output says why it is not in the project's history.
    if (const auto error = m_store.addHookRun(run))
        keepOutput(run,
                   "\n[boucle: this run could not be recorded: " + error.message.toUtf8() + "]\n");
    emit hookFinished(run);
}

} // namespace Boucle
