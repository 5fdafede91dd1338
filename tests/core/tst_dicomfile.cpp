// Reading DICOM files: every kind a scanner writes (signed 16-bit CT with rescale to HU, 12-bit,
// 8-bit, MONOCHROME1, RGB, multi-frame, JPEG-LS, JPEG lossless and RLE compressed), decoded
// values compared with the stored ones pixel by pixel through the modality mapping; and broken
// files, which give an error naming the file and the attribute.
#include "dicomtestfiles.h"
#include "imaging/dicomattributes.h"
#include "imaging/dicomfile.h"
#include "imaging/dicomheader.h"
#include "imaging/imageheader.h"
#include "imaging/regularfile.h"
#include "imaging/sampleimageloader.h"
#include "ingest/datarootfile.h"
#include "ingest/samplefileprobe.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;
using Encoding = DicomTestImage::Encoding;

Q_DECLARE_METATYPE(DicomTestImage::Encoding)

namespace {

// A CT-like slice: signed values from -2000 (outside the scan) through air, tissue and bone.
DicomTestImage ctImage(int columns = 32, int rows = 24)
{
    DicomTestImage image;
    image.columns = columns;
    image.rows = rows;
    image.pixelSigned = true;
    image.bitsStored = 16;
    image.allocate();
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < columns; ++x)
            image.at(0, x, y) = quint16(qint16(-2000 + x * 97 + y * 131));
    image.rescaleSlope = 1.0;
    image.rescaleIntercept = -1024.0;
    image.windowCentre = 40.0;
    image.windowWidth = 400.0;
    image.windowExplanation = QStringLiteral("SOFT TISSUE");
    return image;
}

qint16 storedSigned(const DicomTestImage &image, int frame, int x, int y)
{
    return qint16(
            image.grey[(size_t(frame) * size_t(image.rows) + size_t(y)) * size_t(image.columns)
                       + size_t(x)]);
}

quint16 rawAt(const QImage &grey16, int x, int y)
{
    return reinterpret_cast<const quint16 *>(grey16.constScanLine(y))[x];
}

} // namespace

class tst_DicomFile : public QObject
{
    Q_OBJECT

private slots:
    void signedCtToHounsfield_data();
    void signedCtToHounsfield();
    void loaderKeepsTheFileWindow();
    void unsigned12Bit();
    void eightBit();
    void monochrome1IsInverted();
    void rgb_data();
    void rgb();
    void multiFrame();
    void enhancedMultiFrame();
    void headerWithoutPixels();
    void importProbeReadsTheHeader();
    void attributesForATagBrowser();
    void badInput_data();
    void badInput();

private:
    QTemporaryDir m_dir;
};

void tst_DicomFile::signedCtToHounsfield_data()
{
    QTest::addColumn<Encoding>("encoding");
    QTest::addColumn<double>("slope");
    QTest::addColumn<double>("intercept");
    QTest::newRow("native, slope 1") << Encoding::Native << 1.0 << -1024.0;
    QTest::newRow("native, slope 2") << Encoding::Native << 2.0 << -1000.0;
    QTest::newRow("JPEG-LS lossless") << Encoding::JpegLs << 1.0 << -1024.0;
    QTest::newRow("JPEG lossless") << Encoding::JpegLossless << 1.0 << -1024.0;
    QTest::newRow("RLE") << Encoding::Rle << 1.0 << -1024.0;
}

void tst_DicomFile::signedCtToHounsfield()
{
    QFETCH(Encoding, encoding);
    QFETCH(double, slope);
    QFETCH(double, intercept);
    DicomTestImage image = ctImage();
    image.rescaleSlope = slope;
    image.rescaleIntercept = intercept;
    image.encoding = encoding;
    const QString path = m_dir.filePath(QStringLiteral("ct-%1.dcm").arg(int(encoding)));
    QCOMPARE(writeDicomFile(path, image), QString());

    DicomFile file;
    QString error;
    QVERIFY2(file.open(path, &error), qPrintable(error));
    QCOMPARE(file.header().isCompressed(), encoding != Encoding::Native);
    const QImage decoded = file.decodeFrame(0, &error);
    QVERIFY2(!decoded.isNull(), qPrintable(error));
    QCOMPARE(decoded.format(), QImage::Format_Grayscale16);
    QCOMPARE(decoded.size(), QSize(image.columns, image.rows));
    const ModalityMapping mapping = file.header().modalityMapping();
    QCOMPARE(mapping.unit, QStringLiteral("HU"));
    // Every pixel, and named points: the corner outside the scan, air, bone.
    for (int y = 0; y < image.rows; ++y) {
        for (int x = 0; x < image.columns; ++x) {
            const double expected = storedSigned(image, 0, x, y) * slope + intercept;
            QCOMPARE(mapping.toModality(rawAt(decoded, x, y)), expected);
        }
    }
    QCOMPARE(mapping.toModality(rawAt(decoded, 0, 0)), -2000 * slope + intercept);
    QCOMPARE(mapping.toModality(rawAt(decoded, 31, 23)),
             (-2000 + 31 * 97 + 23 * 131) * slope + intercept);
}

