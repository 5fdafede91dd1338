// The review window with hostile samples: files that changed after import into a named pipe, a
// link to /dev/zero, or a small file claiming a huge image. The window shows a placeholder that
// says what is wrong, the reviewer moves on, and closing the window never waits on a pipe.
#include "hostilefiles.h"
#include "imaging/sampleprefetcher.h"
#include "mainwindow.h"
#include "queue/queuemodel.h"
#include "reviewfixture.h"
#include "sampleview/sampleview.h"
#include "screenshots.h"
#include "store/projectstore.h"
#include "windowfixture.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

class TestHostileSamples : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void windowMovesOnAndCloses();

private:
    WindowFixture m_window;
};

void TestHostileSamples::initTestCase()
{
    WindowFixture::isolateSettings(QStringLiteral("tst_hostilesamples"));
}

void TestHostileSamples::init()
{
    QVERIFY(m_window.prepare());
}

void TestHostileSamples::cleanup()
{
    m_window.reset();
}

void TestHostileSamples::windowMovesOnAndCloses()
{
    const QString images = m_window.filePath(QStringLiteral("images"));
    ReviewFixture fixture;
    QVERIFY(!m_window.createProject(
            [&](ProjectStore &store) { return makeReviewFixture(store, 6, fixture, images); }));
    auto file = [&images](const char *name) {
        return QDir(images).filePath(QLatin1String(name));
    };
    // After import: the first sample became a pipe, the second a 16384 x 16384 16-bit PNG of
    // 3 MB, the third's heatmap a link to /dev/zero, the fourth a TIFF claiming 25000 x 25000.
    QVERIFY(QFile::remove(file("sample_0000.png")));
    QVERIFY(makeFifo(file("sample_0000.png")));
    QVERIFY(writeZeroPng(file("sample_0001.png"), QSize(16384, 16384), 1, 16));
    QVERIFY(QFile::remove(file("heat_0002.png")));
    QVERIFY(QFile::link(QStringLiteral("/dev/zero"), file("heat_0002.png")));
    QVERIFY(writeZeroTiff(file("sample_0003.png"), QSize(25000, 25000)));
    FifoWatchdog watchdog(file("sample_0000.png"));

    // Opened without waiting for the prefetcher: each placeholder is waited for below.
    QVERIFY(m_window.showWindow(QSize(1200, 800)));
    MainWindow *window = m_window.window();
    const StoreError error = window->openProject(m_window.projectPath());
    QVERIFY2(!error, qPrintable(error.message));
    QCOMPARE(window->queueModel()->rowCount(), 6);

    auto placeholder = [window] {
        return window->sampleView()->placeholderText();
    };
    QTRY_VERIFY2(placeholder().contains(QLatin1String("named pipe (FIFO), not a regular file")),
                 qPrintable(placeholder()));
    QVERIFY(placeholder().contains(QLatin1String("sample_0000.png")));

    window->goToRow(1);
    QTRY_VERIFY2(placeholder().contains(QLatin1String("16384 x 16384 pixels")),
                 qPrintable(placeholder()));
    QVERIFY(placeholder().contains(QLatin1String("Boucle opens images up to 128 megapixels")));
    QString screenshotError;
    QVERIFY2(saveScreenshot(window->grab().toImage(), QStringLiteral("workspace-hostile-image.png"),
                            &screenshotError),
             qPrintable(screenshotError));

    // The image shows; its heatmap is refused and the view says why.
    window->goToRow(2);
    const SampleId third = fixture.items.at(2).sampleId;
    QTRY_VERIFY(window->prefetcher()->sample(third) != nullptr);
    const auto prepared = window->prefetcher()->sample(third);
    QVERIFY(prepared->image.isValid());
    QVERIFY2(prepared->heatmap.field.error.contains(QLatin1String("character device")),
             qPrintable(prepared->heatmap.field.error));

    window->goToRow(3);
    QTRY_VERIFY2(placeholder().contains(QLatin1String("sample_0003.png is 25000 x 25000 pixels")),
                 qPrintable(placeholder()));

    // Thumbnails of the queue were asked for the pipe too; closing must not wait on it.
    window->goToRow(0);
    QTest::qWait(50);
    m_window.closeWindow();
    QVERIFY2(!watchdog.readerSeen(), "a worker opened the named pipe for reading");
}

QTEST_MAIN(TestHostileSamples)
#include "tst_hostilesamples.moc"
