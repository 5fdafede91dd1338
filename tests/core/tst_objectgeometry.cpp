// Geometry review of a detection through ReviewSession: a box moved and resized, a polygon vertex
// moved, a mask painted, a false positive removed, a missed object added, edited and deleted, the
// remaining objects approved at once. Each is one durable step (seen from a second connection),
// says what it did in words, is carried into the version diff and the export, and is undone.
#include "interop/storedobject.h"
#include "records/rlemask.h"
#include "review/objectreview.h"
#include "review/reviewsession.h"
#include "store/storetransaction.h"
#include "temporaryproject.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

PredictedObject box(const QString &label, double score, const QRectF &rect)
{
    PredictedObject object;
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
    object.box = points.boundingRect();
    return object;
}

// A 10 × 8 block of pixels at (20, 30) on a 64 × 48 image.
PredictedObject mask(const QString &label, double score)
{
    QImage local(10, 8, QImage::Format_Grayscale8);
    local.fill(255);
    PredictedObject object;
    object.shape = PredictedObject::Shape::Mask;
    object.label = label;
    object.score = score;
    object.mask = RleMask::fromLocal(local, QPoint(20, 30), QSize(64, 48));
    object.box = object.mask.bounds();
    return object;
}

} // namespace

class TestObjectGeometry : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void rleMaskRoundTrips();
    void movedBoxSaysHowFar();
    void resizedBoxKeepsSubPixels();
    void polygonVertexMoved();
    void maskPainted();
    void falsePositiveRemoved();
    void missedObjectAddedEditedDeleted();
    void lastObjectDecidesTheDetection();
    void approveRemainingDecidesAtOnce();
    void approveRemainingWithCorrectionsOverrides();
    void undoRedoRestoresEachStep();
    void diffAndExportShowTheEdits();
    void refusals();

private:
    QJsonArray objectsOnDisk(int item) const;
    QString newestReason(int item) const;
    ReviewStatus statusOnDisk(int item) const;

    std::unique_ptr<TemporaryProject> m_project;
    std::unique_ptr<ReviewSession> m_session;
    QList<BatchItemRecord> m_items;
    QList<PredictionRecord> m_predictions;
};

void TestObjectGeometry::init()
{
    m_project = std::make_unique<TemporaryProject>();
    QVERIFY(m_project->isValid());
    ProjectStore &store = m_project->store();
    StoreTransaction transaction(store);
    QVERIFY(!transaction.beginError());
    QVERIFY(!store.ensureClasses(
            {QStringLiteral("pedestrian"), QStringLiteral("car"), QStringLiteral("cyclist")}));
    ModelRecord model;
    model.name = QStringLiteral("detector");
    model.version = QStringLiteral("1");
    QVERIFY(!store.addModel(model));
    const QList<QList<PredictedObject>> rows {
            {box(QStringLiteral("pedestrian"), 0.92, QRectF(10, 10, 20, 40)),
             box(QStringLiteral("car"), 0.41, QRectF(100, 50, 60, 30)),
             polygon(QStringLiteral("car"), 0.77,
                     QPolygonF({QPointF(200, 200), QPointF(260, 200), QPointF(230, 250)}))},
            {mask(QStringLiteral("pedestrian"), 0.66)},
            {box(QStringLiteral("car"), 0.35, QRectF(5, 5, 10, 10)),
             box(QStringLiteral("car"), 0.95, QRectF(40, 5, 10, 10))},
    };
    m_items.clear();
    m_predictions.clear();
    for (int i = 0; i < rows.size(); ++i) {
        SampleRecord sample;
        sample.path = QStringLiteral("street/%1.png").arg(i);
        sample.kind = QStringLiteral("image");
        QVERIFY(!store.addSample(sample));
        PredictionRecord prediction;
        prediction.sampleId = sample.id;
        prediction.modelId = model.id;
        prediction.confidence = 0.4;
        prediction.objects = rows.at(i);
        QVERIFY(!store.addPrediction(prediction));
        m_predictions.append(prediction);
        BatchItemRecord item;
        item.sampleId = sample.id;
        item.predictionId = prediction.id;
        item.reasons.append({QStringLiteral("low_confidence"), 0.6, QStringLiteral("0.41")});
        m_items.append(item);
    }
    BatchRecord batch;
    batch.name = QStringLiteral("street");
    batch.createdBy = QStringLiteral("test");
    QVERIFY(!store.addBatch(batch, m_items));
    QVERIFY(!transaction.commit());
    m_session = std::make_unique<ReviewSession>(store);
    m_session->setReviewer(QStringLiteral("ada"));
}

