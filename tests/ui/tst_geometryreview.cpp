// Geometry review of a detection, keyboard and mouse only, on the real window: a street image
// whose detector found two cars, a pedestrian and a cyclist's outline. The reviewer moves one
// box, resizes another, deletes a false positive, draws the cyclist the model missed and drags a
// polygon vertex; then the project file, undo and redo, the version diff and a COCO export all
// hold exactly those five changes. With BOUCLE_SCREENSHOT_DIR set, the window is saved while
// editing (geometry-editing.png).
#include "editing/objecteditor.h"
#include "ingest/logimporter.h"
#include "interop/outsideexport.h"
#include "mainwindow.h"
#include "panels/decisionbar.h"
#include "panels/flagreasonspanel.h"
#include "queue/queuemodel.h"
#include "review/objectreview.h"
#include "sampleview/sampleview.h"
#include "screenshots.h"
#include "store/projectstore.h"
#include "windowfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTableView>
#include <QTest>

#include <cmath>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

constexpr double exact = 1e-9;

bool near(double a, double b)
{
    return std::abs(a - b) < exact;
}

bool near(const QRectF &a, const QRectF &b)
{
    return near(a.x(), b.x()) && near(a.y(), b.y()) && near(a.width(), b.width())
           && near(a.height(), b.height());
}

QString text(const QRectF &r)
{
    return QStringLiteral("[%1, %2, %3, %4]")
            .arg(r.x(), 0, 'g', 17)
            .arg(r.y(), 0, 'g', 17)
            .arg(r.width(), 0, 'g', 17)
            .arg(r.height(), 0, 'g', 17);
}

} // namespace

class TestGeometryReview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void correctsADetectionByMouseAndKeys();

private:
    void openWindow();
    QPoint onScreen(const QPointF &imagePoint) const;
    QPointF inImage(const QPoint &viewportPoint) const;
    // Presses at `from` (image pixels), moves in steps and releases `by` screen pixels away;
    // returns the image pixels the pointer moved.
    QPointF drag(const QPointF &from, const QPoint &by,
                 Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    void click(const QPointF &at);
    QList<ReviewedObject> objectsOnDisk() const;
    ReviewStatus statusOnDisk() const;
    MainWindow *window() const { return m_window.window(); }

    WindowFixture m_window;
    BatchItemId m_item = 0;
    SampleId m_sample = 0;
};

void TestGeometryReview::initTestCase()
{
    WindowFixture::isolateSettings(QStringLiteral("tst_geometryreview"));
}

void TestGeometryReview::init()
{
    QVERIFY(m_window.prepare());
}

void TestGeometryReview::cleanup()
{
    m_window.reset();
}

