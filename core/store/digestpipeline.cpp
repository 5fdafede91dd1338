#include "digestpipeline.h"

namespace Boucle {

DigestPipeline::DigestPipeline(Consumer consumer)
    : m_consumer(std::move(consumer))
    , m_thread([this] { run(); })
{ }

DigestPipeline::~DigestPipeline()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void DigestPipeline::add(qint64 id, QByteArrayView encoded)
{
    m_filling.rows.push_back({id, size_t(encoded.size())});
    m_filling.bytes.append(encoded.data(), size_t(encoded.size()));
    if (m_filling.bytes.size() >= batchBytes)
        handOver();
}

void DigestPipeline::finish()
{
    handOver();
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_waiting.empty() && !m_busy; });
}

void DigestPipeline::handOver()
{
    if (m_filling.rows.empty())
        return;
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_waiting.size() < 2; });
    m_waiting.push_back(std::move(m_filling));
    m_filling = Batch();
    if (!m_spare.empty()) {
        m_filling = std::move(m_spare.back());
        m_spare.pop_back();
    }
    lock.unlock();
    m_changed.notify_all();
}

void DigestPipeline::run()
{
    for (;;) {
        Batch batch;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_waiting.empty() || m_closed; });
            if (m_waiting.empty())
                return;
            batch = std::move(m_waiting.front());
            m_waiting.pop_front();
            m_busy = true;
        }
        m_changed.notify_all();
        size_t at = 0;
        for (const auto &[id, length] : batch.rows) {
            m_consumer(id, QByteArrayView(batch.bytes.data() + at, qsizetype(length)));
            at += length;
        }
        batch.bytes.clear();
        batch.rows.clear();
        {
            std::lock_guard lock(m_mutex);
            m_busy = false;
            m_spare.push_back(std::move(batch));
        }
        m_changed.notify_all();
    }
}

} // namespace Boucle