void TestObjectGeometry::cleanup()
{
    m_session.reset();
    m_project.reset();
}

QJsonArray TestObjectGeometry::objectsOnDisk(int item) const
{
    ProjectStore other;
    if (other.open(m_project->projectPath(), ProjectStore::OpenMode::ReadOnly))
        return {};
    const auto revision = other.currentRevision(m_items.at(item).sampleId);
    return revision ? revision->objects : QJsonArray();
}

QString TestObjectGeometry::newestReason(int item) const
{
    const auto revision = m_project->store().currentRevision(m_items.at(item).sampleId);
    return revision ? revision->reason : QString();
}

ReviewStatus TestObjectGeometry::statusOnDisk(int item) const
{
    ProjectStore other;
    if (other.open(m_project->projectPath(), ProjectStore::OpenMode::ReadOnly))
        return ReviewStatus::Pending;
    const auto record = other.batchItem(m_items.at(item).id);
    return record ? record->status : ReviewStatus::Pending;
}

void TestObjectGeometry::rleMaskRoundTrips()
{
    QImage local(5, 4, QImage::Format_Grayscale8);
    local.fill(0);
    local.scanLine(0)[0] = 255;
    local.scanLine(3)[4] = 255;
    local.scanLine(1)[2] = 7;
    const RleMask rle = RleMask::fromLocal(local, QPoint(3, 2), QSize(12, 9));
    QVERIFY(rle.isConsistent());
    QCOMPARE(rle.area(), 3);
    QCOMPARE(rle.bounds(), QRectF(3, 2, 5, 4));
    const QImage back = rle.toLocal(QRect(3, 2, 5, 4));
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 5; ++x)
            QCOMPARE(back.constScanLine(y)[x] != 0, local.constScanLine(y)[x] != 0);
    // Column-major runs: column 3 has the pixel at row 2 (3 × 9 zeros first, then 2 more).
    QCOMPARE(rle.counts.first(), quint32(3 * 9 + 2));
    // A mask hanging over the image's edge keeps only what lies on the image.
    const RleMask clipped = RleMask::fromLocal(local, QPoint(9, 7), QSize(12, 9));
    QVERIFY(clipped.isConsistent());
    QCOMPARE(clipped.area(), 2); // (0, 0) and (2, 1) land on the image; (4, 3) falls off
}

void TestObjectGeometry::movedBoxSaysHowFar()
{
    const BatchItemId item = m_items.at(0).id;
    PredictedObject moved = m_predictions.at(0).objects.at(0);
    moved.box = QRectF(22, 10, 28, 40); // 12 px right, 8 px wider
    QVERIFY(!m_session->overrideObject(item, 0, moved));
    QCOMPARE(newestReason(0),
             QStringLiteral("box 1 (pedestrian): moved 12 px right, widened 8 px"));
    const QJsonObject entry = objectsOnDisk(0).first().toObject();
    QCOMPARE(entry.value(QStringLiteral("decision")).toString(), QStringLiteral("override"));
    QCOMPARE(entry.value(QStringLiteral("bbox")).toArray(), (QJsonArray {22, 10, 28, 40}));
    QCOMPARE(entry.value(QStringLiteral("predicted_bbox")).toArray(),
             (QJsonArray {10, 10, 20, 40}));
    // A second drag of the same box says what that drag did, not the total.
    moved.box = QRectF(22, 7, 28, 40);
    QVERIFY(!m_session->overrideObject(item, 0, moved));
    QCOMPARE(newestReason(0), QStringLiteral("box 1 (pedestrian): moved 3 px up"));
    QCOMPARE(objectsOnDisk(0).size(), 1); // still one entry for the box
}

void TestObjectGeometry::resizedBoxKeepsSubPixels()
{
    PredictedObject resized = m_predictions.at(0).objects.at(1);
    resized.box = QRectF(100, 50, 64.375, 30.125);
    QVERIFY(!m_session->overrideObject(m_items.at(0).id, 1, resized));
    const QJsonArray stored
            = objectsOnDisk(0).first().toObject().value(QStringLiteral("bbox")).toArray();
    QCOMPARE(stored.at(2).toDouble(), 64.375);
    QCOMPARE(stored.at(3).toDouble(), 30.125);
    QCOMPARE(newestReason(0), QStringLiteral("box 2 (car): widened 4.4 px, made 0.1 px taller"));
}

