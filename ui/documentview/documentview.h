// DocumentView: shows a document's pages (a PDF rendered by poppler, or scanned page images)
// with the predicted boxes on them, for review. Page navigation, zoom, and stepping through the
// objects a reviewer should check first (those scored below the low-confidence threshold).
// PDF pages are rendered off the GUI thread and the next pages prefetched; a PDF that cannot be
// shown gives a DocumentError naming the file and reason, and the view shows that message.
//
// Keys: ] / [ next / previous low-confidence object, Page Down / Page Up next / previous page.
// Zoom as in the SampleView: + / - zoom, Ctrl+0 fits the whole page, Ctrl+1 shows it at actual
// size (1:1, a PDF at its size on paper), and W fits the page's width; these are the view's
// actions (action()), shown in its toolbar. A document opens fitted to the width, and a fitted
// page stays fitted as the view is resized.
//
// Geometry editing: the current page's boxes and polygons are held by an ObjectEditor (in object
// units: PDF points or page-image pixels) and painted with their review state. While editable
// (setEditable), the pointer on the page selects, moves, resizes and reshapes them, and the page
// takes the editing keys itself, ahead of the window's shortcuts (a ShortcutOverride accepted
// only for them): Tab / Shift+Tab, arrows (Shift: 10 units), B (draw a box), P (draw a
// polygon, Return closes), Delete, Esc, Shift+A. Each finished gesture comes out as one
// objectEditRequested(); the owner stores it and gives the objects back. GUI thread only.
#pragma once

#include "documents/documenterror.h"
#include "editing/objecteditor.h"
#include "records/projectrecords.h"
#include "review/objectreview.h"

#include <QHash>
#include <QImage>
#include <QStringList>
#include <QWidget>

#include <memory>

class QAction;
class QKeyEvent;
class QLabel;
class QResizeEvent;
class QScrollArea;
class QToolBar;

namespace Boucle {

class PageCanvas;
class PdfDocument;
class PdfPagePrefetcher;

class DocumentView : public QWidget
{
    Q_OBJECT

public:
    enum class Action { ZoomIn, ZoomOut, FitPage, FitWidth, ActualSize };
    // How the zoom follows the view's size: not at all (a zoom the reviewer chose), or fitting
    // the page's width or the whole page.
    enum class Fit { None, Width, Page };

    explicit DocumentView(QWidget *parent = nullptr);
    ~DocumentView() override;

    DocumentError openPdf(const QString &path);
    // One scanned page per image; object boxes are in image pixels, object.page picks the image.
    DocumentError openImages(const QStringList &paths);
    void clear();

    // Boxes and polygons are drawn on their page; spans are ignored. Indexes into this list are
    // what currentObjectChanged() reports. `reviewed` (ReviewSession::reviewedObjectList) gives
    // each object's decision and the objects the reviewer added; without it every object shows
    // as undecided.
    void setObjects(const QList<PredictedObject> &objects,
                    const QList<ReviewedObject> &reviewed = {});
    const QList<PredictedObject> &objects() const { return m_objects; }
    void setLowConfidenceThreshold(double threshold);
    double lowConfidenceThreshold() const { return m_threshold; }

    int pageCount() const;
    int currentPage() const { return m_page; }
    double zoom() const { return m_zoom; }
    Fit fit() const { return m_fit; }
    // The view's zoom actions with their keys; they act while the view is visible in its window.
    QAction *action(Action which) const;
    QToolBar *toolBar() const { return m_toolBar; }
    int currentObject() const { return m_currentObject; }
    // The added object selected on the page (its number), or 0.
    int currentAddedObject() const { return m_currentAdded; }
    // Mouse and editing keys reach the editor only while editable (a session, objects shown).
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }
    ObjectEditor *objectEditor() const { return m_editor; }
    PageCanvas *canvas() const { return m_canvas; }
    // True once the current page's image is on screen (rendering is asynchronous).
    bool isPageShown() const;
    DocumentError error() const { return m_error; }

public slots:
    void setPage(int page);
    void nextPage();
    void previousPage();
    void setZoom(double zoom);
    void zoomIn();
    void zoomOut();
    void fitWidth();
    void fitPage();
    void showActualSize();
    // Selects an object (-1: none), turning to its page and scrolling it into view.
    void setCurrentObject(int index);
    // Selects the object the reviewer added as number `added` (0: none), turning to its page.
    void setCurrentAddedObject(int added);
    // Steps through objects below the threshold in page order; false when there is none further.
    bool selectNextLowConfidenceObject();
    bool selectPreviousLowConfidenceObject();

signals:
    void pageChanged(int page, int pageCount);
    void zoomChanged(double zoom);
    void currentObjectChanged(int index);
    // A finished gesture on the page, to be stored as one step (an added object carries its
    // page; its class is the owner's to set).
    void objectEditRequested(const Boucle::ObjectEditRequest &request);
    // Shift+A on the page.
    void approveRemainingRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    enum class Source { None, Pdf, Images };

    void createActions();
    bool handleKey(int key);
    // The zoom at which the current page fits as m_fit asks; 0 when nothing to fit.
    double fittingZoom() const;
    void applyZoom(double zoom);
    void applyFit();
    bool wantsEditingKey(const QKeyEvent *event) const;
    bool handleEditingKey(const QKeyEvent *event);
    bool handleCanvasMouse(QEvent *event);
    void updateEditorObjects();
    void selectInEditor();
    void onEditorSelection();
    void showPage();
    void onPageReady(int page);
    double unitScale() const; // widget pixels per object unit at zoom 1
    QSizeF pageSizeInUnits(int page) const;
    double renderDpi() const;
    void updateStatus();
    void showError(const DocumentError &error);

    Source m_source = Source::None;
    std::shared_ptr<PdfDocument> m_pdf;
    std::unique_ptr<PdfPagePrefetcher> m_prefetcher;
    QStringList m_imagePaths;
    QList<QSize> m_imageSizes;
    QList<PredictedObject> m_objects;
    double m_threshold = 0.5;
    int m_page = 0;
    int m_shownPage = -1; // the page whose image the canvas holds
    double m_zoom = 1.0;
    Fit m_fit = Fit::Width;
    int m_currentObject = -1;
    int m_currentAdded = 0;
    QList<ReviewedObject> m_reviewed;
    bool m_editable = false;
    bool m_syncing = false; // the editor's selection is being set from the view's
    DocumentError m_error;

    QToolBar *m_toolBar = nullptr;
    QHash<Action, QAction *> m_actions;
    QScrollArea *m_scrollArea = nullptr;
    PageCanvas *m_canvas = nullptr;
    QLabel *m_status = nullptr;
    ObjectEditor *m_editor = nullptr;
};

} // namespace Boucle
