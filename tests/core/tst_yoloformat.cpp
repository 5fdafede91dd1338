// YOLO labels in and out: data.yaml forms, normalised coordinates on the displayed image (EXIF),
// every refusal with its file and line, round trips to 1e-6 px and byte-identical exports.
#include "exiforientation.h"
#include "interop/annotationreader.h"
#include "interop/annotationwriter.h"
#include "interop/yolodatayaml.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

void writeImage(const QString &path, int width, int height)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::gray);
    QVERIFY(image.save(path, "PNG"));
}

QString problemsText(const AnnotationReadResult &result)
{
    QStringList lines;
    for (const LogProblem &problem : result.problems)
        lines.append(problem.toString());
    return lines.join(QLatin1Char('\n'));
}

// Every file under `dir` (links as their targets' names) with its bytes.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::System | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        const QString relative = QDir(dir).relativeFilePath(path);
        if (info.isSymLink()) {
            files.insert(relative, "-> " + info.symLinkTarget().toUtf8());
            continue;
        }
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files.insert(relative, file.readAll());
    }
    return files;
}

void compareGeometry(const AnnotationSet &a, const AnnotationSet &b)
{
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.images.size(), b.images.size());
    for (qsizetype i = 0; i < a.images.size(); ++i) {
        const AnnotatedImage &x = a.images.at(i);
        const AnnotatedImage &y = b.images.at(i);
        QCOMPARE(x.path, y.path);
        QCOMPARE(x.size, y.size);
        QCOMPARE(x.objects.size(), y.objects.size());
        for (qsizetype j = 0; j < x.objects.size(); ++j) {
            const Annotation &p = x.objects.at(j);
            const Annotation &q = y.objects.at(j);
            QCOMPARE(p.label, q.label);
            QCOMPARE(p.shape, q.shape);
            QCOMPARE(p.score.has_value(), q.score.has_value());
            if (p.score)
                QVERIFY(std::abs(*p.score - *q.score) < 1e-12);
            QVERIFY2(std::abs(p.box.x() - q.box.x()) < 1e-6
                             && std::abs(p.box.y() - q.box.y()) < 1e-6
                             && std::abs(p.box.width() - q.box.width()) < 1e-6
                             && std::abs(p.box.height() - q.box.height()) < 1e-6,
                     qPrintable(x.path));
            QCOMPARE(p.polygons.size(), q.polygons.size());
            for (qsizetype k = 0; k < p.polygons.size(); ++k) {
                QCOMPARE(p.polygons.at(k).size(), q.polygons.at(k).size());
                for (qsizetype m = 0; m < p.polygons.at(k).size(); ++m) {
                    const QPointF d = p.polygons.at(k).at(m) - q.polygons.at(k).at(m);
                    QVERIFY(std::abs(d.x()) < 1e-6 && std::abs(d.y()) < 1e-6);
                }
            }
        }
    }
}

} // namespace

class TestYoloFormat : public QObject
{
    Q_OBJECT

private slots:
    void dataYamlForms_data();
    void dataYamlForms();
    void dataYamlOtherKeys();
    void readsBoxesOnPixels();
    void classesTxtBesideLabels();
    void splitFirstLayoutAndImagesFolderOption();
    void exifOrientedImageUsesDisplayedSize();
    void refusals_data();
    void refusals();
    void labelWithoutImageIsRefused();
    void roundTripGroundTruth();
    void roundTripPredictions();
    void writesRotatedBoxesAndMasks();
    void writtenLayoutForTraining();
};