void TestObjectGeometry::polygonVertexMoved()
{
    PredictedObject edited = m_predictions.at(0).objects.at(2);
    edited.polygon[1] = QPointF(263, 204); // 3 right, 4 down: 5 px
    QVERIFY(!m_session->overrideObject(m_items.at(0).id, 2, edited));
    QCOMPARE(newestReason(0), QStringLiteral("polygon 3 (car): vertex 2 moved 5 px"));
    const QJsonObject entry = objectsOnDisk(0).first().toObject();
    QCOMPARE(entry.value(QStringLiteral("polygon")).toArray().at(1).toArray(),
             (QJsonArray {263, 204}));
    QCOMPARE(entry.value(QStringLiteral("predicted_polygon")).toArray().at(1).toArray(),
             (QJsonArray {260, 200}));
    // A vertex inserted on an edge.
    edited.polygon.insert(2, QPointF(250, 230));
    QVERIFY(!m_session->overrideObject(m_items.at(0).id, 2, edited));
    QCOMPARE(newestReason(0), QStringLiteral("polygon 3 (car): 1 vertex(es) added"));
}

void TestObjectGeometry::maskPainted()
{
    const PredictedObject predicted = m_predictions.at(1).objects.at(0);
    QCOMPARE(predicted.mask.area(), 80);
    QImage local = predicted.mask.toLocal(QRect(18, 30, 12, 8));
    // A 2 × 2 brush stroke left of the mask, and one pixel erased inside it.
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 2; ++x)
            local.scanLine(y)[x] = 255;
    local.scanLine(5)[6] = 0;
    PredictedObject painted = predicted;
    painted.mask = RleMask::fromLocal(local, QPoint(18, 30), QSize(64, 48));
    QVERIFY(!m_session->overrideObject(m_items.at(1).id, 0, painted));
    QCOMPARE(newestReason(1), QStringLiteral("mask 1 (pedestrian): 4 px painted, 1 px erased"));
    const QJsonObject entry = objectsOnDisk(1).first().toObject();
    QCOMPARE(entry.value(QStringLiteral("bbox")).toArray(), (QJsonArray {18, 30, 12, 8}));
    QVERIFY(entry.contains(QStringLiteral("predicted_mask")));
    // The only object of a detection is decided: so is the item.
    QCOMPARE(statusOnDisk(1), ReviewStatus::Overridden);
    const auto annotation = StoredObject::toAnnotation(entry);
    QVERIFY(annotation);
    QCOMPARE(annotation->shape, Annotation::Shape::Mask);
    QCOMPARE(annotation->mask.area(), 83);
}

void TestObjectGeometry::falsePositiveRemoved()
{
    QVERIFY(!m_session->removeObject(m_items.at(0).id, 1));
    QCOMPARE(newestReason(0), QStringLiteral("false positive removed: car 0.41 (box 2)"));
    const QJsonObject entry = objectsOnDisk(0).first().toObject();
    QCOMPARE(entry.value(QStringLiteral("decision")).toString(), QStringLiteral("remove"));
    QCOMPARE(entry.value(QStringLiteral("object")).toInt(), 1);
    QVERIFY(!StoredObject::toAnnotation(entry)); // not in any export
    const QList<ReviewedObject> reviewed = m_session->reviewedObjectList(m_items.at(0).id);
    QCOMPARE(reviewed.size(), 3);
    QCOMPARE(reviewed.at(1).decision, ObjectDecision::Removed);
    QVERIFY(!reviewed.at(1).isGroundTruth());
    QCOMPARE(reviewed.at(0).decision, ObjectDecision::Undecided);
    QCOMPARE(statusOnDisk(0), ReviewStatus::Pending); // two objects still undecided
}

