// SampleView: shows one sample as a reviewer needs to see it: the image (zoom, pan, fit, 1:1),
// the model's predicted objects with label and score, its heatmap over the image, window/level
// for 16-bit grey images, a bar chart for feature-vector samples, and a clear placeholder naming
// the file and the reason when a sample cannot be shown. It never decodes: feed it what
// SamplePrefetcher prepared. GUI thread only.
#pragma once

#include "imaging/colourmap.h"
#include "imaging/dicomseries.h"
#include "imaging/heatmap.h"
#include "imaging/modalitymapping.h"
#include "imaging/sampleprefetcher.h"
#include "imaging/windowlevel.h"
#include "imaging/windowpresetcatalog.h"
#include "records/projectrecords.h"
#include "review/objectreview.h"

#include <QFutureWatcher>
#include <QGraphicsView>
#include <QHash>

#include <memory>
#include <optional>

class QAction;
class QGraphicsItemGroup;

namespace Boucle {

class DicomSlicePrefetcher;
class ObjectEditItem;
class ObjectEditor;
class PyramidItem;

// A predicted mask as an image: non-zero pixels of `mask` belong to the object, and the mask is
// laid over `rect` (in sample pixels). Masks given as polygons are PredictedObject polygons.
struct ObjectMask
{
    QString label;
    double score = 0.0;
    QImage mask;
    QRectF rect;
    int page = 0; // the frame of a multi-frame sample it lies on
};

class SampleView : public QGraphicsView
{
    Q_OBJECT

public:
    enum class ObjectKind { Boxes, Polygons, Masks };
    Q_ENUM(ObjectKind)
    enum class Action {
        ZoomIn,
        ZoomOut,
        Fit,
        ActualSize,
        ToggleHeatmap,
        ToggleBoxes,
        TogglePolygons,
        ToggleMasks,
        NextSlice,
        PreviousSlice,
    };
    // Window presets have a key each: Alt+1 … Alt+9, in the catalog's order.
    static constexpr int presetKeyCount = 9;

    explicit SampleView(QWidget *parent = nullptr);
    ~SampleView() override;

    // What a sample shows. Each of these replaces the previous sample and clears its objects,
    // masks and features; set objects after it.
    void showSample(std::shared_ptr<const PreparedSample> sample);
    // A sample whose image could not be shown (also what showSample does for a failed decode).
    void showPlaceholder(const QString &title, const QString &detail);
    // A tabular sample: its feature vector as bars.
    void showFeatures(const QVector<float> &values, const QStringList &names = {});
    void clear();
    // A sentence over the top of the sample, e.g. that its file changed since it was imported;
    // empty removes it. Cleared by each sample shown; set it after.
    void setFileNotice(const QString &sentence);
    QString fileNotice() const { return m_fileNotice; }

    // Predicted objects of the sample on screen (boxes and polygons; spans have no place here).
    // On a multi-frame sample each object shows on the slice of its frame (its `page`).
    void setObjects(const QList<PredictedObject> &objects);
    void setMasks(const QList<ObjectMask> &masks);
    // Object editing: the sample's objects as review left them, drawn with their decisions and
    // edited with the mouse and keys through objectEditor(), whose requests the owner stores.
    // Replaces setObjects' plain drawing until the next sample (or stopEditing).
    void setReviewedObjects(const QList<ReviewedObject> &objects);
    void stopEditing();
    bool isEditing() const { return m_editing; }
    ObjectEditor *objectEditor() const { return m_editor; }
    // Image pixels (sub-pixel) under a viewport position.
    QPointF imagePoint(const QPointF &viewportPosition) const;
    int objectCount(ObjectKind kind) const;
    void setObjectKindVisible(ObjectKind kind, bool visible);
    bool isObjectKindVisible(ObjectKind kind) const;

    // Blind review: hides objects and heatmap whatever their toggles say, until shown again.
    void setPredictionsVisible(bool visible);
    bool arePredictionsVisible() const { return m_predictionsVisible; }

    // Replaces the heatmap of the sample on screen (showSample sets the prepared one).
    void setHeatmap(const ColouredHeatmap &heatmap);
    bool hasHeatmap() const;
    void setHeatmapVisible(bool visible);
    bool isHeatmapVisible() const { return m_heatmapVisible; }
    void setHeatmapOpacity(double opacity); // 0..1
    double heatmapOpacity() const { return m_heatmapOpacity; }
    // Re-colours the heatmap on screen on a worker thread; the prefetcher should get the same map.
    void setColourMap(ColourMap map);
    ColourMap colourMap() const { return m_colourMap; }

