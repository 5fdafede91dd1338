#include "editing/objectoverlaypainter.h"

#include "editing/objecteditor.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace Boucle {

namespace {

QPen screenPen(const QColor &colour, double width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(colour, width, style);
    pen.setCosmetic(true);
    pen.setJoinStyle(Qt::MiterJoin);
    return pen;
}

QColor withAlpha(QColor colour, int alpha)
{
    colour.setAlpha(alpha);
    return colour;
}

// Non-zero pixels of `grey` in `colour` (half transparent), the rest clear.
QImage tint(const QImage &grey, const QColor &colour)
{
    QImage tinted(grey.size(), QImage::Format_ARGB32_Premultiplied);
    const QRgb inside = qPremultiply(qRgba(colour.red(), colour.green(), colour.blue(), 110));
    for (int y = 0; y < grey.height(); ++y) {
        const uchar *in = grey.constScanLine(y);
        auto *out = reinterpret_cast<QRgb *>(tinted.scanLine(y));
        for (int x = 0; x < grey.width(); ++x)
            out[x] = in[x] ? inside : 0;
    }
    return tinted;
}

} // namespace

QColor ObjectOverlayPainter::labelColour(const QString &label)
{
    // Okabe–Ito hues without the ones the decisions use; stable across runs.
    static const QList<QColor> palette = {
            QColor(86, 180, 233), QColor(0, 158, 115),   QColor(240, 228, 66), QColor(0, 114, 178),
            QColor(213, 94, 0),   QColor(255, 255, 255), QColor(170, 255, 120)};
    return palette[qHash(label) % palette.size()];
}

void ObjectOverlayPainter::paint(QPainter *painter, const ObjectEditor &editor,
                                 const QRectF &exposed)
{
    const QTransform toDevice = painter->worldTransform();
    const double margin = screenMargin / std::max(1e-6, editor.scale());
    painter->save();
    painter->resetTransform();
    painter->setRenderHint(QPainter::Antialiasing, true);
    if (m_masks.size() > 64)
        m_masks.clear();
    const QList<ReviewedObject> &objects = editor.objects();
    for (int position = 0; position < objects.size(); ++position) {
        if (!editor.isShown(position))
            continue;
        const QRectF reach = (ObjectEditor::extent(editor.shownObject(position))
                              | ObjectEditor::extent(objects[position].predicted))
                                     .adjusted(-margin, -margin, margin, margin);
        if (reach.intersects(exposed))
            paintObject(painter, toDevice, editor, position, exposed);
    }

    const QColor drawing = addedColour();
    if (const QRectF box = editor.drawnBox(); !box.isNull()) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(screenPen(drawing, 2, Qt::DashLine));
        painter->drawRect(toDevice.mapRect(box));
    }
    if (const QPolygonF polygon = editor.drawnPolygon(); !polygon.isEmpty()) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(screenPen(drawing, 2));
        painter->drawPolyline(toDevice.map(polygon));
        if (const auto pointer = editor.pointer()) {
            painter->setPen(screenPen(drawing, 1, Qt::DashLine));
            painter->drawLine(toDevice.map(polygon.last()), toDevice.map(*pointer));
            if (polygon.size() >= 2)
                painter->drawLine(toDevice.map(*pointer), toDevice.map(polygon.first()));
        }
        painter->setPen(screenPen(Qt::black, 1));
        painter->setBrush(drawing);
        for (const QPointF &vertex : polygon)
            painter->drawRect(QRectF(toDevice.map(vertex) - QPointF(3, 3), QSizeF(6, 6)));
    }
    if (editor.tool() == ObjectEditor::Tool::Brush && editor.pointer()) {
        const QRectF square = toDevice.mapRect(QRectF(editor.brushSquare(*editor.pointer())));
        painter->setBrush(Qt::NoBrush);
        painter->setPen(screenPen(Qt::black, 3));
        painter->drawRect(square);
        painter->setPen(screenPen(editor.isErasing() ? removedColour() : Qt::white, 1));
        painter->drawRect(square);
    }
    painter->restore();
}

