#include "editing/objecteditor.h"

#include "review/reviewsession.h"

#include <QLineF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace Boucle {

namespace {

double distanceToSegment(const QPointF &point, const QPointF &a, const QPointF &b, QPointF *nearest)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    double t = length2 > 0 ? QPointF::dotProduct(point - a, ab) / length2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const QPointF onSegment = a + t * ab;
    if (nearest)
        *nearest = onSegment;
    return QLineF(point, onSegment).length();
}

bool isBoxHandle(ObjectEditor::Part part)
{
    return part >= ObjectEditor::Part::TopLeft && part <= ObjectEditor::Part::Left;
}

bool isArrow(int key)
{
    return key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down;
}

// The translation `delta` of an object with extent `from`, limited so it stays on the image.
QPointF boundedShift(const QRectF &from, QPointF delta, const QSize &image)
{
    if (image.isEmpty())
        return delta;
    delta.setX(std::clamp(delta.x(), -from.left(), double(image.width()) - from.right()));
    delta.setY(std::clamp(delta.y(), -from.top(), double(image.height()) - from.bottom()));
    return delta;
}

} // namespace

StoreError applyObjectEdit(ReviewSession &session, BatchItemId item,
                           const ObjectEditRequest &request, const QString &comment)
{
    switch (request.kind) {
    case ObjectEditRequest::Kind::Reshape:
        if (request.index >= 0)
            return session.overrideObject(item, request.index, request.object, comment);
        return session.editAddedObject(item, request.added, request.object, comment);
    case ObjectEditRequest::Kind::Remove:
        if (request.index >= 0)
            return session.removeObject(item, request.index, comment);
        return session.deleteAddedObject(item, request.added, comment);
    case ObjectEditRequest::Kind::Add:
        return session.addObject(item, request.object, comment);
    case ObjectEditRequest::Kind::Approve:
        if (request.index >= 0)
            return session.approveObject(item, request.index, comment);
        return {}; // an added object is already the reviewer's own
    }
    return {};
}

ObjectEditor::ObjectEditor(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ObjectEditRequest>();
}

void ObjectEditor::setObjects(const QList<ReviewedObject> &objects)
{
    int index = -1;
    int added = 0;
    if (const ReviewedObject *current = selectedObject()) {
        index = current->index;
        added = current->added;
    }
    const QRectF before = liveRegion();
    m_gesture = Gesture::None;
    m_brushImage = QImage();
    m_objects = objects;
    int position = -1;
    for (int i = 0; i < m_objects.size(); ++i) {
        if ((index >= 0 && m_objects[i].index == index)
            || (added > 0 && m_objects[i].added == added)) {
            position = i;
            break;
        }
    }
    if (!isShown(position))
        position = -1;
    m_selected = position;
    if (position < 0 || m_objects[position].object.shape != PredictedObject::Shape::Polygon
        || m_selectedVertex >= m_objects[position].object.polygon.size())
        m_selectedVertex = -1;
    QRectF all = before;
    for (const ReviewedObject &object : m_objects)
        all |= extent(object.object) | extent(object.predicted);
    emitChange(all);
    emit selectionChanged(m_selected);
}

void ObjectEditor::clear()
{
    m_drawnPolygon.clear();
    m_selectedVertex = -1;
    m_selected = -1;
    setObjects({});
    setTool(Tool::Select);
}

void ObjectEditor::setImageSize(const QSize &size)
{
    m_imageSize = size;
}

void ObjectEditor::setScale(double screenPixelsPerUnit)
{
    if (screenPixelsPerUnit > 0)
        m_scale = screenPixelsPerUnit;
}

void ObjectEditor::setLowConfidenceThreshold(double threshold)
{
    m_lowThreshold = threshold;
}

bool ObjectEditor::isLowConfidence(const ReviewedObject &object) const
{
    return object.index >= 0 && !object.isDecided() && object.predicted.score < m_lowThreshold;
}

