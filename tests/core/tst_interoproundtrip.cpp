// Every outside format through a project, as a team would use it: `boucle import-labels` reads
// the file, `boucle commit` makes a version, `boucle export` writes the version in the same
// format, and the export reads back with the same geometry (to 1e-6 of a pixel), the same
// classes, the EXIF-rotated image in its displayed size and the image with no annotation still
// listed. A second export is byte-identical. Refusals through the command line store nothing.
#include "boucleprocess.h"
#include "exiforientation.h"
#include "interop/annotationreader.h"
#include "store/projectstore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

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

// A digest of every file under `path` (or of the file), names included, links as their targets.
QByteArray digestOf(const QString &path)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QFileInfo info(path);
    if (info.isFile() && !info.isSymLink()) {
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        hash.addData(file.readAll());
        return hash.result().toHex();
    }
    QStringList entries;
    QDirIterator it(path, QDir::Files | QDir::System | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        entries.append(it.next());
    entries.sort();
    for (const QString &entry : std::as_const(entries)) {
        hash.addData(QDir(path).relativeFilePath(entry).toUtf8());
        const QFileInfo file(entry);
        if (file.isSymLink()) {
            hash.addData(file.symLinkTarget().toUtf8());
        } else {
            QFile content(entry);
            content.open(QIODevice::ReadOnly);
            hash.addData(content.readAll());
        }
    }
    return hash.result().toHex();
}

// Objects of a set by image file name, each as "label x y w h | polygon points", for comparing.
QMap<QString, QList<Annotation>> byImage(const AnnotationSet &set)
{
    QMap<QString, QList<Annotation>> images;
    for (const auto &image : set.images)
        images.insert(QFileInfo(image.path).fileName(), image.objects);
    return images;
}

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-6;
}

QString compareGeometry(const AnnotationSet &original, const AnnotationSet &exported)
{
    const auto before = byImage(original);
    const auto after = byImage(exported);
    if (before.keys() != after.keys())
        return QStringLiteral("images differ: %1 vs %2")
                .arg(before.keys().join(QLatin1Char(',')), after.keys().join(QLatin1Char(',')));
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const auto &a = it.value();
        const auto &b = after.value(it.key());
        if (a.size() != b.size())
            return QStringLiteral("%1: %2 objects became %3")
                    .arg(it.key())
                    .arg(a.size())
                    .arg(b.size());
        for (int i = 0; i < a.size(); ++i) {
            if (a.at(i).label != b.at(i).label)
                return QStringLiteral("%1 object %2: label %3 became %4")
                        .arg(it.key())
                        .arg(i)
                        .arg(a.at(i).label, b.at(i).label);
            const QRectF x = a.at(i).box, y = b.at(i).box;
            if (!near(x.x(), y.x()) || !near(x.y(), y.y()) || !near(x.width(), y.width())
                || !near(x.height(), y.height()))
                return QStringLiteral("%1 object %2: box %3,%4 %5×%6 became %7,%8 %9×%10")
                        .arg(it.key())
                        .arg(i)
                        .arg(x.x())
                        .arg(x.y())
                        .arg(x.width())
                        .arg(x.height())
                        .arg(y.x())
                        .arg(y.y())
                        .arg(y.width())
                        .arg(y.height());
            if (a.at(i).polygons.size() != b.at(i).polygons.size())
                return QStringLiteral("%1 object %2: polygon parts differ").arg(it.key()).arg(i);
            for (int p = 0; p < a.at(i).polygons.size(); ++p) {
                const QPolygonF &u = a.at(i).polygons.at(p), &v = b.at(i).polygons.at(p);
                if (u.size() != v.size())
                    return QStringLiteral("%1 object %2: polygon size differs")
                            .arg(it.key())
                            .arg(i);
                for (int k = 0; k < u.size(); ++k)
                    if (!near(u.at(k).x(), v.at(k).x()) || !near(u.at(k).y(), v.at(k).y()))
                        return QStringLiteral("%1 object %2: point %3 moved")
                                .arg(it.key())
                                .arg(i)
                                .arg(k);
            }
            if (!near(a.at(i).rotation, b.at(i).rotation))
                return QStringLiteral("%1 object %2: rotation changed").arg(it.key()).arg(i);
        }
    }
    return {};
}

