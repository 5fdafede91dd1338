// ThumbnailLoader on its own: every requested sample gets its thumbnail once, scaled into the box;
// a file that cannot be decoded gets the "tried and failed" image rather than a spinner forever;
// clear() drops what was decoded for an older generation; the loader can be destroyed with
// decodes still queued or running.
#include "queue/thumbnailloader.h"

#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Boucle;

class TestThumbnailLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void everyRequestedSampleGetsItsThumbnailOnce();
    void anUndecodableFileGetsTheFailedImage();
    void clearDropsDecodesOfTheOlderGeneration();
    void isDestroyedWithDecodesInFlight();

private:
    QString imagePath(int index) const;

    QTemporaryDir m_dir;
    static constexpr int imageCount = 60; // under the loader's queue bound, so none is dropped
};

void TestThumbnailLoader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (int index = 0; index < imageCount; ++index) {
        QImage image(40 + index, 20, QImage::Format_RGB32);
        image.fill(QColor::fromHsv(index * 6 % 360, 200, 200));
        QVERIFY(image.save(imagePath(index), "PNG"));
    }
}

QString TestThumbnailLoader::imagePath(int index) const
{
    return m_dir.filePath(QStringLiteral("sample-%1.png").arg(index));
}

void TestThumbnailLoader::everyRequestedSampleGetsItsThumbnailOnce()
{
    ThumbnailLoader loader(QSize(16, 16));
    QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
    for (int round = 0; round < 5; ++round) {
        ready.clear();
        loader.clear();
        for (int index = 0; index < imageCount; ++index)
            QVERIFY(loader.thumbnail(SampleId(index + 1), imagePath(index)).isNull());
        loader.waitForDone();

        QCOMPARE(ready.size(), imageCount);
        QSet<SampleId> seen;
        for (const QList<QVariant> &arguments : ready)
            seen.insert(arguments.at(0).value<SampleId>());
        QCOMPARE(seen.size(), imageCount);
        for (int index = 0; index < imageCount; ++index) {
            const QImage thumbnail = loader.thumbnail(SampleId(index + 1), imagePath(index));
            QVERIFY2(!thumbnail.isNull(), qPrintable(imagePath(index)));
            QCOMPARE(thumbnail.width(), 16); // wider than tall: the width fills the box
            QVERIFY(thumbnail.height() <= 16);
        }
        QCOMPARE(ready.size(), imageCount); // served from the cache, nothing decoded again
    }
}

void TestThumbnailLoader::anUndecodableFileGetsTheFailedImage()
{
    const QString broken = m_dir.filePath(QStringLiteral("broken.png"));
    {
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not an image at all");
    }
    ThumbnailLoader loader(QSize(16, 16));
    QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
    QVERIFY(loader.thumbnail(SampleId(7), broken).isNull());
    QVERIFY(loader.thumbnail(SampleId(8), m_dir.filePath(QStringLiteral("missing.png"))).isNull());
    loader.waitForDone();
    QCOMPARE(ready.size(), 2);
    for (const SampleId id : {SampleId(7), SampleId(8)}) {
        const QImage failed = loader.thumbnail(id, broken);
        QCOMPARE(failed.size(), QSize(1, 1));
        QCOMPARE(qAlpha(failed.pixel(0, 0)), 0);
    }
}

void TestThumbnailLoader::clearDropsDecodesOfTheOlderGeneration()
{
    ThumbnailLoader loader(QSize(16, 16));
    QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
    for (int index = 0; index < imageCount; ++index)
        loader.thumbnail(SampleId(index + 1), imagePath(index));
    loader.clear(); // decodes already running finish, but for a generation nobody wants
    loader.waitForDone();
    QCOMPARE(ready.size(), 0);
    QVERIFY(loader.thumbnail(SampleId(1), imagePath(0)).isNull()); // asked for again
    loader.waitForDone();
    QCOMPARE(ready.size(), 1);
    QVERIFY(!loader.thumbnail(SampleId(1), imagePath(0)).isNull());
}

void TestThumbnailLoader::isDestroyedWithDecodesInFlight()
{
    std::unique_ptr<QSignalSpy> ready;
    {
        ThumbnailLoader loader(QSize(16, 16));
        ready = std::make_unique<QSignalSpy>(&loader, &ThumbnailLoader::thumbnailReady);
        for (int index = 0; index < imageCount; ++index)
            loader.thumbnail(SampleId(index + 1), imagePath(index));
    }
    // Results that were on their way are discarded with the loader, not delivered to it.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCOMPARE(ready->size(), 0);
}

QTEST_MAIN(TestThumbnailLoader)
#include "tst_thumbnailloader.moc"
