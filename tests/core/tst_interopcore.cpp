// The shared parts of the outside formats: the stored form of objects, class numbers kept per
// project, format recognition, atomic outputs, exact numbers, and ground truth with objects
// through LabelImporter into a version and back out as an ExportSet.
#include "dataset/labelimporter.h"
#include "exiforientation.h"
#include "interop/annotationpredictionsource.h"
#include "interop/atomicoutput.h"
#include "interop/classidmap.h"
#include "interop/exactnumber.h"
#include "interop/exportset.h"
#include "interop/imagesize.h"
#include "interop/interopformat.h"
#include "interop/storedobject.h"
#include "temporaryproject.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

QByteArray pngOf(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::gray);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

Annotation box(const QString &label, QRectF rect)
{
    Annotation annotation;
    annotation.label = label;
    annotation.box = rect;
    return annotation;
}

} // namespace

class TestInteropCore : public QObject
{
    Q_OBJECT

private slots:
    void storedObjectsRoundTripEveryShape()
    {
        QList<Annotation> annotations;
        annotations.append(box(QStringLiteral("car"), QRectF(10.25, 20.5, 30.125, 40)));
        Annotation rotated = box(QStringLiteral("car"), QRectF(1, 2, 3, 4));
        rotated.rotation = 30;
        rotated.score = 0.75;
        annotations.append(rotated);
        Annotation parts;
        parts.shape = Annotation::Shape::Polygon;
        parts.label = QStringLiteral("person");
        parts.polygons
                = {QPolygonF({{0, 0}, {4, 0}, {4, 4}}), QPolygonF({{10, 10}, {12, 10}, {12, 13}})};
        parts.box = QRectF(0, 0, 12, 13);
        parts.attributes = QJsonObject {{QStringLiteral("id"), 17}};
        annotations.append(parts);
        Annotation mask;
        mask.shape = Annotation::Shape::Mask;
        mask.label = QStringLiteral("sky");
        mask.mask = {3, 2, {1, 2, 3}};
        mask.box = QRectF(0, 0, 3, 2);
        mask.crowd = true;
        annotations.append(mask);
        Annotation point;
        point.shape = Annotation::Shape::Point;
        point.label = QStringLiteral("eye");
        point.polygons = {QPolygonF({QPointF(5.5, 6.5)})};
        point.box = QRectF(5.5, 6.5, 0, 0);
        annotations.append(point);

        const QJsonArray stored = StoredObject::fromAnnotations(annotations);
        // Through the store's text form and back.
        const QJsonArray reread = QJsonDocument::fromJson(QJsonDocument(stored).toJson()).array();
        const QList<Annotation> back = StoredObject::toAnnotations(reread);
        QCOMPARE(back.size(), annotations.size());
        for (int i = 0; i < back.size(); ++i) {
            QCOMPARE(int(back.at(i).shape), int(annotations.at(i).shape));
            QCOMPARE(back.at(i).label, annotations.at(i).label);
            QCOMPARE(back.at(i).box, annotations.at(i).box);
            QCOMPARE(back.at(i).polygons, annotations.at(i).polygons);
            QCOMPARE(back.at(i).mask, annotations.at(i).mask);
            QCOMPARE(back.at(i).rotation, annotations.at(i).rotation);
            QCOMPARE(back.at(i).crowd, annotations.at(i).crowd);
            QCOMPARE(back.at(i).score, annotations.at(i).score);
            QCOMPARE(back.at(i).attributes, annotations.at(i).attributes);
        }
        // A negative image's marker and a text span hold no image geometry.
        QVERIFY(!StoredObject::toAnnotation(QJsonObject {{QStringLiteral("empty"), true}}));
        QVERIFY(!StoredObject::toAnnotation(
                QJsonObject {{QStringLiteral("label"), QStringLiteral("x")},
                             {QStringLiteral("span"), QJsonArray {1, 4}}}));
    }

