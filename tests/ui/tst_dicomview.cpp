// A clinician's view of a DICOM sample: the slices of its series by PgDn/PgUp and Shift+wheel
// (each object on its frame's slice, a heatmap per frame), the window presets of
// window-presets.json by Alt+digit in Hounsfield units, the value under the pointer in HU, and the
// header one key away; a file's VOI LUT curve as the window it suggests.
#include "dialogs/dicomheaderdialog.h"
#include "dicomtestfiles.h"
#include "editing/objecteditor.h"
#include "sampleview/sampleview.h"
#include "sampleview/sampleviewtoolbar.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMouseEvent>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QWheelEvent>

using namespace Boucle;
using namespace Boucle::Testing;

class TestDicomView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void pageKeysStepThroughTheSeries();
    void shiftWheelStepsSlices();
    void presetsApplyInHounsfieldUnits();
    void theValueUnderThePointerIsInHounsfieldUnits();
    void theHeaderIsListedAndFiltered();
    void predictionsShowOnTheirFrames();
    void aFrameTheFileLacksIsSaid();
    void theFileCurveIsTheDefault();
    void aBrokenFileCurveIsSaid();
    void screenshot();

private:
    std::shared_ptr<const PreparedSample> prepare(const QString &path);
    void waitForSlice(int index);

    QTemporaryDir m_dir;
    QStringList m_files; // by slice position
    std::unique_ptr<QMainWindow> m_window;
    SampleView *m_view = nullptr;
    SampleViewToolBar *m_toolbar = nullptr;
};

namespace {

constexpr int sliceCount = 6;
constexpr int side = 32;

// The value of slice `slice` at (x, y) in HU: each slice its own band, so that a slice on
// screen can be told from the value under the pointer.
int hounsfieldAt(int slice, int x, int y)
{
    return -1000 + slice * 300 + (x + y) % 7;
}

} // namespace

void TestDicomView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString series = newDicomUid();
    // Written in shuffled order: the series comes back in position order whatever the names.
    const int order[sliceCount] = {3, 0, 5, 1, 4, 2};
    m_files.resize(sliceCount);
    for (int i = 0; i < sliceCount; ++i) {
        const int slice = order[i];
        DicomTestImage image;
        image.rows = side;
        image.columns = side;
        image.pixelSigned = true;
        image.rescaleSlope = 1.0;
        image.rescaleIntercept = -1024.0;
        image.rescaleType = QStringLiteral("HU");
        image.windowCentre = 40;
        image.windowWidth = 400;
        image.seriesInstanceUid = series;
        image.instanceNumber = slice + 1;
        image.imagePosition = std::array<double, 3> {0, 0, 2.5 * slice};
        image.allocate();
        for (int y = 0; y < side; ++y) {
            for (int x = 0; x < side; ++x)
                image.at(0, x, y) = quint16(qint16(hounsfieldAt(slice, x, y) + 1024));
        }
        const QString path = m_dir.filePath(QStringLiteral("IM%1.dcm").arg(i));
        QCOMPARE(writeDicomFile(path, image), QString());
        m_files[slice] = path;
    }
}

void TestDicomView::init()
{
    m_window = std::make_unique<QMainWindow>();
    m_view = new SampleView(m_window.get());
    m_toolbar = new SampleViewToolBar(m_view, m_window.get());
    m_window->setCentralWidget(m_view);
    m_window->addToolBar(m_toolbar);
    m_window->resize(700, 500);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
    m_view->setFocus();
}

void TestDicomView::cleanup()
{
    m_window.reset();
}

std::shared_ptr<const PreparedSample> TestDicomView::prepare(const QString &path)
{
    return std::make_shared<const PreparedSample>(
            prepareSample(SampleRequest {1, path, {}}, m_view->colourMap(), false));
}

void TestDicomView::waitForSlice(int index)
{
    QTRY_COMPARE(m_view->currentSlice(), index);
    // The slice's own values under the pointer tell that its pixels are on screen.
    QTRY_COMPARE(m_view->valueText(QPointF(2.5, 3.5)),
                 QStringLiteral("%1 HU").arg(hounsfieldAt(index, 2, 3)));
}

