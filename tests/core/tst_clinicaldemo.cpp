// The clinical demo end to end on a few cases of opencv-doc's digits: each case is a CT-like
// DICOM series in HU with the digit drawn as a lesion on its middle slices, the log names the
// middle slice and carries a heatmap at the slice's size over the lesion, the seed is version 1
// and a batch is flagged, and the audit chain is intact.
#include "imaging/dicomseries.h"
#include "imaging/npyarray.h"
#include "imaging/sampleimageloader.h"
#include "learning/datasetloader.h"
#include "loop/clinicaldemomaterial.h"
#include "loop/demoproject.h"
#include "loop/loopturn.h"
#include "store/projectstore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

class TestClinicalDemo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void theProjectHoldsCtCasesAndAFlaggedBatch();
    void eachCaseIsASeriesInHounsfieldUnitsWithItsLesion();
    void heatmapsLieOverTheLesionAtTheSlicesSize();
    void retrainingSaysWhyItIsNotOffered();

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_folder;
};

void TestClinicalDemo::initTestCase()
{
    if (!QFile::exists(DatasetLoader::defaultPath(QStringLiteral("digits"))))
        QSKIP("opencv-doc's digits.png is not installed (Debian package opencv-doc)");
    DemoProject::Options options;
    options.dataset = QStringLiteral("ct");
    options.sampleLimit = 60;
    options.batchSize = 10;
    m_folder = m_dir.filePath(QStringLiteral("ct"));
    const auto error = DemoProject::build(m_folder, options, &m_project);
    QVERIFY2(!error, qPrintable(error.message));
}

void TestClinicalDemo::theProjectHoldsCtCasesAndAFlaggedBatch()
{
    ProjectStore store;
    QVERIFY(!store.open(m_project));
    QCOMPARE(store.setting(QStringLiteral("dataset")), QStringLiteral("ct"));
    QCOMPARE(store.classNames().size(), 10);
    QVERIFY(store.sampleCount() >= 40); // 60 digits, 20 % held out of the log
    QCOMPARE(store.headVersion(), 1);
    const auto batch = store.batchByName(QStringLiteral("Loop 1"));
    QVERIFY(batch);
    QCOMPARE(batch->itemCount, 10);
    const auto items = store.batchItems(batch->id, 0, -1);
    QVERIFY(!items.isEmpty());
    const auto sample = store.sample(items.constFirst().sampleId);
    QVERIFY(sample);
    QVERIFY2(sample->path.endsWith(QStringLiteral("/IM05.dcm")), qPrintable(sample->path));
    QCOMPARE(sample->width, ClinicalDemoMaterial::sliceSize);
    QCOMPARE(sample->height, ClinicalDemoMaterial::sliceSize);
    QVERIFY(store.verify().intact);
}

void TestClinicalDemo::eachCaseIsASeriesInHounsfieldUnitsWithItsLesion()
{
    const QString middle = QDir(m_folder).filePath(QStringLiteral("cases/0001/IM05.dcm"));
    QString error;
    int sliceOfFile = -1;
    const auto series = DicomSeries::openSeriesOf(middle, &error, &sliceOfFile);
    QVERIFY2(series, qPrintable(error));
    QCOMPARE(series->sliceCount(), ClinicalDemoMaterial::sliceCount);
    QCOMPARE(sliceOfFile, ClinicalDemoMaterial::sliceCount / 2);
    const DecodedImage decoded = SampleImageLoader::load(middle);
    QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
    QVERIFY(decoded.modality.isHounsfield());
    QVERIFY(decoded.hasWindowLevel());
    const auto valueAt = [](const DecodedImage &image, int x, int y) {
        const QImage &grey = image.grey16Levels.constFirst();
        return image.modality.toModality(
                reinterpret_cast<const quint16 *>(grey.constScanLine(y))[x]);
    };
    // Air outside the body, soft tissue, lung, bone: the phantom's bands in HU.
    QVERIFY(valueAt(decoded, 2, 2) < -900);
    QVERIFY(std::abs(valueAt(decoded, 64, 20) - 40) <= 15);
    QVERIFY(valueAt(decoded, 86, 60) < -750);
    QVERIFY(valueAt(decoded, 64, 98) > 500);
    // The lesion: the middle slice has ink inside the right lung that the first slice has not.
    const DecodedImage first = SampleImageLoader::load(
            QDir(m_folder).filePath(QStringLiteral("cases/0001/IM01.dcm")));
    QVERIFY(first.isValid());
    int lesion = 0;
    for (int y = 38; y < 78; ++y) {
        for (int x = 30; x < 70; ++x) {
            if (valueAt(decoded, x, y) > -300 && valueAt(first, x, y) < -700)
                ++lesion;
        }
    }
    QVERIFY2(lesion > 40, qPrintable(QString::number(lesion)));
}

void TestClinicalDemo::heatmapsLieOverTheLesionAtTheSlicesSize()
{
    QFile log(QDir(m_folder).filePath(QStringLiteral("predictions.jsonl")));
    QVERIFY(log.open(QIODevice::ReadOnly));
    int heatmaps = 0;
    for (const QByteArray &line : log.readAll().split('\n')) {
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        const QString heatmap = entry.value(QStringLiteral("heatmap")).toString();
        if (heatmap.isEmpty())
            continue;
        QVERIFY(entry.value(QStringLiteral("sample")).toString().endsWith(QStringLiteral(".dcm")));
        const NpyArray map = NpyArray::read(QDir(m_folder).filePath(heatmap));
        QVERIFY2(map.isValid(), qPrintable(map.error));
        QCOMPARE(map.rows, ClinicalDemoMaterial::sliceSize);
        QCOMPARE(map.columns, ClinicalDemoMaterial::sliceSize);
        // Nothing outside the lesion's square.
        QCOMPARE(map.values.at(2 * map.columns + 2), 0.0f);
        QCOMPARE(map.values.at(120 * map.columns + 120), 0.0f);
        ++heatmaps;
    }
    QVERIFY(heatmaps > 0);
}

void TestClinicalDemo::retrainingSaysWhyItIsNotOffered()
{
    ProjectStore store;
    QVERIFY(!store.open(m_project));
    const LoopTurn::Plan plan = LoopTurn::plan(store);
    QVERIFY(!plan.refusal.isEmpty());
}

QTEST_GUILESS_MAIN(TestClinicalDemo)
#include "tst_clinicaldemo.moc"
