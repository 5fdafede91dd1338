// Per-object review of documents through ReviewSession: a box's corrected text, a span's
// corrected extent, an object's new label, each stored as a label revision (seen from a second
// connection), carried into a committed version, its diff and its export, and undone.
#include "dataset/datasetexporter.h"
#include "documentfixture.h"
#include "review/objectreview.h"
#include "review/reviewsession.h"
#include "temporaryproject.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

Q_DECLARE_METATYPE(Boucle::PredictedObject)

class TestObjectReview : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void correctionRoundTrips_data();
    void correctionRoundTrips();
    void objectDecisionLeavesTheDocumentPending();
    void redoDecidesTheObjectAgain();
    void refusals_data();
    void refusals();

private:
    QJsonArray objectsOnDisk(int item) const;
    QJsonObject exportedLine(int version, const QString &samplePath) const;

    std::unique_ptr<TemporaryProject> m_project;
    std::unique_ptr<ReviewSession> m_session;
    DocumentFixture m_fixture;
};

void TestObjectReview::init()
{
    m_project = std::make_unique<TemporaryProject>();
    QVERIFY(m_project->isValid());
    QVERIFY(!makeDocumentFixture(m_project->store(), m_fixture, false));
    m_session = std::make_unique<ReviewSession>(m_project->store());
    m_session->setReviewer(QStringLiteral("ada"));
}

void TestObjectReview::cleanup()
{
    m_session.reset();
    m_project.reset();
}

QJsonArray TestObjectReview::objectsOnDisk(int item) const
{
    ProjectStore other;
    if (other.open(m_project->projectPath(), ProjectStore::OpenMode::ReadOnly))
        return {};
    const auto revision = other.currentRevision(m_fixture.items.at(item).sampleId);
    return revision ? revision->objects : QJsonArray();
}

QJsonObject TestObjectReview::exportedLine(int version, const QString &samplePath) const
{
    const QByteArray jsonl = DatasetExporter(m_project->store())
                                     .render(version, DatasetExporter::Format::JsonLines)
                                     .value;
    for (const QByteArray &line : jsonl.split('\n')) {
        const QJsonObject json = QJsonDocument::fromJson(line).object();
        if (json.value(QStringLiteral("sample")).toString() == samplePath)
            return json;
    }
    return {};
}

void TestObjectReview::correctionRoundTrips_data()
{
    QTest::addColumn<int>("item");
    QTest::addColumn<int>("object");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("expected");
    QTest::addColumn<QString>("reason");

    QTest::newRow("box text corrected")
            << int(DocumentFixture::Invoice) << 2 << QStringLiteral("override")
            << QStringLiteral("docs/invoice.pdf") << QStringLiteral("text")
            << QJsonValue(QStringLiteral("310.25"))
            << QStringLiteral("text '31O.25' corrected to '310.25'");
    QTest::newRow("span extent corrected")
            << int(DocumentFixture::Note) << 1 << QStringLiteral("override")
            << QStringLiteral("notes/visit.txt") << QStringLiteral("span")
            << QJsonValue(QJsonArray {29, 41}) << QStringLiteral("extent 29–36 changed to 29–41");
    QTest::newRow("scanned word relabelled")
            << int(DocumentFixture::Scan) << 1 << QStringLiteral("relabel")
            << QStringLiteral("scans/page.png") << QStringLiteral("label")
            << QJsonValue(QStringLiteral("amount")) << QStringLiteral("label 'word' changed");
    QTest::newRow("span approved")
            << int(DocumentFixture::Note) << 2 << QStringLiteral("approve")
            << QStringLiteral("notes/visit.txt") << QStringLiteral("span")
            << QJsonValue(QJsonArray {53, 58}) << QStringLiteral("span 3 (symptom): approve");
}