void TestGeometryReview::openWindow()
{
    // A 640×480 street: two cars (one of them only a shadow the model took for a car), a
    // pedestrian, a cyclist outlined by a polygon, and a second cyclist the model missed.
    const QDir root(m_window.folder());
    QVERIFY(root.mkpath(QStringLiteral("images")));
    QImage street(640, 480, QImage::Format_RGB32);
    street.fill(QColor(120, 128, 136));
    {
        QPainter painter(&street);
        painter.fillRect(QRect(0, 300, 640, 180), QColor(70, 72, 76));
        painter.fillRect(QRect(48, 66, 120, 80), QColor(200, 40, 40));    // car
        painter.fillRect(QRect(300, 50, 80, 60), QColor(100, 106, 112));  // a shadow
        painter.fillRect(QRect(452, 205, 48, 110), QColor(240, 200, 60)); // pedestrian
        painter.setBrush(QColor(60, 160, 220));
        painter.drawPolygon(QPolygon({QPoint(100, 300), QPoint(200, 300), QPoint(212, 430),
                                      QPoint(100, 420)})); // cyclist
        painter.setBrush(QColor(60, 200, 120));
        painter.drawEllipse(QRect(520, 350, 80, 90));                     // the missed cyclist
        painter.fillRect(QRect(228, 242, 26, 66), QColor(230, 120, 200)); // a child
    }
    QVERIFY(street.save(root.filePath(QStringLiteral("images/street.png"))));
    // What the detector looked at: warm over the objects it found.
    QImage heat(64, 48, QImage::Format_Grayscale8);
    const QList<QPointF> hot {QPointF(10, 10), QPointF(34, 8), QPointF(47, 25), QPointF(15, 36),
                              QPointF(24, 26)};
    for (int y = 0; y < heat.height(); ++y) {
        for (int x = 0; x < heat.width(); ++x) {
            double value = 0;
            for (const QPointF &centre : hot) {
                const double dx = (x - centre.x()) / 5.0;
                const double dy = (y - centre.y()) / 5.0;
                value = std::max(value, std::exp(-(dx * dx + dy * dy)));
            }
            heat.scanLine(y)[x] = uchar(255.0 * value);
        }
    }
    QVERIFY(heat.save(root.filePath(QStringLiteral("images/street_heat.png"))));

    QFile log(root.filePath(QStringLiteral("detections.jsonl")));
    QVERIFY(log.open(QIODevice::WriteOnly));
    log.write(R"({"classes": ["car", "pedestrian", "cyclist"]}
{"sample": "images/street.png", "model": "detector@1", "heatmap": "images/street_heat.png", "objects": [{"label": "car", "score": 0.92, "bbox": [40, 60, 120, 80]}, {"label": "car", "score": 0.41, "bbox": [300, 50, 80, 60]}, {"label": "pedestrian", "score": 0.85, "bbox": [450, 200, 40, 100]}, {"label": "cyclist", "score": 0.77, "polygon": [[100, 300], [200, 300], [200, 420], [100, 420]]}, {"label": "pedestrian", "score": 0.35, "bbox": [226, 240, 30, 70]}]}
)");
    log.close();
    ImportReport report;
    QList<BatchItemRecord> items;
    QVERIFY(!m_window.createProject([&](ProjectStore &store) {
        LogImporter importer(store);
        ImportOptions options;
        options.batchName = QStringLiteral("street");
        importer.setOptions(options);
        report = importer.import(log.fileName());
        if (report.isSuccess())
            items = store.batchItems(report.batchId);
        return StoreError();
    }));
    QVERIFY2(report.isSuccess(), qPrintable(report.summary() + report.problemList()));
    QCOMPARE(items.size(), 1);
    m_item = items.first().id;
    m_sample = items.first().sampleId;
    const StoreError error = m_window.openWindow(QSize(1400, 900));
    QVERIFY2(!error, qPrintable(error.message));
    QCOMPARE(window()->currentItem(), m_item);
    QTRY_VERIFY(window()->sampleView()->isEditing());
    QCOMPARE(window()->sampleView()->objectEditor()->objects().size(), 5);
}

QPoint TestGeometryReview::onScreen(const QPointF &imagePoint) const
{
    return window()->sampleView()->mapFromScene(imagePoint);
}

QPointF TestGeometryReview::inImage(const QPoint &viewportPoint) const
{
    return window()->sampleView()->imagePoint(QPointF(viewportPoint));
}

QPointF TestGeometryReview::drag(const QPointF &from, const QPoint &by,
                                 Qt::KeyboardModifiers modifiers)
{
    QWidget *viewport = window()->sampleView()->viewport();
    const QPoint start = onScreen(from);
    QTest::mousePress(viewport, Qt::LeftButton, modifiers, start);
    for (int step = 1; step <= 4; ++step)
        QTest::mouseMove(viewport, start + by * step / 4);
    QTest::mouseRelease(viewport, Qt::LeftButton, modifiers, start + by);
    QCoreApplication::processEvents();
    return inImage(start + by) - inImage(start);
}

void TestGeometryReview::click(const QPointF &at)
{
    QTest::mouseClick(window()->sampleView()->viewport(), Qt::LeftButton, {}, onScreen(at));
    QCoreApplication::processEvents();
}

