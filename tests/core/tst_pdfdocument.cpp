// PdfDocument and PdfPagePrefetcher: pages of a PDF we write, and the message a reviewer sees
// for each kind of PDF that cannot be shown.
#include "documents/demodocuments.h"
#include "documents/pdfdocument.h"
#include "documents/pdfpageprefetcher.h"

#include <QFile>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

namespace {

// A PDF written by hand, objects numbered from 1, with a correct cross-reference table.
QByteArray handwrittenPdf(const QList<QByteArray> &objects, const QByteArray &trailerExtra = {})
{
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R "
           + trailerExtra + " >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

QByteArray onePagePdf(const QByteArray &mediaBox)
{
    return handwrittenPdf({"<< /Type /Catalog /Pages 2 0 R >>",
                           "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                           "<< /Type /Page /Parent 2 0 R /MediaBox [" + mediaBox + "] >>"});
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool writeQtPdf(const QString &path, int pages)
{
    return !DemoDocuments::writeSimplePdf(path, pages).isError();
}

} // namespace

class TestPdfDocument : public QObject
{
    Q_OBJECT

private slots:
    void opensPagesAndRendersAtTheAskedResolution()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(writeQtPdf(path, 3));
        PdfDocument document;
        const DocumentError error = document.open(path);
        QVERIFY2(!error, qPrintable(error.message()));
        QCOMPARE(document.pageCount(), 3);
        const QSizeF a4 = document.pageSize(1);
        QVERIFY(qAbs(a4.width() - 595.3) < 1.0);
        QVERIFY(qAbs(a4.height() - 841.9) < 1.0);

        const RenderedPage page = document.render(2, 150);
        QVERIFY2(!page.error, qPrintable(page.error.message()));
        QCOMPARE(page.image.size(), document.pixelSize(2, 150));
        QVERIFY(qAbs(page.image.width() - 1240) <= 1);
        // Something was drawn: the page is not blank white.
        int dark = 0;
        for (int y = 0; y < page.image.height(); y += 4) {
            for (int x = 0; x < page.image.width(); x += 4)
                dark += qGray(page.image.pixel(x, y)) < 128 ? 1 : 0;
        }
        QVERIFY(dark > 100);

        const RenderedPage outside = document.render(3, 150);
        QCOMPARE(outside.error.code, DocumentError::Code::OutOfRange);
        QVERIFY(outside.error.message().contains(QStringLiteral("page 4")));
    }

    void refusesUnusablePdfs_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("phrase");

        QTest::newRow("empty file")
                << QByteArray() << int(DocumentError::Code::Corrupt) << QStringLiteral("empty");
        QTest::newRow("not a PDF")
                << QByteArray("PK\x03\x04 this is a zip archive")
                << int(DocumentError::Code::Corrupt) << QStringLiteral("not a PDF");
        QTest::newRow("zero pages") << handwrittenPdf(
                {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"})
                                    << int(DocumentError::Code::Empty)
                                    << QStringLiteral("no pages");
        QTest::newRow("encrypted")
                << handwrittenPdf({"<< /Type /Catalog /Pages 2 0 R >>",
                                   "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                   "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                                   "<< /Filter /Standard /V 1 /R 2 /P -44 "
                                   "/O <" + QByteArray(64, 'a')
                                           + "> /U <" + QByteArray(64, 'b') + "> >>"},
                                  "/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> "
                                  "<0123456789abcdef0123456789abcdef>]")
                << int(DocumentError::Code::Encrypted) << QStringLiteral("encrypted");
        QTest::newRow("enormous page")
                << onePagePdf("0 0 72000 1000") << int(DocumentError::Code::TooLarge)
                << QStringLiteral("page 1 is 1000 × 14 inches");
    }

    void refusesUnusablePdfs()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, code);
        QFETCH(QString, phrase);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sample.pdf"));
        QVERIFY(writeFile(path, content));
        PdfDocument document;
        const DocumentError error = document.open(path);
        QCOMPARE(int(error.code), code);
        QVERIFY2(error.message().startsWith(path), qPrintable(error.message()));
        QVERIFY2(error.message().contains(phrase), qPrintable(error.message()));
        QVERIFY(!document.isOpen());
        QCOMPARE(document.pageCount(), 0);
    }

    void refusesATruncatedPdf()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cut.pdf"));
        QVERIFY(writeQtPdf(path, 2));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() * 2 / 3));
        file.close();
        PdfDocument document;
        const DocumentError error = document.open(path);
        QCOMPARE(error.code, DocumentError::Code::Corrupt);
        QVERIFY2(error.message().contains(QStringLiteral("truncated")),
                 qPrintable(error.message()));
    }

    void refusesAMissingFile()
    {
        PdfDocument document;
        const DocumentError error = document.open(QStringLiteral("/nonexistent/scan.pdf"));
        QCOMPARE(error.code, DocumentError::Code::NotFound);
        QCOMPARE(error.message(), QStringLiteral("/nonexistent/scan.pdf: the file does not exist"));
    }

    void refusesARenderTooLargeForMemory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("poster.pdf"));
        QVERIFY(writeFile(path, onePagePdf("0 0 14000 14000")));
        PdfDocument document;
        QVERIFY(!document.open(path));
        const RenderedPage page = document.render(0, 300);
        QCOMPARE(page.error.code, DocumentError::Code::TooLarge);
        QVERIFY(page.image.isNull());
        QVERIFY(!document.render(0, 10).error); // the same page, small enough
    }

    void prefetchesThePagesAhead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pages.pdf"));
        QVERIFY(writeQtPdf(path, 8));
        auto document = std::make_shared<PdfDocument>();
        QVERIFY(!document->open(path));
        PdfPagePrefetcher::Options options;
        options.dpi = 50;
        options.ahead = 2;
        options.behind = 1;
        PdfPagePrefetcher prefetcher(document, options);
        QSignalSpy ready(&prefetcher, &PdfPagePrefetcher::pageReady);

        const RenderedPage first = prefetcher.waitForPage(0);
        QVERIFY(!first.error);
        QCOMPARE(first.page, 0);
        QTRY_VERIFY(prefetcher.cached(2).has_value());
        QVERIFY(prefetcher.cached(1).has_value());
        QVERIFY(!prefetcher.cached(3).has_value());

        prefetcher.waitForPage(5);
        QTRY_VERIFY(prefetcher.cached(7).has_value());
        QVERIFY(!prefetcher.cached(0).has_value()); // dropped: behind the window
        QVERIFY(!prefetcher.cached(2).has_value());
        QVERIFY(prefetcher.cachedPageCount() <= options.ahead + options.behind + 1);
        QTRY_VERIFY(ready.count() >= 4);
    }

    void keepsCachedPagesWithinTheMemoryBudget()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pages.pdf"));
        QVERIFY(writeQtPdf(path, 6));
        auto document = std::make_shared<PdfDocument>();
        QVERIFY(!document->open(path));
        PdfPagePrefetcher::Options options;
        options.dpi = 72;
        options.ahead = 4;
        options.behind = 1;
        const QSize pixels = document->pixelSize(0, options.dpi);
        const qint64 pageBytes = qint64(pixels.width()) * pixels.height() * 4;
        options.memoryBudget = pageBytes * 3; // room for the current page, one behind, one ahead
        PdfPagePrefetcher prefetcher(document, options);
        QCOMPARE(prefetcher.effectiveAhead(), 1);
        for (int page = 0; page < 6; ++page) {
            QVERIFY(!prefetcher.waitForPage(page).error);
            QVERIFY(prefetcher.cachedBytes() <= options.memoryBudget);
        }
    }
};

// Writing the test PDFs lays out text, which needs a QGuiApplication (offscreen under ctest).
QTEST_MAIN(TestPdfDocument)
#include "tst_pdfdocument.moc"