void TestObjectReview::correctionRoundTrips()
{
    QFETCH(int, item);
    QFETCH(int, object);
    QFETCH(QString, action);
    QFETCH(QString, path);
    QFETCH(QString, field);
    QFETCH(QJsonValue, expected);
    QFETCH(QString, reason);
    const BatchItemId itemId = m_fixture.items.at(item).id;
    const PredictedObject predicted = m_fixture.predictions.at(item).objects.at(object);

    StoreError error;
    if (action == QLatin1String("approve")) {
        error = m_session->approveObject(itemId, object);
    } else if (action == QLatin1String("relabel")) {
        error = m_session->relabelObject(itemId, object, QStringLiteral("amount"));
    } else {
        PredictedObject corrected = predicted;
        if (predicted.shape == PredictedObject::Shape::Span)
            corrected.spanEnd = predicted.spanStart + 12; // "3 March 2026"
        else
            corrected.text = QStringLiteral("310.25");
        error = m_session->overrideObject(itemId, object, corrected);
    }
    QVERIFY2(!error, qPrintable(error.message));

    // Durable at once, as the working label revision's objects.
    const QJsonArray stored = objectsOnDisk(item);
    QCOMPARE(stored.size(), 1);
    const QJsonObject entry = stored.first().toObject();
    QCOMPARE(entry.value(QStringLiteral("object")).toInt(), object);
    QCOMPARE(entry.value(QStringLiteral("decision")).toString(), action);
    QCOMPARE(entry.value(field), expected);
    QCOMPARE(m_session->objectDecisions(itemId).size(), 1);
    const QList<PredictedObject> shown = m_session->reviewedObjects(itemId);
    QCOMPARE(shown.size(), m_fixture.predictions.at(item).objects.size());
    if (action == QLatin1String("approve"))
        QVERIFY(!ObjectReview::differs(shown.at(object), predicted));
    else
        QVERIFY(ObjectReview::differs(shown.at(object), predicted));

    // The review names the object too.
    const auto reviews = m_project->store().reviewsForSample(m_fixture.items.at(item).sampleId);
    QCOMPARE(reviews.size(), 1);
    QCOMPARE(reviews.first().objects.size(), 1);
    QCOMPARE(reviews.first().objects.first().toObject().value(QStringLiteral("object")).toInt(),
             object);

    // Committed, diffed and exported.
    QVERIFY(!m_project->store().commitVersion(QStringLiteral("ada"), QStringLiteral("objects")));
    const auto changes = m_project->store().diff(0, 1).value;
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().samplePath, path);
    QVERIFY2(changes.first().reason.contains(reason), qPrintable(changes.first().reason));
    const QJsonObject line = exportedLine(1, path);
    QCOMPARE(line.value(QStringLiteral("objects")).toArray().size(), 1);
    QCOMPARE(line.value(QStringLiteral("objects")).toArray().first().toObject().value(field),
             expected);

    // Undone: the object is undecided again, and the next version says so.
    QVERIFY(m_session->canUndo());
    QVERIFY(!m_session->undo());
    QVERIFY(objectsOnDisk(item).isEmpty());
    QVERIFY(m_session->objectDecisions(itemId).isEmpty());
    QVERIFY(!ObjectReview::differs(m_session->reviewedObjects(itemId).at(object), predicted));
    QVERIFY(!m_project->store().commitVersion(QStringLiteral("ada"), QStringLiteral("undone")));
    const auto undone = m_project->store().diff(1, 2).value;
    QCOMPARE(undone.size(), 1);
    QCOMPARE(undone.first().samplePath, path);
    QVERIFY(exportedLine(2, path).isEmpty());
}

