// HocrReader: words from hOCR (pages, boxes, confidences, text inside inline markup), and the
// line and column of the first error in hOCR that is not well-formed.
#include "documents/hocrreader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

namespace {

const QByteArray twoPageHocr
        = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n"
          "    \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
          "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n"
          " <head><title></title><meta name='ocr-system' content='tesseract 5.3.0' /></head>\n"
          " <body>\n"
          "  <div class='ocr_page' id='page_1' title='image \"p1.png\"; bbox 0 0 1240 1754; "
          "ppageno 0'>\n"
          "   <div class='ocr_carea' id='block_1_1' title=\"bbox 104 120 504 160\">\n"
          "    <p class='ocr_par' id='par_1_1' lang='eng' title=\"bbox 104 120 504 160\">\n"
          "     <span class='ocr_line' id='line_1_1' title=\"bbox 104 120 504 160; baseline 0 -8; "
          "x_size 40\">\n"
          "      <span class='ocrx_word' id='word_1_1' title='bbox 104 120 284 160; x_wconf "
          "96'>Invoice</span>\n"
          "      <span class='ocrx_word' id='word_1_2' title='bbox 300 121 504 160; x_wconf "
          "41'><strong>Tota1</strong></span>\n"
          "      <span class='ocrx_word' id='word_1_3' title='bbox 520 121 530 160; x_wconf 90'> "
          "</span>\n"
          "     </span>\n"
          "    </p>\n"
          "   </div>\n"
          "  </div>\n"
          "  <div class='ocr_page' id='page_2' title='image \"p2.png\"; bbox 0 0 1240 1754; "
          "ppageno 1'>\n"
          "   <span class='ocrx_word' id='word_2_1' title='bbox 50 60 120 80; x_wconf 88'>R&amp;D "
          "caf&#233;</span>\n"
          "  </div>\n"
          " </body>\n"
          "</html>\n";

} // namespace

class TestHocrReader : public QObject
{
    Q_OBJECT

private slots:
    void readsWordsFromAFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("page.hocr"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(twoPageHocr);
        file.close();

        const OcrWords result = HocrReader::read(path);
        QVERIFY2(!result.error, qPrintable(result.error.message()));
        QCOMPARE(result.pageCount, 2);
        QCOMPARE(result.words.size(), 3);
        QCOMPARE(result.words.at(0).text, QStringLiteral("Invoice"));
        QCOMPARE(result.words.at(0).box, QRectF(104, 120, 180, 40));
        QCOMPARE(result.words.at(0).score, 0.96);
        QCOMPARE(result.words.at(0).label, QStringLiteral("word"));
        QCOMPARE(result.words.at(0).page, 0);
        QCOMPARE(result.words.at(1).text, QStringLiteral("Tota1")); // inside <strong>
        QCOMPARE(result.words.at(1).score, 0.41);
        QCOMPARE(result.words.at(2).text, QStringLiteral("R&D café"));
        QCOMPARE(result.words.at(2).page, 1);
    }

    void namesWhereTheHocrIsBroken_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("start");

        QTest::newRow("unclosed span")
                << QByteArray("<html><body>\n<div class='ocr_page'>\n"
                              "<span class='ocrx_word' title='bbox 1 2 3 4; x_wconf 5'>a</div>\n"
                              "</body></html>")
                << QStringLiteral("scan.hocr: line 3, column 63: the hOCR is not well-formed XML");
        QTest::newRow("html entity")
                << QByteArray("<html><body>\n<p>a&nbsp;b</p></body></html>")
                << QStringLiteral("scan.hocr: line 2, column 10: the hOCR is not well-formed XML");
        QTest::newRow("truncated")
                << twoPageHocr.left(twoPageHocr.indexOf("<div class='ocr_page' id='page_2'"))
                << QStringLiteral("scan.hocr: line 18, column 2: the hOCR is not well-formed XML");
        QTest::newRow("word without bbox")
                << QByteArray("<html><body>\n<div class='ocr_page'>\n"
                              "  <span class='ocrx_word' title='x_wconf 5'>Total</span>\n"
                              "</div></body></html>")
                << QStringLiteral("scan.hocr: line 3, column 44: the word 'Total' has no bbox of "
                                  "four numbers in its title");
    }

    void namesWhereTheHocrIsBroken()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, start);
        const OcrWords result = HocrReader::parse(data, QStringLiteral("scan.hocr"));
        QCOMPARE(result.error.code, DocumentError::Code::Malformed);
        QVERIFY2(result.error.message().startsWith(start), qPrintable(result.error.message()));
        QVERIFY(result.words.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHocrReader)
#include "tst_hocrreader.moc"
