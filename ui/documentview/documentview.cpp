#include "documentview.h"

#include "documents/lowconfidencewords.h"
#include "documents/pdfdocument.h"
#include "documents/pdfpageprefetcher.h"
#include "imaging/imageheader.h"
#include "imaging/imagelimits.h"
#include "imaging/regularfile.h"
#include "pagecanvas.h"

#include <QAction>
#include <QCoreApplication>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolBar>
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
    , m_toolBar(new QToolBar(this))
    , m_scrollArea(new QScrollArea(this))
    , m_canvas(new PageCanvas)
    , m_status(new QLabel(this))
    , m_editor(new ObjectEditor(this))
{
    m_scrollArea->setWidget(m_canvas);
    m_scrollArea->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_scrollArea->setBackgroundRole(QPalette::Dark);
    m_canvas->setEditor(m_editor);
    connect(m_editor, &ObjectEditor::selectionChanged, this, &DocumentView::onEditorSelection);
    connect(m_editor, &ObjectEditor::editRequested, this, [this](const ObjectEditRequest &request) {
        ObjectEditRequest step = request;
        if (step.kind == ObjectEditRequest::Kind::Add)
            step.object.page = m_page;
        emit objectEditRequested(step);
    });
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_scrollArea, 1);
    layout->addWidget(m_status);
    createActions();

    setFocusPolicy(Qt::StrongFocus);
    setFocusProxy(m_scrollArea);
    m_scrollArea->installEventFilter(this);
    m_scrollArea->viewport()->installEventFilter(this);
    m_canvas->installEventFilter(this);
    updateStatus();
}

DocumentView::~DocumentView() = default;

