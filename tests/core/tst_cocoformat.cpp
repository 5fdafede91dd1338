// COCO both ways: a file written by hand from the format's description (cocodataset.org,
// "Data format") reads as what it says; read → write → read keeps every box, polygon part and
// mask to 1e-6 px; the same set gives the same bytes; every refusal names its JSON path; results
// need their ground truth; EXIF-rotated images must be described as displayed.
#include "exiforientation.h"
#include "interop/annotationreader.h"
#include "interop/annotationwriter.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

namespace {

// Two images with objects (one with a two-part polygon, a plain box, a crowd RLE mask given as a
// list, a mask given as a compressed string), one image with no annotations.
// (The licence URL escapes its slashes, as JSON allows: moc would take "//" for a comment.)
const char *const handWritten = R"({
  "info": {"year": 2024, "version": "1.0", "description": "written by hand from the spec",
           "contributor": "", "url": "", "date_created": "2024/05/01"},
  "licenses": [{"id": 1, "name": "CC BY 4.0", "url": "https:\/\/creativecommons.org\/licenses\/by\/4.0\/"}],
  "images": [
    {"id": 7, "width": 640, "height": 480, "file_name": "street/0001.jpg", "license": 1,
     "date_captured": "2024-04-30 12:00:00"},
    {"id": 9, "width": 4, "height": 3, "file_name": "tiny.png"},
    {"id": 12, "width": 100, "height": 50, "file_name": "nothing-here.png"}
  ],
  "annotations": [
    {"id": 101, "image_id": 7, "category_id": 3, "iscrowd": 0, "area": 5750.0,
     "segmentation": [[10, 10, 110, 10, 110, 60, 10, 60], [200, 200, 250.5, 200, 225.25, 240]],
     "bbox": [10, 10, 240.5, 230]},
    {"id": 102, "image_id": 7, "category_id": 1, "iscrowd": 0, "area": 294010.125,
     "bbox": [0.5, 20.25, 639.5, 459.75]},
    {"id": 103, "image_id": 9, "category_id": 3, "iscrowd": 1, "area": 6,
     "segmentation": {"size": [3, 4], "counts": [1, 2, 3, 4, 2]}, "bbox": [0, 0, 4, 3]},
    {"id": 104, "image_id": 9, "category_id": 1, "iscrowd": 0, "area": 6,
     "segmentation": {"size": [3, 4], "counts": "1232O"}, "bbox": [0, 0, 4, 3]}
  ],
  "categories": [
    {"id": 1, "name": "person", "supercategory": "person"},
    {"id": 3, "name": "car", "supercategory": "vehicle"}
  ]
}
)";

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString problemsText(const AnnotationReadResult &result)
{
    QStringList lines;
    for (const LogProblem &problem : result.problems)
        lines << problem.field + QStringLiteral(": ") + problem.message;
    return lines.join(QLatin1Char('\n'));
}

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-6;
}

bool sameRect(const QRectF &a, const QRectF &b)
{
    return near(a.x(), b.x()) && near(a.y(), b.y()) && near(a.width(), b.width())
           && near(a.height(), b.height());
}

// Every image, class and object of `b` is the one of `a`, geometry to 1e-6 px.
void compareSets(const AnnotationSet &a, const AnnotationSet &b)
{
    QCOMPARE(b.kind, a.kind);
    QCOMPARE(b.classes.size(), a.classes.size());
    for (qsizetype c = 0; c < a.classes.size(); ++c) {
        QCOMPARE(b.classes[c].name, a.classes[c].name);
        QCOMPARE(b.classes[c].id, a.classes[c].id);
        QCOMPARE(b.classes[c].supercategory, a.classes[c].supercategory);
    }
    QCOMPARE(b.images.size(), a.images.size());
    for (qsizetype i = 0; i < a.images.size(); ++i) {
        const AnnotatedImage &x = a.images[i], &y = b.images[i];
        QCOMPARE(y.path, x.path);
        QCOMPARE(y.size, x.size);
        QCOMPARE(y.attributes, x.attributes);
        QCOMPARE(y.objects.size(), x.objects.size());
        for (qsizetype o = 0; o < x.objects.size(); ++o) {
            const Annotation &p = x.objects[o], &q = y.objects[o];
            QCOMPARE(q.shape, p.shape);
            QCOMPARE(q.label, p.label);
            QCOMPARE(q.crowd, p.crowd);
            QCOMPARE(q.score.has_value(), p.score.has_value());
            if (p.score)
                QVERIFY(near(*q.score, *p.score));
            QVERIFY2(sameRect(q.box, p.box), qPrintable(QStringLiteral("object %1").arg(o)));
            QCOMPARE(q.polygons.size(), p.polygons.size());
            for (qsizetype k = 0; k < p.polygons.size(); ++k) {
                QCOMPARE(q.polygons[k].size(), p.polygons[k].size());
                for (qsizetype n = 0; n < p.polygons[k].size(); ++n) {
                    QVERIFY(near(q.polygons[k][n].x(), p.polygons[k][n].x()));
                    QVERIFY(near(q.polygons[k][n].y(), p.polygons[k][n].y()));
                }
            }
            QCOMPARE(q.mask, p.mask);
            QCOMPARE(q.attributes, p.attributes);
        }
    }
}

} // namespace