QList<ReviewedObject> TestGeometryReview::objectsOnDisk() const
{
    ProjectStore other;
    if (other.open(m_window.projectPath(), ProjectStore::OpenMode::ReadOnly))
        return {};
    const auto item = other.batchItem(m_item);
    const auto prediction = item ? other.prediction(item->predictionId) : std::nullopt;
    const auto revision = other.currentRevision(m_sample);
    return ObjectReview::reviewed(prediction ? prediction->objects : QList<PredictedObject>(),
                                  revision ? revision->objects : QJsonArray());
}

ReviewStatus TestGeometryReview::statusOnDisk() const
{
    return m_window.statusOnDisk(m_item);
}

void TestGeometryReview::correctsADetectionByMouseAndKeys()
{
    openWindow();
    SampleView *view = window()->sampleView();
    ObjectEditor *editor = view->objectEditor();
    QVERIFY(view->hasHeatmap());
    QVERIFY(view->isHeatmapVisible());
    QVERIFY(window()->reasonsPanel()->isVisible());
    const QList<ReviewedObject> before = objectsOnDisk();
    QCOMPARE(before.size(), 5);
    for (const ReviewedObject &object : before)
        QVERIFY(!object.isDecided());

    // `]` goes to the undecided low-confidence object, the 0.41 "car", from anywhere in the
    // window.
    window()->queueView()->setFocus();
    m_window.press(Qt::Key_BracketRight);
    QCOMPARE(editor->selected(), 1);

    // 1. The car's box sits 8 px left and 6 px up of the car: drag it there.
    const QPointF moved = drag(QPointF(100, 100), QPoint(11, 7));
    QVERIFY(!moved.isNull());
    QCOMPARE(editor->objects().at(0).decision, ObjectDecision::Corrected);

    // 2. The pedestrian's box is too short: select it and drag its bottom-right handle.
    click(QPointF(470, 250));
    QCOMPARE(editor->selected(), 2);
    const QPointF grown = drag(QPointF(490, 300), QPoint(12, 18));

    // 3. The second "car" is a shadow: select it, Delete.
    click(QPointF(340, 80));
    QCOMPARE(editor->selected(), 1);
    m_window.press(Qt::Key_Delete);
    QCOMPARE(editor->objects().at(1).decision, ObjectDecision::Removed);

    // 4. The model missed a cyclist: class 3 (cyclist), B, drag its box.
    m_window.press(Qt::Key_3);
    QCOMPARE(window()->decisionBar()->chosenClass(), QStringLiteral("cyclist"));
    m_window.press(Qt::Key_B);
    QCOMPARE(editor->tool(), ObjectEditor::Tool::DrawBox);
    const QPoint drawFrom = onScreen(QPointF(520, 350));
    const QPointF drawn = drag(QPointF(520, 350), QPoint(66, 74));
    const QRectF missed(inImage(drawFrom), QSizeF(drawn.x(), drawn.y()));
    QCOMPARE(editor->tool(), ObjectEditor::Tool::Select);

    // 5. The cyclist's outline misses the wheel: drag its lower-right vertex.
    const QPointF pulled = drag(QPointF(200, 420), QPoint(9, 7));

    // The picture: the pedestrian selected, the child's box still undecided and low-confidence.
    click(QPointF(470, 250));
    QCOMPARE(editor->selected(), 2);
    QVERIFY(editor->isLowConfidence(editor->objects().at(4)));
    const QString screenshotError = [&] {
        QString error;
        saveScreenshot(window()->grab().toImage(), QStringLiteral("geometry-editing.png"), &error);
        return error;
    }();
    QVERIFY2(screenshotError.isEmpty(), qPrintable(screenshotError));

    // The project file holds exactly those five changes; the child's box is undecided.
    const auto checkEdited = [&](const QList<ReviewedObject> &objects, bool remainingApproved) {
        QCOMPARE(objects.size(), 6);
        QCOMPARE(objects[0].decision, ObjectDecision::Corrected);
        QVERIFY2(near(objects[0].object.box, QRectF(40, 60, 120, 80).translated(moved)),
                 qPrintable(text(objects[0].object.box)));
        QCOMPARE(objects[0].object.label, QStringLiteral("car"));
        QCOMPARE(objects[1].decision, ObjectDecision::Removed);
        QCOMPARE(objects[2].decision, ObjectDecision::Corrected);
        QVERIFY2(near(objects[2].object.box, QRectF(450, 200, 40 + grown.x(), 100 + grown.y())),
                 qPrintable(text(objects[2].object.box)));
        QCOMPARE(objects[3].decision, ObjectDecision::Corrected);
        const QPolygonF polygon = objects[3].object.polygon;
        QCOMPARE(polygon.size(), 4);
        QCOMPARE(polygon[0], QPointF(100, 300));
        QCOMPARE(polygon[1], QPointF(200, 300));
        // The vertex moved from (200, 420) as the pointer did from where it was pressed.
        QVERIFY(near(polygon[2].x(), 200 + pulled.x()));
        QVERIFY(near(polygon[2].y(), 420 + pulled.y()));
        QCOMPARE(polygon[3], QPointF(100, 420));
        QCOMPARE(objects[4].decision,
                 remainingApproved ? ObjectDecision::Approved : ObjectDecision::Undecided);
        QCOMPARE(objects[4].object.box, QRectF(226, 240, 30, 70));
        QCOMPARE(objects[5].decision, ObjectDecision::Added);
        QCOMPARE(objects[5].added, 1);
        QCOMPARE(objects[5].object.label, QStringLiteral("cyclist"));
        QVERIFY2(near(objects[5].object.box, missed), qPrintable(text(objects[5].object.box)));
    };
    checkEdited(objectsOnDisk(), false);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(statusOnDisk(), ReviewStatus::Pending);
    // The view shows what the session stored.
    QCOMPARE(editor->objects().size(), 6);
    QVERIFY(near(editor->objects().at(5).object.box, missed));

    // Shift+A approves the child's box, the one object left, and with it the image.
    m_window.press(Qt::Key_A, Qt::ShiftModifier);
    const QList<ReviewedObject> edited = objectsOnDisk();
    checkEdited(edited, true);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(statusOnDisk(), ReviewStatus::Overridden);

    // Undo takes the six steps back one by one, redo puts them back.
    for (int step = 6; step >= 1; --step) {
        m_window.press(Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY(view->isEditing());
    }
    const QList<ReviewedObject> undone = objectsOnDisk();
    QCOMPARE(undone.size(), 5);
    for (const ReviewedObject &object : undone)
        QVERIFY(!object.isDecided());
    QCOMPARE(statusOnDisk(), ReviewStatus::Pending);
    QCOMPARE(editor->objects().size(), 5);
    QCOMPARE(editor->objects().at(0).decision, ObjectDecision::Undecided);
    for (int step = 1; step <= 6; ++step) {
        m_window.press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(view->isEditing());
    }
    checkEdited(objectsOnDisk(), true);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(statusOnDisk(), ReviewStatus::Overridden);
    QCOMPARE(window()->currentItem(), m_item);

    // A version of the dataset, and a COCO export of it holding the five objects a person
    // confirmed (the false positive is left out).
    ProjectStore store;
    QVERIFY(!store.open(m_window.projectPath()));
    VersionRecord version;
    QVERIFY(!store.commitVersion(QStringLiteral("ada"), QStringLiteral("street reviewed"),
                                 &version));
    // The diff names the one sample that changed, with the sentence of its newest step as its
    // reason; the version's labels hold the five changes, and the sample's history says each in
    // words.
    const QList<VersionChange> changes = store.diff(0, version.number).value;
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().samplePath, QStringLiteral("images/street.png"));
    QCOMPARE(changes.first().author, QStringLiteral("ada"));
    QCOMPARE(changes.first().reason, QStringLiteral("box 5 (pedestrian): approve"));
    // ... and says, per object, what changed between the versions: exactly the five edits and
    // the approval that completed the image.
    const QStringList perObject
            = ObjectReview::versionChanges(changes.first().oldObjects, changes.first().newObjects);
    QCOMPARE(perObject.size(), 6);
    const QString diffText = perObject.join(QLatin1Char('\n'));
    for (const QString &expected :
         {QStringLiteral("box 1 (car): moved"), QStringLiteral("box 3 (pedestrian): widened"),
          QStringLiteral("false positive removed: car 0.41 (box 2)"),
          QStringLiteral("polygon 4 (cyclist): vertex 3 moved"),
          QStringLiteral("box 5 (pedestrian): approve"),
          QStringLiteral("missed object added: cyclist (box +1)")})
        QVERIFY2(diffText.contains(expected), qPrintable(diffText));
    const QList<LabelledSample> atVersion = store.labelsAt(version.number).value;
    QCOMPARE(atVersion.size(), 1);
    const auto prediction = store.prediction(store.batchItem(m_item)->predictionId);
    QVERIFY(prediction);
    checkEdited(ObjectReview::reviewed(prediction->objects, atVersion.first().objects), true);
    QStringList history;
    for (const LabelRevision &revision : store.sampleHistory(m_sample))
        history.append(revision.reason);
    const QString said = history.join(QLatin1Char('\n'));
    for (const QString &expected :
         {QStringLiteral("box 1 (car): moved"), QStringLiteral("box 3 (pedestrian): widened"),
          QStringLiteral("false positive removed: car 0.41"),
          QStringLiteral("missed object added: cyclist"),
          QStringLiteral("polygon 4 (cyclist): vertex 3 moved"),
          QStringLiteral("box 5 (pedestrian): approve")})
        QVERIFY2(said.contains(expected), qPrintable(said));

    OutsideExportRequest request;
    request.format = InteropFormat::Coco;
    request.version = version.number;
    request.output = m_window.filePath(QStringLiteral("coco.json"));
    const OutsideExportResult result = OutsideExport::run(store, request);
    QVERIFY2(result.isSuccess(), qPrintable(result.error));
    QFile coco(request.output);
    QVERIFY(coco.open(QIODevice::ReadOnly));
    const QJsonObject document = QJsonDocument::fromJson(coco.readAll()).object();
    const QJsonArray annotations = document.value(QStringLiteral("annotations")).toArray();
    QCOMPARE(annotations.size(), 5);
    QHash<int, QString> categories;
    for (const QJsonValue &category : document.value(QStringLiteral("categories")).toArray())
        categories.insert(category[QStringLiteral("id")].toInt(),
                          category[QStringLiteral("name")].toString());
    QList<QRectF> boxes;
    QStringList labels;
    for (const QJsonValue &annotation : annotations) {
        const QJsonArray bbox = annotation[QStringLiteral("bbox")].toArray();
        boxes.append(QRectF(bbox[0].toDouble(), bbox[1].toDouble(), bbox[2].toDouble(),
                            bbox[3].toDouble()));
        labels.append(categories.value(annotation[QStringLiteral("category_id")].toInt()));
    }
    QCOMPARE(labels, QStringList({QStringLiteral("car"), QStringLiteral("pedestrian"),
                                  QStringLiteral("cyclist"), QStringLiteral("pedestrian"),
                                  QStringLiteral("cyclist")}));
    QVERIFY2(near(boxes[0], edited[0].object.box), qPrintable(text(boxes[0])));
    QVERIFY2(near(boxes[1], edited[2].object.box), qPrintable(text(boxes[1])));
    QVERIFY2(near(boxes[2], edited[3].object.polygon.boundingRect()), qPrintable(text(boxes[2])));
    QCOMPARE(boxes[3], QRectF(226, 240, 30, 70));
    QVERIFY2(near(boxes[4], missed), qPrintable(text(boxes[4])));
}

QTEST_MAIN(TestGeometryReview)
#include "tst_geometryreview.moc"
