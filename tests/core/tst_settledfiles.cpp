// SettledFiles: which logs of a folder `boucle watch` may take, on a clock the test sets.
#include "ingest/settledfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

class TestSettledFiles : public QObject
{
    Q_OBJECT

private slots:
    void candidateNames_data();
    void candidateNames();
    void fileIsTakenOnlyAfterItStoppedChanging();
};

void TestSettledFiles::candidateNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("taken");
    QTest::newRow("jsonl") << QStringLiteral("day-1.jsonl") << true;
    QTest::newRow("ndjson") << QStringLiteral("day-1.ndjson") << true;
    QTest::newRow("csv, upper case") << QStringLiteral("DAY-1.CSV") << true;
    QTest::newRow("hidden") << QStringLiteral(".day-1.jsonl") << false;
    QTest::newRow("part") << QStringLiteral("day-1.jsonl.part") << false;
    QTest::newRow("tmp") << QStringLiteral("day-1.jsonl.tmp") << false;
    QTest::newRow("backup") << QStringLiteral("day-1.jsonl~") << false;
    QTest::newRow("other kind") << QStringLiteral("day-1.json") << false;
    QTest::newRow("image") << QStringLiteral("s1.png") << false;
}

void TestSettledFiles::candidateNames()
{
    QFETCH(QString, name);
    QFETCH(bool, taken);
    QCOMPARE(SettledFiles::isCandidateName(name), taken);
}

void TestSettledFiles::fileIsTakenOnlyAfterItStoppedChanging()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"sample\": ");
    file.flush();
    SettledFiles files(dir.path(), 2000);
    QVERIFY(files.look(0).isEmpty()); // first sight
    QVERIFY(files.look(1500).isEmpty());
    file.write("\"s1.png\"}\n"); // grows: the settle time starts again
    file.flush();
    QVERIFY(files.look(2500).isEmpty());
    QVERIFY(files.look(4000).isEmpty());
    QCOMPARE(files.look(4500), QStringList {QFileInfo(path).absoluteFilePath()});
    QCOMPARE(files.seen(QFileInfo(path).absoluteFilePath()).size, file.size());
    // Gone files are forgotten.
    file.close();
    QVERIFY(QFile::remove(path));
    QVERIFY(files.look(5000).isEmpty());
}

QTEST_GUILESS_MAIN(TestSettledFiles)
#include "tst_settledfiles.moc"