    void predictedObjectsKeepTheGeometry()
    {
        Annotation rotated = box(QStringLiteral("car"), QRectF(10, 10, 20, 10));
        rotated.rotation = 90;
        const auto objects = StoredObject::toPredictedObjects(rotated);
        QCOMPARE(objects.size(), 1);
        QCOMPARE(int(objects.first().shape), int(PredictedObject::Shape::Polygon));
        QCOMPARE(objects.first().polygon.size(), 4);
        // Turned a quarter clockwise about the top-left corner: it now hangs below-left of it.
        const QRectF turned = objects.first().polygon.boundingRect();
        QVERIFY(qAbs(turned.x() - 0) < 1e-9);
        QVERIFY(qAbs(turned.y() - 10) < 1e-9);
        QVERIFY(qAbs(turned.width() - 10) < 1e-9);
        QVERIFY(qAbs(turned.height() - 20) < 1e-9);
        Annotation parts;
        parts.shape = Annotation::Shape::Polygon;
        parts.label = QStringLiteral("p");
        parts.score = 0.5;
        parts.polygons = {QPolygonF({{0, 0}, {1, 0}, {1, 1}}), QPolygonF({{5, 5}, {6, 5}, {6, 6}})};
        QCOMPARE(StoredObject::toPredictedObjects(parts).size(), 2);
        QCOMPARE(StoredObject::toPredictedObjects(parts).at(1).score, 0.5);
    }

    void exactNumbersAreShortestAndExact()
    {
        QCOMPARE(ExactNumber::toText(12.0), QByteArray("12"));
        QCOMPARE(ExactNumber::toText(0.1), QByteArray("0.1"));
        QCOMPARE(ExactNumber::toText(-0.0), QByteArray("0"));
        const double third = 1.0 / 3.0;
        QCOMPARE(ExactNumber::toText(third).toDouble(), third);
        QCOMPARE(ExactNumber::toText(123456.789012345).toDouble(), 123456.789012345);
    }

    void formatsAreRecognisedByContent()
    {
        QTemporaryDir dir;
        const auto write = [&](const QString &name, const QByteArray &bytes) {
            writeBytes(dir.filePath(name), bytes);
            return dir.filePath(name);
        };
        QString reason;
        QCOMPARE(InteropFormats::detect(write(QStringLiteral("gt.json"),
                                              "{\"info\": {}, \"images\": [], \"annotations\": "
                                              "[], \"categories\": []}"),
                                        &reason),
                 InteropFormat::Coco);
        QCOMPARE(InteropFormats::detect(write(QStringLiteral("r.json"),
                                              "[{\"image_id\": 1, \"category_id\": 2, \"bbox\": "
                                              "[1,2,3,4], \"score\": 0.9}]"),
                                        &reason),
                 InteropFormat::CocoResults);
        QCOMPARE(InteropFormats::detect(write(QStringLiteral("ls.json"),
                                              "[{\"id\": 1, \"data\": {\"image\": \"a.jpg\"}, "
                                              "\"annotations\": []}]"),
                                        &reason),
                 InteropFormat::LabelStudio);
        QCOMPARE(InteropFormats::detect(write(QStringLiteral("a.json"),
                                              "{\"version\": \"5.1.1\", \"shapes\": [], "
                                              "\"imagePath\": \"a.jpg\"}"),
                                        &reason),
                 InteropFormat::Labelme);
        QCOMPARE(InteropFormats::detect(write(QStringLiteral("a.xml"),
                                              "<?xml version=\"1.0\"?>\n<annotation><size/>"
                                              "</annotation>"),
                                        &reason),
                 InteropFormat::Voc);
        QCOMPARE(InteropFormats::detect(write(QStringLiteral("c.xml"),
                                              "<?xml version=\"1.0\"?><annotations><version>1.1"
                                              "</version></annotations>"),
                                        &reason),
                 InteropFormat::Cvat);
        QCOMPARE(InteropFormats::detect(write(QStringLiteral("log.jsonl"), "{\"sample\": 1}"),
                                        &reason),
                 InteropFormat::Native);
        QDir(dir.path()).mkpath(QStringLiteral("yolo/labels"));
        QCOMPARE(InteropFormats::detect(dir.filePath(QStringLiteral("yolo")), &reason),
                 InteropFormat::Yolo);
        reason.clear();
        QVERIFY(!InteropFormats::detect(write(QStringLiteral("odd.json"), "{\"hello\": 1}"),
                                        &reason));
        QVERIFY2(reason.contains(QLatin1String("--format")), qPrintable(reason));
        QCOMPARE(InteropFormats::fromName(QStringLiteral("Label-Studio")),
                 InteropFormat::LabelStudio);
        QVERIFY(!InteropFormats::fromName(QStringLiteral("tfrecord")));
    }

