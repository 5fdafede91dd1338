// Pascal VOC in and out: 1-based inclusive corners converted once each way (checked by hand),
// <size> against the displayed image (EXIF), every refusal with its file and line, round trips
// and byte-identical exports.
#include "exiforientation.h"
#include "interop/annotationreader.h"
#include "interop/annotationwriter.h"

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

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString problemsText(const AnnotationReadResult &result)
{
    QStringList lines;
    for (const LogProblem &problem : result.problems)
        lines.append(problem.toString());
    return lines.join(QLatin1Char('\n'));
}

QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::System | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        const QString relative = QDir(dir).relativeFilePath(path);
        files.insert(relative,
                     info.isSymLink() ? "-> " + info.symLinkTarget().toUtf8() : readFile(path));
    }
    return files;
}

// A VOC file for `filename` of `width` x `height` with the given <object> elements.
QByteArray vocFile(const char *filename, int width, int height, const QByteArray &objects)
{
    return QByteArray("<annotation>\n"
                      "  <folder>VOC2007</folder>\n"
                      "  <filename>")
           + filename + "</filename>\n  <size>\n    <width>" + QByteArray::number(width)
           + "</width>\n    <height>" + QByteArray::number(height)
           + "</height>\n    <depth>3</depth>\n  </size>\n" + objects + "</annotation>\n";
}

QByteArray vocObject(const char *name, const char *xmin, const char *ymin, const char *xmax,
                     const char *ymax, const QByteArray &extra = {})
{
    return QByteArray("  <object>\n    <name>") + name + "</name>\n" + extra
           + "    <bndbox>\n      <xmin>" + xmin + "</xmin>\n      <ymin>" + ymin
           + "</ymin>\n      <xmax>" + xmax + "</xmax>\n      <ymax>" + ymax
           + "</ymax>\n    </bndbox>\n  </object>\n";
}

} // namespace

class TestVocFormat : public QObject
{
    Q_OBJECT

private slots:
    void workedExample();
    void fractionalCorners();
    void refusals_data();
    void refusals();
    void exifSizeMismatchIsRefused();
    void exifSizeThatMatchesIsRead();
    void roundTripFolderLayout();
};

void TestVocFormat::workedExample()
{
    // By hand: xmin = 1 is the first pixel column, so the box starts at x = 0; xmax = 10 is the
    // tenth column, so the box is 10 - 1 + 1 = 10 pixels wide. Likewise y = 0, height 20.
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("a.xml")),
              vocFile("a.jpg", 100, 50,
                      vocObject("cat", "1", "1", "10", "20",
                                "    <pose>Left</pose>\n    <truncated>1</truncated>\n"
                                "    <difficult>0</difficult>\n")
                              + vocObject("dog", "91", "31", "100", "50")));
    const AnnotationReadResult result
            = AnnotationReaders::readVoc(dir.filePath(QStringLiteral("a.xml")), {});
    QVERIFY2(result.isValid(), qPrintable(problemsText(result)));
    QCOMPARE(result.set.images.size(), 1);
    const AnnotatedImage &image = result.set.images.at(0);
    QCOMPARE(image.path, QStringLiteral("a.jpg"));
    QCOMPARE(image.size, QSize(100, 50));
    QCOMPARE(image.objects.at(0).box, QRectF(0, 0, 10, 20));
    // The last pixel: xmax = width, ymax = height reach exactly the image's edge.
    QCOMPARE(image.objects.at(1).box, QRectF(90, 30, 10, 20));
    QCOMPARE(image.objects.at(0).attributes.value(QStringLiteral("pose")).toString(),
             QStringLiteral("Left"));
    QCOMPARE(image.objects.at(0).attributes.value(QStringLiteral("truncated")).toInt(), 1);
    QCOMPARE(result.set.classes.size(), 2);
    QCOMPARE(result.set.classes.at(0).name, QStringLiteral("cat"));

    // And back: x = 0 is written xmin = 1, the box's right edge 10 is written xmax = 10.
    AnnotationSet set;
    AnnotatedImage made;
    made.path = QStringLiteral("a.jpg");
    made.size = QSize(100, 50);
    Annotation box;
    box.label = QStringLiteral("cat");
    box.box = QRectF(0, 0, 10, 20);
    made.objects = {box};
    set.images = {made};
    QTemporaryDir out;
    const AnnotationWriteResult written
            = AnnotationWriters::writeVoc(set, out.filePath(QStringLiteral("voc")), {});
    QVERIFY2(written.isSuccess(), qPrintable(written.error));
    QCOMPARE(readFile(out.filePath(QStringLiteral("voc/Annotations/a.xml"))),
             QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<annotation>\n"
                        "    <folder>JPEGImages</folder>\n"
                        "    <filename>a.jpg</filename>\n"
                        "    <size>\n"
                        "        <width>100</width>\n"
                        "        <height>50</height>\n"
                        "        <depth>3</depth>\n"
                        "    </size>\n"
                        "    <segmented>0</segmented>\n"
                        "    <object>\n"
                        "        <name>cat</name>\n"
                        "        <pose>Unspecified</pose>\n"
                        "        <truncated>0</truncated>\n"
                        "        <difficult>0</difficult>\n"
                        "        <bndbox>\n"
                        "            <xmin>1</xmin>\n"
                        "            <ymin>1</ymin>\n"
                        "            <xmax>10</xmax>\n"
                        "            <ymax>20</ymax>\n"
                        "        </bndbox>\n"
                        "    </object>\n"
                        "</annotation>\n"));
    QCOMPARE(readFile(out.filePath(QStringLiteral("voc/ImageSets/Main/trainval.txt"))),
             QByteArray("a\n"));
}