    // 16-bit grey images only.
    bool hasWindowLevel() const;
    WindowLevel windowLevel() const { return m_window; }
    void setWindowLevel(const WindowLevel &window);
    void applyWindowPreset(WindowPreset preset);
    // What the image's 16-bit values mean (HU for CT DICOM); the identity for other images.
    ModalityMapping modalityMapping() const;
    // The named windows offered for the image on screen (window-presets.json: its modality's,
    // or for a 16-bit image that says none the CT ones, taken as raw = HU + 1024), and whether
    // they are in the image's own unit.
    QList<NamedWindow> namedWindows() const;
    bool namedWindowsAssumeOffset() const;
    // Applies a named window (centre and width in modality units); it stays for the next
    // samples as the same band of values.
    void applyNamedWindow(const NamedWindow &preset);
    // The window the file itself suggests (DICOM Window Center/Width, or the band its VOI LUT
    // covers), if any, and its explanation (the VOI LUT's when it has one).
    std::optional<WindowLevel> fileWindow() const;
    QString fileWindowExplanation() const;
    // Shows the image as the file suggests: through its VOI LUT's curve when it has one (for
    // this and the next samples, each through its own), else with its window.
    void applyFileWindow();
    bool showsFileCurve() const { return m_showsFileCurve; }
    // Why the file's VOI LUT is not applied (naming the file and the attribute); empty when it
    // is, or when the file has none.
    QString voiLutProblem() const { return m_voiLutProblem; }
    // The window on screen in the image's unit ("VOI LUT: …" while the file's curve is), and the
    // value under an image point ("-742 HU", "1234"); empty outside the image or without 16-bit
    // values.
    QString windowText() const;
    QString valueText(const QPointF &imagePoint) const;
    // A window-presets.json of the user that could not be read (then the built-in list is used).
    QString presetCatalogProblem() const { return m_presetProblem; }
    QAction *presetAction(int index) const { return m_presetActions.value(index); }

    // The slices of a DICOM sample: the frames of its file, or the series of its folder (0-based;
    // 1 for any other sample). The series is opened in the background when the sample is shown.
    int sliceCount() const;
    int currentSlice() const { return m_currentSlice; }
    int sampleSlice() const { return m_sampleSlice; }
    // Steps to a slice (PgDn / PgUp, Shift+wheel). Objects show on their frame's slice; a 2-D
    // heatmap on the prediction's frame, a heatmap of several frames on each of its frames.
    void showSlice(int index);
    // The frame of the sample on the slice on screen (from 0), or -1 for a slice of the series
    // that is another file; what a new object is drawn on.
    int currentFrame() const { return frameOfSlice(m_currentSlice); }
    // The slices (from 0) that hold a predicted object, or the prediction's own frame.
    QList<int> slicesWithPredictions() const;
    // What the slice on screen shows: its objects (boxes, polygons, masks) and whether the
    // heatmap is shown, and the frame of the heatmap held.
    int shownObjectCount() const;
    bool isHeatmapShown() const;
    int heatmapFrame() const { return m_heatmapData.field.frame; }
    QString frameProblem() const { return m_frameProblem; }
    // The file behind what is on screen: the slice's own file in a series, else the sample's.
    QString shownFilePath() const;
    // Waits until the sample's series is open (tests only).
    void waitForSeries();
    // Waits for the heatmap frame of the slice on screen (tests only).
    void waitForHeatmapFrame();

    double zoom() const; // screen pixels per sample pixel
    bool isFitting() const { return m_fitting; }
    QString placeholderText() const;
    bool isShowingFeatures() const { return m_features != nullptr; }

    // The view's actions with their default shortcuts (H toggles the heatmap, +/- zoom,
    // Ctrl+0 fits, Ctrl+1 shows 1:1); they act while the view's window is active.
    QAction *action(Action which) const;

