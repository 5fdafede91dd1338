// Window/level: what a reader of a 16-bit image sees for a given window and preset.
#include "imaging/windowlevel.h"

#include <QTest>

using namespace Boucle;

class tst_WindowLevel : public QObject
{
    Q_OBJECT

private slots:
    void mapping_data();
    void mapping();
    void presets_data();
    void presets();
    void imagesKeepTheirShape();
    void narrowWindowGivesContrast();
};

void tst_WindowLevel::mapping_data()
{
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    QTest::addColumn<int>("raw");
    QTest::addColumn<int>("grey");

    QTest::newRow("full range, black") << 0.0 << 65535.0 << 0 << 0;
    QTest::newRow("full range, white") << 0.0 << 65535.0 << 65535 << 255;
    QTest::newRow("full range, middle") << 0.0 << 65535.0 << 32768 << 128;
    QTest::newRow("window, lower edge") << 1000.0 << 2000.0 << 1000 << 0;
    QTest::newRow("window, upper edge") << 1000.0 << 2000.0 << 2000 << 255;
    QTest::newRow("window, middle") << 1000.0 << 2000.0 << 1500 << 128;
    QTest::newRow("below the window is black") << 1000.0 << 2000.0 << 10 << 0;
    QTest::newRow("above the window is white") << 1000.0 << 2000.0 << 60000 << 255;
    QTest::newRow("one-value window, above") << 500.0 << 500.0 << 501 << 255;
    QTest::newRow("one-value window, below") << 500.0 << 500.0 << 499 << 0;
}

void tst_WindowLevel::mapping()
{
    QFETCH(double, lower);
    QFETCH(double, upper);
    QFETCH(int, raw);
    QFETCH(int, grey);
    const WindowLevel window = WindowLevel::fromRange(lower, upper);
    QCOMPARE(window.lower(), lower);
    QCOMPARE(window.upper(), upper);
    const WindowLevelTable table(window);
    QCOMPARE(int(table.grey(quint16(raw))), grey);
}

void tst_WindowLevel::presets_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");

    // The test image holds each value 0..9999 once.
    QTest::newRow("full range") << int(WindowPreset::FullRange) << 0.0 << 65535.0;
    QTest::newRow("data range") << int(WindowPreset::DataRange) << 0.0 << 9999.0;
    QTest::newRow("auto 1-99 %") << int(WindowPreset::Auto) << 100.0 << 9899.0;
    // CT presets in stored units: raw = HU + 1024.
    QTest::newRow("soft tissue") << int(WindowPreset::CtSoftTissue) << 40 + 1024 - 200.0 + 0.0
                                 << 40 + 1024 + 199.0 + 0.0;
}

void tst_WindowLevel::presets()
{
    QFETCH(int, preset);
    QFETCH(double, lower);
    QFETCH(double, upper);
    QImage image(100, 100, QImage::Format_Grayscale16);
    for (int y = 0; y < 100; ++y) {
        auto *line = reinterpret_cast<quint16 *>(image.scanLine(y));
        for (int x = 0; x < 100; ++x)
            line[x] = quint16(y * 100 + x);
    }
    const Grey16Statistics statistics = Grey16Statistics::of(image);
    QCOMPARE(statistics.minimum, quint16(0));
    QCOMPARE(statistics.maximum, quint16(9999));
    const WindowLevel window = windowForPreset(static_cast<WindowPreset>(preset), statistics);
    QCOMPARE(window.lower(), lower);
    QCOMPARE(window.upper(), upper);
    QVERIFY(!windowPresetName(static_cast<WindowPreset>(preset)).isEmpty());
}

void tst_WindowLevel::imagesKeepTheirShape()
{
    QImage image(7, 3, QImage::Format_Grayscale16);
    image.fill(0);
    reinterpret_cast<quint16 *>(image.scanLine(2))[6] = 65535;
    const WindowLevelTable table(WindowLevel::fromRange(0, 65535));
    const QImage grey = table.toGrey8(image);
    QCOMPARE(grey.size(), image.size());
    QCOMPARE(grey.format(), QImage::Format_Grayscale8);
    QCOMPARE(qGray(grey.pixel(6, 2)), 255);
    QCOMPARE(qGray(grey.pixel(0, 0)), 0);
    const QImage rgb = table.toRgb32(image);
    QCOMPARE(rgb.format(), QImage::Format_RGB32);
    QCOMPARE(rgb.pixel(6, 2), qRgb(255, 255, 255));
    QVERIFY(table.toGrey8(QImage(2, 2, QImage::Format_RGB32)).isNull());
}

void tst_WindowLevel::narrowWindowGivesContrast()
{
    // Two tissues 40 raw units apart are one grey level apart at full range, and far apart in a
    // window around them: the reason window/level exists.
    const WindowLevelTable full(WindowLevel::fromRange(0, 65535));
    const WindowLevelTable narrow(WindowLevel::fromRange(1000, 1100));
    QVERIFY(std::abs(full.grey(1020) - full.grey(1060)) <= 1);
    QVERIFY(narrow.grey(1060) - narrow.grey(1020) >= 100);
}

QTEST_GUILESS_MAIN(tst_WindowLevel)
#include "tst_windowlevel.moc"