void TestDicomView::pageKeysStepThroughTheSeries()
{
    m_view->showSample(prepare(m_files.at(2)));
    m_view->waitForSeries();
    QCOMPARE(m_view->sliceCount(), sliceCount);
    QCOMPARE(m_view->sampleSlice(), 2);
    QCOMPARE(m_view->currentSlice(), 2);
    QVERIFY(m_view->action(SampleView::Action::NextSlice)->isEnabled());

    QTest::keyClick(m_view, Qt::Key_PageDown);
    waitForSlice(3);
    QCOMPARE(m_view->shownFilePath(), m_files.at(3));
    QTest::keyClick(m_view, Qt::Key_PageDown);
    QTest::keyClick(m_view, Qt::Key_PageDown);
    QTest::keyClick(m_view, Qt::Key_PageDown); // past the last slice: stays there
    waitForSlice(sliceCount - 1);
    for (int i = 0; i < sliceCount + 2; ++i)
        QTest::keyClick(m_view, Qt::Key_PageUp);
    waitForSlice(0);
    QTest::keyClick(m_view, Qt::Key_PageDown);
    QTest::keyClick(m_view, Qt::Key_PageDown);
    waitForSlice(2);
    QCOMPARE(m_view->shownFilePath(), m_files.at(2));

    // Another sample with no series: the keys are let go.
    m_view->showPlaceholder(QStringLiteral("none"), QStringLiteral("none"));
    QCOMPARE(m_view->sliceCount(), 1);
    QVERIFY(!m_view->action(SampleView::Action::NextSlice)->isEnabled());
}

void TestDicomView::shiftWheelStepsSlices()
{
    m_view->showSample(prepare(m_files.at(0)));
    m_view->waitForSeries();
    const QPointF centre = QPointF(m_view->viewport()->rect().center());
    QWheelEvent down(centre, m_view->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, -120),
                     Qt::NoButton, Qt::ShiftModifier, Qt::NoScrollPhase, false);
    const double zoom = m_view->zoom();
    QApplication::sendEvent(m_view->viewport(), &down);
    waitForSlice(1);
    QCOMPARE(m_view->zoom(), zoom); // a slice step, not a zoom
}

void TestDicomView::presetsApplyInHounsfieldUnits()
{
    m_view->showSample(prepare(m_files.at(1)));
    QVERIFY(m_view->hasWindowLevel());
    QCOMPARE(m_view->modalityMapping().unit, QStringLiteral("HU"));
    // The file's own window is the first shown.
    QCOMPARE(m_view->windowText(), QStringLiteral("W 400 / L 40 HU"));
    const auto presets = m_view->namedWindows();
    QVERIFY(presets.size() >= 2);
    QCOMPARE(presets.at(1).name, QStringLiteral("Lung"));
    QVERIFY(m_view->presetAction(1)->isEnabled());
    QVERIFY(m_view->presetAction(1)->text().startsWith(QStringLiteral("Lung")));
    QTest::keyClick(m_view, Qt::Key_2, Qt::AltModifier);
    QCOMPARE(m_view->windowText(), QStringLiteral("W 1500 / L -600 HU"));
    QVERIFY2(m_toolbar->windowReadout()->text().startsWith(QStringLiteral("W 1500 / L -600 HU")),
             qPrintable(m_toolbar->windowReadout()->text()));
    // The band stays for the next slice and the next sample.
    m_view->waitForSeries();
    QTest::keyClick(m_view, Qt::Key_PageDown);
    QCOMPARE(m_view->windowText(), QStringLiteral("W 1500 / L -600 HU"));
    m_view->showSample(prepare(m_files.at(4)));
    QCOMPARE(m_view->windowText(), QStringLiteral("W 1500 / L -600 HU"));
    // The box lists the presets with their keys, and the file's own window.
    QComboBox *box = m_toolbar->windowPresetBox();
    bool lungListed = false, fileListed = false;
    for (int i = 0; i < box->count(); ++i) {
        lungListed |= box->itemText(i).startsWith(QStringLiteral("Lung"))
                      && box->itemText(i).contains(QStringLiteral("Alt+2"));
        fileListed |= box->itemText(i).startsWith(QStringLiteral("As the file suggests"));
    }
    QVERIFY(lungListed);
    QVERIFY(fileListed);
}

void TestDicomView::theValueUnderThePointerIsInHounsfieldUnits()
{
    m_view->showSample(prepare(m_files.at(5)));
    QCOMPARE(m_view->valueText(QPointF(10.5, 20.5)),
             QStringLiteral("%1 HU").arg(hounsfieldAt(5, 10, 20)));
    QCOMPARE(m_view->valueText(QPointF(-1, 3)), QString());
    QCOMPARE(m_view->valueText(QPointF(side + 1, 3)), QString());
}

