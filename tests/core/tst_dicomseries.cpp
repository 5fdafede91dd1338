// A DICOM series as one sample: a folder of single-frame files given in any order comes back in
// slice-position order (or by Instance Number without positions), a DICOMDIR lists its images, a
// folder of several series names them, and the loader decodes slice by slice.
#include "dicomtestfiles.h"
#include "imaging/dicomseries.h"
#include "imaging/dicomsliceprefetcher.h"
#include "imaging/sampleimageloader.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

// Slice `index` of a series: every pixel holds the slice's index times 100 (in HU + 1024).
DicomTestImage slice(int index, const QString &seriesUid)
{
    DicomTestImage image;
    image.columns = 6;
    image.rows = 5;
    image.pixelSigned = true;
    image.allocate();
    std::fill(image.grey.begin(), image.grey.end(), quint16(index * 100));
    image.rescaleIntercept = -1024;
    image.rescaleSlope = 1;
    image.seriesInstanceUid = seriesUid;
    return image;
}

quint16 rawAt(const QImage &grey16, int x, int y)
{
    return reinterpret_cast<const quint16 *>(grey16.constScanLine(y))[x];
}

// The slice index a decoded slice was written with.
int writtenIndex(const DicomSeries &series, int slice)
{
    DicomHeader header;
    QString error;
    const QImage image = series.decodeSlice(slice, &header, &error);
    if (image.isNull()) {
        qWarning("%s", qPrintable(error));
        return -1;
    }
    return int(header.modalityMapping().toModality(rawAt(image, 2, 2)) + 1024.0) / 100;
}

} // namespace

class tst_DicomSeries : public QObject
{
    Q_OBJECT

private slots:
    void folderInPositionOrder();
    void instanceNumberWithoutPositions();
    void oneMultiFrameFile();
    void severalSeries();
    void dicomDir();
    void differentSizesAreRefused();
    void prefetcherSteps();

private:
    QTemporaryDir m_dir;
};

void tst_DicomSeries::folderInPositionOrder()
{
    // Files named in shuffled order, instance numbers running the other way round: the position
    // along the normal decides. The orientation is tilted, so the normal is not the z axis.
    const QString folder = m_dir.filePath(QStringLiteral("axial"));
    QVERIFY(QDir().mkpath(folder));
    const QString uid = newDicomUid();
    QList<int> order = {0, 1, 2, 3, 4, 5, 6, 7};
    std::shuffle(order.begin(), order.end(), *QRandomGenerator::global());
    const double c = std::cos(0.3), s = std::sin(0.3);
    for (int file = 0; file < order.size(); ++file) {
        const int index = order[file];
        DicomTestImage image = slice(index, uid);
        image.imageOrientation = {1, 0, 0, 0, c, s};
        const double along = -50.0 + 2.5 * index; // position along the normal (0, -s, c)
        image.imagePosition = std::array<double, 3> {10.0, -s * along, c * along};
        image.instanceNumber = 100 - index;
        QCOMPARE(writeDicomFile(QDir(folder).filePath(QStringLiteral("f%1.dcm").arg(file)), image),
                 QString());
    }
    // Not part of the series: skipped, and said so.
    QFile notes(QDir(folder).filePath(QStringLiteral("README.txt")));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("scanner notes\n");
    notes.close();

    QString error;
    const std::optional<DicomSeries> series = DicomSeries::open(folder, &error);
    QVERIFY2(series.has_value(), qPrintable(error));
    QCOMPARE(series->sliceCount(), 8);
    QCOMPARE(series->skippedFiles().size(), 1);
    QVERIFY(series->skippedFiles().first().contains(QLatin1String("README.txt")));
    for (int i = 0; i < series->sliceCount(); ++i) {
        QCOMPARE(writtenIndex(*series, i), i);
        // Positions are decimal strings in the file: equal to a micrometre.
        QVERIFY(std::abs(*series->slice(i).position - (-50.0 + 2.5 * i)) < 1e-6);
    }
    QCOMPARE(series->indexOfInstance(series->slice(5).sopInstanceUid), 5);

    // From one file of the folder: the whole series, and where that file lies in it.
    int sliceOfFile = -1;
    const QString one = series->slice(6).filePath;
    const std::optional<DicomSeries> around = DicomSeries::openSeriesOf(one, &error, &sliceOfFile);
    QVERIFY2(around.has_value(), qPrintable(error));
    QCOMPARE(around->sliceCount(), 8);
    QCOMPARE(sliceOfFile, 6);

    SampleImageLoader::Options options;
    const DecodedImage fourth = SampleImageLoader::loadSlice(*series, 3, options);
    QVERIFY2(fourth.isValid(), qPrintable(fourth.error));
    QCOMPARE(fourth.frameIndex, 3);
    QCOMPARE(fourth.frameCount, 8);
    QCOMPARE(fourth.modality.toModality(rawAt(fourth.grey16Levels.first(), 0, 0)), 300.0 - 1024.0);
    QVERIFY(!SampleImageLoader::loadSlice(*series, 8, options).isValid());
}

