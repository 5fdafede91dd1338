// DocumentPredictionLog: OCR words, boxes and spans written as prediction-log lines that follow
// docs/formats.md, and sample paths kept inside the log's folder.
#include "documents/documentpredictionlog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

class TestDocumentPredictionLog : public QObject
{
    Q_OBJECT

private slots:
    void writesOcrWordsAsALogLine()
    {
        PredictedObject word;
        word.label = QStringLiteral("word");
        word.text = QStringLiteral("Tota1");
        word.score = 0.41234;
        word.box = QRectF(300, 121, 204, 39);
        word.page = 1;
        PredictedObject span;
        span.shape = PredictedObject::Shape::Span;
        span.label = QStringLiteral("dose");
        span.score = 0.9;
        span.spanStart = 4;
        span.spanEnd = 10;

        DocumentPrediction prediction;
        prediction.sample = QStringLiteral("scans/p1.png");
        prediction.model = QStringLiteral("tesseract@5.3.0");
        prediction.objects = {word, span};
        const QByteArray line = DocumentPredictionLog::toLine(prediction);
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        const QJsonObject json = QJsonDocument::fromJson(line).object();
        QCOMPARE(json.value(QStringLiteral("sample")).toString(), QStringLiteral("scans/p1.png"));
        QCOMPARE(json.value(QStringLiteral("model")).toString(), QStringLiteral("tesseract@5.3.0"));
        QVERIFY(!json.contains(QStringLiteral("label")));
        // Without a document label the line still has a confidence: the mean object score.
        QCOMPARE(json.value(QStringLiteral("confidence")).toDouble(), 0.6562);
        const QJsonArray objects = json.value(QStringLiteral("objects")).toArray();
        QCOMPARE(objects.size(), 2);
        const QJsonObject first = objects.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("bbox")).toArray(), QJsonArray({300, 121, 204, 39}));
        QCOMPARE(first.value(QStringLiteral("text")).toString(), QStringLiteral("Tota1"));
        QCOMPARE(first.value(QStringLiteral("score")).toDouble(), 0.4123);
        QCOMPARE(first.value(QStringLiteral("page")).toInt(), 1);
        QCOMPARE(objects.at(1).toObject().value(QStringLiteral("span")).toArray(),
                 QJsonArray({4, 10}));

        prediction.label = QStringLiteral("invoice");
        prediction.confidence = 0.8;
        const QJsonObject labelled = DocumentPredictionLog::toJson(prediction);
        QCOMPARE(labelled.value(QStringLiteral("label")).toString(), QStringLiteral("invoice"));
        QCOMPARE(labelled.value(QStringLiteral("confidence")).toDouble(), 0.8);
    }

    void writesTheWholeLog()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ocr.jsonl"));
        DocumentPrediction a;
        a.sample = QStringLiteral("a.png");
        a.model = QStringLiteral("tesseract@5");
        DocumentPrediction b = a;
        b.sample = QStringLiteral("b.png");
        QVERIFY(!DocumentPredictionLog::write(path, {a, b}));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 2);
        const DocumentError error = DocumentPredictionLog::write(
                dir.filePath(QStringLiteral("no/such/dir/x.jsonl")), {a});
        QVERIFY(error.isError());
        QVERIFY(error.message().contains(QStringLiteral("no/such/dir/x.jsonl")));
    }

    void keepsSamplePathsInsideTheLogFolder_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("beside") << QStringLiteral("/data/p1.png") << QStringLiteral("p1.png");
        QTest::newRow("below") << QStringLiteral("/data/scans/p1.png")
                               << QStringLiteral("scans/p1.png");
        QTest::newRow("outside") << QStringLiteral("/elsewhere/p1.png") << QString();
    }

    void keepsSamplePathsInsideTheLogFolder()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QCOMPARE(DocumentPredictionLog::samplePath(QStringLiteral("/data"), file), expected);
    }
};

QTEST_GUILESS_MAIN(TestDocumentPredictionLog)
#include "tst_documentpredictionlog.moc"
