// SamplePrefetcher: the samples around the one on screen are ready before they are asked for,
// stale work is dropped, and the cache stays within its bound.
#include "exiforientation.h"
#include "hostilefiles.h"
#include "imaging/sampleprefetcher.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace Boucle;

class tst_SamplePrefetcher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void preparesTheWindow();
    void missingFilesGiveMessages();
    void staleRequestsAreCancelled();
    void cacheStaysBounded();
    void colourMapChangeRecolours();
    void hostileSamplesMoveTheQueueOn();
    void pipeSampleNeverBlocksDestruction();
    void heatmapFollowsTheDisplayedOrientation();

private:
    SampleRequest request(SampleId id, bool withHeatmap = true) const;
    QTemporaryDir m_dir;
};

void tst_SamplePrefetcher::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (int id = 1; id <= 8; ++id) {
        QImage image(600, 400, QImage::Format_RGB32);
        image.fill(qRgb(id * 20, 100, 200 - id * 20));
        QVERIFY(image.save(m_dir.filePath(QStringLiteral("%1.png").arg(id))));
    }
    // A 4 x 4 uint8 heatmap.
    QByteArray npy("\x93NUMPY\x01\x00", 8);
    QByteArray header("{'descr': '|u1', 'fortran_order': False, 'shape': (4, 4), }");
    while ((10 + header.size() + 1) % 64 != 0)
        header.append(' ');
    header.append('\n');
    npy.append(char(header.size() & 0xff));
    npy.append(char(header.size() >> 8));
    npy.append(header);
    for (int i = 0; i < 16; ++i)
        npy.append(char(i * 16));
    QFile file(m_dir.filePath(QStringLiteral("heat.npy")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(npy);
}

SampleRequest tst_SamplePrefetcher::request(SampleId id, bool withHeatmap) const
{
    return SampleRequest {id, m_dir.filePath(QStringLiteral("%1.png").arg(id)),
                          withHeatmap ? m_dir.filePath(QStringLiteral("heat.npy")) : QString()};
}

void tst_SamplePrefetcher::preparesTheWindow()
{
    SamplePrefetcher prefetcher;
    QSignalSpy ready(&prefetcher, &SamplePrefetcher::sampleReady);
    prefetcher.setWindow(request(1), {request(2), request(3)}, {});
    prefetcher.waitForDone();
    QCOMPARE(ready.count(), 3);
    for (SampleId id : {1, 2, 3}) {
        const auto sample = prefetcher.sample(id);
        QVERIFY(sample);
        QVERIFY2(sample->image.isValid(), qPrintable(sample->image.error));
        QCOMPARE(sample->image.size, QSize(600, 400));
        QVERIFY2(sample->heatmap.field.isValid(), qPrintable(sample->heatmap.field.error));
        QCOMPARE(sample->heatmap.sampleSize, QSize(600, 400));
        QVERIFY(!sample->heatmap.levels.last().isNull());
    }
    QVERIFY(!prefetcher.sample(4));

    // Moving on by one: 2 and 3 are already there, only 4 is new.
    ready.clear();
    prefetcher.setWindow(request(2), {request(3), request(4)}, {request(1)});
    prefetcher.waitForDone();
    QCOMPARE(ready.count(), 1);
    QCOMPARE(ready.first().first().value<SampleId>(), SampleId(4));
    QVERIFY(prefetcher.sample(1));
}

void tst_SamplePrefetcher::missingFilesGiveMessages()
{
    SamplePrefetcher prefetcher;
    SampleRequest missing {42, m_dir.filePath(QStringLiteral("gone.jpg")),
                           m_dir.filePath(QStringLiteral("gone.npy"))};
    prefetcher.setWindow(missing);
    prefetcher.waitForDone();
    const auto sample = prefetcher.sample(42);
    QVERIFY(sample);
    QVERIFY(!sample->image.isValid());
    QVERIFY(sample->image.error.contains(QLatin1String("gone.jpg")));

    // An image without its heatmap still shows; the heatmap says why it is missing.
    SampleRequest noHeatmap {43, request(1).imagePath, m_dir.filePath(QStringLiteral("gone.npy"))};
    prefetcher.setWindow(noHeatmap);
    prefetcher.waitForDone();
    const auto partial = prefetcher.sample(43);
    QVERIFY(partial && partial->image.isValid());
    QVERIFY(partial->heatmap.isNull());
    QVERIFY(partial->heatmap.field.error.contains(QLatin1String("gone.npy")));
}

void tst_SamplePrefetcher::staleRequestsAreCancelled()
{
    SamplePrefetcher prefetcher;
    prefetcher.setThreadCount(1);
    QSignalSpy ready(&prefetcher, &SamplePrefetcher::sampleReady);
    // The reviewer jumps away before the far neighbours could be prepared: with one worker, at
    // most the first request has started, the others are dropped unstarted.
    prefetcher.setWindow(request(1), {request(2), request(3), request(4), request(5)});
    prefetcher.setWindow(request(8));
    QVERIFY(!prefetcher.isPending(5));
    prefetcher.waitForDone();
    QVERIFY(prefetcher.sample(8));
    QVERIFY(!prefetcher.sample(5));
    QVERIFY(!prefetcher.sample(4));
    for (const QList<QVariant> &arguments : std::as_const(ready))
        QVERIFY(arguments.first().value<SampleId>() == 8
                || arguments.first().value<SampleId>() == 1);
}

void tst_SamplePrefetcher::cacheStaysBounded()
{
    SamplePrefetcher prefetcher;
    // One 600 x 400 sample without heatmap: about 0.96 MB for its levels plus 0.33 MB of halves.
    const qint64 oneSample
            = prepareSample(request(1, false), ColourMap::Viridis, false).byteCount();
    prefetcher.setCacheLimit(oneSample * 3);
    for (SampleId id = 1; id <= 6; ++id) {
        prefetcher.setWindow(request(id, false), {request(id + 1, false)}, {});
        prefetcher.waitForDone();
        QVERIFY(prefetcher.cachedBytes() <= prefetcher.cacheLimit());
        // What is on screen and the next one are never the ones evicted.
        QVERIFY(prefetcher.sample(id));
        QVERIFY(prefetcher.sample(id + 1));
    }
    QCOMPARE(prefetcher.cachedCount(), 3);
    QVERIFY(!prefetcher.sample(1));
}

void tst_SamplePrefetcher::colourMapChangeRecolours()
{
    SamplePrefetcher prefetcher;
    prefetcher.setWindow(request(1), {request(2)});
    prefetcher.waitForDone();
    const QRgb before = prefetcher.sample(1)->heatmap.levels.last().pixel(5, 5);
    QSignalSpy ready(&prefetcher, &SamplePrefetcher::sampleReady);
    prefetcher.setColourMap(ColourMap::Jet);
    prefetcher.waitForDone();
    QCOMPARE(ready.count(), 2);
    const auto sample = prefetcher.sample(1);
    QCOMPARE(sample->heatmap.colourMap, ColourMap::Jet);
    QVERIFY(sample->heatmap.levels.last().pixel(5, 5) != before);
    // The decoded image is shared, not decoded again.
    QVERIFY(sample->image.levels.first().constBits() != nullptr);
}

// A window full of hostile samples: each is delivered as a sample with a message (so the view
// shows a placeholder and the reviewer moves on), none holds decoded pixels.
void tst_SamplePrefetcher::hostileSamplesMoveTheQueueOn()
{
    const QString png16 = m_dir.filePath(QStringLiteral("scan16k.png"));
    const QString tiff = m_dir.filePath(QStringLiteral("image.png"));
    const QString jpeg = m_dir.filePath(QStringLiteral("claims.jpg"));
    const QString npy = m_dir.filePath(QStringLiteral("sparse.npy"));
    const QString zero = m_dir.filePath(QStringLiteral("zero.npy"));
    QVERIFY(Testing::writeZeroPng(png16, QSize(16384, 16384), 1, 16));
    QVERIFY(Testing::writeZeroTiff(tiff, QSize(25000, 25000)));
    QVERIFY(Testing::writeJpegClaiming(jpeg, QSize(20000, 20000)));
    QVERIFY(Testing::writeSparseNpy(npy, 16384, 16384));
    QVERIFY(QFile::link(QStringLiteral("/dev/zero"), zero));

    SamplePrefetcher prefetcher;
    QSignalSpy ready(&prefetcher, &SamplePrefetcher::sampleReady);
    const QList<SampleRequest> next {{102, tiff, npy},
                                     {103, jpeg, {}},
                                     {104, request(1).imagePath, npy},
                                     {105, request(2).imagePath, zero}};
    prefetcher.setWindow({101, png16, npy}, next, {});
    prefetcher.waitForDone();
    QCOMPARE(ready.count(), 5);
    const QStringList imageReasons {QStringLiteral("16384 x 16384 pixels"),
                                    QStringLiteral("image.png is 25000 x 25000 pixels"),
                                    QStringLiteral("20000 x 20000 pixels")};
    for (int i = 0; i < 3; ++i) {
        const auto sample = prefetcher.sample(SampleId(101 + i));
        QVERIFY(sample);
        QVERIFY(!sample->image.isValid());
        QVERIFY2(sample->image.error.contains(imageReasons[i]), qPrintable(sample->image.error));
        QVERIFY(sample->heatmap.levels.isEmpty());
        QVERIFY(sample->byteCount() < 1024 * 1024);
    }
    // A good image with a hostile heatmap shows the image, and says why the heatmap is not shown.
    const auto good = prefetcher.sample(104);
    QVERIFY(good);
    QVERIFY2(good->image.isValid(), qPrintable(good->image.error));
    QVERIFY(good->heatmap.levels.isEmpty());
    QVERIFY2(good->heatmap.field.error.contains(QLatin1String("16384 x 16384 values")),
             qPrintable(good->heatmap.field.error));
    const auto zeroHeatmap = prefetcher.sample(105);
    QVERIFY(zeroHeatmap);
    QVERIFY(zeroHeatmap->image.isValid());
    QVERIFY2(zeroHeatmap->heatmap.field.error.contains(QLatin1String("character device")),
             qPrintable(zeroHeatmap->heatmap.field.error));
}

// A sample that became a named pipe after import: the prefetcher reports it and can be
// destroyed at once; no worker ever opens the pipe (the watchdog would have had to release it).
void tst_SamplePrefetcher::pipeSampleNeverBlocksDestruction()
{
    const QString pipe = m_dir.filePath(QStringLiteral("pipe.png"));
    const QString pipeHeatmap = m_dir.filePath(QStringLiteral("pipe.npy"));
    QVERIFY(Testing::makeFifo(pipe));
    QVERIFY(Testing::makeFifo(pipeHeatmap));
    Testing::FifoWatchdog imageWatchdog(pipe);
    Testing::FifoWatchdog heatmapWatchdog(pipeHeatmap);
    {
        auto prefetcher = std::make_unique<SamplePrefetcher>();
        QSignalSpy ready(prefetcher.get(), &SamplePrefetcher::sampleReady);
        prefetcher->setWindow({201, pipe, {}}, {{202, request(2).imagePath, pipeHeatmap}}, {});
        prefetcher->waitForDone();
        QCOMPARE(ready.count(), 2);
        const auto sample = prefetcher->sample(201);
        QVERIFY(sample);
        QVERIFY2(sample->image.error.contains(QLatin1String("named pipe (FIFO)")),
                 qPrintable(sample->image.error));
        QVERIFY2(prefetcher->sample(202)->heatmap.field.error.contains(
                         QLatin1String("named pipe (FIFO)")),
                 qPrintable(prefetcher->sample(202)->heatmap.field.error));
        // Work still queued when the window goes: destruction cancels it.
        prefetcher->setWindow({203, pipe, pipeHeatmap}, {{204, pipe, pipeHeatmap}}, {});
        prefetcher.reset();
    }
    QVERIFY(!imageWatchdog.readerSeen());
    QVERIFY(!heatmapWatchdog.readerSeen());
}

// A phone photo stored 300 x 200 with EXIF orientation 6 shows as 200 x 300; its heatmap, made
// for the displayed image, is laid on it at that size (it was sized to the stored pixels and then
// refused as "prepared for another image size").
void tst_SamplePrefetcher::heatmapFollowsTheDisplayedOrientation()
{
    QImage stored(300, 200, QImage::Format_RGB32);
    stored.fill(Qt::darkGreen);
    const QString photo = m_dir.filePath(QStringLiteral("turned.jpg"));
    {
        QFile file(photo);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(Testing::jpegWithOrientation(stored, 6));
    }
    QImage field(200, 300, QImage::Format_Grayscale8);
    field.fill(128);
    const QString heatmap = m_dir.filePath(QStringLiteral("turned-heat.png"));
    QVERIFY(field.save(heatmap));

    const PreparedSample prepared = prepareSample({7, photo, heatmap}, ColourMap::Viridis, false);
    QVERIFY2(prepared.image.isValid(), qPrintable(prepared.image.error));
    QCOMPARE(prepared.image.size, QSize(200, 300));
    QVERIFY2(!prepared.heatmap.isNull(), qPrintable(prepared.heatmap.field.error));
    QCOMPARE(prepared.heatmap.sampleSize, QSize(200, 300));
}

QTEST_GUILESS_MAIN(tst_SamplePrefetcher)
#include "tst_sampleprefetcher.moc"
