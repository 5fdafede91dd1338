// BackgroundContentHasher: takes the SHA-256 of every sample file that was never hashed, after a
// project opens, so that import needs only a stat per file. Files are read on worker threads at
// the lowest priority; results come back to the store's thread and are written a batch per
// transaction. Nothing is kept between runs but what the store holds: a run that stops (the
// project closes, the application quits) is resumed by the next one from the samples still
// without a hash. Lives on, and is used from, the thread of its ProjectStore.
#pragma once

#include "datarootfile.h"
#include "records/contentobservation.h"
#include "samplecontenthasher.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>

namespace Boucle {

class ProjectStore;

class BackgroundContentHasher : public QObject
{
    Q_OBJECT

public:
    explicit BackgroundContentHasher(ProjectStore &store, QObject *parent = nullptr);
    // Stops the workers and waits for the files they are reading; what was hashed but not yet
    // written is dropped (the next run takes it again).
    ~BackgroundContentHasher() override;

    void setThreadCount(int threads); // default: 1
    void setBatchSize(int results);   // results per transaction; default 64

    // Starts (or restarts) a pass over the samples without a hash. Does nothing on a read-only
    // store.
    void start();
    bool isRunning() const { return m_running; }
    // Hashes written during this object's life.
    qint64 hashedCount() const { return m_hashed; }

signals:
    // The pass is over: every sample without a hash was tried (missing, refused or unstable files
    // are left for a later pass). `problem` is set when writing failed and the pass stopped.
    void finished(qint64 hashed, const QString &problem);

private:
    void fetchMore();
    void take(const ContentObservation &observation, SampleContentHasher::Outcome outcome);
    bool flush();
    void finish(const QString &problem);

    ProjectStore &m_store;
    DataRootFile m_root;
    QThreadPool m_pool;
    std::atomic<bool> m_cancelled {false};
    QList<ContentObservation> m_pending;
    SampleId m_cursor = 0;
    int m_outstanding = 0;
    int m_batchSize = 64;
    qint64 m_hashed = 0;
    bool m_running = false;
};

} // namespace Boucle
