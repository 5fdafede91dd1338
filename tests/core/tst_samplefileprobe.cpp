// What import records of a sample file: a stat (size, modification time) and, for an image, its
// header; never its content. The data root's refusals hold, and probes on several threads at once
// agree with one at a time.
#include "hostilefiles.h"
#include "ingest/datarootfile.h"
#include "ingest/samplecontenthasher.h"
#include "ingest/samplefileprobe.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>

#include <QTest>
#include <QtConcurrent/QtConcurrentMap>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <numeric>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

qint64 modifiedNsOf(const QString &path)
{
    return QFileInfo(path).lastModified().toMSecsSinceEpoch() * 1000000;
}

bool writePng(const QString &path, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    return image.save(path, "PNG");
}

} // namespace

class TestSampleFileProbe : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void imageIsStatAndHeader();
    void hugeSparseImageIsProbedFromItsHeaderAlone();
    void probingLeavesTheAccessTime();
    void otherKindsAreAStat();
    void missingFileIsMarkedMissing();
    void refusals_data();
    void refusals();
    void probesOnManyThreadsAgree();
    void folderReplacedByALinkIsRefusedByTheNextDataRoot();
    void twoDataRootsKeepTheirOwnFolders();
    void projectFilesAreRefusedByNameAndByIdentity();
    void kindFollowsTheSuffix_data();
    void kindFollowsTheSuffix();
    void headersOfCommonFormats_data();
    void headersOfCommonFormats();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString root() const { return m_dir->path(); }
    QString file(const QString &name) const { return m_dir->filePath(name); }
};

void TestSampleFileProbe::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSampleFileProbe::imageIsStatAndHeader()
{
    QVERIFY(writePng(file(QStringLiteral("a.png")), QSize(37, 21)));
    SampleRecord sample;
    sample.sha256 = "left over";
    QString refusal;
    QVERIFY(SampleFileProbe::inspect(DataRootFile(root()), QStringLiteral("a.png"), sample,
                                     &refusal));
    QCOMPARE(sample.kind, QStringLiteral("image"));
    QVERIFY(!sample.missing);
    QCOMPARE(sample.width, 37);
    QCOMPARE(sample.height, 21);
    QCOMPARE(sample.byteSize, QFileInfo(file(QStringLiteral("a.png"))).size());
    // Milliseconds from QFileInfo; the probe keeps nanoseconds.
    QCOMPARE(sample.modifiedNs / 1000000, modifiedNsOf(file(QStringLiteral("a.png"))) / 1000000);
    QVERIFY(sample.sha256.isEmpty()); // the content is hashed later, not at import
}

void TestSampleFileProbe::hugeSparseImageIsProbedFromItsHeaderAlone()
{
    // A real PNG header followed by a 3 GiB hole: a probe that read the file would take
    // minutes and then see a broken image; the header alone gives its size.
    const QString path = file(QStringLiteral("huge.png"));
    QVERIFY(writePng(path, QSize(640, 480)));
    const qint64 size = qint64(3) << 30;
    {
        QFile grown(path);
        QVERIFY(grown.resize(size));
    }
    SampleRecord sample;
    QString refusal;
    QVERIFY2(SampleFileProbe::inspect(DataRootFile(root()), QStringLiteral("huge.png"), sample,
                                      &refusal),
             qPrintable(refusal));
    QVERIFY(!sample.missing);
    QCOMPARE(sample.byteSize, size);
    QCOMPARE(sample.width, 640);
    QCOMPARE(sample.height, 480);
    QVERIFY(sample.sha256.isEmpty());
}

