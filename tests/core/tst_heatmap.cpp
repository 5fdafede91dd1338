// Heatmap fields: reading .npy and grey PNG heatmaps and scaling their values to [0, 1].
#include "hostilefiles.h"
#include "imaging/heatmap.h"

#include <QFile>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

class tst_Heatmap : public QObject
{
    Q_OBJECT

private slots:
    void scaling_data();
    void scaling();
    void greyPng_data();
    void greyPng();
    void refusals_data();
    void refusals();
    void hostileHeatmaps_data();
    void hostileHeatmaps();
    void contentDecidesTheFormat();

private:
    QTemporaryDir m_dir;
};

void tst_Heatmap::scaling_data()
{
    QTest::addColumn<QVector<float>>("raw");
    QTest::addColumn<int>("scaling");
    QTest::addColumn<QVector<float>>("expected");

    QTest::newRow("probabilities are kept")
            << QVector<float> {0.1f, 0.2f, 0.3f, 0.4f} << int(HeatmapScaling::Auto)
            << QVector<float> {0.1f, 0.2f, 0.3f, 0.4f};
    QTest::newRow("logits are stretched")
            << QVector<float> {-2.0f, 0.0f, 2.0f, 6.0f} << int(HeatmapScaling::Auto)
            << QVector<float> {0.0f, 0.25f, 0.5f, 1.0f};
    QTest::newRow("min-max stretches probabilities")
            << QVector<float> {0.1f, 0.2f, 0.3f, 0.5f} << int(HeatmapScaling::MinMax)
            << QVector<float> {0.0f, 0.25f, 0.5f, 1.0f};
    QTest::newRow("clamp") << QVector<float> {-1.0f, 0.5f, 1.0f, 3.0f} << int(HeatmapScaling::Clamp)
                           << QVector<float> {0.0f, 0.5f, 1.0f, 1.0f};
    QTest::newRow("flat field") << QVector<float> {7.0f, 7.0f, 7.0f, 7.0f}
                                << int(HeatmapScaling::Auto)
                                << QVector<float> {0.0f, 0.0f, 0.0f, 0.0f};
}

void tst_Heatmap::scaling()
{
    QFETCH(QVector<float>, raw);
    QFETCH(int, scaling);
    QFETCH(QVector<float>, expected);
    const HeatmapField field
            = HeatmapField::fromValues(raw, QSize(2, 2), static_cast<HeatmapScaling>(scaling));
    QVERIFY(field.isValid());
    for (int i = 0; i < expected.size(); ++i)
        QVERIFY2(qAbs(field.values[i] - expected[i]) < 1e-6f,
                 qPrintable(QStringLiteral("%1: %2").arg(i).arg(field.values[i])));
}

void tst_Heatmap::greyPng_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("hot"); // the raw value of the hot pixel
    QTest::addColumn<float>("expected");

    QTest::newRow("8-bit") << int(QImage::Format_Grayscale8) << 51 << 0.2f;
    QTest::newRow("16-bit") << int(QImage::Format_Grayscale16) << 13107 << 0.2f;
}

void tst_Heatmap::greyPng()
{
    QFETCH(int, format);
    QFETCH(int, hot);
    QFETCH(float, expected);
    QImage image(4, 3, static_cast<QImage::Format>(format));
    image.fill(0);
    if (image.format() == QImage::Format_Grayscale16)
        reinterpret_cast<quint16 *>(image.scanLine(1))[2] = quint16(hot);
    else
        image.scanLine(1)[2] = uchar(hot);
    const QString path = m_dir.filePath(QStringLiteral("heat%1.png").arg(format));
    QVERIFY(image.save(path));
    const HeatmapField field = HeatmapField::read(path);
    QVERIFY2(field.isValid(), qPrintable(field.error));
    QCOMPARE(field.size, QSize(4, 3));
    // A PNG holds a fraction of its full scale: 0.2 stays 0.2, it is not stretched to 1.
    QVERIFY(qAbs(field.values[1 * 4 + 2] - expected) < 1e-4f);
    QCOMPARE(field.values[0], 0.0f);
}

void tst_Heatmap::refusals_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");

    QTest::newRow("missing png") << "missing.png" << QByteArray() << "does not exist";
    QTest::newRow("missing npy") << "missing.npy" << QByteArray() << "does not exist";
    QTest::newRow("garbage png") << "garbage.png" << QByteArray("not a png at all")
                                 << "Cannot read";
    QTest::newRow("colour png") << "colour.png" << QByteArray() << "colours";
}

void tst_Heatmap::refusals()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    const QString path = m_dir.filePath(name);
    if (name == QLatin1String("colour.png")) {
        QImage colour(3, 3, QImage::Format_RGB32);
        colour.fill(Qt::red);
        QVERIFY(colour.save(path));
    } else if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const HeatmapField field = HeatmapField::read(path);
    QVERIFY(!field.isValid());
    QVERIFY2(field.error.contains(name), qPrintable(field.error));
    QVERIFY2(field.error.contains(reason), qPrintable(field.error));
}

// Heatmaps that claim far more values than a heatmap needs, or are not regular files: refused
// from the header or the file's type, with nothing decoded.
void tst_Heatmap::hostileHeatmaps_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("16-bit PNG, 16384 x 16384") << "heat16k.png"
                                               << "png"
                                               << "heat16k.png is 16384 x 16384 values";
    QTest::newRow("TIFF named .png") << "heat.png"
                                     << "tiff"
                                     << "this is TIFF";
    QTest::newRow("sparse .npy, 16384 x 16384") << "heat.npy"
                                                << "npy"
                                                << "heat.npy is 16384 x 16384 values";
    QTest::newRow("symbolic link to /dev/zero") << "zero.npy"
                                                << "devzero"
                                                << "character device";
    QTest::newRow("named pipe") << "pipe.png"
                                << "fifo"
                                << "named pipe (FIFO)";
}

void tst_Heatmap::hostileHeatmaps()
{
    QFETCH(QString, name);
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    const QString path = m_dir.filePath(name);
    QFile::remove(path);
    std::unique_ptr<Testing::FifoWatchdog> watchdog;
    if (kind == QLatin1String("png")) {
        QVERIFY(Testing::writeZeroPng(path, QSize(16384, 16384), 1, 16));
    } else if (kind == QLatin1String("tiff")) {
        QVERIFY(Testing::writeZeroTiff(path, QSize(25000, 25000)));
    } else if (kind == QLatin1String("npy")) {
        QVERIFY(Testing::writeSparseNpy(path, 16384, 16384));
    } else if (kind == QLatin1String("devzero")) {
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), path));
    } else {
        QVERIFY(Testing::makeFifo(path));
        watchdog = std::make_unique<Testing::FifoWatchdog>(path);
    }
    const HeatmapField field = HeatmapField::read(path);
    QVERIFY(!field.isValid());
    QVERIFY(field.values.isEmpty());
    QVERIFY2(field.error.contains(path), qPrintable(field.error));
    QVERIFY2(field.error.contains(reason), qPrintable(field.error));
    if (watchdog)
        QVERIFY(!watchdog->readerSeen());
}

// A .npy array saved under a .png name is read as the array it is.
void tst_Heatmap::contentDecidesTheFormat()
{
    const QString path = m_dir.filePath(QStringLiteral("array-named.png"));
    QVERIFY(Testing::writeSparseNpy(path, 3, 5));
    const HeatmapField field = HeatmapField::read(path);
    QVERIFY2(field.isValid(), qPrintable(field.error));
    QCOMPARE(field.size, QSize(5, 3));
}

QTEST_GUILESS_MAIN(tst_Heatmap)
#include "tst_heatmap.moc"