void TestVocFormat::fractionalCorners()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("a.xml")),
              vocFile("a.jpg", 100, 50, vocObject("cat", "1.5", "2.25", "10.5", "20")));
    const AnnotationReadResult result
            = AnnotationReaders::readVoc(dir.filePath(QStringLiteral("a.xml")), {});
    QVERIFY2(result.isValid(), qPrintable(problemsText(result)));
    QCOMPARE(result.set.images.at(0).objects.at(0).box, QRectF(0.5, 1.25, 10, 18.75));
    QTemporaryDir out;
    const AnnotationWriteResult written
            = AnnotationWriters::writeVoc(result.set, out.filePath(QStringLiteral("v")), {});
    QVERIFY2(written.isSuccess(), qPrintable(written.error));
    const QByteArray xml = readFile(out.filePath(QStringLiteral("v/Annotations/a.xml")));
    QVERIFY(xml.contains("<xmin>1.5</xmin>"));
    QVERIFY(xml.contains("<ymin>2.25</ymin>"));
    QVERIFY(xml.contains("<xmax>10.5</xmax>"));
}

void TestVocFormat::refusals_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");

    QTest::newRow("no size") << QByteArray("<annotation>\n  <filename>a.jpg</filename>\n"
                                           "</annotation>\n")
                             << 1 << QStringLiteral("annotation/size")
                             << QStringLiteral("no <size>");
    QTest::newRow("width 0") << vocFile("a.jpg", 0, 50, {}) << 5
                             << QStringLiteral("annotation/size/width")
                             << QStringLiteral("not a whole number of pixels above 0");
    QTest::newRow("fractional height")
            << QByteArray("<annotation><filename>a.jpg</filename>\n<size><width>10</width>\n"
                          "<height>7.5</height></size></annotation>")
            << 3 << QStringLiteral("annotation/size/height")
            << QStringLiteral("not a whole number");
    QTest::newRow("no filename") << QByteArray(
            "<annotation>\n<size><width>10</width><height>10</height></size>\n"
            "</annotation>") << 1 << QStringLiteral("annotation/filename")
                                 << QStringLiteral("names no image");
    QTest::newRow("not a number") << vocFile("a.jpg", 100, 50,
                                             vocObject("cat", "1", "1", "ten", "20"))
                                  << 14 << QStringLiteral("annotation/object[1]/bndbox/xmax")
                                  << QStringLiteral("'ten' is not a number");
    QTest::newRow("NaN") << vocFile("a.jpg", 100, 50, vocObject("cat", "nan", "1", "10", "20"))
                         << 12 << QStringLiteral("annotation/object[1]/bndbox/xmin")
                         << QStringLiteral("NaN");
    QTest::newRow("xmax below xmin") << vocFile("a.jpg", 100, 50,
                                                vocObject("cat", "1", "1", "10", "20")
                                                        + vocObject("cat", "20", "1", "10", "20"))
                                     << 23 << QStringLiteral("annotation/object[2]/bndbox/xmax")
                                     << QStringLiteral("xmax 10 is less than xmin 20");
    QTest::newRow("ymax below ymin")
            << vocFile("a.jpg", 100, 50, vocObject("cat", "1", "30", "10", "20")) << 15
            << QStringLiteral("annotation/object[1]/bndbox/ymax")
            << QStringLiteral("ymax 20 is less than ymin 30");
    QTest::newRow("0-based corner")
            << vocFile("a.jpg", 100, 50, vocObject("cat", "0", "1", "10", "20")) << 12
            << QStringLiteral("annotation/object[1]/bndbox/xmin")
            << QStringLiteral("VOC corners are 1-based");
    QTest::newRow("past the width")
            << vocFile("a.jpg", 100, 50, vocObject("cat", "1", "1", "101", "20")) << 14
            << QStringLiteral("annotation/object[1]/bndbox/xmax")
            << QStringLiteral("outside the 100 x 50 image");
    QTest::newRow("no name") << vocFile("a.jpg", 100, 50, vocObject("", "1", "1", "10", "20")) << 9
                             << QStringLiteral("annotation/object[1]/name")
                             << QStringLiteral("no class name");
    QTest::newRow("no bndbox") << vocFile("a.jpg", 100, 50,
                                          "  <object>\n    <name>cat</name>\n  </object>\n")
                               << 9 << QStringLiteral("annotation/object[1]/bndbox")
                               << QStringLiteral("no <bndbox>");
    QTest::newRow("wrong root") << QByteArray("<?xml version=\"1.0\"?>\n<annotations/>\n") << 2
                                << QString() << QStringLiteral("<annotation>");
    QTest::newRow("broken XML") << QByteArray("<annotation>\n<filename>a.jpg</file>\n") << 2
                                << QString() << QString();
}

