#include "importpipeline.h"

#include "datarootfile.h"
#include "samplefileprobe.h"

#include <QMutexLocker>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace Boucle {

namespace {

// How much a probe thread yields to the reading and writing threads. On a million files
// present, two cores: 8.2-8.6 s at the same priority, 7.7-7.9 s at nice 10 (the same at 19);
// the reader's priority changes nothing. Nice 10 still leaves the probes a tenth of a busy core
// against each other program, so they do not stall behind a build.
constexpr int probeThreadNice = 10;

// Once per thread: a thread of `probeThreads` lowers its priority the first time it probes.
// The reading thread runs a chunk's few probes itself (and a thread that waits for a future may
// run its work): only the pool's own threads yield. The answer is kept per thread, so the pool's
// lock is taken once per thread, not once per file. The pool's threads are the pipeline's own
// and end with it, so no other work inherits the lower priority; a thread outside it can never
// join a later pipeline's pool. Linux gives each thread its own nice value.
void yieldToReaderAndWriter(const QThreadPool &probeThreads)
{
    thread_local bool decided = false;
    if (decided)
        return;
    decided = true;
    if (!probeThreads.contains(QThread::currentThread()))
        return;
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, id_t(gettid()), probeThreadNice);
#endif
}

} // namespace

ImportPipeline::ImportPipeline(PredictionSource &source, bool threaded,
                               const DataRootFile *probeAhead)
    : m_source(source)
    , m_classCount(source.classes().size())
    , m_threaded(threaded)
    , m_probeAhead(probeAhead)
{
    if (m_threaded)
        m_thread = std::thread([this] { run(); });
}

ImportPipeline::~ImportPipeline()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stop = true;
        m_changed.wakeAll();
    }
    if (m_thread.joinable())
        m_thread.join();
    // Probes still running read the chunks' paths: wait for them before the chunks go.
    for (auto &chunk : m_full)
        chunk->probing.waitForFinished();
    if (m_current)
        m_current->probing.waitForFinished();
}

quint64 ImportPipeline::pathHashOf(const QString &path)
{
    // qHash is 64 bits wide here, seeded with a constant so that a path hashes the same on
    // every thread.
    return quint64(qHash(path, 0x9e3779b97f4a7c15ULL));
}

bool ImportPipeline::seeNew(quint64 hash)
{
    hash = hash == 0 ? 1 : hash;
    if (qsizetype(m_seen.size()) < 2 * (m_seenCount + 1)) {
        std::vector<quint64> grown(std::max<std::size_t>(1024, m_seen.size() * 2), 0);
        const std::size_t mask = grown.size() - 1;
        for (const quint64 old : m_seen) {
            if (old == 0)
                continue;
            std::size_t at = std::size_t(old) & mask;
            while (grown[at] != 0)
                at = (at + 1) & mask;
            grown[at] = old;
        }
        m_seen = std::move(grown);
    }
    const std::size_t mask = m_seen.size() - 1;
    std::size_t at = std::size_t(hash) & mask;
    while (m_seen[at] != 0) {
        if (m_seen[at] == hash)
            return false;
        at = (at + 1) & mask;
    }
    m_seen[at] = hash;
    ++m_seenCount;
    return true;
}

void ImportPipeline::startProbes(Chunk &chunk)
{
    chunk.probes.clear();
    chunk.probing = QFuture<void>();
    for (qsizetype i = 0; i < chunk.count; ++i) {
        Item &item = chunk.items[std::size_t(i)];
        item.probe = -1;
        if (item.result != PredictionSource::Result::Entry)
            continue;
        const QString &path = item.entry.samplePath;
        if (!seeNew(item.pathHash))
            continue;
        item.probe = int(chunk.probes.size());
        chunk.probes.push_back({&path, {}, {}, false});
    }
    const DataRootFile &root = *m_probeAhead;
    const QThreadPool *probeThreads = &m_probeThreads;
    auto inspect = [&root, probeThreads](Probe &probe) {
        yieldToReaderAndWriter(*probeThreads);
        probe.accepted = SampleFileProbe::inspect(root, *probe.path, probe.sample, &probe.refusal);
    };
    if (chunk.probes.size() < 8) {
        for (auto &probe : chunk.probes)
            inspect(probe);
        return;
    }
    chunk.probing = QtConcurrent::map(&m_probeThreads, chunk.probes, inspect);
}

