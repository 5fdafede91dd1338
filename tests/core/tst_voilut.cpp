// A DICOM VOI LUT applied as its curve: the grey shown for known pixels is the LUT's entry for
// their modality value (after the rescale, whatever the signed storage), clamped at both ends,
// still inverted for MONOCHROME1; a LUT that is broken is set aside with a sentence naming the
// file and the attribute, and the file's window (or none) stands.
#include "dicomtestfiles.h"
#include "imaging/dicomheader.h"
#include "imaging/sampleimageloader.h"
#include "imaging/voilut.h"

#include <QColor>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

// Hounsfield units of the CT test image's pixels, left to right on one row.
const std::vector<int> ctHounsfield = {-2000, -100, -50, 0, 50, 100, 500, 3000};

// A signed CT row stored as HU + 1024 (Rescale Intercept −1024), with a non-linear VOI LUT: a
// parabola over −100 … 100 HU, 201 entries of 12 bits, entry i = floor(i² / 10) (0 … 4000).
DicomTestImage ctWithParabola()
{
    DicomTestImage image;
    image.columns = int(ctHounsfield.size());
    image.rows = 1;
    image.pixelSigned = true;
    image.allocate();
    for (int x = 0; x < image.columns; ++x)
        image.at(0, x, 0) = quint16(qint16(ctHounsfield[size_t(x)] + 1024));
    image.rescaleSlope = 1.0;
    image.rescaleIntercept = -1024.0;
    image.rescaleType = QStringLiteral("HU");
    DicomTestImage::VoiLut lut;
    lut.entries = 201;
    lut.firstMapped = -100;
    lut.bitsPerEntry = 12;
    for (int i = 0; i < 201; ++i)
        lut.data.push_back(quint16(i * i / 10));
    lut.explanation = QStringLiteral("PARABOLA");
    image.voiLut = lut;
    return image;
}

// The grey the display level shows at (x, y) (an RGB32 level of grey pixels).
int shownGrey(const DecodedImage &decoded, int x, int y)
{
    return qGray(decoded.levels.constFirst().pixel(x, y));
}

} // namespace

class tst_VoiLut : public QObject
{
    Q_OBJECT

private slots:
    void curveOverSignedCt();
    void presetsStayLinear();
    void monochrome1_data();
    void monochrome1();
    void brokenLutFallsBack_data();
    void brokenLutFallsBack();

private:
    QTemporaryDir m_dir;
};

void tst_VoiLut::curveOverSignedCt()
{
    const QString path = m_dir.filePath(QStringLiteral("ct-parabola.dcm"));
    QCOMPARE(writeDicomFile(path, ctWithParabola()), QString());
    QString error;
    const auto header = DicomHeader::read(path, &error);
    QVERIFY2(header, qPrintable(error));
    QVERIFY2(header->voiLut.has_value(), qPrintable(header->voiLutProblem));
    // The first value mapped is read signed (written as its 16 bits, 0xFF9C).
    QCOMPARE(header->voiLut->firstMapped, -100.0);
    QCOMPARE(header->voiLut->bitsPerEntry, 12);
    QCOMPARE(header->voiLut->entries.size(), size_t(201));
    QCOMPARE(header->voiLut->explanation, QStringLiteral("PARABOLA"));

    const DecodedImage decoded = SampleImageLoader::load(path);
    QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
    QVERIFY(decoded.fileCurve);
    QVERIFY(decoded.fileCurve->isCurve());
    QVERIFY(decoded.mappedWithFileCurve);
    QCOMPARE(decoded.fileCurveExplanation, QStringLiteral("PARABOLA"));
    QVERIFY(decoded.voiLutProblem.isEmpty());
    // The window that stands for the curve (the band a drag starts from) is its input range.
    const WindowLevel band = decoded.modality.windowToModality(decoded.window);
    QCOMPARE(band.lower(), -100.0);
    QCOMPARE(band.upper(), 100.0);

    // grey = round(entry × 255 / 4095), entry = floor(i² / 10), i = HU + 100 clamped to 0 … 200:
    const std::vector<int> expected = {
            0,   // −2000 HU: below the first value mapped, the first entry (0)
            0,   // −100 HU: i = 0, entry 0
            16,  // −50 HU: i = 50, entry 250, 250 × 255 / 4095 = 15.57
            62,  // 0 HU: i = 100, entry 1000, 62.27 (a linear window would show 128)
            140, // 50 HU: i = 150, entry 2250, 140.11
            249, // 100 HU: i = 200, entry 4000, 249.08
            249, // 500 HU: past the last value mapped, the last entry
            249, // 3000 HU: the same
    };
    const QImage &raw = decoded.grey16Levels.constFirst();
    for (int x = 0; x < int(expected.size()); ++x) {
        const quint16 value = reinterpret_cast<const quint16 *>(raw.constScanLine(0))[x];
        // The value kept is the signed value offset by 32768; the read-out is still in HU.
        QCOMPARE(decoded.modality.toModality(value), double(ctHounsfield[size_t(x)]));
        QCOMPARE(shownGrey(decoded, x, 0), expected[size_t(x)]);
        QCOMPARE(int(decoded.fileCurve->grey(value)), expected[size_t(x)]);
    }

    // The thumbnail goes through the curve as well.
    const QImage thumbnail = SampleImageLoader::decodeThumbnail(path, QSize(64, 64), &error);
    QVERIFY2(!thumbnail.isNull(), qPrintable(error));
    QCOMPARE(qGray(thumbnail.pixel(3, 0)), 62);
}

