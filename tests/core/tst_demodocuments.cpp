// DemoDocuments: the documents, page images, degraded copies, notes and prediction log the demo
// makes, and that each of them opens with the readers a reviewer's queue uses.
#include "documents/demodocuments.h"
#include "documents/ocrrunner.h"
#include "documents/pdfdocument.h"
#include "documents/textdocument.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

class TestDemoDocuments : public QObject
{
    Q_OBJECT

private slots:
    void generatesTheAskedDocuments_data()
    {
        QTest::addColumn<int>("invoices");
        QTest::addColumn<int>("forms");
        QTest::addColumn<int>("degraded");
        QTest::addColumn<int>("notes");

        QTest::newRow("invoices only") << 2 << 0 << 1 << 0;
        QTest::newRow("mixed") << 1 << 1 << 2 << 2;
    }

    void generatesTheAskedDocuments()
    {
        QFETCH(int, invoices);
        QFETCH(int, forms);
        QFETCH(int, degraded);
        QFETCH(int, notes);
        QTemporaryDir dir;
        DemoDocumentOptions options;
        options.invoices = invoices;
        options.forms = forms;
        options.degradedPages = degraded;
        options.notes = notes;
        options.imageDpi = 72; // small pages: the test checks counts, not legibility
        options.runOcr = false;
        const DemoDocumentSet set = DemoDocuments::generate(dir.path(), options);
        QVERIFY2(set.errors.isEmpty(), qPrintable(set.errors.value(0).message()));
        QCOMPARE(set.pdfs.size(), invoices + forms);
        QCOMPARE(set.pageImages.size(), invoices + 2 * forms);
        QCOMPARE(set.degradedImages.size(), degraded);
        QCOMPARE(set.textDocuments.size(), notes);
        // PDFs and page images have one layout line each; notes one span line each.
        const int expectedLines = set.pdfs.size() + set.pageImages.size()
                                  + set.degradedImages.size() + set.textDocuments.size();
        QCOMPARE(set.predictionCount, expectedLines);

        for (const QString &pdf : set.pdfs) {
            PdfDocument document;
            QVERIFY2(!document.open(pdf), qPrintable(pdf));
            QCOMPARE(document.pageCount(), QFileInfo(pdf).fileName().startsWith(u"form") ? 2 : 1);
        }
        for (int i = 0; i < set.degradedImages.size(); ++i) {
            const QImage clean(set.pageImages.at(i));
            const QImage noisy(set.degradedImages.at(i));
            QCOMPARE(noisy.size(), clean.size());
            QVERIFY(noisy != clean);
        }

        QFile log(set.predictionLog);
        QVERIFY(log.open(QIODevice::ReadOnly));
        int lines = 0;
        while (!log.atEnd()) {
            const QJsonObject line = QJsonDocument::fromJson(log.readLine()).object();
            ++lines;
            const QString sample = line.value(QStringLiteral("sample")).toString();
            QVERIFY2(QFileInfo::exists(dir.filePath(sample)), qPrintable(sample));
            QVERIFY(line.value(QStringLiteral("model")).toString().contains(QLatin1Char('@')));
            QVERIFY(!line.value(QStringLiteral("objects")).toArray().isEmpty());
            if (sample.endsWith(u".txt") || sample.endsWith(u".md")) {
                TextDocument text;
                QVERIFY(!text.load(dir.filePath(sample)));
                QList<PredictedObject> spans;
                for (const auto value : line.value(QStringLiteral("objects")).toArray()) {
                    const QJsonArray offsets
                            = value.toObject().value(QStringLiteral("span")).toArray();
                    PredictedObject span;
                    span.shape = PredictedObject::Shape::Span;
                    span.spanStart = offsets.at(0).toInt();
                    span.spanEnd = offsets.at(1).toInt();
                    QCOMPARE(text.spanText(span),
                             value.toObject().value(QStringLiteral("text")).toString());
                    spans.append(span);
                }
                QVERIFY(!text.validateSpans(spans));
            }
        }
        QCOMPARE(lines, expectedLines);
    }

    void readsThePagesWithTesseract()
    {
        if (!OcrRunner().isAvailable())
            QSKIP("Tesseract is not installed (Debian package tesseract-ocr)");
        QTemporaryDir dir;
        DemoDocumentOptions options;
        options.invoices = 1;
        options.forms = 0;
        options.degradedPages = 0;
        options.notes = 0;
        const DemoDocumentSet set = DemoDocuments::generate(dir.path(), options);
        QVERIFY2(set.errors.isEmpty(), qPrintable(set.errors.value(0).message()));
        QCOMPARE(set.ocrPageCount, 1);
        QVERIFY(set.ocrWordCount > 30);
        QFile log(set.predictionLog);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray content = log.readAll();
        QVERIFY(content.contains("\"model\":\"tesseract@"));
        QVERIFY(content.contains("\"text\":\"INVOICE\""));
    }
};

// Drawing the documents lays out text, which needs a QGuiApplication (offscreen under ctest).
QTEST_MAIN(TestDemoDocuments)
#include "tst_demodocuments.moc"