void TestYoloFormat::dataYamlForms_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("names");

    const QStringList three {QStringLiteral("person"), QStringLiteral("traffic light"),
                             QStringLiteral("it's, odd")};
    QTest::newRow("flow list") << QByteArray("names: [person, traffic light, 'it''s, odd']\n")
                               << three;
    QTest::newRow("quoted flow list")
            << QByteArray("nc: 3\nnames: ['person', \"traffic light\", \"it's, odd\"]  # c\n")
            << three;
    QTest::newRow("flow list over lines")
            << QByteArray("names: ['person',\n  'traffic light',\n  \"it's, odd\"]\nnc: 3\n")
            << three;
    QTest::newRow("block list") << QByteArray(
            "names:\n- person\n- traffic light\n- \"it's, odd\"\n")
                                << three;
    QTest::newRow("indented block list")
            << QByteArray("names:\n  - person   # a comment\n  - 'traffic light'\n\n  - "
                          "\"it\\x27s, odd\"\nnc: 3\n")
            << three;
    QTest::newRow("mapping") << QByteArray("path: ../datasets/x\nnames:\n  0: person\n  1: traffic "
                                           "light\n  2: \"it's, odd\"\n")
                             << three;
    QTest::newRow("flow mapping") << QByteArray(
            "names: {0: person, 1: traffic light, 2: \"it's, odd\"}\n")
                                  << three;
}

void TestYoloFormat::dataYamlForms()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, names);
    const YoloDataYaml parsed = YoloDataYaml::parse(yaml);
    QVERIFY2(parsed.problems.isEmpty(),
             qPrintable(parsed.problems.isEmpty() ? QString() : parsed.problems.first().message));
    QCOMPARE(parsed.names.values(), names);
    QCOMPARE(parsed.names.keys(), (QList<int> {0, 1, 2}));
}

void TestYoloFormat::dataYamlOtherKeys()
{
    const YoloDataYaml parsed = YoloDataYaml::parse(
            "# Ultralytics YOLO, AGPL-3.0 license\n"
            "path: ../datasets/coco8 # dataset root dir\n"
            "train: images/train\n"
            "val: [images/val, images/val2]\n"
            "test: # optional\n"
            "nc: 2\n"
            "names:\n  0: person\n  1: bicycle\n"
            "download: |\n  from x import y\n  names: [not, these]\n  0: nope\n");
    QVERIFY(parsed.problems.isEmpty());
    QCOMPARE(parsed.path, QStringLiteral("../datasets/coco8"));
    QCOMPARE(parsed.train, QStringList {QStringLiteral("images/train")});
    QCOMPARE(parsed.val,
             (QStringList {QStringLiteral("images/val"), QStringLiteral("images/val2")}));
    QCOMPARE(parsed.nc, 2);
    QCOMPARE(parsed.names.values(),
             (QStringList {QStringLiteral("person"), QStringLiteral("bicycle")}));

    const YoloDataYaml broken = YoloDataYaml::parse("nc: 2\nnames: ['a', 'b'\n");
    QCOMPARE(broken.problems.size(), 1);
    QCOMPARE(broken.problems.first().line, 2);
    const YoloDataYaml twice = YoloDataYaml::parse("names:\n  0: a\n  0: b\n");
    QCOMPARE(twice.problems.size(), 1);
    QCOMPARE(twice.problems.first().line, 3);
}

