// OcrRunner: real Tesseract on a page we draw (skipped where Tesseract is not installed), its
// hOCR read by HocrReader to the same words, and the message where Tesseract is missing.
#include "documents/hocrreader.h"
#include "documents/ocrrunner.h"

#include <QFont>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

namespace {

QString drawPage(const QString &path)
{
    QImage image(900, 300, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(48);
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.drawText(QPointF(40, 110), QStringLiteral("Invoice total 1234"));
    painter.drawText(QPointF(40, 220), QStringLiteral("Paid by transfer"));
    painter.end();
    image.save(path);
    return path;
}

QStringList texts(const QList<PredictedObject> &words)
{
    QStringList result;
    for (const auto &word : words)
        result.append(word.text);
    return result;
}

} // namespace

class TestOcrRunner : public QObject
{
    Q_OBJECT

private slots:
    void readsAPageWithTesseract()
    {
        const OcrRunner runner;
        if (!runner.isAvailable())
            QSKIP("Tesseract is not installed (Debian package tesseract-ocr)");
        QVERIFY(runner.modelKey().startsWith(QStringLiteral("tesseract@")));
        QVERIFY(runner.modelKey().at(10).isDigit());

        QTemporaryDir dir;
        const QString image = drawPage(dir.filePath(QStringLiteral("page.png")));
        const OcrWords result = runner.recognise(image, 2);
        QVERIFY2(!result.error, qPrintable(result.error.message()));
        QCOMPARE(texts(result.words),
                 QStringList({QStringLiteral("Invoice"), QStringLiteral("total"),
                              QStringLiteral("1234"), QStringLiteral("Paid"), QStringLiteral("by"),
                              QStringLiteral("transfer")}));
        for (const auto &word : result.words) {
            QCOMPARE(word.page, 2);
            QVERIFY(word.score > 0.5 && word.score <= 1.0);
            QVERIFY(QRectF(0, 0, 900, 300).contains(word.box));
        }
        // "Invoice" starts near where it was drawn (x 40, cap height above baseline 110).
        QVERIFY(qAbs(result.words.first().box.left() - 40) < 10);
        QVERIFY(result.words.first().box.bottom() > 90 && result.words.first().box.top() < 110);

        // The same page as hOCR gives the same words and boxes.
        QProcess process;
        process.start(runner.program(), {image, QStringLiteral("-"), QStringLiteral("hocr")});
        QVERIFY(process.waitForFinished(60000));
        const OcrWords hocr
                = HocrReader::parse(process.readAllStandardOutput(), QStringLiteral("page.hocr"));
        QVERIFY2(!hocr.error, qPrintable(hocr.error.message()));
        QCOMPARE(texts(hocr.words), texts(result.words));
        QCOMPARE(hocr.words.first().box, result.words.first().box);
    }

    void saysClearlyWhenTesseractIsMissing()
    {
        const OcrRunner runner(QStringLiteral("eng"), QStringLiteral("tesseract-not-installed"));
        QVERIFY(!runner.isAvailable());
        const OcrWords result = runner.recognise(QStringLiteral("page.png"));
        QCOMPARE(result.error.code, DocumentError::Code::ToolMissing);
        QVERIFY2(result.error.message().contains(QStringLiteral("Tesseract is not installed")),
                 qPrintable(result.error.message()));
        QVERIFY(result.error.message().contains(QStringLiteral("tesseract-ocr")));
    }

    void reportsAMissingImage()
    {
        const OcrRunner runner;
        if (!runner.isAvailable())
            QSKIP("Tesseract is not installed (Debian package tesseract-ocr)");
        const OcrWords result = runner.recognise(QStringLiteral("/nonexistent/page.png"));
        QCOMPARE(result.error.message(),
                 QStringLiteral("/nonexistent/page.png: the image does not exist"));
    }
};

// Drawing the test page lays out text, which needs a QGuiApplication (offscreen under ctest).
QTEST_MAIN(TestOcrRunner)
#include "tst_ocrrunner.moc"
