#include "sampleview/sampleview.h"

#include "editing/objecteditor.h"
#include "imaging/dicomsliceprefetcher.h"
#include "sampleview/featurechartitem.h"
#include "sampleview/objectedititem.h"
#include "sampleview/objectlabelitem.h"
#include "sampleview/pyramiditem.h"

#include <QAction>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGraphicsItemGroup>
#include <QGraphicsPixmapItem>
#include <QGraphicsPolygonItem>
#include <QGraphicsRectItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextOption>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace Boucle {

namespace {

constexpr double minimumZoom = 1.0 / 64;
constexpr double maximumZoom = 64;
constexpr double zoomStep = 1.25;
// The frame of a multi-frame sample an object item lies on (QGraphicsItem::data).
constexpr int frameDataKey = 0;
constexpr int shapeDataKey = 1; // the object's own shape, not its caption

// The level sizes a coloured heatmap was made for, to colour it (or another frame) again.
QList<QSize> levelSizesOf(const ColouredHeatmap &heatmap)
{
    QList<QSize> sizes;
    for (const QImage &level : heatmap.levels)
        sizes.append(level.isNull() ? QSize() : level.size());
    // A skipped level 0 still has the sample's size.
    if (!sizes.isEmpty())
        sizes[0] = heatmap.sampleSize;
    return sizes;
}

// Distinct, colour-blind-friendly hues (Okabe–Ito, plus two); one per label, stable across runs.
QColor colourForLabel(const QString &label)
{
    static const QList<QColor> palette
            = {QColor(230, 159, 0),   QColor(86, 180, 233),  QColor(0, 158, 115),
               QColor(240, 228, 66),  QColor(0, 114, 178),   QColor(213, 94, 0),
               QColor(204, 121, 167), QColor(255, 255, 255), QColor(170, 255, 120)};
    return palette[qHash(label) % palette.size()];
}

QString objectCaption(const QString &label, double score)
{
    return QStringLiteral("%1 %2").arg(label, QString::number(score, 'f', 2));
}

} // namespace

