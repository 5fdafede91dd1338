// ContentVerifier: what `boucle verify --content` does: reads every sample file now, takes its
// SHA-256 (on a pool of threads), records what it saw as content observations and tells which
// files changed since their import or their last observation, went missing, or cannot be read.
// On the store's thread.
#pragma once

#include "samplefilechange.h"

#include <QList>
#include <QString>

namespace Boucle {

class ProgressSink;
class ProjectStore;

struct ContentFinding
{
    enum class Kind {
        Changed,    // `change` says how
        Missing,    // was there (at import or when last observed), is not now
        Unreadable, // refused by the data root's rule, or unreadable, or changing while read
    };
    Kind kind = Kind::Changed;
    QString path;
    SampleFileChange change;
    QString problem; // for Unreadable

    // "images/3.png: changed since it was imported: size 120,334 → 98,110 bytes, …".
    QString line() const;
};

struct ContentReport
{
    qint64 samples = 0;
    qint64 hashed = 0;
    qint64 unchanged = 0;
    qint64 neverPresent = 0; // missing at import and still missing: not a finding
    QList<ContentFinding> findings;
    QString error; // the store could not be read or written; the check stopped

    bool isClean() const { return error.isEmpty() && findings.isEmpty(); }
};

class ContentVerifier
{
public:
    explicit ContentVerifier(ProjectStore &store);
    void setThreadCount(int threads); // default: the machine's cores

    ContentReport run(ProgressSink *progress = nullptr);

private:
    ProjectStore &m_store;
    int m_threads = 0;
};

} // namespace Boucle