// Under `relatime` a read of a file whose access time is older than its modification time
// writes the access time: a million probes would dirty a million inodes. The probe reads the
// header without touching it (the test process owns the file, so O_NOATIME is allowed).
void TestSampleFileProbe::probingLeavesTheAccessTime()
{
    const QString path = file(QStringLiteral("seen.png"));
    QVERIFY(writePng(path, QSize(8, 8)));
    const QByteArray native = QFile::encodeName(path);
    auto setAccessTimeBeforeModification = [&native] {
        const timespec times[2] = {{1000000000, 0}, {UTIME_OMIT, UTIME_OMIT}};
        return ::utimensat(AT_FDCWD, native.constData(), times, 0) == 0;
    };
    auto accessTime = [&native] {
        struct stat status
        { };
        return ::stat(native.constData(), &status) == 0 ? qint64(status.st_atim.tv_sec) : -1;
    };

    // Whether this file system writes access times on read at all (not under `noatime`).
    QVERIFY(setAccessTimeBeforeModification());
    {
        QFile plain(path);
        QVERIFY(plain.open(QIODevice::ReadOnly));
        QVERIFY(!plain.read(16).isEmpty());
    }
    if (accessTime() == 1000000000)
        QSKIP("this file system does not write access times on read");

    QVERIFY(setAccessTimeBeforeModification());
    SampleRecord sample;
    QString refusal;
    QVERIFY2(SampleFileProbe::inspect(DataRootFile(root()), QStringLiteral("seen.png"), sample,
                                      &refusal),
             qPrintable(refusal));
    QCOMPARE(sample.width, 8); // the header was read
    QCOMPARE(accessTime(), qint64(1000000000));
}

void TestSampleFileProbe::otherKindsAreAStat()
{
    QVERIFY(writeSparseNpy(file(QStringLiteral("features.npy")), 1 << 16, 1 << 12)); // 1 GiB
    SampleRecord sample;
    QString refusal;
    QVERIFY(SampleFileProbe::inspect(DataRootFile(root()), QStringLiteral("features.npy"), sample,
                                     &refusal));
    QCOMPARE(sample.kind, QStringLiteral("features"));
    QVERIFY(!sample.missing);
    QCOMPARE(sample.byteSize, QFileInfo(file(QStringLiteral("features.npy"))).size());
    QVERIFY(sample.modifiedNs > 0);
    QCOMPARE(sample.width, 0);
    QVERIFY(sample.sha256.isEmpty());
}

void TestSampleFileProbe::missingFileIsMarkedMissing()
{
    SampleRecord sample;
    QString refusal;
    QVERIFY(SampleFileProbe::inspect(DataRootFile(root()), QStringLiteral("gone.png"), sample,
                                     &refusal));
    QVERIFY(sample.missing);
    QCOMPARE(sample.byteSize, 0);
    QCOMPARE(sample.modifiedNs, 0);
    QVERIFY(refusal.isEmpty());
}

void TestSampleFileProbe::refusals_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("link leaving the data root")
            << QStringLiteral("outside.png") << QStringLiteral("outside the data root");
    QTest::newRow("named pipe") << QStringLiteral("pipe.png") << QStringLiteral("FIFO");
    QTest::newRow("folder") << QStringLiteral("folder.png") << QStringLiteral("a folder");
    QTest::newRow("over the size cap") << QStringLiteral("big.npy") << QStringLiteral("limited");
}

void TestSampleFileProbe::refusals()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QTemporaryDir elsewhere;
    QVERIFY(writePng(elsewhere.filePath(QStringLiteral("x.png")), QSize(4, 4)));
    const QString data = file(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(data));
    QVERIFY(QFile::link(elsewhere.filePath(QStringLiteral("x.png")),
                        data + QStringLiteral("/outside.png")));
    QVERIFY(makeFifo(data + QStringLiteral("/pipe.png")));
    QVERIFY(QDir().mkpath(data + QStringLiteral("/folder.png")));
    {
        QFile big(data + QStringLiteral("/big.npy"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(DataRootFile::maxFileBytes + 1));
    }
    FifoWatchdog watchdog(data + QStringLiteral("/pipe.png"));
    SampleRecord sample;
    QString refusal;
    QVERIFY(!SampleFileProbe::inspect(DataRootFile(data), name, sample, &refusal));
    QVERIFY2(refusal.contains(expected), qPrintable(refusal));
    QVERIFY(refusal.contains(name));
    QVERIFY(!watchdog.readerSeen());
}