SampleView::SampleView(QWidget *parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
    , m_image(new PyramidItem)
    , m_heatmap(new PyramidItem)
    , m_boxes(new QGraphicsItemGroup)
    , m_polygons(new QGraphicsItemGroup)
    , m_masks(new QGraphicsItemGroup)
    , m_editor(new ObjectEditor(this))
    , m_editItem(new ObjectEditItem(*m_editor))
{
    setScene(m_scene);
    setBackgroundBrush(QColor(38, 38, 40));
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setRenderHint(QPainter::Antialiasing, true);
    setOptimizationFlag(QGraphicsView::DontAdjustForAntialiasing, true);
    setFocusPolicy(Qt::StrongFocus);
    // The edit layer follows the pointer without a button: cursor shapes, the brush, the
    // polygon being drawn.
    viewport()->setMouseTracking(true);

    m_heatmap->setSmoothField(true);
    m_image->setZValue(0);
    m_heatmap->setZValue(1);
    m_masks->setZValue(2);
    m_polygons->setZValue(3);
    m_boxes->setZValue(4);
    for (QGraphicsItem *item :
         {static_cast<QGraphicsItem *>(m_image), static_cast<QGraphicsItem *>(m_heatmap),
          static_cast<QGraphicsItem *>(m_masks), static_cast<QGraphicsItem *>(m_polygons),
          static_cast<QGraphicsItem *>(m_boxes)})
        m_scene->addItem(item);
    m_heatmap->setOpacity(m_heatmapOpacity);
    // The edit layer lies over everything and repaints only what the editor changed.
    m_editItem->setZValue(5);
    m_editItem->setVisible(false);
    m_scene->addItem(m_editItem);
    connect(m_editor, &ObjectEditor::changed, this,
            [this](const QRectF &region) { m_editItem->updateRegion(region, zoom()); });
    connect(this, &SampleView::zoomChanged, this, [this](double scale) {
        m_editor->setScale(scale);
        m_editItem->setArea(m_contentRect, ObjectOverlayPainter::screenMargin / scale);
    });
    for (ObjectKind kind : {ObjectKind::Boxes, ObjectKind::Polygons, ObjectKind::Masks})
        m_kindVisible.insert(kind, true);

    connect(&m_recolouring, &QFutureWatcher<ColouredHeatmap>::finished, this, [this] {
        if (m_recolouring.property("serial").toULongLong() != m_serial)
            return;
        const ColouredHeatmap coloured = m_recolouring.result();
        if (coloured.colourMap != m_colourMap)
            return; // another change is under way
        m_heatmapData = coloured;
        m_heatmap->setLevels(coloured.sampleSize, coloured.levels);
    });
    connect(&m_heatmapFrameLoading, &QFutureWatcher<ColouredHeatmap>::finished, this, [this] {
        if (m_heatmapFrameLoading.property("serial").toULongLong() != m_serial)
            return;
        const ColouredHeatmap coloured = m_heatmapFrameLoading.result();
        if (coloured.colourMap != m_colourMap)
            return; // another change is under way
        m_heatmapData = coloured;
        if (!coloured.field.error.isEmpty()) {
            m_heatmapNote = tr("Heatmap not shown. %1").arg(coloured.field.error);
            m_heatmap->clear();
        } else {
            m_heatmapNote.clear();
            m_heatmap->setLevels(coloured.sampleSize, coloured.levels);
        }
        updateLayerVisibility();
    });
    m_presetCatalog = WindowPresetCatalog::load(&m_presetProblem);
    m_slices = new DicomSlicePrefetcher(this);
    connect(m_slices, &DicomSlicePrefetcher::sliceReady, this, [this](int index) {
        if (index == m_currentSlice && index != m_sampleSlice)
            displaySlice(index);
    });
    connect(&m_seriesOpening, &QFutureWatcher<SeriesOpening>::finished, this,
            &SampleView::seriesOpened);
    createActions();
}

SampleView::~SampleView()
{
    m_recolouring.waitForFinished();
    m_heatmapFrameLoading.waitForFinished();
    m_seriesOpening.waitForFinished();
}

void SampleView::createActions()
{
    const auto make = [this](Action which, const QString &text, const QList<QKeySequence> &keys,
                             bool checkable) {
        auto *action = new QAction(text, this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        action->setCheckable(checkable);
        addAction(action);
        m_actions.insert(which, action);
        return action;
    };
    connect(make(Action::ZoomIn, tr("Zoom in"),
                 {QKeySequence::ZoomIn, QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)},
                 false),
            &QAction::triggered, this, &SampleView::zoomIn);
    connect(make(Action::ZoomOut, tr("Zoom out"),
                 {QKeySequence::ZoomOut, QKeySequence(Qt::Key_Minus)}, false),
            &QAction::triggered, this, &SampleView::zoomOut);
    QAction *fit
            = make(Action::Fit, tr("Fit to window"), {QKeySequence(Qt::CTRL | Qt::Key_0)}, false);
    connect(fit, &QAction::triggered, this, &SampleView::fitToView);
    QAction *actualSize = make(Action::ActualSize, tr("Actual size (1:1)"),
                               {QKeySequence(Qt::CTRL | Qt::Key_1)}, false);
    connect(actualSize, &QAction::triggered, this, &SampleView::showActualSize);
    // A toolbar has less room than a menu: a translation may say these shorter there.
    fit->setIconText(tr("Fit to window", "toolbar button"));
    actualSize->setIconText(tr("Actual size (1:1)", "toolbar button"));

    QAction *heatmap
            = make(Action::ToggleHeatmap, tr("Show heatmap"), {QKeySequence(Qt::Key_H)}, true);
    heatmap->setChecked(m_heatmapVisible);
    connect(heatmap, &QAction::toggled, this, &SampleView::setHeatmapVisible);
    connect(this, &SampleView::heatmapVisibleChanged, heatmap, &QAction::setChecked);

    const QList<std::pair<ObjectKind, std::pair<Action, QString>>> kinds
            = {{ObjectKind::Boxes, {Action::ToggleBoxes, tr("Show boxes")}},
               {ObjectKind::Polygons, {Action::TogglePolygons, tr("Show polygons")}},
               {ObjectKind::Masks, {Action::ToggleMasks, tr("Show masks")}}};
    for (const auto &[kind, entry] : kinds) {
        QAction *toggle = make(entry.first, entry.second, {}, true);
        toggle->setChecked(true);
        connect(toggle, &QAction::toggled, this,
                [this, kind = kind](bool visible) { setObjectKindVisible(kind, visible); });
    }
    connect(this, &SampleView::objectKindVisibleChanged, this,
            [this](ObjectKind kind, bool visible) {
                const Action which = kind == ObjectKind::Boxes      ? Action::ToggleBoxes
                                     : kind == ObjectKind::Polygons ? Action::TogglePolygons
                                                                    : Action::ToggleMasks;
                m_actions.value(which)->setChecked(visible);
            });

    // Slices of a DICOM sample; enabled only while there are several, so that elsewhere the
    // keys keep their usual meaning (paging a list).
    QAction *next
            = make(Action::NextSlice, tr("Next slice"), {QKeySequence(Qt::Key_PageDown)}, false);
    connect(next, &QAction::triggered, this, [this] { showSlice(m_currentSlice + 1); });
    QAction *previous = make(Action::PreviousSlice, tr("Previous slice"),
                             {QKeySequence(Qt::Key_PageUp)}, false);
    connect(previous, &QAction::triggered, this, [this] { showSlice(m_currentSlice - 1); });
    next->setEnabled(false);
    previous->setEnabled(false);

    for (int i = 0; i < presetKeyCount; ++i) {
        auto *preset = new QAction(this);
        preset->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        preset->setShortcutContext(Qt::WindowShortcut);
        addAction(preset);
        connect(preset, &QAction::triggered, this, [this, i] {
            const auto presets = namedWindows();
            if (i < presets.size())
                applyNamedWindow(presets.at(i));
        });
        m_presetActions.append(preset);
    }
    refreshPresetActions();
}

void SampleView::refreshPresetActions()
{
    const auto presets = namedWindows();
    const bool offset = namedWindowsAssumeOffset();
    for (int i = 0; i < m_presetActions.size(); ++i) {
        QAction *action = m_presetActions.at(i);
        if (i < presets.size()) {
            const NamedWindow &preset = presets.at(i);
            action->setText(offset ? tr("%1 (%2/%3, as HU + 1024)")
                                             .arg(preset.name)
                                             .arg(preset.window.width)
                                             .arg(preset.window.centre)
                                   : tr("%1 (%2/%3)")
                                             .arg(preset.name)
                                             .arg(preset.window.width)
                                             .arg(preset.window.centre));
            action->setEnabled(true);
        } else {
            action->setText(tr("Window preset %1").arg(i + 1));
            action->setEnabled(false);
        }
        action->setVisible(i < presets.size());
    }
    const bool slices = sliceCount() > 1;
    for (Action which : {Action::NextSlice, Action::PreviousSlice}) {
        if (QAction *action = m_actions.value(which))
            action->setEnabled(slices);
    }
}

QAction *SampleView::action(Action which) const
{
    return m_actions.value(which);
}

QGraphicsItemGroup *SampleView::group(ObjectKind kind) const
{
    switch (kind) {
    case ObjectKind::Boxes:
        return m_boxes;
    case ObjectKind::Polygons:
        return m_polygons;
    case ObjectKind::Masks:
        return m_masks;
    }
    return m_boxes;
}

void SampleView::resetScene()
{
    ++m_serial;
    m_sample.reset();
    m_image->clear();
    m_heatmap->clear();
    m_heatmapData = ColouredHeatmap();
    m_heatmapNote.clear();
    clearObjects();
    stopEditing();
    delete m_features;
    m_features = nullptr;
    m_placeholderTitle.clear();
    m_placeholderDetail.clear();
    m_fileNotice.clear();
    m_statistics = Grey16Statistics();
    m_series = DicomSeries();
    m_slices->setSeries(DicomSeries());
    m_sliceCount = 1;
    m_currentSlice = 0;
    m_sampleSlice = 0;
    m_sampleFrame = 0;
    m_framesAreSlices = false;
    m_frameProblem.clear();
    m_voiLutProblem.clear();
    m_showsFileCurve = false;
    m_reviewedObjects.clear();
    m_sliceImage.reset();
    refreshPresetActions();
}

void SampleView::setFileNotice(const QString &sentence)
{
    if (sentence == m_fileNotice)
        return;
    m_fileNotice = sentence;
    viewport()->update();
}

void SampleView::clearObjects()
{
    for (QGraphicsItemGroup *kindGroup : {m_boxes, m_polygons, m_masks}) {
        const QList<QGraphicsItem *> children = kindGroup->childItems();
        for (QGraphicsItem *child : children)
            delete child;
    }
    m_objectCounts.clear();
}

void SampleView::setContentRect(const QRectF &rect)
{
    m_contentRect = rect;
    m_scene->setSceneRect(rect);
    if (m_fitting || rect.isEmpty())
        fitToView();
}

void SampleView::clear()
{
    resetScene();
    setContentRect(QRectF());
    viewport()->update();
    emit sampleChanged();
}

void SampleView::showSample(std::shared_ptr<const PreparedSample> sample)
{
    resetScene();
    if (!sample) {
        setContentRect(QRectF());
        emit sampleChanged();
        return;
    }
    const DecodedImage &image = sample->image;
    if (!image.error.isEmpty()) {
        showPlaceholder(tr("This sample cannot be shown"), image.error);
        return;
    }
    m_sample = sample;
    m_image->setLevels(image.storedSize, image.levels);
    m_image->setOrientation(image.orientation);
    applyImageWindow(image);
    m_sliceCount = std::max(1, image.frameCount);
    m_currentSlice = m_sampleSlice = std::clamp(image.frameIndex, 0, m_sliceCount - 1);
    m_sampleFrame = image.frameIndex;
    m_framesAreSlices = image.frameCount > 1;
    m_frameProblem = image.frameProblem;
    m_voiLutProblem = image.voiLutProblem;
    // A DICOM sample's slices (its frames, or the other files of its series) are found in the
    // background: reading the headers of a folder takes longer than a key press should wait.
    const QString path = image.path;
    const bool ownFrames = image.frameCount > 1;
    const int frame = image.frameIndex;
    m_seriesOpening.setProperty("serial", QVariant::fromValue(m_serial));
    m_seriesOpening.setFuture(QtConcurrent::run([path, ownFrames, frame] {
        SeriesOpening opening;
        if (!DicomSeries::isDicomPath(path))
            return opening;
        QString error;
        if (ownFrames
            || QFileInfo(path).fileName().compare(QLatin1String("DICOMDIR"), Qt::CaseInsensitive)
                       == 0) {
            opening.series = DicomSeries::open(path, &error);
            opening.slice = frame;
        } else {
            opening.series = DicomSeries::openSeriesOf(path, &error, &opening.slice);
        }
        return opening;
    }));
    refreshPresetActions();
    setHeatmap(sample->heatmap);
    setContentRect(QRectF(QPointF(0, 0), QSizeF(image.size)));
    updateLayerVisibility();
    viewport()->update();
    emit sampleChanged();
}

void SampleView::showPlaceholder(const QString &title, const QString &detail)
{
    resetScene();
    m_placeholderTitle = title;
    m_placeholderDetail = detail;
    setContentRect(QRectF());
    viewport()->update();
    emit sampleChanged();
}

QString SampleView::placeholderText() const
{
    if (m_placeholderTitle.isEmpty())
        return {};
    return m_placeholderTitle + QLatin1Char('\n') + m_placeholderDetail;
}

void SampleView::showFeatures(const QVector<float> &values, const QStringList &names)
{
    resetScene();
    m_features = new FeatureChartItem(values, names);
    m_scene->addItem(m_features);
    m_fitting = true;
    setContentRect(m_features->boundingRect());
    viewport()->update();
    emit sampleChanged();
}

void SampleView::setObjects(const QList<PredictedObject> &objects)
{
    for (QGraphicsItemGroup *kindGroup : {m_boxes, m_polygons}) {
        const QList<QGraphicsItem *> children = kindGroup->childItems();
        for (QGraphicsItem *child : children)
            delete child;
    }
    m_objectCounts.remove(ObjectKind::Boxes);
    m_objectCounts.remove(ObjectKind::Polygons);
    for (const PredictedObject &object : objects) {
        const QColor colour = colourForLabel(object.label);
        QPen pen(colour, 2);
        pen.setCosmetic(true); // the same width on screen at any zoom
        QGraphicsItem *shape = nullptr;
        QPointF anchor;
        if (object.shape == PredictedObject::Shape::Box) {
            auto *rect = new QGraphicsRectItem(object.box);
            rect->setPen(pen);
            m_boxes->addToGroup(rect);
            shape = rect;
            anchor = object.box.topLeft();
        } else if (object.shape == PredictedObject::Shape::Polygon && !object.polygon.isEmpty()) {
            auto *polygon = new QGraphicsPolygonItem(object.polygon);
            polygon->setPen(pen);
            QColor fill = colour;
            fill.setAlpha(60);
            polygon->setBrush(fill);
            m_polygons->addToGroup(polygon);
            shape = polygon;
            anchor = object.polygon.boundingRect().topLeft();
        }
        if (!shape)
            continue;
        const ObjectKind kind = object.shape == PredictedObject::Shape::Box ? ObjectKind::Boxes
                                                                            : ObjectKind::Polygons;
        m_objectCounts[kind] += 1;
        auto *label = new ObjectLabelItem(objectCaption(object.label, object.score), colour);
        label->setPos(anchor);
        shape->setData(frameDataKey, object.page);
        shape->setData(shapeDataKey, true);
        label->setData(frameDataKey, object.page);
        (object.shape == PredictedObject::Shape::Box ? m_boxes : m_polygons)->addToGroup(label);
    }
    updateLayerVisibility();
}

void SampleView::setMasks(const QList<ObjectMask> &masks)
{
    const QList<QGraphicsItem *> children = m_masks->childItems();
    for (QGraphicsItem *child : children)
        delete child;
    m_objectCounts.remove(ObjectKind::Masks);
    for (const ObjectMask &mask : masks) {
        if (mask.mask.isNull() || mask.rect.isEmpty())
            continue;
        const QColor colour = colourForLabel(mask.label);
        const QImage grey = mask.mask.convertToFormat(QImage::Format_Grayscale8);
        QImage tinted(grey.size(), QImage::Format_ARGB32_Premultiplied);
        const QRgb inside = qPremultiply(qRgba(colour.red(), colour.green(), colour.blue(), 110));
        for (int y = 0; y < grey.height(); ++y) {
            const uchar *in = grey.constScanLine(y);
            auto *out = reinterpret_cast<QRgb *>(tinted.scanLine(y));
            for (int x = 0; x < grey.width(); ++x)
                out[x] = in[x] ? inside : 0;
        }
        auto *item = new QGraphicsPixmapItem(QPixmap::fromImage(tinted));
        item->setTransformationMode(Qt::FastTransformation);
        item->setPos(mask.rect.topLeft());
        item->setTransform(QTransform::fromScale(mask.rect.width() / grey.width(),
                                                 mask.rect.height() / grey.height()));
        m_masks->addToGroup(item);
        m_objectCounts[ObjectKind::Masks] += 1;
        auto *label = new ObjectLabelItem(objectCaption(mask.label, mask.score), colour);
        label->setPos(mask.rect.topLeft());
        item->setData(frameDataKey, mask.page);
        item->setData(shapeDataKey, true);
        label->setData(frameDataKey, mask.page);
        m_masks->addToGroup(label);
    }
    updateLayerVisibility();
}

void SampleView::setReviewedObjects(const QList<ReviewedObject> &objects)
{
    clearObjects();
    m_editing = true;
    for (const ReviewedObject &object : objects) {
        switch (object.object.shape) {
        case PredictedObject::Shape::Box:
            m_objectCounts[ObjectKind::Boxes] += 1;
            break;
        case PredictedObject::Shape::Polygon:
            m_objectCounts[ObjectKind::Polygons] += 1;
            break;
        case PredictedObject::Shape::Mask:
            m_objectCounts[ObjectKind::Masks] += 1;
            break;
        case PredictedObject::Shape::Span:
            break;
        }
    }
    m_editor->setImageSize(m_contentRect.size().toSize());
    m_editor->setScale(zoom());
    m_editItem->setArea(m_contentRect, ObjectOverlayPainter::screenMargin / zoom());
    m_reviewedObjects = objects;
    showFrameObjects();
    m_editItem->update();
    updateLayerVisibility();
}

void SampleView::showFrameObjects()
{
    if (!m_editing)
        return;
    // The editor holds the objects of the frame on screen, as a document page's editor does.
    const int frame = currentFrame();
    QList<ReviewedObject> onFrame;
    for (const ReviewedObject &object : std::as_const(m_reviewedObjects)) {
        const int objectFrame = m_framesAreSlices ? object.object.page : 0;
        if (frame >= 0 && objectFrame == frame)
            onFrame.append(object);
    }
    m_editor->setObjects(onFrame);
}

void SampleView::stopEditing()
{
    if (!m_editing)
        return;
    m_editing = false;
    m_editor->clear();
    m_editItem->setVisible(false);
    viewport()->setCursor(Qt::OpenHandCursor);
}

bool SampleView::editsInput() const
{
    return m_editing && m_predictionsVisible;
}

QPointF SampleView::imagePoint(const QPointF &viewportPosition) const
{
    // mapToScene() takes whole viewport pixels; the transform keeps the fraction a pointer
    // (or a high-DPI screen) gives.
    return viewportTransform().inverted().map(viewportPosition);
}

int SampleView::objectCount(ObjectKind kind) const
{
    return m_objectCounts.value(kind);
}

void SampleView::setObjectKindVisible(ObjectKind kind, bool visible)
{
    if (m_kindVisible.value(kind) == visible)
        return;
    m_kindVisible.insert(kind, visible);
    updateLayerVisibility();
    emit objectKindVisibleChanged(kind, visible);
}

bool SampleView::isObjectKindVisible(ObjectKind kind) const
{
    return m_kindVisible.value(kind);
}

void SampleView::setPredictionsVisible(bool visible)
{
    if (m_predictionsVisible == visible)
        return;
    m_predictionsVisible = visible;
    updateLayerVisibility();
}

int SampleView::frameOfSlice(int slice) const
{
    if (m_framesAreSlices)
        return slice;
    return slice == m_sampleSlice ? 0 : -1;
}

int SampleView::sliceOfFrame(int frame) const
{
    if (m_framesAreSlices)
        return frame;
    return frame == 0 ? m_sampleSlice : -1;
}

QList<int> SampleView::slicesWithPredictions() const
{
    QList<int> slices;
    const auto add = [&](int frame) {
        const int slice = sliceOfFrame(m_framesAreSlices ? frame : 0);
        if (slice >= 0 && !slices.contains(slice))
            slices.append(slice);
    };
    add(m_sampleFrame);
    for (const QGraphicsItemGroup *kindGroup : {m_boxes, m_polygons, m_masks}) {
        const QList<QGraphicsItem *> children = kindGroup->childItems();
        for (const QGraphicsItem *child : children)
            add(child->data(frameDataKey).toInt());
    }
    for (const ReviewedObject &object : m_reviewedObjects)
        add(object.object.page);
    std::sort(slices.begin(), slices.end());
    return slices;
}

int SampleView::shownObjectCount() const
{
    int count = 0;
    for (const QGraphicsItemGroup *kindGroup : {m_boxes, m_polygons, m_masks}) {
        const QList<QGraphicsItem *> children = kindGroup->childItems();
        for (const QGraphicsItem *child : children)
            count += child->data(shapeDataKey).toBool() && child->isVisible() ? 1 : 0;
    }
    if (m_editing && m_editItem->isVisible())
        count += int(m_editor->objects().size());
    return count;
}

bool SampleView::isHeatmapShown() const
{
    return m_heatmap->isVisible() && !m_heatmap->isEmpty();
}

void SampleView::showHeatmapFrame()
{
    // A heatmap of several frames is read a frame at a time, as the reader reaches it.
    const HeatmapField &field = m_heatmapData.field;
    const int frame = currentFrame();
    if (field.frames <= 1 || frame < 0 || frame >= field.frames || field.frame == frame
        || field.path.isEmpty())
        return;
    const QList<QSize> sizes = levelSizesOf(m_heatmapData);
    const QString path = field.path;
    const bool fade = m_heatmapData.fadeLowValues;
    const ColourMap map = m_colourMap;
    m_heatmapFrameLoading.setProperty("serial", QVariant::fromValue<qulonglong>(m_serial));
    m_heatmapFrameLoading.setFuture(QtConcurrent::run([path, frame, map, sizes, fade] {
        return colourHeatmap(HeatmapField::read(path, HeatmapScaling::Auto, frame), map, sizes,
                             fade);
    }));
}

void SampleView::waitForHeatmapFrame()
{
    m_heatmapFrameLoading.waitForFinished();
    QCoreApplication::sendPostedEvents(&m_heatmapFrameLoading);
}

void SampleView::updateLayerVisibility()
{
    // Each object shows on its frame's slice; a 2-D heatmap on the prediction's frame, a heatmap
    // of several frames on the frame it was read for.
    const bool shown = m_predictionsVisible;
    const int frame = currentFrame();
    for (ObjectKind kind : {ObjectKind::Boxes, ObjectKind::Polygons, ObjectKind::Masks}) {
        QGraphicsItemGroup *kindGroup = group(kind);
        kindGroup->setVisible(shown && m_kindVisible.value(kind));
        const QList<QGraphicsItem *> children = kindGroup->childItems();
        for (QGraphicsItem *child : children) {
            const int objectFrame = m_framesAreSlices ? child->data(frameDataKey).toInt() : 0;
            child->setVisible(frame >= 0 && objectFrame == frame);
        }
    }
    const HeatmapField &field = m_heatmapData.field;
    const bool heatmapHere = field.frames > 1 ? field.frame == frame : frame == m_sampleFrame;
    m_heatmap->setVisible(shown && m_heatmapVisible && !m_heatmap->isEmpty() && heatmapHere);
    m_editItem->setVisible(m_editing && shown && frame >= 0);
    m_editor->setShapeVisible(PredictedObject::Shape::Box, m_kindVisible.value(ObjectKind::Boxes));
    m_editor->setShapeVisible(PredictedObject::Shape::Polygon,
                              m_kindVisible.value(ObjectKind::Polygons));
    m_editor->setShapeVisible(PredictedObject::Shape::Mask, m_kindVisible.value(ObjectKind::Masks));
    viewport()->update();
}

void SampleView::setHeatmap(const ColouredHeatmap &heatmap)
{
    m_heatmapData = heatmap;
    m_heatmapNote.clear();
    if (!heatmap.field.error.isEmpty())
        m_heatmapNote = tr("Heatmap not shown. %1").arg(heatmap.field.error);
    const QSize sampleSize = m_image->isEmpty() ? heatmap.sampleSize : m_image->orientedSize();
    if (!heatmap.isNull() && heatmap.sampleSize != sampleSize) {
        m_heatmapNote = tr("Heatmap not shown: it was prepared for another image size.");
        m_heatmap->clear();
    } else {
        m_heatmap->setLevels(heatmap.sampleSize, heatmap.levels);
    }
    if (!heatmap.isNull() && heatmap.colourMap != m_colourMap)
        recolourHeatmap(); // prepared before the reviewer picked another map
    updateLayerVisibility();
}

bool SampleView::hasHeatmap() const
{
    return !m_heatmap->isEmpty();
}

void SampleView::setHeatmapVisible(bool visible)
{
    if (m_heatmapVisible == visible)
        return;
    m_heatmapVisible = visible;
    updateLayerVisibility();
    emit heatmapVisibleChanged(visible);
}

void SampleView::toggleHeatmap()
{
    setHeatmapVisible(!m_heatmapVisible);
}

void SampleView::setHeatmapOpacity(double opacity)
{
    opacity = std::clamp(opacity, 0.0, 1.0);
    if (qFuzzyCompare(m_heatmapOpacity, opacity))
        return;
    m_heatmapOpacity = opacity;
    m_heatmap->setOpacity(opacity);
    emit heatmapOpacityChanged(opacity);
}

void SampleView::setColourMap(ColourMap map)
{
    if (map == m_colourMap)
        return;
    m_colourMap = map;
    emit colourMapChanged(map);
    recolourHeatmap();
}

void SampleView::recolourHeatmap()
{
    if (m_heatmapData.isNull() || !m_heatmapData.field.isValid())
        return;
    const QList<QSize> sizes = levelSizesOf(m_heatmapData);
    const HeatmapField field = m_heatmapData.field;
    const bool fade = m_heatmapData.fadeLowValues;
    const ColourMap map = m_colourMap;
    m_recolouring.setProperty("serial", QVariant::fromValue<qulonglong>(m_serial));
    m_recolouring.setFuture(QtConcurrent::run(
            [field, map, sizes, fade] { return colourHeatmap(field, map, sizes, fade); }));
}

void SampleView::waitForRecolouring()
{
    m_recolouring.waitForFinished();
    QCoreApplication::sendPostedEvents(&m_recolouring);
}

bool SampleView::hasWindowLevel() const
{
    return m_image->hasWindowLevel();
}

void SampleView::applyImageWindow(const DecodedImage &image)
{
    if (!image.hasWindowLevel())
        return;
    m_image->setGrey16Levels(image.grey16Levels, image.window,
                             image.mappedWithFileCurve ? image.fileCurve : nullptr);
    m_statistics = image.statistics;
    m_window = image.window;
    m_showsFileCurve = false;
    if (m_chosenWindow) {
        m_window = *m_chosenWindow;
    } else if (m_chosenPreset) {
        m_window = windowForPreset(*m_chosenPreset, m_statistics, image.modality);
    } else if (m_chosenNamedWindow) {
        const ModalityMapping mapping
                = image.modality.unit.isEmpty()
                          ? ModalityMapping {1.0, -1024.0, QStringLiteral("HU")}
                          : image.modality;
        m_window = mapping.windowToRaw(*m_chosenNamedWindow);
    } else if (image.fileCurve) {
        m_showsFileCurve = true;
    }
    if (m_showsFileCurve)
        m_image->setCurve(image.fileCurve);
    else
        m_image->setWindowLevel(m_window);
}

const DecodedImage *SampleView::shownImage() const
{
    if (!m_sample)
        return nullptr;
    return (m_sliceImage && m_currentSlice != m_sampleSlice) ? m_sliceImage.get()
                                                             : &m_sample->image;
}

ModalityMapping SampleView::modalityMapping() const
{
    return m_sample ? m_sample->image.modality : ModalityMapping();
}

QList<NamedWindow> SampleView::namedWindows() const
{
    if (!hasWindowLevel())
        return {};
    const ModalityMapping mapping = modalityMapping();
    // The catalog is keyed by modality; what the image says of itself is its unit.
    if (mapping.isHounsfield() || mapping.unit.isEmpty())
        return m_presetCatalog.presetsFor(QStringLiteral("CT"));
    return {};
}

bool SampleView::namedWindowsAssumeOffset() const
{
    return hasWindowLevel() && modalityMapping().unit.isEmpty();
}

void SampleView::applyNamedWindow(const NamedWindow &preset)
{
    if (!hasWindowLevel())
        return;
    const ModalityMapping mapping = namedWindowsAssumeOffset()
                                            ? ModalityMapping {1.0, -1024.0, QStringLiteral("HU")}
                                            : modalityMapping();
    setWindowLevel(mapping.windowToRaw(preset.window));
    m_chosenWindow.reset();
    m_chosenNamedWindow = preset.window;
}

std::optional<WindowLevel> SampleView::fileWindow() const
{
    return m_sample ? m_sample->image.fileWindow : std::nullopt;
}

QString SampleView::fileWindowExplanation() const
{
    if (!m_sample)
        return {};
    const DecodedImage &image = m_sample->image;
    return image.fileCurve ? image.fileCurveExplanation : image.fileWindowExplanation;
}

void SampleView::applyFileWindow()
{
    const DecodedImage *image = shownImage();
    if (!image || !hasWindowLevel())
        return;
    if (!image->fileCurve) {
        if (image->fileWindow)
            setWindowLevel(*image->fileWindow);
        return;
    }
    // Nothing chosen: each sample and slice shows through its own curve, as it opens.
    m_chosenWindow.reset();
    m_chosenPreset.reset();
    m_chosenNamedWindow.reset();
    m_showsFileCurve = true;
    // A drag from here starts where it would have as the sample opened.
    m_window = image->fileWindow.value_or(image->fileCurve->window());
    m_image->setCurve(image->fileCurve);
    emit windowLevelChanged(m_window);
}

namespace {

QString modalityNumber(double value, double slope)
{
    // Whole numbers when the rescale keeps them whole (HU), else one decimal.
    const bool whole = slope == std::round(slope);
    return QString::number(whole ? std::round(value) : value, 'f', whole ? 0 : 1);
}

} // namespace

QString SampleView::windowText() const
{
    if (!hasWindowLevel())
        return {};
    if (m_showsFileCurve) {
        const DecodedImage *image = shownImage();
        const QString explanation = image ? image->fileCurveExplanation : QString();
        return explanation.isEmpty() ? tr("VOI LUT") : tr("VOI LUT: %1").arg(explanation);
    }
    const ModalityMapping mapping = modalityMapping();
    const WindowLevel shown = mapping.windowToModality(m_window);
    const QString unit = mapping.unit.isEmpty() ? QString() : QLatin1Char(' ') + mapping.unit;
    return tr("W %1 / L %2%3")
            .arg(modalityNumber(shown.width, mapping.slope),
                 modalityNumber(shown.centre, mapping.slope), unit);
}

QString SampleView::valueText(const QPointF &imagePoint) const
{
    if (!m_sample || !hasWindowLevel())
        return {};
    const DecodedImage &image = *shownImage();
    if (image.grey16Levels.isEmpty())
        return {};
    const QImage &grey = image.grey16Levels.constFirst();
    const QPointF stored = image.orientation.inverted().map(imagePoint);
    const int x = int(std::floor(stored.x()));
    const int y = int(std::floor(stored.y()));
    if (x < 0 || y < 0 || x >= grey.width() || y >= grey.height())
        return {};
    const quint16 raw = reinterpret_cast<const quint16 *>(grey.constScanLine(y))[x];
    const ModalityMapping &mapping = image.modality;
    const QString value = modalityNumber(mapping.toModality(raw), mapping.slope);
    return mapping.unit.isEmpty() ? value : value + QLatin1Char(' ') + mapping.unit;
}

QString SampleView::shownFilePath() const
{
    if (m_series.isValid() && m_currentSlice < m_series.sliceCount())
        return m_series.slice(m_currentSlice).filePath;
    return m_sample ? m_sample->image.path : QString();
}

int SampleView::sliceCount() const
{
    return m_sliceCount;
}

void SampleView::seriesOpened()
{
    if (m_seriesOpening.property("serial").toULongLong() != m_serial || !m_sample)
        return;
    const SeriesOpening opening = m_seriesOpening.result();
    if (!opening.series || opening.series->sliceCount() <= 1)
        return;
    m_series = *opening.series;
    m_sliceCount = m_series.sliceCount();
    m_sampleSlice = std::clamp(opening.slice, 0, m_sliceCount - 1);
    m_currentSlice = m_sampleSlice;
    SampleImageLoader::Options options;
    m_slices->setSeries(m_series, options);
    m_slices->setCurrent(m_currentSlice); // the neighbours, ready before the first key
    refreshPresetActions();
    viewport()->update();
    emit sliceChanged(m_currentSlice, m_sliceCount);
}

void SampleView::waitForSeries()
{
    m_seriesOpening.waitForFinished();
    QCoreApplication::sendPostedEvents(&m_seriesOpening);
    QCoreApplication::processEvents();
}

void SampleView::showSlice(int index)
{
    if (m_sliceCount <= 1 || !m_sample)
        return;
    index = std::clamp(index, 0, m_sliceCount - 1);
    if (index == m_currentSlice)
        return;
    m_currentSlice = index;
    if (m_series.isValid())
        m_slices->setCurrent(index);
    if (index == m_sampleSlice || m_slices->slice(index))
        displaySlice(index);
    showFrameObjects();
    showHeatmapFrame();
    updateLayerVisibility();
    viewport()->update();
    emit sliceChanged(m_currentSlice, m_sliceCount);
}

void SampleView::displaySlice(int index)
{
    if (!m_sample)
        return;
    std::shared_ptr<const DecodedImage> slice;
    if (index != m_sampleSlice) {
        slice = m_slices->slice(index);
        if (!slice || !slice->isValid())
            return;
    }
    m_sliceImage = slice;
    const DecodedImage &image = slice ? *slice : m_sample->image;
    m_image->setLevels(image.storedSize, image.levels);
    m_image->setOrientation(image.orientation);
    if (image.hasWindowLevel()) {
        // The window the reader chose stays from slice to slice; the file's curve is each
        // slice's own.
        m_image->setGrey16Levels(image.grey16Levels, image.window,
                                 image.mappedWithFileCurve ? image.fileCurve : nullptr);
        if (m_showsFileCurve && image.fileCurve)
            m_image->setCurve(image.fileCurve);
        else
            m_image->setWindowLevel(m_window);
    }
    updateLayerVisibility();
}

void SampleView::setWindowLevel(const WindowLevel &window)
{
    if (!hasWindowLevel())
        return;
    WindowLevel bounded = window;
    bounded.width = std::clamp(bounded.width, 1.0, 131072.0);
    bounded.centre = std::clamp(bounded.centre, -32768.0, 98304.0);
    if (bounded == m_window && !m_showsFileCurve)
        return;
    m_showsFileCurve = false;
    m_window = bounded;
    m_chosenWindow = bounded;
    m_chosenPreset.reset();
    m_chosenNamedWindow.reset();
    m_image->setWindowLevel(bounded);
    emit windowLevelChanged(bounded);
}

void SampleView::applyWindowPreset(WindowPreset preset)
{
    if (!hasWindowLevel())
        return;
    const WindowLevel window = windowForPreset(preset, m_statistics, modalityMapping());
    const bool perImage = preset == WindowPreset::Auto || preset == WindowPreset::DataRange;
    setWindowLevel(window);
    if (perImage) {
        m_chosenWindow.reset();
        m_chosenPreset = preset;
    }
}

double SampleView::zoom() const
{
    return transform().m11();
}

void SampleView::zoomBy(double factor)
{
    const double target = std::clamp(zoom() * factor, minimumZoom, maximumZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    const double applied = target / zoom();
    m_fitting = false;
    scale(applied, applied);
    emit zoomChanged(zoom());
}

void SampleView::zoomIn()
{
    zoomBy(zoomStep);
}

void SampleView::zoomOut()
{
    zoomBy(1.0 / zoomStep);
}

void SampleView::fitToView()
{
    m_fitting = true;
    if (m_contentRect.isEmpty()) {
        resetTransform();
    } else {
        fitInView(m_contentRect, Qt::KeepAspectRatio);
    }
    emit zoomChanged(zoom());
}

void SampleView::showActualSize()
{
    m_fitting = false;
    // One sample pixel per device pixel.
    const double scale = 1.0 / devicePixelRatioF();
    setTransform(QTransform::fromScale(scale, scale));
    emit zoomChanged(zoom());
}

void SampleView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitting)
        fitToView();
}

