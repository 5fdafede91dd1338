// TextDocument: strict UTF-8 loading with the offset of the first bad byte, and predicted spans
// checked against the text they point into.
#include "documents/textdocument.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

namespace {

PredictedObject span(const QString &label, int start, int end)
{
    PredictedObject object;
    object.shape = PredictedObject::Shape::Span;
    object.label = label;
    object.spanStart = start;
    object.spanEnd = end;
    return object;
}

} // namespace

class TestTextDocument : public QObject
{
    Q_OBJECT

private slots:
    void findsTheFirstInvalidUtf8Byte_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<qint64>("offset");

        QTest::newRow("ascii") << QByteArray("plain words") << qint64(-1);
        QTest::newRow("accents and emoji")
                << QByteArray("caf\xc3\xa9 \xf0\x9f\x98\x80") << qint64(-1);
        QTest::newRow("latin-1 e acute") << QByteArray("caf\xe9 au lait") << qint64(3);
        QTest::newRow("lone continuation") << QByteArray("ab\x80") << qint64(2);
        QTest::newRow("overlong slash") << QByteArray("x\xc0\xaf") << qint64(1);
        QTest::newRow("overlong three bytes") << QByteArray("\xe0\x80\xaf") << qint64(0);
        QTest::newRow("surrogate") << QByteArray("ok \xed\xa0\x80") << qint64(3);
        QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << qint64(0);
        QTest::newRow("truncated at end") << QByteArray("text \xe2\x82") << qint64(5);
        QTest::newRow("bad after good multibyte") << QByteArray("\xc3\xa9\xc3\x28") << qint64(2);
    }

    void findsTheFirstInvalidUtf8Byte()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(qint64, offset);
        QCOMPARE(TextDocument::firstInvalidUtf8Offset(bytes), offset);
    }

    void refusesAFileThatIsNotUtf8()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("note.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Patient seen.\nCaf\xe9 worker.\n");
        file.close();
        TextDocument document;
        const DocumentError error = document.load(path);
        QCOMPARE(error.code, DocumentError::Code::InvalidText);
        QVERIFY2(error.message().startsWith(path), qPrintable(error.message()));
        QVERIFY2(error.message().contains(QStringLiteral("byte offset 17")),
                 qPrintable(error.message()));
        QVERIFY(document.text().isEmpty());
    }

    void loadsMarkdownAsSource()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("summary.md"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\xef\xbb\xbf# Title\n\n**metformin** 500 mg\n");
        file.close();
        TextDocument document;
        QVERIFY(!document.load(path));
        QCOMPARE(document.format(), TextDocument::Format::Markdown);
        QVERIFY(document.text().startsWith(QStringLiteral("# Title"))); // the BOM is not text
        QCOMPARE(document.spanText(span(QStringLiteral("medication"), 11, 20)),
                 QStringLiteral("metformin"));
    }

    void countsSpanOffsetsInCodePoints()
    {
        TextDocument document;
        // U+1F600 takes two QChars; offsets after it count it once, as Python does.
        QVERIFY(!document.setContent(QByteArray("\xf0\x9f\x98\x80 took aspirin"),
                                     QStringLiteral("note.txt")));
        QCOMPARE(document.length(), 14);
        QCOMPARE(document.spanText(span(QStringLiteral("medication"), 7, 14)),
                 QStringLiteral("aspirin"));
        const auto [from, to] = document.spanRange(7, 14);
        QCOMPARE(from, 8);
        QCOMPARE(to, 15);
    }

    void namesTheSpanOutsideTheText_data()
    {
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::addColumn<QString>("message");

        QTest::newRow("inside") << 0 << 5 << QString();
        QTest::newRow("whole text") << 0 << 11 << QString();
        QTest::newRow("end beyond") << 6 << 40
                                    << QStringLiteral("note.txt: span 2 ('dose', [6, 40]) has its "
                                                      "end beyond the text, which has 11 "
                                                      "character(s)");
        QTest::newRow("negative") << -3 << 2
                                  << QStringLiteral("note.txt: span 2 ('dose', [-3, 2]) has a "
                                                    "negative offset");
        QTest::newRow("reversed") << 8 << 4
                                  << QStringLiteral("note.txt: span 2 ('dose', [8, 4]) has its "
                                                    "start after its end");
    }

    void namesTheSpanOutsideTheText()
    {
        QFETCH(int, start);
        QFETCH(int, end);
        QFETCH(QString, message);
        TextDocument document;
        QVERIFY(!document.setContent("aspirin 5mg", QStringLiteral("note.txt")));
        PredictedObject box; // not a span: ignored
        box.box = QRectF(0, 0, 500, 500);
        const QList<PredictedObject> objects {span(QStringLiteral("medication"), 0, 7),
                                              span(QStringLiteral("dose"), start, end), box};
        const DocumentError error = document.validateSpans(objects);
        QCOMPARE(error.message(), message);
        QCOMPARE(error.isError(), !message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTextDocument)
#include "tst_textdocument.moc"