void TestDicomView::theHeaderIsListedAndFiltered()
{
    DicomHeaderDialog dialog;
    QVERIFY(dialog.showFile(m_files.at(0)));
    QTreeWidget *tree = dialog.attributeTree();
    QVERIFY(tree->topLevelItemCount() > 10);
    dialog.filterField()->setText(QStringLiteral("RescaleIntercept"));
    int shown = 0;
    QString value;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (!tree->topLevelItem(i)->isHidden()) {
            ++shown;
            value = tree->topLevelItem(i)->text(3);
        }
    }
    QCOMPARE(shown, 1);
    QCOMPARE(value.toDouble(), -1024.0);
    QVERIFY(!DicomHeaderDialog().showFile(m_dir.filePath(QStringLiteral("missing.dcm"))));
}

namespace {

// A float32 .npy of frames x rows x columns: frame k holds (k + 1) / 10 everywhere.
void writeFrameHeatmap(const QString &path, int frames, int rows, int columns)
{
    QByteArray header = QStringLiteral("{'descr': '<f4', 'fortran_order': False, 'shape': (%1, "
                                       "%2, %3), }")
                                .arg(frames)
                                .arg(rows)
                                .arg(columns)
                                .toLatin1();
    while ((10 + header.size() + 1) % 64 != 0)
        header.append(' ');
    header.append('\n');
    QByteArray bytes("\x93NUMPY\x01\x00", 8);
    bytes.append(char(header.size() & 0xff));
    bytes.append(char(header.size() >> 8));
    bytes += header;
    for (int frame = 0; frame < frames; ++frame) {
        const float value = float(frame + 1) / 10.0f;
        for (int i = 0; i < rows * columns; ++i)
            bytes.append(reinterpret_cast<const char *>(&value), sizeof value);
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QString writeMultiFrame(const QString &path, int frames)
{
    DicomTestImage image;
    image.rows = side;
    image.columns = side;
    image.frames = frames;
    image.pixelSigned = true;
    image.rescaleSlope = 1.0;
    image.rescaleIntercept = -1024.0;
    image.rescaleType = QStringLiteral("HU");
    image.allocate();
    for (int frame = 0; frame < frames; ++frame) {
        for (int y = 0; y < side; ++y) {
            for (int x = 0; x < side; ++x)
                image.at(frame, x, y) = quint16(qint16(hounsfieldAt(frame, x, y) + 1024));
        }
    }
    return writeDicomFile(path, image);
}

PredictedObject boxOnFrame(int frame)
{
    PredictedObject object;
    object.shape = PredictedObject::Shape::Box;
    object.label = QStringLiteral("lesion");
    object.score = 0.9;
    object.box = QRectF(4 + frame, 4, 8, 8);
    object.page = frame;
    return object;
}

} // namespace

void TestDicomView::predictionsShowOnTheirFrames()
{
    const QString volume = m_dir.filePath(QStringLiteral("volume.dcm"));
    QCOMPARE(writeMultiFrame(volume, 5), QString());
    const QString heatmap = m_dir.filePath(QStringLiteral("volume-heat.npy"));
    writeFrameHeatmap(heatmap, 5, 8, 8);

    // The prediction is about frame 3: the sample opens there, with that frame's heatmap.
    auto prepared = std::make_shared<const PreparedSample>(
            prepareSample(SampleRequest {1, volume, heatmap, 3}, m_view->colourMap(), false));
    QCOMPARE(prepared->image.frameIndex, 3);
    QCOMPARE(prepared->heatmap.field.frames, 5);
    QCOMPARE(prepared->heatmap.field.frame, 3);
    QCOMPARE(prepared->heatmap.field.values.first(), 0.4f);
    m_view->showSample(prepared);
    m_view->waitForSeries();
    QCOMPARE(m_view->sliceCount(), 5);
    waitForSlice(3);
    QCOMPARE(m_view->currentFrame(), 3);
    m_view->setObjects({boxOnFrame(1), boxOnFrame(3)});
    QCOMPARE(m_view->slicesWithPredictions(), (QList<int> {1, 3}));
    QCOMPARE(m_view->shownObjectCount(), 1);
    QVERIFY(m_view->isHeatmapShown());

    // Two slices up: frame 1's box, and frame 1 of the heatmap once read.
    QTest::keyClick(m_view, Qt::Key_PageUp);
    QTest::keyClick(m_view, Qt::Key_PageUp);
    waitForSlice(1);
    QCOMPARE(m_view->shownObjectCount(), 1);
    m_view->waitForHeatmapFrame();
    QCOMPARE(m_view->heatmapFrame(), 1);
    QVERIFY(m_view->isHeatmapShown());
    // A slice with no object still has its heatmap frame.
    QTest::keyClick(m_view, Qt::Key_PageUp);
    waitForSlice(0);
    QCOMPARE(m_view->shownObjectCount(), 0);
    m_view->waitForHeatmapFrame();
    QCOMPARE(m_view->heatmapFrame(), 0);
    QVERIFY(m_view->isHeatmapShown());

    // Editing holds the frame on screen's objects only; a drawn object takes that frame.
    ReviewedObject first, second;
    first.index = 0;
    first.predicted = first.object = boxOnFrame(1);
    second.index = 1;
    second.predicted = second.object = boxOnFrame(3);
    m_view->setReviewedObjects({first, second});
    QCOMPARE(m_view->objectEditor()->objects().size(), 0);
    QTest::keyClick(m_view, Qt::Key_PageDown);
    waitForSlice(1);
    QCOMPARE(m_view->objectEditor()->objects().size(), 1);
    QCOMPARE(m_view->objectEditor()->objects().first().object.page, 1);
    QCOMPARE(m_view->currentFrame(), 1);

    // Blind review hides them on every slice.
    m_view->setPredictionsVisible(false);
    QVERIFY(!m_view->isHeatmapShown());
    m_view->setPredictionsVisible(true);

    // A 2-D heatmap belongs to the prediction's frame only.
    const QString flat = m_dir.filePath(QStringLiteral("volume-flat.npy"));
    writeFrameHeatmap(flat, 1, 8, 8);
    m_view->showSample(std::make_shared<const PreparedSample>(
            prepareSample(SampleRequest {1, volume, flat, 2}, m_view->colourMap(), false)));
    m_view->waitForSeries();
    waitForSlice(2);
    QVERIFY(m_view->isHeatmapShown());
    QTest::keyClick(m_view, Qt::Key_PageDown);
    waitForSlice(3);
    QVERIFY(!m_view->isHeatmapShown());
}

void TestDicomView::aFrameTheFileLacksIsSaid()
{
    const QString volume = m_dir.filePath(QStringLiteral("short.dcm"));
    QCOMPARE(writeMultiFrame(volume, 2), QString());
    const PreparedSample prepared
            = prepareSample(SampleRequest {1, volume, {}, 7}, m_view->colourMap(), false);
    QVERIFY2(prepared.image.isValid(), qPrintable(prepared.image.error));
    QCOMPARE(prepared.image.frameIndex, 0);
    QVERIFY2(prepared.image.frameProblem.contains(QLatin1String("frame 7")),
             qPrintable(prepared.image.frameProblem));
    QVERIFY2(prepared.image.frameProblem.contains(QLatin1String("2 frames")),
             qPrintable(prepared.image.frameProblem));
    m_view->showSample(std::make_shared<const PreparedSample>(prepared));
    QCOMPARE(m_view->frameProblem(), prepared.image.frameProblem);
    // A single-frame file has only frame 0 as well.
    const PreparedSample single
            = prepareSample(SampleRequest {1, m_files.at(0), {}, 1}, m_view->colourMap(), false);
    QVERIFY(!single.image.frameProblem.isEmpty());
}

namespace {

// A signed CT slice, −hu on its left half and +hu on its right, with a window (400/40) and a VOI
// LUT that is a step: 2000 entries of 12 bits over −1000 … 999 HU, 0 below 0 HU and 4095 from
// 0 HU on. Through the curve the left half is black and the right white; a linear window shows
// both halves as greys. `dataWords` other than 2000 makes the LUT inconsistent.
QString writeSteppedSlice(const QString &path, const QString &series, int position, int hu = 50,
                          int dataWords = 2000)
{
    DicomTestImage image;
    image.seriesInstanceUid = series;
    image.instanceNumber = position + 1;
    image.imagePosition = std::array<double, 3> {0, 0, 2.5 * position};
    image.rows = side;
    image.columns = side;
    image.pixelSigned = true;
    image.rescaleSlope = 1.0;
    image.rescaleIntercept = -1024.0;
    image.rescaleType = QStringLiteral("HU");
    image.windowCentre = 40;
    image.windowWidth = 400;
    image.allocate();
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x)
            image.at(0, x, y) = quint16(qint16((x < side / 2 ? -hu : hu) + 1024));
    }
    DicomTestImage::VoiLut lut;
    lut.entries = 2000;
    lut.firstMapped = -1000;
    lut.bitsPerEntry = 12;
    for (int i = 0; i < dataWords; ++i)
        lut.data.push_back(i < 1000 ? 0 : 4095);
    lut.explanation = QStringLiteral("STEP AT 0 HU");
    image.voiLut = lut;
    return writeDicomFile(path, image);
}

} // namespace