void ObjectEditor::setShapeVisible(PredictedObject::Shape shape, bool visible)
{
    if (visible == !m_hiddenShapes.contains(shape))
        return;
    if (visible)
        m_hiddenShapes.removeAll(shape);
    else
        m_hiddenShapes.append(shape);
    if (m_selected >= 0 && !isShown(m_selected))
        setSelected(-1);
    QRectF all;
    for (const ReviewedObject &object : std::as_const(m_objects))
        all |= extent(object.object) | extent(object.predicted);
    emitChange(all);
}

bool ObjectEditor::isShown(int position) const
{
    return position >= 0 && position < m_objects.size()
           && !m_hiddenShapes.contains(m_objects[position].object.shape);
}

const ReviewedObject *ObjectEditor::selectedObject() const
{
    return m_selected >= 0 && m_selected < m_objects.size() ? &m_objects[m_selected] : nullptr;
}

void ObjectEditor::select(int position)
{
    if (position < -1 || position >= m_objects.size())
        position = -1;
    setSelected(position);
}

void ObjectEditor::setSelected(int position, int vertex)
{
    if (position == m_selected && vertex == m_selectedVertex)
        return;
    if (position != m_selected && m_gesture != Gesture::None)
        cancel(); // a drag or a nudge belongs to the object it began on
    QRectF region;
    if (const ReviewedObject *before = selectedObject())
        region |= extent(before->object);
    m_selected = position;
    m_selectedVertex = vertex;
    if (const ReviewedObject *after = selectedObject())
        region |= extent(after->object);
    emitChange(region);
    emit selectionChanged(m_selected);
}

bool ObjectEditor::selectNext(bool backwards)
{
    if (m_objects.isEmpty())
        return false;
    const int count = int(m_objects.size());
    const int from = m_selected < 0 ? (backwards ? 0 : -1) : m_selected;
    for (int step = 1; step <= count; ++step) {
        const int position = ((from + (backwards ? -step : step)) % count + count) % count;
        if (isShown(position)) {
            setSelected(position);
            return true;
        }
    }
    return false;
}

bool ObjectEditor::selectNextLowConfidence(bool backwards)
{
    const int count = int(m_objects.size());
    for (int step = 1; step <= count; ++step) {
        const int from = m_selected < 0 ? (backwards ? 0 : -1) : m_selected;
        const int position = ((from + (backwards ? -step : step)) % count + count) % count;
        if (isShown(position) && isLowConfidence(m_objects[position])) {
            setSelected(position);
            return true;
        }
    }
    return false;
}

void ObjectEditor::setTool(Tool tool)
{
    if (tool == m_tool)
        return;
    if (m_gesture != Gesture::None)
        cancel();
    QRectF region = QRectF(m_drawnPolygon.boundingRect());
    if (m_pointer)
        region |= QRectF(*m_pointer, QSizeF(1, 1))
                          .adjusted(-m_brushSize, -m_brushSize, m_brushSize, m_brushSize);
    m_drawnPolygon.clear();
    m_tool = tool;
    emitChange(region);
    emit toolChanged(tool);
}

void ObjectEditor::setBrushSize(int size)
{
    size = std::clamp(size, 1, 256);
    if (size == m_brushSize)
        return;
    const int larger = std::max(size, m_brushSize);
    m_brushSize = size;
    if (m_pointer)
        emitChange(QRectF(*m_pointer, QSizeF(0, 0)).adjusted(-larger, -larger, larger, larger));
}

void ObjectEditor::setErasing(bool erasing)
{
    m_erasing = erasing;
    if (m_pointer)
        emitChange(QRectF(*m_pointer, QSizeF(0, 0))
                           .adjusted(-m_brushSize, -m_brushSize, m_brushSize, m_brushSize));
}

QRectF ObjectEditor::extent(const PredictedObject &object)
{
    switch (object.shape) {
    case PredictedObject::Shape::Polygon:
        return object.polygon.boundingRect();
    case PredictedObject::Shape::Box:
    case PredictedObject::Shape::Mask:
        return object.box.normalized();
    case PredictedObject::Shape::Span:
        break;
    }
    return {};
}