void TestYoloFormat::readsBoxesOnPixels()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    writeFile(root + QStringLiteral("/data.yaml"),
              "path: .\ntrain: images/train\nval: images/val\nnames: [cat, dog]\n");
    writeImage(root + QStringLiteral("/images/train/a.png"), 100, 50);
    writeImage(root + QStringLiteral("/images/train/b.JPEG.png"), 10, 10);
    writeImage(root + QStringLiteral("/images/val/c.png"), 100, 50);
    writeFile(root + QStringLiteral("/labels/train/a.txt"),
              "1 0.5 0.5 0.2 0.4\n\n0 0.1 0.1 0.2 0.2\r\n");
    writeFile(root + QStringLiteral("/labels/val/c.txt"), "0 0.1 0.2 0.3 0.2 0.3 0.6 0.1 0.6\n");

    const AnnotationReadResult result = AnnotationReaders::readYolo(root, {});
    QVERIFY2(result.isValid(), qPrintable(problemsText(result)));
    QCOMPARE(result.set.kind, AnnotationSet::Kind::GroundTruth);
    QCOMPARE(result.set.classes.size(), 2);
    QCOMPARE(result.set.classes.at(1).name, QStringLiteral("dog"));
    QCOMPARE(result.set.classes.at(1).id, 1);
    QCOMPARE(result.set.images.size(), 3);
    const AnnotatedImage &a = result.set.images.at(0);
    QCOMPARE(a.path, QStringLiteral("train/a.png"));
    QCOMPARE(a.size, QSize(100, 50));
    QCOMPARE(a.objects.size(), 2);
    QCOMPARE(a.objects.at(0).label, QStringLiteral("dog"));
    QCOMPARE(a.objects.at(0).box, QRectF(40, 15, 20, 20));
    QCOMPARE(a.objects.at(1).box, QRectF(0, 0, 20, 10));
    // An image without a label file is an image with no objects.
    QCOMPARE(result.set.images.at(1).path, QStringLiteral("train/b.JPEG.png"));
    QVERIFY(result.set.images.at(1).objects.isEmpty());
    const Annotation &polygon = result.set.images.at(2).objects.at(0);
    QCOMPARE(polygon.shape, Annotation::Shape::Polygon);
    QCOMPARE(polygon.polygons.at(0),
             QPolygonF({QPointF(10, 10), QPointF(30, 10), QPointF(30, 30), QPointF(10, 30)}));
    QCOMPARE(polygon.box, QRectF(10, 10, 20, 20));

    // One file, and one labels folder, read alone.
    const AnnotationReadResult single
            = AnnotationReaders::readYolo(root + QStringLiteral("/labels/train/a.txt"), {});
    QVERIFY2(single.isValid(), qPrintable(problemsText(single)));
    QCOMPARE(single.set.images.size(), 1);
    QCOMPARE(single.set.images.at(0).path, QStringLiteral("a.png"));
    QCOMPARE(single.set.images.at(0).objects.at(0).box, QRectF(40, 15, 20, 20));
    const AnnotationReadResult folder
            = AnnotationReaders::readYolo(root + QStringLiteral("/labels/val"), {});
    QVERIFY2(folder.isValid(), qPrintable(problemsText(folder)));
    QCOMPARE(folder.set.images.size(), 1);
}

void TestYoloFormat::classesTxtBesideLabels()
{
    // LabelImg: .txt files and classes.txt beside the images.
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("classes.txt")), "cat\ndog\n");
    writeImage(dir.filePath(QStringLiteral("x.png")), 20, 20);
    writeFile(dir.filePath(QStringLiteral("x.txt")), "1 0.5 0.5 0.5 0.5\n");
    const AnnotationReadResult result = AnnotationReaders::readYolo(dir.path(), {});
    QVERIFY2(result.isValid(), qPrintable(problemsText(result)));
    QCOMPARE(result.set.images.size(), 1);
    QCOMPARE(result.set.images.at(0).objects.at(0).label, QStringLiteral("dog"));
    QCOMPARE(result.set.images.at(0).objects.at(0).box, QRectF(5, 5, 10, 10));
}

void TestYoloFormat::splitFirstLayoutAndImagesFolderOption()
{
    // Roboflow's layout: data.yaml at the top, train/images and train/labels below it.
    QTemporaryDir dir;
    const QString root = dir.path();
    writeFile(root + QStringLiteral("/data.yaml"),
              "train: ../train/images\nval: ../valid/images\nnc: 1\nnames: ['plate']\n");
    writeImage(root + QStringLiteral("/train/images/car.jpg"), 50, 40);
    writeFile(root + QStringLiteral("/train/labels/car.txt"), "0 0.5 0.5 0.2 0.5\n");
    const AnnotationReadResult split
            = AnnotationReaders::readYolo(root + QStringLiteral("/train"), {});
    QVERIFY2(split.isValid(), qPrintable(problemsText(split)));
    QCOMPARE(split.set.images.at(0).path, QStringLiteral("car.jpg"));
    QCOMPARE(split.set.images.at(0).objects.at(0).box, QRectF(20, 10, 10, 20));

    // The images elsewhere, their sizes from the caller: paths relative to that folder.
    writeImage(root + QStringLiteral("/elsewhere/car.jpg"), 50, 40);
    AnnotationReadOptions options;
    options.imagesFolder = root + QStringLiteral("/elsewhere");
    QStringList asked;
    options.imageSize = [&asked](const QString &path, QString *) {
        asked.append(path);
        return QSize(100, 100);
    };
    const AnnotationReadResult moved
            = AnnotationReaders::readYolo(root + QStringLiteral("/train/labels"), options);
    QVERIFY2(moved.isValid(), qPrintable(problemsText(moved)));
    QCOMPARE(asked, QStringList {QStringLiteral("car.jpg")});
    QCOMPARE(moved.set.images.at(0).size, QSize(100, 100));
    QCOMPARE(moved.set.images.at(0).objects.at(0).box, QRectF(40, 25, 20, 50));
}