void tst_DicomFile::loaderKeepsTheFileWindow()
{
    // Told by its marker, not its name.
    const QString path = m_dir.filePath(QStringLiteral("slice.bin"));
    QCOMPARE(writeDicomFile(path, ctImage()), QString());
    const DecodedImage decoded = SampleImageLoader::load(path);
    QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
    QVERIFY(decoded.hasWindowLevel());
    QCOMPARE(decoded.size, QSize(32, 24));
    QCOMPARE(decoded.modality.unit, QStringLiteral("HU"));
    QVERIFY(decoded.fileWindow.has_value());
    QCOMPARE(decoded.window, *decoded.fileWindow);
    QCOMPARE(decoded.fileWindowExplanation, QStringLiteral("SOFT TISSUE"));
    const WindowLevel inHounsfield = decoded.modality.windowToModality(decoded.window);
    QCOMPARE(inHounsfield.centre, 40.0);
    QCOMPARE(inHounsfield.width, 400.0);
    QCOMPARE(decoded.frameCount, 1);
    // The CT presets now apply in HU through the mapping: soft tissue is the file's window.
    QCOMPARE(windowForPreset(WindowPreset::CtSoftTissue, decoded.statistics, decoded.modality),
             decoded.window);
    // A preset asked for wins over the file's window.
    SampleImageLoader::Options options;
    options.initialWindow = WindowPreset::CtLung;
    const DecodedImage lung = SampleImageLoader::load(path, options);
    QCOMPARE(lung.modality.windowToModality(lung.window).centre, -600.0);
    // Thumbnails and plain decodes read DICOM too.
    QString error;
    const QImage thumbnail = SampleImageLoader::decodeThumbnail(path, QSize(16, 16), &error);
    QVERIFY2(!thumbnail.isNull(), qPrintable(error));
    QVERIFY(thumbnail.width() <= 16 && thumbnail.height() <= 16);
    QCOMPARE(SampleImageLoader::decode(path, SampleImageLoader::Decoder::Auto, &error).format(),
             QImage::Format_Grayscale16);
}

void tst_DicomFile::unsigned12Bit()
{
    DicomTestImage image;
    image.columns = 16;
    image.rows = 8;
    image.bitsStored = 12;
    image.highBit = 11;
    image.modality = QStringLiteral("MR");
    image.allocate();
    for (int y = 0; y < image.rows; ++y)
        for (int x = 0; x < image.columns; ++x)
            image.at(0, x, y) = quint16((x * 250 + y * 17) % 4096);
    // Bits above the high bit are not part of the value (old files keep overlays there).
    image.at(0, 3, 3) = quint16(0xF000 | 1234);
    const QString path = m_dir.filePath(QStringLiteral("mr12.dcm"));
    QCOMPARE(writeDicomFile(path, image), QString());
    const DecodedImage decoded = SampleImageLoader::load(path);
    QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
    QVERIFY(decoded.modality.isIdentity());
    const QImage &raw = decoded.grey16Levels.first();
    QCOMPARE(rawAt(raw, 5, 2), quint16((5 * 250 + 2 * 17) % 4096));
    QCOMPARE(rawAt(raw, 15, 7), quint16((15 * 250 + 7 * 17) % 4096));
    QCOMPARE(rawAt(raw, 3, 3), quint16(1234));
    QVERIFY(!decoded.fileWindow.has_value());
    QCOMPARE(decoded.window, windowForPreset(WindowPreset::Auto, decoded.statistics));
}

