// Geometry on document pages, driven by mouse and keyboard on the real window: on the invoice PDF
// (boxes in PDF points, at 125 % zoom) a box is dragged, another resized by its handle, a missed
// box drawn with B in the chosen class, and Shift+A approves the rest and decides the document;
// on the scanned page (boxes in image pixels) Tab selects a word and Delete removes it as a
// false positive, and a missed word is outlined with P and its vertex dragged. Each step is then
// undone and redone, with the store and the page checked after each. A screenshot of the page being
// edited is saved when BOUCLE_SCREENSHOT_DIR names a folder.
#include "documentfixture.h"
#include "documentview/documentreviewpane.h"
#include "documentview/documentview.h"
#include "documentview/pagecanvas.h"
#include "documentview/textdocumentview.h"
#include "editing/objecteditor.h"
#include "mainwindow.h"
#include "panels/decisionbar.h"
#include "queue/queuemodel.h"
#include "screenshots.h"
#include "store/projectstore.h"
#include "windowfixture.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

class TestDocumentGeometry : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void editsPageObjectsByMouseAndKeys();
    void removesASpanAndApprovesTheRestByKeys();

private:
    void openWindow();
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        m_windowFixture.press(key, modifiers);
    }
    void drag(QWidget *widget, const QPoint &from, const QPoint &to);
    QJsonArray objectsOnDisk(int index) const;
    ReviewStatus statusOnDisk(int index) const;
    QJsonObject entryFor(int item, const QString &key, int value) const;

    WindowFixture m_windowFixture;
    DocumentFixture m_fixture;
    MainWindow *m_window = nullptr;
};

namespace {

QRectF bboxOf(const QJsonObject &entry)
{
    const QJsonArray box = entry.value(QStringLiteral("bbox")).toArray();
    return QRectF(box.at(0).toDouble(), box.at(1).toDouble(), box.at(2).toDouble(),
                  box.at(3).toDouble());
}

bool near(const QRectF &a, const QRectF &b)
{
    return std::abs(a.x() - b.x()) < 1e-6 && std::abs(a.y() - b.y()) < 1e-6
           && std::abs(a.width() - b.width()) < 1e-6 && std::abs(a.height() - b.height()) < 1e-6;
}

QString text(const QRectF &box)
{
    return QStringLiteral("%1 %2 %3 %4")
            .arg(box.x(), 0, 'f', 9)
            .arg(box.y(), 0, 'f', 9)
            .arg(box.width(), 0, 'f', 9)
            .arg(box.height(), 0, 'f', 9);
}

} // namespace

void TestDocumentGeometry::initTestCase()
{
    WindowFixture::isolateSettings(QStringLiteral("tst_documentgeometry"));
}

void TestDocumentGeometry::init()
{
    QVERIFY(m_windowFixture.prepare());
}

void TestDocumentGeometry::cleanup()
{
    m_window = nullptr;
    m_windowFixture.reset();
}

void TestDocumentGeometry::openWindow()
{
    QVERIFY(!m_windowFixture.createProject(
            [this](ProjectStore &store) { return makeDocumentFixture(store, m_fixture, true); }));
    const StoreError error = m_windowFixture.openWindow();
    QVERIFY2(!error, qPrintable(error.message));
    m_window = m_windowFixture.window();
    QCOMPARE(m_window->queueModel()->rowCount(), int(DocumentFixture::ItemCount));
}

void TestDocumentGeometry::drag(QWidget *widget, const QPoint &from, const QPoint &to)
{
    QTest::mousePress(widget, Qt::LeftButton, {}, from);
    QTest::mouseMove(widget, (from + to) / 2);
    QTest::mouseMove(widget, to);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, to);
    QCoreApplication::processEvents();
}

QJsonArray TestDocumentGeometry::objectsOnDisk(int index) const
{
    ProjectStore other;
    if (other.open(m_windowFixture.projectPath(), ProjectStore::OpenMode::ReadOnly))
        return {};
    const auto revision = other.currentRevision(m_fixture.items.at(index).sampleId);
    return revision ? revision->objects : QJsonArray();
}

ReviewStatus TestDocumentGeometry::statusOnDisk(int index) const
{
    ProjectStore other;
    if (other.open(m_windowFixture.projectPath(), ProjectStore::OpenMode::ReadOnly))
        return ReviewStatus::Pending;
    const auto item = other.batchItem(m_fixture.items.at(index).id);
    return item ? item->status : ReviewStatus::Pending;
}