void TestYoloFormat::exifOrientedImageUsesDisplayedSize()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    writeFile(root + QStringLiteral("/classes.txt"), "cat\n");
    QImage stored(40, 20, QImage::Format_RGB32);
    stored.fill(Qt::red);
    // Stored 40 x 20, shown turned a quarter: 20 wide, 40 high.
    writeFile(root + QStringLiteral("/images/photo.jpg"), Testing::jpegWithOrientation(stored, 6));
    writeFile(root + QStringLiteral("/labels/photo.txt"), "0 0.5 0.25 0.5 0.5\n");
    const AnnotationReadResult result = AnnotationReaders::readYolo(root, {});
    QVERIFY2(result.isValid(), qPrintable(problemsText(result)));
    const AnnotatedImage &image = result.set.images.at(0);
    QCOMPARE(image.size, QSize(20, 40));
    QCOMPARE(image.objects.at(0).box, QRectF(5, 0, 10, 20));

    QTemporaryDir out;
    AnnotationWriteOptions options;
    options.imagesFolder = root + QStringLiteral("/images");
    const AnnotationWriteResult written = AnnotationWriters::writeYolo(
            result.set, out.filePath(QStringLiteral("yolo")), options);
    QVERIFY2(written.isSuccess(), qPrintable(written.error));
    QFile label(out.filePath(QStringLiteral("yolo/labels/photo.txt")));
    QVERIFY(label.open(QIODevice::ReadOnly));
    QCOMPARE(label.readAll(), QByteArray("0 0.5 0.25 0.5 0.5\n"));
}

void TestYoloFormat::refusals_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");

    QTest::newRow("4 numbers") << QByteArray("0 0.5 0.5 0.2") << QStringLiteral("has 4 numbers");
    QTest::newRow("unknown class")
            << QByteArray("7 0.5 0.5 0.2 0.2") << QStringLiteral("class 7 is not in the 2 classes");
    QTest::newRow("negative class")
            << QByteArray("-1 0.5 0.5 0.2 0.2") << QStringLiteral("not a class index");
    QTest::newRow("fractional class")
            << QByteArray("1.0 0.5 0.5 0.2 0.2") << QStringLiteral("not a class index");
    QTest::newRow("above 1") << QByteArray("0 1.5 0.5 0.2 0.2") << QStringLiteral("outside 0..1");
    QTest::newRow("below 0") << QByteArray("0 0.5 0.5 0.2 -0.01") << QStringLiteral("outside 0..1");
    QTest::newRow("past the edge")
            << QByteArray("0 0.95 0.5 0.2 0.2") << QStringLiteral("reaches outside the image");
    QTest::newRow("NaN") << QByteArray("0 nan 0.5 0.2 0.2") << QStringLiteral("NaN");
    QTest::newRow("infinite") << QByteArray("0 0.5 inf 0.2 0.2") << QStringLiteral("NaN");
    QTest::newRow("not a number") << QByteArray("0 0.5 0.5 0.2 abc")
                                  << QStringLiteral("'abc' is not a number");
    QTest::newRow("zero width") << QByteArray("0 0.5 0.5 0 0.2") << QStringLiteral("no area");
    QTest::newRow("odd polygon") << QByteArray("0 0.1 0.1 0.2 0.1 0.2 0.2 0.3")
                                 << QStringLiteral("odd number of coordinates");
    QTest::newRow("score on one line") << QByteArray("0 0.5 0.5 0.2 0.2 0.9")
                                       << QStringLiteral("has a score column but the first line");
}

