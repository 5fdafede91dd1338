// ImportPipeline: the reading side of LogImporter. A PredictionSource is read on a thread of its
// own, a chunk of lines at a time, into a bounded queue of reusable chunks (so memory stays a few
// chunks whatever the log's length); the importer takes the chunks in order on its own thread.
// probeAll() inspects the new sample files of a chunk on the global thread pool.
//
// The source is used only by the reading thread once the pipeline exists (it was opened before);
// destroying the pipeline stops and joins that thread, so an early return of the importer (an
// error, a cancel) leaves nothing running.
#pragma once

#include "logentry.h"
#include "logproblem.h"
#include "predictionsource.h"

#include <QMutex>
#include <QStringList>
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
    };
    struct Probe
    {
        const QString *path = nullptr; // into the chunk's entry
        SampleRecord sample;
        QString refusal;
        bool accepted = false;
    };

    static constexpr qsizetype chunkLines = 1024;
    static constexpr std::size_t queuedChunks = 4;

    // `threaded` false: next() reads the chunk on the calling thread (same chunks, same order).
    ImportPipeline(PredictionSource &source, bool threaded);
    ~ImportPipeline();
    ImportPipeline(const ImportPipeline &) = delete;
    ImportPipeline &operator=(const ImportPipeline &) = delete;

    // The next chunk, in the source's order; blocks until it is read. Give it back with
    // recycle() before asking for another.
    Chunk *next();
    void recycle(Chunk *chunk);

    // SampleFileProbe::inspect for each probe, on the global thread pool.
    static void probeAll(const DataRootFile &root, std::vector<Probe> &probes);

private:
    void fill(Chunk &chunk);
    void run();
    std::unique_ptr<Chunk> takeFree();

    PredictionSource &m_source;
    qsizetype m_classCount = 0;
    bool m_threaded = false;
    bool m_sourceDone = false; // reading thread (or next(), unthreaded) only

    QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<std::unique_ptr<Chunk>> m_full;
    std::vector<std::unique_ptr<Chunk>> m_free;
    std::unique_ptr<Chunk> m_current; // the chunk the importer holds
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace Boucle
