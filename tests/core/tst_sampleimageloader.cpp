// Decoding samples for display: EXIF orientation, 16-bit grey with window/level, colour, and a
// message naming the file and the reason when a sample cannot be shown.
#include "exiforientation.h"
#include "hostilefiles.h"
#include "imaging/imagelimits.h"
#include "imaging/sampleimageloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace Boucle;
using namespace Boucle::Testing;
using Decoder = SampleImageLoader::Decoder;

Q_DECLARE_METATYPE(SampleImageLoader::Decoder)

namespace {

// Left half red, right half blue, 40 x 20.
QImage halvesImage()
{
    QImage image(40, 20, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, x < 20 ? qRgb(220, 20, 20) : qRgb(20, 20, 220));
    return image;
}

// Four quadrants of distinct colours, 40 x 20: any mirror or turn moves them differently.
QImage quadrantsImage()
{
    QImage image(40, 20, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y,
                           y < 10 ? (x < 20 ? qRgb(230, 20, 20) : qRgb(20, 230, 20))
                                  : (x < 20 ? qRgb(20, 20, 230) : qRgb(230, 230, 20)));
    return image;
}

bool sameColour(QRgb a, QRgb b)
{
    return std::abs(qRed(a) - qRed(b)) < 60 && std::abs(qGreen(a) - qGreen(b)) < 60
           && std::abs(qBlue(a) - qBlue(b)) < 60;
}

bool isRed(QRgb pixel)
{
    return qRed(pixel) > 150 && qBlue(pixel) < 100;
}

bool isBlue(QRgb pixel)
{
    return qBlue(pixel) > 150 && qRed(pixel) < 100;
}

} // namespace

class tst_SampleImageLoader : public QObject
{
    Q_OBJECT

private slots:
    void exifOrientation_data();
    void exifOrientation();
    void orientationLeftToThePainter_data();
    void orientationLeftToThePainter();
    void grey16PngRoundTrip_data();
    void grey16PngRoundTrip();
    void colourAndAlpha();
    void levels();
    void unreadable_data();
    void unreadable();
    void hostileFiles_data();
    void hostileFiles();
    void neverOpensAPipe();
    void legitimateLargeImagesOpen();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
};

QString tst_SampleImageLoader::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return path;
}

void tst_SampleImageLoader::exifOrientation_data()
{
    QTest::addColumn<Decoder>("decoder");
    QTest::addColumn<int>("orientation");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("layout"); // where red is once the orientation is applied

    for (Decoder decoder : {Decoder::Qt, Decoder::OpenCv}) {
        const char *name = decoder == Decoder::Qt ? "qt" : "opencv";
        QTest::addRow("%s, 1 (as stored)", name) << decoder << 1 << QSize(40, 20) << "left";
        QTest::addRow("%s, 2 (mirrored)", name) << decoder << 2 << QSize(40, 20) << "right";
        QTest::addRow("%s, 3 (180°)", name) << decoder << 3 << QSize(40, 20) << "right";
        QTest::addRow("%s, 6 (90° clockwise)", name) << decoder << 6 << QSize(20, 40) << "top";
        QTest::addRow("%s, 8 (90° anticlockwise)", name)
                << decoder << 8 << QSize(20, 40) << "bottom";
    }
}

void tst_SampleImageLoader::exifOrientation()
{
    QFETCH(Decoder, decoder);
    QFETCH(int, orientation);
    QFETCH(QSize, size);
    QFETCH(QString, layout);

    const QByteArray jpeg = jpegWithOrientation(halvesImage(), quint16(orientation));
    QVERIFY(!jpeg.isEmpty());
    const QString path = write(QStringLiteral("oriented%1.jpg").arg(orientation), jpeg);

    QString error;
    const QImage image = SampleImageLoader::decode(path, decoder, &error);
    QVERIFY2(!image.isNull(), qPrintable(error));
    QCOMPARE(image.size(), size);
    const QRgb topLeft = image.pixel(2, 2);
    const QRgb bottomRight = image.pixel(image.width() - 3, image.height() - 3);
    if (layout == QLatin1String("left") || layout == QLatin1String("top")) {
        QVERIFY(isRed(topLeft));
        QVERIFY(isBlue(bottomRight));
    } else {
        QVERIFY(isBlue(topLeft));
        QVERIFY(isRed(bottomRight));
    }
}

void tst_SampleImageLoader::orientationLeftToThePainter_data()
{
    QTest::addColumn<int>("orientation");
    for (int orientation = 1; orientation <= 8; ++orientation)
        QTest::addRow("EXIF %d", orientation) << orientation;
}

