// DocumentView and TextDocumentView, offscreen: a generated PDF page rendered with its boxes,
// the keys that step through low-confidence objects (and the index they report), page keys,
// and the messages shown for a broken PDF and for spans outside the text.
// With BOUCLE_SCREENSHOT_DIR set, also saves screenshots of the views on demo documents.
#include "documents/demodocuments.h"
#include "documents/documentpredictionlog.h"
#include "documents/ocrrunner.h"
#include "documentview/documentview.h"
#include "documentview/pagecanvas.h"
#include "documentview/textdocumentview.h"
#include "editing/objectoverlaypainter.h"
#include "store/recordcodec.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

namespace {

PredictedObject box(const QString &label, double score, QRectF rect, int page,
                    const QString &text = {})
{
    PredictedObject object;
    object.label = label;
    object.score = score;
    object.box = rect;
    object.page = page;
    object.text = text;
    return object;
}

PredictedObject span(const QString &label, double score, int start, int end)
{
    PredictedObject object;
    object.shape = PredictedObject::Shape::Span;
    object.label = label;
    object.score = score;
    object.spanStart = start;
    object.spanEnd = end;
    return object;
}

int colourDistance(QColor a, QColor b)
{
    return qAbs(a.red() - b.red()) + qAbs(a.green() - b.green()) + qAbs(a.blue() - b.blue());
}

QList<PredictedObject> objectsFromLog(const QString &logPath, const QString &sample,
                                      const QString &modelPrefix)
{
    QFile file(logPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    while (!file.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        if (line.value(QStringLiteral("sample")).toString() == sample
            && line.value(QStringLiteral("model")).toString().startsWith(modelPrefix))
            return RecordCodec::objectsFromJson(line.value(QStringLiteral("objects")).toArray());
    }
    return {};
}

} // namespace

class TestDocumentView : public QObject
{
    Q_OBJECT

private slots:
    void rendersAPdfPageWithItsBoxes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(!DemoDocuments::writeSimplePdf(path, 2));
        DocumentView view;
        view.resize(1000, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy pages(&view, &DocumentView::pageChanged);
        QVERIFY(!view.openPdf(path));
        view.setLowConfidenceThreshold(0.5);
        view.setObjects({box(QStringLiteral("title"), 0.95, QRectF(55, 45, 250, 35), 0),
                         box(QStringLiteral("value"), 0.30, QRectF(100, 200, 120, 16), 0,
                             QStringLiteral("3.5"))});
        QCOMPARE(view.pageCount(), 2);
        QCOMPARE(pages.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(view.isPageShown(), 30000);

        auto *canvas = view.findChild<PageCanvas *>();
        QVERIFY(canvas);
        const QImage shot = canvas->grab().toImage();
        // The page is drawn: dark text pixels in the heading's area.
        int dark = 0;
        const QRectF heading = canvas->objectRect(view.objects().at(0));
        for (int y = int(heading.top()); y < int(heading.bottom()); ++y) {
            for (int x = int(heading.left()) + 4; x < int(heading.right()) - 4; ++x)
                dark += qGray(shot.pixel(x, y)) < 100 ? 1 : 0;
        }
        QVERIFY2(dark > 50, qPrintable(QString::number(dark)));
        // The undecided low-confidence box stands out in amber; the confident one has its
        // label's colour.
        const QRectF low = canvas->objectRect(view.objects().at(1));
        const QColor lowEdge = shot.pixelColor(qRound(low.left()), qRound(low.center().y()));
        QVERIFY2(colourDistance(lowEdge, ObjectOverlayPainter::lowConfidenceColour()) < 120,
                 qPrintable(lowEdge.name()));
        const QColor highEdge
                = shot.pixelColor(qRound(heading.left()), qRound(heading.center().y()));
        QVERIFY2(
                colourDistance(highEdge, ObjectOverlayPainter::labelColour(QStringLiteral("title")))
                        < 120,
                qPrintable(highEdge.name()));
    }

    void stepsThroughLowConfidenceObjectsByKey()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(!DemoDocuments::writeSimplePdf(path, 3));
        DocumentView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.openPdf(path));
        view.setLowConfidenceThreshold(0.6);
        view.setObjects({box(QStringLiteral("a"), 0.9, QRectF(60, 60, 50, 20), 0),
                         box(QStringLiteral("b"), 0.4, QRectF(60, 300, 50, 20), 2),
                         box(QStringLiteral("c"), 0.2, QRectF(60, 700, 50, 20), 0),
                         box(QStringLiteral("d"), 0.7, QRectF(60, 100, 50, 20), 1),
                         box(QStringLiteral("e"), 0.5, QRectF(300, 100, 50, 20), 2)});
        QSignalSpy objects(&view, &DocumentView::currentObjectChanged);
        view.activateWindow();
        view.setFocus();
        QWidget *target = view.findChild<QScrollArea *>();
        QVERIFY(target);