std::unique_ptr<ImportPipeline::Chunk> ImportPipeline::takeFree()
{
    if (m_free.empty())
        return std::make_unique<Chunk>();
    auto chunk = std::move(m_free.back());
    m_free.pop_back();
    return chunk;
}

void ImportPipeline::fill(Chunk &chunk)
{
    chunk.count = 0;
    chunk.classes.clear();
    chunk.end = chunk.failed = false;
    chunk.failure = {};
    if (chunk.items.size() < std::size_t(chunkLines))
        chunk.items.resize(std::size_t(chunkLines));
    while (chunk.count < chunkLines) {
        Item &item = chunk.items[std::size_t(chunk.count)];
        item.result = m_source.next(item.entry);
        if (item.result == PredictionSource::Result::End) {
            chunk.end = true;
            break;
        }
        if (item.result == PredictionSource::Result::Failed) {
            chunk.failed = chunk.end = true;
            chunk.failure = m_source.problem();
            break;
        }
        if (item.result == PredictionSource::Result::Invalid) {
            item.problem = m_source.problem();
        } else {
            item.pathHash = pathHashOf(item.entry.samplePath);
            PredictionBulkWriter::encode(item.entry.samplePath, item.entry.prediction, item.encoded,
                                         &item.entry.committeeText);
        }
        ++chunk.count;
    }
    const auto &classes = m_source.classes();
    if (classes.size() != m_classCount) {
        m_classCount = classes.size();
        chunk.classes = classes;
    }
    chunk.bytesRead = m_source.bytesRead();
    m_sourceDone = chunk.end;
    if (m_probeAhead)
        startProbes(chunk);
}

void ImportPipeline::run()
{
    for (;;) {
        std::unique_ptr<Chunk> chunk;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_stop && m_full.size() >= queuedChunks)
                m_changed.wait(&m_mutex);
            if (m_stop)
                return;
            chunk = takeFree();
        }
        fill(*chunk);
        const bool done = chunk->end;
        {
            QMutexLocker lock(&m_mutex);
            m_full.push_back(std::move(chunk));
            m_changed.wakeAll();
        }
        if (done)
            return;
    }
}

ImportPipeline::Chunk *ImportPipeline::next()
{
    if (!m_threaded) {
        m_current = takeFree();
        if (m_sourceDone) {
            m_current->count = 0;
            m_current->end = true;
        } else {
            fill(*m_current);
        }
        m_current->probing.waitForFinished();
        return m_current.get();
    }
    {
        QMutexLocker lock(&m_mutex);
        while (m_full.empty())
            m_changed.wait(&m_mutex);
        m_current = std::move(m_full.front());
        m_full.pop_front();
        m_changed.wakeAll();
    }
    m_current->probing.waitForFinished();
    return m_current.get();
}

void ImportPipeline::recycle(Chunk *chunk)
{
    Q_ASSERT(chunk == m_current.get());
    Q_UNUSED(chunk)
    QMutexLocker lock(&m_mutex);
    m_free.push_back(std::move(m_current));
}

void ImportPipeline::probeAll(const DataRootFile &root, std::vector<Probe> &probes)
{
    auto inspect = [&root](Probe &probe) {
        probe.accepted = SampleFileProbe::inspect(root, *probe.path, probe.sample, &probe.refusal);
    };
    // A handful of files is not worth waking the pool.
    if (probes.size() < 8) {
        for (auto &probe : probes)
            inspect(probe);
        return;
    }
    QtConcurrent::blockingMap(probes, inspect);
}

} // namespace Boucle