void tst_VoiLut::presetsStayLinear()
{
    const QString path = m_dir.filePath(QStringLiteral("ct-parabola-lung.dcm"));
    QCOMPARE(writeDicomFile(path, ctWithParabola()), QString());
    SampleImageLoader::Options options;
    options.initialWindow = WindowPreset::CtLung;
    const DecodedImage lung = SampleImageLoader::load(path, options);
    QVERIFY2(lung.isValid(), qPrintable(lung.error));
    QVERIFY(lung.fileCurve); // still offered
    QVERIFY(!lung.mappedWithFileCurve);
    // Lung, W 1500 / L −600 (−1350 … 150 HU), linear: 0 HU (kept as 32768 + 1024) shows
    // ((0 + 600.5) / 1499 + 0.5) × 255 = 229.7, not the curve's 62.
    QCOMPARE(shownGrey(lung, 3, 0), 230);
    QCOMPARE(shownGrey(lung, 3, 0), int(WindowLevelTable(lung.window).grey(32768 + 1024)));
}

void tst_VoiLut::monochrome1_data()
{
    QTest::addColumn<std::vector<quint16>>("data");
    QTest::addColumn<bool>("dataAsOw");
    // Four 8-bit entries, 0, 10, 200, 255, over stored values 0 … 3.
    QTest::newRow("one entry a word, US") << std::vector<quint16> {0, 10, 200, 255} << false;
    QTest::newRow("two entries a word, OW")
            << std::vector<quint16> {quint16(0 | (10 << 8)), quint16(200 | (255 << 8))} << true;
}

void tst_VoiLut::monochrome1()
{
    QFETCH(std::vector<quint16>, data);
    QFETCH(bool, dataAsOw);
    DicomTestImage image;
    image.columns = 5;
    image.rows = 1;
    image.photometric = QStringLiteral("MONOCHROME1");
    image.modality = QStringLiteral("CR");
    image.allocate();
    const std::vector<quint16> stored = {0, 1, 2, 3, 1000};
    for (int x = 0; x < image.columns; ++x)
        image.at(0, x, 0) = stored[size_t(x)];
    DicomTestImage::VoiLut lut;
    lut.entries = 4;
    lut.firstMapped = 0;
    lut.bitsPerEntry = 8;
    lut.data = data;
    lut.dataAsOw = dataAsOw;
    image.voiLut = lut;
    const QString path = m_dir.filePath(QStringLiteral("cr-m1-%1.dcm").arg(dataAsOw));
    QCOMPARE(writeDicomFile(path, image), QString());

    const DecodedImage decoded = SampleImageLoader::load(path);
    QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
    QVERIFY2(decoded.fileCurve, qPrintable(decoded.voiLutProblem));
    QVERIFY(decoded.monochrome1);
    // The LUT sees the stored values (no rescale); MONOCHROME1 then shows low output light:
    // grey = 255 − entry (8-bit entries are greys already).
    const std::vector<int> expected = {
            255, // stored 0: entry 0
            245, // stored 1: entry 10
            55,  // stored 2: entry 200
            0,   // stored 3: entry 255
            0,   // stored 1000: past the last, entry 255
    };
    const QImage &raw = decoded.grey16Levels.constFirst();
    for (int x = 0; x < image.columns; ++x) {
        const quint16 value = reinterpret_cast<const quint16 *>(raw.constScanLine(0))[x];
        QCOMPARE(decoded.modality.toModality(value), double(stored[size_t(x)]));
        QCOMPARE(shownGrey(decoded, x, 0), expected[size_t(x)]);
    }
}