void TestSampleFileProbe::probesOnManyThreadsAgree()
{
    QStringList names;
    for (int i = 0; i < 120; ++i) {
        const QString name
                = QStringLiteral("s%1.%2").arg(i).arg(QLatin1String(i % 3 == 0 ? "npy" : "png"));
        if (i % 3 == 0) {
            QFile plain(file(name));
            QVERIFY(plain.open(QIODevice::WriteOnly));
            plain.write(QByteArray(100 + i, 'x'));
        } else if (i % 7 != 0) {
            QVERIFY(writePng(file(name), QSize(10 + i, 5 + i)));
        } // else: missing
        names.append(name);
    }
    const DataRootFile dataRoot(root());
    auto probe = [&dataRoot](const QString &name) {
        SampleRecord sample;
        QString refusal;
        const bool accepted = SampleFileProbe::inspect(dataRoot, name, sample, &refusal);
        return QStringLiteral("%1 %2 %3 %4x%5 %6 %7")
                .arg(name, sample.kind)
                .arg(sample.byteSize)
                .arg(sample.width)
                .arg(sample.height)
                .arg(sample.missing)
                .arg(accepted);
    };
    QStringList serial;
    for (const auto &name : std::as_const(names))
        serial.append(probe(name));
    QThreadPool pool;
    pool.setMaxThreadCount(8);
    const QStringList parallel = QtConcurrent::blockingMapped<QStringList>(&pool, names, probe);
    QCOMPARE(parallel, serial);
    QVERIFY(serial.at(1).contains(QLatin1String(" 11x6 ")));
    QVERIFY(serial.at(7).endsWith(QLatin1String(" 1 1"))); // missing, accepted
}

// DataRootFile resolves each folder once and keeps it: a folder swapped for a link to outside
// the data root after a file in it was checked is refused by the next DataRootFile (the next
// import), and a link inside a resolved folder is still followed and checked.
void TestSampleFileProbe::folderReplacedByALinkIsRefusedByTheNextDataRoot()
{
    const QString data = file(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(data + QStringLiteral("/a")));
    QVERIFY(writePng(data + QStringLiteral("/a/x.png"), QSize(3, 2)));
    QVERIFY(writePng(data + QStringLiteral("/a/y.png"), QSize(5, 4)));
    {
        const DataRootFile first(data);
        QCOMPARE(first.check(QStringLiteral("a/x.png")).status, DataRootFile::Status::Regular);
    }
    QTemporaryDir elsewhere;
    QVERIFY(elsewhere.isValid());
    const QString moved = elsewhere.filePath(QStringLiteral("a"));
    QVERIFY(QDir().rename(data + QStringLiteral("/a"), moved));
    QVERIFY(QFile::link(moved, data + QStringLiteral("/a")));

    const DataRootFile next(data);
    const auto checked = next.check(QStringLiteral("a/y.png"));
    QCOMPARE(checked.status, DataRootFile::Status::Refused);
    QVERIFY2(checked.reason.contains(QStringLiteral("outside the data root")),
             qPrintable(checked.reason));
    SampleRecord sample;
    QString refusal;
    QVERIFY(!SampleFileProbe::inspect(next, QStringLiteral("a/x.png"), sample, &refusal));
    QVERIFY2(refusal.contains(QStringLiteral("outside the data root")), qPrintable(refusal));

    // A link to a file inside the root, in a folder already resolved, is followed.
    QVERIFY(QDir().mkpath(data + QStringLiteral("/b")));
    QVERIFY(writePng(data + QStringLiteral("/b/z.png"), QSize(6, 1)));
    QCOMPARE(next.check(QStringLiteral("b/z.png")).status, DataRootFile::Status::Regular);
    QVERIFY(QFile::link(data + QStringLiteral("/b/z.png"), data + QStringLiteral("/b/alias.png")));
    QVERIFY(QFile::link(moved + QStringLiteral("/x.png"), data + QStringLiteral("/b/out.png")));
    QVERIFY(SampleFileProbe::inspect(next, QStringLiteral("b/alias.png"), sample, &refusal));
    QCOMPARE(sample.width, 6);
    QCOMPARE(next.check(QStringLiteral("b/out.png")).status, DataRootFile::Status::Refused);
    // A missing folder and a missing file are missing.
    QCOMPARE(next.check(QStringLiteral("nowhere/q.png")).status, DataRootFile::Status::Missing);
    QCOMPARE(next.check(QStringLiteral("b/q.png")).status, DataRootFile::Status::Missing);
}