void TestVocFormat::refusals()
{
    QFETCH(QByteArray, xml);
    QFETCH(int, line);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("bad.xml"));
    writeFile(file, xml);
    const AnnotationReadResult result = AnnotationReaders::readVoc(dir.path(), {});
    QVERIFY(!result.isValid());
    QVERIFY(result.set.images.isEmpty());
    const LogProblem &problem = result.problems.first();
    QCOMPARE(problem.file, QDir::toNativeSeparators(file));
    QCOMPARE(problem.line, line);
    QCOMPARE(problem.field, field);
    QVERIFY2(problem.message.contains(expected), qPrintable(problem.toString()));
}

void TestVocFormat::exifSizeMismatchIsRefused()
{
    // The photo is stored 40 x 20 and shown 20 x 40; a tool that ignored EXIF wrote 40 x 20.
    QTemporaryDir dir;
    QImage stored(40, 20, QImage::Format_RGB32);
    stored.fill(Qt::blue);
    writeFile(dir.filePath(QStringLiteral("JPEGImages/p.jpg")),
              Testing::jpegWithOrientation(stored, 6));
    writeFile(dir.filePath(QStringLiteral("Annotations/p.xml")),
              vocFile("p.jpg", 40, 20, vocObject("cat", "1", "1", "30", "10")));
    const AnnotationReadResult result = AnnotationReaders::readVoc(dir.path(), {});
    QCOMPARE(result.problemCount, 1);
    const LogProblem &problem = result.problems.first();
    QCOMPARE(problem.file,
             QDir::toNativeSeparators(dir.filePath(QStringLiteral("Annotations/p.xml"))));
    QCOMPARE(problem.line, 4);
    QVERIFY2(problem.message.contains(QStringLiteral("<size> says 40 x 20"))
                     && problem.message.contains(QStringLiteral("displayed 20 x 40"))
                     && problem.message.contains(QStringLiteral("EXIF")),
             qPrintable(problem.toString()));

    // Through the caller's size reader too.
    AnnotationReadOptions options;
    options.imageSize = [](const QString &, QString *) {
        return QSize(30, 30);
    };
    const AnnotationReadResult viaOption = AnnotationReaders::readVoc(dir.path(), options);
    QCOMPARE(viaOption.problemCount, 1);
    QVERIFY(viaOption.problems.first().message.contains(QStringLiteral("is 30 x 30")));
}

void TestVocFormat::exifSizeThatMatchesIsRead()
{
    QTemporaryDir dir;
    QImage stored(40, 20, QImage::Format_RGB32);
    stored.fill(Qt::blue);
    writeFile(dir.filePath(QStringLiteral("JPEGImages/p.jpg")),
              Testing::jpegWithOrientation(stored, 6));
    writeFile(dir.filePath(QStringLiteral("Annotations/p.xml")),
              vocFile("p.jpg", 20, 40, vocObject("cat", "1", "1", "20", "40")));
    const AnnotationReadResult result = AnnotationReaders::readVoc(dir.path(), {});
    QVERIFY2(result.isValid(), qPrintable(problemsText(result)));
    QCOMPARE(result.set.images.at(0).objects.at(0).box, QRectF(0, 0, 20, 40));
}

