// SamplePrefetcher: keeps the sample on screen and its neighbours in the queue decoded, with their
// heatmaps coloured, so that the next key press only has to paint. Work runs on a private thread
// pool, nearest samples first; requests that left the window are cancelled; results live in a
// cache bounded by bytes. Results are QImages (thread-safe to share); the view makes pixmaps on
// the GUI thread. Create and call from the GUI thread; sampleReady is emitted there.
#pragma once

#include "imaging/colourmap.h"
#include "imaging/heatmap.h"
#include "imaging/sampleimageloader.h"
#include "records/ids.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace Boucle {

// What to prepare for one sample. Paths are absolute (resolved against the data root by the
// caller); an empty imagePath means the sample has no image (e.g. a feature vector).
struct SampleRequest
{
    SampleId sampleId = 0;
    QString imagePath;
    QString heatmapPath;
    // The frame of a multi-frame (DICOM) sample the prediction is about, from 0; -1 when the log
    // named none. The image opens on it, and a heatmap of several frames is read at it.
    int frame = -1;

    bool operator==(const SampleRequest &other) const = default;
};

struct PreparedSample
{
    SampleRequest request;
    DecodedImage image;
    ColouredHeatmap
            heatmap; // null when the request had no heatmap; field.error says why if it failed

    qint64 byteCount() const { return image.byteCount() + heatmap.byteCount(); }
};

// Decodes and colours one request; what the prefetcher runs on its workers, public for callers
// that need a single sample synchronously (tests, benchmarks, a one-off preview).
PreparedSample prepareSample(const SampleRequest &request, ColourMap map, bool fadeLowValues,
                             const std::atomic<bool> *cancelled = nullptr);

class SamplePrefetcher : public QObject
{
    Q_OBJECT

public:
    explicit SamplePrefetcher(QObject *parent = nullptr);
    ~SamplePrefetcher() override;

    // Upper bound of the cache; the sample on screen is kept even when it alone is larger.
    void setCacheLimit(qint64 bytes);
    qint64 cacheLimit() const { return m_cacheLimit; }
    qint64 cachedBytes() const { return m_cachedBytes; }
    int cachedCount() const { return int(m_cache.size()); }

    void setThreadCount(int threads);

    // Heatmaps are coloured with this map; cached samples of the window are re-coloured.
    void setColourMap(ColourMap map);
    ColourMap colourMap() const { return m_colourMap; }
    void setFadeLowValues(bool fade);

    // The sample on screen and its neighbours (nearest first). Pending work for samples outside
    // this window is cancelled; prepared samples outside it stay cached until room is needed.
    void setWindow(const SampleRequest &current, const QList<SampleRequest> &next = {},
                   const QList<SampleRequest> &previous = {});

    // The prepared sample, or null while it is pending (then sampleReady follows).
    std::shared_ptr<const PreparedSample> sample(SampleId id) const;
    bool isPending(SampleId id) const { return m_pending.contains(id); }

    // Blocks until all started work is done and delivered (tests and benchmarks only).
    void waitForDone();

signals:
    void sampleReady(Boucle::SampleId id);

private:
    struct Entry
    {
        std::shared_ptr<const PreparedSample> sample;
        qint64 bytes = 0;
        quint64 lastUsed = 0;
    };
    struct Pending
    {
        SampleRequest request;
        std::shared_ptr<std::atomic<bool>> cancelled;
    };

    void start(const SampleRequest &request, int priority);
    void startRecolouring(std::shared_ptr<const PreparedSample> sample, int priority);
    void deliver(SampleId id, std::shared_ptr<std::atomic<bool>> token,
                 std::shared_ptr<const PreparedSample> sample);
    void enforceLimit();
    int windowIndex(SampleId id) const;

    QThreadPool m_pool;
    QHash<SampleId, Entry> m_cache;
    QHash<SampleId, Pending> m_pending;
    QList<SampleRequest> m_window; // current first
    qint64 m_cacheLimit = 512ll * 1024 * 1024;
    qint64 m_cachedBytes = 0;
    quint64 m_clock = 0;
    ColourMap m_colourMap = ColourMap::Viridis;
    bool m_fadeLowValues = false;
};

} // namespace Boucle