QJsonObject TestDocumentGeometry::entryFor(int item, const QString &key, int value) const
{
    const QJsonArray objects = objectsOnDisk(item);
    for (const QJsonValue &entry : objects) {
        if (entry.toObject().value(key).toInt(-1) == value)
            return entry.toObject();
    }
    return {};
}

void TestDocumentGeometry::editsPageObjectsByMouseAndKeys()
{
    openWindow();
    DocumentReviewPane *pane = m_window->documentPane();
    DocumentView *view = pane->documentView();
    PageCanvas *canvas = view->canvas();

    // The invoice PDF, second in the queue.
    press(Qt::Key_J);
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(DocumentFixture::Invoice).id);
    QVERIFY(!pane->isText());
    QTRY_VERIFY(view->isPageShown());
    // A click on the page's margin gives it the keys; + zooms the page, not the window.
    QTest::mouseClick(canvas, Qt::LeftButton, {}, QPoint(4, 4));
    QVERIFY(view->isAncestorOf(QApplication::focusWidget()));
    const double zoomBefore = view->zoom();
    press(Qt::Key_Plus);
    QVERIFY(view->zoom() > zoomBefore);
    QVERIFY(!qFuzzyCompare(view->zoom(), 1.0));
    QTRY_VERIFY(view->isPageShown());
    const double scale = canvas->scale(); // widget pixels per PDF point
    auto at = [scale](double x, double y) {
        return QPointF(x * scale, y * scale).toPoint();
    };

    // 1. Drag the invoice number's box (180, 62, 110, 36) by 30 px right and 15 px down.
    const QPoint grip = at(235, 80);
    drag(canvas, grip, grip + QPoint(30, 15));
    const QRectF moved(180 + 30 / scale, 62 + 15 / scale, 110, 36);
    QJsonObject entry = entryFor(DocumentFixture::Invoice, QStringLiteral("object"), 0);
    QCOMPARE(entry.value(QStringLiteral("decision")).toString(), QStringLiteral("override"));
    QVERIFY2(near(bboxOf(entry), moved), qPrintable(text(bboxOf(entry))));
    QCOMPARE(pane->currentObject(), 0);
    QVERIFY(near(view->objectEditor()->selectedObject()->object.box, moved));

    // 2. Select the date's box (60, 120, 160, 24) and drag its bottom-right handle.
    QTest::mouseClick(canvas, Qt::LeftButton, {}, at(140, 132));
    QCOMPARE(pane->currentObject(), 1);
    QCOMPARE(objectsOnDisk(DocumentFixture::Invoice).size(), 1); // a click stores nothing
    const QPoint corner = at(220, 144);
    drag(canvas, corner, corner + QPoint(24, 12));
    entry = entryFor(DocumentFixture::Invoice, QStringLiteral("object"), 1);
    QCOMPARE(entry.value(QStringLiteral("decision")).toString(), QStringLiteral("override"));
    QVERIFY2(near(bboxOf(entry), QRectF(60, 120, 160 + 24 / scale, 24 + 12 / scale)),
             qPrintable(text(bboxOf(entry))));

    // 3. A missed object: class 1 chosen, then B and a drag on empty paper.
    press(Qt::Key_1);
    const QString chosen = m_window->decisionBar()->chosenClass();
    QVERIFY(m_fixture.classes.contains(chosen));
    QVERIFY(view->isAncestorOf(QApplication::focusWidget()));
    press(Qt::Key_B);
    QCOMPARE(view->objectEditor()->tool(), ObjectEditor::Tool::DrawBox);
    const QPoint corner1 = at(300, 300);
    const QPoint corner2 = at(420, 340);
    drag(canvas, corner1, corner2);
    entry = entryFor(DocumentFixture::Invoice, QStringLiteral("added"), 1);
    QCOMPARE(entry.value(QStringLiteral("decision")).toString(), QStringLiteral("add"));
    QCOMPARE(entry.value(QStringLiteral("label")).toString(), chosen);
    QVERIFY2(near(bboxOf(entry), QRectF(QPointF(corner1) / scale, QPointF(corner2) / scale)),
             qPrintable(text(bboxOf(entry))));
    QCOMPARE(view->currentAddedObject(), 1);
    QCOMPARE(pane->reviewedObjectList().size(), 4);
    QCOMPARE(pane->reviewedObjectList().last().decision, ObjectDecision::Added);
    QCOMPARE(statusOnDisk(DocumentFixture::Invoice), ReviewStatus::Pending);
    {
        QString error;
        QVERIFY2(saveScreenshot(m_window->grab().toImage(), QStringLiteral("document-geometry.png"),
                                &error),
                 qPrintable(error));
    }

    // 4. Shift+A approves the total, decides the invoice, and the queue moves on.
    press(Qt::Key_A, Qt::ShiftModifier);
    QVERIFY(statusOnDisk(DocumentFixture::Invoice) != ReviewStatus::Pending);
    QCOMPARE(entryFor(DocumentFixture::Invoice, QStringLiteral("object"), 2)
                     .value(QStringLiteral("decision"))
                     .toString(),
             QStringLiteral("approve"));
    QCOMPARE(objectsOnDisk(DocumentFixture::Invoice).size(), 4);
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(DocumentFixture::Scan).id);

    // 5. The scanned page (word boxes in image pixels): Tab selects, Delete removes "dne".
    QTRY_VERIFY(view->isPageShown());
    QTest::mouseClick(canvas, Qt::LeftButton, {}, QPoint(2, 2));
    press(Qt::Key_Tab);
    press(Qt::Key_Tab);
    QCOMPARE(pane->currentObject(), 1);
    press(Qt::Key_Delete);
    entry = entryFor(DocumentFixture::Scan, QStringLiteral("object"), 1);
    QCOMPARE(entry.value(QStringLiteral("decision")).toString(), QStringLiteral("remove"));
    QCOMPARE(objectsOnDisk(DocumentFixture::Scan).size(), 1);
    QCOMPARE(view->objectEditor()->objects().at(1).decision, ObjectDecision::Removed);
    // A missed word outlined as a polygon: P, three clicks, Return; in image pixels.
    press(Qt::Key_P);
    const double pixels = canvas->scale();
    const QList<QPoint> clicks = {QPoint(40, 160), QPoint(140, 160), QPoint(90, 200)};
    for (const QPoint &click : clicks)
        QTest::mouseClick(canvas, Qt::LeftButton, {}, click);
    press(Qt::Key_Return);
    entry = entryFor(DocumentFixture::Scan, QStringLiteral("added"), 1);
    QCOMPARE(entry.value(QStringLiteral("decision")).toString(), QStringLiteral("add"));
    const QJsonArray polygon = entry.value(QStringLiteral("polygon")).toArray();
    QCOMPARE(polygon.size(), 3);
    QVERIFY2(std::abs(polygon.at(1).toArray().at(0).toDouble() - 140 / pixels) < 1e-6,
             qPrintable(QString::number(polygon.at(1).toArray().at(0).toDouble(), 'f', 9)));
    QCOMPARE(view->objectEditor()->objects().size(), 4);
    // The new polygon stays selected: its second vertex is dragged 10 px right.
    QCOMPARE(view->currentAddedObject(), 1);
    drag(canvas, clicks.at(1), clicks.at(1) + QPoint(10, 0));
    entry = entryFor(DocumentFixture::Scan, QStringLiteral("added"), 1);
    const double vertexX
            = entry.value(QStringLiteral("polygon")).toArray().at(1).toArray().at(0).toDouble();
    QVERIFY2(std::abs(vertexX - 150 / pixels) < 1e-6, qPrintable(QString::number(vertexX, 'f', 9)));

    // Undo, step by step: each change leaves the store and the page.
    press(Qt::Key_Z, Qt::ControlModifier);
    entry = entryFor(DocumentFixture::Scan, QStringLiteral("added"), 1);
    QVERIFY(std::abs(entry.value(QStringLiteral("polygon"))
                             .toArray()
                             .at(1)
                             .toArray()
                             .at(0)
                             .toDouble()
                     - 140 / pixels)
            < 1e-6);
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(objectsOnDisk(DocumentFixture::Scan).size(), 1);
    QCOMPARE(view->objectEditor()->objects().size(), 3);
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(objectsOnDisk(DocumentFixture::Scan).size(), 0);
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(DocumentFixture::Scan).id);
    QCOMPARE(view->objectEditor()->objects().at(1).decision, ObjectDecision::Undecided);
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(statusOnDisk(DocumentFixture::Invoice), ReviewStatus::Pending);
    QCOMPARE(objectsOnDisk(DocumentFixture::Invoice).size(), 3);
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(DocumentFixture::Invoice).id);
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(objectsOnDisk(DocumentFixture::Invoice).size(), 2);
    QVERIFY(entryFor(DocumentFixture::Invoice, QStringLiteral("added"), 1).isEmpty());
    QCOMPARE(pane->reviewedObjectList().size(), 3);
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(objectsOnDisk(DocumentFixture::Invoice).size(), 1);
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(objectsOnDisk(DocumentFixture::Invoice).size(), 0);
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(DocumentFixture::Invoice).id);
    QVERIFY(near(pane->shownObjects().at(0).box, QRectF(180, 62, 110, 36)));
    QVERIFY(near(view->objectEditor()->objects().at(0).object.box, QRectF(180, 62, 110, 36)));

    // Redo, step by step: each comes back as stored.
    press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(near(bboxOf(entryFor(DocumentFixture::Invoice, QStringLiteral("object"), 0)), moved));
    press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(objectsOnDisk(DocumentFixture::Invoice).size(), 2);
    press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(entryFor(DocumentFixture::Invoice, QStringLiteral("added"), 1)
                     .value(QStringLiteral("label"))
                     .toString(),
             chosen);
    press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(statusOnDisk(DocumentFixture::Invoice) != ReviewStatus::Pending);
    QCOMPARE(objectsOnDisk(DocumentFixture::Invoice).size(), 4);
    press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(entryFor(DocumentFixture::Scan, QStringLiteral("object"), 1)
                     .value(QStringLiteral("decision"))
                     .toString(),
             QStringLiteral("remove"));
    press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(objectsOnDisk(DocumentFixture::Scan).size(), 2);
    press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    entry = entryFor(DocumentFixture::Scan, QStringLiteral("added"), 1);
    QVERIFY(std::abs(entry.value(QStringLiteral("polygon"))
                             .toArray()
                             .at(1)
                             .toArray()
                             .at(0)
                             .toDouble()
                     - 150 / pixels)
            < 1e-6);
}

