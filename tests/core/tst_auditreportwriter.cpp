// The report files: one self-contained HTML file, a PDF and a CSV per table, all carrying the
// same numbers. Built from a hand-made audit (the confusion example of tst_confusionmatrix:
// cat error 3/8 = 37.5 %, dog 1/4 = 25 %), so the expected text is known.
// Needs a QGuiApplication (fonts for the charts and the PDF): QTEST_MAIN on the offscreen platform.
#include "report/auditreportwriter.h"

#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;
using namespace Qt::StringLiterals;

class TestAuditReportWriter : public QObject
{
    Q_OBJECT

private slots:
    void writesEveryFile();
    void csvTables_data();
    void csvTables();
    void htmlIsSelfContained();
    void emptyAudit();
    void unwritableFolder();

private:
    static AuditReport example();
    static QByteArray read(const QString &path);
};

AuditReport TestAuditReportWriter::example()
{
    AuditInputs inputs;
    inputs.classNames = {u"cat"_s, u"dog"_s, u"bird"_s};
    inputs.outcomes = {{0, 0, 5}, {1, 0, 2}, {-1, 0, 1}, {1, 1, 3}, {0, 1, 1}};
    inputs.scored = {{0.9, true, 8}, {0.8, false, 4}};
    inputs.triggers = {{u"low_confidence"_s, 20, 16}, {u"entropy"_s, 10, 1}};
    inputs.control = {QString(), 10, 1};
    inputs.decisions
            = {{u"ann"_s, true, 10.0, 1}, {u"ann"_s, false, 20.0, 3}, {u"bob"_s, false, 5.0, 2}};
    inputs.answers = {{1, u"ann"_s, 0}, {1, u"bob"_s, 0}, {2, u"ann"_s, 1}, {2, u"bob"_s, 0}};
    inputs.models = {{u"m@1"_s, 1}, {u"m@2"_s, 2}};
    inputs.modelOutcomes = {{u"m@1"_s, 0, true, 6},
                            {u"m@1"_s, 1, false, 4},
                            {u"m@2"_s, 0, true, 8},
                            {u"m@2"_s, 1, false, 2}};
    inputs.versions = {{1, 100, 10}, {2, 50, 5}};
    return AuditReport::compute(inputs);
}

QByteArray TestAuditReportWriter::read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestAuditReportWriter::writesEveryFile()
{
    QTemporaryDir dir;
    AuditReportWriter writer(example(),
                             {u"zoo.boucle"_s, u"all reviews"_s, QDateTime::currentDateTimeUtc()});
    QStringList written;
    const QString out = dir.filePath(u"report/today"_s); // created when missing
    QVERIFY2(writer.writeAll(out, &written), qPrintable(writer.errorString()));
    QCOMPARE(written.size(), 2 + writer.tables().size());
    for (const auto &path : written)
        QVERIFY2(QFile::exists(path), qPrintable(path));
    const QByteArray pdf = read(out + u"/audit.pdf"_s);
    QVERIFY(pdf.startsWith("%PDF"));
    QVERIFY(pdf.size() > 10000); // text and four charts, not an empty page
    for (const char *name : {"summary", "confusion_matrix", "per_class", "trigger_yield",
                             "calibration", "reviewers", "agreement", "models", "versions", "loop"})
        QVERIFY2(QFile::exists(out + u"/"_s + QLatin1String(name) + u".csv"_s), name);
}

void TestAuditReportWriter::csvTables_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("line");
    // cat: reviewed 8, predicted 6, error 3/8; precision 5/6, recall 5/8; confused with dog (2).
    QTest::newRow("per class, cat")
            << u"per_class"_s << u"cat,8,6,0.375,0.136844,0.694258,0.833333,0.625,dog (2)"_s;
    QTest::newRow("per class, empty class") << u"per_class"_s << u"bird,0,0,,,,,,"_s;
    QTest::newRow("confusion row") << u"confusion_matrix"_s << u"cat,5,2,0,1"_s;
    // 16 of 20 against 1 of 10 on control: lift 8, interval wholly above the control's.
    QTest::newRow("trigger yield")
            << u"trigger_yield"_s << u"low_confidence,20,16,0.8,0.583983,0.919342,8,yes"_s;
    QTest::newRow("control row") << u"trigger_yield"_s
                                 << u"control (random draw),10,1,0.1,0.0178762,0.40415,,"_s;
    // ann: 4 decisions, 70 s active -> 205.714 per hour, median 20 s, 1 override of 4.
    QTest::newRow("reviewer") << u"reviewers"_s << u"ann,4,205.714,20,0.25,"_s;
    QTest::newRow("models") << u"models"_s << u"m@2,2,10,0.8,"_s;
    QTest::newRow("loop") << u"loop"_s << u"m@2,2,50,0.8,0.2,400"_s;
    QTest::newRow("version") << u"versions"_s << u"1,100,10"_s;
}

void TestAuditReportWriter::csvTables()
{
    QFETCH(QString, table);
    QFETCH(QString, line);
    QTemporaryDir dir;
    AuditReportWriter writer(example(), {u"zoo.boucle"_s, u"all reviews"_s, {}});
    QVERIFY(writer.writeCsv(dir.path()));
    const QString csv = QString::fromUtf8(read(dir.filePath(table + u".csv"_s)));
    QVERIFY2(csv.contains(u"\n"_s + line), qPrintable(csv));
}

void TestAuditReportWriter::htmlIsSelfContained()
{
    QTemporaryDir dir;
    AuditReportWriter writer(example(), {u"zoo.boucle"_s, u"batch 'week 3'"_s, {}});
    const QString path = dir.filePath(u"audit.html"_s);
    QVERIFY(writer.writeHtml(path));
    const QString html = QString::fromUtf8(read(path));
    QCOMPARE(html.count(u"<img src=\"data:image/png;base64,"_s), 4);
    QVERIFY(!html.contains(u"src=\"http"_s) && !html.contains(u"<link"_s));
    QVERIFY(html.contains(u"batch &#39;week 3&#39;"_s) || html.contains(u"batch 'week 3'"_s));
    QVERIFY(html.contains(u"<table id=\"per_class\">"_s));
    QVERIFY(html.contains(u"37.5 %"_s)); // cat's error rate
    QVERIFY(html.contains(u"<td>dog (2)</td>"_s));
}

void TestAuditReportWriter::emptyAudit()
{
    // A project with nothing reviewed still gives a readable report, not a crash.
    QTemporaryDir dir;
    AuditReportWriter writer(AuditReport::compute({}), {u"new.boucle"_s, u"all reviews"_s, {}});
    QVERIFY2(writer.writeAll(dir.path()), qPrintable(writer.errorString()));
    QVERIFY(read(dir.filePath(u"audit.pdf"_s)).startsWith("%PDF"));
    QVERIFY(QString::fromUtf8(read(dir.filePath(u"audit.html"_s))).contains(u"Nothing to show"_s));
}

void TestAuditReportWriter::unwritableFolder()
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(u"file"_s);
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    AuditReportWriter writer(example(), {u"zoo.boucle"_s, u"all reviews"_s, {}});
    QVERIFY(!writer.writeAll(blocker + u"/out"_s));
    QVERIFY2(writer.errorString().contains(u"file"_s), qPrintable(writer.errorString()));
}

QTEST_MAIN(TestAuditReportWriter)
#include "tst_auditreportwriter.moc"