// load() keeps the pixels as stored and hands the turn to the painter; painting level 0 through
// that transform must give exactly what Qt's own auto-transform gives, for all eight EXIF cases.
void tst_SampleImageLoader::orientationLeftToThePainter()
{
    QFETCH(int, orientation);
    const QByteArray jpeg = jpegWithOrientation(quadrantsImage(), quint16(orientation));
    QVERIFY(!jpeg.isEmpty());
    const QString path = write(QStringLiteral("quadrants%1.jpg").arg(orientation), jpeg);

    QString error;
    const QImage upright = SampleImageLoader::decode(path, Decoder::Qt, &error);
    QVERIFY2(!upright.isNull(), qPrintable(error));
    SampleImageLoader::Options options;
    options.decoder = Decoder::Qt;
    const DecodedImage loaded = SampleImageLoader::load(path, options);
    QVERIFY2(loaded.isValid(), qPrintable(loaded.error));
    QCOMPARE(loaded.storedSize, QSize(40, 20));
    QCOMPARE(loaded.levels.first().size(), QSize(40, 20));
    QCOMPARE(loaded.size, upright.size());
    QCOMPARE(loaded.orientation.isIdentity(), orientation == 1);

    QImage painted(loaded.size, QImage::Format_RGB32);
    painted.fill(Qt::black);
    QPainter painter(&painted);
    painter.setTransform(loaded.orientation);
    painter.drawImage(QPointF(0, 0), loaded.levels.first());
    painter.end();
    // Sample the middle of each quadrant of the upright image.
    for (const QPointF &at :
         {QPointF(0.25, 0.25), QPointF(0.75, 0.25), QPointF(0.25, 0.75), QPointF(0.75, 0.75)}) {
        const QPoint pixel(int(at.x() * upright.width()), int(at.y() * upright.height()));
        QVERIFY2(sameColour(painted.pixel(pixel), upright.pixel(pixel)),
                 qPrintable(QStringLiteral("at %1,%2: painted %3, Qt's upright %4")
                                    .arg(pixel.x())
                                    .arg(pixel.y())
                                    .arg(painted.pixel(pixel), 8, 16)
                                    .arg(upright.pixel(pixel), 8, 16)));
    }
}

void tst_SampleImageLoader::grey16PngRoundTrip_data()
{
    QTest::addColumn<QString>("writer");
    QTest::newRow("written by Qt") << QStringLiteral("qt");
    QTest::newRow("written by OpenCV") << QStringLiteral("opencv");
}

void tst_SampleImageLoader::grey16PngRoundTrip()
{
    QFETCH(QString, writer);
    // A low-contrast 16-bit scan: values 30000..30253, invisible when shifted to 8 bits.
    const int width = 64;
    const int height = 32;
    QImage source(width, height, QImage::Format_Grayscale16);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<quint16 *>(source.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = quint16(30000 + (x * 4 + y / 16) % 256);
    }
    const QString path = m_dir.filePath(QStringLiteral("scan-%1.png").arg(writer));
    if (writer == QLatin1String("qt")) {
        QVERIFY(source.save(path));
    } else {
        cv::Mat mat(height, width, CV_16UC1, source.bits(), size_t(source.bytesPerLine()));
        QVERIFY(cv::imwrite(path.toStdString(), mat));
    }

    const DecodedImage decoded = SampleImageLoader::load(path);
    QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
    QVERIFY(decoded.hasWindowLevel());
    const QImage &raw = decoded.grey16Levels.first();
    QCOMPARE(raw.size(), QSize(width, height));
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            QCOMPARE(reinterpret_cast<const quint16 *>(raw.constScanLine(y))[x],
                     reinterpret_cast<const quint16 *>(source.constScanLine(y))[x]);
    QCOMPARE(decoded.statistics.minimum, quint16(30000));
    QCOMPARE(decoded.statistics.maximum, quint16(30253));
    // The automatic window spreads those 256 raw values over the whole grey scale.
    const QImage &shown = decoded.levels.first();
    QCOMPARE(shown.format(), QImage::Format_RGB32);
    int darkest = 255;
    int brightest = 0;
    for (int x = 0; x < width; ++x) {
        darkest = std::min(darkest, qGray(shown.pixel(x, 0)));
        brightest = std::max(brightest, qGray(shown.pixel(x, 0)));
    }
    QVERIFY2(darkest < 10 && brightest > 245,
             qPrintable(QStringLiteral("%1..%2").arg(darkest).arg(brightest)));
}