QPointF ObjectEditor::handlePosition(const QRectF &box, Part handle)
{
    switch (handle) {
    case Part::TopLeft:
        return box.topLeft();
    case Part::Top:
        return {box.center().x(), box.top()};
    case Part::TopRight:
        return box.topRight();
    case Part::Right:
        return {box.right(), box.center().y()};
    case Part::BottomRight:
        return box.bottomRight();
    case Part::Bottom:
        return {box.center().x(), box.bottom()};
    case Part::BottomLeft:
        return box.bottomLeft();
    case Part::Left:
        return {box.left(), box.center().y()};
    default:
        break;
    }
    return box.center();
}

ObjectEditor::Hit ObjectEditor::hitTest(const QPointF &point) const
{
    const double near = tolerance();
    // The selected object's handles, vertices and edges come first: they sit on its outline,
    // where another object may overlap.
    if (selectedObject()) {
        const PredictedObject object = shownObject(m_selected);
        if (object.shape == PredictedObject::Shape::Box) {
            for (Part part : {Part::TopLeft, Part::TopRight, Part::BottomRight, Part::BottomLeft,
                              Part::Top, Part::Right, Part::Bottom, Part::Left}) {
                const QPointF at = handlePosition(object.box, part);
                if (std::abs(point.x() - at.x()) <= near && std::abs(point.y() - at.y()) <= near)
                    return {m_selected, part, -1, {}};
            }
        } else if (object.shape == PredictedObject::Shape::Polygon) {
            for (int i = 0; i < object.polygon.size(); ++i) {
                if (QLineF(point, object.polygon[i]).length() <= near)
                    return {m_selected, Part::Vertex, i, {}};
            }
            const int count = int(object.polygon.size());
            for (int i = 0; i < count; ++i) {
                QPointF nearest;
                if (distanceToSegment(point, object.polygon[i], object.polygon[(i + 1) % count],
                                      &nearest)
                    <= near)
                    return {m_selected, Part::Edge, i, nearest};
            }
        }
    }
    // Then what lies under the point, the object drawn last (on top) first.
    for (int position = int(m_objects.size()) - 1; position >= 0; --position) {
        if (!isShown(position))
            continue;
        const PredictedObject object = shownObject(position);
        switch (object.shape) {
        case PredictedObject::Shape::Box:
            if (object.box.normalized().contains(point))
                return {position, Part::Inside, -1, {}};
            break;
        case PredictedObject::Shape::Polygon:
            for (int i = 0; i < object.polygon.size(); ++i) {
                if (QLineF(point, object.polygon[i]).length() <= near)
                    return {position, Part::Vertex, i, {}};
            }
            if (object.polygon.containsPoint(point, Qt::OddEvenFill))
                return {position, Part::Inside, -1, {}};
            break;
        case PredictedObject::Shape::Mask:
            if (object.box.contains(point))
                return {position, Part::Inside, -1, {}};
            break;
        case PredictedObject::Shape::Span:
            break;
        }
    }
    return {};
}

PredictedObject ObjectEditor::shownObject(int position) const
{
    if (position < 0 || position >= m_objects.size())
        return {};
    if (isEdited(position) && m_gesture != Gesture::Brush)
        return m_liveObject;
    return m_objects[position].object;
}

QRectF ObjectEditor::drawnBox() const
{
    if (m_gesture != Gesture::DrawBox)
        return {};
    return QRectF(m_drawStart, m_drawEnd).normalized();
}

QRect ObjectEditor::brushSquare(const QPointF &point) const
{
    const int left = int(std::floor(point.x())) - (m_brushSize - 1) / 2;
    const int top = int(std::floor(point.y())) - (m_brushSize - 1) / 2;
    return QRect(left, top, m_brushSize, m_brushSize);
}

void ObjectEditor::emitChange(const QRectF &region)
{
    if (!region.isNull())
        emit changed(region);
}

QRectF ObjectEditor::liveRegion() const
{
    QRectF region;
    if (m_gesture == Gesture::None)
        return region;
    region = extent(m_startObject) | extent(m_liveObject);
    if (m_gesture == Gesture::DrawBox)
        region |= drawnBox();
    if (!m_brushImage.isNull())
        region |= QRectF(QRect(m_brushOrigin, m_brushImage.size()));
    return region;
}

