// TesseractTsvReader: word boxes, text, confidences and pages from Tesseract's TSV, and the
// line and field named when a row is bad.
#include "documents/tesseracttsvreader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

namespace {

// The shape of `tesseract page.png - tsv` (5.x): one row per page, block, paragraph, line, word.
const QByteArray twoPageTsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_"
                              "num\tleft\ttop\twidth\theight\tconf\ttext\n"
                              "1\t1\t0\t0\t0\t0\t0\t0\t1240\t1754\t-1\t\n"
                              "2\t1\t1\t0\t0\t0\t104\t120\t400\t40\t-1\t\n"
                              "3\t1\t1\t1\t0\t0\t104\t120\t400\t40\t-1\t\n"
                              "4\t1\t1\t1\t1\t0\t104\t120\t400\t40\t-1\t\n"
                              "5\t1\t1\t1\t1\t1\t104\t120\t180\t40\t96.281464\tInvoice\n"
                              "5\t1\t1\t1\t1\t2\t300\t121\t204\t39\t41.5\tTota1\n"
                              "5\t1\t1\t1\t1\t3\t520\t121\t10\t39\t90\t \n"
                              "1\t2\t0\t0\t0\t0\t0\t0\t1240\t1754\t-1\t\n"
                              "5\t2\t1\t1\t1\t1\t50\t60\t70\t20\t88\tcaf\xc3\xa9\r\n";

} // namespace

class TestTesseractTsvReader : public QObject
{
    Q_OBJECT

private slots:
    void readsWordsFromAFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("page.tsv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(twoPageTsv);
        file.close();

        const OcrWords result = TesseractTsvReader::read(path);
        QVERIFY2(!result.error, qPrintable(result.error.message()));
        QCOMPARE(result.pageCount, 2);
        QCOMPARE(result.words.size(), 3); // the blank word is not a word
        const PredictedObject &first = result.words.at(0);
        QCOMPARE(first.shape, PredictedObject::Shape::Box);
        QCOMPARE(first.label, QStringLiteral("word"));
        QCOMPARE(first.text, QStringLiteral("Invoice"));
        QCOMPARE(first.box, QRectF(104, 120, 180, 40));
        QVERIFY(qAbs(first.score - 0.96281464) < 1e-9);
        QCOMPARE(first.page, 0);
        QCOMPARE(result.words.at(1).text, QStringLiteral("Tota1"));
        QCOMPARE(result.words.at(1).score, 0.415);
        QCOMPARE(result.words.at(2).text, QStringLiteral("café"));
        QCOMPARE(result.words.at(2).page, 1);
        QVERIFY(qAbs(result.meanConfidence() - (0.96281464 + 0.415 + 0.88) / 3) < 1e-9);
    }

    void readsColumnsByName()
    {
        const QByteArray reordered = "text\tconf\tlevel\tpage_num\tleft\ttop\twidth\theight\n"
                                     "Total\t77\t5\t1\t10\t20\t30\t40\n";
        const OcrWords result = TesseractTsvReader::parse(reordered, QStringLiteral("x.tsv"));
        QVERIFY(!result.error);
        QCOMPARE(result.words.size(), 1);
        QCOMPARE(result.words.first().box, QRectF(10, 20, 30, 40));
        QCOMPARE(result.words.first().score, 0.77);
    }

    void namesTheBadLineAndField_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("message");

        const QByteArray header = twoPageTsv.left(twoPageTsv.indexOf('\n') + 1);
        QTest::newRow("empty") << QByteArray()
                               << QStringLiteral("ocr.tsv: line 1: the file is empty; expected "
                                                 "Tesseract's TSV header");
        QTest::newRow("not tesseract")
                << QByteArray("sample,label\na.png,cat\n")
                << QStringLiteral("ocr.tsv: line 1: the header lacks the column 'level'; is this "
                                  "Tesseract's TSV?");
        QTest::newRow("confidence not a number")
                << header
                           + "5\t1\t1\t1\t1\t1\t10\t10\t5\t5\t96\tgood\n"
                             "5\t1\t1\t1\t1\t2\t10\t10\t5\t5\thigh\tbad\n"
                << QStringLiteral("ocr.tsv: line 3: field 'conf' is 'high', not a number");
        QTest::newRow("short row") << header + "5\t1\t1\n"
                                   << QStringLiteral("ocr.tsv: line 2: 3 fields where the header "
                                                     "has 12");
        QTest::newRow("negative width")
                << header + "5\t1\t1\t1\t1\t1\t10\t10\t-5\t5\t96\toops\n"
                << QStringLiteral(
                           "ocr.tsv: line 2: the word 'oops' has a negative width or height");
        // Numbers no image has: refused by name, never turned into an int out of range.
        QTest::newRow("page beyond any int")
                << header
                           + "5\t8888888888888888888888888888888888888888888888\t1\t1\t1\t1\t10\t10"
                             "\t5\t5\t96\tx\n"
                << QStringLiteral("ocr.tsv: line 2: field 'page_num' is "
                                  "'8888888888888888888888888888888888888888888888', out of range");
        QTest::newRow("infinite left")
                << header + "5\t1\t1\t1\t1\t1\tinf\t10\t5\t5\t96\tx\n"
                << QStringLiteral("ocr.tsv: line 2: field 'left' is 'inf', out of range");
        QTest::newRow("level not a number")
                << header + "nan\t1\t1\t1\t1\t1\t10\t10\t5\t5\t96\tx\n"
                << QStringLiteral("ocr.tsv: line 2: field 'level' is 'nan', out of range");
    }

    void namesTheBadLineAndField()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, message);
        const OcrWords result = TesseractTsvReader::parse(data, QStringLiteral("ocr.tsv"));
        QCOMPARE(result.error.code, DocumentError::Code::Malformed);
        QCOMPARE(result.error.message(), message);
        QVERIFY(result.words.isEmpty());
    }

    void reportsAMissingFile()
    {
        const OcrWords result = TesseractTsvReader::read(QStringLiteral("/nonexistent/p.tsv"));
        QCOMPARE(result.error.code, DocumentError::Code::NotFound);
        QVERIFY(result.error.message().startsWith(QStringLiteral("/nonexistent/p.tsv: ")));
    }
};

QTEST_GUILESS_MAIN(TestTesseractTsvReader)
#include "tst_tesseracttsvreader.moc"