void tst_DicomFile::eightBit()
{
    DicomTestImage image;
    image.columns = 10;
    image.rows = 10;
    image.bitsAllocated = 8;
    image.bitsStored = 8;
    image.highBit = 7;
    image.modality = QStringLiteral("XA");
    image.allocate();
    for (int y = 0; y < image.rows; ++y)
        for (int x = 0; x < image.columns; ++x)
            image.at(0, x, y) = quint16(x * 25 + y);
    const QString path = m_dir.filePath(QStringLiteral("xa8.dcm"));
    QCOMPARE(writeDicomFile(path, image), QString());
    QString error;
    DicomHeader header;
    const QImage decoded = DicomFile::decodeFrame(path, 0, &header, &error);
    QVERIFY2(!decoded.isNull(), qPrintable(error));
    QCOMPARE(header.bitsAllocated, 8);
    QCOMPARE(rawAt(decoded, 9, 9), quint16(9 * 25 + 9));
    QCOMPARE(rawAt(decoded, 0, 0), quint16(0));
}

void tst_DicomFile::monochrome1IsInverted()
{
    DicomTestImage image;
    image.columns = 8;
    image.rows = 2;
    image.photometric = QStringLiteral("MONOCHROME1");
    image.modality = QStringLiteral("CR");
    image.allocate();
    for (int x = 0; x < image.columns; ++x) {
        image.at(0, x, 0) = quint16(100 + x);  // low values: white in MONOCHROME1
        image.at(0, x, 1) = quint16(4000 + x); // high values: black
    }
    image.windowCentre = 2000;
    image.windowWidth = 4000;
    const QString path = m_dir.filePath(QStringLiteral("cr.dcm"));
    QCOMPARE(writeDicomFile(path, image), QString());
    SampleImageLoader::Options options;
    options.buildLevels = false;
    const DecodedImage decoded = SampleImageLoader::load(path, options);
    QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
    QVERIFY(decoded.monochrome1);
    const QImage &raw = decoded.grey16Levels.first();
    for (int x = 0; x < image.columns; ++x) {
        QCOMPARE(decoded.modality.toModality(rawAt(raw, x, 0)), 100.0 + x);
        QCOMPARE(decoded.modality.toModality(rawAt(raw, x, 1)), 4000.0 + x);
    }
    // Shown through the file's window, low values are light and high values dark.
    const QImage shown = decoded.levels.first();
    QVERIFY(qGray(shown.pixel(0, 0)) > 200);
    QVERIFY(qGray(shown.pixel(0, 1)) < 50);
    const WindowLevel window = decoded.modality.windowToModality(decoded.window);
    QCOMPARE(window.centre, 2000.0);
    QCOMPARE(window.width, 4000.0);
}

void tst_DicomFile::rgb_data()
{
    QTest::addColumn<Encoding>("encoding");
    QTest::addColumn<int>("tolerance"); // per channel
    QTest::newRow("native") << Encoding::Native << 0;
    QTest::newRow("RLE") << Encoding::Rle << 0;
    QTest::newRow("JPEG baseline, YBR_FULL_422") << Encoding::JpegBaseline << 24;
}