void TestObjectReview::objectDecisionLeavesTheDocumentPending()
{
    const BatchItemId invoice = m_fixture.items.at(DocumentFixture::Invoice).id;
    QVERIFY(!m_session->approveObject(invoice, 0));
    PredictedObject total = m_fixture.predictions.at(DocumentFixture::Invoice).objects.at(2);
    total.text = QStringLiteral("310.25");
    QVERIFY(!m_session->overrideObject(invoice, 2, total));
    QCOMPARE(m_project->store().batchItem(invoice)->status, ReviewStatus::Pending);
    QVERIFY(m_project->store().reviewsForBatchItem(invoice).isEmpty());

    // The document's own decision keeps the objects decided so far, in prediction order.
    QVERIFY(!m_session->approve(invoice));
    QCOMPARE(m_project->store().batchItem(invoice)->status, ReviewStatus::Approved);
    const auto revision = m_project->store().currentRevision(m_fixture.items.at(1).sampleId);
    QVERIFY(revision);
    QCOMPARE(revision->label, QStringLiteral("invoice"));
    QCOMPARE(revision->objects.size(), 2);
    QVERIFY2(revision->reason.contains(QStringLiteral("with 2 object(s) reviewed")),
             qPrintable(revision->reason));
    QCOMPARE(revision->objects.at(0).toObject().value(QStringLiteral("object")).toInt(), 0);
    QCOMPARE(revision->objects.at(1).toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("310.25"));
    QCOMPARE(revision->objects.at(1).toObject().value(QStringLiteral("predicted_text")).toString(),
             QStringLiteral("31O.25"));

    // Undoing the document decision leaves the object decisions; undoing once more drops one.
    QVERIFY(!m_session->undo());
    QCOMPARE(m_project->store().batchItem(invoice)->status, ReviewStatus::Pending);
    QCOMPARE(objectsOnDisk(DocumentFixture::Invoice).size(), 2);
    QVERIFY(!m_session->undo());
    QCOMPARE(objectsOnDisk(DocumentFixture::Invoice).size(), 1);
}

void TestObjectReview::redoDecidesTheObjectAgain()
{
    const BatchItemId note = m_fixture.items.at(DocumentFixture::Note).id;
    QVERIFY(!m_session->relabelObject(note, 2, QStringLiteral("finding")));
    QCOMPARE(m_session->undoText(), QStringLiteral("Relabel span 3"));
    QVERIFY(!m_session->undo());
    QVERIFY(objectsOnDisk(DocumentFixture::Note).isEmpty());
    QVERIFY(!m_session->redo());
    const QJsonArray stored = objectsOnDisk(DocumentFixture::Note);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().toObject().value(QStringLiteral("label")).toString(),
             QStringLiteral("finding"));
    QCOMPARE(stored.first().toObject().value(QStringLiteral("predicted_label")).toString(),
             QStringLiteral("symptom"));
}

void TestObjectReview::refusals_data()
{
    QTest::addColumn<int>("item");
    QTest::addColumn<int>("object");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("message");
    QTest::newRow("no such object")
            << int(DocumentFixture::Invoice) << 7 << QStringLiteral("approve")
            << QStringLiteral("has no predicted object 8");
    QTest::newRow("photo has no objects")
            << int(DocumentFixture::Photo) << 0 << QStringLiteral("approve")
            << QStringLiteral("has no predicted object 1");
    QTest::newRow("correction without change")
            << int(DocumentFixture::Invoice) << 1 << QStringLiteral("unchanged")
            << QStringLiteral("approve instead of correcting");
    QTest::newRow("relabel to the same label")
            << int(DocumentFixture::Scan) << 0 << QStringLiteral("same label")
            << QStringLiteral("approve instead of relabelling");
    QTest::newRow("empty span") << int(DocumentFixture::Note) << 0 << QStringLiteral("empty span")
                                << QStringLiteral("would be empty");
}

void TestObjectReview::refusals()
{
    QFETCH(int, item);
    QFETCH(int, object);
    QFETCH(QString, action);
    QFETCH(QString, message);
    const BatchItemId itemId = m_fixture.items.at(item).id;
    const auto &objects = m_fixture.predictions.at(item).objects;
    StoreError error;
    if (action == QLatin1String("approve")) {
        error = m_session->approveObject(itemId, object);
    } else if (action == QLatin1String("unchanged")) {
        error = m_session->overrideObject(itemId, object, objects.at(object));
    } else if (action == QLatin1String("same label")) {
        error = m_session->relabelObject(itemId, object, objects.at(object).label);
    } else {
        PredictedObject empty = objects.at(object);
        empty.spanEnd = empty.spanStart;
        error = m_session->overrideObject(itemId, object, empty);
    }
    QVERIFY(error);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QVERIFY(!m_session->canUndo());
    QVERIFY(m_project->store().reviewsForSample(m_fixture.items.at(item).sampleId).isEmpty());
}

QTEST_GUILESS_MAIN(TestObjectReview)
#include "tst_objectreview.moc"
