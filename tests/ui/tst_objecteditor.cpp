// ObjectEditor: picking, dragging, drawing, nudging and brushing in image pixels, with one edit
// request per gesture and the geometry exactly where the pointer put it.
#include "editing/objecteditor.h"

#include <QSignalSpy>
#include <QTest>

using namespace Boucle;

namespace {

PredictedObject box(const QString &label, double score, const QRectF &rect)
{
    PredictedObject object;
    object.shape = PredictedObject::Shape::Box;
    object.label = label;
    object.score = score;
    object.box = rect;
    return object;
}

PredictedObject polygon(const QString &label, double score, const QPolygonF &points)
{
    PredictedObject object;
    object.shape = PredictedObject::Shape::Polygon;
    object.label = label;
    object.score = score;
    object.polygon = points;
    return object;
}

ReviewedObject predicted(int index, const PredictedObject &object)
{
    ReviewedObject reviewed;
    reviewed.index = index;
    reviewed.predicted = object;
    reviewed.object = object;
    return reviewed;
}

bool near(const QPointF &a, const QPointF &b)
{
    return std::abs(a.x() - b.x()) < 1e-9 && std::abs(a.y() - b.y()) < 1e-9;
}

bool near(const QRectF &a, const QRectF &b)
{
    return near(a.topLeft(), b.topLeft()) && near(a.bottomRight(), b.bottomRight());
}

ObjectEditRequest only(const QSignalSpy &spy)
{
    return spy.isEmpty() ? ObjectEditRequest() : spy.first().first().value<ObjectEditRequest>();
}

} // namespace

class TestObjectEditor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void hitTestFindsInsideHandlesVerticesAndEdges();
    void toleranceFollowsTheZoom();
    void dragMovesABoxBySubPixelsInOneRequest();
    void clickWithoutDragRequestsNothing();
    void handlesResizeTheirEdges_data();
    void handlesResizeTheirEdges();
    void moveStaysOnTheImage();
    void dragsAPolygonVertex();
    void altClickOnAnEdgeInsertsAVertexAndDragsIt();
    void doubleClickOnAnEdgeInsertsAVertex();
    void deleteRemovesTheSelectedVertexThenTheObject();
    void deleteTakesAnAddedObjectBackOut();
    void drawsABoxWithTheChosenClass();
    void tinyDrawnBoxIsOnlyAClick();
    void drawsAPolygonClosedByEnter();
    void escapeCancelsAPolygon();
    void arrowsNudgeAndKeyRepeatsAreOneStep();
    void shiftArrowNudgesTenPixelsAndMovesAVertex();
    void tabCyclesAndBracketsFindUndecidedLowConfidence();
    void brushPaintsAndErasesSquaresOfTheMask();
    void brushSizeKeys();
    void setObjectsKeepsTheSelectionOnItsObject();
    void removedObjectsAreNotDragged();
    void hiddenShapesAreNotPicked();

private:
    std::unique_ptr<ObjectEditor> m_editor;
};

void TestObjectEditor::init()
{
    m_editor = std::make_unique<ObjectEditor>();
    m_editor->setImageSize(QSize(200, 100));
    m_editor->setScale(2.0); // tolerance 3 units
    m_editor->setObjects({predicted(0, box(QStringLiteral("car"), 0.9, QRectF(10, 10, 40, 30))),
                          predicted(1, polygon(QStringLiteral("cyclist"), 0.3,
                                               QPolygonF({QPointF(100, 20), QPointF(140, 20),
                                                          QPointF(140, 60), QPointF(100, 60)}))),
                          predicted(2, box(QStringLiteral("car"), 0.41, QRectF(150, 50, 20, 20)))});
}