// Two data roots alive at once, with folders of the same name, each find their own files, on
// one thread (whose last folder is remembered) and on several.
void TestSampleFileProbe::twoDataRootsKeepTheirOwnFolders()
{
    const QString left = file(QStringLiteral("left"));
    const QString right = file(QStringLiteral("right"));
    QVERIFY(QDir().mkpath(left + QStringLiteral("/img")));
    QVERIFY(QDir().mkpath(right + QStringLiteral("/img")));
    QVERIFY(writePng(left + QStringLiteral("/img/only-left.png"), QSize(3, 2)));
    QVERIFY(writePng(right + QStringLiteral("/img/only-right.png"), QSize(5, 4)));
    const DataRootFile leftRoot(left);
    const DataRootFile rightRoot(right);
    for (int round = 0; round < 3; ++round) {
        QCOMPARE(leftRoot.check(QStringLiteral("img/only-left.png")).status,
                 DataRootFile::Status::Regular);
        QCOMPARE(rightRoot.check(QStringLiteral("img/only-left.png")).status,
                 DataRootFile::Status::Missing);
        QCOMPARE(rightRoot.check(QStringLiteral("img/only-right.png")).status,
                 DataRootFile::Status::Regular);
        QCOMPARE(leftRoot.check(QStringLiteral("img/only-right.png")).status,
                 DataRootFile::Status::Missing);
    }
    QList<int> rounds(64);
    std::iota(rounds.begin(), rounds.end(), 0);
    const QList<int> widths = QtConcurrent::blockingMapped(rounds, [&](int round) {
        SampleRecord sample;
        QString refusal;
        const bool onLeft = round % 2 == 0;
        const DataRootFile &root = onLeft ? leftRoot : rightRoot;
        const QString path = onLeft ? QStringLiteral("img/only-left.png")
                                    : QStringLiteral("img/only-right.png");
        return SampleFileProbe::inspect(root, path, sample, &refusal) && !sample.missing
                       ? sample.width
                       : -1;
    });
    for (int round = 0; round < widths.size(); ++round)
        QCOMPARE(widths.at(round), round % 2 == 0 ? 3 : 5);
}

// The project's files are never opened as samples (closing a descriptor of one would drop the
// process's SQLite locks): by name, also for one that appears after the data root was set up
// (a WAL made later), and by identity, through a hard link of another name.
void TestSampleFileProbe::projectFilesAreRefusedByNameAndByIdentity()
{
    const QString data = file(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(data + QStringLiteral("/img")));
    const QString project = data + QStringLiteral("/img/shot.png");
    QVERIFY(writePng(file(QStringLiteral("linked.png")), QSize(2, 2)));
    const DataRootFile root(data, project); // before the project's files exist
    QVERIFY(writePng(project, QSize(6, 5)));
    QVERIFY(writePng(project + QStringLiteral("-wal"), QSize(6, 5)));
    for (const QString &name :
         {QStringLiteral("img/shot.png"), QStringLiteral("img/shot.png-wal")}) {
        SampleRecord sample;
        QString refusal;
        QVERIFY2(!SampleFileProbe::inspect(root, name, sample, &refusal), qPrintable(name));
        QVERIFY2(refusal.contains(QStringLiteral("project's own database file")),
                 qPrintable(refusal));
        QVERIFY2(refusal.contains(name), qPrintable(refusal));
    }
    // Known by identity once it exists: a hard link under another name, image or not.
    const DataRootFile later(data, project);
    QVERIFY(::link(QFile::encodeName(project).constData(),
                   QFile::encodeName(data + QStringLiteral("/img/copy.png")).constData())
            == 0);
    QVERIFY(::link(QFile::encodeName(project).constData(),
                   QFile::encodeName(data + QStringLiteral("/copy.txt")).constData())
            == 0);
    for (const QString &name : {QStringLiteral("img/copy.png"), QStringLiteral("copy.txt")}) {
        SampleRecord sample;
        QString refusal;
        QVERIFY2(!SampleFileProbe::inspect(later, name, sample, &refusal), qPrintable(name));
        QVERIFY2(refusal.contains(QStringLiteral("project's own database file")),
                 qPrintable(refusal));
    }
    // A neighbour whose name only starts or ends like the project's is a sample like any other.
    QVERIFY(writePng(data + QStringLiteral("/img/shot.png.png"), QSize(3, 3)));
    QVERIFY(writePng(data + QStringLiteral("/img/hot.png"), QSize(3, 3)));
    for (const QString &name :
         {QStringLiteral("img/shot.png.png"), QStringLiteral("img/hot.png")}) {
        SampleRecord sample;
        QString refusal;
        QVERIFY2(SampleFileProbe::inspect(root, name, sample, &refusal), qPrintable(refusal));
        QCOMPARE(sample.width, 3);
    }
}

