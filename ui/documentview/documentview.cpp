#include "documentview.h"

#include "documents/lowconfidencewords.h"
#include "documents/pdfdocument.h"
#include "documents/pdfpageprefetcher.h"
#include "imaging/imageheader.h"
#include "imaging/imagelimits.h"
#include "imaging/regularfile.h"
#include "pagecanvas.h"

#include <QCoreApplication>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

namespace Boucle {

namespace {

// Page images are read on the GUI thread: only regular files (a pipe would block the window),
// their size checked from the header before decoding. Returns the size, or an invalid one with
// *reason set; `file` is left open for decoding.
QSize openPageImage(RegularFile &file, const QString &path, QString *reason)
{
    ImageLimits::applyToQt();
    if (!file.open(path, ImageLimits::maxFileBytes)) {
        *reason = file.reason();
        return {};
    }
    const ImageHeader header = ImageHeader::read(file.device());
    if (!header.qtReads || !header.size.isValid()) {
        *reason = QCoreApplication::translate("Boucle::DocumentView",
                                              "the format is unknown or the data is damaged");
        return {};
    }
    *reason = ImageLimits::checkImage(path, header.size, header.bytesPerPixel);
    return reason->isEmpty() ? header.size : QSize();
}

QSize pageImageSize(const QString &path, QString *reason)
{
    RegularFile file;
    return openPageImage(file, path, reason);
}

QImage readPageImage(const QString &path, QString *reason)
{
    RegularFile file;
    if (!openPageImage(file, path, reason).isValid())
        return {};
    QImageReader reader(file.device());
    reader.setDecideFormatFromContent(true);
    const QImage image = reader.read();
    if (image.isNull())
        *reason = reader.errorString();
    return image;
}

} // namespace

namespace {

constexpr double screenDpi = 96.0; // zoom 1: a PDF point is 96/72 pixels, as on paper
constexpr double minZoom = 0.1;
constexpr double maxZoom = 8.0;
constexpr double zoomStep = 1.25;

} // namespace

DocumentView::DocumentView(QWidget *parent)
    : QWidget(parent)
    , m_scrollArea(new QScrollArea(this))
    , m_canvas(new PageCanvas)
    , m_status(new QLabel(this))
{
    m_scrollArea->setWidget(m_canvas);
    m_scrollArea->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_scrollArea->setBackgroundRole(QPalette::Dark);
    m_canvas->setObjects(&m_objects);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_scrollArea, 1);
    layout->addWidget(m_status);

    setFocusPolicy(Qt::StrongFocus);
    setFocusProxy(m_scrollArea);
    m_scrollArea->installEventFilter(this);
    m_scrollArea->viewport()->installEventFilter(this);
    updateStatus();
}

DocumentView::~DocumentView() = default;

void DocumentView::clear()
{
    m_prefetcher.reset();
    m_pdf.reset();
    m_imagePaths.clear();
    m_imageSizes.clear();
    m_source = Source::None;
    m_page = 0;
    m_currentObject = -1;
    m_shownPage = -1;
    m_error = {};
    m_canvas->setImage({});
    m_canvas->setMessage({});
    m_canvas->setCurrentObject(-1);
}

DocumentError DocumentView::openPdf(const QString &path)
{
    clear();
    auto document = std::make_shared<PdfDocument>();
    if (const DocumentError error = document->open(path)) {
        showError(error);
        return error;
    }
    m_pdf = document;
    m_source = Source::Pdf;
    PdfPagePrefetcher::Options options;
    options.dpi = renderDpi();
    m_prefetcher = std::make_unique<PdfPagePrefetcher>(m_pdf, options);
    connect(m_prefetcher.get(), &PdfPagePrefetcher::pageReady, this, &DocumentView::onPageReady);
    showPage();
    emit pageChanged(m_page, pageCount());
    return {};
}

DocumentError DocumentView::openImages(const QStringList &paths)
{
    clear();
    QList<QSize> sizes;
    for (const QString &path : paths) {
        QString reason;
        const QSize size = pageImageSize(path, &reason);
        if (!size.isValid()) {
            const DocumentError error
                    = DocumentError::make(DocumentError::Code::Corrupt, path,
                                          tr("the page image cannot be read (%1)").arg(reason));
            showError(error);
            return error;
        }
        sizes.append(size);
    }
    if (paths.isEmpty()) {
        const DocumentError error
                = DocumentError::make(DocumentError::Code::Empty, {}, tr("no page images"));
        showError(error);
        return error;
    }
    m_imagePaths = paths;
    m_imageSizes = sizes;
    m_source = Source::Images;
    showPage();
    emit pageChanged(m_page, pageCount());
    return {};
}

