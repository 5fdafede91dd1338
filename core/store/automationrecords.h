// The records of what Boucle did on its own for a project: the hooks it ran (hook_runs) and the
// files `boucle watch` took from a folder (watched_files). Neither is part of the audit chain:
// they say what happened around the labels, not what the labels are (see docs/hooks.md).
#pragma once

#include "records/projectrecords.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Boucle {

struct HookRunRecord
{
    enum class Outcome { Succeeded, Failed, TimedOut, NotStarted };

    qint64 id = 0;
    QString event;       // "batch_completed" or "version_committed"
    BatchId batchId = 0; // batch_completed only
    int version = 0;     // version_committed: the new version; batch_completed: the head
    QString command;
    QDateTime startedAt;
    qint64 durationMs = 0;
    Outcome outcome = Outcome::NotStarted;
    int exitCode = -1; // -1 when it did not exit on its own (killed, crashed, not started)
    QByteArray output; // stdout and stderr interleaved, at most HookRunRecord::outputCap
    bool outputTruncated = false;

    static constexpr qint64 outputCap = 64 * 1024;
};

QString hookOutcomeName(HookRunRecord::Outcome outcome);
HookRunRecord::Outcome hookOutcomeFromName(const QString &name);

struct WatchedFileRecord
{
    enum class Outcome { Imported, Failed };

    qint64 id = 0;
    QString path; // absolute
    qint64 size = 0;
    QDateTime modifiedAt;
    QByteArray sha256; // lower-case hex
    Outcome outcome = Outcome::Failed;
    QString message;     // what went wrong, or what was stored
    BatchId batchId = 0; // the batch flagged after it; 0 when none
    QDateTime recordedAt;
};

} // namespace Boucle
