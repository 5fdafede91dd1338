#include "pdfdocument.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QVector>

#include <poppler-qt6.h>

#include <cmath>
#include <mutex>

namespace Boucle {

namespace {

Q_LOGGING_CATEGORY(lcPdf, "boucle.pdf", QtWarningMsg)

// Poppler writes its complaints about damaged files to stderr; they go to a logging category
// instead, and the user gets one sentence from open() or render().
void routePopplerMessages(const QString &message, const QVariant &)
{
    qCDebug(lcPdf).noquote() << message;
}

void installPopplerMessageRoute()
{
    static std::once_flag once;
    std::call_once(once, [] { Poppler::setDebugErrorFunction(routePopplerMessages, QVariant()); });
}

// A PDF ends with "%%EOF" within its last kilobyte; a file cut short by a failed copy does not,
// and poppler would quietly rebuild what it can of it.
bool hasEndOfFileMarker(QFile &file)
{
    const qint64 tail = qMin<qint64>(file.size(), 1024);
    if (!file.seek(file.size() - tail))
        return false;
    return file.read(tail).contains("%%EOF");
}

} // namespace

struct PdfDocument::Private
{
    std::unique_ptr<Poppler::Document> document;
    QVector<QSizeF> pageSizes;
    mutable QMutex mutex;
};

PdfDocument::PdfDocument()
    : d(std::make_unique<Private>())
{ }

PdfDocument::~PdfDocument() = default;

DocumentError PdfDocument::open(const QString &path)
{
    using Code = DocumentError::Code;
    installPopplerMessageRoute();
    QMutexLocker locker(&d->mutex);
    d->document.reset();
    d->pageSizes.clear();
    m_path = path;

    QFile file(path);
    if (!QFileInfo(path).isFile())
        return DocumentError::make(Code::NotFound, path, tr("the file does not exist"));
    if (!file.open(QIODevice::ReadOnly))
        return DocumentError::make(Code::NotFound, path,
                                   tr("the file cannot be read (%1)").arg(file.errorString()));
    if (file.size() == 0)
        return DocumentError::make(Code::Corrupt, path, tr("the file is empty (0 bytes)"));
    const QByteArray head = file.read(1024);
    if (!head.contains("%PDF-"))
        return DocumentError::make(Code::Corrupt, path,
                                   tr("the file is not a PDF (no %PDF- header)"));
    if (!hasEndOfFileMarker(file))
        return DocumentError::make(
                Code::Corrupt, path,
                tr("the PDF is truncated or damaged (no %%EOF marker at its end)"));
    file.close();

    std::unique_ptr<Poppler::Document> document = Poppler::Document::load(path);
    if (!document)
        return DocumentError::make(Code::Corrupt, path,
                                   tr("the PDF is damaged and cannot be read"));
    if (document->isLocked())
        return DocumentError::make(Code::Encrypted, path,
                                   tr("the PDF is encrypted and needs a password"));
    const int pages = document->numPages();
    if (pages <= 0)
        return DocumentError::make(Code::Empty, path, tr("the PDF has no pages"));

    QVector<QSizeF> sizes;
    sizes.reserve(pages);
    for (int index = 0; index < pages; ++index) {
        const std::unique_ptr<Poppler::Page> page = document->page(index);
        if (!page)
            return DocumentError::make(
                    Code::Corrupt, path,
                    tr("page %1 of %2 cannot be read").arg(index + 1).arg(pages));
        const QSizeF size = page->pageSizeF();
        if (!(size.width() > 0) || !(size.height() > 0))
            return DocumentError::make(Code::Corrupt, path,
                                       tr("page %1 has no area (%2 × %3 points)")
                                               .arg(index + 1)
                                               .arg(size.width())
                                               .arg(size.height()));
        if (size.width() > maxPageSidePoints || size.height() > maxPageSidePoints)
            return DocumentError::make(
                    Code::TooLarge, path,
                    tr("page %1 is %2 × %3 inches, larger than the %4-inch limit of PDF")
                            .arg(index + 1)
                            .arg(size.width() / 72.0, 0, 'f', 0)
                            .arg(size.height() / 72.0, 0, 'f', 0)
                            .arg(maxPageSidePoints / 72.0, 0, 'f', 0));
        sizes.append(size);
    }
    document->setRenderHint(Poppler::Document::Antialiasing);
    document->setRenderHint(Poppler::Document::TextAntialiasing);
    d->document = std::move(document);
    d->pageSizes = std::move(sizes);
    return {};
}

bool PdfDocument::isOpen() const
{
    QMutexLocker locker(&d->mutex);
    return d->document != nullptr;
}

int PdfDocument::pageCount() const
{
    QMutexLocker locker(&d->mutex);
    return d->pageSizes.size();
}

QSizeF PdfDocument::pageSize(int page) const
{
    QMutexLocker locker(&d->mutex);
    return d->pageSizes.value(page);
}

QSize PdfDocument::pixelSize(int page, double dpi) const
{
    const QSizeF points = pageSize(page);
    return QSize(qRound(points.width() * dpi / 72.0), qRound(points.height() * dpi / 72.0));
}

RenderedPage PdfDocument::render(int page, double dpi) const
{
    using Code = DocumentError::Code;
    RenderedPage result;
    result.page = page;
    result.dpi = dpi;
    const int pages = pageCount();
    if (page < 0 || page >= pages) {
        result.error = DocumentError::make(
                Code::OutOfRange, m_path,
                tr("page %1 does not exist (the document has %2)").arg(page + 1).arg(pages));
        return result;
    }
    const QSize pixels = pixelSize(page, dpi);
    if (!(dpi > 0) || qint64(pixels.width()) * pixels.height() > maxRenderPixels) {
        result.error = DocumentError::make(
                Code::TooLarge, m_path,
                tr("page %1 at %2 dpi would be %3 × %4 pixels, more than can be shown")
                        .arg(page + 1)
                        .arg(dpi)
                        .arg(pixels.width())
                        .arg(pixels.height()));
        return result;
    }

    QMutexLocker locker(&d->mutex);
    if (!d->document) {
        result.error = DocumentError::make(Code::NotFound, m_path, tr("the PDF is not open"));
        return result;
    }
    const std::unique_ptr<Poppler::Page> popplerPage = d->document->page(page);
    if (popplerPage)
        result.image = popplerPage->renderToImage(dpi, dpi);
    if (result.image.isNull())
        result.error = DocumentError::make(Code::Corrupt, m_path,
                                           tr("page %1 cannot be rendered").arg(page + 1));
    return result;
}

} // namespace Boucle