void TestObjectGeometry::missedObjectAddedEditedDeleted()
{
    const BatchItemId item = m_items.at(0).id;
    PredictedObject missed = box(QStringLiteral("cyclist"), 0.0, QRectF(300.5, 40.25, 30, 60));
    int added = 0;
    QVERIFY(!m_session->addObject(item, missed, {}, &added));
    QCOMPARE(added, 1);
    QCOMPARE(newestReason(0), QStringLiteral("missed object added: cyclist (box +1)"));
    QJsonObject entry = objectsOnDisk(0).first().toObject();
    QCOMPARE(entry.value(QStringLiteral("added")).toInt(), 1);
    QCOMPARE(entry.value(QStringLiteral("decision")).toString(), QStringLiteral("add"));
    QVERIFY(!entry.contains(QStringLiteral("object")));
    QVERIFY(!entry.contains(QStringLiteral("score"))); // a person drew it
    QCOMPARE(entry.value(QStringLiteral("bbox")).toArray(), (QJsonArray {300.5, 40.25, 30, 60}));

    int second = 0;
    QVERIFY(!m_session->addObject(item, box(QStringLiteral("car"), 0, QRectF(1, 1, 5, 5)), {},
                                  &second));
    QCOMPARE(second, 2);

    missed.label = QStringLiteral("pedestrian");
    missed.box.translate(-10, 0);
    QVERIFY(!m_session->editAddedObject(item, 1, missed));
    QCOMPARE(newestReason(0), QStringLiteral("added box +1 (cyclist): label 'cyclist' changed to "
                                             "'pedestrian'; moved 10 px left"));
    QVERIFY(!m_session->deleteAddedObject(item, 2));
    QCOMPARE(newestReason(0), QStringLiteral("added box +2 (car) deleted"));
    const QJsonArray objects = objectsOnDisk(0);
    QCOMPARE(objects.size(), 1);
    entry = objects.first().toObject();
    QCOMPARE(entry.value(QStringLiteral("label")).toString(), QStringLiteral("pedestrian"));
    // A deleted number is free again: nothing in the working label refers to it any more.
    int third = 0;
    QVERIFY(!m_session->addObject(item, box(QStringLiteral("car"), 0, QRectF(2, 2, 5, 5)), {},
                                  &third));
    QCOMPARE(third, 2);
}

void TestObjectGeometry::lastObjectDecidesTheDetection()
{
    const BatchItemId item = m_items.at(2).id;
    QVERIFY(!m_session->approveObject(item, 1));
    QCOMPARE(statusOnDisk(2), ReviewStatus::Pending);
    QVERIFY(!m_session->approveObject(item, 0));
    QCOMPARE(statusOnDisk(2), ReviewStatus::Approved);
    QVERIFY(!m_session->undo());
    QCOMPARE(statusOnDisk(2), ReviewStatus::Pending);
    QCOMPARE(objectsOnDisk(2).size(), 1);
    QVERIFY(!m_session->removeObject(item, 0));
    QCOMPARE(statusOnDisk(2), ReviewStatus::Overridden); // a sample with an error
}

void TestObjectGeometry::approveRemainingDecidesAtOnce()
{
    const BatchItemId item = m_items.at(0).id;
    QVERIFY(!m_session->approveRemainingObjects(item));
    QCOMPARE(statusOnDisk(0), ReviewStatus::Approved);
    const QJsonArray objects = objectsOnDisk(0);
    QCOMPARE(objects.size(), 3);
    for (const auto &value : objects)
        QCOMPARE(value.toObject().value(QStringLiteral("decision")).toString(),
                 QStringLiteral("approve"));
    QCOMPARE(m_session->undoText(), QStringLiteral("Approve 3 remaining object(s)"));
    QVERIFY(!m_session->undo()); // one step
    QCOMPARE(statusOnDisk(0), ReviewStatus::Pending);
    QVERIFY(objectsOnDisk(0).isEmpty());
}

void TestObjectGeometry::approveRemainingWithCorrectionsOverrides()
{
    const BatchItemId item = m_items.at(0).id;
    QVERIFY(!m_session->removeObject(item, 1));
    QVERIFY(!m_session->approveRemainingObjects(item));
    QCOMPARE(statusOnDisk(0), ReviewStatus::Overridden);
    const QList<ReviewedObject> reviewed = m_session->reviewedObjectList(item);
    QCOMPARE(reviewed.at(0).decision, ObjectDecision::Approved);
    QCOMPARE(reviewed.at(1).decision, ObjectDecision::Removed);
    QCOMPARE(reviewed.at(2).decision, ObjectDecision::Approved);
}

void TestObjectGeometry::undoRedoRestoresEachStep()
{
    const BatchItemId item = m_items.at(0).id;
    PredictedObject moved = m_predictions.at(0).objects.at(0);
    moved.box.translate(5, 0);
    QVERIFY(!m_session->overrideObject(item, 0, moved));
    QVERIFY(!m_session->removeObject(item, 1));
    QVERIFY(!m_session->addObject(item, box(QStringLiteral("cyclist"), 0, QRectF(1, 2, 3, 4))));
    QCOMPARE(objectsOnDisk(0).size(), 3);
    QVERIFY(!m_session->undo());
    QCOMPARE(objectsOnDisk(0).size(), 2);
    QVERIFY(!m_session->undo());
    QCOMPARE(objectsOnDisk(0).size(), 1);
    QVERIFY(!m_session->redo());
    QVERIFY(!m_session->redo());
    const QList<ReviewedObject> reviewed = m_session->reviewedObjectList(item);
    QCOMPARE(reviewed.size(), 4);
    QCOMPARE(reviewed.at(0).object.box, QRectF(15, 10, 20, 40));
    QCOMPARE(reviewed.at(1).decision, ObjectDecision::Removed);
    QCOMPARE(reviewed.at(3).decision, ObjectDecision::Added);
    QCOMPARE(reviewed.at(3).added, 1);
}