void ObjectEditor::beginEdit(Gesture gesture, const QPointF &point)
{
    m_gesture = gesture;
    m_pressPoint = point;
    m_startObject = m_objects[m_selected].object;
    m_liveObject = m_startObject;
    m_nudge = {};
}

void ObjectEditor::cancel()
{
    const QRectF region = liveRegion() | QRectF(m_drawnPolygon.boundingRect());
    m_gesture = Gesture::None;
    m_brushImage = QImage();
    m_vertexInserted = false;
    m_nudgeKey = 0;
    if (m_tool == Tool::DrawPolygon)
        m_drawnPolygon.clear();
    emitChange(region);
}

QRectF ObjectEditor::clampedBox(const QRectF &box) const
{
    if (m_imageSize.isEmpty())
        return box;
    QRectF bounded = box;
    bounded.setLeft(std::clamp(bounded.left(), 0.0, double(m_imageSize.width())));
    bounded.setRight(std::clamp(bounded.right(), 0.0, double(m_imageSize.width())));
    bounded.setTop(std::clamp(bounded.top(), 0.0, double(m_imageSize.height())));
    bounded.setBottom(std::clamp(bounded.bottom(), 0.0, double(m_imageSize.height())));
    return bounded;
}

void ObjectEditor::dragTo(const QPointF &point)
{
    const QRectF before = extent(m_liveObject);
    QPointF delta = point - m_pressPoint;
    PredictedObject live = m_startObject;
    switch (m_gesture) {
    case Gesture::Move: {
        delta = boundedShift(extent(m_startObject), delta, m_imageSize);
        if (live.shape == PredictedObject::Shape::Mask) // a mask moves by whole pixels
            delta = QPointF(std::round(delta.x()), std::round(delta.y()));
        live.box.translate(delta);
        live.polygon.translate(delta);
        break;
    }
    case Gesture::Resize: {
        QRectF box = live.box;
        const Part part = m_dragPart;
        if (part == Part::TopLeft || part == Part::Left || part == Part::BottomLeft)
            box.setLeft(box.left() + delta.x());
        if (part == Part::TopRight || part == Part::Right || part == Part::BottomRight)
            box.setRight(box.right() + delta.x());
        if (part == Part::TopLeft || part == Part::Top || part == Part::TopRight)
            box.setTop(box.top() + delta.y());
        if (part == Part::BottomLeft || part == Part::Bottom || part == Part::BottomRight)
            box.setBottom(box.bottom() + delta.y());
        live.box = clampedBox(box.normalized());
        break;
    }
    case Gesture::MoveVertex: {
        if (m_selectedVertex >= 0 && m_selectedVertex < live.polygon.size()) {
            QPointF moved = live.polygon[m_selectedVertex] + delta;
            if (!m_imageSize.isEmpty()) {
                moved.setX(std::clamp(moved.x(), 0.0, double(m_imageSize.width())));
                moved.setY(std::clamp(moved.y(), 0.0, double(m_imageSize.height())));
            }
            live.polygon[m_selectedVertex] = moved;
        }
        break;
    }
    default:
        return;
    }
    m_liveObject = live;
    emitChange(before | extent(m_liveObject));
}