void TestYoloFormat::refusals()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString root = dir.path();
    writeFile(root + QStringLiteral("/data.yaml"), "names: [cat, dog]\n");
    writeImage(root + QStringLiteral("/images/a.png"), 100, 100);
    writeFile(root + QStringLiteral("/labels/a.txt"), "0 0.5 0.5 0.2 0.2\n" + line + "\n");
    const AnnotationReadResult result = AnnotationReaders::readYolo(root, {});
    QVERIFY(!result.isValid());
    QCOMPARE(result.problemCount, 1);
    const LogProblem &problem = result.problems.first();
    QCOMPARE(problem.file, QDir::toNativeSeparators(root + QStringLiteral("/labels/a.txt")));
    QCOMPARE(problem.line, 2);
    QVERIFY2(problem.message.contains(expected), qPrintable(problem.toString()));
}

void TestYoloFormat::labelWithoutImageIsRefused()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    writeFile(root + QStringLiteral("/data.yaml"), "names:\n  0: cat\n");
    writeFile(root + QStringLiteral("/labels/ghost.txt"), "0 0.5 0.5 0.2 0.2\n");
    AnnotationReadResult result = AnnotationReaders::readYolo(root, {});
    QCOMPARE(result.problemCount, 1);
    QCOMPARE(result.problems.first().file,
             QDir::toNativeSeparators(root + QStringLiteral("/labels/ghost.txt")));
    QCOMPARE(result.problems.first().line, 0);
    QVERIFY(result.problems.first().message.contains(QStringLiteral("no image ghost.*")));

    // No names at all, and an nc that disagrees with names.
    QFile::remove(root + QStringLiteral("/data.yaml"));
    result = AnnotationReaders::readYolo(root, {});
    QVERIFY(result.problems.first().message.contains(QStringLiteral("no data.yaml")));
    writeFile(root + QStringLiteral("/data.yaml"), "nc: 3\nnames: [a, b]\n");
    result = AnnotationReaders::readYolo(root, {});
    QCOMPARE(result.problems.first().line, 1);
    QCOMPARE(result.problems.first().field, QStringLiteral("nc"));
}

void TestYoloFormat::roundTripGroundTruth()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    writeFile(root + QStringLiteral("/data.yaml"), "names: [cat, dog, bird]\n");
    writeImage(root + QStringLiteral("/images/a.png"), 640, 480);
    writeImage(root + QStringLiteral("/images/sub/b.png"), 333, 517);
    writeImage(root + QStringLiteral("/images/empty.png"), 16, 16);
    writeFile(root + QStringLiteral("/labels/a.txt"), "2 0.123457 0.654321 0.1 0.2\n0 0.5 0.5 1 1\n"
                                                      "1 0.1 0.1 0.9 0.15 0.85 0.8 0.2 0.75\n");
    writeFile(root + QStringLiteral("/labels/sub/b.txt"), "1 0.333333 0.25 0.333333 0.1\n");
    writeFile(root + QStringLiteral("/labels/empty.txt"), "");
    const AnnotationReadResult first = AnnotationReaders::readYolo(root, {});
    QVERIFY2(first.isValid(), qPrintable(problemsText(first)));
    QCOMPARE(first.set.images.size(), 3);

    QTemporaryDir out;
    AnnotationWriteOptions options;
    options.imagesFolder = root + QStringLiteral("/images");
    const QString exported = out.filePath(QStringLiteral("export"));
    const AnnotationWriteResult written
            = AnnotationWriters::writeYolo(first.set, exported, options);
    QVERIFY2(written.isSuccess(), qPrintable(written.error));
    QCOMPARE(written.images, 3);
    QCOMPARE(written.objects, 4);
    const auto bytes = snapshot(exported);

    const AnnotationReadResult second = AnnotationReaders::readYolo(exported, {});
    QVERIFY2(second.isValid(), qPrintable(problemsText(second)));
    compareGeometry(first.set, second.set);
    QCOMPARE(second.set.classes.size(), 3);

    // Written again over the first export: the same bytes.
    const AnnotationWriteResult again = AnnotationWriters::writeYolo(second.set, exported, options);
    QVERIFY2(again.isSuccess(), qPrintable(again.error));
    QCOMPARE(snapshot(exported), bytes);
    QCOMPARE(bytes.value(QStringLiteral("labels/empty.txt")), QByteArray());
}

