#include "pdfpageprefetcher.h"

#include <QtConcurrent/QtConcurrentRun>

namespace Boucle {

PdfPagePrefetcher::PdfPagePrefetcher(std::shared_ptr<const PdfDocument> document, Options options,
                                     QObject *parent)
    : QObject(parent)
    , m_document(std::move(document))
    , m_options(options)
    , m_windowFirst(std::make_shared<std::atomic<int>>(0))
    , m_windowLast(std::make_shared<std::atomic<int>>(-1))
{
    // The document serialises rendering anyway; one worker keeps the second core for the UI.
    m_pool.setMaxThreadCount(1);
}

PdfPagePrefetcher::~PdfPagePrefetcher()
{
    m_windowFirst->store(1);
    m_windowLast->store(0); // an empty window: queued renders return at once
    m_pool.waitForDone();
}

void PdfPagePrefetcher::setDpi(double dpi)
{
    if (qFuzzyCompare(dpi, m_options.dpi))
        return;
    m_options.dpi = dpi;
    m_windowFirst->store(1);
    m_windowLast->store(0);
    m_pages.clear();
    if (m_current >= 0)
        show(m_current);
}

int PdfPagePrefetcher::effectiveAhead() const
{
    const int page = qMax(0, m_current);
    const QSize pixels = m_document->pixelSize(page, m_options.dpi);
    const qint64 pageBytes = qMax<qint64>(1, qint64(pixels.width()) * pixels.height() * 4);
    const qint64 affordable = m_options.memoryBudget / pageBytes; // pages the budget holds
    const int ahead = int(qMin<qint64>(m_options.ahead, affordable - 1 - m_options.behind));
    return qMax(0, ahead);
}

void PdfPagePrefetcher::show(int page)
{
    const int pages = m_document->pageCount();
    if (page < 0 || page >= pages)
        return;
    m_current = page;
    const int ahead = effectiveAhead();
    const int behind = qMax(0, m_options.behind);
    const int first = qMax(0, page - behind);
    const int last = qMin(pages - 1, page + ahead);
    m_windowFirst->store(first);
    m_windowLast->store(last);
    dropOutsideWindow();
    // The page asked for first, then the ones after it in reading order.
    startRender(page);
    for (int next = page + 1; next <= last; ++next)
        startRender(next);
}

void PdfPagePrefetcher::dropOutsideWindow()
{
    const int first = m_windowFirst->load();
    const int last = m_windowLast->load();
    for (auto it = m_pages.begin(); it != m_pages.end();) {
        if (it.key() < first || it.key() > last)
            it = m_pages.erase(it);
        else
            ++it;
    }
}

void PdfPagePrefetcher::startRender(int page)
{
    const auto existing = m_pages.constFind(page);
    if (existing != m_pages.constEnd()) {
        // A render skipped while the page was outside the window is tried again.
        if (!existing->isFinished() || !existing->result().image.isNull()
            || existing->result().error.isError())
            return;
    }
    auto document = m_document;
    auto windowFirst = m_windowFirst;
    auto windowLast = m_windowLast;
    const double dpi = m_options.dpi;
    m_pages.insert(page, QtConcurrent::run(&m_pool, [=, this]() {
                       if (page < windowFirst->load() || page > windowLast->load())
                           return RenderedPage {page, dpi, {}, {}};
                       RenderedPage rendered = document->render(page, dpi);
                       // Only the page number crosses back: the image stays in the future.
                       // The destructor waits for this job, so `this` is alive here, and a
                       // queued call to a destroyed object is discarded.
                       QMetaObject::invokeMethod(
                               this, [this, page] { emit pageReady(page); }, Qt::QueuedConnection);
                       return rendered;
                   }));
}

std::optional<RenderedPage> PdfPagePrefetcher::cached(int page) const
{
    const auto it = m_pages.constFind(page);
    if (it == m_pages.constEnd() || !it->isFinished())
        return std::nullopt;
    RenderedPage rendered = it->result();
    if (rendered.image.isNull() && !rendered.error.isError())
        return std::nullopt; // skipped while outside the window
    return rendered;
}

RenderedPage PdfPagePrefetcher::waitForPage(int page)
{
    show(page);
    const auto it = m_pages.constFind(page);
    if (it == m_pages.constEnd())
        return m_document->render(page, m_options.dpi); // outside the document: its error
    QFuture<RenderedPage> future = *it;
    future.waitForFinished();
    return future.result();
}

int PdfPagePrefetcher::cachedPageCount() const
{
    int count = 0;
    for (const auto &future : m_pages)
        count += future.isFinished() && !future.result().image.isNull() ? 1 : 0;
    return count;
}

qint64 PdfPagePrefetcher::cachedBytes() const
{
    qint64 bytes = 0;
    for (const auto &future : m_pages) {
        if (future.isFinished())
            bytes += future.result().image.sizeInBytes();
    }
    return bytes;
}

} // namespace Boucle