bool ObjectEditor::mousePress(const QPointF &point, Qt::MouseButton button,
                              Qt::KeyboardModifiers modifiers)
{
    m_pointer = point;
    if (button != Qt::LeftButton)
        return m_tool != Tool::Select;
    switch (m_tool) {
    case Tool::DrawBox:
        m_gesture = Gesture::DrawBox;
        m_drawStart = m_drawEnd = point;
        return true;
    case Tool::DrawPolygon:
        // A second press on the last vertex (a double click) adds nothing.
        if (m_drawnPolygon.isEmpty() || QLineF(m_drawnPolygon.last(), point).length() > tolerance())
            m_drawnPolygon.append(point);
        emitChange(QRectF(m_drawnPolygon.boundingRect()) | QRectF(point, QSizeF(1, 1)));
        return true;
    case Tool::Brush: {
        const ReviewedObject *current = selectedObject();
        if (current && current->decision != ObjectDecision::Removed
            && current->object.shape == PredictedObject::Shape::Mask) {
            beginBrush(point);
            return true;
        }
        const Hit hit = hitTest(point);
        if (hit.object >= 0)
            setSelected(hit.object);
        return true;
    }
    case Tool::Select:
        break;
    }
    const Hit hit = hitTest(point);
    if (hit.object < 0) {
        setSelected(-1);
        return false; // the view pans
    }
    const bool removed = m_objects[hit.object].decision == ObjectDecision::Removed;
    if (hit.part == Part::Edge && (modifiers & Qt::AltModifier) && !removed) {
        setSelected(hit.object);
        beginEdit(Gesture::MoveVertex, point);
        m_liveObject.polygon.insert(hit.vertex + 1, hit.onEdge);
        m_startObject = m_liveObject;
        m_selectedVertex = hit.vertex + 1;
        m_vertexInserted = true;
        dragTo(point);
        return true;
    }
    if (hit.part == Part::Vertex) {
        setSelected(hit.object, hit.vertex);
        if (!removed)
            beginEdit(Gesture::MoveVertex, point);
        return true;
    }
    setSelected(hit.object);
    if (removed)
        return true;
    if (isBoxHandle(hit.part)) {
        m_dragPart = hit.part;
        beginEdit(Gesture::Resize, point);
    } else {
        beginEdit(Gesture::Move, point);
    }
    return true;
}

bool ObjectEditor::mouseMove(const QPointF &point, Qt::MouseButtons buttons)
{
    Q_UNUSED(buttons);
    const std::optional<QPointF> previous = m_pointer;
    m_pointer = point;
    switch (m_gesture) {
    case Gesture::Move:
    case Gesture::Resize:
    case Gesture::MoveVertex:
        // The gesture, not the button state a synthetic event may leave out, says a drag is on.
        dragTo(point);
        return true;
    case Gesture::DrawBox: {
        const QRectF before = drawnBox();
        m_drawEnd = point;
        if (!m_imageSize.isEmpty()) {
            m_drawEnd.setX(std::clamp(m_drawEnd.x(), 0.0, double(m_imageSize.width())));
            m_drawEnd.setY(std::clamp(m_drawEnd.y(), 0.0, double(m_imageSize.height())));
        }
        emitChange(before | drawnBox());
        return true;
    }
    case Gesture::Brush:
        paintBrush(m_lastBrushPoint, point);
        m_lastBrushPoint = point;
        return true;
    case Gesture::Nudge:
    case Gesture::None:
        break;
    }
    if (m_tool == Tool::DrawPolygon && !m_drawnPolygon.isEmpty()) {
        QRectF region = QRectF(m_drawnPolygon.boundingRect()) | QRectF(point, QSizeF(1, 1));
        if (previous)
            region |= QRectF(*previous, QSizeF(1, 1));
        emitChange(region);
        return true;
    }
    if (m_tool == Tool::Brush) {
        const double reach = m_brushSize + 1;
        QRectF region = QRectF(point, QSizeF(0, 0)).adjusted(-reach, -reach, reach, reach);
        if (previous)
            region |= QRectF(*previous, QSizeF(0, 0)).adjusted(-reach, -reach, reach, reach);
        emitChange(region);
        return true;
    }
    return false;
}

bool ObjectEditor::mouseRelease(const QPointF &point, Qt::MouseButton button)
{
    m_pointer = point;
    if (button != Qt::LeftButton)
        return m_gesture != Gesture::None;
    switch (m_gesture) {
    case Gesture::None:
    case Gesture::Nudge:
        return m_tool != Tool::Select;
    case Gesture::DrawBox: {
        m_drawEnd = point;
        const QRectF box = clampedBox(drawnBox());
        const QRectF region = drawnBox();
        m_gesture = Gesture::None;
        setTool(Tool::Select);
        emitChange(region);
        if (box.width() * m_scale >= minimumDrawSize && box.height() * m_scale >= minimumDrawSize) {
            PredictedObject object;
            object.shape = PredictedObject::Shape::Box;
            object.box = box;
            object.label = m_newLabel;
            object.score = 1.0;
            requestAdd(object);
        }
        return true;
    }
    case Gesture::Brush:
        paintBrush(m_lastBrushPoint, point);
        finishBrush();
        return true;
    case Gesture::Move:
    case Gesture::Resize:
    case Gesture::MoveVertex:
        break;
    }
    dragTo(point);
    finishEdit();
    return true;
}