    // Waits for a pending colour map change (tests only).
    void waitForRecolouring();

public slots:
    void zoomIn();
    void zoomOut();
    void fitToView();
    void showActualSize();
    void toggleHeatmap();

signals:
    void sampleChanged();
    void zoomChanged(double zoom);
    void heatmapVisibleChanged(bool visible);
    void heatmapOpacityChanged(double opacity);
    void colourMapChanged(Boucle::ColourMap map);
    void windowLevelChanged(const Boucle::WindowLevel &window);
    void sliceChanged(int index, int count);
    // The value under the pointer, as valueText() says it.
    void pointedValueChanged(const QString &text);
    void objectKindVisibleChanged(Boucle::SampleView::ObjectKind kind, bool visible);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void resizeEvent(QResizeEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void createActions();
    void resetScene();
    void setContentRect(const QRectF &rect);
    void zoomBy(double factor);
    void updateLayerVisibility();
    void clearObjects();
    bool editsInput() const;
    void updateEditCursor(const QPointF &point);
    void recolourHeatmap();
    void refreshPresetActions();
    void seriesOpened();
    void displaySlice(int index);
    int frameOfSlice(int slice) const;
    int sliceOfFrame(int frame) const;
    void showFrameObjects();
    void showHeatmapFrame();
    void applyImageWindow(const DecodedImage &image);
    // The decoded image on screen: the sample's, or the slice's being looked at.
    const DecodedImage *shownImage() const;
    QGraphicsItemGroup *group(ObjectKind kind) const;

    QGraphicsScene *m_scene;
    PyramidItem *m_image;
    PyramidItem *m_heatmap;
    QGraphicsItemGroup *m_boxes;
    QGraphicsItemGroup *m_polygons;
    QGraphicsItemGroup *m_masks;
    QGraphicsItem *m_features = nullptr;
    ObjectEditor *m_editor;
    ObjectEditItem *m_editItem;
    bool m_editing = false;
    QHash<Action, QAction *> m_actions;

    std::shared_ptr<const PreparedSample> m_sample;
    ColouredHeatmap m_heatmapData;
    QFutureWatcher<ColouredHeatmap> m_recolouring;
    quint64 m_serial = 0; // changes with every shown sample; stale recolourings are dropped

    QRectF m_contentRect;
    bool m_fitting = true;
    bool m_predictionsVisible = true;
    bool m_heatmapVisible = true;
    double m_heatmapOpacity = 0.5;
    ColourMap m_colourMap = ColourMap::Viridis;
    QHash<ObjectKind, bool> m_kindVisible;
    QHash<ObjectKind, int> m_objectCounts;
    WindowLevel m_window;
    Grey16Statistics m_statistics;
    // A window the reviewer chose stays for the next 16-bit samples (a CT series is read with one
    // window); a per-image preset (auto, data range) is recomputed for each sample.
    std::optional<WindowLevel> m_chosenWindow;
    std::optional<WindowPreset> m_chosenPreset;
    std::optional<WindowLevel> m_chosenNamedWindow; // in modality units
    // No window chosen, and the image on screen has a VOI LUT: its curve is shown.
    bool m_showsFileCurve = false;
    QString m_voiLutProblem;
    WindowPresetCatalog m_presetCatalog;
    QString m_presetProblem;
    QList<QAction *> m_presetActions;

    // Slices of a DICOM sample.
    struct SeriesOpening
    {
        std::optional<DicomSeries> series;
        int slice = 0;
    };
    QFutureWatcher<SeriesOpening> m_seriesOpening;
    DicomSlicePrefetcher *m_slices = nullptr;
    DicomSeries m_series;
    int m_sliceCount = 1;
    int m_currentSlice = 0;
    int m_sampleSlice = 0;
    int m_sampleFrame = 0; // the frame the sample opened on (the prediction's)
    // The sample's own frames are the slices (a multi-frame file, a DICOMDIR); otherwise the
    // sample is one slice of a folder's series and has one frame.
    bool m_framesAreSlices = false;
    QList<ReviewedObject> m_reviewedObjects; // every frame's, while editing
    QString m_frameProblem;                  // the log named a frame the sample lacks
    QFutureWatcher<ColouredHeatmap> m_heatmapFrameLoading;
    std::shared_ptr<const DecodedImage> m_sliceImage; // the slice on screen when not the sample's
    QString m_heatmapNote;
    QString m_placeholderTitle;
    QString m_placeholderDetail;
    QString m_fileNotice;

    bool m_windowDragging = false;
    QPoint m_dragStart;
    WindowLevel m_dragStartWindow;
};

} // namespace Boucle