void DocumentView::createActions()
{
    m_toolBar->setObjectName(QStringLiteral("documentViewToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->setIconSize(QSize(16, 16));
    const auto make = [this](Action which, const QString &text, const QList<QKeySequence> &keys,
                             void (DocumentView::*slot)()) {
        auto *action = new QAction(text, this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(
                text, keys.value(0).toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_actions.insert(which, action);
        return action;
    };
    // The SampleView's keys, and W for the width a page of text is read at.
    QAction *fitWidth = make(Action::FitWidth, tr("Fit width"), {QKeySequence(Qt::Key_W)},
                             &DocumentView::fitWidth);
    QAction *fitPage = make(Action::FitPage, tr("Fit page"), {QKeySequence(Qt::CTRL | Qt::Key_0)},
                            &DocumentView::fitPage);
    QAction *actualSize = make(Action::ActualSize, tr("Actual size (1:1)"),
                               {QKeySequence(Qt::CTRL | Qt::Key_1)}, &DocumentView::showActualSize);
    QAction *zoomOut
            = make(Action::ZoomOut, tr("Zoom out"),
                   {QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut}, &DocumentView::zoomOut);
    QAction *zoomIn
            = make(Action::ZoomIn, tr("Zoom in"),
                   {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn},
                   &DocumentView::zoomIn);
    for (QAction *action : {fitWidth, fitPage, actualSize, zoomOut, zoomIn})
        m_toolBar->addAction(action);
    for (QAction *action : {fitWidth, fitPage})
        action->setCheckable(true);
    auto syncChecks = [this, fitWidth, fitPage] {
        fitWidth->setChecked(m_fit == Fit::Width);
        fitPage->setChecked(m_fit == Fit::Page);
    };
    connect(this, &DocumentView::zoomChanged, this, syncChecks);
    syncChecks();
}

QAction *DocumentView::action(Action which) const
{
    return m_actions.value(which);
}

void DocumentView::clear()
{
    m_prefetcher.reset();
    m_pdf.reset();
    m_imagePaths.clear();
    m_imageSizes.clear();
    m_source = Source::None;
    m_page = 0;
    m_currentObject = -1;
    m_currentAdded = 0;
    m_shownPage = -1;
    m_error = {};
    m_canvas->setImage({});
    m_canvas->setMessage({});
    m_editor->clear();
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
    // Opens fitted to the width, rendered at once at that zoom.
    m_fit = Fit::Width;
    if (const double fitting = fittingZoom(); fitting > 0)
        m_zoom = qBound(minZoom, fitting, maxZoom);
    PdfPagePrefetcher::Options options;
    options.dpi = renderDpi();
    m_prefetcher = std::make_unique<PdfPagePrefetcher>(m_pdf, options);
    connect(m_prefetcher.get(), &PdfPagePrefetcher::pageReady, this, &DocumentView::onPageReady);
    showPage();
    emit pageChanged(m_page, pageCount());
    emit zoomChanged(m_zoom);
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
    m_fit = Fit::Width;
    if (const double fitting = fittingZoom(); fitting > 0)
        m_zoom = qBound(minZoom, fitting, maxZoom);
    showPage();
    emit pageChanged(m_page, pageCount());
    emit zoomChanged(m_zoom);
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

void DocumentView::setObjects(const QList<PredictedObject> &objects,
                              const QList<ReviewedObject> &reviewed)
{
    m_objects = objects;
    m_reviewed = reviewed;
    m_currentObject = -1;
    m_currentAdded = 0;
    updateEditorObjects();
    updateStatus();
}

void DocumentView::setLowConfidenceThreshold(double threshold)
{
    m_threshold = threshold;
    m_editor->setLowConfidenceThreshold(threshold);
    m_canvas->update();
    updateStatus();
}

void DocumentView::setEditable(bool editable)
{
    if (editable == m_editable)
        return;
    m_editable = editable;
    if (!editable) {
        m_editor->cancel();
        m_editor->setTool(ObjectEditor::Tool::Select);
    }
}

void DocumentView::updateEditorObjects()
{
    // The editor holds the current page's objects: the predicted ones as shown (with the
    // owner's pending edits), with their decisions, then the ones the reviewer added there.
    QList<ReviewedObject> onPage;
    for (int i = 0; i < m_objects.size(); ++i) {
        const PredictedObject &object = m_objects.at(i);
        if (object.page != m_page || object.shape == PredictedObject::Shape::Span)
            continue;
        ReviewedObject entry;
        entry.index = i;
        entry.predicted = object;
        for (const ReviewedObject &known : std::as_const(m_reviewed)) {
            if (known.index == i) {
                entry = known;
                break;
            }
        }
        entry.object = object;
        onPage.append(entry);
    }
    for (const ReviewedObject &known : std::as_const(m_reviewed)) {
        if (known.added > 0 && known.object.page == m_page
            && known.object.shape != PredictedObject::Shape::Span)
            onPage.append(known);
    }
    m_syncing = true;
    m_editor->setScale(unitScale() * m_zoom);
    m_editor->setImageSize(pageSizeInUnits(m_page).toSize());
    m_editor->setObjects(onPage);
    m_syncing = false;
    selectInEditor();
}

void DocumentView::selectInEditor()
{
    int position = -1;
    const QList<ReviewedObject> &objects = m_editor->objects();
    for (int i = 0; i < objects.size(); ++i) {
        if ((m_currentObject >= 0 && objects.at(i).index == m_currentObject)
            || (m_currentAdded > 0 && objects.at(i).added == m_currentAdded)) {
            position = i;
            break;
        }
    }
    m_syncing = true;
    if (position != m_editor->selected())
        m_editor->select(position);
    m_syncing = false;
}

void DocumentView::onEditorSelection()
{
    if (m_syncing)
        return;
    const ReviewedObject *selected = m_editor->selectedObject();
    if (selected && selected->index >= 0) {
        setCurrentObject(selected->index);
        return;
    }
    const int added = selected ? selected->added : 0;
    const bool changed = m_currentObject != -1 || m_currentAdded != added;
    m_currentObject = -1;
    m_currentAdded = added;
    updateStatus();
    if (changed)
        emit currentObjectChanged(-1);
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
    const bool wasFitting = m_fit != Fit::None;
    m_fit = Fit::None;
    applyZoom(zoom);
    if (wasFitting)
        emit zoomChanged(m_zoom); // the fit buttons follow even when the zoom stays
}

void DocumentView::applyZoom(double zoom)
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
    m_fit = Fit::Width;
    applyFit();
    emit zoomChanged(m_zoom);
}

void DocumentView::fitPage()
{
    m_fit = Fit::Page;
    applyFit();
    emit zoomChanged(m_zoom);
}

void DocumentView::showActualSize()
{
    setZoom(1.0);
}

double DocumentView::fittingZoom() const
{
    const QSizeF page = pageSizeInUnits(m_page);
    if (page.isEmpty() || m_fit == Fit::None)
        return 0;
    // The viewport, less room for a vertical scroll bar when fitting the width (a page fitted
    // to its width is usually taller than the view).
    const int frame = 2 * m_scrollArea->frameWidth() + 4;
    const int width = m_scrollArea->width() - frame;
    const int height = m_scrollArea->height() - frame;
    if (width <= 0 || height <= 0)
        return 0;
    const double scale = unitScale();
    if (m_fit == Fit::Width)
        return (width - m_scrollArea->verticalScrollBar()->sizeHint().width())
               / (page.width() * scale);
    return std::min(width / (page.width() * scale), height / (page.height() * scale));
}

void DocumentView::applyFit()
{
    if (const double fitting = fittingZoom(); fitting > 0)
        applyZoom(fitting);
}

void DocumentView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fit != Fit::None)
        applyFit();
}

void DocumentView::showPage()
{
    if (m_source == Source::None)
        return;
    m_canvas->setPage(m_page, pageSizeInUnits(m_page), unitScale() * m_zoom);
    updateEditorObjects();
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
    m_currentAdded = 0;
    selectInEditor();
    if (index >= 0) {
        const QRectF box = m_canvas->objectRect(m_objects.at(index));
        m_scrollArea->ensureVisible(int(box.center().x()), int(box.center().y()),
                                    int(box.width() / 2) + 60, int(box.height() / 2) + 60);
    }
    updateStatus();
    if (changed)
        emit currentObjectChanged(index);
}

void DocumentView::setCurrentAddedObject(int added)
{
    if (added <= 0) {
        if (m_currentAdded > 0) {
            m_currentAdded = 0;
            selectInEditor();
            updateStatus();
        }
        return;
    }
    for (const ReviewedObject &known : std::as_const(m_reviewed)) {
        if (known.added != added)
            continue;
        if (known.object.page != m_page)
            setPage(known.object.page);
        const bool changed = m_currentObject != -1;
        m_currentObject = -1;
        m_currentAdded = added;
        selectInEditor();
        updateStatus();
        if (changed)
            emit currentObjectChanged(-1);
        return;
    }
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
    default:
        return false;
    }
}

bool DocumentView::wantsEditingKey(const QKeyEvent *event) const
{
    if (!m_editable || !isPageShown())
        return false;
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const bool plain = modifiers == Qt::NoModifier;
    const bool selected = m_editor->selectedObject() != nullptr;
    switch (event->key()) {
    case Qt::Key_B:
    case Qt::Key_P:
        return plain;
    case Qt::Key_A:
        return modifiers == Qt::ShiftModifier;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        return (plain || modifiers == Qt::ShiftModifier) && !m_editor->objects().isEmpty();
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
        return (plain || modifiers == Qt::ShiftModifier) && (selected || m_editor->isBusy());
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        return plain && selected;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return m_editor->tool() == ObjectEditor::Tool::DrawPolygon;
    case Qt::Key_Escape:
        return plain
               && (selected || m_editor->isBusy()
                   || m_editor->tool() != ObjectEditor::Tool::Select);
    default:
        break;
    }
    return false;
}

bool DocumentView::handleEditingKey(const QKeyEvent *event)
{
    if (!wantsEditingKey(event))
        return false;
    if (event->key() == Qt::Key_A) {
        if (!event->isAutoRepeat())
            emit approveRemainingRequested();
        return true;
    }
    m_editor->keyPress(event->key(), event->modifiers(), event->isAutoRepeat());
    return true;
}

bool DocumentView::handleCanvasMouse(QEvent *event)
{
    auto *mouse = static_cast<QMouseEvent *>(event);
    if (event->type() == QEvent::MouseButtonPress)
        m_scrollArea->setFocus(Qt::MouseFocusReason); // the page takes the editing keys
    if (!m_editable || !isPageShown())
        return false;
    const QPointF point = m_canvas->toUnits(mouse->position());
    switch (event->type()) {
    case QEvent::MouseButtonPress:
        return m_editor->mousePress(point, mouse->button(), mouse->modifiers());
    case QEvent::MouseMove:
        return m_editor->mouseMove(point, mouse->buttons());
    case QEvent::MouseButtonRelease:
        return m_editor->mouseRelease(point, mouse->button());
    case QEvent::MouseButtonDblClick:
        return m_editor->mouseDoubleClick(point, mouse->button());
    default:
        break;
    }
    return false;
}

bool DocumentView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_canvas) {
        switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseMove:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
            if (handleCanvasMouse(event))
                return true;
            break;
        default:
            break;
        }
        return QWidget::eventFilter(watched, event);
    }
    if (event->type() == QEvent::ShortcutOverride) {
        // The window's single-key shortcuts wait while the page edits its objects; with the
        // page focused, Page Up / Down turn pages rather than scroll. (The zoom keys are the
        // view's actions.)
        auto *key = static_cast<QKeyEvent *>(event);
        const bool pageKey = m_source != Source::None
                             && (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier
                             && (key->key() == Qt::Key_PageUp || key->key() == Qt::Key_PageDown);
        if (pageKey || wantsEditingKey(key)) {
            event->accept();
            return true;
        }
    }
    if (event->type() == QEvent::KeyRelease) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (m_editable && m_editor->keyRelease(key->key(), key->modifiers(), key->isAutoRepeat()))
            return true;
    }
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (handleEditingKey(key))
            return true;
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
