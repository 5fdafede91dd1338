// SampleView as a reviewer sees it: image, boxes, heatmap overlay and its toggles, zoom,
// window/level, the placeholder for a broken file, and the bar chart of a tabular sample.
// Checks are made on grabbed pixels.
#include "exiforientation.h"
#include "sampleview/sampleview.h"
#include "sampleview/sampleviewtoolbar.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QMouseEvent>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Boucle;

namespace {

const QRgb imageGrey = qRgb(128, 128, 128);

bool near(QRgb actual, QRgb expected, int tolerance = 6)
{
    return std::abs(qRed(actual) - qRed(expected)) <= tolerance
           && std::abs(qGreen(actual) - qGreen(expected)) <= tolerance
           && std::abs(qBlue(actual) - qBlue(expected)) <= tolerance;
}

QString describe(QRgb colour)
{
    return QStringLiteral("rgb(%1, %2, %3)")
            .arg(qRed(colour))
            .arg(qGreen(colour))
            .arg(qBlue(colour));
}

// A 2 x 1 heatmap: cold on the left, hot on the right.
void writeHeatmap(const QString &path)
{
    QImage heat(2, 1, QImage::Format_Grayscale8);
    heat.scanLine(0)[0] = 0;
    heat.scanLine(0)[1] = 255;
    heat.save(path);
}

} // namespace

class tst_SampleView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void heatmapOverlayAndToggle();
    void toolbarDrivesTheView();
    void colourMapChange();
    void boxesAndTheirToggle();
    void blindModeHidesPredictions();
    void zoom();
    void windowLevelByDragAndPreset();
    void grey16FullSizeMappedOnDemand();
    void placeholderForBrokenFile_data();
    void placeholderForBrokenFile();
    void featureChart();
    void exifOrientationPaintedUpright();
    void screenshot();

private:
    QRgb pixelAt(QPointF scenePoint);
    std::shared_ptr<const PreparedSample> prepare(const QString &image, const QString &heatmap);

    QTemporaryDir m_dir;
    std::unique_ptr<SampleView> m_view;
    QString m_imagePath;
    QString m_heatmapPath;
};

void tst_SampleView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QImage image(200, 100, QImage::Format_RGB32);
    image.fill(imageGrey);
    m_imagePath = m_dir.filePath(QStringLiteral("sample.png"));
    QVERIFY(image.save(m_imagePath));
    m_heatmapPath = m_dir.filePath(QStringLiteral("heat.png"));
    writeHeatmap(m_heatmapPath);
}

