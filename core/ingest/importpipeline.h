// ImportPipeline: the reading side of LogImporter. A PredictionSource is read on a thread of its
// own, a chunk of lines at a time, into a bounded queue of reusable chunks (so memory stays a few
// chunks whatever the log's length); the importer takes the chunks in order on its own thread.
// probeAll() inspects the new sample files of a chunk on the global thread pool.
//
// With a DataRootFile to probe ahead with (a project that had no samples before the import), the
// reading side also starts the probes of each chunk's sample paths that no earlier line named
// (SampleFileProbe::inspect on the pipeline's own probe threads) as soon as the chunk is read,
// so that the files of the next chunks are probed while the importer writes this one; next()
// returns a chunk once its probes are done. The probe threads yield to the reading and writing
// threads when the cores are busy (nice 10 on Linux): they run chunks ahead, while the
// importer's thread sets the pace of the whole import.
//
// The source is used only by the reading thread once the pipeline exists (it was opened before);
// destroying the pipeline stops and joins that thread, so an early return of the importer (an
// error, a cancel) leaves nothing running.
#pragma once

#include "logentry.h"
#include "logproblem.h"
#include "predictionsource.h"
#include "store/predictionbulkwriter.h"

#include <QFuture>
#include <QMutex>
#include <QStringList>
#include <QThreadPool>
#include <QWaitCondition>

#include <deque>
#include <memory>
#include <thread>
#include <vector>

namespace Boucle {

class DataRootFile;

class ImportPipeline
{
public:
    struct Item
    {
        PredictionSource::Result result = PredictionSource::Result::End;
        LogEntry entry;     // for Entry
        LogProblem problem; // for Invalid
        int probe = -1;     // probing ahead: the index in Chunk::probes of this line's sample
        // For Entry: a 64-bit hash of entry.samplePath (pathHashOf), taken on the reading side
        // so that the importer's thread finds the path without hashing it again.
        quint64 pathHash = 0;
        // The columns the writer binds as they are, encoded on the reading thread.
        PredictionBulkWriter::EncodedLine encoded;
    };
    struct Probe
    {
        const QString *path = nullptr; // into the chunk's entry
        SampleRecord sample;
        QString refusal;
        bool accepted = false;
    };
    struct Chunk
    {
        std::vector<Item> items; // the first `count` are this chunk's lines
        qsizetype count = 0;
        QStringList classes; // the source's classes after this chunk, when they grew
        qint64 bytesRead = 0;
        bool end = false;    // the source has nothing after this chunk
        bool failed = false; // the source cannot be read further: `failure` says why
        LogProblem failure;
        // Probing ahead: the sample paths of this chunk that no earlier line named, probed.
        std::vector<Probe> probes;
        QFuture<void> probing;
    };

    static constexpr qsizetype chunkLines = 1024;
    static constexpr std::size_t queuedChunks = 4;

    // `threaded` false: next() reads the chunk on the calling thread (same chunks, same order).
    // `probeAhead`: probe the first-named sample paths of each chunk ahead (see above); it must
    // outlive the pipeline.
    ImportPipeline(PredictionSource &source, bool threaded,
                   const DataRootFile *probeAhead = nullptr);
    ~ImportPipeline();
    ImportPipeline(const ImportPipeline &) = delete;
    ImportPipeline &operator=(const ImportPipeline &) = delete;

    // The next chunk, in the source's order; blocks until it is read. Give it back with
    // recycle() before asking for another.
    Chunk *next();
    void recycle(Chunk *chunk);

    static quint64 pathHashOf(const QString &path);

    // SampleFileProbe::inspect for each probe, on the global thread pool.
    static void probeAll(const DataRootFile &root, std::vector<Probe> &probes);

private:
    void fill(Chunk &chunk);
    void startProbes(Chunk &chunk);
    void run();
    std::unique_ptr<Chunk> takeFree();

    PredictionSource &m_source;
    qsizetype m_classCount = 0;
    bool m_threaded = false;
    bool m_sourceDone = false; // reading thread (or next(), unthreaded) only
    const DataRootFile *m_probeAhead = nullptr;
    // Probing ahead: hashes of the sample paths named so far (reading thread only). Two paths
    // with the same hash only cost the second one a probe on the importer's side.
    std::vector<quint64> m_seen; // open addressing, 0 = empty
    qsizetype m_seenCount = 0;
    bool seeNew(quint64 hash);

    QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<std::unique_ptr<Chunk>> m_full;
    std::vector<std::unique_ptr<Chunk>> m_free;
    std::unique_ptr<Chunk> m_current; // the chunk the importer holds
    bool m_stop = false;
    std::thread m_thread;
    // Last, so it is destroyed first: its threads end before the chunks they probe go.
    QThreadPool m_probeThreads;
};

} // namespace Boucle