void tst_DicomFile::rgb()
{
    QFETCH(Encoding, encoding);
    QFETCH(int, tolerance);
    DicomTestImage image;
    // Blocks of 8 x 8 pixels of one colour, so that lossy JPEG keeps each block's colour.
    image.columns = 24;
    image.rows = 16;
    image.photometric = QStringLiteral("RGB");
    image.encoding = encoding;
    image.bitsAllocated = 8;
    image.bitsStored = 8;
    image.highBit = 7;
    image.modality = QStringLiteral("OT");
    const QList<QRgb> colours = {qRgb(255, 0, 0),  qRgb(0, 255, 0),     qRgb(0, 0, 255),
                                 qRgb(10, 20, 30), qRgb(200, 150, 100), qRgb(255, 255, 255)};
    const auto colourAt = [&](int x, int y) {
        return colours[(y / 8) * 3 + x / 8];
    };
    for (int y = 0; y < image.rows; ++y) {
        for (int x = 0; x < image.columns; ++x) {
            image.rgb.push_back(quint8(qRed(colourAt(x, y))));
            image.rgb.push_back(quint8(qGreen(colourAt(x, y))));
            image.rgb.push_back(quint8(qBlue(colourAt(x, y))));
        }
    }
    const QString path = m_dir.filePath(QStringLiteral("rgb-%1.dcm").arg(int(encoding)));
    QCOMPARE(writeDicomFile(path, image), QString());
    QString error;
    const std::optional<DicomHeader> header = DicomHeader::read(path, &error);
    QVERIFY2(header.has_value(), qPrintable(error));
    QCOMPARE(header->photometric, encoding == Encoding::JpegBaseline
                                          ? QStringLiteral("YBR_FULL_422")
                                          : QStringLiteral("RGB"));
    const DecodedImage decoded = SampleImageLoader::load(path);
    QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
    QVERIFY(!decoded.hasWindowLevel());
    const QImage &shown = decoded.levels.first();
    QCOMPARE(shown.format(), QImage::Format_RGB32);
    for (int y = 0; y < image.rows; ++y) {
        for (int x = 0; x < image.columns; ++x) {
            // Lossy JPEG rings at colour edges: its blocks are checked away from them.
            const bool nearEdge = x % 8 < 2 || x % 8 > 5 || y % 8 < 2 || y % 8 > 5;
            if (tolerance > 0 && nearEdge)
                continue;
            const QRgb got = shown.pixel(x, y);
            const QRgb expected = colourAt(x, y);
            const int off = std::max({std::abs(qRed(got) - qRed(expected)),
                                      std::abs(qGreen(got) - qGreen(expected)),
                                      std::abs(qBlue(got) - qBlue(expected))});
            QVERIFY2(off <= tolerance,
                     qPrintable(QStringLiteral("(%1, %2) is off by %3").arg(x).arg(y).arg(off)));
        }
    }
}

void tst_DicomFile::multiFrame()
{
    DicomTestImage image = ctImage(12, 10);
    image.frames = 4;
    image.allocate();
    for (int frame = 0; frame < image.frames; ++frame)
        for (int y = 0; y < image.rows; ++y)
            for (int x = 0; x < image.columns; ++x)
                image.at(frame, x, y) = quint16(qint16(frame * 1000 - 1500 + x + y * 12));
    for (const Encoding encoding : {Encoding::Native, Encoding::JpegLs, Encoding::Rle}) {
        image.encoding = encoding;
        const QString path = m_dir.filePath(QStringLiteral("cine-%1.dcm").arg(int(encoding)));
        QCOMPARE(writeDicomFile(path, image), QString());
        DicomFile file;
        QString error;
        QVERIFY2(file.open(path, &error), qPrintable(error));
        QCOMPARE(file.frameCount(), 4);
        const ModalityMapping mapping = file.header().modalityMapping();
        // Out of order, as a user scrolls back.
        for (const int frame : {3, 0, 2, 1}) {
            const QImage decoded = file.decodeFrame(frame, &error);
            QVERIFY2(!decoded.isNull(), qPrintable(error));
            QCOMPARE(mapping.toModality(rawAt(decoded, 5, 7)),
                     double(storedSigned(image, frame, 5, 7)) - 1024.0);
        }
        QVERIFY(file.decodeFrame(4, &error).isNull());
        QVERIFY2(error.contains(QLatin1String("no frame 5")), qPrintable(error));

        SampleImageLoader::Options options;
        options.frame = 2;
        const DecodedImage third = SampleImageLoader::load(path, options);
        QVERIFY2(third.isValid(), qPrintable(third.error));
        QCOMPARE(third.frameCount, 4);
        QCOMPARE(third.frameIndex, 2);
        QCOMPARE(third.modality.toModality(rawAt(third.grey16Levels.first(), 0, 0)),
                 double(storedSigned(image, 2, 0, 0)) - 1024.0);
    }
}

