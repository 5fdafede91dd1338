#include "importpipeline.h"

#include "datarootfile.h"
#include "samplefileprobe.h"

#include <QMutexLocker>
#include <QtConcurrent/QtConcurrentMap>

namespace Boucle {

ImportPipeline::ImportPipeline(PredictionSource &source, bool threaded)
    : m_source(source)
    , m_classCount(source.classes().size())
    , m_threaded(threaded)
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
        if (item.result == PredictionSource::Result::Invalid)
            item.problem = m_source.problem();
        ++chunk.count;
    }
    const auto &classes = m_source.classes();
    if (classes.size() != m_classCount) {
        m_classCount = classes.size();
        chunk.classes = classes;
    }
    chunk.bytesRead = m_source.bytesRead();
    m_sourceDone = chunk.end;
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
        return m_current.get();
    }
    QMutexLocker lock(&m_mutex);
    while (m_full.empty())
        m_changed.wait(&m_mutex);
    m_current = std::move(m_full.front());
    m_full.pop_front();
    m_changed.wakeAll();
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
