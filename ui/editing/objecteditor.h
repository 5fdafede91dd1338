// ObjectEditor: the geometry editing of one sample's objects (boxes, polygons, masks), as pure
// logic in object units (pixels of the displayed image, sub-pixel kept) with no view attached.
// A view feeds it pointer positions already mapped into object units and key presses, and paints
// what it holds (ObjectOverlayPainter); the editor says which region changed and, once per
// gesture (a mouse release, Enter, a key release), asks for one edit to be stored. It never writes
// anything itself: the owner turns each EditRequest into one ReviewSession step (applyObjectEdit)
// and gives the editor the objects as the session then reads them.
//
// The scale (screen pixels per object unit) only sizes the handles and the pick tolerance, so the
// same editor serves the sample view and a document page. GUI thread only.
#pragma once

#include "records/projectrecords.h"
#include "review/objectreview.h"
#include "store/storeerror.h"

#include <QImage>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QSize>

#include <optional>

namespace Boucle {

class ReviewSession;

// One finished gesture, to be stored as one review step.
struct ObjectEditRequest
{
    enum class Kind {
        Reshape, // the object's geometry changed (predicted: override; added: edit)
        Remove,  // Delete (predicted: a false positive; added: taken back out)
        Add,     // a missed object drawn by the reviewer
        Approve, // the object is right as it stands
    };
    Kind kind = Kind::Reshape;
    int index = -1; // the predicted object, or -1
    int added = 0;  // the added object, or 0
    PredictedObject object;
};

// Stores `request` on `item` through the session (the only writer): one transaction, one undo
// step.
StoreError applyObjectEdit(ReviewSession &session, BatchItemId item,
                           const ObjectEditRequest &request, const QString &comment = {});

class ObjectEditor : public QObject
{
    Q_OBJECT

public:
    enum class Tool { Select, DrawBox, DrawPolygon, Brush };
    Q_ENUM(Tool)
    // What a point is on. The eight box handles go clockwise from the top-left corner.
    enum class Part {
        None,
        Inside,
        TopLeft,
        Top,
        TopRight,
        Right,
        BottomRight,
        Bottom,
        BottomLeft,
        Left,
        Vertex,
        Edge,
    };
    Q_ENUM(Part)
    struct Hit
    {
        int object = -1; // position in objects()
        Part part = Part::None;
        int vertex = -1; // Vertex: the vertex; Edge: the edge from this vertex to the next
        QPointF onEdge;  // Edge: the nearest point of the edge
    };

    // Screen pixels within which a handle, a vertex or an edge is picked.
    static constexpr double pickTolerance = 6.0;
    // Screen size of a drawn box or a dragged handle below which a press is only a click.
    static constexpr double minimumDrawSize = 3.0;

    explicit ObjectEditor(QObject *parent = nullptr);

    // The objects as review left them; the selection follows its object (by index or number).
    // Ends any gesture under way without a request.
    void setObjects(const QList<ReviewedObject> &objects);
    const QList<ReviewedObject> &objects() const { return m_objects; }
    void clear();
    // The displayed image's size: masks are made on it and the geometry stays within it.
    void setImageSize(const QSize &size);
    QSize imageSize() const { return m_imageSize; }
    // Screen pixels per object unit (the view's zoom).
    void setScale(double screenPixelsPerUnit);
    double scale() const { return m_scale; }
    // Scores below it mark an object low-confidence (`]` / `[`, and its look).
    void setLowConfidenceThreshold(double threshold);
    double lowConfidenceThreshold() const { return m_lowThreshold; }
    bool isLowConfidence(const ReviewedObject &object) const;
    // The class a newly drawn object takes.
    void setNewObjectLabel(const QString &label) { m_newLabel = label; }
    QString newObjectLabel() const { return m_newLabel; }

    // Objects of a hidden shape (the view's "Show boxes / polygons / masks") are neither drawn
    // nor picked; a hidden selected object is let go.
    void setShapeVisible(PredictedObject::Shape shape, bool visible);
    bool isShown(int position) const;

    int selected() const { return m_selected; }
    const ReviewedObject *selectedObject() const;
    void select(int position);
    int selectedVertex() const { return m_selectedVertex; }
    // Tab / Shift+Tab; `]` / `[` (undecided low-confidence objects only). False when none.
    bool selectNext(bool backwards = false);
    bool selectNextLowConfidence(bool backwards = false);

    Tool tool() const { return m_tool; }
    void setTool(Tool tool);
    // Brush: a square `brushSize` pixels wide, painting (or erasing) the selected mask.
    int brushSize() const { return m_brushSize; }
    void setBrushSize(int size);
    bool isErasing() const { return m_erasing; }
    void setErasing(bool erasing);