void tst_DicomFile::enhancedMultiFrame()
{
    // Enhanced CT keeps the rescale and the window in the shared functional groups.
    DicomTestImage image = ctImage(8, 8);
    image.frames = 2;
    image.allocate();
    image.at(1, 4, 4) = quint16(qint16(-30));
    image.rescaleSlope = 1.0;
    image.rescaleIntercept = -1000.0;
    image.rescaleType = QStringLiteral("HU");
    image.windowCentre = -600.0;
    image.windowWidth = 1500.0;
    image.windowExplanation = QStringLiteral("LUNG");
    image.functionalGroups = true;
    image.modality = QStringLiteral("OT"); // the unit comes from Rescale Type
    const QString path = m_dir.filePath(QStringLiteral("enhanced.dcm"));
    QCOMPARE(writeDicomFile(path, image), QString());
    QString error;
    const std::optional<DicomHeader> header = DicomHeader::read(path, &error);
    QVERIFY2(header.has_value(), qPrintable(error));
    QCOMPARE(header->rescaleIntercept, -1000.0);
    QCOMPARE(header->windowExplanation, QStringLiteral("LUNG"));
    SampleImageLoader::Options options;
    options.frame = 1;
    const DecodedImage decoded = SampleImageLoader::load(path, options);
    QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
    QCOMPARE(decoded.modality.unit, QStringLiteral("HU"));
    QCOMPARE(decoded.modality.toModality(rawAt(decoded.grey16Levels.first(), 4, 4)), -1030.0);
    QCOMPARE(decoded.modality.windowToModality(decoded.window), (WindowLevel {-600, 1500}));
}

void tst_DicomFile::headerWithoutPixels()
{
    DicomTestImage image = ctImage();
    image.instanceNumber = 7;
    image.imagePosition = std::array<double, 3> {-120.5, 30.0, 42.25};
    image.burnedInAnnotation = QStringLiteral("YES");
    image.encoding = Encoding::JpegLs;
    const QString path = m_dir.filePath(QStringLiteral("header.dcm"));
    QCOMPARE(writeDicomFile(path, image), QString());
    QString error;
    const std::optional<DicomHeader> header = DicomHeader::read(path, &error);
    QVERIFY2(header.has_value(), qPrintable(error));
    QCOMPARE(header->rows, 24);
    QCOMPARE(header->columns, 32);
    QCOMPARE(header->frames, 1);
    QCOMPARE(header->bitsAllocated, 16);
    QCOMPARE(header->bitsStored, 16);
    QVERIFY(header->pixelSigned);
    QCOMPARE(header->photometric, QStringLiteral("MONOCHROME2"));
    QCOMPARE(header->rescaleIntercept, -1024.0);
    QCOMPARE(*header->windowCentre, 40.0);
    QCOMPARE(*header->windowWidth, 400.0);
    QCOMPARE(header->windowExplanation, QStringLiteral("SOFT TISSUE"));
    QCOMPARE(header->modality, QStringLiteral("CT"));
    QCOMPARE(*header->instanceNumber, 7);
    QCOMPARE((*header->imagePosition)[2], 42.25);
    QCOMPARE(header->burnedInAnnotation, QStringLiteral("YES"));
    QCOMPARE(header->transferSyntaxUid, QStringLiteral("1.2.840.10008.1.2.4.80"));
    QVERIFY(!header->seriesInstanceUid.isEmpty());
    QVERIFY(header->isCompressed());
    // ImageHeader (what every decode checks first) knows it too.
    RegularFile file;
    QVERIFY(file.open(path, 1 << 20));
    const ImageHeader imageHeader = ImageHeader::read(file.device());
    QCOMPARE(imageHeader.format, QByteArray("dicom"));
    QCOMPARE(imageHeader.size, QSize(32, 24));
    QCOMPARE(imageHeader.bytesPerPixel, 2);
}

void tst_DicomFile::importProbeReadsTheHeader()
{
    QTemporaryDir root;
    const QString path = root.filePath(QStringLiteral("IM000001"));
    QCOMPARE(writeDicomFile(path, ctImage(40, 30)), QString());
    SampleRecord sample;
    QString refusal;
    QVERIFY(SampleFileProbe::inspect(DataRootFile(root.path()), QStringLiteral("IM000001"), sample,
                                     &refusal));
    QVERIFY(!sample.missing);
    QCOMPARE(sample.kind, QStringLiteral("image"));
    QCOMPARE(sample.width, 40);
    QCOMPARE(sample.height, 30);
}