// A sample's kind is told by the suffix of its file's name, in any case, as QFileInfo tells it.
void TestSampleFileProbe::kindFollowsTheSuffix_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("kind");
    QTest::newRow("png") << QStringLiteral("img/a.png") << QStringLiteral("image");
    QTest::newRow("PDF") << QStringLiteral("docs/report.PDF") << QStringLiteral("pdf");
    QTest::newRow("Md") << QStringLiteral("notes.Md") << QStringLiteral("text");
    QTest::newRow("json") << QStringLiteral("a/b/c.json") << QStringLiteral("text");
    QTest::newRow("two suffixes") << QStringLiteral("x.tar.CSV") << QStringLiteral("features");
    QTest::newRow("npy") << QStringLiteral("f.npy") << QStringLiteral("features");
    QTest::newRow("parquet") << QStringLiteral("t.parquet") << QStringLiteral("features");
    QTest::newRow("a folder's suffix") << QStringLiteral("dir.pdf/scan") << QStringLiteral("image");
    QTest::newRow("no suffix") << QStringLiteral("scan") << QStringLiteral("image");
    QTest::newRow("hidden") << QStringLiteral("a/.pdf") << QStringLiteral("pdf");
    QTest::newRow("ends with a dot") << QStringLiteral("a.pdf.") << QStringLiteral("image");
}

void TestSampleFileProbe::kindFollowsTheSuffix()
{
    QFETCH(QString, path);
    QFETCH(QString, kind);
    QCOMPARE(SampleFileProbe::kindForPath(path), kind);
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool image = suffix != QLatin1String("pdf") && suffix != QLatin1String("txt")
                       && suffix != QLatin1String("md") && suffix != QLatin1String("json")
                       && suffix != QLatin1String("html") && suffix != QLatin1String("npy")
                       && suffix != QLatin1String("csv") && suffix != QLatin1String("parquet");
    QCOMPARE(kind == QLatin1String("image"), image);
}

// The header read at import gives the size QImageReader gives, format by format.
void TestSampleFileProbe::headersOfCommonFormats_data()
{
    QTest::addColumn<QByteArray>("format");
    QTest::newRow("PNG") << QByteArray("PNG");
    QTest::newRow("JPEG") << QByteArray("JPEG");
    QTest::newRow("JPEG with a long comment before its frame") << QByteArray("JPEG-comment");
    QTest::newRow("BMP") << QByteArray("BMP");
    QTest::newRow("GIF") << QByteArray("GIF");
    QTest::newRow("PPM") << QByteArray("PPM");
}

void TestSampleFileProbe::headersOfCommonFormats()
{
    QFETCH(QByteArray, format);
    QImage image(53, 29, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    if (format == "JPEG-comment") {
        image.setText(QStringLiteral("note"), QString(9000, QLatin1Char('x')));
        format = "JPEG";
    }
    const QString name = QStringLiteral("img.") + QString::fromLatin1(format.toLower());
    if (!image.save(file(name), format.constData()))
        QSKIP("this Qt cannot write the format");
    SampleRecord sample;
    QString refusal;
    QVERIFY(SampleFileProbe::inspect(DataRootFile(root()), name, sample, &refusal));
    QCOMPARE(sample.width, 53);
    QCOMPARE(sample.height, 29);
}

QTEST_GUILESS_MAIN(TestSampleFileProbe)
#include "tst_samplefileprobe.moc"