void tst_SampleImageLoader::colourAndAlpha()
{
    QImage translucent(8, 8, QImage::Format_ARGB32);
    translucent.fill(qRgba(0, 200, 0, 128));
    const QString png = m_dir.filePath(QStringLiteral("translucent.png"));
    QVERIFY(translucent.save(png));
    for (Decoder decoder : {Decoder::Qt, Decoder::OpenCv}) {
        QString error;
        const QImage image = SampleImageLoader::decode(png, decoder, &error);
        QVERIFY2(!image.isNull(), qPrintable(error));
        QCOMPARE(image.format(), QImage::Format_ARGB32_Premultiplied);
        QCOMPARE(image.pixelColor(3, 3).alpha(), 128);
        QVERIFY(qAbs(image.pixelColor(3, 3).green() - 200) <= 2);
    }
    QImage grey(8, 8, QImage::Format_Grayscale8);
    grey.fill(77);
    const QString greyPath = m_dir.filePath(QStringLiteral("grey.png"));
    QVERIFY(grey.save(greyPath));
    const DecodedImage decoded = SampleImageLoader::load(greyPath);
    QVERIFY(decoded.isValid());
    QVERIFY(!decoded.hasWindowLevel());
    QCOMPARE(decoded.levels.first().pixel(1, 1), qRgb(77, 77, 77));
}

void tst_SampleImageLoader::levels()
{
    QImage image(1000, 300, QImage::Format_RGB32);
    image.fill(qRgb(10, 120, 230));
    const QString path = m_dir.filePath(QStringLiteral("wide.png"));
    QVERIFY(image.save(path));
    const DecodedImage decoded = SampleImageLoader::load(path);
    QVERIFY(decoded.isValid());
    QCOMPARE(decoded.size, QSize(1000, 300));
    QCOMPARE(decoded.levels.size(), 3); // 1000, 500, 250
    QCOMPARE(decoded.levels[2].size(), QSize(250, 75));
    QCOMPARE(decoded.levels[2].pixel(100, 40), qRgb(10, 120, 230));
}

void tst_SampleImageLoader::unreadable_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");

    QTest::newRow("missing") << "missing.jpg" << QByteArray() << "does not exist";
    QTest::newRow("empty") << "empty.png" << QByteArray("") << "empty";
    QTest::newRow("text named .jpg")
            << "notes.jpg" << QByteArray("these are notes, not pixels") << "Cannot show";
    QTest::newRow("random bytes") << "noise.tif" << QByteArray(3000, '\x5a') << "Cannot show";
    QTest::newRow("JPEG header only")
            << "cut.jpg"
            << QByteArray("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01", 18)
            << "Cannot show";
}

void tst_SampleImageLoader::unreadable()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    QString path = m_dir.filePath(name);
    if (name != QLatin1String("missing.jpg"))
        path = write(name, content);
    for (Decoder decoder : {Decoder::Auto, Decoder::Qt, Decoder::OpenCv}) {
        SampleImageLoader::Options options;
        options.decoder = decoder;
        const DecodedImage decoded = SampleImageLoader::load(path, options);
        QVERIFY(!decoded.isValid());
        QVERIFY2(decoded.error.contains(name), qPrintable(decoded.error));
        QVERIFY2(decoded.error.contains(reason), qPrintable(decoded.error));
    }
}

// Small files whose headers claim huge images, and paths that are not regular files: each is
// refused with a message that says what is wrong, and nothing is decoded for it.
void tst_SampleImageLoader::hostileFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("reasons");

    const QString megapixels = QStringLiteral("Boucle opens images up to 128 megapixels");
    QTest::newRow("16-bit grey PNG, 16384 x 16384")
            << "scan16k.png"
            << "png16" << QStringList {QStringLiteral("16384 x 16384 pixels"), megapixels};
    QTest::newRow("TIFF named .png, 25000 x 25000")
            << "image.png"
            << "tiff"
            << QStringList {QStringLiteral("image.png is 25000 x 25000 pixels"), megapixels};
    QTest::newRow("RGB PNG, 22000 x 22000")
            << "rgb22k.png"
            << "rgb" << QStringList {QStringLiteral("22000 x 22000 pixels"), megapixels};
    QTest::newRow("JPEG claiming 20000 x 20000")
            << "claims.jpg"
            << "jpeg" << QStringList {QStringLiteral("20000 x 20000 pixels"), megapixels};
    QTest::newRow("16-bit colour PNG, 8000 x 7500 (480 MB decoded)")
            << "colour16.png"
            << "rgb16"
            << QStringList {QStringLiteral("8000 x 7500 pixels of 8 bytes"),
                            QStringLiteral("Boucle decodes images up to")};
    QTest::newRow("symbolic link to /dev/zero")
            << "zero.png"
            << "devzero" << QStringList {QStringLiteral("character device, not a regular file")};
    QTest::newRow("folder named .png") << "folder.png"
                                       << "folder" << QStringList {QStringLiteral("folder")};
}