void tst_VoiLut::brokenLutFallsBack_data()
{
    QTest::addColumn<int>("entries");
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("words");
    QTest::addColumn<quint16>("fill");
    QTest::addColumn<bool>("withWindow");
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<QString>("reason");
    QTest::newRow("data shorter than the descriptor, window stands")
            << 201 << 12 << 100 << quint16(7) << true << "LUTData (0028,3006)"
            << "holds 100 entries, but the LUT Descriptor (0028,3002) says 201";
    QTest::newRow("data shorter than the descriptor, no window")
            << 201 << 12 << 100 << quint16(7) << false << "LUTData (0028,3006)"
            << "holds 100 entries, but the LUT Descriptor (0028,3002) says 201";
    QTest::newRow("0 entries means 65536")
            << 0 << 16 << 256 << quint16(7) << true << "LUTData (0028,3006)"
            << "says 65536";
    QTest::newRow("bits out of range")
            << 16 << 20 << 16 << quint16(7) << true << "LUTDescriptor (0028,3002)"
            << "says 20 bits an entry";
    QTest::newRow("an entry beyond its bits")
            << 16 << 10 << 16 << quint16(2000) << true << "LUTData (0028,3006)"
            << "holds the entry 2000, more than 10 bits can hold";
}

void tst_VoiLut::brokenLutFallsBack()
{
    QFETCH(int, entries);
    QFETCH(int, bits);
    QFETCH(int, words);
    QFETCH(quint16, fill);
    QFETCH(bool, withWindow);
    QFETCH(QString, attribute);
    QFETCH(QString, reason);
    DicomTestImage image = ctWithParabola();
    image.voiLut->entries = quint16(entries);
    image.voiLut->bitsPerEntry = quint16(bits);
    image.voiLut->data.assign(size_t(words), fill);
    if (withWindow) {
        image.windowCentre = 40.0;
        image.windowWidth = 400.0;
    }
    const QString path = m_dir.filePath(QStringLiteral("broken-lut.dcm"));
    QCOMPARE(writeDicomFile(path, image), QString());

    const DecodedImage decoded = SampleImageLoader::load(path);
    QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
    QVERIFY(!decoded.fileCurve);
    QVERIFY(!decoded.mappedWithFileCurve);
    const QString &problem = decoded.voiLutProblem;
    QVERIFY2(problem.contains(QLatin1String("broken-lut.dcm")), qPrintable(problem));
    QVERIFY2(problem.contains(attribute), qPrintable(problem));
    QVERIFY2(problem.contains(reason), qPrintable(problem));
    if (withWindow) {
        QVERIFY2(problem.contains(QLatin1String("the file's window is shown instead")),
                 qPrintable(problem));
        QVERIFY(decoded.fileWindow.has_value());
        const WindowLevel window = decoded.modality.windowToModality(decoded.window);
        QCOMPARE(window.centre, 40.0);
        QCOMPARE(window.width, 400.0);
    } else {
        QVERIFY2(problem.contains(QLatin1String("shown without it")), qPrintable(problem));
        QVERIFY(!decoded.fileWindow.has_value());
        QCOMPARE(decoded.window,
                 windowForPreset(WindowPreset::Auto, decoded.statistics, decoded.modality));
    }
}

QTEST_GUILESS_MAIN(tst_VoiLut)
#include "tst_voilut.moc"
