// A sample whose file changed on disk after import is shown with a sentence that says so, over
// the image; an unchanged one is shown without it.
#include "ingest/datarootfile.h"
#include "ingest/samplefileprobe.h"
#include "reviewfixture.h"
#include "sampleview/sampleview.h"
#include "windowfixture.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

class TestSampleFileNotice : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void changedFileIsSaidOverTheImage();

private:
    WindowFixture m_window;
};

void TestSampleFileNotice::initTestCase()
{
    WindowFixture::isolateSettings(QStringLiteral("tst_samplefilenotice"));
}

void TestSampleFileNotice::init()
{
    QVERIFY(m_window.prepare());
}

void TestSampleFileNotice::cleanup()
{
    m_window.reset();
}

void TestSampleFileNotice::changedFileIsSaidOverTheImage()
{
    const QString images = m_window.filePath(QStringLiteral("images"));
    ReviewFixture fixture;
    QVERIFY(!m_window.createProject([&](ProjectStore &store) -> StoreError {
        if (auto error = makeReviewFixture(store, 3, fixture, images))
            return error;
        // What the import saw of each file: its size and time.
        const DataRootFile root(store.dataRoot(), store.path());
        QList<ContentObservation> seen;
        for (const auto &item : std::as_const(fixture.items)) {
            SampleRecord sample = *store.sample(item.sampleId);
            QString refusal;
            if (!SampleFileProbe::inspect(root, sample.path, sample, &refusal))
                return StoreError::make(StoreError::Code::InvalidArgument, refusal);
            ContentObservation observation;
            observation.sampleId = item.sampleId;
            observation.byteSize = sample.byteSize;
            observation.modifiedNs = sample.modifiedNs;
            observation.source = ContentObservation::Source::Import;
            seen.append(observation);
        }
        return store.addContentObservations(seen);
    }));
    // After import, someone saved another picture over the first sample.
    const QString first = QDir(images).filePath(QStringLiteral("sample_0000.png"));
    const qint64 before = QFileInfo(first).size();
    QImage other(64, 48, QImage::Format_RGB32);
    other.fill(Qt::red);
    QVERIFY(other.save(first, "PNG"));
    const qint64 after = QFileInfo(first).size();
    QVERIFY(after != before);

    QVERIFY(!m_window.openWindow(QSize(1200, 800)));
    MainWindow *window = m_window.window();
    m_window.settle();
    const QLocale locale;
    const QString notice = window->sampleView()->fileNotice();
    QVERIFY2(notice.startsWith(QStringLiteral("This file changed since it was imported (size %1 → "
                                              "%2 bytes, modified ")
                                       .arg(locale.toString(before), locale.toString(after))),
             qPrintable(notice));
    QVERIFY(window->sampleView()->isVisible());

    // The next sample is as it was imported: no sentence.
    m_window.press(Qt::Key_J); // next item
    m_window.settle();
    QTRY_COMPARE(window->sampleView()->fileNotice(), QString());
}

QTEST_MAIN(TestSampleFileNotice)
#include "tst_samplefilenotice.moc"