void tst_SampleView::init()
{
    m_view = std::make_unique<SampleView>();
    m_view->resize(400, 300);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

std::shared_ptr<const PreparedSample> tst_SampleView::prepare(const QString &image,
                                                              const QString &heatmap)
{
    return std::make_shared<const PreparedSample>(
            prepareSample(SampleRequest {1, image, heatmap}, m_view->colourMap(), false));
}

QRgb tst_SampleView::pixelAt(QPointF scenePoint)
{
    const QImage shot = m_view->grab().toImage();
    const QPoint point = m_view->mapFromScene(scenePoint);
    return shot.pixel(point);
}

void tst_SampleView::heatmapOverlayAndToggle()
{
    m_view->showSample(prepare(m_imagePath, m_heatmapPath));
    QVERIFY(m_view->hasHeatmap());
    QVERIFY(m_view->isFitting());
    // Right side of the image is hot: with the overlay on it is no longer grey.
    const QPointF hot(190, 50);
    const QPointF cold(10, 50);
    const QRgb overlaid = pixelAt(hot);
    QVERIFY2(!near(overlaid, imageGrey, 20), qPrintable(describe(overlaid)));
    QVERIFY(!near(pixelAt(cold), overlaid, 20));

    // One key hides it (the action is in the view's window).
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    QTest::keyClick(m_view.get(), Qt::Key_H);
    QVERIFY(!m_view->isHeatmapVisible());
    QVERIFY2(near(pixelAt(hot), imageGrey, 2), qPrintable(describe(pixelAt(hot))));
    QTest::keyClick(m_view.get(), Qt::Key_H);
    QVERIFY(m_view->isHeatmapVisible());
    QVERIFY(near(pixelAt(hot), overlaid, 2));

    // Full opacity shows the colour map's hottest colour; none shows the image.
    m_view->setHeatmapOpacity(1.0);
    const QRgb top = colourMapTable(m_view->colourMap())[255];
    QVERIFY2(near(pixelAt(hot), top), qPrintable(describe(pixelAt(hot))));
    m_view->setHeatmapOpacity(0.0);
    QVERIFY(near(pixelAt(hot), imageGrey, 2));
}

void tst_SampleView::toolbarDrivesTheView()
{
    SampleViewToolBar toolbar(m_view.get());
    m_view->showSample(prepare(m_imagePath, m_heatmapPath));
    toolbar.opacitySlider()->setValue(100);
    QCOMPARE(m_view->heatmapOpacity(), 1.0);
    const QRgb full = pixelAt(QPointF(190, 50));
    toolbar.opacitySlider()->setValue(30);
    QVERIFY(!near(pixelAt(QPointF(190, 50)), full, 10));
    QVERIFY(!toolbar.windowPresetBox()->isEnabled()); // an 8-bit image has no window/level

    toolbar.colourMapBox()->setCurrentIndex(toolbar.colourMapBox()->findData(int(ColourMap::Jet)));
    QCOMPARE(m_view->colourMap(), ColourMap::Jet);
    m_view->setHeatmapOpacity(0.25);
    QCOMPARE(toolbar.opacitySlider()->value(), 25);
}

void tst_SampleView::colourMapChange()
{
    m_view->showSample(prepare(m_imagePath, m_heatmapPath));
    m_view->setHeatmapOpacity(1.0);
    const QRgb before = pixelAt(QPointF(190, 50));
    m_view->setColourMap(ColourMap::Grey);
    m_view->waitForRecolouring();
    const QRgb after = pixelAt(QPointF(190, 50));
    QVERIFY2(near(after, qRgb(255, 255, 255)), qPrintable(describe(after)));
    QVERIFY(!near(before, after));
}

void tst_SampleView::boxesAndTheirToggle()
{
    m_view->showSample(prepare(m_imagePath, QString()));
    PredictedObject box;
    box.label = QStringLiteral("cat");
    box.score = 0.91;
    box.box = QRectF(40, 30, 80, 50);
    PredictedObject polygon;
    polygon.shape = PredictedObject::Shape::Polygon;
    polygon.label = QStringLiteral("dog");
    polygon.score = 0.4;
    polygon.polygon = QPolygonF({QPointF(150, 20), QPointF(190, 20), QPointF(170, 90)});
    m_view->setObjects({box, polygon});
    QCOMPARE(m_view->objectCount(SampleView::ObjectKind::Boxes), 1);
    QCOMPARE(m_view->objectCount(SampleView::ObjectKind::Polygons), 1);

    const QPointF edge(40, 60);           // on the box's left side
    const QPointF insidePolygon(170, 40); // filled lightly
    QVERIFY2(!near(pixelAt(edge), imageGrey, 20), qPrintable(describe(pixelAt(edge))));
    QVERIFY(!near(pixelAt(insidePolygon), imageGrey, 5));
    QVERIFY(near(pixelAt(QPointF(80, 55)), imageGrey, 2)); // a box is not filled

    m_view->setObjectKindVisible(SampleView::ObjectKind::Boxes, false);
    QVERIFY(near(pixelAt(edge), imageGrey, 2));
    QVERIFY(!near(pixelAt(insidePolygon), imageGrey, 5)); // polygons still shown
    QVERIFY(!m_view->action(SampleView::Action::ToggleBoxes)->isChecked());
    m_view->action(SampleView::Action::TogglePolygons)->trigger();
    QVERIFY(near(pixelAt(insidePolygon), imageGrey, 2));

    // Masks as images.
    QImage mask(10, 10, QImage::Format_Grayscale8);
    mask.fill(255);
    m_view->setMasks({ObjectMask {QStringLiteral("hole"), 0.7, mask, QRectF(5, 5, 20, 20)}});
    QCOMPARE(m_view->objectCount(SampleView::ObjectKind::Masks), 1);
    QVERIFY(!near(pixelAt(QPointF(15, 20)), imageGrey, 10));
    m_view->setObjectKindVisible(SampleView::ObjectKind::Masks, false);
    QVERIFY(near(pixelAt(QPointF(15, 20)), imageGrey, 2));
}

void tst_SampleView::blindModeHidesPredictions()
{
    m_view->showSample(prepare(m_imagePath, m_heatmapPath));
    PredictedObject box;
    box.label = QStringLiteral("cat");
    box.box = QRectF(40, 30, 80, 50);
    m_view->setObjects({box});
    m_view->setPredictionsVisible(false);
    QVERIFY(near(pixelAt(QPointF(190, 50)), imageGrey, 2));
    QVERIFY(near(pixelAt(QPointF(40, 60)), imageGrey, 2));
    // Toggling the heatmap key does not reveal anything while blind.
    m_view->toggleHeatmap();
    m_view->toggleHeatmap();
    QVERIFY(near(pixelAt(QPointF(190, 50)), imageGrey, 2));
    m_view->setPredictionsVisible(true);
    QVERIFY(!near(pixelAt(QPointF(190, 50)), imageGrey, 20));
    QVERIFY(!near(pixelAt(QPointF(40, 60)), imageGrey, 20));
}

void tst_SampleView::zoom()
{
    m_view->showSample(prepare(m_imagePath, QString()));
    PredictedObject box;
    box.label = QStringLiteral("cat");
    box.box = QRectF(90, 40, 20, 20);
    m_view->setObjects({box});
    // Fit: 200 x 100 in a 400 x 300 view is about 2x.
    QVERIFY(qAbs(m_view->zoom() - 2.0) < 0.1);
    const QPoint cornerBefore = m_view->mapFromScene(QPointF(90, 40));
    const QImage before = m_view->grab().toImage();

    m_view->zoomIn();
    QVERIFY(!m_view->isFitting());
    QVERIFY(qAbs(m_view->zoom() - 2.0 * 1.25) < 0.15);
    const QPoint cornerAfter = m_view->mapFromScene(QPointF(90, 40));
    QVERIFY(cornerAfter != cornerBefore);
    const QImage after = m_view->grab().toImage();
    QVERIFY(before != after);
    // The box edge is drawn where the corner moved to.
    QVERIFY(!near(after.pixel(cornerAfter + QPoint(0, 6)), imageGrey, 20));

    m_view->showActualSize();
    QCOMPARE(m_view->zoom(), 1.0 / m_view->devicePixelRatioF());
    m_view->zoomOut();
    QVERIFY(m_view->zoom() < 1.0);

    // Wheel: zooms in about the cursor.
    const double beforeWheel = m_view->zoom();
    const QPoint centre = m_view->viewport()->rect().center();
    QWheelEvent wheel(centre, m_view->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view->viewport(), &wheel);
    QVERIFY(m_view->zoom() > beforeWheel);

    // Pan: a left drag moves the zoomed image with the mouse.
    for (int i = 0; i < 6; ++i)
        m_view->zoomIn();
    m_view->centerOn(QPointF(100, 50));
    QWidget *viewport = m_view->viewport();
    const QPointF anchor = m_view->mapToScene(viewport->rect().center());
    const auto send = [viewport](QEvent::Type type, QPoint point, Qt::MouseButton button,
                                 Qt::MouseButtons buttons) {
        QMouseEvent event(type, point, viewport->mapToGlobal(point), button, buttons,
                          Qt::NoModifier);
        QApplication::sendEvent(viewport, &event);
    };
    send(QEvent::MouseButtonPress, QPoint(200, 150), Qt::LeftButton, Qt::LeftButton);
    send(QEvent::MouseMove, QPoint(250, 170), Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseMove, QPoint(300, 180), Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, QPoint(300, 180), Qt::LeftButton, Qt::NoButton);
    const QPoint moved = m_view->mapFromScene(anchor);
    // The point that was in the middle followed the mouse, 100 pixels to the right.
    QVERIFY2(std::abs(moved.x() - (viewport->rect().center().x() + 100)) <= 2,
             qPrintable(QStringLiteral("%1,%2").arg(moved.x()).arg(moved.y())));

    m_view->fitToView();
    QVERIFY(m_view->isFitting());
    QVERIFY(qAbs(m_view->zoom() - 2.0) < 0.1);
}

void tst_SampleView::windowLevelByDragAndPreset()
{
    // A 16-bit scan whose values sit in a narrow band: left 1000, right 1100.
    QImage scan(200, 100, QImage::Format_Grayscale16);
    for (int y = 0; y < 100; ++y) {
        auto *line = reinterpret_cast<quint16 *>(scan.scanLine(y));
        for (int x = 0; x < 200; ++x)
            line[x] = x < 100 ? 1000 : 1100;
    }
    const QString path = m_dir.filePath(QStringLiteral("scan16.png"));
    QVERIFY(scan.save(path));
    SampleViewToolBar toolbar(m_view.get());
    m_view->showSample(prepare(path, QString()));
    QVERIFY(m_view->hasWindowLevel());
    QVERIFY(toolbar.windowPresetBox()->isEnabled());
    // The automatic window separates the two halves clearly.
    const int left = qGray(pixelAt(QPointF(50, 50)));
    const int right = qGray(pixelAt(QPointF(150, 50)));
    QVERIFY2(right - left > 200, qPrintable(QStringLiteral("%1 vs %2").arg(left).arg(right)));

    // Full range: both are nearly black, hardly told apart.
    m_view->applyWindowPreset(WindowPreset::FullRange);
    QVERIFY(std::abs(qGray(pixelAt(QPointF(150, 50))) - qGray(pixelAt(QPointF(50, 50)))) <= 1);

    // A right drag to the left narrows the window: contrast comes back.
    m_view->applyWindowPreset(WindowPreset::DataRange);
    const WindowLevel start = m_view->windowLevel();
    QWidget *viewport = m_view->viewport();
    QTest::mousePress(viewport, Qt::RightButton, Qt::NoModifier, QPoint(200, 150));
    QTest::mouseMove(viewport, QPoint(260, 150));
    QTest::mouseRelease(viewport, Qt::RightButton, Qt::NoModifier, QPoint(260, 150));
    const WindowLevel widened = m_view->windowLevel();
    QVERIFY(widened.width > start.width);
    QCOMPARE(widened.centre, start.centre);
    QTest::mousePress(viewport, Qt::RightButton, Qt::NoModifier, QPoint(200, 150));
    QTest::mouseMove(viewport, QPoint(200, 200));
    QTest::mouseRelease(viewport, Qt::RightButton, Qt::NoModifier, QPoint(200, 200));
    QVERIFY(m_view->windowLevel().centre > widened.centre);
    // Drawn with the new window: a higher centre darkens the image.
    const WindowLevelTable table(m_view->windowLevel());
    QVERIFY(std::abs(qGray(pixelAt(QPointF(150, 50))) - table.grey(1100)) <= 2);
}

void tst_SampleView::grey16FullSizeMappedOnDemand()
{
    // Large enough to have halved levels: the full-size display image is made only at 1:1.
    QImage scan(600, 300, QImage::Format_Grayscale16);
    for (int y = 0; y < 300; ++y) {
        auto *line = reinterpret_cast<quint16 *>(scan.scanLine(y));
        for (int x = 0; x < 600; ++x)
            line[x] = x < 300 ? 1000 : 1100;
    }
    const QString path = m_dir.filePath(QStringLiteral("scan16-large.png"));
    QVERIFY(scan.save(path));
    const auto sample = prepare(path, QString());
    QVERIFY(sample->image.levels.first().isNull());
    QCOMPARE(sample->image.levels.size(), 3);
    m_view->showSample(sample);
    m_view->showActualSize();
    m_view->centerOn(QPointF(300, 150));
    const int left = qGray(pixelAt(QPointF(250, 150)));
    const int right = qGray(pixelAt(QPointF(350, 150)));
    QVERIFY2(left < 10 && right > 245, qPrintable(QStringLiteral("%1 vs %2").arg(left).arg(right)));
}

void tst_SampleView::placeholderForBrokenFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing") << "missing.jpg" << QByteArray() << "does not exist";
    QTest::newRow("corrupt") << "corrupt.png" << QByteArray("\x89PNG\r\n\x1a\n garbage", 17)
                             << "Cannot show";
}

