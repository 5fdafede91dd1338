// labelme JSON, both ways: files written by labelme itself (tests/data/labelme), round trips,
// image sizes of the displayed (EXIF-oriented) image, and every refusal with its JSON path.
#include "annotationsetcompare.h"
#include "exiforientation.h"
#include "interop/annotationreader.h"
#include "interop/annotationwriter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

class tst_LabelmeFormat : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    QString write(const QString &relative, const QByteArray &content)
    {
        const QString path = m_dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write the test file");
        return path;
    }
    static QByteArray readBytes(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    static QString problems(const AnnotationReadResult &result)
    {
        QStringList lines;
        for (const LogProblem &problem : result.problems)
            lines.append(problem.toString());
        return lines.join(QLatin1Char('\n'));
    }
    // Every file under `folder`, relative path → bytes.
    static QMap<QString, QByteArray> tree(const QString &folder)
    {
        QMap<QString, QByteArray> files;
        QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            files.insert(QDir(folder).relativeFilePath(path), readBytes(path));
        }
        return files;
    }

    static AnnotationSet sampleSet()
    {
        AnnotationSet set;
        AnnotatedImage first;
        first.path = QStringLiteral("train/0001.jpg");
        first.size = QSize(640, 480);
        first.label = QStringLiteral("indoor");
        Annotation box;
        box.label = QStringLiteral("cat");
        box.box = QRectF(10.25, 20.5, 100.125, 50.75);
        box.attributes.insert(QStringLiteral("group_id"), 2);
        first.objects.append(box);
        Annotation polygon;
        polygon.shape = Annotation::Shape::Polygon;
        polygon.label = QStringLiteral("leaf");
        polygon.polygons = {QPolygonF {QPointF(1.5, 2), QPointF(639, 3.25), QPointF(320, 479.9)}};
        polygon.box = polygon.polygons.first().boundingRect();
        first.objects.append(polygon);
        Annotation point;
        point.shape = Annotation::Shape::Point;
        point.label = QStringLiteral("eye");
        point.polygons = {QPolygonF {QPointF(1 / 3.0, 2 / 3.0)}};
        point.box = QRectF(1 / 3.0, 2 / 3.0, 0, 0);
        first.objects.append(point);
        set.images.append(first);
        AnnotatedImage empty;
        empty.path = QStringLiteral("train/0002.png");
        empty.size = QSize(33, 17);
        set.images.append(empty);
        return set;
    }

