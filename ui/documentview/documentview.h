// DocumentView: shows a document's pages (a PDF rendered by poppler, or scanned page images)
// with the predicted boxes on them, for review. Page navigation, zoom, and stepping through the
// objects a reviewer should check first (those scored below the low-confidence threshold).
// PDF pages are rendered off the GUI thread and the next pages prefetched; a PDF that cannot be
// shown gives a DocumentError naming the file and reason, and the view shows that message.
//
// Keys: ] / [ next / previous low-confidence object, Page Down / Page Up next / previous page,
// + / - zoom, 0 actual size, W fit width. GUI thread only.
#pragma once

#include "documents/documenterror.h"
#include "store/storerecords.h"

#include <QImage>
#include <QStringList>
#include <QWidget>

#include <memory>

class QLabel;
class QScrollArea;

namespace Boucle {

class PageCanvas;
class PdfDocument;
class PdfPagePrefetcher;

class DocumentView : public QWidget
{
    Q_OBJECT

public:
    explicit DocumentView(QWidget *parent = nullptr);
    ~DocumentView() override;

    DocumentError openPdf(const QString &path);
    // One scanned page per image; object boxes are in image pixels, object.page picks the image.
    DocumentError openImages(const QStringList &paths);
    void clear();

    // Boxes and polygons are drawn on their page; spans are ignored. Indexes into this list are
    // what currentObjectChanged() reports.
    void setObjects(const QList<PredictedObject> &objects);
    const QList<PredictedObject> &objects() const { return m_objects; }
    void setLowConfidenceThreshold(double threshold);
    double lowConfidenceThreshold() const { return m_threshold; }

    int pageCount() const;
    int currentPage() const { return m_page; }
    double zoom() const { return m_zoom; }
    int currentObject() const { return m_currentObject; }
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
    // Selects an object (-1: none), turning to its page and scrolling it into view.
    void setCurrentObject(int index);
    // Steps through objects below the threshold in page order; false when there is none further.
    bool selectNextLowConfidenceObject();
    bool selectPreviousLowConfidenceObject();

signals:
    void pageChanged(int page, int pageCount);
    void zoomChanged(double zoom);
    void currentObjectChanged(int index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Source { None, Pdf, Images };

    bool handleKey(int key);
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
    double m_zoom = 1.0;
    int m_currentObject = -1;
    DocumentError m_error;

    QScrollArea *m_scrollArea = nullptr;
    PageCanvas *m_canvas = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace Boucle
