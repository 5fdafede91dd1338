// The command line as a script sees it: stable output, clear errors on stderr, exit codes.
#include "boucleprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Boucle::Testing;

namespace {
void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}
QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void helpListsEveryCommand();
    void wholeHistoryThroughTheCommandLine();
    void badLabelFileNamesLinesAndChangesNothing();
    void errorsAreClear_data();
    void errorsAreClear();
    void concurrentWritersLoseNothing();
    void exportNeverOverwritesTheProject_data();
    void exportNeverOverwritesTheProject();
    void inputsNeverReadTheProjectFile();
    void unreadableLabelsFailAndWriteNothing_data();
    void unreadableLabelsFailAndWriteNothing();
};

void TestCommandLine::helpListsEveryCommand()
{
    const auto run = runBoucle({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    for (const char *command :
         {"init", "import-labels", "commit", "log", "diff", "export", "verify"})
        QVERIFY2(run.out.contains(QLatin1String("\n  ") + QLatin1String(command)), command);
    QCOMPARE(runBoucle({QStringLiteral("frobnicate")}).exitCode, 2);
}

void TestCommandLine::wholeHistoryThroughTheCommandLine()
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.boucle"));
    QCOMPARE(runBoucle({QStringLiteral("init"), project}).exitCode, 0);
    writeFile(dir.filePath(QStringLiteral("img/a.png")), "a");
    writeFile(dir.filePath(QStringLiteral("img/b.png")), "b");
    writeFile(dir.filePath(QStringLiteral("seed.csv")),
              "sample,label\nimg/a.png,cat\nimg/b.png,dog\n");
    writeFile(dir.filePath(QStringLiteral("fix.jsonl")),
              "{\"sample\":\"img/b.png\",\"label\":\"cat\"}\n");
    auto run = runBoucle(
            {QStringLiteral("import-labels"), project, dir.filePath(QStringLiteral("seed.csv"))});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("2 label changes")));
    QCOMPARE(runBoucle({QStringLiteral("commit"), project, QStringLiteral("-m"),
                        QStringLiteral("seed"), QStringLiteral("--author"), QStringLiteral("ann")})
                     .exitCode,
             0);
    QCOMPARE(runBoucle({QStringLiteral("import-labels"), project,
                        dir.filePath(QStringLiteral("fix.jsonl")), QStringLiteral("--author"),
                        QStringLiteral("bob")})
                     .exitCode,
             0);
    run = runBoucle({QStringLiteral("commit"), project, QStringLiteral("-m"),
                     QStringLiteral("fix b"), QStringLiteral("--author"), QStringLiteral("bob")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(QStringLiteral("version 2 ")));

    run = runBoucle(
            {QStringLiteral("log"), project, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    const auto log = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0).toObject().value(QStringLiteral("message")).toString(),
             QStringLiteral("fix b"));
    QCOMPARE(log.at(1).toObject().value(QStringLiteral("author")).toString(),
             QStringLiteral("ann"));

    run = runBoucle({QStringLiteral("diff"), project, QStringLiteral("1"), QStringLiteral("2"),
                     QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(run.exitCode, 0);
    const auto lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), QStringLiteral("sample,old,new,author,time,reason,objects"));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("img/b.png,dog,cat,bob,")));

    const QString first = dir.filePath(QStringLiteral("v1.csv"));
    const QString second = dir.filePath(QStringLiteral("v1-again.csv"));
    QCOMPARE(runBoucle({QStringLiteral("export"), project, QStringLiteral("--version"),
                        QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("csv"),
                        QStringLiteral("--out"), first})
                     .exitCode,
             0);
    QCOMPARE(runBoucle({QStringLiteral("export"), project, QStringLiteral("--version"),
                        QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("csv"),
                        QStringLiteral("--out"), second})
                     .exitCode,
             0);
    QCOMPARE(readFile(first), QByteArray("sample,label\nimg/a.png,cat\nimg/b.png,dog\n"));
    QCOMPARE(readFile(second), readFile(first));

    run = runBoucle({QStringLiteral("verify"), project});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(QStringLiteral("intact")));
}