void TestObjectEditor::hitTestFindsInsideHandlesVerticesAndEdges()
{
    QCOMPARE(m_editor->hitTest(QPointF(30, 25)).part, ObjectEditor::Part::Inside);
    QCOMPARE(m_editor->hitTest(QPointF(30, 25)).object, 0);
    QCOMPARE(m_editor->hitTest(QPointF(5, 5)).object, -1);
    // Handles belong to the selected box only.
    QCOMPARE(m_editor->hitTest(QPointF(51, 41)).object, -1);
    m_editor->select(0);
    QCOMPARE(m_editor->hitTest(QPointF(51, 41)).part, ObjectEditor::Part::BottomRight);
    QCOMPARE(m_editor->hitTest(QPointF(30, 9)).part, ObjectEditor::Part::Top);
    QCOMPARE(m_editor->hitTest(QPointF(8, 25)).part, ObjectEditor::Part::Left);
    QCOMPARE(m_editor->hitTest(QPointF(10, 40)).part, ObjectEditor::Part::BottomLeft);
    // A polygon's vertices are picked on any polygon; its edges once it is selected.
    const ObjectEditor::Hit vertex = m_editor->hitTest(QPointF(141, 59));
    QCOMPARE(vertex.object, 1);
    QCOMPARE(vertex.part, ObjectEditor::Part::Vertex);
    QCOMPARE(vertex.vertex, 2);
    QCOMPARE(m_editor->hitTest(QPointF(120, 21)).part, ObjectEditor::Part::Inside);
    m_editor->select(1);
    const ObjectEditor::Hit edge = m_editor->hitTest(QPointF(120, 18.5));
    QCOMPARE(edge.part, ObjectEditor::Part::Edge);
    QCOMPARE(edge.vertex, 0);
    QVERIFY(near(edge.onEdge, QPointF(120, 20)));
}

void TestObjectEditor::toleranceFollowsTheZoom()
{
    m_editor->select(0);
    QCOMPARE(m_editor->hitTest(QPointF(54, 44)).object, -1);
    m_editor->setScale(1.0); // 6 units now
    QCOMPARE(m_editor->hitTest(QPointF(54, 44)).part, ObjectEditor::Part::BottomRight);
}

void TestObjectEditor::dragMovesABoxBySubPixelsInOneRequest()
{
    QSignalSpy requests(m_editor.get(), &ObjectEditor::editRequested);
    QVERIFY(m_editor->mousePress(QPointF(15.25, 20.5), Qt::LeftButton, Qt::NoModifier));
    QCOMPARE(m_editor->selected(), 0);
    for (int step = 1; step <= 10; ++step)
        m_editor->mouseMove(QPointF(15.25 + step * 1.225, 20.5 + step * 0.325), Qt::LeftButton);
    QCOMPARE(requests.count(), 0);
    QVERIFY(near(m_editor->shownObject(0).box, QRectF(22.25, 13.25, 40, 30)));
    m_editor->mouseRelease(QPointF(27.5, 23.75), Qt::LeftButton);
    QCOMPARE(requests.count(), 1);
    const ObjectEditRequest request = only(requests);
    QCOMPARE(request.kind, ObjectEditRequest::Kind::Reshape);
    QCOMPARE(request.index, 0);
    QCOMPARE(request.added, 0);
    QVERIFY(near(request.object.box, QRectF(22.25, 13.25, 40, 30)));
    QCOMPARE(request.object.label, QStringLiteral("car"));
}

void TestObjectEditor::clickWithoutDragRequestsNothing()
{
    QSignalSpy requests(m_editor.get(), &ObjectEditor::editRequested);
    m_editor->mousePress(QPointF(30, 25), Qt::LeftButton, Qt::NoModifier);
    m_editor->mouseRelease(QPointF(30, 25), Qt::LeftButton);
    QCOMPARE(requests.count(), 0);
    QCOMPARE(m_editor->selected(), 0);
    // A press on nothing clears the selection and is left to the view (it pans).
    QVERIFY(!m_editor->mousePress(QPointF(5, 90), Qt::LeftButton, Qt::NoModifier));
    QCOMPARE(m_editor->selected(), -1);
}