void tst_DicomFile::attributesForATagBrowser()
{
    const QString path = m_dir.filePath(QStringLiteral("browse.dcm"));
    QCOMPARE(writeDicomFile(path, ctImage(512, 512)), QString());
    QString error;
    const auto attributes = DicomAttributes::read(path, &error);
    QVERIFY2(attributes.has_value(), qPrintable(error));
    const auto find = [&](const QString &tag) -> const DicomAttribute * {
        for (const DicomAttribute &attribute : *attributes)
            if (attribute.tag() == tag)
                return &attribute;
        return nullptr;
    };
    const DicomAttribute *rows = find(QStringLiteral("(0028,0010)"));
    QVERIFY(rows);
    QCOMPARE(rows->name, QStringLiteral("Rows"));
    QCOMPARE(rows->vr, QStringLiteral("US"));
    QCOMPARE(rows->value, QStringLiteral("512"));
    QCOMPARE(find(QStringLiteral("(0002,0010)"))->value, QStringLiteral("1.2.840.10008.1.2.1"));
    QCOMPARE(find(QStringLiteral("(0010,0010)"))->value, QStringLiteral("Test^Phantom"));
    QCOMPARE(find(QStringLiteral("(7FE0,0010)"))->value, QStringLiteral("<524288 bytes>"));
    QVERIFY(!DicomAttributes::read(m_dir.filePath(QStringLiteral("missing.dcm")), &error));
    QVERIFY(error.contains(QLatin1String("missing.dcm")));
}

void tst_DicomFile::badInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected"); // in the error, besides the file's name

    const QString ok = m_dir.filePath(QStringLiteral("whole.dcm"));
    QCOMPARE(writeDicomFile(ok, ctImage(64, 64)), QString());
    {
        // Cut in the middle of the pixel data.
        QFile::copy(ok, m_dir.filePath(QStringLiteral("truncated.dcm")));
        QFile cut(m_dir.filePath(QStringLiteral("truncated.dcm")));
        QVERIFY(cut.resize(cut.size() / 2));
        // Cut inside the header.
        QFile::copy(ok, m_dir.filePath(QStringLiteral("cut-header.dcm")));
        QFile header(m_dir.filePath(QStringLiteral("cut-header.dcm")));
        QVERIFY(header.resize(300));
    }
    DicomTestImage noRows = ctImage();
    noRows.omitRows = true;
    QCOMPARE(writeDicomFile(m_dir.filePath(QStringLiteral("no-rows.dcm")), noRows), QString());
    DicomTestImage shortPixels = ctImage();
    shortPixels.frames = 3;
    shortPixels.allocate();
    shortPixels.pixelWordsDropped = 10;
    QCOMPARE(writeDicomFile(m_dir.filePath(QStringLiteral("short.dcm")), shortPixels), QString());
    {
        QFile text(m_dir.filePath(QStringLiteral("notes.dcm")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write(QByteArray("This is not a DICOM file, whatever its name says.\n").repeated(10));
    }
    QTest::newRow("truncated in the pixel data") << QStringLiteral("truncated.dcm") << QString();
    QTest::newRow("truncated in the header") << QStringLiteral("cut-header.dcm") << QString();
    QTest::newRow("Rows missing") << QStringLiteral("no-rows.dcm")
                                  << QStringLiteral("Rows (0028,0010) is missing");
    QTest::newRow("pixel data short")
            << QStringLiteral("short.dcm") << QStringLiteral("PixelData (7FE0,0010)");
    QTest::newRow("not DICOM, named .dcm")
            << QStringLiteral("notes.dcm") << QStringLiteral("not a DICOM file");
}

void tst_DicomFile::badInput()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(name);

    // Whichever step finds the fault, each entry point reports it with the file's name.
    QString error;
    const std::optional<DicomHeader> header = DicomHeader::read(path, &error);
    DicomFile file;
    QImage frame;
    if (header && file.open(path, &error))
        frame = file.decodeFrame(0, &error);
    QVERIFY(frame.isNull());
    QVERIFY2(error.contains(name), qPrintable(error));
    if (!expected.isEmpty())
        QVERIFY2(error.contains(expected), qPrintable(error));

    const DecodedImage decoded = SampleImageLoader::load(path);
    QVERIFY(!decoded.isValid());
    QVERIFY2(decoded.error.contains(name), qPrintable(decoded.error));
    if (!expected.isEmpty() && name != QLatin1String("notes.dcm"))
        QVERIFY2(decoded.error.contains(expected), qPrintable(decoded.error));
}

QTEST_GUILESS_MAIN(tst_DicomFile)
#include "tst_dicomfile.moc"
