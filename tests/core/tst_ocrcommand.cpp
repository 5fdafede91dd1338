// `boucle ocr`: Tesseract run from the command line on page images and PDFs inside a project's
// data root, the prediction log it writes (a PDF's words on their pages, in points), the review
// batch --batch makes, and its messages for missing Tesseract, missing images, images outside the
// data root and a page Tesseract fails on (named with its file and page).
#include "boucleprocess.h"
#include "printedpdf.h"
#include "temporaryproject.h"

#include <QFile>
#include <QFont>
#include <QHash>
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

QList<QJsonObject> logLines(const QString &path)
{
    QList<QJsonObject> lines;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray &line : file.readAll().trimmed().split('\n'))
        lines.append(QJsonDocument::fromJson(line).object());
    return lines;
}

bool hasTesseract()
{
    return !QStandardPaths::findExecutable(QStringLiteral("tesseract")).isEmpty();
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

    // A two-page PDF: each page rendered and read; the words keep their page and sit in PDF
    // points on an A4 page (595 × 842), where the document view draws them.
    void readsAPdfPageByPage()
    {
        if (!hasTesseract())
            QSKIP("Tesseract is not installed (Debian package tesseract-ocr)");
        TemporaryProject project;
        QVERIFY(project.isValid());
        project.store().close();
        QVERIFY(QDir(project.directory()).mkpath(QStringLiteral("docs")));
        const QString pdf = project.filePath(QStringLiteral("docs/invoice.pdf"));
        QVERIFY(writePrintedPdf(pdf,
                                {QStringLiteral("INVOICE 4471"), QStringLiteral("TOTAL DUE")}));
        const QString log = project.filePath(QStringLiteral("ocr.jsonl"));
        const BoucleRun run
                = runBoucle({QStringLiteral("ocr"), project.projectPath(), pdf,
                             QStringLiteral("--out"), log, QStringLiteral("--no-import")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("2 pages")), qPrintable(run.err));

        const QList<QJsonObject> lines = logLines(log);
        QCOMPARE(lines.size(), 1); // one document sample, not one per page
        QCOMPARE(lines.first().value(QStringLiteral("sample")).toString(),
                 QStringLiteral("docs/invoice.pdf"));
        QHash<int, QStringList> wordsOnPage;
        for (const auto value : lines.first().value(QStringLiteral("objects")).toArray()) {
            const QJsonObject object = value.toObject();
            const QJsonArray bbox = object.value(QStringLiteral("bbox")).toArray();
            QCOMPARE(bbox.size(), 4);
            // In points: the print starts 60 pt from the left, 150 pt down (its baseline).
            QVERIFY2(bbox.at(0).toDouble() >= 40
                             && bbox.at(0).toDouble() + bbox.at(2).toDouble() <= 596,
                     QJsonDocument(bbox).toJson(QJsonDocument::Compact).constData());
            QVERIFY2(bbox.at(1).toDouble() > 90 && bbox.at(1).toDouble() < 160,
                     QJsonDocument(bbox).toJson(QJsonDocument::Compact).constData());
            wordsOnPage[object.value(QStringLiteral("page")).toInt()].append(
                    object.value(QStringLiteral("text")).toString());
        }
        QVERIFY2(wordsOnPage.value(0).contains(QStringLiteral("INVOICE")),
                 qPrintable(wordsOnPage.value(0).join(u' ')));
        QVERIFY2(wordsOnPage.value(1).contains(QStringLiteral("TOTAL")),
                 qPrintable(wordsOnPage.value(1).join(u' ')));
    }

    // --batch: the PDF and the scanned page are imported and become a review batch, the least
    // confident first, each flagged by its words.
    void makesABatchToReview()
    {
        if (!hasTesseract())
            QSKIP("Tesseract is not installed (Debian package tesseract-ocr)");
        TemporaryProject project;
        QVERIFY(project.isValid());
        project.store().close();
        QVERIFY(QDir(project.directory()).mkpath(QStringLiteral("scans")));
        const QString pdf = project.filePath(QStringLiteral("scans/letter.pdf"));
        const QString png = project.filePath(QStringLiteral("scans/page.png"));
        QVERIFY(writePrintedPdf(pdf, {QStringLiteral("Dear customer")}));
        QVERIFY(drawPage(png, QStringLiteral("Total due 310.25")));

        // A threshold of 1: every word is "low", so both are flagged by their words.
        BoucleRun run = runBoucle({QStringLiteral("ocr"), project.projectPath(), pdf, png,
                                   QStringLiteral("--batch"), QStringLiteral("scans"),
                                   QStringLiteral("--threshold"), QStringLiteral("1")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("batch scans: 2 document(s)")),
                 qPrintable(run.out));
        {
            ProjectStore store;
            QVERIFY(!store.open(project.projectPath(), ProjectStore::OpenMode::ReadOnly));
            const auto batch = store.batchByName(QStringLiteral("scans"));
            QVERIFY(batch);
            const auto items = store.batchItems(batch->id);
            QCOMPARE(items.size(), 2);
            double previousLowest = -1;
            QStringList kinds;
            for (const auto &item : items) {
                QCOMPARE(item.status, ReviewStatus::Pending);
                QVERIFY(!item.reasons.isEmpty());
                QCOMPARE(item.reasons.first().trigger, QStringLiteral("ocr_low_confidence"));
                const auto prediction = store.prediction(item.predictionId);
                QVERIFY(prediction);
                QVERIFY(!prediction->objects.isEmpty());
                QVERIFY(prediction->label.isEmpty());
                double lowest = 1;
                for (const auto &object : prediction->objects)
                    lowest = std::min(lowest, object.score);
                QVERIFY(lowest >= previousLowest); // least confident first
                previousLowest = lowest;
                kinds.append(store.sample(item.sampleId)->kind);
            }
            kinds.sort();
            QCOMPARE(kinds, QStringList({QStringLiteral("image"), QStringLiteral("pdf")}));
        }

        // The same name again is refused before any page is read; --batch needs the import.
        run = runBoucle({QStringLiteral("ocr"), project.projectPath(), png,
                         QStringLiteral("--batch"), QStringLiteral("scans")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("already has a batch named 'scans'")),
                 qPrintable(run.err));
        QVERIFY(!run.err.contains(QStringLiteral("[1/1]")));
        run = runBoucle({QStringLiteral("ocr"), project.projectPath(), png,
                         QStringLiteral("--batch"), QStringLiteral("again"),
                         QStringLiteral("--no-import")});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QStringLiteral("--no-import")), qPrintable(run.err));
    }

    // A Tesseract that fails: the error names the PDF and the page, and no log is written.
    void namesTheFileAndPageThatFailed()
    {
        TemporaryProject project;
        QVERIFY(project.isValid());
        project.store().close();
        const QString pdf = project.filePath(QStringLiteral("broken-scan.pdf"));
        QVERIFY(writePrintedPdf(pdf, {QStringLiteral("one")}));
        QTemporaryDir tools;
        const QString program = tools.filePath(QStringLiteral("tesseract"));
        {
            QFile script(program);
            QVERIFY(script.open(QIODevice::WriteOnly));
            script.write("#!/bin/sh\n"
                         "if [ \"$1\" = --version ]; then echo 'tesseract 5.3.0'; exit 0; fi\n"
                         "echo 'Error in pixReadStream: Unknown format' >&2\n"
                         "exit 1\n");
            script.close();
            QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));
        }
        const BoucleRun run = runBoucle({QStringLiteral("ocr"), project.projectPath(), pdf,
                                         QStringLiteral("--tesseract"), program});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(pdf + QStringLiteral(": page 1: Tesseract failed")),
                 qPrintable(run.err));
        QVERIFY(QDir(project.directory())
                        .entryList({QStringLiteral("*.jsonl")}, QDir::Files)
                        .isEmpty());
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