void DocumentView::showError(const DocumentError &error)
{
    m_error = error;
    m_canvas->setPage(0, QSizeF(400, 200), 1.0);
    m_canvas->setMessage(error.message());
    updateStatus();
}

int DocumentView::pageCount() const
{
    switch (m_source) {
    case Source::Pdf:
        return m_pdf->pageCount();
    case Source::Images:
        return m_imagePaths.size();
    case Source::None:
        break;
    }
    return 0;
}

bool DocumentView::isPageShown() const
{
    return m_source != Source::None && m_canvas->hasImage();
}

double DocumentView::unitScale() const
{
    return m_source == Source::Pdf ? screenDpi / 72.0 : 1.0;
}

QSizeF DocumentView::pageSizeInUnits(int page) const
{
    if (m_source == Source::Pdf)
        return m_pdf->pageSize(page);
    if (m_source == Source::Images)
        return QSizeF(m_imageSizes.value(page));
    return {};
}

double DocumentView::renderDpi() const
{
    return screenDpi * m_zoom * devicePixelRatioF();
}

void DocumentView::setObjects(const QList<PredictedObject> &objects)
{
    m_objects = objects;
    m_currentObject = -1;
    m_canvas->setObjects(&m_objects);
    m_canvas->setCurrentObject(-1);
    updateStatus();
}

void DocumentView::setLowConfidenceThreshold(double threshold)
{
    m_threshold = threshold;
    m_canvas->setLowConfidenceThreshold(threshold);
    updateStatus();
}

void DocumentView::setPage(int page)
{
    if (m_source == Source::None || page < 0 || page >= pageCount() || page == m_page)
        return;
    m_page = page;
    showPage();
    emit pageChanged(m_page, pageCount());
}

void DocumentView::nextPage()
{
    setPage(m_page + 1);
}

void DocumentView::previousPage()
{
    setPage(m_page - 1);
}

void DocumentView::setZoom(double zoom)
{
    zoom = qBound(minZoom, zoom, maxZoom);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    m_zoom = zoom;
    if (m_prefetcher)
        m_prefetcher->setDpi(renderDpi());
    showPage();
    emit zoomChanged(m_zoom);
}

void DocumentView::zoomIn()
{
    setZoom(m_zoom * zoomStep);
}

void DocumentView::zoomOut()
{
    setZoom(m_zoom / zoomStep);
}

void DocumentView::fitWidth()
{
    const QSizeF page = pageSizeInUnits(m_page);
    if (page.isEmpty())
        return;
    // The viewport without room for a vertical scroll bar: a fitted page is taller than wide.
    int available = m_scrollArea->width() - 2 * m_scrollArea->frameWidth() - 4;
    available -= m_scrollArea->verticalScrollBar()->sizeHint().width();
    setZoom(available / (page.width() * unitScale()));
}

void DocumentView::showPage()
{
    if (m_source == Source::None)
        return;
    m_canvas->setPage(m_page, pageSizeInUnits(m_page), unitScale() * m_zoom);
    if (m_source == Source::Images) {
        QString reason;
        const QImage image = readPageImage(m_imagePaths.at(m_page), &reason);
        if (image.isNull()) {
            m_canvas->setImage({});
            m_canvas->setMessage(
                    DocumentError::make(DocumentError::Code::Corrupt, m_imagePaths.at(m_page),
                                        tr("the page image cannot be read (%1)").arg(reason))
                            .message());
        } else {
            m_canvas->setImage(image);
        }
        m_shownPage = m_page;
    } else {
        m_prefetcher->show(m_page);
        const std::optional<RenderedPage> rendered = m_prefetcher->cached(m_page);
        if (rendered) {
            onPageReady(m_page);
        } else if (m_shownPage != m_page) {
            // A new page gets a placeholder; after a zoom the page's image stays, stretched,
            // until the sharper render arrives, so the page never flashes blank.
            m_canvas->setImage({});
            m_canvas->setMessage(tr("Rendering page %1…").arg(m_page + 1));
        }
    }
    updateStatus();
}