struct Case
{
    QString format;
    QString input;  // relative to the project folder
    QString output; // relative to the project folder
    QString images; // --images, relative to the project folder; empty: none
};

} // namespace

class TestInteropRoundTrip : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

    QString path(const QString &relative) const { return m_dir.filePath(relative); }

    void writeFixtures()
    {
        // turned.jpg is stored 40×30 with EXIF orientation 6: it is displayed 30×40.
        QImage photo(40, 30, QImage::Format_RGB32);
        photo.fill(Qt::darkGreen);
        QVERIFY(writeBytes(path(QStringLiteral("images/turned.jpg")),
                           jpegWithOrientation(photo, 6)));
        QVERIFY(writeBytes(path(QStringLiteral("images/empty.png")), pngOf(10, 10)));

        QVERIFY(writeBytes(
                path(QStringLiteral("coco/instances.json")),
                R"({"info": {"description": "written by hand from cocodataset.org/#format-data"},
  "images": [{"id": 1, "file_name": "turned.jpg", "width": 30, "height": 40},
             {"id": 2, "file_name": "empty.png", "width": 10, "height": 10}],
  "categories": [{"id": 3, "name": "car", "supercategory": "vehicle"}, {"id": 7, "name": "person"}],
  "annotations": [
    {"id": 11, "image_id": 1, "category_id": 3, "bbox": [1.25, 2.5, 10, 12.75], "area": 127.5, "iscrowd": 0},
    {"id": 12, "image_id": 1, "category_id": 7, "bbox": [2, 3, 6, 6], "area": 18, "iscrowd": 0,
     "segmentation": [[2, 3, 8, 3, 8, 9]]}]}
)"));

        QVERIFY(writeBytes(
                path(QStringLiteral("yolo/data.yaml")),
                "path: .\ntrain: images\nval: images\nnc: 2\nnames: ['car', 'person']\n"));
        QVERIFY(writeBytes(path(QStringLiteral("yolo/images/turned.jpg")),
                           jpegWithOrientation(photo, 6)));
        QVERIFY(writeBytes(path(QStringLiteral("yolo/images/empty.png")), pngOf(10, 10)));
        QVERIFY(writeBytes(path(QStringLiteral("yolo/labels/turned.txt")),
                           "0 0.5 0.5 0.25 0.125\n1 0.1 0.1 0.3 0.1 0.3 0.4\n"));
        QVERIFY(writeBytes(path(QStringLiteral("yolo/labels/empty.txt")), ""));

        QVERIFY(writeBytes(
                path(QStringLiteral("voc/turned.xml")),
                "<annotation><folder>images</folder><filename>turned.jpg</filename>"
                "<size><width>30</width><height>40</height><depth>3</depth></size>"
                "<object><name>car</name><pose>Unspecified</pose><truncated>0</truncated>"
                "<difficult>1</difficult><bndbox><xmin>2</xmin><ymin>3</ymin>"
                "<xmax>11</xmax><ymax>15</ymax></bndbox></object></annotation>\n"));
        QVERIFY(writeBytes(path(QStringLiteral("voc/empty.xml")),
                           "<annotation><filename>empty.png</filename><size><width>10</width>"
                           "<height>10</height><depth>3</depth></size></annotation>\n"));

        QVERIFY(writeBytes(
                path(QStringLiteral("labelstudio/export.json")),
                R"([{"id": 1, "data": {"image": "/data/local-files/?d=images/turned.jpg"},
  "annotations": [{"id": 5, "result": [
    {"id": "a1", "type": "rectanglelabels", "from_name": "label", "to_name": "image",
     "original_width": 30, "original_height": 40, "image_rotation": 0,
     "value": {"x": 10, "y": 5, "width": 20, "height": 25, "rotation": 15, "rectanglelabels": ["car"]}},
    {"id": "a2", "type": "polygonlabels", "from_name": "label", "to_name": "image",
     "original_width": 30, "original_height": 40, "image_rotation": 0,
     "value": {"points": [[10, 10], [50, 10], [50, 50]], "polygonlabels": ["person"]}}]}]},
 {"id": 2, "data": {"image": "/data/local-files/?d=images/empty.png"},
  "annotations": [{"id": 6, "result": []}]}]
)"));

        QVERIFY(writeBytes(path(QStringLiteral("labelme/turned.json")),
                           R"({"version": "5.1.1", "flags": {}, "shapes": [
  {"label": "car", "points": [[11, 14], [1.5, 2]], "group_id": null, "shape_type": "rectangle", "flags": {}},
  {"label": "person", "points": [[2, 3], [8, 3], [8, 9]], "group_id": null, "shape_type": "polygon", "flags": {}}],
 "imagePath": "../images/turned.jpg", "imageData": null, "imageHeight": 40, "imageWidth": 30}
)"));
        QVERIFY(writeBytes(path(QStringLiteral("labelme/empty.json")),
                           R"({"version": "5.1.1", "flags": {}, "shapes": [],
 "imagePath": "../images/empty.png", "imageData": null, "imageHeight": 10, "imageWidth": 10}
)"));

        QVERIFY(writeBytes(
                path(QStringLiteral("cvat/annotations.xml")),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<annotations><version>1.1</version>"
                "<meta><task><labels><label><name>car</name></label><label><name>person</name>"
                "</label></labels></task></meta>"
                "<image id=\"0\" name=\"turned.jpg\" width=\"30\" height=\"40\">"
                "<box label=\"car\" occluded=\"0\" xtl=\"1.5\" ytl=\"2\" xbr=\"11\" ybr=\"14\" "
                "z_order=\"0\"></box>"
                "<polygon label=\"person\" occluded=\"0\" points=\"2,3;8,3;8,9\" z_order=\"0\">"
                "</polygon></image>"
                "<image id=\"1\" name=\"empty.png\" width=\"10\" height=\"10\"></image>"
                "</annotations>\n"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        writeFixtures();
        m_project = path(QStringLiteral("project.boucle"));
        const auto init = runBoucle(
                {QStringLiteral("init"), m_project, QStringLiteral("--data-root"), m_dir.path()});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("images");
        QTest::newRow("coco") << "coco"
                              << "coco/instances.json"
                              << "out/coco.json"
                              << "images";
        QTest::newRow("yolo") << "yolo"
                              << "yolo"
                              << "out/yolo"
                              << "";
        QTest::newRow("voc") << "voc"
                             << "voc"
                             << "out/voc"
                             << "images";
        QTest::newRow("labelstudio") << "labelstudio"
                                     << "labelstudio/export.json"
                                     << "out/labelstudio.json"
                                     << ".";
        QTest::newRow("labelme") << "labelme"
                                 << "labelme"
                                 << "out/labelme"
                                 << "";
        QTest::newRow("cvat") << "cvat"
                              << "cvat/annotations.xml"
                              << "out/cvat.xml"
                              << "images";
    }

    void roundTrip()
    {
        QFETCH(QString, format);
        QFETCH(QString, input);
        QFETCH(QString, output);
        QFETCH(QString, images);
        // Each format in a project of its own, so the versions hold only its labels.
        const QString project = path(QStringLiteral("project-%1.boucle").arg(format));
        QVERIFY(runBoucle({QStringLiteral("init"), project, QStringLiteral("--data-root"),
                           m_dir.path()})
                        .exitCode
                == 0);
        QStringList importArguments {QStringLiteral("import-labels"), project, path(input),
                                     QStringLiteral("--author"), QStringLiteral("ann")};
        if (!images.isEmpty())
            importArguments << QStringLiteral("--images") << path(images);
        const auto imported = runBoucle(importArguments);
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.startsWith(QLatin1String("2 rows")), qPrintable(imported.out));
        const auto committed = runBoucle({QStringLiteral("commit"), project, QStringLiteral("-m"),
                                          QStringLiteral("from %1").arg(format),
                                          QStringLiteral("--author"), QStringLiteral("ann")});
        QVERIFY2(committed.exitCode == 0, qPrintable(committed.err));

        const QStringList exportArguments {QStringLiteral("export"),   project,
                                           QStringLiteral("--format"), format,
                                           QStringLiteral("--out"),    path(output)};
        QDir().mkpath(QFileInfo(path(output)).absolutePath());
        const auto exported = runBoucle(exportArguments);
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY2(exported.err.contains(QLatin1String("wrote 2 images")), qPrintable(exported.err));
        const QByteArray first = digestOf(path(output));
        QVERIFY2(runBoucle(exportArguments).exitCode == 0, "second export");
        QCOMPARE(digestOf(path(output)), first);

        const auto formatId = InteropFormats::fromName(format);
        QVERIFY(formatId);
        AnnotationReadOptions originalOptions;
        originalOptions.imagesFolder = images.isEmpty() ? QString() : path(images);
        if (originalOptions.imagesFolder.isEmpty()) {
            const QFileInfo info(path(input));
            originalOptions.imagesFolder
                    = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
            if (format == QLatin1String("yolo"))
                originalOptions.imagesFolder = path(QStringLiteral("yolo/images"));
        }
        const auto original = AnnotationReaders::read(*formatId, path(input), originalOptions);
        QVERIFY2(original.isValid(), qPrintable(original.problems.value(0).toString()));
        AnnotationReadOptions backOptions;
        const QFileInfo out(path(output));
        backOptions.imagesFolder = format == QLatin1String("yolo")
                                           ? path(output + QStringLiteral("/images"))
                                           : m_dir.path();
        if (format == QLatin1String("labelme"))
            backOptions.imagesFolder = path(output);
        const auto back = AnnotationReaders::read(*formatId, path(output), backOptions);
        QVERIFY2(back.isValid(), qPrintable(back.problems.value(0).toString()));
        const QString difference = compareGeometry(original.set, back.set);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        // The rotated photo keeps its displayed size.
        for (const auto &image : back.set.images)
            if (image.path.endsWith(QLatin1String("turned.jpg")))
                QVERIFY(!image.size.isValid() || image.size == QSize(30, 40));
    }

    void refusalsNameTheirPlaceAndStoreNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("coco wrong type")
                << "bad-type.json"
                << QByteArray(
                           R"({"images": [{"id": 1, "file_name": "empty.png", "width": "10", "height": 10}], "categories": [], "annotations": []})")
                << "images[0].width";
        QTest::newRow("coco unknown category")
                << "bad-category.json"
                << QByteArray(
                           R"({"images": [{"id": 1, "file_name": "empty.png", "width": 10, "height": 10}], "categories": [{"id": 1, "name": "a"}], "annotations": [{"id": 1, "image_id": 1, "category_id": 9, "bbox": [0, 0, 1, 1]}]})")
                << "annotations[0].category_id";
        QTest::newRow("coco box outside the image")
                << "bad-box.json"
                << QByteArray(
                           R"({"images": [{"id": 1, "file_name": "empty.png", "width": 10, "height": 10}], "categories": [{"id": 1, "name": "a"}], "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [5, 5, 20, 1]}]})")
                << "annotations[0].bbox";
        QTest::newRow("voc without size")
                << "no-size.xml"
                << QByteArray("<annotation><filename>empty.png</filename><object><name>a</name>"
                              "<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax>"
                              "</bndbox></object></annotation>\n")
                << "has no <size>";
        QTest::newRow("coco swapped size of a turned photo")
                << "swapped.json"
                << QByteArray(
                           R"({"images": [{"id": 1, "file_name": "turned.jpg", "width": 40, "height": 30}], "categories": [{"id": 1, "name": "a"}], "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 5, 5]}]})")
                << "EXIF";
    }

    void refusalsNameTheirPlaceAndStoreNothing()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QVERIFY(writeBytes(path(QStringLiteral("bad/") + name), content));
        const auto run = runBoucle({QStringLiteral("import-labels"), m_project,
                                    path(QStringLiteral("bad/") + name), QStringLiteral("--images"),
                                    path(QStringLiteral("images")), QStringLiteral("--author"),
                                    QStringLiteral("ann")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QVERIFY2(run.err.contains(name), qPrintable(run.err));
        ProjectStore store;
        QVERIFY(!store.open(m_project, ProjectStore::OpenMode::ReadOnly));
        QVERIFY(store.workingRevisions().isEmpty());
        QVERIFY(!store.sampleByPath(QStringLiteral("images/empty.png")));
    }

    void yoloLineWithFourNumbersIsRefusedWithItsLine()
    {
        QVERIFY(writeBytes(path(QStringLiteral("bad-yolo/data.yaml")), "names: [a]\n"));
        QVERIFY(writeBytes(path(QStringLiteral("bad-yolo/images/empty.png")), pngOf(10, 10)));
        QVERIFY(writeBytes(path(QStringLiteral("bad-yolo/labels/empty.txt")),
                           "0 0.5 0.5 0.1 0.1\n0 0.5 0.5 0.1\n"));
        const auto run = runBoucle(
                {QStringLiteral("import-labels"), m_project, path(QStringLiteral("bad-yolo"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("empty.txt:2")), qPrintable(run.err));
    }

    void predictionsAndGroundTruthGoToTheirOwnCommand()
    {
        const auto asPredictions = runBoucle(
                {QStringLiteral("import"), m_project, path(QStringLiteral("coco/instances.json")),
                 QStringLiteral("--images"), path(QStringLiteral("images"))});
        QCOMPARE(asPredictions.exitCode, 1);
        QVERIFY2(asPredictions.err.contains(QLatin1String("import-labels")),
                 qPrintable(asPredictions.err));
        QVERIFY(writeBytes(
                path(QStringLiteral("coco/detections.json")),
                R"([{"image_id": 1, "category_id": 3, "bbox": [1, 2, 3, 4], "score": 0.25},
 {"image_id": 1, "category_id": 7, "bbox": [2, 2, 3, 3], "score": 0.75}])"));
        const auto detections = runBoucle(
                {QStringLiteral("import"), m_project, path(QStringLiteral("coco/detections.json")),
                 QStringLiteral("--coco-gt"), path(QStringLiteral("coco/instances.json")),
                 QStringLiteral("--images"), path(QStringLiteral("images")),
                 QStringLiteral("--batch"), QStringLiteral("detections")});
        QVERIFY2(detections.exitCode == 0, qPrintable(detections.err));
        const auto batch
                = runBoucle({QStringLiteral("batch"), m_project, QStringLiteral("detections"),
                             QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(batch.exitCode == 0, qPrintable(batch.err));
        QVERIFY2(batch.out.contains(QLatin1String("images/turned.jpg")), qPrintable(batch.out));
        // The batch goes back out as COCO results with the categories' own ids.
        const auto results
                = runBoucle({QStringLiteral("export"), m_project, QStringLiteral("--batch"),
                             QStringLiteral("detections"), QStringLiteral("--format"),
                             QStringLiteral("coco-results"), QStringLiteral("--out"),
                             path(QStringLiteral("out/results.json"))});
        QVERIFY2(results.exitCode == 0, qPrintable(results.err));
        QFile file(path(QStringLiteral("out/results.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(text.contains("\"category_id\":3") || text.contains("\"category_id\": 3"),
                 text.constData());
        QVERIFY(text.contains("0.75"));
    }
};

QTEST_GUILESS_MAIN(TestInteropRoundTrip)
#include "tst_interoproundtrip.moc"