void TestObjectEditor::handlesResizeTheirEdges_data()
{
    QTest::addColumn<QPointF>("from");
    QTest::addColumn<QPointF>("to");
    QTest::addColumn<QRectF>("expected");
    // The box is 10,10 – 50,40.
    QTest::newRow("bottom-right") << QPointF(50, 40) << QPointF(58.5, 43.25)
                                  << QRectF(QPointF(10, 10), QPointF(58.5, 43.25));
    QTest::newRow("top-left") << QPointF(10, 10) << QPointF(12.5, 7.75)
                              << QRectF(QPointF(12.5, 7.75), QPointF(50, 40));
    QTest::newRow("right edge only") << QPointF(50, 25) << QPointF(42.125, 31)
                                     << QRectF(QPointF(10, 10), QPointF(42.125, 40));
    QTest::newRow("top edge only")
            << QPointF(30, 10) << QPointF(1, 12.5) << QRectF(QPointF(10, 12.5), QPointF(50, 40));
    QTest::newRow("left past right flips")
            << QPointF(10, 25) << QPointF(60, 25) << QRectF(QPointF(50, 10), QPointF(60, 40));
    QTest::newRow("clamped to the image")
            << QPointF(50, 40) << QPointF(250, 140) << QRectF(QPointF(10, 10), QPointF(200, 100));
}

void TestObjectEditor::handlesResizeTheirEdges()
{
    QFETCH(QPointF, from);
    QFETCH(QPointF, to);
    QFETCH(QRectF, expected);
    m_editor->select(0);
    QSignalSpy requests(m_editor.get(), &ObjectEditor::editRequested);
    QVERIFY(m_editor->mousePress(from, Qt::LeftButton, Qt::NoModifier));
    m_editor->mouseMove((from + to) / 2, Qt::LeftButton);
    m_editor->mouseMove(to, Qt::LeftButton);
    m_editor->mouseRelease(to, Qt::LeftButton);
    QCOMPARE(requests.count(), 1);
    const QRectF got = only(requests).object.box;
    QVERIFY2(near(got, expected), qPrintable(QStringLiteral("%1,%2 %3x%4")
                                                     .arg(got.x())
                                                     .arg(got.y())
                                                     .arg(got.width())
                                                     .arg(got.height())));
}

void TestObjectEditor::moveStaysOnTheImage()
{
    QSignalSpy requests(m_editor.get(), &ObjectEditor::editRequested);
    m_editor->mousePress(QPointF(20, 20), Qt::LeftButton, Qt::NoModifier);
    m_editor->mouseRelease(QPointF(-30, 5), Qt::LeftButton);
    QVERIFY(near(only(requests).object.box, QRectF(0, 0, 40, 30)));
}

void TestObjectEditor::dragsAPolygonVertex()
{
    QSignalSpy requests(m_editor.get(), &ObjectEditor::editRequested);
    QVERIFY(m_editor->mousePress(QPointF(139, 61), Qt::LeftButton, Qt::NoModifier));
    QCOMPARE(m_editor->selected(), 1);
    QCOMPARE(m_editor->selectedVertex(), 2);
    m_editor->mouseMove(QPointF(145, 66), Qt::LeftButton);
    m_editor->mouseRelease(QPointF(150.75, 70.5), Qt::LeftButton);
    QCOMPARE(requests.count(), 1);
    const QPolygonF got = only(requests).object.polygon;
    QCOMPARE(got.size(), 4);
    QVERIFY(near(got[2], QPointF(151.75, 69.5))); // the vertex moved as the pointer did
    QVERIFY(near(got[0], QPointF(100, 20)));
    QVERIFY(near(got[1], QPointF(140, 20)));
    QVERIFY(near(got[3], QPointF(100, 60)));
}

