#include "thumbnailloader.h"

#include "documents/pdfdocument.h"
#include "imaging/sampleimageloader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>

#include <algorithm>

namespace Boucle {

namespace {

constexpr int maximumQueued = 96; // more than a screenful; older requests are dropped

// A PDF's first page, rendered by poppler at the resolution that fits the box (twice that, then
// scaled down smoothly, so small print stays legible as grey rather than broken strokes).
QImage pdfThumbnail(const QString &path, QSize box)
{
    PdfDocument document;
    if (document.open(path))
        return {};
    const QSizeF points = document.pageSize(0);
    if (points.isEmpty())
        return {};
    const double dpi
            = 2 * 72.0 * std::min(box.width() / points.width(), box.height() / points.height());
    const RenderedPage page = document.render(0, std::max(dpi, 1.0));
    if (page.error || page.image.isNull())
        return {};
    QImage flat(page.image.size(), QImage::Format_RGB32);
    flat.fill(Qt::white); // paper, under a page drawn without a background
    {
        QPainter painter(&flat);
        painter.drawImage(0, 0, page.image);
    }
    return flat.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

// Through the sample loader: a regular file only (a sample that became a pipe is never opened,
// so no worker blocks and the window can always close), its size checked from the header first.
// (PdfDocument too opens regular files only.)
QImage decodeThumbnail(const QString &path, QSize box, std::shared_ptr<std::atomic<bool>> closing)
{
    QString error;
    QImage image;
    if (QFileInfo(path).suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0)
        image = pdfThumbnail(path, box);
    else
        image = SampleImageLoader::decodeThumbnail(path, box, &error, closing.get());
    if (image.isNull()) {
        // An empty image marks "tried and failed", so the row shows no spinner forever.
        QImage failed(1, 1, QImage::Format_ARGB32_Premultiplied);
        failed.fill(Qt::transparent);
        return failed;
    }
    return image;
}

} // namespace

ThumbnailLoader::ThumbnailLoader(QSize size, QObject *parent)
    : QObject(parent)
    , m_size(size)
    , m_cache(2000)
{
    m_pool.setMaxThreadCount(2);
}

ThumbnailLoader::~ThumbnailLoader()
{
    // Decodes waiting for their turn give up; a running one finishes (it is bounded).
    m_closing->store(true);
    m_queue.clear();
    m_pool.waitForDone();
}

QImage ThumbnailLoader::thumbnail(SampleId id, const QString &absolutePath)
{
    if (const QImage *cached = m_cache.object(id))
        return *cached;
    if (!m_queuedOrRunning.contains(id)) {
        m_queuedOrRunning.insert(id, true);
        m_queue.append({id, absolutePath});
        while (m_queue.size() > maximumQueued)
            m_queuedOrRunning.remove(m_queue.takeFirst().first);
        startNext();
    }
    return {};
}

void ThumbnailLoader::startNext()
{
    while (m_running < m_pool.maxThreadCount() && !m_queue.isEmpty()) {
        const auto [id, path] = m_queue.takeLast();
        ++m_running;
        const QSize box = m_size;
        const quint64 generation = m_generation;
        // The result comes back as a queued call, not through QFuture::then(context): Qt 6.4 can
        // run such a continuation twice when the decode finishes while then() is being attached,
        // and the second run starts a promise that was already moved away (a crash).
        // The destructor waits for the pool, so `this` is alive while a job runs, and a queued
        // call to a destroyed loader is discarded.
        m_pool.start([this, id, generation, path, box, closing = m_closing] {
            QImage image = decodeThumbnail(path, box, closing);
            QMetaObject::invokeMethod(
                    this,
                    [this, id, generation, image = std::move(image)] {
                        finishDecode(id, generation, image);
                    },
                    Qt::QueuedConnection);
        });
    }
}

void ThumbnailLoader::finishDecode(SampleId id, quint64 generation, const QImage &image)
{
    --m_running;
    if (generation == m_generation) {
        m_queuedOrRunning.remove(id);
        m_cache.insert(id, new QImage(image));
        emit thumbnailReady(id);
    }
    startNext();
}

void ThumbnailLoader::clear()
{
    ++m_generation;
    m_queue.clear();
    m_queuedOrRunning.clear();
    m_cache.clear();
}

void ThumbnailLoader::waitForDone()
{
    while (m_running > 0 || !m_queue.isEmpty()) {
        m_pool.waitForDone();
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

} // namespace Boucle
