#include "imaging/sampleprefetcher.h"

#include "imaging/imagepyramid.h"

#include <QCoreApplication>
#include <QRunnable>

namespace Boucle {

PreparedSample prepareSample(const SampleRequest &request, ColourMap map, bool fadeLowValues,
                             const std::atomic<bool> *cancelled)
{
    PreparedSample prepared;
    prepared.request = request;
    if (!request.imagePath.isEmpty()) {
        SampleImageLoader::Options options;
        options.cancelled = cancelled;
        options.frame = std::max(0, request.frame);
        prepared.image = SampleImageLoader::load(request.imagePath, options);
    }
    // No heatmap over an image that cannot be shown: the placeholder says why, and a hostile
    // sample costs one refusal, not two.
    const bool imageFailed = !request.imagePath.isEmpty() && !prepared.image.isValid();
    if (request.heatmapPath.isEmpty() || imageFailed || (cancelled && cancelled->load()))
        return prepared;
    const HeatmapField field = HeatmapField::read(request.heatmapPath, HeatmapScaling::Auto,
                                                  prepared.image.frameIndex);
    // Heatmaps are in the coordinates of the image as displayed: a quarter turn (EXIF 5-8)
    // swaps the sides of the stored levels.
    const bool turned = prepared.image.size != prepared.image.storedSize;
    QList<QSize> sizes;
    for (const QImage &level : std::as_const(prepared.image.levels))
        sizes.append(turned ? level.size().transposed() : level.size());
    if (sizes.isEmpty() && field.isValid())
        sizes = imagePyramidSizes(field.size); // no image to lay it on: show it at its own size
    prepared.heatmap = colourHeatmap(field, map, sizes, fadeLowValues);
    return prepared;
}

SamplePrefetcher::SamplePrefetcher(QObject *parent)
    : QObject(parent)
{
    // One core stays free for the GUI thread on small machines.
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
}

SamplePrefetcher::~SamplePrefetcher()
{
    for (const Pending &pending : std::as_const(m_pending))
        pending.cancelled->store(true);
    m_pool.clear();
    m_pool.waitForDone();
}

void SamplePrefetcher::setCacheLimit(qint64 bytes)
{
    m_cacheLimit = bytes;
    enforceLimit();
}

void SamplePrefetcher::setThreadCount(int threads)
{
    m_pool.setMaxThreadCount(std::max(1, threads));
}

void SamplePrefetcher::setColourMap(ColourMap map)
{
    if (map == m_colourMap)
        return;
    m_colourMap = map;
    for (int i = 0; i < m_window.size(); ++i) {
        const auto found = m_cache.constFind(m_window[i].sampleId);
        if (found != m_cache.constEnd() && !found->sample->heatmap.field.path.isEmpty()
            && found->sample->heatmap.colourMap != map)
            startRecolouring(found->sample, 100 - i);
    }
}

void SamplePrefetcher::setFadeLowValues(bool fade)
{
    m_fadeLowValues = fade;
}

int SamplePrefetcher::windowIndex(SampleId id) const
{
    for (int i = 0; i < m_window.size(); ++i) {
        if (m_window[i].sampleId == id)
            return i;
    }
    return -1;
}

void SamplePrefetcher::setWindow(const SampleRequest &current, const QList<SampleRequest> &next,
                                 const QList<SampleRequest> &previous)
{
    // Order of need: the current sample, then the next one, the previous one (a slip undone),
    // then further ahead.
    QList<SampleRequest> ordered {current};
    for (qsizetype i = 0; i < std::max(next.size(), previous.size()); ++i) {
        if (i < next.size())
            ordered.append(next[i]);
        if (i < previous.size() && i < 1)
            ordered.append(previous[i]);
    }
    for (qsizetype i = 1; i < previous.size(); ++i)
        ordered.append(previous[i]);
    m_window = ordered;

    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (windowIndex(it.key()) < 0) {
            it->cancelled->store(true);
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    for (int i = 0; i < m_window.size(); ++i) {
        const SampleRequest &request = m_window[i];
        const auto cached = m_cache.find(request.sampleId);
        if (cached != m_cache.end() && cached->sample->request == request) {
            cached->lastUsed = ++m_clock;
            continue;
        }
        const auto pending = m_pending.constFind(request.sampleId);
        if (pending != m_pending.constEnd() && pending->request == request)
            continue;
        start(request, 100 - i);
    }
}

void SamplePrefetcher::start(const SampleRequest &request, int priority)
{
    if (const auto previous = m_pending.constFind(request.sampleId);
        previous != m_pending.constEnd())
        previous->cancelled->store(true);
    auto token = std::make_shared<std::atomic<bool>>(false);
    m_pending.insert(request.sampleId, Pending {request, token});
    const ColourMap map = m_colourMap;
    const bool fade = m_fadeLowValues;
    m_pool.start(QRunnable::create([this, request, token, map, fade] {
                     if (token->load())
                         return;
                     auto prepared = std::make_shared<const PreparedSample>(
                             prepareSample(request, map, fade, token.get()));
                     if (token->load())
                         return;
                     QMetaObject::invokeMethod(
                             this,
                             [this, id = request.sampleId, token, prepared] {
                                 deliver(id, token, prepared);
                             },
                             Qt::QueuedConnection);
                 }),
                 priority);
}

void SamplePrefetcher::startRecolouring(std::shared_ptr<const PreparedSample> sample, int priority)
{
    const SampleId id = sample->request.sampleId;
    auto token = std::make_shared<std::atomic<bool>>(false);
    m_pending.insert(id, Pending {sample->request, token});
    const ColourMap map = m_colourMap;
    const bool fade = m_fadeLowValues;
    m_pool.start(QRunnable::create([this, sample, token, map, fade, id] {
                     if (token->load())
                         return;
                     auto recoloured = std::make_shared<PreparedSample>(*sample);
                     QList<QSize> sizes;
                     for (const QImage &level : std::as_const(sample->image.levels))
                         sizes.append(level.size());
                     if (sizes.isEmpty())
                         sizes = imagePyramidSizes(sample->heatmap.field.size);
                     recoloured->heatmap = colourHeatmap(sample->heatmap.field, map, sizes, fade);
                     std::shared_ptr<const PreparedSample> result = recoloured;
                     QMetaObject::invokeMethod(
                             this, [this, id, token, result] { deliver(id, token, result); },
                             Qt::QueuedConnection);
                 }),
                 priority);
}

void SamplePrefetcher::deliver(SampleId id, std::shared_ptr<std::atomic<bool>> token,
                               std::shared_ptr<const PreparedSample> sample)
{
    const auto pending = m_pending.constFind(id);
    if (token->load() || pending == m_pending.constEnd() || pending->cancelled != token)
        return; // superseded by a newer request for the same sample
    m_pending.erase(pending);
    if (const auto old = m_cache.constFind(id); old != m_cache.constEnd()) {
        m_cachedBytes -= old->bytes;
        m_cache.erase(old);
    }
    Entry entry {sample, sample->byteCount(), ++m_clock};
    m_cachedBytes += entry.bytes;
    m_cache.insert(id, entry);
    enforceLimit();
    if (m_cache.contains(id))
        emit sampleReady(id);
}

void SamplePrefetcher::enforceLimit()
{
    while (m_cachedBytes > m_cacheLimit && !m_cache.isEmpty()) {
        // First the least recently used sample outside the window, then the farthest inside it;
        // never the current one.
        SampleId victim = 0;
        bool found = false;
        bool victimOutside = false;
        quint64 oldest = std::numeric_limits<quint64>::max();
        int farthest = 0;
        for (auto it = m_cache.cbegin(); it != m_cache.cend(); ++it) {
            const int index = windowIndex(it.key());
            if (index < 0) {
                if (!victimOutside || it->lastUsed < oldest) {
                    victim = it.key();
                    oldest = it->lastUsed;
                    victimOutside = true;
                    found = true;
                }
            } else if (index > 0 && !victimOutside && index > farthest) {
                victim = it.key();
                farthest = index;
                found = true;
            }
        }
        if (!found)
            return;
        m_cachedBytes -= m_cache.value(victim).bytes;
        m_cache.remove(victim);
    }
}

std::shared_ptr<const PreparedSample> SamplePrefetcher::sample(SampleId id) const
{
    const auto found = m_cache.constFind(id);
    if (found == m_cache.constEnd())
        return {};
    return found->sample;
}

void SamplePrefetcher::waitForDone()
{
    m_pool.waitForDone();
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

} // namespace Boucle