void TestObjectEditor::altClickOnAnEdgeInsertsAVertexAndDragsIt()
{
    m_editor->select(1);
    QSignalSpy requests(m_editor.get(), &ObjectEditor::editRequested);
    QVERIFY(m_editor->mousePress(QPointF(141, 40.5), Qt::LeftButton, Qt::AltModifier));
    QCOMPARE(requests.count(), 0);
    m_editor->mouseMove(QPointF(150, 41), Qt::LeftButton);
    m_editor->mouseRelease(QPointF(155.5, 42.5), Qt::LeftButton);
    QCOMPARE(requests.count(), 1);
    const QPolygonF got = only(requests).object.polygon;
    QCOMPARE(got.size(), 5);
    // Put at the nearest point of the edge (140, 40.5), then moved as the pointer was (+14.5, +2).
    QVERIFY(near(got[2], QPointF(154.5, 42.5)));
    QVERIFY(near(got[3], QPointF(140, 60)));
    QCOMPARE(m_editor->selectedVertex(), 2);

    // Without a drag the vertex is still put in, on the edge.
    requests.clear();
    m_editor->setObjects({predicted(
            1, polygon(QStringLiteral("cyclist"), 0.3,
                       QPolygonF({QPointF(100, 20), QPointF(140, 20), QPointF(140, 60)})))});
    m_editor->select(0);
    m_editor->mousePress(QPointF(120, 19), Qt::LeftButton, Qt::AltModifier);
    m_editor->mouseRelease(QPointF(120, 19), Qt::LeftButton);
    QCOMPARE(requests.count(), 1);
    QCOMPARE(only(requests).object.polygon,
             QPolygonF({QPointF(100, 20), QPointF(120, 20), QPointF(140, 20), QPointF(140, 60)}));
}

void TestObjectEditor::doubleClickOnAnEdgeInsertsAVertex()
{
    m_editor->select(1);
    QSignalSpy requests(m_editor.get(), &ObjectEditor::editRequested);
    m_editor->mousePress(QPointF(100.5, 30.25), Qt::LeftButton, Qt::NoModifier);
    m_editor->mouseRelease(QPointF(100.5, 30.25), Qt::LeftButton);
    QCOMPARE(requests.count(), 0);
    QVERIFY(m_editor->mouseDoubleClick(QPointF(100.5, 30.25), Qt::LeftButton));
    m_editor->mouseRelease(QPointF(100.5, 30.25), Qt::LeftButton);
    QCOMPARE(requests.count(), 1);
    const QPolygonF got = only(requests).object.polygon;
    QCOMPARE(got.size(), 5);
    QVERIFY(near(got[4], QPointF(100, 30.25))); // on the closing edge, from the last vertex
    QCOMPARE(m_editor->selectedVertex(), 4);
}

void TestObjectEditor::deleteRemovesTheSelectedVertexThenTheObject()
{
    QSignalSpy requests(m_editor.get(), &ObjectEditor::editRequested);
    m_editor->mousePress(QPointF(140, 20), Qt::LeftButton, Qt::NoModifier);
    m_editor->mouseRelease(QPointF(140, 20), Qt::LeftButton);
    QCOMPARE(m_editor->selectedVertex(), 1);
    QVERIFY(m_editor->keyPress(Qt::Key_Delete, Qt::NoModifier));
    QCOMPARE(requests.count(), 1);
    QCOMPARE(only(requests).kind, ObjectEditRequest::Kind::Reshape);
    QCOMPARE(only(requests).object.polygon,
             QPolygonF({QPointF(100, 20), QPointF(140, 60), QPointF(100, 60)}));
    QCOMPARE(m_editor->selectedVertex(), -1);
    // No vertex selected: Delete marks the predicted object a false positive.
    QVERIFY(m_editor->keyPress(Qt::Key_Delete, Qt::NoModifier));
    QCOMPARE(requests.count(), 2);
    const ObjectEditRequest removal = requests.at(1).first().value<ObjectEditRequest>();
    QCOMPARE(removal.kind, ObjectEditRequest::Kind::Remove);
    QCOMPARE(removal.index, 1);
}