class tst_CocoFormat : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    AnnotationReadResult readText(const QByteArray &text)
    {
        const QString file = path(QStringLiteral("input.json"));
        if (!writeFile(file, text))
            qFatal("cannot write the test file");
        return AnnotationReaders::readCoco(file, {});
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void compressedCountsAreThoseOfPycocotools_data()
    {
        QTest::addColumn<QVector<quint32>>("counts");
        QTest::addColumn<QByteArray>("text");
        // Worked by hand from maskApi.c's rleToString: from the 4th count on, the difference to
        // the count two before; 5 bits a character + 48, 0x20 = more follows, 0x10 = sign.
        QTest::newRow("4x3 mask") << QVector<quint32> {1, 2, 3, 4, 2} << QByteArray("1232O");
        QTest::newRow("two groups") << QVector<quint32> {0, 100} << QByteArray("0T3");
        QTest::newRow("16 needs a second group for its sign")
                << QVector<quint32> {16} << QByteArray("`0");
        QTest::newRow("all background") << QVector<quint32> {12} << QByteArray("<");
        QTest::newRow("empty") << QVector<quint32> {} << QByteArray();
    }

    void compressedCountsAreThoseOfPycocotools()
    {
        QFETCH(QVector<quint32>, counts);
        QFETCH(QByteArray, text);
        RleMask mask;
        mask.counts = counts;
        QCOMPARE(mask.toCompressedString(), text);
        QVector<quint32> decoded;
        QVERIFY(RleMask::fromCompressedString(text, &decoded));
        QCOMPARE(decoded, counts);
    }

    void rleMaskMeasuresItsPixels()
    {
        // 4 wide, 3 high, column-major: column 0 rows 1-2, column 2 whole, column 3 row 0.
        RleMask mask {4, 3, {1, 2, 3, 4, 2}};
        QVERIFY(mask.isConsistent());
        QCOMPARE(mask.area(), qint64(6));
        QCOMPARE(mask.bounds(), QRectF(0, 0, 4, 3));
        RleMask inner {4, 3, {4, 1, 7}}; // only column 1, row 1
        QCOMPARE(inner.bounds(), QRectF(1, 1, 1, 1));
        QCOMPARE(inner.area(), qint64(1));
        RleMask empty {4, 3, {12}};
        QVERIFY(empty.bounds().isNull());
        RleMask short_ {4, 3, {1, 2}};
        QVERIFY(!short_.isConsistent());
    }

    void compressedCountsRefuseWhatPycocotoolsWouldMisread()
    {
        QVERIFY(!RleMask::fromCompressedString("1 2", nullptr)); // a space is not one of the 64
        QVERIFY(!RleMask::fromCompressedString("T", nullptr));   // cut off: 0x20 says more follows
        QVERIFY(!RleMask::fromCompressedString("O", nullptr));   // a first count of -1
    }

    void readsAFileWrittenFromTheSpec()
    {
        const AnnotationReadResult result = readText(handWritten);
        QVERIFY2(result.isValid(), qPrintable(problemsText(result)));
        const AnnotationSet &set = result.set;
        QCOMPARE(set.kind, AnnotationSet::Kind::GroundTruth);
        QCOMPARE(set.classes.size(), qsizetype(2));
        QCOMPARE(set.classes[0].name, QStringLiteral("person"));
        QCOMPARE(set.classes[0].id, 1);
        QCOMPARE(set.classes[1].name, QStringLiteral("car"));
        QCOMPARE(set.classes[1].id, 3);
        QCOMPARE(set.classes[1].supercategory, QStringLiteral("vehicle"));

        QCOMPARE(set.images.size(), qsizetype(3));
        const AnnotatedImage &street = set.images[0];
        QCOMPARE(street.path, QStringLiteral("street/0001.jpg"));
        QCOMPARE(street.size, QSize(640, 480));
        QCOMPARE(street.attributes.value(QLatin1String("id")).toInteger(), qint64(7));
        QCOMPARE(street.attributes.value(QLatin1String("license")).toInteger(), qint64(1));
        QCOMPARE(street.originField, QStringLiteral("images[0]"));
        QCOMPARE(street.objects.size(), qsizetype(2));

        const Annotation &car = street.objects[0];
        QCOMPARE(car.shape, Annotation::Shape::Polygon);
        QCOMPARE(car.label, QStringLiteral("car"));
        QCOMPARE(car.box, QRectF(10, 10, 240.5, 230));
        QCOMPARE(car.polygons.size(), qsizetype(2));
        QCOMPARE(car.polygons[0],
                 QPolygonF({QPointF(10, 10), QPointF(110, 10), QPointF(110, 60), QPointF(10, 60)}));
        QCOMPARE(car.polygons[1],
                 QPolygonF({QPointF(200, 200), QPointF(250.5, 200), QPointF(225.25, 240)}));
        QCOMPARE(car.attributes.value(QLatin1String("id")).toInteger(), qint64(101));
        QVERIFY(!car.crowd);
        QVERIFY(!car.score);

        const Annotation &person = street.objects[1];
        QCOMPARE(person.shape, Annotation::Shape::Box);
        QCOMPARE(person.box, QRectF(0.5, 20.25, 639.5, 459.75)); // ends exactly at 640 × 480

        const AnnotatedImage &tiny = set.images[1];
        QCOMPARE(tiny.objects.size(), qsizetype(2));
        QCOMPARE(tiny.objects[0].shape, Annotation::Shape::Mask);
        QVERIFY(tiny.objects[0].crowd);
        QCOMPARE(tiny.objects[0].mask, (RleMask {4, 3, {1, 2, 3, 4, 2}}));
        QCOMPARE(tiny.objects[1].mask, (RleMask {4, 3, {1, 2, 3, 4, 2}}));
        QCOMPARE(tiny.objects[1].label, QStringLiteral("person"));

        QCOMPARE(set.images[2].path, QStringLiteral("nothing-here.png"));
        QVERIFY(set.images[2].objects.isEmpty());
    }

    void roundTripKeepsEverything()
    {
        const AnnotationReadResult first = readText(handWritten);
        QVERIFY2(first.isValid(), qPrintable(problemsText(first)));
        const QString written = path(QStringLiteral("written.json"));
        const AnnotationWriteResult write = AnnotationWriters::writeCoco(first.set, written, {});
        QVERIFY2(write.isSuccess(), qPrintable(write.error));
        QCOMPARE(write.images, 3);
        QCOMPARE(write.objects, 4);
        const AnnotationReadResult second = AnnotationReaders::readCoco(written, {});
        QVERIFY2(second.isValid(), qPrintable(problemsText(second)));
        compareSets(first.set, second.set);

        const QByteArray bytes = readBytes(written);
        // Ids, the compressed and the list RLE, and the areas COCO states come back.
        QVERIFY(bytes.contains(R"({"id":7,"file_name":"street/0001.jpg","width":640,"height":480,)"
                               R"("date_captured":"2024-04-30 12:00:00","license":1})"));
        QVERIFY(bytes.contains(R"("segmentation":{"size":[3,4],"counts":"1232O"})"));
        QVERIFY(bytes.contains(R"("segmentation":{"size":[3,4],"counts":[1,2,3,4,2]})"));
        QVERIFY(bytes.contains(R"({"id":101,"image_id":7,"category_id":3,"bbox":[10,10,240.5,230],)"
                               R"("area":6010,"iscrowd":0,"segmentation":[[10,10,110,10,110,60,)"
                               R"(10,60],[200,200,250.5,200,225.25,240]]})"));
        QVERIFY(bytes.contains(R"("area":294010.125,"iscrowd":0})"));
        QVERIFY(bytes.contains(R"({"id":103,"image_id":9,"category_id":3,"bbox":[0,0,4,3],)"
                               R"("area":6,"iscrowd":1,)"));
        QVERIFY(bytes.contains(R"({"id":3,"name":"car","supercategory":"vehicle"})"));

        // Written twice, and written again from what was read back: the same bytes.
        const QString again = path(QStringLiteral("again.json"));
        QVERIFY(AnnotationWriters::writeCoco(first.set, again, {}).isSuccess());
        QCOMPARE(readBytes(again), bytes);
        QVERIFY(AnnotationWriters::writeCoco(second.set, again, {}).isSuccess());
        QCOMPARE(readBytes(again), bytes);
        QCOMPARE(QDir(m_dir.path())
                         .entryList(QStringList {QStringLiteral(".*partial*")},
                                    QDir::Hidden | QDir::Files),
                 QStringList());
    }

    void emptySetsRoundTrip()
    {
        // No images at all, and categories that no object uses: still a COCO file.
        AnnotationSet set;
        set.classes = {{QStringLiteral("unused"), 4, QStringLiteral("thing")}};
        const QString file = path(QStringLiteral("empty.json"));
        const AnnotationWriteResult write = AnnotationWriters::writeCoco(set, file, {});
        QVERIFY2(write.isSuccess(), qPrintable(write.error));
        QCOMPARE(write.images, 0);
        const AnnotationReadResult back = AnnotationReaders::readCoco(file, {});
        QVERIFY2(back.isValid(), qPrintable(problemsText(back)));
        compareSets(set, back.set);
        const AnnotationReadResult bare = readText(R"({"images":[],"categories":[]})");
        QVERIFY2(bare.isValid(), qPrintable(problemsText(bare)));
        QVERIFY(bare.set.images.isEmpty());
    }

    void writerGivesIdsWhereTheSetHasNone()
    {
        AnnotationSet set;
        set.classes = {{QStringLiteral("dog"), -1, {}}, {QStringLiteral("cat"), 1, {}}};
        AnnotatedImage first;
        first.path = QStringLiteral("a.png");
        first.size = QSize(10, 10);
        Annotation box;
        box.label = QStringLiteral("dog");
        box.box = QRectF(1, 2, 3, 4);
        first.objects << box;
        box.label = QStringLiteral("bird"); // not in the class list: added after it
        first.objects << box;
        AnnotatedImage second;
        second.path = QStringLiteral("b.png");
        second.size = QSize(20, 5);
        set.images = {first, second};
        const QString file = path(QStringLiteral("ids.json"));
        const AnnotationWriteResult write = AnnotationWriters::writeCoco(set, file, {});
        QVERIFY2(write.isSuccess(), qPrintable(write.error));
        const QByteArray bytes = readBytes(file);
        QVERIFY(bytes.contains(R"({"id":1,"file_name":"a.png","width":10,"height":10})"));
        QVERIFY(bytes.contains(R"({"id":2,"file_name":"b.png","width":20,"height":5})"));
        QVERIFY(bytes.contains(R"({"id":1,"image_id":1,"category_id":2,"bbox":[1,2,3,4],)"
                               R"("area":12,"iscrowd":0})"));
        QVERIFY(bytes.contains(R"({"id":2,"image_id":1,"category_id":3,)"));
        QVERIFY(bytes.contains(R"({"id":2,"name":"dog","supercategory":""},)"
                               "\n"
                               R"({"id":1,"name":"cat","supercategory":""},)"
                               "\n"
                               R"({"id":3,"name":"bird","supercategory":""})"));
        const AnnotationReadResult back = AnnotationReaders::readCoco(file, {});
        QVERIFY2(back.isValid(), qPrintable(problemsText(back)));
        QCOMPARE(back.set.images.size(), qsizetype(2));
        QVERIFY(back.set.images[1].objects.isEmpty());
        QCOMPARE(back.set.images[0].objects[1].label, QStringLiteral("bird"));
    }

    void writerRefusesWhatCocoCannotHold()
    {
        AnnotationSet set;
        AnnotatedImage image;
        image.path = QStringLiteral("a.png");
        image.size = QSize(10, 10);
        Annotation point;
        point.shape = Annotation::Shape::Point;
        point.label = QStringLiteral("x");
        point.polygons = {QPolygonF({QPointF(1, 1)})};
        image.objects << point;
        set.images << image;
        const QString file = path(QStringLiteral("refused.json"));
        AnnotationWriteResult write = AnnotationWriters::writeCoco(set, file, {});
        QVERIFY(write.error.contains(QLatin1String("point")));
        QVERIFY(!QFile::exists(file));

        set.images[0].objects[0] = Annotation {};
        set.images[0].objects[0].rotation = 30;
        write = AnnotationWriters::writeCoco(set, file, {});
        QVERIFY(write.error.contains(QLatin1String("rotated")));

        set.images[0].objects.clear();
        set.images[0].size = QSize();
        write = AnnotationWriters::writeCoco(set, file, {});
        QVERIFY(write.error.contains(QLatin1String("a.png")));
        QVERIFY(!QFile::exists(file));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");

        const QByteArray head = R"({"categories":[{"id":1,"name":"a"}],"images":[)"
                                R"({"id":1,"file_name":"a.png","width":100,"height":50}],)";
        auto annotation = [&](const QByteArray &fields) {
            return head + R"("annotations":[{"id":1,"image_id":1,"category_id":1,)" + fields
                   + "}]}";
        };
        QTest::newRow("not JSON") << QByteArray("{\n\"images\": [\n}") << QString()
                                  << QStringLiteral("not valid JSON");
        QTest::newRow("an array") << QByteArray("[]") << QString() << QStringLiteral("an array");
        QTest::newRow("no categories") << QByteArray(R"({"images":[]})")
                                       << QStringLiteral("categories") << QStringLiteral("missing");
        QTest::newRow("images not an array")
                << QByteArray(R"({"images":{},"categories":[]})") << QStringLiteral("images")
                << QStringLiteral("must be an array, not an object");
        QTest::newRow("width as a string")
                << QByteArray(R"({"categories":[],"images":[)"
                              R"({"id":1,"file_name":"a.png","width":"100","height":50}]})")
                << QStringLiteral("images[0].width")
                << QStringLiteral("must be an integer, not a string");
        QTest::newRow("zero height")
                << QByteArray(R"({"categories":[],"images":[)"
                              R"({"id":1,"file_name":"a.png","width":100,"height":0}]})")
                << QStringLiteral("images[0].height") << QStringLiteral("from 1 to");
        QTest::newRow("no file name")
                << QByteArray(R"({"categories":[],"images":[{"id":1,"width":1,"height":1}]})")
                << QStringLiteral("images[0].file_name") << QStringLiteral("missing");
        QTest::newRow("duplicate image id")
                << QByteArray(R"({"categories":[],"images":[)"
                              R"({"id":1,"file_name":"a.png","width":1,"height":1},)"
                              R"({"id":1,"file_name":"b.png","width":1,"height":1}]})")
                << QStringLiteral("images[1].id") << QStringLiteral("already images[0]");
        QTest::newRow("duplicate category id")
                << QByteArray(R"({"images":[],"categories":[{"id":1,"name":"a"},)"
                              R"({"id":1,"name":"b"}]})")
                << QStringLiteral("categories[1].id") << QStringLiteral("already categories[0]");
        QTest::newRow("category name a number")
                << QByteArray(R"({"images":[],"categories":[{"id":1,"name":5}]})")
                << QStringLiteral("categories[0].name")
                << QStringLiteral("must be a string, not a number");
        QTest::newRow("unknown category id")
                << (head
                    + R"("annotations":[{"id":1,"image_id":1,"category_id":4,)"
                      R"("bbox":[0,0,1,1]}]})")
                << QStringLiteral("annotations[0].category_id")
                << QStringLiteral("no category has the id 4");
        QTest::newRow("unknown image id")
                << (head
                    + R"("annotations":[{"id":1,"image_id":2,"category_id":1,)"
                      R"("bbox":[0,0,1,1]}]})")
                << QStringLiteral("annotations[0].image_id")
                << QStringLiteral("no image has the id 2");
        QTest::newRow("duplicate annotation id")
                << (head
                    + R"("annotations":[{"id":5,"image_id":1,"category_id":1,)"
                      R"("bbox":[0,0,1,1]},{"id":5,"image_id":1,"category_id":1,)"
                      R"("bbox":[0,0,1,1]}]})")
                << QStringLiteral("annotations[1].id") << QStringLiteral("already annotations[0]");
        QTest::newRow("id as text")
                << annotation(R"("bbox":[0,0,1,1],"iscrowd":0,"x":1)")
                           .replace(R"("id":1,"image_id")", R"("id":"1","image_id")")
                << QStringLiteral("annotations[0].id")
                << QStringLiteral("must be an integer, not a string");
        QTest::newRow("bbox a string")
                << annotation(R"("bbox":"0,0,1,1")") << QStringLiteral("annotations[0].bbox")
                << QStringLiteral("not a string");
        QTest::newRow("bbox of 3")
                << annotation(R"("bbox":[0,0,1])") << QStringLiteral("annotations[0].bbox")
                << QStringLiteral("4 numbers");
        QTest::newRow("bbox null")
                << annotation(R"("bbox":[0,0,null,1])") << QStringLiteral("annotations[0].bbox[2]")
                << QStringLiteral("must be a number, not null");
        QTest::newRow("negative width")
                << annotation(R"("bbox":[10,10,-2,1])") << QStringLiteral("annotations[0].bbox[2]")
                << QStringLiteral("negative");
        QTest::newRow("box past the right edge")
                << annotation(R"("bbox":[90,0,10.5,1])") << QStringLiteral("annotations[0].bbox")
                << QStringLiteral("leaves the image, which is 100×50");
        QTest::newRow("box left of the image")
                << annotation(R"("bbox":[-0.001,0,1,1])") << QStringLiteral("annotations[0].bbox")
                << QStringLiteral("leaves the image");
        QTest::newRow("polygon point outside")
                << annotation(R"("bbox":[0,0,1,1],"segmentation":[[0,0,1,0,1,51]])")
                << QStringLiteral("annotations[0].segmentation[0][4]")
                << QStringLiteral("the point (1, 51) is outside the image");
        QTest::newRow("polygon of 2 points") << annotation(R"("segmentation":[[0,0,1,1]])")
                                             << QStringLiteral("annotations[0].segmentation[0]")
                                             << QStringLiteral("at least 6 numbers");
        QTest::newRow("polygon coordinate a string")
                << annotation(R"("segmentation":[[0,0,1,1,"2",2]])")
                << QStringLiteral("annotations[0].segmentation[0][4]")
                << QStringLiteral("must be a number, not a string");
        QTest::newRow("segmentation a string") << annotation(R"("segmentation":"0,0")")
                                               << QStringLiteral("annotations[0].segmentation")
                                               << QStringLiteral("polygons or an RLE object");
        QTest::newRow("RLE runs short")
                << annotation(R"("segmentation":{"size":[50,100],"counts":[10,20]})")
                << QStringLiteral("annotations[0].segmentation.counts")
                << QStringLiteral("add up to 30 pixels, not 50 × 100 = 5000");
        QTest::newRow("RLE string runs short")
                << annotation(R"("segmentation":{"size":[50,100],"counts":"1232O"})")
                << QStringLiteral("annotations[0].segmentation.counts")
                << QStringLiteral("add up to 12 pixels");
        QTest::newRow("RLE string not pycocotools")
                << annotation(R"("segmentation":{"size":[50,100],"counts":"abc T"})")
                << QStringLiteral("annotations[0].segmentation.counts")
                << QStringLiteral("compressed RLE");
        QTest::newRow("RLE negative run")
                << annotation(R"("segmentation":{"size":[50,100],"counts":[5000,-1,1]})")
                << QStringLiteral("annotations[0].segmentation.counts[1]")
                << QStringLiteral("from 0 to");
        QTest::newRow("RLE of another size")
                << annotation(R"("segmentation":{"size":[100,50],"counts":[5000]})")
                << QStringLiteral("annotations[0].segmentation.size")
                << QStringLiteral("is [100, 50] ([height, width]) but the image is 50 high");
        QTest::newRow("RLE without counts") << annotation(R"("segmentation":{"size":[50,100]})")
                                            << QStringLiteral("annotations[0].segmentation")
                                            << QStringLiteral("both \"size\" and \"counts\"");
        QTest::newRow("iscrowd 2")
                << annotation(R"("bbox":[0,0,1,1],"iscrowd":2)")
                << QStringLiteral("annotations[0].iscrowd") << QStringLiteral("from 0 to 1");
        QTest::newRow("negative area")
                << annotation(R"("bbox":[0,0,1,1],"area":-3)")
                << QStringLiteral("annotations[0].area") << QStringLiteral("at least 0");
        QTest::newRow("no shape") << annotation(R"("iscrowd":0)")
                                  << QStringLiteral("annotations[0]")
                                  << QStringLiteral("neither a bbox nor a segmentation");
        QTest::newRow("annotation a number")
                << (head + R"("annotations":[3]})") << QStringLiteral("annotations[0]")
                << QStringLiteral("must be an object, not a number");
    }

    void refusals()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const AnnotationReadResult result = readText(text);
        QVERIFY(!result.isValid());
        QVERIFY(!result.problems.isEmpty());
        const LogProblem &problem = result.problems.first();
        QVERIFY2(problem.field == field && problem.message.contains(message),
                 qPrintable(problemsText(result)));
        QCOMPARE(problem.file, QDir::toNativeSeparators(path(QStringLiteral("input.json"))));
    }

    void syntaxErrorsHaveTheirLine()
    {
        const AnnotationReadResult result
                = readText("{\n  \"images\": [],\n  \"categories\": [,]\n}\n");
        QCOMPARE(result.problems.size(), qsizetype(1));
        QCOMPARE(result.problems[0].line, qint64(3));
    }

    void everyProblemIsListed()
    {
        // Two bad annotations: both are named, so one pass fixes the file.
        const AnnotationReadResult result
                = readText(R"({"categories":[{"id":1,"name":"a"}],"images":[)"
                           R"({"id":1,"file_name":"a.png","width":10,"height":10}],"annotations":[)"
                           R"({"id":1,"image_id":1,"category_id":2,"bbox":[0,0,1,1]},)"
                           R"({"id":2,"image_id":1,"category_id":1,"bbox":[0,0,1,1]},)"
                           R"({"id":3,"image_id":1,"category_id":1,"bbox":[0,0,11,1]}]})");
        QCOMPARE(result.problemCount, qint64(2));
        QCOMPARE(result.problems[0].field, QStringLiteral("annotations[0].category_id"));
        QCOMPARE(result.problems[1].field, QStringLiteral("annotations[2].bbox"));
    }

    void exifRotatedImagesAreDescribedAsDisplayed()
    {
        // Stored 40 wide and 20 high, orientation 6 (turn 90° clockwise): displayed 20 × 40.
        QImage stored(40, 20, QImage::Format_RGB32);
        stored.fill(Qt::red);
        QTemporaryDir images;
        QVERIFY(writeFile(images.filePath(QStringLiteral("phone.jpg")),
                          Testing::jpegWithOrientation(stored, 6)));
        AnnotationReadOptions options;
        options.imagesFolder = images.path();
        const QString file = path(QStringLiteral("exif.json"));

        const QByteArray displayed
                = R"({"categories":[{"id":1,"name":"a"}],"images":[)"
                  R"({"id":1,"file_name":"phone.jpg","width":20,"height":40}],"annotations":[)"
                  R"({"id":1,"image_id":1,"category_id":1,"bbox":[0,25,20,15]}]})";
        QVERIFY(writeFile(file, displayed));
        AnnotationReadResult result = AnnotationReaders::readCoco(file, options);
        QVERIFY2(result.isValid(), qPrintable(problemsText(result)));
        QCOMPARE(result.set.images[0].size, QSize(20, 40));
        QCOMPARE(result.set.images[0].objects[0].box, QRectF(0, 25, 20, 15));
        const QString written = path(QStringLiteral("exif-written.json"));
        QVERIFY(AnnotationWriters::writeCoco(result.set, written, {}).isSuccess());
        QVERIFY(readBytes(written).contains(R"("width":20,"height":40)"));
        const AnnotationReadResult back = AnnotationReaders::readCoco(written, options);
        QVERIFY2(back.isValid(), qPrintable(problemsText(back)));
        compareSets(result.set, back.set);

        // The stored size (what a tool ignoring EXIF writes): refused, not guessed.
        QVERIFY(writeFile(file,
                          QByteArray(displayed)
                                  .replace(R"("width":20,"height":40)", R"("width":40,"height":20)")
                                  .replace("[0,25,20,15]", "[0,0,20,15]")));
        result = AnnotationReaders::readCoco(file, options);
        QVERIFY(!result.isValid());
        QCOMPARE(result.problems[0].field, QStringLiteral("images[0]"));
        QVERIFY2(result.problems[0].message.contains(QLatin1String("EXIF orientation")),
                 qPrintable(problemsText(result)));
    }

    void readsResultsAgainstTheirGroundTruth()
    {
        const QString truth = path(QStringLiteral("truth.json"));
        QVERIFY(writeFile(truth, handWritten));
        const QString results = path(QStringLiteral("results.json"));
        QVERIFY(writeFile(results, R"([
  {"image_id": 7, "category_id": 1, "bbox": [1.5, 2, 30, 40.25], "score": 0.875},
  {"image_id": 7, "category_id": 3, "bbox": [0, 0, 640, 480], "score": 0.1},
  {"image_id": 9, "category_id": 3, "bbox": [0, 0, 4, 3], "score": 1,
   "segmentation": {"size": [3, 4], "counts": "1232O"}}
])"));
        AnnotationReadOptions options;
        options.cocoGroundTruth = truth;
        const AnnotationReadResult result = AnnotationReaders::readCocoResults(results, options);
        QVERIFY2(result.isValid(), qPrintable(problemsText(result)));
        const AnnotationSet &set = result.set;
        QCOMPARE(set.kind, AnnotationSet::Kind::Predictions);
        QCOMPARE(set.classes.size(), qsizetype(2));
        QCOMPARE(set.images.size(),
                 qsizetype(3)); // every image of the ground truth, also those without
        QCOMPARE(set.images[0].objects.size(), qsizetype(2));
        QCOMPARE(set.images[0].objects[0].label, QStringLiteral("person"));
        QCOMPARE(set.images[0].objects[0].box, QRectF(1.5, 2, 30, 40.25));
        QCOMPARE(*set.images[0].objects[0].score, 0.875);
        QCOMPARE(set.images[1].objects[0].shape, Annotation::Shape::Mask);
        QCOMPARE(set.images[1].objects[0].mask.counts, (QVector<quint32> {1, 2, 3, 4, 2}));
        QVERIFY(set.images[2].objects.isEmpty());

        // Written back: only scored objects, the ground truth's ids, the same bytes twice.
        const QString written = path(QStringLiteral("results-written.json"));
        const AnnotationWriteResult write
                = AnnotationWriters::writeCocoResults(result.set, written, {});
        QVERIFY2(write.isSuccess(), qPrintable(write.error));
        QCOMPARE(write.objects, 3);
        const QByteArray bytes = readBytes(written);
        QVERIFY(bytes.contains(
                R"({"image_id":7,"category_id":1,"bbox":[1.5,2,30,40.25],"score":0.875})"));
        QVERIFY(bytes.contains(R"({"image_id":9,"category_id":3,"bbox":[0,0,4,3],"score":1,)"
                               R"("segmentation":{"size":[3,4],"counts":"1232O"}})"));
        const AnnotationReadResult back = AnnotationReaders::readCocoResults(written, options);
        QVERIFY2(back.isValid(), qPrintable(problemsText(back)));
        compareSets(result.set, back.set);
        QVERIFY(AnnotationWriters::writeCocoResults(back.set, written, {}).isSuccess());
        QCOMPARE(readBytes(written), bytes);

        // Ground truth written as results: nothing has a score, so nothing is written.
        const AnnotationReadResult gt = AnnotationReaders::readCoco(truth, {});
        const AnnotationWriteResult none = AnnotationWriters::writeCocoResults(gt.set, written, {});
        QVERIFY(none.isSuccess());
        QCOMPARE(none.objects, 0);
        QCOMPARE(readBytes(written), QByteArray("[]\n"));
    }

    void resultRefusals_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("an object")
                << QByteArray("{}") << QString() << QStringLiteral("not an object");
        QTest::newRow("score above 1")
                << QByteArray(R"([{"image_id":7,"category_id":1,"bbox":[0,0,1,1],"score":1.5}])")
                << QStringLiteral("[0].score") << QStringLiteral("from 0 to 1, not 1.5");
        QTest::newRow("score missing")
                << QByteArray(R"([{"image_id":7,"category_id":1,"bbox":[0,0,1,1]}])")
                << QStringLiteral("[0].score") << QStringLiteral("missing");
        QTest::newRow("score a string")
                << QByteArray(R"([{"image_id":7,"category_id":1,"bbox":[0,0,1,1],"score":"0.5"}])")
                << QStringLiteral("[0].score") << QStringLiteral("not a string");
        QTest::newRow("unknown image")
                << QByteArray(R"([{"image_id":8,"category_id":1,"bbox":[0,0,1,1],"score":0.5}])")
                << QStringLiteral("[0].image_id") << QStringLiteral("no image has the id 8");
        QTest::newRow("unknown category")
                << QByteArray(R"([{"image_id":7,"category_id":2,"bbox":[0,0,1,1],"score":0.5}])")
                << QStringLiteral("[0].category_id") << QStringLiteral("no category has the id 2");
        QTest::newRow("box outside")
                << QByteArray(R"([{"image_id":9,"category_id":1,"bbox":[0,0,5,1],"score":0.5}])")
                << QStringLiteral("[0].bbox") << QStringLiteral("leaves the image, which is 4×3");
    }

    void resultRefusals()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const QString truth = path(QStringLiteral("truth.json"));
        QVERIFY(writeFile(truth, handWritten));
        const QString results = path(QStringLiteral("bad-results.json"));
        QVERIFY(writeFile(results, text));
        AnnotationReadOptions options;
        options.cocoGroundTruth = truth;
        const AnnotationReadResult result = AnnotationReaders::readCocoResults(results, options);
        QVERIFY(!result.isValid());
        const LogProblem &problem = result.problems.first();
        QVERIFY2(problem.field == field && problem.message.contains(message),
                 qPrintable(problemsText(result)));
    }

    void resultsNeedTheirGroundTruth()
    {
        const QString results = path(QStringLiteral("lonely-results.json"));
        QVERIFY(writeFile(results, "[]"));
        AnnotationReadResult result = AnnotationReaders::readCocoResults(results, {});
        QVERIFY(!result.isValid());
        QVERIFY2(result.problems[0].message.contains(QLatin1String("ground-truth")),
                 qPrintable(problemsText(result)));

        // A ground truth that is itself refused is named as the file at fault.
        const QString truth = path(QStringLiteral("bad-truth.json"));
        QVERIFY(writeFile(truth, R"({"images":[]})"));
        AnnotationReadOptions options;
        options.cocoGroundTruth = truth;
        result = AnnotationReaders::readCocoResults(results, options);
        QVERIFY(!result.isValid());
        QCOMPARE(result.problems[0].file, QDir::toNativeSeparators(truth));
        QCOMPARE(result.problems[0].field, QStringLiteral("categories"));
    }
};

QTEST_GUILESS_MAIN(tst_CocoFormat)
#include "tst_cocoformat.moc"