void TestCommandLine::badLabelFileNamesLinesAndChangesNothing()
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.boucle"));
    QCOMPARE(runBoucle({QStringLiteral("init"), project}).exitCode, 0);
    writeFile(
            dir.filePath(QStringLiteral("bad.csv")),
            "sample,label\nok.png,cat\n,dog\nx.png,\n/etc/passwd,cat\n../out.png,cat\nok.png,dog\n"
            "\"open,cat\n");
    const auto run = runBoucle(
            {QStringLiteral("import-labels"), project, dir.filePath(QStringLiteral("bad.csv"))});
    QCOMPARE(run.exitCode, 1);
    for (const char *expected :
         {"bad.csv:3: field 'sample': empty", "bad.csv:4: field 'label': empty",
          "bad.csv:5: field 'sample'", "bad.csv:6: field 'sample'", "bad.csv:7: field 'label'",
          "bad.csv:8:", "nothing was imported"})
        QVERIFY2(run.err.contains(QLatin1String(expected)), qPrintable(run.err));
    const auto log = runBoucle({QStringLiteral("log"), project});
    QVERIFY(log.out.contains(QStringLiteral("no versions yet")));
    QVERIFY(!log.out.contains(QStringLiteral("uncommitted")));
}

void TestCommandLine::errorsAreClear_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing project")
            << QStringList {QStringLiteral("log"), QStringLiteral("@DIR@/none.boucle")} << 1
            << QStringLiteral("does not exist");
    QTest::newRow("not a project")
            << QStringList {QStringLiteral("log"), QStringLiteral("@DIR@/notes.txt")} << 1
            << QStringLiteral("not a Boucle project");
    QTest::newRow("unknown version")
            << QStringList {QStringLiteral("diff"), QStringLiteral("@DIR@/p.boucle"),
                            QStringLiteral("0"), QStringLiteral("7")}
            << 1 << QStringLiteral("there is no version '7'");
    QTest::newRow("commit without message")
            << QStringList {QStringLiteral("commit"), QStringLiteral("@DIR@/p.boucle")} << 2
            << QStringLiteral("message is required");
    QTest::newRow("nothing to commit")
            << QStringList {QStringLiteral("commit"), QStringLiteral("@DIR@/p.boucle"),
                            QStringLiteral("-m"), QStringLiteral("x")}
            << 1 << QStringLiteral("nothing to commit");
    QTest::newRow("unknown option")
            << QStringList {QStringLiteral("log"), QStringLiteral("@DIR@/p.boucle"),
                            QStringLiteral("--colour")}
            << 2 << QStringLiteral("unknown option --colour");
    QTest::newRow("init over existing")
            << QStringList {QStringLiteral("init"), QStringLiteral("@DIR@/p.boucle")} << 1
            << QStringLiteral("already exists");
    QTest::newRow("export bad format")
            << QStringList {QStringLiteral("export"),   QStringLiteral("@DIR@/p.boucle"),
                            QStringLiteral("--format"), QStringLiteral("xml"),
                            QStringLiteral("--out"),    QStringLiteral("@DIR@/x")}
            << 2 << QStringLiteral("--format must be one of: jsonl, csv, coco");
    QTest::newRow("flag size not a number")
            << QStringList {QStringLiteral("flag"),   QStringLiteral("@DIR@/p.boucle"),
                            QStringLiteral("--name"), QStringLiteral("b"),
                            QStringLiteral("--size"), QStringLiteral("ten")}
            << 2 << QStringLiteral("--size expects a whole number from 1, not 'ten'");
    QTest::newRow("suspects with one fold")
            << QStringList {QStringLiteral("suspects"), QStringLiteral("@DIR@/p.boucle"),
                            QStringLiteral("--folds"), QStringLiteral("1")}
            << 2 << QStringLiteral("--folds expects a whole number from 2, not '1'");
    QTest::newRow("report with too many bins")
            << QStringList {QStringLiteral("report"), QStringLiteral("@DIR@/p.boucle"),
                            QStringLiteral("--out"),  QStringLiteral("@DIR@/r"),
                            QStringLiteral("--bins"), QStringLiteral("101")}
            << 2 << QStringLiteral("--bins expects a whole number from 1 to 100, not '101'");
}