void TestObjectEditor::deleteTakesAnAddedObjectBackOut()
{
    ReviewedObject added;
    added.added = 2;
    added.decision = ObjectDecision::Added;
    added.object = box(QStringLiteral("cyclist"), 1.0, QRectF(60, 60, 10, 10));
    QList<ReviewedObject> objects = m_editor->objects();
    objects.append(added);
    m_editor->setObjects(objects);
    QSignalSpy requests(m_editor.get(), &ObjectEditor::editRequested);
    m_editor->mousePress(QPointF(65, 65), Qt::LeftButton, Qt::NoModifier);
    m_editor->mouseRelease(QPointF(65, 65), Qt::LeftButton);
    QCOMPARE(m_editor->selected(), 3);
    m_editor->keyPress(Qt::Key_Delete, Qt::NoModifier);
    QCOMPARE(only(requests).kind, ObjectEditRequest::Kind::Remove);
    QCOMPARE(only(requests).index, -1);
    QCOMPARE(only(requests).added, 2);
}

void TestObjectEditor::drawsABoxWithTheChosenClass()
{
    m_editor->setNewObjectLabel(QStringLiteral("pedestrian"));
    QSignalSpy requests(m_editor.get(), &ObjectEditor::editRequested);
    QVERIFY(m_editor->keyPress(Qt::Key_B, Qt::NoModifier));
    QCOMPARE(m_editor->tool(), ObjectEditor::Tool::DrawBox);
    // Drawing starts even on an object.
    QVERIFY(m_editor->mousePress(QPointF(70.5, 80.25), Qt::LeftButton, Qt::NoModifier));
    m_editor->mouseMove(QPointF(80, 85), Qt::LeftButton);
    QVERIFY(near(m_editor->drawnBox(), QRectF(QPointF(70.5, 80.25), QPointF(80, 85))));
    m_editor->mouseMove(QPointF(60.125, 95.5), Qt::LeftButton);
    QCOMPARE(requests.count(), 0);
    m_editor->mouseRelease(QPointF(60.125, 95.5), Qt::LeftButton);
    QCOMPARE(requests.count(), 1);
    const ObjectEditRequest request = only(requests);
    QCOMPARE(request.kind, ObjectEditRequest::Kind::Add);
    QCOMPARE(request.object.shape, PredictedObject::Shape::Box);
    QCOMPARE(request.object.label, QStringLiteral("pedestrian"));
    QVERIFY(near(request.object.box, QRectF(QPointF(60.125, 80.25), QPointF(70.5, 95.5))));
    QCOMPARE(m_editor->tool(), ObjectEditor::Tool::Select);
}

void TestObjectEditor::tinyDrawnBoxIsOnlyAClick()
{
    QSignalSpy requests(m_editor.get(), &ObjectEditor::editRequested);
    m_editor->keyPress(Qt::Key_B, Qt::NoModifier);
    m_editor->mousePress(QPointF(70, 80), Qt::LeftButton, Qt::NoModifier);
    m_editor->mouseRelease(QPointF(71, 81), Qt::LeftButton); // 2 screen pixels
    QCOMPARE(requests.count(), 0);
}

void TestObjectEditor::drawsAPolygonClosedByEnter()
{
    m_editor->setNewObjectLabel(QStringLiteral("cyclist"));
    QSignalSpy requests(m_editor.get(), &ObjectEditor::editRequested);
    m_editor->keyPress(Qt::Key_P, Qt::NoModifier);
    const QPolygonF points({QPointF(60.5, 60.5), QPointF(90.25, 62), QPointF(75, 90.75)});
    for (const QPointF &point : points) {
        m_editor->mousePress(point, Qt::LeftButton, Qt::NoModifier);
        m_editor->mouseRelease(point, Qt::LeftButton);
    }
    // A double click on the last vertex adds it once.
    m_editor->mousePress(points.last(), Qt::LeftButton, Qt::NoModifier);
    m_editor->mouseDoubleClick(points.last(), Qt::LeftButton);
    QCOMPARE(m_editor->drawnPolygon(), points);
    QCOMPARE(requests.count(), 0);
    QVERIFY(m_editor->keyPress(Qt::Key_Return, Qt::NoModifier));
    QCOMPARE(requests.count(), 1);
    QCOMPARE(only(requests).kind, ObjectEditRequest::Kind::Add);
    QCOMPARE(only(requests).object.shape, PredictedObject::Shape::Polygon);
    QCOMPARE(only(requests).object.polygon, points);
    QCOMPARE(only(requests).object.label, QStringLiteral("cyclist"));
    QCOMPARE(m_editor->tool(), ObjectEditor::Tool::Select);
    QVERIFY(m_editor->drawnPolygon().isEmpty());
}

