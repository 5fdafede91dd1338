// `boucle loop` run as a user would: the table on stdout, the files, and usage errors.
#include "learning/datasetloader.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class tst_LoopCommand : public QObject
{
    Q_OBJECT

private slots:
    void writesTableAndFiles();
    void refusesBadArguments_data();
    void refusesBadArguments();
};

void tst_LoopCommand::writesTableAndFiles()
{
    if (!QFile::exists(Boucle::DatasetLoader::defaultPath(QStringLiteral("digits"))))
        QSKIP("opencv-doc is not installed");
    QTemporaryDir folder;
    QProcess process;
    process.start(QStringLiteral(BOUCLE_BINARY),
                  {QStringLiteral("loop"), QStringLiteral("--dataset"), QStringLiteral("digits"),
                   QStringLiteral("--strategy"), QStringLiteral("random,margin"),
                   QStringLiteral("--budget"), QStringLiteral("60"), QStringLiteral("--step"),
                   QStringLiteral("30"), QStringLiteral("--seeds"), QStringLiteral("1"),
                   QStringLiteral("--out"), folder.path()});
    QVERIFY(process.waitForFinished(300000));
    const QByteArray output = process.readAllStandardOutput();
    const QByteArray errors = process.readAllStandardError();
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(output.contains("Full-pool accuracy"), output.constData());
    QVERIFY2(output.contains("random"), output.constData());
    QVERIFY2(output.contains("margin"), output.constData());
    QVERIFY2(errors.contains("[100%]"), errors.constData()); // progress on stderr
    QFile curve(folder.filePath(QStringLiteral("loop.csv")));
    QVERIFY(curve.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = curve.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QByteArray("labels,random,margin"));
    QVERIFY(lines.at(2).startsWith("60,"));
    QVERIFY(QFile::exists(folder.filePath(QStringLiteral("loop-summary.csv"))));
    QVERIFY(QFile(folder.filePath(QStringLiteral("loop.png"))).size() > 1000);
}

void tst_LoopCommand::refusesBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("strategy") << QStringList {QStringLiteral("--strategy"),
                                              QStringLiteral("oracle")}
                              << QStringLiteral("oracle");
    QTest::newRow("dataset") << QStringList {QStringLiteral("--dataset"), QStringLiteral("mnist")}
                             << QStringLiteral("mnist");
    QTest::newRow("budget") << QStringList {QStringLiteral("--budget"), QStringLiteral("lots")}
                            << QStringLiteral("--budget");
    QTest::newRow("option") << QStringList {QStringLiteral("--fast")} << QStringLiteral("--fast");
}

void tst_LoopCommand::refusesBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess process;
    process.start(QStringLiteral(BOUCLE_BINARY), QStringList {QStringLiteral("loop")} + arguments);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
    const QString errors = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(errors.contains(message), qPrintable(errors));
}

QTEST_GUILESS_MAIN(tst_LoopCommand)
#include "tst_loopcommand.moc"
