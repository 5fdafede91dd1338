// HookInvocation: everything one run of a project hook needs, prepared from the store once the
// decision or the commit is durable: the command (the project setting hooks.<event>), its
// environment (BOUCLE_PROJECT, BOUCLE_EVENT, BOUCLE_BATCH, BOUCLE_BATCH_ID, BOUCLE_VERSION,
// BOUCLE_EXPORT_PATH), the JSON payload written to its stdin, and the file it may read at
// BOUCLE_EXPORT_PATH, written beside the project in "<project>.exports/". The contract is
// docs/hooks.md.
//
// Same thread as the ProjectStore it reads.
#pragma once

#include "records/projectrecords.h"

#include <QByteArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>

namespace Boucle {

class ProjectStore;

enum class HookEvent { BatchCompleted, VersionCommitted };

struct HookInvocation
{
    HookEvent event = HookEvent::BatchCompleted;
    QString command; // empty: no hook is set for the event
    QString projectPath;
    BatchId batchId = 0;
    QString batchName;
    int version = 0;
    QString exportPath;
    QProcessEnvironment environment;
    QJsonObject payload;
    int timeoutSeconds = 600;
    QString error; // set when the invocation could not be prepared (the export failed)

    bool isSet() const { return !command.trimmed().isEmpty(); }

    // The event's name ("batch_completed", "version_committed") and its project setting.
    static QString eventName(HookEvent event);
    static std::optional<HookEvent> eventFromName(const QString &name);
    static QString settingKey(HookEvent event);
    static QString timeoutKey(); // hooks.timeout_seconds, default 600
    static constexpr int defaultTimeoutSeconds = 600;
    // Where the files handed to hooks are written: "<project file>.exports"; for a server
    // project (which has no folder), a folder of this user's local data named after its address:
    // "<local data>/server-exports/<host>_<database>_<project>".
    static QString exportFolder(const QString &projectPath);
    // The folder a hook runs in: the project file's folder, or a server project's export folder.
    static QString workingFolder(const QString &projectPath);

    // True when every item of the batch has a decision that waits for no one (no item waits
    // for a second answer or an adjudication).
    static bool batchIsComplete(const ProjectStore &store, BatchId batchId);
    // Prepare the run; command stays empty when the project sets no hook for the event.
    // The batch's decisions (batch-<id>.jsonl) or the version's labels (v<N>.jsonl) are
    // written only when a hook is set.
    static HookInvocation forCompletedBatch(const ProjectStore &store, BatchId batchId);
    static HookInvocation forVersion(const ProjectStore &store, int version);
};

} // namespace Boucle