void TestObjectEditor::escapeCancelsAPolygon()
{
    QSignalSpy requests(m_editor.get(), &ObjectEditor::editRequested);
    m_editor->keyPress(Qt::Key_P, Qt::NoModifier);
    for (const QPointF &point : {QPointF(60, 60), QPointF(90, 60)}) {
        m_editor->mousePress(point, Qt::LeftButton, Qt::NoModifier);
        m_editor->mouseRelease(point, Qt::LeftButton);
    }
    QVERIFY(m_editor->keyPress(Qt::Key_Return, Qt::NoModifier)); // two vertices: not yet
    QCOMPARE(requests.count(), 0);
    QVERIFY(m_editor->keyPress(Qt::Key_Escape, Qt::NoModifier));
    QCOMPARE(m_editor->tool(), ObjectEditor::Tool::Select);
    QVERIFY(m_editor->drawnPolygon().isEmpty());
    QCOMPARE(requests.count(), 0);
}

void TestObjectEditor::arrowsNudgeAndKeyRepeatsAreOneStep()
{
    m_editor->select(0);
    QSignalSpy requests(m_editor.get(), &ObjectEditor::editRequested);
    QVERIFY(m_editor->keyPress(Qt::Key_Right, Qt::NoModifier));
    QVERIFY(m_editor->keyRelease(Qt::Key_Right, Qt::NoModifier));
    QCOMPARE(requests.count(), 1);
    QVERIFY(near(only(requests).object.box, QRectF(11, 10, 40, 30)));
    m_editor->setObjects({predicted(0, only(requests).object)}); // as the session gives it back

    // Held down: the system repeats press and release; one step when the key comes up.
    requests.clear();
    m_editor->keyPress(Qt::Key_Down, Qt::NoModifier, false);
    for (int repeat = 0; repeat < 4; ++repeat) {
        m_editor->keyRelease(Qt::Key_Down, Qt::NoModifier, true);
        m_editor->keyPress(Qt::Key_Down, Qt::NoModifier, true);
    }
    QCOMPARE(requests.count(), 0);
    QVERIFY(near(m_editor->shownObject(0).box, QRectF(11, 15, 40, 30)));
    m_editor->keyRelease(Qt::Key_Down, Qt::NoModifier, false);
    QCOMPARE(requests.count(), 1);
    QVERIFY(near(only(requests).object.box, QRectF(11, 15, 40, 30)));
}

void TestObjectEditor::shiftArrowNudgesTenPixelsAndMovesAVertex()
{
    m_editor->select(0);
    QSignalSpy requests(m_editor.get(), &ObjectEditor::editRequested);
    m_editor->keyPress(Qt::Key_Left, Qt::ShiftModifier);
    m_editor->keyRelease(Qt::Key_Left, Qt::ShiftModifier);
    QVERIFY(near(only(requests).object.box, QRectF(0, 10, 40, 30))); // 10 asked, 10 possible

    requests.clear();
    m_editor->mousePress(QPointF(100, 60), Qt::LeftButton, Qt::NoModifier);
    m_editor->mouseRelease(QPointF(100, 60), Qt::LeftButton);
    QCOMPARE(m_editor->selectedVertex(), 3);
    m_editor->keyPress(Qt::Key_Up, Qt::ShiftModifier);
    m_editor->keyRelease(Qt::Key_Up, Qt::ShiftModifier);
    QCOMPARE(only(requests).object.polygon,
             QPolygonF({QPointF(100, 20), QPointF(140, 20), QPointF(140, 60), QPointF(100, 50)}));
}