void tst_DicomSeries::instanceNumberWithoutPositions()
{
    const QString folder = m_dir.filePath(QStringLiteral("numbered"));
    QVERIFY(QDir().mkpath(folder));
    const QString uid = newDicomUid();
    const QList<int> order = {3, 0, 4, 2, 1};
    for (int file = 0; file < order.size(); ++file) {
        DicomTestImage image = slice(order[file], uid);
        image.instanceNumber = order[file] + 1;
        QCOMPARE(writeDicomFile(QDir(folder).filePath(QStringLiteral("x%1").arg(file)), image),
                 QString());
    }
    QString error;
    const std::optional<DicomSeries> series = DicomSeries::open(folder, &error);
    QVERIFY2(series.has_value(), qPrintable(error));
    QCOMPARE(series->sliceCount(), 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(*series->slice(i).instanceNumber, i + 1);
        QCOMPARE(writtenIndex(*series, i), i);
    }
}

void tst_DicomSeries::oneMultiFrameFile()
{
    DicomTestImage image = slice(0, newDicomUid());
    image.frames = 6;
    image.allocate();
    for (int frame = 0; frame < 6; ++frame)
        for (int y = 0; y < image.rows; ++y)
            for (int x = 0; x < image.columns; ++x)
                image.at(frame, x, y) = quint16(frame * 100);
    image.encoding = DicomTestImage::Encoding::JpegLs;
    const QString path = m_dir.filePath(QStringLiteral("cine.dcm"));
    QCOMPARE(writeDicomFile(path, image), QString());
    QString error;
    const std::optional<DicomSeries> series = DicomSeries::open(path, &error);
    QVERIFY2(series.has_value(), qPrintable(error));
    QCOMPARE(series->sliceCount(), 6);
    for (int i = 5; i >= 0; --i) {
        QCOMPARE(series->slice(i).frame, i);
        QCOMPARE(writtenIndex(*series, i), i);
    }
}

void tst_DicomSeries::severalSeries()
{
    const QString folder = m_dir.filePath(QStringLiteral("mixed"));
    QVERIFY(QDir().mkpath(folder));
    const QString first = newDicomUid();
    const QString second = newDicomUid();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(writeDicomFile(QDir(folder).filePath(QStringLiteral("a%1.dcm").arg(i)),
                                slice(i, first)),
                 QString());
    QCOMPARE(writeDicomFile(QDir(folder).filePath(QStringLiteral("b.dcm")), slice(7, second)),
             QString());
    QString error;
    QVERIFY(!DicomSeries::open(folder, &error).has_value());
    QVERIFY2(error.contains(QLatin1String("2 series")) && error.contains(first)
                     && error.contains(second),
             qPrintable(error));
    const std::optional<DicomSeries> chosen = DicomSeries::open(folder, &error, second);
    QVERIFY2(chosen.has_value(), qPrintable(error));
    QCOMPARE(chosen->sliceCount(), 1);
    QCOMPARE(writtenIndex(*chosen, 0), 7);
    QCOMPARE(chosen->skippedFiles().size(), 3);
}

