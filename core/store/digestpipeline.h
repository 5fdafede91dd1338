// DigestPipeline: hands encoded rows, in batches of about 1 MiB (at most two waiting, their
// memory reused), to a thread of its own that passes them, in the order they were added, to a
// consumer (which digests them), while the adding thread goes on reading or writing the next
// rows. Used for the seals of large ranges (AuditedRows) and for rows digested as they are
// written (WrittenRows).
#pragma once

#include <QByteArrayView>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace Boucle {

class DigestPipeline
{
public:
    // Called on the pipeline's thread, once per row, in order.
    using Consumer = std::function<void(qint64 id, QByteArrayView encoded)>;
    explicit DigestPipeline(Consumer consumer);
    ~DigestPipeline();
    DigestPipeline(const DigestPipeline &) = delete;
    DigestPipeline &operator=(const DigestPipeline &) = delete;

    void add(qint64 id, QByteArrayView encoded);
    // Every row added has been consumed once this returns.
    void finish();

private:
    static constexpr size_t batchBytes = size_t(1) << 20;
    struct Batch
    {
        std::string bytes;
        std::vector<std::pair<qint64, size_t>> rows; // id, length of its encoding in `bytes`
    };
    void handOver();
    void run();

    Consumer m_consumer;
    Batch m_filling;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_waiting;
    // Consumed batches, emptied with their memory kept: no batch maps fresh pages.
    std::vector<Batch> m_spare;
    bool m_busy = false;
    bool m_closed = false;
    std::thread m_thread; // last: it starts once the members above exist
};

} // namespace Boucle
