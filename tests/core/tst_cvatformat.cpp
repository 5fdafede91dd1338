// CVAT for images 1.1 XML, both ways: continuous corners, rotations about the box centre
// converted once to Boucle's top-left pivot, tags as image labels, CVAT's own attributes kept,
// and every refusal with its line.
#include "annotationsetcompare.h"
#include "interop/annotationreader.h"
#include "interop/annotationwriter.h"
#include "interop/boxrotation.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

class tst_CvatFormat : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    QString write(const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("annotations%1.xml").arg(++m_count));
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

    static AnnotationSet sampleSet()
    {
        AnnotationSet set;
        set.classes = {{QStringLiteral("cat"), -1, {}}, {QStringLiteral("unused"), -1, {}}};
        AnnotatedImage first;
        first.path = QStringLiteral("images/0001.jpg");
        first.size = QSize(640, 480);
        first.label = QStringLiteral("indoor");
        Annotation box;
        box.label = QStringLiteral("cat");
        box.box = QRectF(10.25, 20.5, 100.125, 50.75);
        box.attributes.insert(QStringLiteral("occluded"), true);
        box.attributes.insert(QStringLiteral("z_order"), 2);
        box.attributes.insert(QStringLiteral("attribute"),
                              QJsonObject {{QStringLiteral("colour"), QStringLiteral("black")},
                                           {QStringLiteral("age"), QStringLiteral("3")}});
        first.objects.append(box);
        Annotation rotated;
        rotated.label = QStringLiteral("dog");
        rotated.box = QRectF(300, 100, 120, 60);
        rotated.rotation = 30;
        first.objects.append(rotated);
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
        empty.path = QStringLiteral("images/0002.png");
        empty.size = QSize(33, 17);
        set.images.append(empty);
        return set;
    }