void tst_SampleImageLoader::hostileFiles()
{
    QFETCH(QString, name);
    QFETCH(QString, kind);
    QFETCH(QStringList, reasons);
    const QString path = m_dir.filePath(name);
    if (kind == QLatin1String("png16"))
        QVERIFY(writeZeroPng(path, QSize(16384, 16384), 1, 16));
    else if (kind == QLatin1String("tiff"))
        QVERIFY(writeZeroTiff(path, QSize(25000, 25000)));
    else if (kind == QLatin1String("rgb"))
        QVERIFY(writeZeroPng(path, QSize(22000, 22000), 3, 8));
    else if (kind == QLatin1String("rgb16"))
        QVERIFY(writeZeroPng(path, QSize(8000, 7500), 3, 16));
    else if (kind == QLatin1String("jpeg"))
        QVERIFY(writeJpegClaiming(path, QSize(20000, 20000)));
    else if (kind == QLatin1String("devzero"))
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), path));
    else if (kind == QLatin1String("folder"))
        QVERIFY(QDir().mkpath(path));
    // Small on disk: what makes them hostile is what they claim.
    QVERIFY(QFileInfo(path).isDir() || QFileInfo(path).size() < 16 * 1024 * 1024);

    for (Decoder decoder : {Decoder::Auto, Decoder::Qt, Decoder::OpenCv}) {
        SampleImageLoader::Options options;
        options.decoder = decoder;
        const DecodedImage decoded = SampleImageLoader::load(path, options);
        QVERIFY(!decoded.isValid());
        QVERIFY(decoded.levels.isEmpty());
        QVERIFY(decoded.grey16Levels.isEmpty());
        QCOMPARE(decoded.byteCount(), 0);
        QVERIFY2(decoded.error.contains(path), qPrintable(decoded.error));
        for (const QString &reason : std::as_const(reasons))
            QVERIFY2(decoded.error.contains(reason), qPrintable(decoded.error));
    }
    QString error;
    QVERIFY(SampleImageLoader::decodeThumbnail(path, QSize(64, 48), &error).isNull());
    QVERIFY2(error.contains(reasons.first()), qPrintable(error));
}

// A sample that became a named pipe after import: the loader says so without opening it (an
// open for reading would block until someone writes). The watchdog unblocks such a reader, so
// the test fails rather than hangs.
void tst_SampleImageLoader::neverOpensAPipe()
{
    const QString path = m_dir.filePath(QStringLiteral("pipe.png"));
    QVERIFY(makeFifo(path));
    FifoWatchdog watchdog(path);
    for (Decoder decoder : {Decoder::Auto, Decoder::Qt, Decoder::OpenCv}) {
        SampleImageLoader::Options options;
        options.decoder = decoder;
        const DecodedImage decoded = SampleImageLoader::load(path, options);
        QVERIFY(!decoded.isValid());
        QVERIFY2(decoded.error.contains(QLatin1String("pipe.png")), qPrintable(decoded.error));
        QVERIFY2(decoded.error.contains(QLatin1String("named pipe (FIFO), not a regular file")),
                 qPrintable(decoded.error));
    }
    QString error;
    QVERIFY(SampleImageLoader::decodeThumbnail(path, QSize(64, 48), &error).isNull());
    QVERIFY2(error.contains(QLatin1String("named pipe")), qPrintable(error));
    QVERIFY(!watchdog.readerSeen());
}

// The caps leave room for real samples: a 4096 x 4096 16-bit scan decodes with its window;
// 11k x 11k 16-bit scans and 100-megapixel colour photographs are within the limits, a
// 108-megapixel colour photograph (432 MB on screen) is not.
void tst_SampleImageLoader::legitimateLargeImagesOpen()
{
    const QString path = m_dir.filePath(QStringLiteral("scan4k.png"));
    QVERIFY(writeZeroPng(path, QSize(4096, 4096), 1, 16));
    const DecodedImage decoded = SampleImageLoader::load(path);
    QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
    QVERIFY(decoded.hasWindowLevel());
    QCOMPARE(decoded.size, QSize(4096, 4096));

    QCOMPARE(ImageLimits::checkImage(path, QSize(8192, 8192), 2), QString());
    QCOMPARE(ImageLimits::checkImage(path, QSize(11000, 11000), 2), QString());
    QVERIFY(!ImageLimits::checkImage(path, QSize(12000, 12000), 2).isEmpty());
    QCOMPARE(ImageLimits::checkImage(path, QSize(10000, 10000), 4), QString());
    QVERIFY(ImageLimits::checkImage(path, QSize(12000, 9000), 4).contains(QLatin1String("432 MB")));
}

QTEST_GUILESS_MAIN(tst_SampleImageLoader)
#include "tst_sampleimageloader.moc"