void tst_SampleView::placeholderForBrokenFile()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    const QString path = m_dir.filePath(name);
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const QImage empty = m_view->grab().toImage();
    m_view->showSample(prepare(path, m_heatmapPath));
    QVERIFY(m_view->placeholderText().contains(QDir::toNativeSeparators(path)));
    QVERIFY(m_view->placeholderText().contains(reason));
    const QImage shown = m_view->grab().toImage();
    QVERIFY(shown != empty);
    // The placeholder's box is drawn in the middle of the view.
    const QRect area = m_view->viewport()->rect();
    QVERIFY(near(shown.pixel(area.width() / 8 + 6, area.height() / 2), qRgb(56, 44, 44), 3));

    // The next sample shows normally again.
    m_view->showSample(prepare(m_imagePath, QString()));
    QVERIFY(m_view->placeholderText().isEmpty());
    QVERIFY(near(pixelAt(QPointF(100, 50)), imageGrey, 2));
}

void tst_SampleView::featureChart()
{
    QVector<float> features;
    for (int i = 0; i < 16; ++i)
        features.append(float(i % 8 + 1));
    // The 16 features of UCI's letter-recognition data set.
    const QStringList names
            = QStringLiteral("x-box y-box width high onpix x-bar y-bar x2bar y2bar xybar x2ybr "
                             "xy2br x-ege xegvy y-ege yegvx")
                      .split(QLatin1Char(' '));
    m_view->showFeatures(features, names);
    const QImage shot = m_view->grab().toImage();
    int barPixels = 0;
    for (int y = 0; y < shot.height(); ++y)
        for (int x = 0; x < shot.width(); ++x)
            barPixels += near(shot.pixel(x, y), qRgb(67, 147, 195), 4) ? 1 : 0;
    QVERIFY2(barPixels > 500, qPrintable(QString::number(barPixels)));
    // The tallest feature (8) has the highest bar: it reaches higher than the shortest (1).
    m_view->showFeatures({1.0f, 8.0f}, {QStringLiteral("low"), QStringLiteral("high")});
    const QImage two = m_view->grab().toImage();
    auto topOfColumn = [&two](int x) {
        for (int y = 0; y < two.height(); ++y) {
            if (near(two.pixel(x, y), qRgb(67, 147, 195), 4))
                return y;
        }
        return two.height();
    };
    const QPoint first = m_view->mapFromScene(QPointF(16 + 24, 0));
    const QPoint second = m_view->mapFromScene(QPointF(16 + 48 + 24, 0));
    QVERIFY(topOfColumn(second.x()) < topOfColumn(first.x()));
}

