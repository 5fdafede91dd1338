// PdfDocument: one PDF opened with poppler, its pages' sizes and their rendering to QImage.
// Opening checks what would make the document useless to a reviewer (missing, encrypted,
// damaged, without pages, a page too large to render) and says so with the path and reason.
//
// Threads: open() on any one thread; after that, pageCount(), pageSize() and render() may be
// called from any thread. Rendering is serialised inside (poppler's document is not safe for
// concurrent use), so renders from several threads queue rather than race.
#pragma once

#include "documenterror.h"

#include <QCoreApplication>
#include <QImage>
#include <QSizeF>
#include <QString>

#include <memory>

namespace Boucle {

struct RenderedPage
{
    int page = -1;
    double dpi = 0;
    QImage image;
    DocumentError error;
};

class PdfDocument
{
    Q_DECLARE_TR_FUNCTIONS(Boucle::PdfDocument)

public:
    // PDF 1.7 (Annex C) bounds a page side to 14 400 units, 200 inches; a larger page is refused
    // rather than rendered into an image of gigabytes.
    static constexpr double maxPageSidePoints = 14400.0;
    // Largest image render() makes (about 256 MiB as ARGB32).
    static constexpr qint64 maxRenderPixels = 64LL * 1024 * 1024;

    PdfDocument();
    ~PdfDocument();
    PdfDocument(const PdfDocument &) = delete;
    PdfDocument &operator=(const PdfDocument &) = delete;

    DocumentError open(const QString &path);
    bool isOpen() const;
    QString path() const { return m_path; }

    int pageCount() const;
    // In PDF points (1/72 inch), rotation applied; an empty size for a page outside the document.
    QSizeF pageSize(int page) const;
    // The size of render(page, dpi)'s image.
    QSize pixelSize(int page, double dpi) const;

    RenderedPage render(int page, double dpi) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
    QString m_path;
};

} // namespace Boucle