void TestObjectEditor::tabCyclesAndBracketsFindUndecidedLowConfidence()
{
    QVERIFY(m_editor->keyPress(Qt::Key_Tab, Qt::NoModifier));
    QCOMPARE(m_editor->selected(), 0);
    m_editor->keyPress(Qt::Key_Tab, Qt::NoModifier);
    m_editor->keyPress(Qt::Key_Tab, Qt::NoModifier);
    m_editor->keyPress(Qt::Key_Tab, Qt::NoModifier);
    QCOMPARE(m_editor->selected(), 0);
    m_editor->keyPress(Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(m_editor->selected(), 2);

    // Scores 0.9, 0.3, 0.41 under the default 0.5: objects 1 and 2.
    m_editor->select(-1);
    m_editor->keyPress(Qt::Key_BracketRight, Qt::NoModifier);
    QCOMPARE(m_editor->selected(), 1);
    m_editor->keyPress(Qt::Key_BracketRight, Qt::NoModifier);
    QCOMPARE(m_editor->selected(), 2);
    m_editor->keyPress(Qt::Key_BracketRight, Qt::NoModifier);
    QCOMPARE(m_editor->selected(), 1);
    m_editor->keyPress(Qt::Key_BracketLeft, Qt::NoModifier);
    QCOMPARE(m_editor->selected(), 2);
    // A decided object is not low-confidence work any more; the threshold is the project's.
    QList<ReviewedObject> objects = m_editor->objects();
    objects[1].decision = ObjectDecision::Approved;
    m_editor->setObjects(objects);
    m_editor->select(-1);
    m_editor->keyPress(Qt::Key_BracketRight, Qt::NoModifier);
    QCOMPARE(m_editor->selected(), 2);
    m_editor->setLowConfidenceThreshold(0.4);
    m_editor->select(-1);
    QVERIFY(!m_editor->selectNextLowConfidence());
    QCOMPARE(m_editor->selected(), -1);
}

void TestObjectEditor::brushPaintsAndErasesSquaresOfTheMask()
{
    // A 4×3 mask at (20, 30) on a 200×100 image.
    QImage local(4, 3, QImage::Format_Grayscale8);
    local.fill(255);
    PredictedObject mask;
    mask.shape = PredictedObject::Shape::Mask;
    mask.label = QStringLiteral("tumour");
    mask.score = 0.6;
    mask.mask = RleMask::fromLocal(local, QPoint(20, 30), QSize(200, 100));
    mask.box = mask.mask.bounds();
    QCOMPARE(mask.box, QRectF(20, 30, 4, 3));
    m_editor->setObjects({predicted(0, mask)});
    m_editor->select(0);
    QSignalSpy requests(m_editor.get(), &ObjectEditor::editRequested);

    QVERIFY(m_editor->keyPress(Qt::Key_M, Qt::NoModifier));
    QCOMPARE(m_editor->tool(), ObjectEditor::Tool::Brush);
    m_editor->setBrushSize(3);
    QCOMPARE(m_editor->brushSquare(QPointF(25.9, 31.2)), QRect(24, 30, 3, 3));
    // A stroke from (25.5, 31.5) to (29.5, 31.5) paints x 24..30, y 30..32.
    QVERIFY(m_editor->mousePress(QPointF(25.5, 31.5), Qt::LeftButton, Qt::NoModifier));
    m_editor->mouseMove(QPointF(29.5, 31.5), Qt::LeftButton);
    QCOMPARE(requests.count(), 0);
    m_editor->mouseRelease(QPointF(29.5, 31.5), Qt::LeftButton);
    QCOMPARE(requests.count(), 1);
    PredictedObject painted = only(requests).object;
    QCOMPARE(painted.shape, PredictedObject::Shape::Mask);
    QCOMPARE(painted.box, QRectF(20, 30, 11, 3));
    QCOMPARE(painted.mask.area(), qint64(11 * 3));

    // X erases: a 1-pixel eraser at (20.5, 31.5) takes that pixel out.
    m_editor->setObjects({predicted(0, painted)});
    requests.clear();
    m_editor->keyPress(Qt::Key_X, Qt::NoModifier);
    QVERIFY(m_editor->isErasing());
    m_editor->setBrushSize(1);
    m_editor->mousePress(QPointF(20.5, 31.5), Qt::LeftButton, Qt::NoModifier);
    m_editor->mouseRelease(QPointF(20.5, 31.5), Qt::LeftButton);
    QCOMPARE(requests.count(), 1);
    const PredictedObject erased = only(requests).object;
    QCOMPARE(erased.mask.area(), qint64(11 * 3 - 1));
    const QImage pixels = erased.mask.toLocal(QRect(20, 30, 11, 3));
    QCOMPARE(pixels.constScanLine(1)[0], uchar(0));
    QCOMPARE(pixels.constScanLine(0)[0], uchar(255));
    QCOMPARE(pixels.constScanLine(2)[10], uchar(255));
}

void TestObjectEditor::brushSizeKeys()
{
    m_editor->setBrushSize(5);
    m_editor->keyPress(Qt::Key_BraceRight, Qt::ShiftModifier);
    QCOMPARE(m_editor->brushSize(), 6);
    m_editor->keyPress(Qt::Key_BraceLeft, Qt::ShiftModifier);
    m_editor->keyPress(Qt::Key_BracketLeft, Qt::ShiftModifier);
    QCOMPARE(m_editor->brushSize(), 4);
    m_editor->setBrushSize(0);
    QCOMPARE(m_editor->brushSize(), 1);
}

void TestObjectEditor::setObjectsKeepsTheSelectionOnItsObject()
{
    m_editor->select(2);
    QList<ReviewedObject> objects = m_editor->objects();
    objects.removeAt(0); // another order, the same objects
    m_editor->setObjects(objects);
    QCOMPARE(m_editor->selected(), 1);
    QCOMPARE(m_editor->selectedObject()->index, 2);
}

void TestObjectEditor::removedObjectsAreNotDragged()
{
    QList<ReviewedObject> objects = m_editor->objects();
    objects[0].decision = ObjectDecision::Removed;
    m_editor->setObjects(objects);
    QSignalSpy requests(m_editor.get(), &ObjectEditor::editRequested);
    QVERIFY(m_editor->mousePress(QPointF(20, 20), Qt::LeftButton, Qt::NoModifier));
    QCOMPARE(m_editor->selected(), 0);
    m_editor->mouseMove(QPointF(40, 30), Qt::LeftButton);
    m_editor->mouseRelease(QPointF(40, 30), Qt::LeftButton);
    m_editor->keyPress(Qt::Key_Delete, Qt::NoModifier);
    QCOMPARE(requests.count(), 0);
}

void TestObjectEditor::hiddenShapesAreNotPicked()
{
    m_editor->select(0);
    m_editor->setShapeVisible(PredictedObject::Shape::Box, false);
    QCOMPARE(m_editor->selected(), -1);
    QCOMPARE(m_editor->hitTest(QPointF(30, 25)).object, -1);
    m_editor->keyPress(Qt::Key_Tab, Qt::NoModifier);
    QCOMPARE(m_editor->selected(), 1);
    m_editor->keyPress(Qt::Key_Tab, Qt::NoModifier);
    QCOMPARE(m_editor->selected(), 1); // the polygon is the only object shown
    m_editor->setShapeVisible(PredictedObject::Shape::Box, true);
    QCOMPARE(m_editor->hitTest(QPointF(30, 25)).object, 0);
}

QTEST_MAIN(TestObjectEditor)
#include "tst_objecteditor.moc"