void TestVocFormat::roundTripFolderLayout()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    writeImage(root + QStringLiteral("/JPEGImages/a.png"), 64, 48);
    writeImage(root + QStringLiteral("/JPEGImages/sub/b.png"), 30, 30);
    writeImage(root + QStringLiteral("/JPEGImages/empty.png"), 8, 8);
    writeFile(root + QStringLiteral("/Annotations/a.xml"),
              vocFile("a.png", 64, 48,
                      vocObject("cat &amp; co", "3", "4", "64", "48",
                                "    <difficult>1</difficult>\n    <occluded>1</occluded>\n")
                              + vocObject("dog", "10.25", "1", "20.75", "2")));
    writeFile(root + QStringLiteral("/Annotations/sub/b.xml"),
              vocFile("b.png", 30, 30, vocObject("dog", "1", "1", "1", "1")));
    writeFile(root + QStringLiteral("/Annotations/empty.xml"), vocFile("empty.png", 8, 8, {}));
    const AnnotationReadResult first = AnnotationReaders::readVoc(root, {});
    QVERIFY2(first.isValid(), qPrintable(problemsText(first)));
    QCOMPARE(first.set.images.size(), 3);
    QCOMPARE(first.set.images.at(2).path, QStringLiteral("sub/b.png"));
    QCOMPARE(first.set.images.at(2).objects.at(0).box, QRectF(0, 0, 1, 1));

    QTemporaryDir out;
    AnnotationWriteOptions options;
    options.imagesFolder = root + QStringLiteral("/JPEGImages");
    const QString exported = out.filePath(QStringLiteral("voc"));
    const AnnotationWriteResult written = AnnotationWriters::writeVoc(first.set, exported, options);
    QVERIFY2(written.isSuccess(), qPrintable(written.error));
    QCOMPARE(written.images, 3);
    QCOMPARE(written.objects, 3);
    QVERIFY(QFileInfo(exported + QStringLiteral("/JPEGImages/sub/b.png")).isSymLink());
    const auto bytes = snapshot(exported);
    QVERIFY(bytes.value(QStringLiteral("Annotations/a.xml")).contains("<name>cat &amp; co</name>"));
    QVERIFY(bytes.value(QStringLiteral("Annotations/a.xml")).contains("<occluded>1</occluded>"));

    const AnnotationReadResult second = AnnotationReaders::readVoc(exported, {});
    QVERIFY2(second.isValid(), qPrintable(problemsText(second)));
    QCOMPARE(second.set.images.size(), first.set.images.size());
    for (qsizetype i = 0; i < first.set.images.size(); ++i) {
        const AnnotatedImage &a = first.set.images.at(i);
        const AnnotatedImage &b = second.set.images.at(i);
        QCOMPARE(b.path, a.path);
        QCOMPARE(b.size, a.size);
        QCOMPARE(b.objects.size(), a.objects.size());
        for (qsizetype j = 0; j < a.objects.size(); ++j) {
            const QRectF p = a.objects.at(j).box, q = b.objects.at(j).box;
            QVERIFY(std::abs(p.x() - q.x()) < 1e-6 && std::abs(p.y() - q.y()) < 1e-6
                    && std::abs(p.width() - q.width()) < 1e-6
                    && std::abs(p.height() - q.height()) < 1e-6);
            QCOMPARE(b.objects.at(j).label, a.objects.at(j).label);
            QCOMPARE(b.objects.at(j).attributes.value(QStringLiteral("difficult")),
                     a.objects.at(j).attributes.value(QStringLiteral("difficult")).isUndefined()
                             ? QJsonValue(0)
                             : a.objects.at(j).attributes.value(QStringLiteral("difficult")));
        }
    }
    const AnnotationWriteResult again = AnnotationWriters::writeVoc(second.set, exported, options);
    QVERIFY2(again.isSuccess(), qPrintable(again.error));
    QCOMPARE(snapshot(exported), bytes);
}

QTEST_GUILESS_MAIN(TestVocFormat)
#include "tst_vocformat.moc"
