// PdfPagePrefetcher: renders the pages a reviewer is about to see before they ask for them.
// When page N is shown, pages N+1..N+ahead are rendered on a worker thread; pages that fall out
// of the window [N-behind, N+ahead] are dropped, and the window shrinks so that the cached
// images never exceed the memory budget. A page that failed to render keeps its error.
//
// Threads: the prefetcher lives on one thread (usually the GUI thread) and is used only there;
// rendering runs on its own single-thread pool, and pageReady() arrives on the owner's thread.
#pragma once

#include "pdfdocument.h"

#include <QFuture>
#include <QMap>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>

namespace Boucle {

class PdfPagePrefetcher : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        double dpi = 150.0;
        int ahead = 3;
        int behind = 1;
        qint64 memoryBudget = 192LL * 1024 * 1024; // bytes of cached page images
    };

    PdfPagePrefetcher(std::shared_ptr<const PdfDocument> document, Options options,
                      QObject *parent = nullptr);
    ~PdfPagePrefetcher() override;

    const Options &options() const { return m_options; }
    // Changing the resolution (zoom) drops every cached page.
    void setDpi(double dpi);

    // Makes `page` the current page: starts its render if needed and prefetches the next ones.
    void show(int page);
    // The page when its render has finished, else nothing (pageReady() follows).
    std::optional<RenderedPage> cached(int page) const;
    // Shows `page` and blocks until it is rendered; for command-line tools and benchmarks.
    RenderedPage waitForPage(int page);

    int currentPage() const { return m_current; }
    // How many pages ahead the budget allows at the current resolution.
    int effectiveAhead() const;
    int cachedPageCount() const;
    qint64 cachedBytes() const;

signals:
    void pageReady(int page);

private:
    void startRender(int page);
    void dropOutsideWindow();

    std::shared_ptr<const PdfDocument> m_document;
    Options m_options;
    QThreadPool m_pool;
    QMap<int, QFuture<RenderedPage>> m_pages;
    int m_current = -1;
    // Read by the worker to skip pages that left the window before their turn came.
    std::shared_ptr<std::atomic<int>> m_windowFirst;
    std::shared_ptr<std::atomic<int>> m_windowLast;
};

} // namespace Boucle