void ObjectEditor::finishEdit()
{
    const PredictedObject result = m_liveObject;
    const bool inserted = m_vertexInserted;
    const QRectF region = liveRegion();
    PredictedObject start = m_objects[m_selected].object;
    m_gesture = Gesture::None;
    m_vertexInserted = false;
    m_nudgeKey = 0;
    PredictedObject finished = result;
    if (finished.shape == PredictedObject::Shape::Mask && finished.box != start.box) {
        // The mask's pixels follow its extent, by the whole pixels it moved.
        const QRect from = start.box.toAlignedRect();
        const QPoint shift = finished.box.toAlignedRect().topLeft() - from.topLeft();
        const QImage local = start.mask.toLocal(from);
        const QSize canvas
                = m_imageSize.isEmpty() ? QSize(start.mask.width, start.mask.height) : m_imageSize;
        finished.mask = RleMask::fromLocal(local, from.topLeft() + shift, canvas);
        finished.box = finished.mask.bounds();
    }
    if (!inserted && !ObjectReview::differs(start, finished)) {
        emitChange(region);
        return;
    }
    // Shown as dragged until the owner gives the objects back as stored.
    m_objects[m_selected].object = finished;
    emitChange(region | extent(finished));
    requestReshape(finished);
}

void ObjectEditor::requestReshape(const PredictedObject &object)
{
    const ReviewedObject &target = m_objects[m_selected];
    ObjectEditRequest request;
    // Dragged back to where the model had it: that is approving the prediction.
    request.kind = target.index >= 0 && !ObjectReview::differs(target.predicted, object)
                           ? ObjectEditRequest::Kind::Approve
                           : ObjectEditRequest::Kind::Reshape;
    request.index = target.index;
    request.added = target.added;
    request.object = object;
    emit editRequested(request);
}

void ObjectEditor::requestRemove()
{
    const ReviewedObject &target = m_objects[m_selected];
    ObjectEditRequest request;
    request.kind = ObjectEditRequest::Kind::Remove;
    request.index = target.index;
    request.added = target.added;
    request.object = target.object;
    emit editRequested(request);
}

void ObjectEditor::requestAdd(const PredictedObject &object)
{
    ObjectEditRequest request;
    request.kind = ObjectEditRequest::Kind::Add;
    request.object = object;
    emit editRequested(request);
}

bool ObjectEditor::mouseDoubleClick(const QPointF &point, Qt::MouseButton button)
{
    m_pointer = point;
    if (button != Qt::LeftButton)
        return false;
    if (m_tool == Tool::DrawPolygon)
        return true; // its press already placed (or skipped) the vertex
    if (m_tool != Tool::Select)
        return false;
    if (m_gesture != Gesture::None)
        cancel();
    const Hit hit = hitTest(point);
    if (hit.part != Part::Edge || m_objects[hit.object].decision == ObjectDecision::Removed)
        return hit.object >= 0;
    PredictedObject object = m_objects[hit.object].object;
    object.polygon.insert(hit.vertex + 1, hit.onEdge);
    m_objects[hit.object].object = object;
    m_selectedVertex = hit.vertex + 1;
    emitChange(extent(object));
    requestReshape(object);
    return true;
}