void TestCommandLine::errorsAreClear()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("notes.txt")), "hello");
    QCOMPARE(runBoucle({QStringLiteral("init"), dir.filePath(QStringLiteral("p.boucle"))}).exitCode,
             0);
    for (auto &argument : arguments)
        argument.replace(QStringLiteral("@DIR@"), dir.path());
    const auto run = runBoucle(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCommandLine::concurrentWritersLoseNothing()
{
    // Two processes each import ten label files and commit after each; every label must end in a
    // version, and the chains must verify.
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.boucle"));
    QCOMPARE(runBoucle({QStringLiteral("init"), project}).exitCode, 0);
    const int rounds = 10;
    for (int writer = 0; writer < 2; ++writer) {
        for (int round = 0; round < rounds; ++round) {
            QByteArray csv("sample,label\n");
            for (int i = 0; i < 20; ++i)
                csv += QStringLiteral("w%1/r%2/%3.png,c%4\n")
                               .arg(writer)
                               .arg(round)
                               .arg(i)
                               .arg(i % 3)
                               .toUtf8();
            writeFile(dir.filePath(QStringLiteral("w%1-r%2.csv").arg(writer).arg(round)), csv);
        }
    }
    const QString script = QStringLiteral("for r in $(seq 0 %1); do \"$B\" import-labels \"$P\" "
                                          "\"$D/w$W-r$r.csv\" --author w$W >/dev/null"
                                          " || exit 11; \"$B\" commit \"$P\" -m \"w$W r$r\" "
                                          "--author w$W >/dev/null 2>\"$D/err-$W-$r\";"
                                          " c=$?; if [ $c -ne 0 ] && ! grep -q 'nothing to commit' "
                                          "\"$D/err-$W-$r\"; then exit 12; fi; done")
                                   .arg(rounds - 1);
    QList<QProcess *> writers;
    for (int writer = 0; writer < 2; ++writer) {
        auto *process = new QProcess(this);
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("B"), boucleBinary());
        environment.insert(QStringLiteral("P"), project);
        environment.insert(QStringLiteral("D"), dir.path());
        environment.insert(QStringLiteral("W"), QString::number(writer));
        process->setProcessEnvironment(environment);
        process->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script});
        writers.append(process);
    }
    for (auto *process : writers) {
        QVERIFY(process->waitForFinished(240000));
        QCOMPARE(process->exitCode(), 0);
    }
    // Whatever one writer committed for the other is in a version; commit the rest, if any.
    runBoucle({QStringLiteral("commit"), project, QStringLiteral("-m"), QStringLiteral("rest")});
    const QString exported = dir.filePath(QStringLiteral("all.csv"));
    QCOMPARE(runBoucle({QStringLiteral("export"), project, QStringLiteral("--format"),
                        QStringLiteral("csv"), QStringLiteral("--out"), exported})
                     .exitCode,
             0);
    const auto rows = readFile(exported).split('\n');
    QCOMPARE(rows.count(QByteArray()), 1); // the final newline
    QCOMPARE(rows.size() - 2, 2 * rounds * 20);
    const auto verify = runBoucle({QStringLiteral("verify"), project});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.err));
}

// `export --out` naming the project file, its WAL, a symlink or a hard link to it is refused:
// the project stays whole and verifies.
void TestCommandLine::exportNeverOverwritesTheProject_data()
{
    QTest::addColumn<QString>("out");
    QTest::newRow("the project") << QStringLiteral("p.boucle");
    QTest::newRow("its WAL") << QStringLiteral("p.boucle-wal");
    QTest::newRow("a symlink to it") << QStringLiteral("link.jsonl");
    QTest::newRow("a hard link to it") << QStringLiteral("hard.jsonl");
    QTest::newRow("through a dotted path") << QStringLiteral("img/../p.boucle");
}

