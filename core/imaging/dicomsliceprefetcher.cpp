#include "imaging/dicomsliceprefetcher.h"

#include <algorithm>

namespace Boucle {

DicomSlicePrefetcher::DicomSlicePrefetcher(QObject *parent)
    : QObject(parent)
{
    // Two workers: a slice decodes in a few milliseconds, and the machine has other work.
    m_pool.setMaxThreadCount(2);
}

DicomSlicePrefetcher::~DicomSlicePrefetcher()
{
    {
        std::lock_guard lock(m_mutex);
        m_wanted.clear();
    }
    m_pool.waitForDone();
}

void DicomSlicePrefetcher::setSeries(const DicomSeries &series,
                                     const SampleImageLoader::Options &options)
{
    std::lock_guard lock(m_mutex);
    ++m_generation;
    m_series = series;
    m_options = options;
    m_options.cancelled = nullptr;
    m_ready.clear();
    m_wanted.clear();
    m_current = -1;
    m_direction = 1;
}

void DicomSlicePrefetcher::setReach(int ahead, int behind)
{
    m_ahead = std::max(0, ahead);
    m_behind = std::max(0, behind);
}

void DicomSlicePrefetcher::setThreadCount(int threads)
{
    m_pool.setMaxThreadCount(std::max(1, threads));
}

void DicomSlicePrefetcher::setCurrent(int index)
{
    const int count = m_series.sliceCount();
    if (index < 0 || index >= count)
        return;
    if (m_current >= 0 && index != m_current)
        m_direction = index > m_current ? 1 : -1;
    m_current = index;
    QList<int> wanted = {index};
    for (int step = 1; step <= std::max(m_ahead, m_behind); ++step) {
        const int ahead = index + m_direction * step;
        const int behind = index - m_direction * step;
        if (step <= m_ahead && ahead >= 0 && ahead < count)
            wanted.append(ahead);
        if (step <= m_behind && behind >= 0 && behind < count)
            wanted.append(behind);
    }
    std::lock_guard lock(m_mutex);
    m_wanted = wanted;
    // Released: slices well outside the reach (twice it, so that turning back costs nothing).
    const int reach = 2 * std::max(m_ahead, m_behind) + 1;
    for (auto it = m_ready.begin(); it != m_ready.end();) {
        if (std::abs(it.key() - index) > reach)
            it = m_ready.erase(it);
        else
            ++it;
    }
    startWorkers();
}

void DicomSlicePrefetcher::startWorkers()
{
    int missing = 0;
    for (const int slice : std::as_const(m_wanted)) {
        if (!m_ready.contains(slice) && !m_running.contains(slice))
            ++missing;
    }
    const int workers = std::min(missing, m_pool.maxThreadCount()) - m_queuedWorkers;
    for (int i = 0; i < workers; ++i) {
        ++m_queuedWorkers;
        m_pool.start([this] { decodeNext(); });
    }
}

void DicomSlicePrefetcher::decodeNext()
{
    for (;;) {
        int index = -1;
        quint64 generation = 0;
        DicomSeries series;
        SampleImageLoader::Options options;
        {
            std::lock_guard lock(m_mutex);
            for (const int slice : std::as_const(m_wanted)) {
                if (!m_ready.contains(slice) && !m_running.contains(slice)) {
                    index = slice;
                    break;
                }
            }
            if (index < 0) {
                --m_queuedWorkers;
                return;
            }
            m_running.insert(index);
            generation = m_generation;
            series = m_series;
            options = m_options;
        }
        auto decoded = std::make_shared<const DecodedImage>(
                SampleImageLoader::loadSlice(series, index, options));
        {
            std::lock_guard lock(m_mutex);
            m_running.remove(index);
            if (generation == m_generation)
                m_ready.insert(index, std::move(decoded));
            m_decoded.notify_all();
        }
        QMetaObject::invokeMethod(
                this,
                [this, index, generation] {
                    if (generation == m_generation)
                        emit sliceReady(index);
                },
                Qt::QueuedConnection);
    }
}

std::shared_ptr<const DecodedImage> DicomSlicePrefetcher::slice(int index) const
{
    std::lock_guard lock(m_mutex);
    return m_ready.value(index);
}

std::shared_ptr<const DecodedImage> DicomSlicePrefetcher::waitForSlice(int index)
{
    if (index < 0 || index >= m_series.sliceCount())
        return {};
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (auto ready = m_ready.value(index))
            return ready;
        if (!m_running.contains(index) && !m_wanted.contains(index)) {
            // Outside the reach: decoded here and now.
            lock.unlock();
            return std::make_shared<const DecodedImage>(
                    SampleImageLoader::loadSlice(m_series, index, m_options));
        }
        m_decoded.wait(lock);
    }
}

void DicomSlicePrefetcher::waitForDone()
{
    m_pool.waitForDone();
}

} // namespace Boucle
