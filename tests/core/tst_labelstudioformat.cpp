// Label Studio JSON, both ways: percentages of original_width/height become pixels once and go
// back once, rotations keep their top-left pivot, annotations and predictions keep their kind,
// model version and scores, and every bad value is refused with its JSON path.
#include "annotationsetcompare.h"
#include "interop/annotationreader.h"
#include "interop/annotationwriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

class tst_LabelStudioFormat : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    QString write(const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("export%1.json").arg(++m_count));
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

    static AnnotationSet sampleSet(AnnotationSet::Kind kind)
    {
        AnnotationSet set;
        set.kind = kind;
        if (kind == AnnotationSet::Kind::Predictions) {
            set.modelName = QStringLiteral("detector");
            set.modelVersion = QStringLiteral("2024-05-01");
        }
        const bool scored = kind == AnnotationSet::Kind::Predictions;
        AnnotatedImage first;
        first.path = QStringLiteral("images/a b/0001.jpg");
        first.size = QSize(640, 480);
        Annotation box;
        box.label = QStringLiteral("cat");
        box.box = QRectF(10.25, 20.5, 100.125, 50.75);
        if (scored)
            box.score = 0.875;
        first.objects.append(box);
        Annotation rotated;
        rotated.label = QStringLiteral("dog");
        rotated.box = QRectF(300, 100, 120, 60);
        rotated.rotation = 30;
        if (scored)
            rotated.score = 0.5;
        first.objects.append(rotated);
        Annotation polygon;
        polygon.shape = Annotation::Shape::Polygon;
        polygon.label = QStringLiteral("leaf");
        polygon.polygons = {QPolygonF {QPointF(1.5, 2), QPointF(639, 3.25), QPointF(320, 479.9)}};
        polygon.box = polygon.polygons.first().boundingRect();
        if (scored)
            polygon.score = 0.31;
        first.objects.append(polygon);
        Annotation point;
        point.shape = Annotation::Shape::Point;
        point.label = QStringLiteral("eye");
        point.polygons = {QPolygonF {QPointF(1 / 3.0, 2 / 3.0)}};
        point.box = QRectF(1 / 3.0, 2 / 3.0, 0, 0);
        if (scored)
            point.score = 0.99;
        first.objects.append(point);
        first.label = QStringLiteral("indoor");
        if (scored)
            first.labelScore = 0.6;
        set.images.append(first);

        AnnotatedImage empty; // looked at, nothing there (a task without regions has no size)
        empty.path = QStringLiteral("images/0002.png");
        set.images.append(empty);

        AnnotatedImage labelOnly; // image-level label only, size unknown
        labelOnly.path = QStringLiteral("0003.jpg");
        labelOnly.label = QStringLiteral("outdoor");
        if (scored)
            labelOnly.labelScore = 0.25;
        set.images.append(labelOnly);
        return set;
    }

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<bool>("predictions");
        QTest::newRow("annotations") << false;
        QTest::newRow("predictions") << true;
    }

    void roundTrip()
    {
        QFETCH(bool, predictions);
        const AnnotationSet set = sampleSet(predictions ? AnnotationSet::Kind::Predictions
                                                        : AnnotationSet::Kind::GroundTruth);
        const QString first = m_dir.filePath(QStringLiteral("first%1.json").arg(predictions));
        const AnnotationWriteResult written = AnnotationWriters::writeLabelStudio(set, first, {});
        QVERIFY2(written.isSuccess(), qPrintable(written.error));
        QCOMPARE(written.images, 3);
        QCOMPARE(written.objects, 4);

        const AnnotationReadResult read = AnnotationReaders::readLabelStudio(first, {});
        QVERIFY2(read.isValid(), qPrintable(problems(read)));
        QCOMPARE(read.set.kind, set.kind);
        const QString difference = Testing::compareSets(set, read.set);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        qInfo("largest coordinate difference after the round trip: %g px",
              Testing::largestDifference(set, read.set));
        if (predictions) {
            QCOMPARE(read.set.modelName, QStringLiteral("detector"));
            QCOMPARE(read.set.modelVersion, QStringLiteral("2024-05-01"));
        }

        // What Label Studio will see: the local-files URL and the prediction's model version
        // and score (its least confident result).
        const QJsonArray tasks = QJsonDocument::fromJson(readBytes(first)).array();
        QCOMPARE(tasks.size(), 3);
        const QJsonObject task = tasks.at(0).toObject();
        QCOMPARE(task.value(u"data").toObject().value(u"image").toString(),
                 QStringLiteral("/data/local-files/?d=images/a%20b/0001.jpg"));
        const QJsonObject entry = task.value(predictions ? QStringLiteral("predictions")
                                                         : QStringLiteral("annotations"))
                                          .toArray()
                                          .at(0)
                                          .toObject();
        const QJsonObject box = entry.value(u"result").toArray().at(0).toObject();
        QCOMPARE(box.value(u"type").toString(), QStringLiteral("rectanglelabels"));
        QCOMPARE(box.value(u"from_name").toString(), QStringLiteral("label"));
        QCOMPARE(box.value(u"to_name").toString(), QStringLiteral("image"));
        QCOMPARE(box.value(u"original_width").toDouble(), 640.0);
        QCOMPARE(box.value(u"value").toObject().value(u"x").toDouble(), 10.25 * 100 / 640);
        if (predictions) {
            QCOMPARE(entry.value(u"model_version").toString(),
                     QStringLiteral("detector@2024-05-01"));
            QCOMPARE(entry.value(u"score").toDouble(), 0.31);
            QCOMPARE(box.value(u"score").toDouble(), 0.875);
        } else {
            QVERIFY(!entry.contains(u"model_version"));
            QVERIFY(!box.contains(u"score"));
        }

        // Writing what was read gives the same bytes; writing twice too.
        const QString second = m_dir.filePath(QStringLiteral("second%1.json").arg(predictions));
        QVERIFY(AnnotationWriters::writeLabelStudio(read.set, second, {}).isSuccess());
        QCOMPARE(readBytes(second), readBytes(first));
        QVERIFY(AnnotationWriters::writeLabelStudio(set, second, {}).isSuccess());
        QCOMPARE(readBytes(second), readBytes(first));
    }

    // A task as Label Studio exports it: uploads and local files, percentages, a rotated box
    // about its top-left corner, a relation (skipped), a cancelled annotation (skipped).
    void readsAnExport()
    {
        // The s3 URL is split in two literals: moc takes "//" inside a raw string for a comment.
        const QString path = write(R"([
 {"id": 7, "data": {"image": "/data/upload/3/5f2a9c1e-cat%20one.jpg"},
  "annotations": [
   {"was_cancelled": true, "result": [{"type": "choices", "value": {"choices": ["x"]}}]},
   {"result": [
    {"id": "a", "type": "rectanglelabels", "from_name": "label", "to_name": "image",
     "original_width": 200, "original_height": 100, "image_rotation": 0,
     "value": {"x": 50, "y": 10, "width": 20, "height": 25, "rotation": 90,
               "rectanglelabels": ["cat"]}},
    {"id": "b", "type": "polygonlabels", "from_name": "polygon", "to_name": "image",
     "original_width": 200, "original_height": 100,
     "value": {"points": [[0, 0], [100, 0], [50, 100]], "polygonlabels": ["roof"]}},
    {"type": "relation", "from_id": "a", "to_id": "b", "direction": "right"},
    {"type": "choices", "from_name": "choice", "to_name": "image",
     "value": {"choices": ["house"]}}]}],
  "predictions": []},
 {"id": 8, "data": {"img": "/data/local-files/?d=dataset/2024/0002.jpg", "note": "x"},
  "annotations": [{"result": []}]},
 {"id": 9, "data": {"image": "s3:/)"
                                   R"(/bucket/raw/0003.jpg"}}
])");
        const AnnotationReadResult read = AnnotationReaders::readLabelStudio(path, {});
        QVERIFY2(read.isValid(), qPrintable(problems(read)));
        QCOMPARE(read.set.kind, AnnotationSet::Kind::GroundTruth);
        QCOMPARE(read.set.images.size(), 2); // the third task has no annotation
        const AnnotatedImage &image = read.set.images.at(0);
        QCOMPARE(image.path, QStringLiteral("cat one.jpg"));
        QCOMPARE(image.size, QSize(200, 100));
        QCOMPARE(image.label, QStringLiteral("house"));
        QCOMPARE(image.objects.size(), 2);
        QCOMPARE(image.objects.at(0).box, QRectF(100, 10, 40, 25));
        QCOMPARE(image.objects.at(0).rotation, 90.0);
        QCOMPARE(image.objects.at(1).polygons.first(),
                 QPolygonF({QPointF(0, 0), QPointF(200, 0), QPointF(100, 100)}));
        QCOMPARE(read.set.images.at(1).path, QStringLiteral("dataset/2024/0002.jpg"));
        QVERIFY(read.set.images.at(1).objects.isEmpty());
        QCOMPARE(read.set.classes.size(), 3);
    }

    // Without any annotation the tasks' predictions are read, with the model version split at
    // its last '@' and the prediction's score for results that have none.
    void readsPredictions()
    {
        const QString path = write(R"([
 {"data": {"image": "a.jpg"}, "annotations": [],
  "predictions": [{"model_version": "yolo@v8", "score": 0.4, "result": [
    {"type": "rectanglelabels", "original_width": 10, "original_height": 10,
     "value": {"x": 0, "y": 0, "width": 100, "height": 100, "rectanglelabels": ["car"]}},
    {"type": "rectanglelabels", "original_width": 10, "original_height": 10, "score": 0.9,
     "value": {"x": 0, "y": 0, "width": 10, "height": 10, "rectanglelabels": ["car"]}}]}]}
])");
        const AnnotationReadResult read = AnnotationReaders::readLabelStudio(path, {});
        QVERIFY2(read.isValid(), qPrintable(problems(read)));
        QCOMPARE(read.set.kind, AnnotationSet::Kind::Predictions);
        QCOMPARE(read.set.modelName, QStringLiteral("yolo"));
        QCOMPARE(read.set.modelVersion, QStringLiteral("v8"));
        QCOMPARE(read.set.images.at(0).objects.at(0).score, std::optional<double>(0.4));
        QCOMPARE(read.set.images.at(0).objects.at(1).score, std::optional<double>(0.9));
        QCOMPARE(read.set.images.at(0).objects.at(0).box, QRectF(0, 0, 10, 10));
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const QByteArray head = R"([{"data": {"image": "a.jpg"}, "annotations": [{"result": [)";
        const QByteArray tail = "]}]}]";
        auto box = [&](const QByteArray &value,
                       const QByteArray &size
                       = R"("original_width": 200, "original_height": 100,)") {
            return head + R"({"type": "rectanglelabels", )" + size + R"( "value": )" + value + "}"
                   + tail;
        };
        QTest::newRow("width is a string")
                << box(R"({"x": 1, "y": 1, "width": "5", "height": 5, "rectanglelabels": ["a"]})")
                << "[0].annotations[0].result[0].value.width"
                << "a number expected, not a string";
        QTest::newRow("x beyond 100 %")
                << box(R"({"x": 100.5, "y": 1, "width": 0, "height": 5, "rectanglelabels": ["a"]})")
                << "[0].annotations[0].result[0].value.x"
                << "outside 0 to 100 %";
        QTest::newRow("x + width beyond 100 %")
                << box(R"({"x": 60, "y": 1, "width": 50, "height": 5, "rectanglelabels": ["a"]})")
                << "[0].annotations[0].result[0].value"
                << "beyond the image";
        QTest::newRow("negative width")
                << box(R"({"x": 50, "y": 1, "width": -5, "height": 5, "rectanglelabels": ["a"]})")
                << "[0].annotations[0].result[0].value.width"
                << "negative size";
        QTest::newRow("rotated out of the image") << box(
                R"({"x": 90, "y": 10, "width": 20, "height": 5, "rotation": 270, "rectanglelabels": ["a"]})")
                                                  << "[0].annotations[0].result[0].value"
                                                  << "turned by 270";
        QTest::newRow("no original_width")
                << box(R"({"x": 1, "y": 1, "width": 5, "height": 5, "rectanglelabels": ["a"]})",
                       R"("original_height": 100,)")
                << "[0].annotations[0].result[0].original_width"
                << "missing";
        QTest::newRow("image turned in the editor")
                << box(R"({"x": 1, "y": 1, "width": 5, "height": 5, "rectanglelabels": ["a"]})",
                       R"("original_width": 200, "original_height": 100, "image_rotation": 90,)")
                << "[0].annotations[0].result[0].image_rotation"
                << "turned 90°";
        QTest::newRow("two labels on a region") << box(
                R"({"x": 1, "y": 1, "width": 5, "height": 5, "rectanglelabels": ["a", "b"]})")
                                                << "[0].annotations[0].result[0].value."
                                                   "rectanglelabels"
                                                << "2 labels";
        QTest::newRow("unknown type")
                << head + R"({"type": "brushlabels", "value": {"rle": [1], "brushlabels": ["a"]}})"
                           + tail
                << "[0].annotations[0].result[0].type"
                << "'brushlabels' results are not read";
        QTest::newRow("polygon of two points")
                << head + R"({"type": "polygonlabels", "original_width": 10, "original_height": 10, "value": {"points": [[1, 1], [2, 2]], "polygonlabels": ["a"]}})"
                           + tail
                << "[0].annotations[0].result[0].value.points"
                << "at least 3";
        QTest::newRow("polygon point outside")
                << head + R"({"type": "polygonlabels", "original_width": 10, "original_height": 10, "value": {"points": [[1, 1], [2, 2], [3, -1]], "polygonlabels": ["a"]}})"
                           + tail
                << "[0].annotations[0].result[0].value.points[2]"
                << "outside 0 to 100 %";
        QTest::newRow("two choices")
                << head + R"({"type": "choices", "value": {"choices": ["a", "b"]}})" + tail
                << "[0].annotations[0].result[0].value.choices"
                << "2 labels";
        QTest::newRow("score above 1")
                << head + R"({"type": "choices", "score": 1.5, "value": {"choices": ["a"]}})" + tail
                << "[0].annotations[0].result[0].score"
                << "outside 0 to 1";
        QTest::newRow("result not a list")
                << QByteArray(R"([{"data": {"image": "a.jpg"}, "annotations": [{"result": {}}]}])")
                << "[0].annotations[0].result"
                << "an array expected, not an object";
        QTest::newRow("no image in data")
                << QByteArray(R"([{"data": {"text": "hello"}, "annotations": [{"result": []}]}])")
                << "[0].data"
                << "no image";
        QTest::newRow("two model versions") << QByteArray(
                R"([{"data": {"image": "a.jpg"}, "predictions": [{"model_version": "a", "result": []}]},
                                  {"data": {"image": "b.jpg"}, "predictions": [{"model_version": "b", "result": []}]}])")
                                            << "[1].predictions[0].model_version"
                                            << "differs from 'a'";
        QTest::newRow("task not an object") << QByteArray("[3]") << "[0]"
                                            << "a task (an object) expected";
        QTest::newRow("an object, not a list") << QByteArray(R"({"data": {}})") << ""
                                               << "JSON list of tasks";
    }

    void refuses()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const QString path = write(json);
        const AnnotationReadResult read = AnnotationReaders::readLabelStudio(path, {});
        QVERIFY(!read.isValid());
        QCOMPARE(read.problems.first().field, field);
        QVERIFY2(read.problems.first().message.contains(message),
                 qPrintable(read.problems.first().toString()));
        QVERIFY2(read.problems.first().toString().contains(field),
                 qPrintable(read.problems.first().toString()));
    }

    void refusesBrokenJsonWithItsLine()
    {
        const QString path
                = write("[\n {\"data\": {\"image\": \"a.jpg\"},\n  \"annotations\": [}\n]");
        const AnnotationReadResult read = AnnotationReaders::readLabelStudio(path, {});
        QVERIFY(!read.isValid());
        QCOMPARE(read.problems.first().line, 3);
    }

    void writerRefusesWhatLabelStudioCannotHold()
    {
        AnnotationSet set;
        AnnotatedImage image;
        image.path = QStringLiteral("a.jpg");
        Annotation box;
        box.label = QStringLiteral("a");
        box.box = QRectF(0, 0, 1, 1);
        image.objects.append(box);
        set.images.append(image);
        const QString output = m_dir.filePath(QStringLiteral("never.json"));
        AnnotationWriteResult result = AnnotationWriters::writeLabelStudio(set, output, {});
        QVERIFY(result.error.contains(QStringLiteral("size of a.jpg is unknown")));
        QVERIFY(!QFile::exists(output));
        set.images[0].size = QSize(4, 4);
        set.images[0].objects[0].shape = Annotation::Shape::Mask;
        result = AnnotationWriters::writeLabelStudio(set, output, {});
        QVERIFY(result.error.contains(QStringLiteral("mask")));
        QVERIFY(!QFile::exists(output));
    }
};

QTEST_GUILESS_MAIN(tst_LabelStudioFormat)
#include "tst_labelstudioformat.moc"