void TestObjectGeometry::diffAndExportShowTheEdits()
{
    ProjectStore &store = m_project->store();
    const BatchItemId item = m_items.at(0).id;
    PredictedObject moved = m_predictions.at(0).objects.at(0);
    moved.box = QRectF(22, 10, 28, 40);
    QVERIFY(!m_session->overrideObject(item, 0, moved));
    QVERIFY(!m_session->removeObject(item, 1));
    QVERIFY(!m_session->addObject(item, box(QStringLiteral("cyclist"), 0, QRectF(1, 2, 3, 4))));
    QVERIFY(!m_session->approveRemainingObjects(item));
    VersionRecord version;
    QVERIFY(!store.commitVersion(QStringLiteral("ada"), QStringLiteral("first"), &version));
    const QList<VersionChange> changes = store.diff(0, version.number).value;
    QCOMPARE(changes.size(), 1);
    const QStringList sentences
            = ObjectReview::versionChanges(changes.first().oldObjects, changes.first().newObjects);
    QCOMPARE(sentences,
             (QStringList {QStringLiteral("box 1 (pedestrian): moved 12 px right, widened 8 px"),
                           QStringLiteral("false positive removed: car 0.41 (box 2)"),
                           QStringLiteral("polygon 3 (car): approve"),
                           QStringLiteral("missed object added: cyclist (box +1)")}));
    // What an export holds: the moved box, the polygon, the added cyclist; not the car removed.
    const auto labelled = store.labelsAt(version.number).value;
    const auto sample
            = std::find_if(labelled.cbegin(), labelled.cend(), [&](const LabelledSample &s) {
                  return s.sampleId == m_items.at(0).sampleId;
              });
    QVERIFY(sample != labelled.cend());
    const QList<Annotation> annotations = StoredObject::toAnnotations(sample->objects);
    QCOMPARE(annotations.size(), 3);
    QCOMPARE(annotations.at(0).box, QRectF(22, 10, 28, 40));
    QCOMPARE(annotations.at(1).shape, Annotation::Shape::Polygon);
    QCOMPARE(annotations.at(2).label, QStringLiteral("cyclist"));
}

void TestObjectGeometry::refusals()
{
    const BatchItemId item = m_items.at(0).id;
    PredictedObject flat = m_predictions.at(0).objects.at(0);
    flat.box.setWidth(0);
    StoreError error = m_session->overrideObject(item, 0, flat);
    QVERIFY(error);
    QCOMPARE(error.message, QStringLiteral("box 1 would be empty"));
    PredictedObject line = m_predictions.at(0).objects.at(2);
    line.polygon.removeLast();
    error = m_session->overrideObject(item, 2, line);
    QCOMPARE(error.message, QStringLiteral("polygon 3 needs at least 3 vertices"));
    error = m_session->addObject(item, box(QStringLiteral("tram"), 0, QRectF(1, 1, 2, 2)));
    QCOMPARE(error.message, QStringLiteral("'tram' is not a class of this project"));
    error = m_session->addObject(item, box(QString(), 0, QRectF(1, 1, 2, 2)));
    QCOMPARE(error.message, QStringLiteral("choose the class of the missed object first"));
    error = m_session->editAddedObject(item, 4, box(QStringLiteral("car"), 0, QRectF(1, 1, 2, 2)));
    QCOMPARE(error.message, QStringLiteral("item 1 has no added object +4"));
    error = m_session->removeObject(item, 7);
    QCOMPARE(error.message, QStringLiteral("item 1 has no predicted object 8"));
    PredictedObject nan = m_predictions.at(0).objects.at(0);
    nan.box.setX(std::numeric_limits<double>::quiet_NaN());
    QVERIFY(m_session->overrideObject(item, 0, nan));
    // Nothing of it was written.
    QVERIFY(objectsOnDisk(0).isEmpty());
    QCOMPARE(statusOnDisk(0), ReviewStatus::Pending);
}

QTEST_GUILESS_MAIN(TestObjectGeometry)
#include "tst_objectgeometry.moc"