void TestCommandLine::exportNeverOverwritesTheProject()
{
    QFETCH(QString, out);
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.boucle"));
    QCOMPARE(runBoucle({QStringLiteral("init"), project}).exitCode, 0);
    writeFile(dir.filePath(QStringLiteral("img/a.png")), "a");
    writeFile(dir.filePath(QStringLiteral("seed.csv")), "sample,label\nimg/a.png,cat\n");
    QCOMPARE(runBoucle({QStringLiteral("import-labels"), project,
                        dir.filePath(QStringLiteral("seed.csv"))})
                     .exitCode,
             0);
    QCOMPARE(runBoucle({QStringLiteral("commit"), project, QStringLiteral("-m"),
                        QStringLiteral("seed"), QStringLiteral("--author"), QStringLiteral("ann")})
                     .exitCode,
             0);
    QVERIFY(QFile::link(project, dir.filePath(QStringLiteral("link.jsonl"))));
    QCOMPARE(::link(QFile::encodeName(project).constData(),
                    QFile::encodeName(dir.filePath(QStringLiteral("hard.jsonl"))).constData()),
             0);
    const QByteArray before = readFile(project);

    const auto run = runBoucle(
            {QStringLiteral("export"), project, QStringLiteral("--out"), dir.filePath(out)});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("project file itself")), qPrintable(run.err));
    QCOMPARE(readFile(project), before);
    const auto verified = runBoucle({QStringLiteral("verify"), project});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("link.jsonl"))).isSymLink());
}

// The project's own file is never read as a label file, a log or a sample: besides being
// nonsense, opening and closing it would drop the process's SQLite locks.
void TestCommandLine::inputsNeverReadTheProjectFile()
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.boucle"));
    QCOMPARE(runBoucle({QStringLiteral("init"), project}).exitCode, 0);
    auto run = runBoucle({QStringLiteral("import-labels"), project, project});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("project file itself")), qPrintable(run.err));
    run = runBoucle({QStringLiteral("import"), project, project});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("project file itself")), qPrintable(run.err));

    writeFile(dir.filePath(QStringLiteral("log.jsonl")),
              "{\"sample\":\"p.boucle\",\"model\":\"m@1\",\"label\":\"cat\","
              "\"confidence\":0.5}\n");
    run = runBoucle({QStringLiteral("import"), project, dir.filePath(QStringLiteral("log.jsonl"))});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("project's own database file")), qPrintable(run.err));
    writeFile(dir.filePath(QStringLiteral("labels.csv")), "sample,label\np.boucle,cat\n");
    run = runBoucle(
            {QStringLiteral("import-labels"), project, dir.filePath(QStringLiteral("labels.csv"))});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("project's own database file")), qPrintable(run.err));
    const auto verified = runBoucle({QStringLiteral("verify"), project});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
}

// A project whose labels cannot be read (here the revisions table is gone, as in a damaged
// copy): export and diff say so and exit non-zero; export writes no file, in any format.
void TestCommandLine::unreadableLabelsFailAndWriteNothing_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("jsonl") << QStringLiteral("jsonl");
    QTest::newRow("csv") << QStringLiteral("csv");
    QTest::newRow("coco") << QStringLiteral("coco");
}

void TestCommandLine::unreadableLabelsFailAndWriteNothing()
{
    QFETCH(QString, format);
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.boucle"));
    QCOMPARE(runBoucle({QStringLiteral("init"), project}).exitCode, 0);
    writeFile(dir.filePath(QStringLiteral("img/a.png")), "a");
    writeFile(dir.filePath(QStringLiteral("seed.csv")), "sample,label\nimg/a.png,cat\n");
    QCOMPARE(runBoucle({QStringLiteral("import-labels"), project,
                        dir.filePath(QStringLiteral("seed.csv"))})
                     .exitCode,
             0);
    QCOMPARE(runBoucle({QStringLiteral("commit"), project, QStringLiteral("-m"),
                        QStringLiteral("seed"), QStringLiteral("--author"), QStringLiteral("ann")})
                     .exitCode,
             0);
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("damage"));
        db.setDatabaseName(project);
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("DROP TABLE label_revisions")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("damage"));

    const QString out = dir.filePath(QStringLiteral("out.") + format);
    const auto run = runBoucle({QStringLiteral("export"), project, QStringLiteral("--format"),
                                format, QStringLiteral("--out"), out});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("label_revisions")), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(out));
    QVERIFY2(QDir(dir.path()).entryList({QStringLiteral("out*")}).isEmpty(),
             qPrintable(QDir(dir.path()).entryList().join(QLatin1Char(' '))));

    const auto diff = runBoucle(
            {QStringLiteral("diff"), project, QStringLiteral("0"), QStringLiteral("1")});
    QCOMPARE(diff.exitCode, 1);
    QVERIFY2(diff.err.contains(QStringLiteral("label_revisions")), qPrintable(diff.err));
    QVERIFY(!diff.out.contains(QStringLiteral("samples changed")));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