void DocumentView::onPageReady(int page)
{
    if (page != m_page || !m_prefetcher)
        return;
    const std::optional<RenderedPage> rendered = m_prefetcher->cached(page);
    if (!rendered)
        return;
    if (rendered->error) {
        m_canvas->setImage({});
        m_canvas->setMessage(rendered->error.message());
    } else {
        m_canvas->setImage(rendered->image);
    }
    m_shownPage = page;
    updateStatus();
}

void DocumentView::setCurrentObject(int index)
{
    if (index < -1 || index >= m_objects.size())
        return;
    if (index >= 0) {
        const PredictedObject &object = m_objects.at(index);
        if (object.page != m_page)
            setPage(object.page);
    }
    const bool changed = index != m_currentObject;
    m_currentObject = index;
    m_canvas->setCurrentObject(index);
    if (index >= 0) {
        const QRectF box = m_canvas->objectRect(m_objects.at(index));
        m_scrollArea->ensureVisible(int(box.center().x()), int(box.center().y()),
                                    int(box.width() / 2) + 60, int(box.height() / 2) + 60);
    }
    updateStatus();
    if (changed)
        emit currentObjectChanged(index);
}

bool DocumentView::selectNextLowConfidenceObject()
{
    const QList<int> low = lowConfidenceObjects(m_objects, m_threshold);
    const int position = int(low.indexOf(m_currentObject));
    int next = -1;
    if (position >= 0) {
        next = position + 1 < low.size() ? low.at(position + 1) : -1;
    } else {
        // From no selection (or a confident one): the first low object at or after this page.
        for (const int index : low) {
            if (m_objects.at(index).page >= m_page
                && (m_currentObject < 0 || m_objects.at(index).page > m_page
                    || index > m_currentObject)) {
                next = index;
                break;
            }
        }
        if (next < 0 && m_currentObject < 0 && !low.isEmpty())
            next = low.first(); // nothing from this page on: start from the beginning
    }
    if (next < 0)
        return false;
    setCurrentObject(next);
    return true;
}

bool DocumentView::selectPreviousLowConfidenceObject()
{
    const QList<int> low = lowConfidenceObjects(m_objects, m_threshold);
    const int position = int(low.indexOf(m_currentObject));
    int previous = -1;
    if (position > 0) {
        previous = low.at(position - 1);
    } else if (position < 0) {
        for (auto it = low.crbegin(); it != low.crend(); ++it) {
            if (m_objects.at(*it).page <= m_page
                && (m_currentObject < 0 || m_objects.at(*it).page < m_page
                    || *it < m_currentObject)) {
                previous = *it;
                break;
            }
        }
    }
    if (previous < 0)
        return false;
    setCurrentObject(previous);
    return true;
}

bool DocumentView::handleKey(int key)
{
    switch (key) {
    case Qt::Key_BracketRight:
        selectNextLowConfidenceObject();
        return true;
    case Qt::Key_BracketLeft:
        selectPreviousLowConfidenceObject();
        return true;
    case Qt::Key_PageDown:
        nextPage();
        return true;
    case Qt::Key_PageUp:
        previousPage();
        return true;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return true;
    case Qt::Key_Minus:
        zoomOut();
        return true;
    case Qt::Key_0:
        setZoom(1.0);
        return true;
    case Qt::Key_W:
        fitWidth();
        return true;
    default:
        return false;
    }
}

bool DocumentView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers modifiers
                = key->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
        if (modifiers == Qt::NoModifier && handleKey(key->key()))
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

void DocumentView::updateStatus()
{
    if (m_error) {
        m_status->setText(m_error.message());
        return;
    }
    if (m_source == Source::None) {
        m_status->setText(tr("No document"));
        return;
    }
    const int low = int(lowConfidenceObjects(m_objects, m_threshold).size());
    QString text = tr("Page %1 of %2 · %3 % · %n object(s)", nullptr, int(m_objects.size()))
                           .arg(m_page + 1)
                           .arg(pageCount())
                           .arg(qRound(m_zoom * 100));
    text += tr(", %n below %1", nullptr, low).arg(m_threshold, 0, 'f', 2);
    if (m_currentObject >= 0) {
        const PredictedObject &object = m_objects.at(m_currentObject);
        text += QStringLiteral(" · ")
                + QStringLiteral("%1 %2").arg(object.label).arg(object.score, 0, 'f', 2);
        if (!object.text.isEmpty())
            text += QStringLiteral(" \u201c%1\u201d").arg(object.text);
    }
    m_status->setText(text);
}

} // namespace Boucle
