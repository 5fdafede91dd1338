// Colour maps and heatmap colouring: the colours a reviewer sees for low and high values.
#include "imaging/colourmap.h"
#include "imaging/heatmap.h"
#include "imaging/imagepyramid.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace Boucle;

namespace {

bool near(QRgb actual, QRgb expected, int tolerance = 3)
{
    return std::abs(qRed(actual) - qRed(expected)) <= tolerance
           && std::abs(qGreen(actual) - qGreen(expected)) <= tolerance
           && std::abs(qBlue(actual) - qBlue(expected)) <= tolerance;
}

} // namespace

class tst_ColourMap : public QObject
{
    Q_OBJECT

private slots:
    void endColours_data();
    void endColours();
    void keysRoundTrip();
    void heatmapTableHasTransparentEntry();
    void colouringAndResize();
    void heatmapLevelsFollowTheSample();
};

void tst_ColourMap::endColours_data()
{
    QTest::addColumn<int>("map");
    QTest::addColumn<QRgb>("low");
    QTest::addColumn<QRgb>("high");

    // Published end points of each map.
    QTest::newRow("viridis") << int(ColourMap::Viridis) << qRgb(68, 1, 84) << qRgb(253, 231, 37);
    QTest::newRow("inferno") << int(ColourMap::Inferno) << qRgb(0, 0, 4) << qRgb(252, 255, 164);
    QTest::newRow("turbo") << int(ColourMap::Turbo) << qRgb(48, 18, 59) << qRgb(122, 4, 3);
    QTest::newRow("jet") << int(ColourMap::Jet) << qRgb(0, 0, 128) << qRgb(128, 0, 0);
    QTest::newRow("grey") << int(ColourMap::Grey) << qRgb(0, 0, 0) << qRgb(255, 255, 255);
}

void tst_ColourMap::endColours()
{
    QFETCH(int, map);
    QFETCH(QRgb, low);
    QFETCH(QRgb, high);
    const auto &table = colourMapTable(static_cast<ColourMap>(map));
    QVERIFY2(near(table[0], low, 6), qPrintable(QString::number(table[0], 16)));
    QVERIFY2(near(table[255], high, 6), qPrintable(QString::number(table[255], 16)));
    QCOMPARE(qAlpha(table[128]), 255);
}

void tst_ColourMap::keysRoundTrip()
{
    for (ColourMap map : colourMaps()) {
        QCOMPARE(colourMapFromKey(colourMapKey(map)), map);
        QVERIFY(!colourMapName(map).isEmpty());
    }
    QCOMPARE(colourMapFromKey(QStringLiteral("no such map"), ColourMap::Jet), ColourMap::Jet);
}

void tst_ColourMap::heatmapTableHasTransparentEntry()
{
    const auto opaque = heatmapTable(ColourMap::Viridis, false);
    QCOMPARE(qAlpha(opaque[0]), 0);
    QCOMPARE(qAlpha(opaque[1]), 255);
    QVERIFY(near(opaque[1], colourMapTable(ColourMap::Viridis)[0], 0));
    QVERIFY(near(opaque[255], colourMapTable(ColourMap::Viridis)[255], 0));
    const auto faded = heatmapTable(ColourMap::Viridis, true);
    QCOMPARE(qAlpha(faded[1]), 0);
    QCOMPARE(qAlpha(faded[255]), 255);
    QVERIFY(qAlpha(faded[40]) < 255);
}

void tst_ColourMap::colouringAndResize()
{
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const HeatmapField field
            = HeatmapField::fromValues({0.0f, 1.0f, nan, 0.5f}, QSize(2, 2), HeatmapScaling::Auto);
    QVERIFY(field.isValid());
    const auto table = heatmapTable(ColourMap::Inferno, false);
    const QImage native = colourHeatmapImage(field, table, QSize(2, 2));
    QCOMPARE(native.format(), QImage::Format_ARGB32_Premultiplied);
    QVERIFY(near(native.pixel(0, 0), colourMapTable(ColourMap::Inferno)[0]));
    QVERIFY(near(native.pixel(1, 0), colourMapTable(ColourMap::Inferno)[255]));
    QCOMPARE(qAlpha(native.pixel(0, 1)), 0); // no value: the image shows through
    QVERIFY(near(native.pixel(1, 1), colourMapTable(ColourMap::Inferno)[128], 4));

    const QImage large = colourHeatmapImage(field, table, QSize(64, 48));
    QCOMPARE(large.size(), QSize(64, 48));
    QVERIFY(near(large.pixel(0, 0), colourMapTable(ColourMap::Inferno)[0]));
    QVERIFY(near(large.pixel(63, 0), colourMapTable(ColourMap::Inferno)[255]));
    QCOMPARE(qAlpha(large.pixel(0, 47)), 0);
}

void tst_ColourMap::heatmapLevelsFollowTheSample()
{
    QVector<float> values(16 * 16);
    for (int i = 0; i < values.size(); ++i)
        values[i] = float(i % 16) / 15.0f;
    const HeatmapField field = HeatmapField::fromValues(values, QSize(16, 16));
    const QList<QSize> sizes = imagePyramidSizes(QSize(1000, 600));
    QCOMPARE(sizes.first(), QSize(1000, 600));
    QCOMPARE(sizes.last(), QSize(250, 150));
    const ColouredHeatmap coloured = colourHeatmap(field, ColourMap::Turbo, sizes);
    QCOMPARE(coloured.levels.size(), sizes.size());
    QCOMPARE(coloured.sampleSize, QSize(1000, 600));
    // A 16x16 field is not coloured at full size: level 1 is drawn magnified instead.
    QVERIFY(coloured.levels[0].isNull());
    for (int i = 1; i < sizes.size(); ++i)
        QCOMPARE(coloured.levels[i].size(), sizes[i]);
    // Left is cold, right is hot, at every level.
    const QImage &level = coloured.levels[1];
    QVERIFY(near(level.pixel(0, 10), colourMapTable(ColourMap::Turbo)[0], 6));
    QVERIFY(near(level.pixel(level.width() - 1, 10), colourMapTable(ColourMap::Turbo)[255], 6));
}

QTEST_GUILESS_MAIN(tst_ColourMap)
#include "tst_colourmap.moc"