void SampleView::wheelEvent(QWheelEvent *event)
{
    if ((event->modifiers() & Qt::ShiftModifier) && m_sliceCount > 1) {
        // Shift+wheel steps through slices (some systems turn a shifted wheel sideways).
        const QPoint angle = event->angleDelta();
        const int steps = angle.y() != 0 ? angle.y() : angle.x();
        if (steps != 0)
            showSlice(m_currentSlice + (steps < 0 ? 1 : -1));
        event->accept();
        return;
    }
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    // Zoom about the point under the cursor, as in every image viewer.
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    zoomBy(std::pow(zoomStep, delta / 120.0));
    setTransformationAnchor(anchor);
    event->accept();
}

void SampleView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::RightButton && hasWindowLevel()) {
        m_windowDragging = true;
        m_dragStart = event->position().toPoint();
        m_dragStartWindow = m_window;
        viewport()->setCursor(Qt::SizeAllCursor);
        event->accept();
        return;
    }
    if (editsInput()
        && m_editor->mousePress(imagePoint(event->position()), event->button(),
                                event->modifiers())) {
        setFocus(Qt::MouseFocusReason);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void SampleView::mouseMoveEvent(QMouseEvent *event)
{
    if (hasWindowLevel())
        emit pointedValueChanged(valueText(imagePoint(event->position())));
    if (m_windowDragging) {
        // Right drag: horizontal changes the width (contrast), vertical the centre (brightness),
        // one viewport width sweeping the image's whole value range.
        const QPoint delta = event->position().toPoint() - m_dragStart;
        const double range
                = std::max(256.0, double(m_statistics.maximum) - double(m_statistics.minimum));
        const double perPixel = range / std::max(1, viewport()->width());
        WindowLevel window = m_dragStartWindow;
        window.width = std::max(1.0, window.width + delta.x() * perPixel);
        window.centre = window.centre + delta.y() * perPixel;
        setWindowLevel(window);
        event->accept();
        return;
    }
    if (editsInput()) {
        const QPointF point = imagePoint(event->position());
        if (m_editor->mouseMove(point, event->buttons())) {
            event->accept();
            return;
        }
        if (event->buttons() == Qt::NoButton)
            updateEditCursor(point);
    }
    QGraphicsView::mouseMoveEvent(event);
}

void SampleView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_windowDragging && event->button() == Qt::RightButton) {
        m_windowDragging = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    if (editsInput() && m_editor->mouseRelease(imagePoint(event->position()), event->button())) {
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void SampleView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (editsInput()
        && m_editor->mouseDoubleClick(imagePoint(event->position()), event->button())) {
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void SampleView::keyPressEvent(QKeyEvent *event)
{
    if (editsInput()
        && m_editor->keyPress(event->key(), event->modifiers(), event->isAutoRepeat())) {
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void SampleView::keyReleaseEvent(QKeyEvent *event)
{
    if (editsInput()
        && m_editor->keyRelease(event->key(), event->modifiers(), event->isAutoRepeat())) {
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

bool SampleView::focusNextPrevChild(bool next)
{
    // Tab and Shift+Tab go through the objects while they are edited.
    if (editsInput() && !m_editor->objects().isEmpty())
        return m_editor->selectNext(!next);
    return QGraphicsView::focusNextPrevChild(next);
}

void SampleView::updateEditCursor(const QPointF &point)
{
    Qt::CursorShape shape = Qt::OpenHandCursor;
    switch (m_editor->tool()) {
    case ObjectEditor::Tool::DrawBox:
    case ObjectEditor::Tool::DrawPolygon:
    case ObjectEditor::Tool::Brush:
        shape = Qt::CrossCursor;
        break;
    case ObjectEditor::Tool::Select:
        switch (m_editor->hitTest(point).part) {
        case ObjectEditor::Part::TopLeft:
        case ObjectEditor::Part::BottomRight:
            shape = Qt::SizeFDiagCursor;
            break;
        case ObjectEditor::Part::TopRight:
        case ObjectEditor::Part::BottomLeft:
            shape = Qt::SizeBDiagCursor;
            break;
        case ObjectEditor::Part::Left:
        case ObjectEditor::Part::Right:
            shape = Qt::SizeHorCursor;
            break;
        case ObjectEditor::Part::Top:
        case ObjectEditor::Part::Bottom:
            shape = Qt::SizeVerCursor;
            break;
        case ObjectEditor::Part::Inside:
            shape = Qt::SizeAllCursor;
            break;
        case ObjectEditor::Part::Vertex:
        case ObjectEditor::Part::Edge:
            shape = Qt::PointingHandCursor;
            break;
        case ObjectEditor::Part::None:
            break;
        }
        break;
    }
    if (viewport()->cursor().shape() != shape)
        viewport()->setCursor(shape);
}

void SampleView::drawForeground(QPainter *painter, const QRectF &)
{
    if (m_placeholderTitle.isEmpty() && m_heatmapNote.isEmpty() && m_fileNotice.isEmpty()
        && m_sliceCount <= 1 && m_frameProblem.isEmpty() && m_voiLutProblem.isEmpty())
        return;
    painter->save();
    painter->resetTransform();
    const QRect area = viewport()->rect();
    if ((m_sliceCount > 1 || !m_frameProblem.isEmpty() || !m_voiLutProblem.isEmpty())
        && m_placeholderTitle.isEmpty()) {
        // Where the reader is in the stack, and where the model's answers are.
        QString text = tr("Slice %1 / %2").arg(m_currentSlice + 1).arg(m_sliceCount);
        const QList<int> predicted = slicesWithPredictions();
        if (!predicted.contains(m_currentSlice) && !predicted.isEmpty()) {
            QStringList numbers;
            for (int slice : predicted.mid(0, 6))
                numbers.append(QString::number(slice + 1));
            if (predicted.size() > 6)
                numbers.append(QStringLiteral("…"));
            text += QLatin1Char('\n')
                    + (predicted.size() == 1 ? tr("predictions on slice %1 (PgUp/PgDn)")
                                             : tr("predictions on slices %1 (PgUp/PgDn)"))
                              .arg(numbers.join(QStringLiteral(", ")));
        }
        if (!m_frameProblem.isEmpty())
            text += QLatin1Char('\n') + m_frameProblem;
        // A single image with a VOI LUT that cannot be used: only the sentence.
        if (m_sliceCount <= 1 && m_frameProblem.isEmpty())
            text.clear();
        if (!m_voiLutProblem.isEmpty())
            text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + m_voiLutProblem;
        painter->setFont(font());
        const int flags = Qt::AlignRight | Qt::AlignTop | Qt::TextWordWrap;
        const QRect box = painter->boundingRect(area.adjusted(8, 8, -8, -8), flags, text);
        painter->fillRect(box.adjusted(-6, -4, 6, 4), QColor(20, 20, 22, 200));
        painter->setPen(QColor(235, 235, 235));
        painter->drawText(box, flags, text);
    }
    if (!m_fileNotice.isEmpty()) {
        // A banner across the top, over the image: what is shown may not be what was predicted.
        painter->setFont(font());
        const QRect text = painter->boundingRect(area.adjusted(12, 8, -12, -8),
                                                 Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                                                 m_fileNotice);
        painter->fillRect(QRect(area.left(), area.top(), area.width(), text.height() + 16),
                          QColor(150, 40, 30, 225));
        painter->setPen(QColor(255, 245, 235));
        painter->drawText(text, Qt::AlignLeft | Qt::TextWordWrap, m_fileNotice);
    }
    if (!m_placeholderTitle.isEmpty()) {
        const QRect box = area.adjusted(area.width() / 8, area.height() / 4, -area.width() / 8,
                                        -area.height() / 4);
        painter->setPen(QPen(QColor(220, 120, 100), 2, Qt::DashLine));
        painter->setBrush(QColor(56, 44, 44));
        painter->drawRoundedRect(box, 8, 8);
        QFont titleFont = font();
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
        titleFont.setBold(true);
        painter->setFont(titleFont);
        painter->setPen(QColor(245, 245, 245));
        const QRect inner = box.adjusted(16, 16, -16, -16);
        const QRect titleRect = painter->boundingRect(inner, Qt::AlignHCenter | Qt::TextWordWrap,
                                                      m_placeholderTitle);
        painter->drawText(inner, Qt::AlignHCenter | Qt::TextWordWrap, m_placeholderTitle);
        painter->setFont(font());
        painter->setPen(QColor(225, 215, 210));
        // Words stay whole; only a path longer than the box is broken.
        QTextOption wrap(Qt::AlignHCenter);
        wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        painter->drawText(QRectF(inner.adjusted(0, titleRect.height() + 12, 0, 0)),
                          m_placeholderDetail, wrap);
    }
    if (!m_heatmapNote.isEmpty() && m_predictionsVisible) {
        painter->setFont(font());
        const QRect note = painter->boundingRect(area.adjusted(8, 8, -8, -8),
                                                 Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap,
                                                 m_heatmapNote);
        painter->fillRect(note.adjusted(-4, -2, 4, 2), QColor(0, 0, 0, 170));
        painter->setPen(QColor(255, 210, 120));
        painter->drawText(note, Qt::AlignLeft | Qt::TextWordWrap, m_heatmapNote);
    }
    painter->restore();
}

} // namespace Boucle
