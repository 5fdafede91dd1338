// ThumbnailLoader: small images of samples for the queue, decoded on worker threads (through
// SampleImageLoader::decodeThumbnail: a JPEG is decoded at a reduced scale, a pipe or an image
// beyond ImageLimits is refused without blocking or allocating; a PDF shows its first page,
// rendered small by poppler) and kept in a bounded cache.
// The newest requests go first: rows scrolled past are not decoded before the rows on screen.
// Create and call from the GUI thread; thumbnailReady is emitted there.
#pragma once

#include "records/projectrecords.h"

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace Boucle {

class ThumbnailLoader : public QObject
{
    Q_OBJECT

public:
    explicit ThumbnailLoader(QSize size, QObject *parent = nullptr);
    ~ThumbnailLoader() override;

    QSize size() const { return m_size; }
    // The thumbnail if ready; otherwise a null image, and the decode is queued.
    QImage thumbnail(SampleId id, const QString &absolutePath);
    void clear();
    void waitForDone();

signals:
    void thumbnailReady(Boucle::SampleId id);

private:
    void startNext();
    void finishDecode(SampleId id, quint64 generation, const QImage &image);

    QSize m_size;
    QThreadPool m_pool;
    QCache<SampleId, QImage> m_cache;
    QList<QPair<SampleId, QString>> m_queue; // newest last
    QHash<SampleId, bool> m_queuedOrRunning;
    int m_running = 0;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_closing = std::make_shared<std::atomic<bool>>(false);
};

} // namespace Boucle