bool ObjectEditor::nudge(double dx, double dy)
{
    const ReviewedObject *current = selectedObject();
    if (!current || current->decision == ObjectDecision::Removed)
        return false;
    if (m_gesture != Gesture::Nudge) {
        if (m_gesture != Gesture::None)
            return true; // a drag is under way; the keys wait
        beginEdit(Gesture::Nudge, {});
    }
    const QRectF before = extent(m_liveObject);
    PredictedObject live = m_startObject;
    QPointF step(dx, dy);
    if (live.shape == PredictedObject::Shape::Polygon && m_selectedVertex >= 0
        && m_selectedVertex < live.polygon.size()) {
        m_nudge += step;
        QPointF moved = live.polygon[m_selectedVertex] + m_nudge;
        if (!m_imageSize.isEmpty()) {
            moved.setX(std::clamp(moved.x(), 0.0, double(m_imageSize.width())));
            moved.setY(std::clamp(moved.y(), 0.0, double(m_imageSize.height())));
            m_nudge = moved - live.polygon[m_selectedVertex];
        }
        live.polygon[m_selectedVertex] = moved;
    } else {
        m_nudge = boundedShift(extent(m_startObject), m_nudge + step, m_imageSize);
        live.box.translate(m_nudge);
        live.polygon.translate(m_nudge);
    }
    m_liveObject = live;
    emitChange(before | extent(m_liveObject));
    return true;
}

bool ObjectEditor::keyPress(int key, Qt::KeyboardModifiers modifiers, bool autoRepeat)
{
    Q_UNUSED(autoRepeat);
    const bool shift = modifiers & Qt::ShiftModifier;
    if (isArrow(key)) {
        if (!selectedObject())
            return false;
        const double step = shift ? 10.0 : 1.0;
        const double dx = key == Qt::Key_Left ? -step : key == Qt::Key_Right ? step : 0.0;
        const double dy = key == Qt::Key_Up ? -step : key == Qt::Key_Down ? step : 0.0;
        if (nudge(dx, dy))
            m_nudgeKey = key;
        return true;
    }
    switch (key) {
    case Qt::Key_Escape:
        if (m_gesture != Gesture::None || m_tool != Tool::Select) {
            cancel();
            setTool(Tool::Select);
            return true;
        }
        if (m_selected >= 0) {
            setSelected(-1);
            return true;
        }
        return false;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_tool == Tool::DrawPolygon) {
            if (m_drawnPolygon.size() < 3)
                return true; // a polygon needs three vertices; keep clicking
            PredictedObject object;
            object.shape = PredictedObject::Shape::Polygon;
            object.polygon = m_drawnPolygon;
            object.label = m_newLabel;
            object.score = 1.0;
            setTool(Tool::Select);
            requestAdd(object);
            return true;
        }
        return false;
    case Qt::Key_B:
        setTool(m_tool == Tool::DrawBox ? Tool::Select : Tool::DrawBox);
        return true;
    case Qt::Key_P:
        setTool(m_tool == Tool::DrawPolygon ? Tool::Select : Tool::DrawPolygon);
        return true;
    case Qt::Key_M:
        setTool(m_tool == Tool::Brush ? Tool::Select : Tool::Brush);
        return true;
    case Qt::Key_X:
        setErasing(!m_erasing);
        return true;
    case Qt::Key_BraceLeft:
        setBrushSize(m_brushSize - (m_brushSize > 10 ? 4 : 1));
        return true;
    case Qt::Key_BraceRight:
        setBrushSize(m_brushSize + (m_brushSize >= 10 ? 4 : 1));
        return true;
    case Qt::Key_BracketLeft:
    case Qt::Key_BracketRight:
        if (shift) {
            setBrushSize(m_brushSize
                         + (key == Qt::Key_BracketRight ? 1 : -1) * (m_brushSize >= 10 ? 4 : 1));
            return true;
        }
        return selectNextLowConfidence(key == Qt::Key_BracketLeft) || !m_objects.isEmpty();
    case Qt::Key_Tab:
        return selectNext(shift);
    case Qt::Key_Backtab:
        return selectNext(true);
    case Qt::Key_Delete:
    case Qt::Key_Backspace: {
        const ReviewedObject *current = selectedObject();
        if (!current || m_gesture != Gesture::None)
            return current != nullptr;
        if (current->object.shape == PredictedObject::Shape::Polygon && m_selectedVertex >= 0
            && m_selectedVertex < current->object.polygon.size()
            && current->decision != ObjectDecision::Removed) {
            if (current->object.polygon.size() <= 3)
                return true; // a polygon keeps three vertices; Delete again removes nothing
            PredictedObject object = current->object;
            object.polygon.remove(m_selectedVertex);
            const QRectF region = extent(current->object);
            m_objects[m_selected].object = object;
            m_selectedVertex = -1;
            emitChange(region);
            requestReshape(object);
            return true;
        }
        if (current->decision == ObjectDecision::Removed)
            return true;
        requestRemove();
        return true;
    }
    default:
        break;
    }
    return false;
}

