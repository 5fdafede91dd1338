// ObjectOverlayPainter: draws an ObjectEditor's objects with where each stands in review, so a
// reviewer sees at a glance what is done: approved (green, solid), corrected or relabelled (blue,
// solid, the prediction's outline dashed and faint behind it), removed as a false positive (red,
// dimmed and crossed out), added by the reviewer (magenta, dash-dot, tagged "+n"), undecided (the
// label's colour) and undecided low-confidence ones (a thick amber outline); the selection's
// handles and vertices; the box or polygon being drawn and the brush. Lines keep their screen
// width at any zoom. It keeps the tinted images of masks between paints. GUI thread only.
#pragma once

#include <QColor>
#include <QHash>
#include <QImage>
#include <QRectF>
#include <QTransform>

class QPainter;

namespace Boucle {

class ObjectEditor;
struct PredictedObject;
struct ReviewedObject;

class ObjectOverlayPainter
{
public:
    // How far (screen pixels) the painting reaches beyond an object's extent: outlines, handles
    // and the caption above it. A view repainting a changed region widens it by this.
    static constexpr double screenMargin = 24.0;

    // Paints onto `painter` (whose transform maps object units to the device) what lies in
    // `exposed` (object units).
    void paint(QPainter *painter, const ObjectEditor &editor, const QRectF &exposed);

    static QColor approvedColour() { return {40, 200, 90}; }
    static QColor correctedColour() { return {50, 140, 255}; }
    static QColor removedColour() { return {235, 60, 60}; }
    static QColor addedColour() { return {225, 70, 225}; }
    static QColor lowConfidenceColour() { return {255, 176, 0}; }
    static QColor labelColour(const QString &label);

private:
    void paintObject(QPainter *painter, const QTransform &toDevice, const ObjectEditor &editor,
                     int position, const QRectF &exposed);
    void paintMask(QPainter *painter, const QTransform &toDevice, const PredictedObject &object,
                   const QColor &colour, const QRectF &exposed);
    const QImage &tintedMask(const PredictedObject &object, const QColor &colour);

    QHash<QByteArray, QImage> m_masks;
};

} // namespace Boucle