    Hit hitTest(const QPointF &point) const;

    // Pointer and key input; `point` is in object units. True when the editor used the event
    // (a view passes the rest on: a press on nothing pans).
    bool mousePress(const QPointF &point, Qt::MouseButton button, Qt::KeyboardModifiers modifiers);
    bool mouseMove(const QPointF &point, Qt::MouseButtons buttons);
    bool mouseRelease(const QPointF &point, Qt::MouseButton button);
    bool mouseDoubleClick(const QPointF &point, Qt::MouseButton button);
    // Arrow keys nudge the selection (Shift: 10 px) while the key is held; the key release that
    // is not an auto-repeat ends the nudge with one request, so holding an arrow is one step.
    bool keyPress(int key, Qt::KeyboardModifiers modifiers, bool autoRepeat = false);
    bool keyRelease(int key, Qt::KeyboardModifiers modifiers, bool autoRepeat = false);
    // Ends a gesture under way without a request (the view lost the pointer, the item changed).
    void cancel();
    bool isBusy() const { return m_gesture != Gesture::None; }

    // What to paint: the object at `position` as it stands now (with a drag under way, the
    // dragged shape), the shape being drawn, the brush's current pixels.
    PredictedObject shownObject(int position) const;
    bool isEdited(int position) const
    {
        return m_gesture != Gesture::None && position == m_selected;
    }
    QRectF drawnBox() const;                                  // DrawBox while dragging
    QPolygonF drawnPolygon() const { return m_drawnPolygon; } // DrawPolygon: the clicked vertices
    std::optional<QPointF> pointer() const { return m_pointer; }
    // The brush's pixels over `brushOrigin()` while painting (255 set), or a null image.
    const QImage &brushMask() const { return m_brushImage; }
    QPoint brushOrigin() const { return m_brushOrigin; }
    // The square the brush covers at `point`, in whole pixels.
    QRect brushSquare(const QPointF &point) const;

    // The region an object covers, in object units (its box, polygon bounds or mask extent).
    static QRectF extent(const PredictedObject &object);
    static QPointF handlePosition(const QRectF &box, Part handle);

signals:
    // A gesture ended: store it as one step.
    void editRequested(const Boucle::ObjectEditRequest &request);
    // Something shown changed within `region` (object units; the painter's margins are the
    // view's to add).
    void changed(const QRectF &region);
    void selectionChanged(int position);
    void toolChanged(Boucle::ObjectEditor::Tool tool);

private:
    enum class Gesture { None, Move, Resize, MoveVertex, DrawBox, Brush, Nudge };

    double tolerance() const { return pickTolerance / m_scale; }
    void setSelected(int position, int vertex = -1);
    void beginEdit(Gesture gesture, const QPointF &point);
    void finishEdit();
    void emitChange(const QRectF &region);
    void requestReshape(const PredictedObject &object);
    void requestRemove();
    void requestAdd(const PredictedObject &object);
    QRectF clampedBox(const QRectF &box) const;
    void dragTo(const QPointF &point);
    void paintBrush(const QPointF &from, const QPointF &to);
    void stamp(const QRect &square);
    void beginBrush(const QPointF &point);
    void finishBrush();
    bool nudge(double dx, double dy);
    QRectF liveRegion() const;

    QList<ReviewedObject> m_objects;
    QList<PredictedObject::Shape> m_hiddenShapes;
    QSize m_imageSize;
    double m_scale = 1.0;
    double m_lowThreshold = 0.5;
    QString m_newLabel;

    int m_selected = -1;
    int m_selectedVertex = -1;
    Tool m_tool = Tool::Select;
    int m_brushSize = 9;
    bool m_erasing = false;

    Gesture m_gesture = Gesture::None;
    Part m_dragPart = Part::None;
    QPointF m_pressPoint;
    PredictedObject m_startObject; // the selected object when the gesture began
    PredictedObject m_liveObject;  // as dragged so far
    QPointF m_nudge;               // the nudge so far
    int m_nudgeKey = 0;
    bool m_vertexInserted = false; // an Alt+click put a vertex on an edge
    QPointF m_drawStart;
    QPointF m_drawEnd;
    QPolygonF m_drawnPolygon;
    std::optional<QPointF> m_pointer;
    QImage m_brushImage; // Grayscale8 over the brush's extent
    QPoint m_brushOrigin;
    QPointF m_lastBrushPoint;
};

} // namespace Boucle

Q_DECLARE_METATYPE(Boucle::ObjectEditRequest)