    void atomicOutputsReplaceWholeOrNotAtAll()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("export"));
        {
            AtomicOutput output(folder, AtomicOutput::Kind::Folder);
            QVERIFY(output.begin());
            QVERIFY(output.writeFile(QStringLiteral("labels/a.txt"), "first"));
            QVERIFY(output.commit());
        }
        {
            // Not committed: the first export stays as it was and nothing is left beside it.
            AtomicOutput output(folder, AtomicOutput::Kind::Folder);
            QVERIFY(output.begin());
            QVERIFY(output.writeFile(QStringLiteral("labels/a.txt"), "second"));
        }
        QFile first(QDir(folder).filePath(QStringLiteral("labels/a.txt")));
        QVERIFY(first.open(QIODevice::ReadOnly));
        QCOMPARE(first.readAll(), QByteArray("first"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList {QStringLiteral("export")});
        {
            AtomicOutput output(folder, AtomicOutput::Kind::Folder);
            QVERIFY(output.begin());
            QVERIFY(output.writeFile(QStringLiteral("b.txt"), "third"));
            QVERIFY(output.commit());
        }
        QVERIFY(!QFileInfo::exists(QDir(folder).filePath(QStringLiteral("labels/a.txt"))));
        QVERIFY(QFileInfo::exists(QDir(folder).filePath(QStringLiteral("b.txt"))));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList {QStringLiteral("export")});

        TemporaryProject project;
        QVERIFY(project.isValid());
        AtomicOutput overProject(project.projectPath(), AtomicOutput::Kind::File,
                                 project.projectPath());
        QVERIFY(!overProject.begin());
        QVERIFY(overProject.error().contains(QLatin1String("project file")));
    }

    void displayedSizeFollowsTheExifOrientation()
    {
        QTemporaryDir dir;
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(Qt::red);
        const QString turned = dir.filePath(QStringLiteral("turned.jpg"));
        QVERIFY(writeBytes(turned, jpegWithOrientation(image, 6)));
        QString error;
        QCOMPARE(imageDisplayedSize(turned, &error), QSize(30, 40));
        const QString problem = statedSizeProblem(turned, QSize(40, 30));
        QVERIFY2(problem.contains(QLatin1String("EXIF")), qPrintable(problem));
        QVERIFY(statedSizeProblem(turned, QSize(30, 40)).isEmpty());
    }

    void classNumbersStayAcrossImportsAndExports()
    {
        TemporaryProject project;
        QVERIFY(project.isValid());
        ProjectStore &store = project.store();
        QVERIFY(!store.ensureClasses({QStringLiteral("cat"), QStringLiteral("dog")}));
        QVERIFY(!ClassIdMap::record(
                store, InteropFormat::Coco,
                {{QStringLiteral("dog"), 7, {}}, {QStringLiteral("bird"), 3, {}}}));
        QVERIFY(!store.ensureClasses({QStringLiteral("bird"), QStringLiteral("fish")}));
        const auto classes = ClassIdMap::forExport(store, InteropFormat::Coco);
        QHash<QString, int> ids;
        for (const auto &entry : classes)
            ids.insert(entry.name, entry.id);
        QCOMPARE(ids.value(QStringLiteral("dog")), 7);
        QCOMPARE(ids.value(QStringLiteral("bird")), 3);
        // Never numbered: the next free ids, in the project's class order.
        QCOMPARE(ids.value(QStringLiteral("cat")), 8);
        QCOMPARE(ids.value(QStringLiteral("fish")), 9);
        // A later file cannot renumber a class.
        QVERIFY(!ClassIdMap::record(store, InteropFormat::Coco, {{QStringLiteral("dog"), 1, {}}}));
        QCOMPARE(ClassIdMap::load(store, InteropFormat::Coco).value(QStringLiteral("dog")), 7);
        // YOLO numbers from 0 in the project's order.
        const auto yolo = ClassIdMap::forExport(store, InteropFormat::Yolo);
        QCOMPARE(yolo.first().name, QStringLiteral("cat"));
        QCOMPARE(yolo.first().id, 0);
        QCOMPARE(yolo.last().id, 3);
    }

    void groundTruthWithObjectsBecomesAVersionAndComesBack()
    {
        TemporaryProject project;
        QVERIFY(project.isValid());
        ProjectStore &store = project.store();
        QVERIFY(project.writeFile(QStringLiteral("images/a.png"), pngOf(64, 48)));
        QVERIFY(project.writeFile(QStringLiteral("images/empty.png"), pngOf(10, 10)));
        AnnotationSet set;
        set.classes = {{QStringLiteral("car"), 1, {}}, {QStringLiteral("person"), 2, {}}};
        AnnotatedImage a;
        a.path = QStringLiteral("a.png");
        a.size = QSize(64, 48);
        a.originField = QStringLiteral("images[0]");
        a.objects = {box(QStringLiteral("car"), QRectF(1.5, 2.25, 20, 10)),
                     box(QStringLiteral("truck"), QRectF(30, 30, 4, 4))};
        AnnotatedImage empty;
        empty.path = QStringLiteral("empty.png");
        empty.size = QSize(10, 10);
        empty.originField = QStringLiteral("images[1]");
        set.images = {a, empty};
        LabelImporter importer(store);
        const QString source = project.filePath(QStringLiteral("images/gt.json"));
        const auto result = importer.importSet(
                set, source, project.filePath(QStringLiteral("images")), QStringLiteral("ann"));
        QVERIFY2(!result.error,
                 qPrintable(result.error.message + result.problems.join(QLatin1Char('\n'))));
        QCOMPARE(result.revisions, 2);
        QCOMPARE(result.newSamples, 2);
        // The format's classes first, in its order, then a class met only on an object.
        QCOMPARE(store.classNames(), QStringList({QStringLiteral("car"), QStringLiteral("person"),
                                                  QStringLiteral("truck")}));
        QVERIFY(!store.commitVersion(QStringLiteral("ann"), QStringLiteral("ground truth")));

        const ExportSet exported = ExportSet::forVersion(store, 1, InteropFormat::Coco);
        QVERIFY(exported.error.isEmpty());
        QCOMPARE(exported.set.images.size(), 2);
        const AnnotatedImage &back = exported.set.images.first();
        QCOMPARE(back.path, QStringLiteral("images/a.png"));
        QCOMPARE(back.size, QSize(64, 48));
        QCOMPARE(back.objects.size(), 2);
        QCOMPARE(back.objects.first().box, QRectF(1.5, 2.25, 20, 10));
        // The image with no annotations is still in the version, with no objects.
        QCOMPARE(exported.set.images.last().path, QStringLiteral("images/empty.png"));
        QVERIFY(exported.set.images.last().objects.isEmpty());
    }

    void groundTruthRefusesSwappedSizesAndNothingIsStored()
    {
        TemporaryProject project;
        QVERIFY(project.isValid());
        ProjectStore &store = project.store();
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(Qt::blue);
        QVERIFY(project.writeFile(QStringLiteral("turned.jpg"), jpegWithOrientation(image, 6)));
        QVERIFY(project.writeFile(QStringLiteral("fine.png"), pngOf(8, 8)));
        AnnotationSet set;
        AnnotatedImage fine;
        fine.path = QStringLiteral("fine.png");
        fine.size = QSize(8, 8);
        fine.objects = {box(QStringLiteral("a"), QRectF(0, 0, 8, 8))};
        AnnotatedImage turned;
        turned.path = QStringLiteral("turned.jpg");
        turned.size = QSize(40, 30); // the stored size: the writer ignored the orientation
        turned.originFile = project.filePath(QStringLiteral("labels.xml"));
        turned.originLine = 12;
        turned.objects = {box(QStringLiteral("a"), QRectF(0, 0, 4, 4))};
        set.images = {fine, turned};
        LabelImporter importer(store);
        const auto result = importer.importSet(set, project.filePath(QStringLiteral("labels.xml")),
                                               project.directory(), QStringLiteral("ann"));
        QVERIFY(result.error);
        QCOMPARE(result.problems.size(), 1);
        QVERIFY2(result.problems.first().startsWith(QLatin1String("labels.xml:12:")),
                 qPrintable(result.problems.first()));
        QVERIFY(result.problems.first().contains(QStringLiteral("30×40")));
        QVERIFY(store.workingRevisions().isEmpty());
        QVERIFY(!store.sampleByPath(QStringLiteral("fine.png")));
    }
};

QTEST_GUILESS_MAIN(TestInteropCore)
#include "tst_interopcore.moc"