        QTest::keyClick(target, Qt::Key_BracketRight);
        QCOMPARE(objects.count(), 1);
        QCOMPARE(objects.last().at(0).toInt(), 2); // page 1's low object first
        QCOMPARE(view.currentPage(), 0);
        QTest::keyClick(target, Qt::Key_BracketRight);
        QCOMPARE(objects.last().at(0).toInt(), 1);
        QCOMPARE(view.currentPage(), 2); // turned to its page
        QTest::keyClick(target, Qt::Key_BracketRight);
        QCOMPARE(objects.last().at(0).toInt(), 4);
        QTest::keyClick(target, Qt::Key_BracketRight); // no further: nothing changes
        QCOMPARE(objects.count(), 3);
        QCOMPARE(view.currentObject(), 4);
        QTest::keyClick(target, Qt::Key_BracketLeft);
        QTest::keyClick(target, Qt::Key_BracketLeft);
        QCOMPARE(objects.last().at(0).toInt(), 2);
        QCOMPARE(view.currentPage(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(view.isPageShown(), 30000);
        auto *status = view.findChildren<QLabel *>().value(0);
        QVERIFY(status);
        QVERIFY2(status->text().contains(QStringLiteral("c 0.20")), qPrintable(status->text()));

        QTest::keyClick(target, Qt::Key_PageDown);
        QCOMPARE(view.currentPage(), 1);
        QTest::keyClick(target, Qt::Key_PageUp);
        QCOMPARE(view.currentPage(), 0);
        const double zoom = view.zoom();
        QTest::keyClick(target, Qt::Key_Plus);
        QVERIFY(view.zoom() > zoom);
        QTest::keyClick(target, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(view.zoom(), 1.0);
        QCOMPARE(view.fit(), DocumentView::Fit::None);
        QTest::keyClick(target, Qt::Key_W);
        QCOMPARE(view.fit(), DocumentView::Fit::Width);
    }

    void showsWhyAPdfCannotBeShown()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.pdf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("%PDF-1.4\n1 0 obj << /Type /Catalog");
        file.close();
        DocumentView view;
        view.show();
        const DocumentError error = view.openPdf(path);
        QCOMPARE(error.code, DocumentError::Code::Corrupt);
        QCOMPARE(view.pageCount(), 0);
        QVERIFY(!view.isPageShown());
        auto *status = view.findChildren<QLabel *>().value(0);
        QVERIFY(status->text().startsWith(path));
    }

    void highlightsSpansAndStepsThroughTheLowOnes()
    {
        TextDocument document;
        QVERIFY(!document.setContent("Started metformin 500 mg for type 2 diabetes.",
                                     QStringLiteral("note.txt")));
        TextDocumentView view;
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setDocument(document);
        view.setLowConfidenceThreshold(0.5);
        QVERIFY(!view.setObjects({span(QStringLiteral("condition"), 0.3, 29, 44),
                                  span(QStringLiteral("medication"), 0.9, 8, 17),
                                  span(QStringLiteral("dose"), 0.4, 18, 24)}));
        QCOMPARE(view.objectAt(10), 1);
        QCOMPARE(view.objectAt(5), -1);
        QSignalSpy objects(&view, &TextDocumentView::currentObjectChanged);
        view.setFocus();
        QWidget *target = view.focusProxy();
        QTest::keyClick(target, Qt::Key_BracketRight);
        QCOMPARE(objects.last().at(0).toInt(), 2); // "500 mg" comes first in the text
        QVERIFY2(view.statusText().contains(QStringLiteral("dose 0.40 \u201c500 mg\u201d")),
                 qPrintable(view.statusText()));
        QTest::keyClick(target, Qt::Key_BracketRight);
        QCOMPARE(objects.last().at(0).toInt(), 0);
        QTest::keyClick(target, Qt::Key_BracketRight);
        QCOMPARE(objects.count(), 2);
        QTest::keyClick(target, Qt::Key_BracketLeft);
        QCOMPARE(objects.last().at(0).toInt(), 2);
        QCOMPARE(document.text(), view.document().text()); // keys never edit the text
    }

    void refusesSpansOutsideTheText()
    {
        TextDocument document;
        QVERIFY(!document.setContent("short", QStringLiteral("note.txt")));
        TextDocumentView view;
        view.setDocument(document);
        const DocumentError error = view.setObjects(
                {span(QStringLiteral("a"), 0.9, 0, 5), span(QStringLiteral("b"), 0.9, 3, 9)});
        QVERIFY(error.isError());
        QVERIFY2(view.statusText().contains(QStringLiteral("span 2 ('b', [3, 9])")),
                 qPrintable(view.statusText()));
        QVERIFY(view.objects().isEmpty());
    }

    void savesScreenshots()
    {
        const QString target = qEnvironmentVariable("BOUCLE_SCREENSHOT_DIR");
        if (target.isEmpty())
            QSKIP("set BOUCLE_SCREENSHOT_DIR to save screenshots of the document views");
        QVERIFY(QDir().mkpath(target));
        QTemporaryDir dir;
        dir.setAutoRemove(false);
        qInfo("demo documents kept in %s", qPrintable(dir.path()));
        DemoDocumentOptions options;
        options.invoices = 1;
        options.forms = 0;
        options.degradedPages = 1;
        options.notes = 1;
        const DemoDocumentSet set = DemoDocuments::generate(dir.path(), options);
        QVERIFY(set.errors.isEmpty());

        DocumentView view;
        view.resize(900, 1000);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.openPdf(set.pdfs.first()));
        view.setLowConfidenceThreshold(0.6);
        view.setObjects(objectsFromLog(
                set.predictionLog, DocumentPredictionLog::samplePath(set.folder, set.pdfs.first()),
                QStringLiteral("fieldfinder")));
        view.fitWidth();
        QTRY_VERIFY_WITH_TIMEOUT(view.isPageShown(), 30000);
        view.selectNextLowConfidenceObject();
        QTRY_VERIFY_WITH_TIMEOUT(view.isPageShown(), 30000);
        QVERIFY(view.grab().save(
                QDir(target).filePath(QStringLiteral("documentview-invoice.png"))));

        if (set.ocrPageCount > 0) {
            const QString scan = set.degradedImages.first();
            QVERIFY(!view.openImages({scan}));
            view.setObjects(objectsFromLog(set.predictionLog,
                                           DocumentPredictionLog::samplePath(set.folder, scan),
                                           QStringLiteral("tesseract")));
            view.fitWidth();
            view.selectNextLowConfidenceObject();
            QVERIFY(view.grab().save(
                    QDir(target).filePath(QStringLiteral("documentview-ocr-degraded.png"))));
        }

        TextDocumentView text;
        text.resize(700, 300);
        text.show();
        QVERIFY(QTest::qWaitForWindowExposed(&text));
        QVERIFY(!text.openText(set.textDocuments.first()));
        text.setLowConfidenceThreshold(0.6);
        QVERIFY(!text.setObjects(objectsFromLog(
                set.predictionLog,
                DocumentPredictionLog::samplePath(set.folder, set.textDocuments.first()),
                QStringLiteral("notes-ner"))));
        text.selectNextLowConfidenceObject();
        QVERIFY(text.grab().save(
                QDir(target).filePath(QStringLiteral("textdocumentview-note.png"))));
    }
};

QTEST_MAIN(TestDocumentView)
#include "tst_documentview.moc"