// A photo stored sideways with EXIF orientation 6 shows upright: the view turns the stored pixels
// when painting, and the scene (where boxes and heatmaps live) has the upright size.
void tst_SampleView::exifOrientationPaintedUpright()
{
    QImage stored(200, 100, QImage::Format_RGB32);
    for (int y = 0; y < stored.height(); ++y)
        for (int x = 0; x < stored.width(); ++x)
            stored.setPixel(x, y, x < 100 ? qRgb(220, 20, 20) : qRgb(20, 20, 220));
    const QString path = m_dir.filePath(QStringLiteral("sideways.jpg"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(Testing::jpegWithOrientation(stored, 6));
    file.close();

    m_view->showSample(prepare(path, {}));
    QCOMPARE(m_view->sceneRect().size(), QSizeF(100, 200));
    // Turned a quarter clockwise, the left (red) half of the stored image is on top.
    const QRgb top = pixelAt(QPointF(50, 50));
    const QRgb bottom = pixelAt(QPointF(50, 150));
    QVERIFY2(near(top, qRgb(220, 20, 20), 40), qPrintable(describe(top)));
    QVERIFY2(near(bottom, qRgb(20, 20, 220), 40), qPrintable(describe(bottom)));
}

void tst_SampleView::screenshot()
{
    // Writes the README's screenshot when asked (BOUCLE_SCREENSHOT_DIR); a demo of what the view
    // shows: an image, boxes with label and score, a polygon, and a heatmap.
    const QString directory = qEnvironmentVariable("BOUCLE_SCREENSHOT_DIR");
    if (directory.isEmpty())
        QSKIP("set BOUCLE_SCREENSHOT_DIR to write the screenshot");
    const QString fruits = QStringLiteral("/usr/share/doc/opencv-doc/examples/data/fruits.jpg");
    if (!QFile::exists(fruits))
        QSKIP("opencv-doc's fruits.jpg is not installed");
    // A heatmap peaking over two of the fruits, as a saliency model would give.
    const int w = 64;
    const int h = 60;
    QImage heat(w, h, QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const double a = std::exp(-(std::pow(x - 25, 2) + std::pow(y - 31, 2)) / 70.0);
            const double b = std::exp(-(std::pow(x - 52, 2) + std::pow(y - 26, 2)) / 50.0);
            heat.scanLine(y)[x] = uchar(std::min(255.0, 255.0 * std::max(a, 0.7 * b)));
        }
    }
    const QString heatPath = m_dir.filePath(QStringLiteral("fruits-heat.png"));
    QVERIFY(heat.save(heatPath));
    m_view->resize(900, 620);
    m_view->setColourMap(ColourMap::Inferno);
    m_view->showSample(prepare(fruits, heatPath));
    m_view->setHeatmapOpacity(0.45);
    PredictedObject orange;
    orange.label = QStringLiteral("orange");
    orange.score = 0.93;
    orange.box = QRectF(73, 43, 267, 422);
    PredictedObject lime;
    lime.label = QStringLiteral("lime");
    lime.score = 0.61;
    lime.box = QRectF(325, 116, 184, 186);
    PredictedObject lemon;
    lemon.shape = PredictedObject::Shape::Polygon;
    lemon.label = QStringLiteral("lemon");
    lemon.score = 0.38;
    for (int i = 0; i < 12; ++i) {
        const double angle = i * 2 * M_PI / 12;
        lemon.polygon << QPointF(414 + 97 * std::cos(angle), 364 + 90 * std::sin(angle));
    }
    m_view->setObjects({orange, lime, lemon});
    QVERIFY(QDir().mkpath(directory));
    QVERIFY(m_view->grab().save(QDir(directory).filePath(QStringLiteral("sampleview.png"))));
}

QTEST_MAIN(tst_SampleView)
#include "tst_sampleview.moc"
