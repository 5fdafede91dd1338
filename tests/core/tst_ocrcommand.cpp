// `boucle ocr`: Tesseract run from the command line on page images inside a project's data
// root, the prediction log it writes, and its messages for missing Tesseract, missing images and
// images outside the data root.
#include "boucleprocess.h"
#include "temporaryproject.h"

#include <QFile>
#include <QFont>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

bool drawPage(const QString &path, const QString &text)
{
    QImage image(700, 160, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(44);
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.drawText(QPointF(30, 100), text);
    painter.end();
    return image.save(path);
}

} // namespace

class TestOcrCommand : public QObject
{
    Q_OBJECT

private slots:
    void writesAPredictionLogOfTheWords()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("tesseract")).isEmpty())
            QSKIP("Tesseract is not installed (Debian package tesseract-ocr)");
        TemporaryProject project;
        QVERIFY(project.isValid());
        project.store().close();
        QVERIFY(QDir(project.directory()).mkpath(QStringLiteral("scans")));
        const QString first = project.filePath(QStringLiteral("scans/a.png"));
        const QString second = project.filePath(QStringLiteral("scans/b.png"));
        QVERIFY(drawPage(first, QStringLiteral("Total due 310.25")));
        QVERIFY(drawPage(second, QStringLiteral("Signed on Monday")));
        const QString log = project.filePath(QStringLiteral("ocr.jsonl"));

        const BoucleRun run
                = runBoucle({QStringLiteral("ocr"), project.projectPath(), first, second,
                             QStringLiteral("--out"), log, QStringLiteral("--no-import")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("[1/2] ")), qPrintable(run.err));
        QCOMPARE(run.out.trimmed(), log);

        QFile file(log);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject line = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(line.value(QStringLiteral("sample")).toString(), QStringLiteral("scans/a.png"));
        QVERIFY(line.value(QStringLiteral("model")).toString().startsWith(u"tesseract@"));
        QStringList words;
        for (const auto value : line.value(QStringLiteral("objects")).toArray()) {
            const QJsonObject object = value.toObject();
            QCOMPARE(object.value(QStringLiteral("bbox")).toArray().size(), 4);
            QVERIFY(object.value(QStringLiteral("score")).toDouble() > 0);
            words.append(object.value(QStringLiteral("text")).toString());
        }
        QCOMPARE(words, QStringList({QStringLiteral("Total"), QStringLiteral("due"),
                                     QStringLiteral("310.25")}));
    }

    // OCR, then import: the words become a prediction of each page, and a batch of the pages
    // (import --batch) is ready for review with the words as boxes.
    void importsWhatItRead()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("tesseract")).isEmpty())
            QSKIP("Tesseract is not installed (Debian package tesseract-ocr): nothing to import");
        TemporaryProject project;
        QVERIFY(project.isValid());
        project.store().close();
        QVERIFY(QDir(project.directory()).mkpath(QStringLiteral("scans")));
        const QString first = project.filePath(QStringLiteral("scans/a.png"));
        const QString second = project.filePath(QStringLiteral("scans/b.png"));
        QVERIFY(drawPage(first, QStringLiteral("Total due 310.25")));
        QVERIFY(drawPage(second, QStringLiteral("Signed on Monday")));

        // Without --no-import, ocr imports its log at once.
        const QString log = project.filePath(QStringLiteral("ocr.jsonl"));
        BoucleRun run = runBoucle({QStringLiteral("ocr"), project.projectPath(), first, second,
                                   QStringLiteral("--out"), log});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        {
            ProjectStore store;
            QVERIFY(!store.open(project.projectPath(), ProjectStore::OpenMode::ReadOnly));
            const auto sample = store.sampleByPath(QStringLiteral("scans/a.png"));
            QVERIFY(sample);
            QCOMPARE(sample->kind, QStringLiteral("image"));
            const auto predictions = store.predictionsForSample(sample->id);
            QCOMPARE(predictions.size(), 1);
            QStringList words;
            for (const auto &object : predictions.first().objects) {
                QCOMPARE(object.shape, PredictedObject::Shape::Box);
                QVERIFY(object.box.width() > 0);
                QVERIFY(object.score > 0 && object.score <= 1);
                words.append(object.text);
            }
            QCOMPARE(words, QStringList({QStringLiteral("Total"), QStringLiteral("due"),
                                         QStringLiteral("310.25")}));
            QVERIFY(store.model(predictions.first().modelId)->name.startsWith(u"tesseract"));
        }

        // A second page set read without importing, then imported as a batch to review.
        QVERIFY(drawPage(project.filePath(QStringLiteral("scans/c.png")),
                         QStringLiteral("Invoice 4471")));
        const QString secondLog = project.filePath(QStringLiteral("ocr-2.jsonl"));
        run = runBoucle({QStringLiteral("ocr"), project.projectPath(),
                         project.filePath(QStringLiteral("scans/c.png")), QStringLiteral("--out"),
                         secondLog, QStringLiteral("--no-import")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = runBoucle({QStringLiteral("import"), project.projectPath(), secondLog,
                         QStringLiteral("--batch"), QStringLiteral("scans")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        ProjectStore store;
        QVERIFY(!store.open(project.projectPath(), ProjectStore::OpenMode::ReadOnly));
        const auto batch = store.batchByName(QStringLiteral("scans"));
        QVERIFY(batch);
        const auto items = store.batchItems(batch->id);
        QCOMPARE(items.size(), 1);
        const auto prediction = store.prediction(items.first().predictionId);
        QVERIFY(prediction);
        QStringList words;
        for (const auto &object : prediction->objects)
            words.append(object.text);
        QCOMPARE(words, QStringList({QStringLiteral("Invoice"), QStringLiteral("4471")}));
    }

    void explainsWhatIsWrong_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("message");
        QTest::newRow("tesseract missing")
                << QStringList({QStringLiteral("--tesseract"), QStringLiteral("no-such-ocr")})
                << QStringLiteral("page.png") << QStringLiteral("Tesseract is not installed");
        QTest::newRow("image missing") << QStringList() << QStringLiteral("absent.png")
                                       << QStringLiteral("absent.png: the image does not exist");
        QTest::newRow("outside data root") << QStringList() << QStringLiteral("/OUTSIDE/page.png")
                                           << QStringLiteral("lies outside the log's folder");
    }

    void explainsWhatIsWrong()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, image);
        QFETCH(QString, message);
        TemporaryProject project;
        QVERIFY(project.isValid());
        project.store().close();
        QTemporaryDir outside;
        QVERIFY(drawPage(project.filePath(QStringLiteral("page.png")), QStringLiteral("x")));
        QVERIFY(drawPage(outside.filePath(QStringLiteral("page.png")), QStringLiteral("x")));
        image.replace(QStringLiteral("/OUTSIDE"), outside.path());
        if (!image.startsWith(QLatin1Char('/')))
            image = project.filePath(image);
        const BoucleRun run = runBoucle(QStringList {QStringLiteral("ocr"), project.projectPath(),
                                                     image, QStringLiteral("--no-import")}
                                        + extra);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(QDir(project.directory())
                        .entryList({QStringLiteral("*.jsonl")}, QDir::Files)
                        .isEmpty()); // no log half-written
    }
};

// Drawing the test pages lays out text, which needs a QGuiApplication (offscreen under ctest).
QTEST_MAIN(TestOcrCommand)
#include "tst_ocrcommand.moc"