void TestDicomView::theFileCurveIsTheDefault()
{
    QTemporaryDir folder; // a series of its own: two slices, ±50 and ±60 HU
    const QString series = newDicomUid();
    const QString path = QDir(folder.path()).filePath(QStringLiteral("step1.dcm"));
    QCOMPARE(writeSteppedSlice(path, series, 0), QString());
    QCOMPARE(writeSteppedSlice(QDir(folder.path()).filePath(QStringLiteral("step2.dcm")), series, 1,
                               60),
             QString());
    m_view->showSample(prepare(path));
    m_view->fitToView();
    const auto greyAt = [this](QPointF imagePoint) {
        const QImage shot = m_view->viewport()->grab().toImage();
        return qGray(shot.pixel(m_view->mapFromScene(imagePoint)));
    };
    const QPointF left(side * 0.25, side * 0.5);
    const QPointF right(side * 0.75, side * 0.5);

    // The curve is what the sample opens with, and the read-out says so.
    QVERIFY(m_view->showsFileCurve());
    QCOMPARE(m_view->windowText(), QStringLiteral("VOI LUT: STEP AT 0 HU"));
    QVERIFY2(m_toolbar->windowReadout()->text().startsWith(QStringLiteral("VOI LUT: STEP")),
             qPrintable(m_toolbar->windowReadout()->text()));
    QCOMPARE(greyAt(left), 0);    // −50 HU: entry 0
    QCOMPARE(greyAt(right), 255); // +50 HU: entry 4095
    // The value under the pointer stays in HU.
    QCOMPARE(m_view->valueText(left), QStringLiteral("-50 HU"));
    QCOMPARE(m_view->valueText(right), QStringLiteral("50 HU"));

    // Alt+2 is the lung window, linear: −50 HU is ((−50 + 600.5) / 1499 + 0.5) × 255 = 221.
    QTest::keyClick(m_view, Qt::Key_2, Qt::AltModifier);
    QVERIFY(!m_view->showsFileCurve());
    QCOMPARE(m_view->windowText(), QStringLiteral("W 1500 / L -600 HU"));
    QVERIFY(std::abs(greyAt(left) - 221) <= 1);
    QVERIFY(std::abs(greyAt(right) - 238) <= 1);

    // "As the file suggests" brings the curve back.
    QComboBox *box = m_toolbar->windowPresetBox();
    int fileEntry = -1;
    for (int i = 0; i < box->count(); ++i) {
        if (box->itemText(i) == QStringLiteral("As the file suggests (STEP AT 0 HU)"))
            fileEntry = i;
    }
    QVERIFY(fileEntry >= 0);
    emit box->activated(fileEntry);
    QVERIFY(m_view->showsFileCurve());
    QVERIFY2(m_toolbar->windowReadout()->text().startsWith(QStringLiteral("VOI LUT: STEP")),
             qPrintable(m_toolbar->windowReadout()->text()));
    QCOMPARE(greyAt(left), 0);
    QCOMPARE(greyAt(right), 255);
    // The next slice shows through its own curve.
    m_view->waitForSeries();
    QTest::keyClick(m_view, Qt::Key_PageDown);
    QTRY_COMPARE(m_view->valueText(left), QStringLiteral("-60 HU"));
    QVERIFY(m_view->showsFileCurve());
    QCOMPARE(greyAt(left), 0);
    QCOMPARE(greyAt(right), 255);

    // A drag with the right button turns it into a linear window again.
    QWidget *viewport = m_view->viewport();
    QTest::mousePress(viewport, Qt::RightButton, Qt::NoModifier, QPoint(200, 150));
    QTest::mouseMove(viewport, QPoint(260, 150));
    QTest::mouseRelease(viewport, Qt::RightButton, Qt::NoModifier, QPoint(260, 150));
    QVERIFY(!m_view->showsFileCurve());
    QVERIFY(m_view->windowText().startsWith(QStringLiteral("W ")));
    QVERIFY(greyAt(left) > 0);
}