void ObjectOverlayPainter::paintObject(QPainter *painter, const QTransform &toDevice,
                                       const ObjectEditor &editor, int position,
                                       const QRectF &exposed)
{
    const ReviewedObject &reviewed = editor.objects()[position];
    const PredictedObject object = editor.shownObject(position);
    const bool selected = position == editor.selected();

    QColor colour = labelColour(object.label);
    double width = 2;
    Qt::PenStyle style = Qt::SolidLine;
    switch (reviewed.decision) {
    case ObjectDecision::Undecided:
        if (editor.isLowConfidence(reviewed)) {
            colour = lowConfidenceColour();
            width = 4;
        }
        break;
    case ObjectDecision::Approved:
        colour = approvedColour();
        break;
    case ObjectDecision::Corrected:
    case ObjectDecision::Relabelled:
        colour = correctedColour();
        break;
    case ObjectDecision::Removed:
        colour = withAlpha(removedColour(), 170);
        style = Qt::DashLine;
        break;
    case ObjectDecision::Added:
        colour = addedColour();
        style = Qt::DashDotLine;
        break;
    }

    // A correction shows what the model said, faintly, behind what the reviewer settled.
    const bool corrected = reviewed.decision == ObjectDecision::Corrected
                           || reviewed.decision == ObjectDecision::Relabelled
                           || editor.isEdited(position);
    if (corrected && reviewed.index >= 0) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(screenPen(withAlpha(correctedColour(), 120), 1, Qt::DashLine));
        const PredictedObject &predicted = reviewed.predicted;
        if (predicted.shape == PredictedObject::Shape::Polygon)
            painter->drawPolygon(toDevice.map(predicted.polygon));
        else if (predicted.shape != PredictedObject::Shape::Span)
            painter->drawRect(toDevice.mapRect(predicted.box));
    }

    const QRectF extent = toDevice.mapRect(ObjectEditor::extent(object));
    switch (object.shape) {
    case PredictedObject::Shape::Box:
        painter->setBrush(reviewed.decision == ObjectDecision::Removed
                                  ? QBrush(withAlpha(removedColour(), 40))
                                  : QBrush(Qt::NoBrush));
        if (reviewed.decision == ObjectDecision::Undecided && editor.isLowConfidence(reviewed)) {
            painter->setPen(screenPen(withAlpha(Qt::black, 160), width + 2));
            painter->drawRect(extent);
        }
        painter->setPen(screenPen(colour, width, style));
        painter->drawRect(extent);
        break;
    case PredictedObject::Shape::Polygon:
        painter->setBrush(
                withAlpha(colour, reviewed.decision == ObjectDecision::Removed ? 25 : 45));
        painter->setPen(screenPen(colour, width, style));
        painter->drawPolygon(toDevice.map(object.polygon));
        break;
    case PredictedObject::Shape::Mask:
        paintMask(painter, toDevice, object, colour, exposed);
        if (editor.isEdited(position) && !editor.brushMask().isNull()) {
            const QRect held(editor.brushOrigin(), editor.brushMask().size());
            const QRect part = held & exposed.toAlignedRect();
            if (!part.isEmpty()) {
                const QImage grey = editor.brushMask().copy(part.translated(-held.topLeft()));
                painter->drawImage(toDevice.mapRect(QRectF(part)), tint(grey, colour));
            }
        }
        painter->setBrush(Qt::NoBrush);
        painter->setPen(screenPen(colour, 1, style));
        painter->drawRect(extent);
        break;
    case PredictedObject::Shape::Span:
        return;
    }

    if (reviewed.decision == ObjectDecision::Removed) {
        painter->setPen(screenPen(withAlpha(removedColour(), 200), 2));
        painter->drawLine(extent.topLeft(), extent.bottomRight());
        painter->drawLine(extent.topRight(), extent.bottomLeft());
    }

    // The caption above the object: what it is, and how sure the model was.
    QString caption;
    if (reviewed.added > 0)
        caption = QStringLiteral("+%1 %2").arg(reviewed.added).arg(object.label);
    else
        caption = QStringLiteral("%1%2 %3").arg(
                reviewed.decision == ObjectDecision::Removed ? QStringLiteral("\u2715 ")
                                                             : QString(),
                object.label, QString::number(reviewed.predicted.score, 'f', 2));
    const QFontMetricsF metrics(painter->font());
    const QRectF tag(extent.left(), extent.top() - metrics.height() - 2,
                     metrics.horizontalAdvance(caption) + 6, metrics.height() + 2);
    painter->setPen(Qt::NoPen);
    painter->setBrush(withAlpha(colour, 210));
    painter->drawRect(tag);
    painter->setPen(colour.lightnessF() > 0.55 ? Qt::black : Qt::white);
    painter->drawText(tag.adjusted(3, 0, -3, 0), Qt::AlignLeft | Qt::AlignVCenter, caption);

    if (!selected)
        return;
    painter->setPen(screenPen(Qt::black, 1));
    painter->setBrush(Qt::white);
    if (object.shape == PredictedObject::Shape::Box) {
        for (auto part : {ObjectEditor::Part::TopLeft, ObjectEditor::Part::Top,
                          ObjectEditor::Part::TopRight, ObjectEditor::Part::Right,
                          ObjectEditor::Part::BottomRight, ObjectEditor::Part::Bottom,
                          ObjectEditor::Part::BottomLeft, ObjectEditor::Part::Left}) {
            const QPointF at = toDevice.map(ObjectEditor::handlePosition(object.box, part));
            painter->drawRect(QRectF(at - QPointF(4, 4), QSizeF(8, 8)));
        }
    } else if (object.shape == PredictedObject::Shape::Polygon) {
        for (int i = 0; i < object.polygon.size(); ++i) {
            painter->setBrush(i == editor.selectedVertex() ? QBrush(colour) : QBrush(Qt::white));
            const QPointF at = toDevice.map(object.polygon[i]);
            painter->drawRect(QRectF(at - QPointF(4, 4), QSizeF(8, 8)));
        }
    } else {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(screenPen(Qt::white, 1, Qt::DashLine));
        painter->drawRect(extent.adjusted(-2, -2, 2, 2));
    }
}