void TestYoloFormat::roundTripPredictions()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    writeFile(root + QStringLiteral("/classes.txt"), "cat\ndog\n");
    writeImage(root + QStringLiteral("/images/a.png"), 1920, 1080);
    writeImage(root + QStringLiteral("/images/b.png"), 7, 3);
    writeFile(root + QStringLiteral("/labels/a.txt"),
              "0 0.5 0.5 0.25 0.25 0.875\n1 0.2 0.2 0.3 0.2 0.3 0.3 0.2 0.3 0.5\n");
    writeFile(root + QStringLiteral("/labels/b.txt"), "1 0.5 0.5 1 1 0.001\n");
    const AnnotationReadResult first = AnnotationReaders::readYolo(root, {});
    QVERIFY2(first.isValid(), qPrintable(problemsText(first)));
    QCOMPARE(first.set.kind, AnnotationSet::Kind::Predictions);
    QCOMPARE(*first.set.images.at(0).objects.at(0).score, 0.875);
    QCOMPARE(first.set.images.at(0).objects.at(1).shape, Annotation::Shape::Polygon);
    QCOMPARE(*first.set.images.at(0).objects.at(1).score, 0.5);

    QTemporaryDir out;
    AnnotationWriteOptions options;
    options.imagesFolder = root + QStringLiteral("/images");
    const AnnotationWriteResult written
            = AnnotationWriters::writeYolo(first.set, out.filePath(QStringLiteral("p")), options);
    QVERIFY2(written.isSuccess(), qPrintable(written.error));
    QFile label(out.filePath(QStringLiteral("p/labels/b.txt")));
    QVERIFY(label.open(QIODevice::ReadOnly));
    QCOMPARE(label.readAll(), QByteArray("1 0.5 0.5 1 1 0.001\n"));
    const AnnotationReadResult second
            = AnnotationReaders::readYolo(out.filePath(QStringLiteral("p")), {});
    QVERIFY2(second.isValid(), qPrintable(problemsText(second)));
    compareGeometry(first.set, second.set);
}

void TestYoloFormat::writesRotatedBoxesAndMasks()
{
    QTemporaryDir dir;
    writeImage(dir.filePath(QStringLiteral("img/a.png")), 100, 100);
    AnnotationSet set;
    set.classes = {{QStringLiteral("b"), 1, {}}, {QStringLiteral("a"), 0, {}}};
    AnnotatedImage image;
    image.path = QStringLiteral("a.png");
    image.size = QSize(100, 100);
    Annotation rotated;
    rotated.label = QStringLiteral("a");
    rotated.box = QRectF(50, 10, 20, 10);
    rotated.rotation = 90; // clockwise about (50, 10): the box hangs down-left of it
    Annotation mask;
    mask.shape = Annotation::Shape::Mask;
    mask.label = QStringLiteral("b");
    mask.mask.width = 100;
    mask.mask.height = 100;
    // Column-major: 1000 zeros (columns 0-9), then 20 ones in column 10 (rows 0-19), rest zero.
    mask.mask.counts = {1000, 20, 100 * 100 - 1020};
    mask.box = QRectF(10, 0, 1, 20); // its extent
    image.objects = {rotated, mask};
    set.images = {image};

    QTemporaryDir out;
    AnnotationWriteOptions options;
    options.imagesFolder = dir.filePath(QStringLiteral("img"));
    const AnnotationWriteResult written
            = AnnotationWriters::writeYolo(set, out.filePath(QStringLiteral("y")), options);
    QVERIFY2(written.isSuccess(), qPrintable(written.error));
    QFile label(out.filePath(QStringLiteral("y/labels/a.txt")));
    QVERIFY(label.open(QIODevice::ReadOnly));
    QCOMPARE(label.readAll(), QByteArray("0 0.5 0.1 0.5 0.3 0.4 0.3 0.4 0.1\n"
                                         "1 0.105 0.1 0.01 0.2\n"));
    QFile yaml(out.filePath(QStringLiteral("y/data.yaml")));
    QVERIFY(yaml.open(QIODevice::ReadOnly));
    QVERIFY(yaml.readAll().contains("nc: 2\nnames:\n  - \"a\"\n  - \"b\"\n"));

    // A point cannot be written.
    Annotation point;
    point.shape = Annotation::Shape::Point;
    point.label = QStringLiteral("a");
    point.polygons = {QPolygonF({QPointF(1, 1)})};
    set.images[0].objects = {point};
    const AnnotationWriteResult refused
            = AnnotationWriters::writeYolo(set, out.filePath(QStringLiteral("y")), options);
    QVERIFY(!refused.isSuccess());
    QVERIFY(refused.error.contains(QStringLiteral("no points")));
    // The previous export is left as it was.
    QVERIFY(QFileInfo::exists(out.filePath(QStringLiteral("y/labels/a.txt"))));
}