void TestDicomView::aBrokenFileCurveIsSaid()
{
    QTemporaryDir folder;
    const QString path = QDir(folder.path()).filePath(QStringLiteral("short-lut.dcm"));
    QCOMPARE(writeSteppedSlice(path, newDicomUid(), 0, 50, 1500), QString());
    m_view->showSample(prepare(path));
    // The file's window stands, and the view says why the curve does not.
    QVERIFY(!m_view->showsFileCurve());
    QCOMPARE(m_view->windowText(), QStringLiteral("W 400 / L 40 HU"));
    const QString problem = m_view->voiLutProblem();
    QVERIFY2(problem.contains(QLatin1String("short-lut.dcm")), qPrintable(problem));
    QVERIFY2(problem.contains(QLatin1String("LUTData (0028,3006)")), qPrintable(problem));
    QVERIFY2(problem.contains(QLatin1String("the file's window is shown instead")),
             qPrintable(problem));
}

void TestDicomView::screenshot()
{
    // Writes the README's picture when asked (BOUCLE_SCREENSHOT_DIR): a CT-like phantom (body,
    // lungs, spine, a nodule on a few slices) under the lung preset, on a slice away from the
    // predictions.
    const QString directory = qEnvironmentVariable("BOUCLE_SCREENSHOT_DIR");
    if (directory.isEmpty())
        QSKIP("set BOUCLE_SCREENSHOT_DIR to write the screenshot");
    QTemporaryDir phantom;
    const QString series = newDicomUid();
    constexpr int size = 256;
    constexpr int slices = 12;
    QString shown;
    for (int slice = 0; slice < slices; ++slice) {
        DicomTestImage image;
        image.rows = size;
        image.columns = size;
        image.pixelSigned = true;
        image.rescaleSlope = 1.0;
        image.rescaleIntercept = -1024.0;
        image.windowCentre = 40;
        image.windowWidth = 400;
        image.seriesInstanceUid = series;
        image.instanceNumber = slice + 1;
        image.imagePosition = std::array<double, 3> {0, 0, 5.0 * slice};
        image.allocate();
        const auto inside = [](double x, double y, double cx, double cy, double rx, double ry) {
            const double dx = (x - cx) / rx;
            const double dy = (y - cy) / ry;
            return dx * dx + dy * dy <= 1.0;
        };
        for (int y = 0; y < size; ++y) {
            for (int x = 0; x < size; ++x) {
                int hu = -1000;
                if (inside(x, y, 128, 132, 110, 84))
                    hu = 40 + (x * 7 + y * 13) % 11 - 5;
                if (inside(x, y, 88, 120, 34, 52) || inside(x, y, 168, 120, 34, 52))
                    hu = -820 + (x * 5 + y * 3) % 40;
                if (inside(x, y, 128, 190, 16, 14))
                    hu = 700;
                if (slice >= 5 && slice <= 7 && inside(x, y, 160, 104, 7, 7))
                    hu = 30;
                image.at(0, x, y) = quint16(qint16(hu + 1024));
            }
        }
        const QString path = phantom.filePath(QStringLiteral("CT%1.dcm").arg(slice));
        QCOMPARE(writeDicomFile(path, image), QString());
        if (slice == 4)
            shown = path;
    }
    m_window->resize(1700, 760);
    m_view->showSample(prepare(shown));
    m_view->waitForSeries();
    QTest::keyClick(m_view, Qt::Key_2, Qt::AltModifier); // Lung
    QTest::keyClick(m_view, Qt::Key_PageDown);
    QTRY_COMPARE(m_view->currentSlice(), 5);
    QTest::qWait(200);
    m_view->fitToView();
    // The pointer over the nodule's slice neighbour: the read-out shows its value in HU.
    const QPoint over = m_view->mapFromScene(QPointF(160, 104));
    QMouseEvent move(QEvent::MouseMove, QPointF(over),
                     m_view->viewport()->mapToGlobal(QPointF(over)), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(m_view->viewport(), &move);
    QVERIFY2(m_toolbar->windowReadout()->text().endsWith(QStringLiteral("30 HU")),
             qPrintable(m_toolbar->windowReadout()->text()));
    QTest::qWait(100); // the toolbar lays the longer read-out out
    QVERIFY(m_window->grab().save(QDir(directory).filePath(QStringLiteral("dicom-ct-lung.png"))));
}

QTEST_MAIN(TestDicomView)
#include "tst_dicomview.moc"