private slots:
    void roundTrip()
    {
        const AnnotationSet set = sampleSet();
        const QString first = m_dir.filePath(QStringLiteral("first.xml"));
        const AnnotationWriteResult written = AnnotationWriters::writeCvat(set, first, {});
        QVERIFY2(written.isSuccess(), qPrintable(written.error));
        QCOMPARE(written.objects, 4);
        const QByteArray bytes = readBytes(first);
        QVERIFY(bytes.contains("<box label=\"cat\" source=\"manual\" occluded=\"1\" xtl=\"10.25\" "
                               "ytl=\"20.5\" xbr=\"110.375\" ybr=\"71.25\" z_order=\"2\">"));
        QVERIFY(bytes.contains("<attribute name=\"colour\">black</attribute>"));
        QVERIFY(bytes.contains("<tag label=\"indoor\" source=\"manual\"/>"));

        const AnnotationReadResult read = AnnotationReaders::readCvat(first, {});
        QVERIFY2(read.isValid(), qPrintable(problems(read)));
        const QString difference = Testing::compareSets(set, read.set);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        qInfo("largest coordinate difference after the round trip: %g px",
              Testing::largestDifference(set, read.set));
        const Annotation &box = read.set.images.at(0).objects.at(0);
        QCOMPARE(box.attributes.value(u"occluded"), QJsonValue(true));
        QCOMPARE(box.attributes.value(u"z_order").toInt(), 2);
        QCOMPARE(box.attributes.value(u"attribute").toObject().value(u"colour").toString(),
                 QStringLiteral("black"));
        QCOMPARE(read.set.classes.size(), 6); // the listed labels, in order
        QCOMPARE(read.set.classes.at(1).name, QStringLiteral("unused"));

        const QString second = m_dir.filePath(QStringLiteral("second.xml"));
        QVERIFY(AnnotationWriters::writeCvat(read.set, second, {}).isSuccess());
        QCOMPARE(readBytes(second), bytes);
        QVERIFY(AnnotationWriters::writeCvat(set, second, {}).isSuccess());
        QCOMPARE(readBytes(second), bytes);
    }

    // A file as CVAT exports it. The 20×10 box turned 90° about its centre (20, 15) covers
    // x 15..25, y 5..25: in Boucle's top-left pivot that is the box at (25, 5) turned 90°.
    void readsAnExport()
    {
        const QString path = write(R"(<?xml version="1.0" encoding="utf-8"?>
<annotations>
  <version>1.1</version>
  <meta>
    <task>
      <id>4</id>
      <name>street</name>
      <labels>
        <label><name>car</name><color>#ff0000</color><attributes/></label>
        <label><name>tree</name><attributes/></label>
        <label><name>day</name></label>
      </labels>
    </task>
    <dumped>2024-05-01 10:00:00.000000+00:00</dumped>
  </meta>
  <image id="0" name="street/a.jpg" width="100" height="50">
    <box label="car" source="manual" occluded="0" xtl="10" ytl="10" xbr="30" ybr="20" z_order="0" rotation="90">
      <attribute name="parked">true</attribute>
    </box>
    <polygon label="tree" source="manual" occluded="1" points="1.5,2;99,3.25;50,49.9" z_order="1"/>
    <points label="tree" source="manual" occluded="0" points="4,5;6,7" z_order="0"/>
    <tag label="day" source="manual"/>
  </image>
  <image id="1" name="street/b.jpg" width="10" height="10">
  </image>
</annotations>
)");
        const AnnotationReadResult read = AnnotationReaders::readCvat(path, {});
        QVERIFY2(read.isValid(), qPrintable(problems(read)));
        QCOMPARE(read.set.images.size(), 2);
        const AnnotatedImage &image = read.set.images.at(0);
        QCOMPARE(image.path, QStringLiteral("street/a.jpg"));
        QCOMPARE(image.size, QSize(100, 50));
        QCOMPARE(image.label, QStringLiteral("day"));
        QCOMPARE(image.objects.size(), 4); // <points> with two points: two objects
        const Annotation &box = image.objects.at(0);
        QCOMPARE(box.rotation, 90.0);
        QVERIFY(std::abs(box.box.x() - 25) < 1e-9 && std::abs(box.box.y() - 5) < 1e-9);
        QCOMPARE(box.box.size(), QSizeF(20, 10));
        const QRectF extent
                = BoxRotation::cornersAboutTopLeft(box.box, box.rotation).boundingRect();
        QVERIFY(std::abs(extent.left() - 15) < 1e-9 && std::abs(extent.right() - 25) < 1e-9);
        QVERIFY(std::abs(extent.top() - 5) < 1e-9 && std::abs(extent.bottom() - 25) < 1e-9);
        QCOMPARE(box.attributes.value(u"attribute").toObject().value(u"parked").toString(),
                 QStringLiteral("true"));
        QCOMPARE(image.objects.at(1).polygons.first().size(), 3);
        QCOMPARE(image.objects.at(1).attributes.value(u"occluded"), QJsonValue(true));
        QCOMPARE(image.objects.at(2).polygons.first().first(), QPointF(4, 5));
        QCOMPARE(image.objects.at(3).polygons.first().first(), QPointF(6, 7));
        QVERIFY(read.set.images.at(1).objects.isEmpty());
        QCOMPARE(read.set.classes.size(), 3);
        QCOMPARE(read.set.classes.at(0).name, QStringLiteral("car"));
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("shape");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("box without xtl")
                << QByteArray(R"(<box label="a" ytl="1" xbr="2" ybr="2"/>)") << "xtl"
                << "lacks the attribute xtl";
        QTest::newRow("non-numeric ytl")
                << QByteArray(R"(<box label="a" xtl="1" ytl="one" xbr="2" ybr="2"/>)") << "ytl"
                << "'one' is not a finite number";
        QTest::newRow("xbr left of xtl")
                << QByteArray(R"(<box label="a" xtl="5" ytl="1" xbr="2" ybr="2"/>)") << "xbr"
                << "left of xtl";
        QTest::newRow("ybr above ytl")
                << QByteArray(R"(<box label="a" xtl="1" ytl="5" xbr="2" ybr="2"/>)") << "ybr"
                << "above ytl";
        QTest::newRow("box beyond the image")
                << QByteArray(R"(<box label="a" xtl="1" ytl="1" xbr="10.5" ybr="2"/>)") << ""
                << "beyond the 10×10 image";
        QTest::newRow("rotated beyond the image")
                << QByteArray(R"(<box label="a" xtl="0" ytl="0" xbr="10" ybr="2" rotation="45"/>)")
                << ""
                << "beyond the 10×10 image";
        QTest::newRow("polygon point outside")
                << QByteArray(R"(<polygon label="a" points="1,1;2,2;3,11"/>)") << "points"
                << "3,11 is outside";
        QTest::newRow("polygon of two points")
                << QByteArray(R"(<polygon label="a" points="1,1;2,2"/>)") << "points"
                << "at least 3";
        QTest::newRow("bad point") << QByteArray(R"(<points label="a" points="1;2"/>)") << "points"
                                   << "not a point x,y";
        QTest::newRow("unknown label")
                << QByteArray(R"(<box label="zebra" xtl="1" ytl="1" xbr="2" ybr="2"/>)") << "label"
                << "unknown label 'zebra'";
        QTest::newRow("polyline") << QByteArray(R"(<polyline label="a" points="1,1;2,2"/>)") << ""
                                  << "<polyline> shapes are not read";
        QTest::newRow("two tags") << QByteArray(R"(<tag label="a"/><tag label="b"/>)") << "label"
                                  << "a second <tag>";
        QTest::newRow("no label") << QByteArray(R"(<tag/>)") << "label"
                                  << "lacks the attribute label";
    }

    void refuses()
    {
        QFETCH(QByteArray, shape);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const QString path = write("<annotations>\n<version>1.1</version>\n<meta><task><labels>"
                                   "<label><name>a</name></label><label><name>b</name></label>"
                                   "</labels></task></meta>\n"
                                   "<image id=\"0\" name=\"x.jpg\" width=\"10\" height=\"10\">\n"
                                   + shape + "\n</image>\n</annotations>\n");
        const AnnotationReadResult read = AnnotationReaders::readCvat(path, {});
        QVERIFY(!read.isValid());
        QCOMPARE(read.problems.first().line, 5);
        QCOMPARE(read.problems.first().field, field);
        QVERIFY2(read.problems.first().message.contains(message),
                 qPrintable(read.problems.first().toString()));
    }

    void refusesImagesWithoutSize()
    {
        const QString path = write("<annotations>\n<image id=\"0\" name=\"x.jpg\" width=\"10\">\n"
                                   "</image>\n</annotations>\n");
        const AnnotationReadResult read = AnnotationReaders::readCvat(path, {});
        QVERIFY(!read.isValid());
        QCOMPARE(read.problems.first().line, 2);
        QCOMPARE(read.problems.first().field, QStringLiteral("height"));
    }

    void refusesOtherRootsAndBrokenXml()
    {
        AnnotationReadResult read = AnnotationReaders::readCvat(write("<annotation/>"), {});
        QVERIFY(!read.isValid());
        QVERIFY(read.problems.first().message.contains(QStringLiteral("<annotations>")));
        read = AnnotationReaders::readCvat(write("<annotations>\n<image id=\"0\" name=\"a\" "
                                                 "width=\"1\" height=\"1\">\n</annotations>"),
                                           {});
        QVERIFY(!read.isValid());
        QCOMPARE(read.problems.first().line, 3);
    }
};

QTEST_GUILESS_MAIN(tst_CvatFormat)
#include "tst_cvatformat.moc"