void TestDocumentGeometry::removesASpanAndApprovesTheRestByKeys()
{
    openWindow();
    DocumentReviewPane *pane = m_window->documentPane();
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(DocumentFixture::Note).id);
    QVERIFY(pane->isText());
    // ] selects "3 March"; a click puts the keys in the text, where Delete removes the span.
    press(Qt::Key_BracketRight);
    QCOMPARE(pane->currentObject(), 1);
    auto *text = pane->textView()->findChild<QPlainTextEdit *>();
    QVERIFY(text);
    QTest::mouseClick(text->viewport(), Qt::LeftButton, {}, QPoint(4, 4));
    QCOMPARE(QApplication::focusWidget(), text);
    QCOMPARE(pane->currentObject(), 1);
    press(Qt::Key_Delete);
    QJsonObject entry = entryFor(DocumentFixture::Note, QStringLiteral("object"), 1);
    QCOMPARE(entry.value(QStringLiteral("decision")).toString(), QStringLiteral("remove"));
    // Shift+A approves the other two spans and decides the note; the queue moves on.
    QTest::mouseClick(text->viewport(), Qt::LeftButton, {}, QPoint(4, 4));
    press(Qt::Key_A, Qt::ShiftModifier);
    QCOMPARE(objectsOnDisk(DocumentFixture::Note).size(), 3);
    QVERIFY(statusOnDisk(DocumentFixture::Note) != ReviewStatus::Pending);
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(DocumentFixture::Invoice).id);
    // Ctrl+Z twice: the note is pending again, with nothing decided.
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(statusOnDisk(DocumentFixture::Note), ReviewStatus::Pending);
    QCOMPARE(objectsOnDisk(DocumentFixture::Note).size(), 1);
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(objectsOnDisk(DocumentFixture::Note).size(), 0);
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(DocumentFixture::Note).id);
}

QTEST_MAIN(TestDocumentGeometry)
#include "tst_documentgeometry.moc"