private slots:
    // Files written by Debian's labelme 5.1.1 (see tests/data/labelme/README.md).
    void readsFilesWrittenByLabelme()
    {
        const QString folder = QStringLiteral(BOUCLE_TEST_DATA_DIR "/labelme");
        const AnnotationReadResult read = AnnotationReaders::readLabelme(folder, {});
        QVERIFY2(read.isValid(), qPrintable(problems(read)));
        QCOMPARE(read.set.images.size(), 3);

        const AnnotatedImage &boxes = read.set.images.at(0);
        QCOMPARE(boxes.path, QStringLiteral("boxes.png"));
        QCOMPARE(boxes.size, QSize(64, 48));
        QCOMPARE(boxes.objects.size(), 2);
        QCOMPARE(boxes.objects.at(0).shape, Annotation::Shape::Box);
        QCOMPARE(boxes.objects.at(0).label, QStringLiteral("cat"));
        QCOMPARE(boxes.objects.at(0).box, QRectF(10, 5.5, 30.5, 24.75)); // corners in any order
        QCOMPARE(boxes.objects.at(1).box, QRectF(0, 0, 64, 48));
        QCOMPARE(boxes.objects.at(1).attributes.value(u"group_id").toInt(), 3);
        QVERIFY(boxes.label.isEmpty());

        const AnnotatedImage &point = read.set.images.at(1);
        QCOMPARE(point.path, QStringLiteral("point.png"));
        QCOMPARE(point.objects.at(0).shape, Annotation::Shape::Point);
        QCOMPARE(point.objects.at(0).polygons.first().first(), QPointF(12.75, 3.5));

        const AnnotatedImage &polygon = read.set.images.at(2);
        QCOMPARE(polygon.size, QSize(32, 40));
        QCOMPARE(polygon.label, QStringLiteral("outdoor")); // the one set image flag
        QCOMPARE(polygon.objects.at(0).shape, Annotation::Shape::Polygon);
        QCOMPARE(polygon.objects.at(0).polygons.first(),
                 QPolygonF({QPointF(2, 3), QPointF(30, 4.5), QPointF(16.25, 39)}));
        QCOMPARE(polygon.objects.at(0).attributes.value(u"flags").toObject().value(u"occluded"),
                 QJsonValue(true));

        // Written back and read again: the same values.
        const QString output = m_dir.filePath(QStringLiteral("fromlabelme"));
        QVERIFY(AnnotationWriters::writeLabelme(read.set, output, {}).isSuccess());
        const AnnotationReadResult again = AnnotationReaders::readLabelme(output, {});
        QVERIFY2(again.isValid(), qPrintable(problems(again)));
        const QString difference = Testing::compareSets(read.set, again.set);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void roundTrip()
    {
        const AnnotationSet set = sampleSet();
        const QString first = m_dir.filePath(QStringLiteral("first"));
        const AnnotationWriteResult written = AnnotationWriters::writeLabelme(set, first, {});
        QVERIFY2(written.isSuccess(), qPrintable(written.error));
        QCOMPARE(written.files, QStringList({QStringLiteral("train/0001.json"),
                                             QStringLiteral("train/0002.json")}));
        const QJsonObject file
                = QJsonDocument::fromJson(readBytes(first + QStringLiteral("/train/0001.json")))
                          .object();
        QCOMPARE(file.value(u"version").toString(), QStringLiteral("5.1.1"));
        QCOMPARE(file.value(u"imagePath").toString(), QStringLiteral("0001.jpg"));
        QVERIFY(file.value(u"imageData").isNull());
        QCOMPARE(file.value(u"imageWidth").toInt(), 640);

        AnnotationReadOptions options;
        options.imageSize = [](const QString &, QString *) {
            return QSize();
        }; // no image
        const AnnotationReadResult read = AnnotationReaders::readLabelme(first, options);
        QVERIFY2(read.isValid(), qPrintable(problems(read)));
        const QString difference = Testing::compareSets(set, read.set);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        qInfo("largest coordinate difference after the round trip: %g px",
              Testing::largestDifference(set, read.set));
        QCOMPARE(read.set.images.at(0).objects.at(0).attributes.value(u"group_id").toInt(), 2);

        const QString second = m_dir.filePath(QStringLiteral("second"));
        QVERIFY(AnnotationWriters::writeLabelme(read.set, second, {}).isSuccess());
        QCOMPARE(tree(second), tree(first));
        QVERIFY(AnnotationWriters::writeLabelme(set, second, {}).isSuccess()); // replaced whole
        QCOMPARE(tree(second), tree(first));
    }

    // labelme has no rotated box: it is written as the polygon of its four corners.
    void rotatedBoxBecomesItsCorners()
    {
        AnnotationSet set;
        AnnotatedImage image;
        image.path = QStringLiteral("r.jpg");
        image.size = QSize(100, 100);
        Annotation box;
        box.label = QStringLiteral("car");
        box.box = QRectF(50, 10, 40, 20);
        box.rotation = 90;
        image.objects.append(box);
        set.images.append(image);
        const QString output = m_dir.filePath(QStringLiteral("rotated"));
        QVERIFY(AnnotationWriters::writeLabelme(set, output, {}).isSuccess());
        const AnnotationReadResult read = AnnotationReaders::readLabelme(output, {});
        QVERIFY2(read.isValid(), qPrintable(problems(read)));
        const QPolygonF corners = read.set.images.at(0).objects.at(0).polygons.first();
        const QPolygonF expected {QPointF(50, 10), QPointF(50, 50), QPointF(30, 50),
                                  QPointF(30, 10)};
        QCOMPARE(corners.size(), 4);
        for (int i = 0; i < 4; ++i) {
            QVERIFY(std::abs(corners.at(i).x() - expected.at(i).x()) < 1e-9);
            QVERIFY(std::abs(corners.at(i).y() - expected.at(i).y()) < 1e-9);
        }
    }

    // imagePath is written relative to each JSON's folder, and read back relative to the
    // images folder given.
    void imagePathsRelativeToTheImagesFolder()
    {
        const AnnotationSet set = sampleSet();
        const QString images = m_dir.filePath(QStringLiteral("data"));
        const QString output = m_dir.filePath(QStringLiteral("exports/labelme"));
        QDir().mkpath(m_dir.filePath(QStringLiteral("exports")));
        AnnotationWriteOptions writeOptions;
        writeOptions.imagesFolder = images;
        QVERIFY(AnnotationWriters::writeLabelme(set, output, writeOptions).isSuccess());
        const QJsonObject file
                = QJsonDocument::fromJson(readBytes(output + QStringLiteral("/train/0001.json")))
                          .object();
        QCOMPARE(file.value(u"imagePath").toString(),
                 QStringLiteral("../../../data/train/0001.jpg"));
        AnnotationReadOptions options;
        options.imagesFolder = images;
        const AnnotationReadResult read = AnnotationReaders::readLabelme(output, options);
        QVERIFY2(read.isValid(), qPrintable(problems(read)));
        QCOMPARE(read.set.images.at(0).path, QStringLiteral("train/0001.jpg"));
    }

    // A photo stored 40×20 with EXIF orientation 6 is shown 20×40: a file stating 40×20 was
    // drawn on the stored pixels and is refused; one stating 20×40 is read.
    void imageSizeIsTheDisplayedOne()
    {
        QImage stored(40, 20, QImage::Format_RGB32);
        stored.fill(Qt::gray);
        write(QStringLiteral("exif/photo.jpg"), Testing::jpegWithOrientation(stored, 6));
        const QByteArray shapes
                = R"("shapes": [{"label": "a", "points": [[1, 1], [15, 18]], "shape_type": "rectangle"}])";
        const QString wrong
                = write(QStringLiteral("exif/wrong/photo.json"),
                        R"({"imagePath": "../photo.jpg", "imageWidth": 40, "imageHeight": 20, )"
                                + shapes + "}");
        AnnotationReadResult read = AnnotationReaders::readLabelme(wrong, {});
        QVERIFY(!read.isValid());
        QCOMPARE(read.problems.first().field, QStringLiteral("imageWidth"));
        QVERIFY2(read.problems.first().message.contains(QStringLiteral("40×20"))
                         && read.problems.first().message.contains(QStringLiteral("20×40")),
                 qPrintable(read.problems.first().toString()));

        const QString right
                = write(QStringLiteral("exif/right/photo.json"),
                        R"({"imagePath": "../photo.jpg", "imageWidth": 20, "imageHeight": 40, )"
                                + shapes + "}");
        AnnotationReadOptions options;
        options.imagesFolder = m_dir.filePath(QStringLiteral("exif"));
        read = AnnotationReaders::readLabelme(right, options);
        QVERIFY2(read.isValid(), qPrintable(problems(read)));
        QCOMPARE(read.set.images.at(0).path, QStringLiteral("photo.jpg"));
        QCOMPARE(read.set.images.at(0).size, QSize(20, 40));
    }

    void imageWithoutShapes()
    {
        const QString path = write(
                QStringLiteral("empty/e.json"),
                R"({"version": "5.1.1", "flags": {}, "shapes": [], "imagePath": "e.png", "imageData": null, "imageHeight": 3, "imageWidth": 4})");
        const AnnotationReadResult read = AnnotationReaders::readLabelme(path, {});
        QVERIFY2(read.isValid(), qPrintable(problems(read)));
        QCOMPARE(read.set.images.size(), 1);
        QVERIFY(read.set.images.at(0).objects.isEmpty());
        QCOMPARE(read.set.images.at(0).size, QSize(4, 3));
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        auto file = [](const QByteArray &shape,
                       const QByteArray &size = R"("imageWidth": 10, "imageHeight": 10)") {
            return R"({"imagePath": "x.png", )" + size + R"(, "shapes": [)" + shape + "]}";
        };
        QTest::newRow("rectangle of three points") << file(
                R"({"label": "a", "points": [[1, 1], [2, 2], [3, 3]], "shape_type": "rectangle"})")
                                                   << "shapes[0].points"
                                                   << "exactly 2";
        QTest::newRow("polygon of two points")
                << file(R"({"label": "a", "points": [[1, 1], [2, 2]], "shape_type": "polygon"})")
                << "shapes[0].points"
                << "at least 3";
        QTest::newRow("point outside") << file(
                R"({"label": "a", "points": [[1, 1], [10.5, 2]], "shape_type": "rectangle"})")
                                       << "shapes[0].points[1]"
                                       << "outside the 10×10 image";
        QTest::newRow("coordinate a string")
                << file(R"({"label": "a", "points": [[1, "1"]], "shape_type": "point"})")
                << "shapes[0].points[0]"
                << "[x, y] (two numbers) expected";
        QTest::newRow("circle") << file(
                R"({"label": "a", "points": [[1, 1], [2, 2]], "shape_type": "circle"})")
                                << "shapes[0].shape_type"
                                << "'circle' shapes are not read";
        QTest::newRow("no label") << file(R"({"points": [[1, 1]], "shape_type": "point"})")
                                  << "shapes[0].label"
                                  << "missing";
        QTest::newRow("group_id a string") << file(
                R"({"label": "a", "points": [[1, 1]], "shape_type": "point", "group_id": "2"})")
                                           << "shapes[0].group_id"
                                           << "a whole number or null expected";
        QTest::newRow("no imageWidth") << file("", R"("imageHeight": 10)") << "imageWidth"
                                       << "missing";
        QTest::newRow("imageHeight negative")
                << file("", R"("imageWidth": 10, "imageHeight": -10)") << "imageHeight"
                << "not a whole number";
        QTest::newRow("shapes an object") << QByteArray(
                R"({"imagePath": "x.png", "imageWidth": 1, "imageHeight": 1, "shapes": {}})")
                                          << "shapes"
                                          << "an array expected, not an object";
        QTest::newRow("two image flags set") << QByteArray(
                R"({"imagePath": "x.png", "imageWidth": 1, "imageHeight": 1, "shapes": [], "flags": {"a": true, "b": true}})")
                                             << "flags"
                                             << "2 flags are set";
        QTest::newRow("no imagePath")
                << QByteArray(R"({"imageWidth": 1, "imageHeight": 1, "shapes": []})") << "imagePath"
                << "missing";
    }

    void refuses()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const QString path = write(QStringLiteral("bad/%1.json").arg(++m_count), json);
        const AnnotationReadResult read = AnnotationReaders::readLabelme(path, {});
        QVERIFY(!read.isValid());
        QCOMPARE(read.problems.first().field, field);
        QVERIFY2(read.problems.first().message.contains(message),
                 qPrintable(read.problems.first().toString()));
        QVERIFY(read.problems.first().toString().contains(QStringLiteral("%1.json").arg(m_count)));
    }

    void writerRefusesTwoImagesForOneJson()
    {
        AnnotationSet set;
        for (const char *name : {"a.jpg", "a.png"}) {
            AnnotatedImage image;
            image.path = QString::fromLatin1(name);
            image.size = QSize(2, 2);
            set.images.append(image);
        }
        const QString output = m_dir.filePath(QStringLiteral("clash"));
        const AnnotationWriteResult result = AnnotationWriters::writeLabelme(set, output, {});
        QVERIFY(result.error.contains(QStringLiteral("a.json")));
        QVERIFY(!QFileInfo::exists(output));
    }
};

QTEST_GUILESS_MAIN(tst_LabelmeFormat)
#include "tst_labelmeformat.moc"