void TestYoloFormat::writtenLayoutForTraining()
{
    QTemporaryDir dir;
    writeImage(dir.filePath(QStringLiteral("data/x/one.png")), 10, 10);
    AnnotationSet set;
    set.classes = {{QStringLiteral("kept"), 2, {}}, {QStringLiteral("new"), -1, {}}};
    AnnotatedImage image;
    image.path = QStringLiteral("x/one.png");
    Annotation box;
    box.label = QStringLiteral("kept");
    box.box = QRectF(0, 0, 5, 5);
    image.objects = {box};
    set.images = {image};
    QTemporaryDir out;
    AnnotationWriteOptions options;
    options.imagesFolder = dir.filePath(QStringLiteral("data"));
    const AnnotationWriteResult written
            = AnnotationWriters::writeYolo(set, out.filePath(QStringLiteral("t")), options);
    QVERIFY2(written.isSuccess(), qPrintable(written.error));
    const QFileInfo link(out.filePath(QStringLiteral("t/images/x/one.png")));
    QVERIFY(link.isSymLink());
    QCOMPARE(link.symLinkTarget(),
             QFileInfo(dir.filePath(QStringLiteral("data/x/one.png"))).absoluteFilePath());
    QFile yaml(out.filePath(QStringLiteral("t/data.yaml")));
    QVERIFY(yaml.open(QIODevice::ReadOnly));
    // "kept" keeps index 2; "new" takes the first free index; index 1 is a placeholder.
    QCOMPARE(yaml.readAll(),
             QByteArray("# YOLO dataset written by Boucle: images/ and labels/ beside each other.\n"
                        "path: .\ntrain: images\nval: images\nnc: 3\nnames:\n"
                        "  - \"new\"\n  - \"class_1\"\n  - \"kept\"\n"));
    QFile classes(out.filePath(QStringLiteral("t/classes.txt")));
    QVERIFY(classes.open(QIODevice::ReadOnly));
    QCOMPARE(classes.readAll(), QByteArray("new\nclass_1\nkept\n"));
    QFile label(out.filePath(QStringLiteral("t/labels/x/one.txt")));
    QVERIFY(label.open(QIODevice::ReadOnly));
    QCOMPARE(label.readAll(), QByteArray("2 0.25 0.25 0.5 0.5\n"));
    // The export reads back: the written yaml is one this reader understands.
    const AnnotationReadResult back
            = AnnotationReaders::readYolo(out.filePath(QStringLiteral("t")), {});
    QVERIFY2(back.isValid(), qPrintable(problemsText(back)));
    QCOMPARE(back.set.images.at(0).objects.at(0).box, QRectF(0, 0, 5, 5));
}

QTEST_GUILESS_MAIN(TestYoloFormat)
#include "tst_yoloformat.moc"