const QImage &ObjectOverlayPainter::tintedMask(const PredictedObject &object, const QColor &colour)
{
    QByteArray key(reinterpret_cast<const char *>(object.mask.counts.constData()),
                   qsizetype(object.mask.counts.size() * sizeof(quint32)));
    key.append(QByteArray::number(colour.rgba()));
    key.append(QByteArray::number(object.mask.width));
    auto found = m_masks.find(key);
    if (found == m_masks.end()) {
        const QRect bounds = object.mask.bounds().toAlignedRect();
        const QImage grey = bounds.isEmpty() ? QImage() : object.mask.toLocal(bounds);
        found = m_masks.insert(key, grey.isNull() ? QImage() : tint(grey, colour));
    }
    return *found;
}

void ObjectOverlayPainter::paintMask(QPainter *painter, const QTransform &toDevice,
                                     const PredictedObject &object, const QColor &colour,
                                     const QRectF &exposed)
{
    const QImage &tinted = tintedMask(object, colour);
    if (tinted.isNull())
        return;
    // The mask's pixels sit at its extent, which a drag may have moved.
    const QRectF placed(object.box.topLeft(), QSizeF(tinted.size()));
    const QRectF visible = placed & exposed.toAlignedRect();
    if (visible.isEmpty())
        return;
    const QRectF source = visible.translated(-placed.topLeft());
    painter->drawImage(toDevice.mapRect(visible), tinted, source);
}

} // namespace Boucle
