// Importing existing ground truth (import-labels): hostile label files are refused by line and
// field, the file rule holds for the samples they name, and nothing is stored by a refused file.
#include "dataset/labelimporter.h"
#include "store/projectstore.h"
#include "temporaryproject.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <sys/stat.h>

using namespace Boucle;
using Boucle::Testing::TemporaryProject;

class tst_LabelImporter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TemporaryProject> m_project;

    LabelImporter::Result importLabels(const QString &name)
    {
        LabelImporter importer(m_project->store());
        return importer.importFile(m_project->filePath(name), QStringLiteral("ana"));
    }

private slots:
    void init()
    {
        m_project = std::make_unique<TemporaryProject>();
        QVERIFY(m_project->isValid());
        QVERIFY(m_project->writeFile(QStringLiteral("images/a.png"), "first file"));
        QVERIFY(m_project->writeFile(QStringLiteral("images/b.png"), "second file"));
    }

    void importsGoodRows()
    {
        QVERIFY(m_project->writeFile(QStringLiteral("labels.csv"),
                                     "sample,label\nimages/a.png,cat\nimages/b.png,dog\n"));
        const auto result = importLabels(QStringLiteral("labels.csv"));
        QVERIFY2(!result.error, qPrintable(result.error.message));
        QCOMPARE(result.rows, 2);
        QCOMPARE(result.newSamples, 2);
        QCOMPARE(result.missingSamples, 0);
    }

    void refusesBadRows_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");

        QTest::newRow("NUL inside a path")
                << "nul.jsonl"
                << QByteArray("{\"sample\": \"images/a.png\\u0000.txt\", \"label\": \"cat\"}\n")
                << "nul.jsonl:1: field 'sample': 'images/a.png\\u0000.txt': the path contains a "
                   "NUL character";
        QTest::newRow("dot") << "dot.csv" << QByteArray(".,cat\n")
                             << "dot.csv:1: field 'sample': '.': the path names a folder";
        QTest::newRow("folder") << "folder.csv" << QByteArray("images,cat\n")
                                << "folder.csv:1: field 'sample': 'images' is a folder, not a "
                                   "regular file";
        QTest::newRow("folder with a slash")
                << "slash.csv" << QByteArray("images/,cat\n")
                << "slash.csv:1: field 'sample': 'images/': the path names a folder";
        QTest::newRow("label over the cap")
                << "long.csv"
                << "images/a.png," + QByteArray(5000, 'x') + "\n"
                << "long.csv:1: field 'label': a class name of 5000 bytes is longer than the "
                   "limit of 4096 bytes";
        QTest::newRow("line over the cap")
                << "huge.csv"
                << "images/a.png," + QByteArray(3 << 20, 'x') + "\nimages/b.png,c\n"
                << "huge.csv:1: field '-': the line is longer than 1024 KiB; it was not read";
        QTest::newRow("label with a line break")
                << "break.jsonl"
                << QByteArray("{\"sample\": \"images/a.png\", \"label\": \"\\n\"}\n")
                << "break.jsonl:1: field 'label': a class name is blank";
        QTest::newRow("link to /etc/passwd")
                << "passwd.csv" << QByteArray("images/passwd,cat\n")
                << "passwd.csv:1: field 'sample': 'images/passwd' leads to /etc/passwd, outside "
                   "the data root";
        QTest::newRow("FIFO") << "fifo.csv" << QByteArray("images/fifo,cat\n")
                              << "fifo.csv:1: field 'sample': 'images/fifo' is a FIFO (named "
                                 "pipe), not a regular file";
    }

    void refusesBadRows()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"),
                            m_project->filePath(QStringLiteral("images/passwd"))));
        QCOMPARE(::mkfifo(QFile::encodeName(m_project->filePath(QStringLiteral("images/fifo")))
                                  .constData(),
                          0600),
                 0);
        QVERIFY(m_project->writeFile(name, content));
        const auto result = importLabels(name);
        QVERIFY2(result.error, "the bad file was accepted");
        QVERIFY2(result.problems.join(u'\n').contains(expected),
                 qPrintable(result.problems.join(u'\n')));
        QCOMPARE(m_project->store().sampleCount(), 0);
    }

    void refusesALabelFileThatIsNotARegularFile()
    {
        const QString fifo = m_project->filePath(QStringLiteral("labels.csv"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        auto result = importLabels(QStringLiteral("labels.csv"));
        QVERIFY(result.error);
        QVERIFY2(result.error.message.contains(QStringLiteral("is a FIFO (named pipe)")),
                 qPrintable(result.error.message));
        LabelImporter importer(m_project->store());
        result = importer.importFile(QStringLiteral("/dev/urandom"), QStringLiteral("ana"));
        QVERIFY(result.error);
        QVERIFY2(result.error.message.contains(QStringLiteral("a device, not a regular file")),
                 qPrintable(result.error.message));
    }

    void namesTheEncoding_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("encoding");
        QTest::newRow("UTF-32") << QByteArray("\xFF\xFE\0\0s\0\0\0", 8) << "UTF-32";
        QTest::newRow("UTF-16") << QByteArray("\xFF\xFEs\0", 4) << "UTF-16";
    }

    void namesTheEncoding()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, encoding);
        QVERIFY(m_project->writeFile(QStringLiteral("wide.csv"), content));
        const auto result = importLabels(QStringLiteral("wide.csv"));
        QVERIFY(result.error);
        QVERIFY2(result.error.message.contains(
                         QStringLiteral("the file is %1; save it as UTF-8").arg(encoding)),
                 qPrintable(result.error.message));
    }
};

QTEST_GUILESS_MAIN(tst_LabelImporter)
#include "tst_labelimporter.moc"
