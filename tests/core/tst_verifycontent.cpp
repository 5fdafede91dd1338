// `boucle verify --content` as a script sees it: every sample file read now, the changed and the
// missing ones named with what differs, a non-zero exit code for them, and what it saw recorded.
#include "boucleprocess.h"
#include "store/projectstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

class TestVerifyContent : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void unchangedFilesPass();
    void changedAndMissingFilesAreNamed();
    void eachRunRecordsWhatItSaw();

private:
    void write(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir->filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
    }
    BoucleRun boucle(const QStringList &arguments) { return runBoucle(arguments, m_dir->path()); }
    QByteArray contentOf(int i) const { return QByteArray(2000 + 100 * i, char('a' + i)); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestVerifyContent::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QCOMPARE(boucle({QStringLiteral("init"), QStringLiteral("p.boucle")}).exitCode, 0);
    QByteArray log = "{\"classes\": [\"cat\", \"dog\"]}\n";
    for (int i = 0; i < 4; ++i) {
        write(QStringLiteral("s%1.npy").arg(i), contentOf(i));
        log += "{\"sample\": \"s" + QByteArray::number(i)
               + ".npy\", \"model\": \"net@1\", \"label\": \"cat\", \"confidence\": 0.5}\n";
    }
    // A sample that was never there: known as missing since import, not a failure.
    log += "{\"sample\": \"never.npy\", \"model\": \"net@1\", \"label\": \"cat\", "
           "\"confidence\": 0.5}\n";
    write(QStringLiteral("log.jsonl"), log);
    const auto run = boucle(
            {QStringLiteral("import"), QStringLiteral("p.boucle"), QStringLiteral("log.jsonl")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
}

void TestVerifyContent::unchangedFilesPass()
{
    const auto run = boucle(
            {QStringLiteral("verify"), QStringLiteral("p.boucle"), QStringLiteral("--content")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    QVERIFY2(run.out.contains(QLatin1String("intact:")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("content: 5 sample files, 4 read, 4 unchanged, 0 "
                                            "changed, missing or unreadable, 1 missing since "
                                            "import")),
             qPrintable(run.out));
}

void TestVerifyContent::changedAndMissingFilesAreNamed()
{
    write(QStringLiteral("s1.npy"), QByteArray(98, 'z'));
    QVERIFY(QFile::remove(m_dir->filePath(QStringLiteral("s2.npy"))));
    const auto run = boucle(
            {QStringLiteral("verify"), QStringLiteral("p.boucle"), QStringLiteral("--content")});
    QCOMPARE(run.exitCode, 3);
    const QLocale locale;
    // No hash was taken at import: the size tells.
    QVERIFY2(run.out.contains(
                     QStringLiteral("s1.npy: changed since it was imported: size %1 → %2 "
                                    "bytes, modified ")
                             .arg(locale.toString(contentOf(1).size()), locale.toString(98))),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("s2.npy: missing (it was there before)")),
             qPrintable(run.out));
    QVERIFY(!run.out.contains(QLatin1String("s0.npy")));
    QVERIFY(!run.out.contains(QLatin1String("s3.npy")));
    QVERIFY(!run.out.contains(QLatin1String("never.npy")));
    QVERIFY2(run.err.contains(QLatin1String("2 sample files changed, went missing or cannot be "
                                            "read")),
             qPrintable(run.err));
}

void TestVerifyContent::eachRunRecordsWhatItSaw()
{
    QCOMPARE(boucle({QStringLiteral("verify"), QStringLiteral("p.boucle"),
                     QStringLiteral("--content")})
                     .exitCode,
             0);
    {
        ProjectStore store;
        QVERIFY(!store.open(m_dir->filePath(QStringLiteral("p.boucle")),
                            ProjectStore::OpenMode::ReadOnly));
        const auto sample = store.sampleByPath(QStringLiteral("s3.npy"));
        QVERIFY(sample);
        const auto seen = store.contentObservations(sample->id);
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.constLast().source, ContentObservation::Source::Verify);
        QCOMPARE(seen.constLast().byteSize, contentOf(3).size());
        QCOMPARE(store.knownContentHash(sample->id),
                 QCryptographicHash::hash(contentOf(3), QCryptographicHash::Sha256).toHex());
    }
    // Same size, new content, after the first check: the hash tells.
    QFile file(m_dir->filePath(QStringLiteral("s3.npy")));
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(10));
    QCOMPARE(file.write("!"), 1);
    file.close();
    const auto run = boucle(
            {QStringLiteral("verify"), QStringLiteral("p.boucle"), QStringLiteral("--content")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.out.contains(QLatin1String("s3.npy: changed since it was")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("content differs")), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestVerifyContent)
#include "tst_verifycontent.moc"