void tst_DicomSeries::dicomDir()
{
    const QString folder = m_dir.filePath(QStringLiteral("media"));
    QVERIFY(QDir().mkpath(folder));
    const QString uid = newDicomUid();
    QStringList names;
    for (int i = 0; i < 4; ++i) {
        DicomTestImage image = slice(3 - i, uid);
        image.instanceNumber = 4 - i;
        image.imagePosition = std::array<double, 3> {0.0, 0.0, 10.0 * (3 - i)};
        const QString name = QStringLiteral("IM%1").arg(i + 1);
        QCOMPARE(writeDicomFile(QDir(folder).filePath(name), image), QString());
        names.append(name);
    }
    QCOMPARE(writeDicomDir(folder, names), QString());
    const QString dicomDir = QDir(folder).filePath(QStringLiteral("DICOMDIR"));
    QVERIFY(QFile::exists(dicomDir));

    QString error;
    const std::optional<DicomSeries> series = DicomSeries::open(dicomDir, &error);
    QVERIFY2(series.has_value(), qPrintable(error));
    QCOMPARE(series->sliceCount(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(writtenIndex(*series, i), i);
    // The loader shows a DICOMDIR as its series.
    SampleImageLoader::Options options;
    options.frame = 1;
    const DecodedImage second = SampleImageLoader::load(dicomDir, options);
    QVERIFY2(second.isValid(), qPrintable(second.error));
    QCOMPARE(second.frameCount, 4);
    QCOMPARE(second.modality.toModality(rawAt(second.grey16Levels.first(), 1, 1)), 100.0 - 1024.0);
    // So does a thumbnail (its first slice).
    const QImage thumbnail = SampleImageLoader::decodeThumbnail(dicomDir, QSize(4, 4), &error);
    QVERIFY2(!thumbnail.isNull(), qPrintable(error));
}

void tst_DicomSeries::differentSizesAreRefused()
{
    const QString folder = m_dir.filePath(QStringLiteral("odd"));
    QVERIFY(QDir().mkpath(folder));
    const QString uid = newDicomUid();
    QCOMPARE(writeDicomFile(QDir(folder).filePath(QStringLiteral("a.dcm")), slice(0, uid)),
             QString());
    DicomTestImage wide = slice(1, uid);
    wide.columns = 9;
    wide.allocate();
    QCOMPARE(writeDicomFile(QDir(folder).filePath(QStringLiteral("b.dcm")), wide), QString());
    QString error;
    QVERIFY(!DicomSeries::open(folder, &error).has_value());
    QVERIFY2(error.contains(QLatin1String("b.dcm")) && error.contains(QStringLiteral("9 × 5")),
             qPrintable(error));
}

void tst_DicomSeries::prefetcherSteps()
{
    const QString folder = m_dir.filePath(QStringLiteral("stack"));
    QVERIFY(QDir().mkpath(folder));
    const QString uid = newDicomUid();
    for (int i = 0; i < 10; ++i) {
        DicomTestImage image = slice(i, uid);
        image.instanceNumber = i + 1;
        QCOMPARE(writeDicomFile(QDir(folder).filePath(QStringLiteral("s%1.dcm").arg(9 - i)), image),
                 QString());
    }
    QString error;
    const std::optional<DicomSeries> series = DicomSeries::open(folder, &error);
    QVERIFY2(series.has_value(), qPrintable(error));

    DicomSlicePrefetcher prefetcher;
    QSignalSpy ready(&prefetcher, &DicomSlicePrefetcher::sliceReady);
    prefetcher.setReach(3, 1);
    prefetcher.setSeries(*series);
    prefetcher.setCurrent(0);
    const auto first = prefetcher.waitForSlice(0);
    QVERIFY(first && first->isValid());
    QCOMPARE(first->frameIndex, 0);
    prefetcher.waitForDone();
    // The slices ahead are ready before they are asked for; those beyond the reach are not.
    QVERIFY(prefetcher.slice(3) != nullptr);
    QVERIFY(prefetcher.slice(4) == nullptr);
    QTRY_COMPARE(ready.count(), 4);
    for (int i = 1; i < 10; ++i) {
        prefetcher.setCurrent(i);
        const auto decoded = prefetcher.waitForSlice(i);
        QVERIFY(decoded && decoded->isValid());
        QCOMPARE(decoded->frameIndex, i);
        const double hu = decoded->modality.toModality(rawAt(decoded->grey16Levels.first(), 1, 1));
        QCOMPARE(hu, i * 100.0 - 1024.0);
    }
    // Back up: the slice behind is kept.
    prefetcher.waitForDone();
    QVERIFY(prefetcher.slice(8) != nullptr);
}

QTEST_GUILESS_MAIN(tst_DicomSeries)
#include "tst_dicomseries.moc"