bool ObjectEditor::keyRelease(int key, Qt::KeyboardModifiers modifiers, bool autoRepeat)
{
    Q_UNUSED(modifiers);
    if (!isArrow(key))
        return false;
    if (autoRepeat || m_gesture != Gesture::Nudge)
        return m_gesture == Gesture::Nudge;
    finishEdit();
    return true;
}

void ObjectEditor::beginBrush(const QPointF &point)
{
    beginEdit(Gesture::Brush, point);
    const PredictedObject &object = m_startObject;
    const QRect from = object.box.toAlignedRect();
    m_brushOrigin = from.topLeft();
    m_brushImage = from.isEmpty() ? QImage() : object.mask.toLocal(from);
    if (m_brushImage.isNull()) {
        m_brushImage = QImage(QSize(1, 1), QImage::Format_Grayscale8);
        m_brushImage.fill(0);
        m_brushOrigin = brushSquare(point).topLeft();
    }
    m_lastBrushPoint = point;
    paintBrush(point, point);
}

void ObjectEditor::paintBrush(const QPointF &from, const QPointF &to)
{
    // Squares along the stroke, half a brush apart, so a quick stroke leaves no gaps.
    const double length = QLineF(from, to).length();
    const double step = std::max(0.5, m_brushSize / 2.0);
    const int steps = std::max(1, int(std::ceil(length / step)));
    for (int i = 0; i <= steps; ++i)
        stamp(brushSquare(from + (to - from) * (double(i) / steps)));
}

void ObjectEditor::stamp(const QRect &square)
{
    QRect target = square;
    const QSize canvas = m_imageSize.isEmpty()
                                 ? QSize(m_startObject.mask.width, m_startObject.mask.height)
                                 : m_imageSize;
    target &= QRect(QPoint(0, 0), canvas);
    if (target.isEmpty())
        return;
    const QRect held(m_brushOrigin, m_brushImage.size());
    if (!held.contains(target)) {
        if (m_erasing)
            target &= held; // nothing to erase outside what the mask holds
        if (target.isEmpty())
            return;
        if (!held.contains(target)) {
            const QRect grown = held | target;
            QImage larger(grown.size(), QImage::Format_Grayscale8);
            larger.fill(0);
            QPainter copy(&larger);
            copy.drawImage(held.topLeft() - grown.topLeft(), m_brushImage);
            copy.end();
            m_brushImage = larger;
            m_brushOrigin = grown.topLeft();
        }
    }
    const uchar value = m_erasing ? 0 : 255;
    for (int y = target.top(); y <= target.bottom(); ++y) {
        uchar *line = m_brushImage.scanLine(y - m_brushOrigin.y());
        std::fill(line + (target.left() - m_brushOrigin.x()),
                  line + (target.right() - m_brushOrigin.x() + 1), value);
    }
    emitChange(QRectF(target));
}

void ObjectEditor::finishBrush()
{
    const QRectF region = liveRegion();
    const PredictedObject start = m_startObject;
    const QSize canvas
            = m_imageSize.isEmpty() ? QSize(start.mask.width, start.mask.height) : m_imageSize;
    PredictedObject finished = start;
    finished.mask = RleMask::fromLocal(m_brushImage, m_brushOrigin, canvas);
    finished.box = finished.mask.bounds();
    m_gesture = Gesture::None;
    m_brushImage = QImage();
    if (finished.mask == start.mask || finished.mask.area() == 0) {
        // Erasing every pixel is not a correction: Delete removes the object.
        emitChange(region);
        return;
    }
    m_objects[m_selected].object = finished;
    emitChange(region | finished.box);
    requestReshape(finished);
}

} // namespace Boucle
