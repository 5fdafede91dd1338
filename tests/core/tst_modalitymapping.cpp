// What Boucle's 16-bit values mean in modality units, and windows given in HU (a DICOM file's,
// a CT preset's) turned into windows over those values and back.
#include "imaging/dicomheader.h"
#include "imaging/modalitymapping.h"

#include <QTest>

using namespace Boucle;

class tst_ModalityMapping : public QObject
{
    Q_OBJECT

private slots:
    void headerMapping_data();
    void headerMapping();
    void windowsRoundTrip();
    void presetsInHounsfield();
};

void tst_ModalityMapping::headerMapping_data()
{
    QTest::addColumn<bool>("pixelSigned");
    QTest::addColumn<QString>("photometric");
    QTest::addColumn<double>("slope");
    QTest::addColumn<double>("intercept");
    QTest::addColumn<int>("stored");
    QTest::addColumn<int>("raw"); // what DicomFile keeps for `stored`

    QTest::newRow("unsigned") << false << QStringLiteral("MONOCHROME2") << 1.0 << -1024.0 << 1000
                              << 1000;
    QTest::newRow("signed") << true << QStringLiteral("MONOCHROME2") << 1.0 << 0.0 << -1000
                            << 31768;
    QTest::newRow("signed, slope 2")
            << true << QStringLiteral("MONOCHROME2") << 2.0 << -10.0 << -5 << 32763;
    QTest::newRow("MONOCHROME1") << false << QStringLiteral("MONOCHROME1") << 1.0 << 0.0 << 100
                                 << 65435;
    QTest::newRow("MONOCHROME1, signed")
            << true << QStringLiteral("MONOCHROME1") << 0.5 << 3.0 << -100 << 32867;
}

void tst_ModalityMapping::headerMapping()
{
    QFETCH(bool, pixelSigned);
    QFETCH(QString, photometric);
    QFETCH(double, slope);
    QFETCH(double, intercept);
    QFETCH(int, stored);
    QFETCH(int, raw);
    DicomHeader header;
    header.pixelSigned = pixelSigned;
    header.photometric = photometric;
    header.rescaleSlope = slope;
    header.rescaleIntercept = intercept;
    const ModalityMapping mapping = header.modalityMapping();
    QCOMPARE(mapping.toModality(raw), stored * slope + intercept);
    QCOMPARE(mapping.toRaw(stored * slope + intercept), double(raw));
    QVERIFY(mapping.unit.isEmpty());
    header.modality = QStringLiteral("CT");
    QCOMPARE(header.modalityMapping().unit, QStringLiteral("HU"));
}

void tst_ModalityMapping::windowsRoundTrip()
{
    const ModalityMapping identity;
    QVERIFY(identity.isIdentity());
    QCOMPARE(identity.windowToRaw(WindowLevel {1000, 300}), (WindowLevel {1000, 300}));

    ModalityMapping ct;
    ct.intercept = -1024 - 32768; // signed storage, intercept -1024
    ct.unit = QStringLiteral("HU");
    const WindowLevel raw = ct.windowToRaw(WindowLevel {40, 400});
    QCOMPARE(raw.centre, 40.0 + 1024 + 32768);
    QCOMPARE(raw.width, 400.0);
    QCOMPARE(ct.windowToModality(raw), (WindowLevel {40, 400}));

    // A negative slope (MONOCHROME1) keeps the band and a positive width.
    ModalityMapping inverted;
    inverted.slope = -2.0;
    inverted.intercept = 70000;
    const WindowLevel band = inverted.windowToRaw(WindowLevel {500, 201});
    QVERIFY(band.width > 0);
    const WindowLevel back = inverted.windowToModality(band);
    QCOMPARE(back.centre, 500.0);
    QCOMPARE(back.width, 201.0);
}

void tst_ModalityMapping::presetsInHounsfield()
{
    WindowLevel lung;
    QVERIFY(ctPresetInHounsfield(WindowPreset::CtLung, &lung));
    QCOMPARE(lung, (WindowLevel {-600, 1500}));
    WindowLevel none;
    QVERIFY(!ctPresetInHounsfield(WindowPreset::Auto, &none));

    // Without a unit the presets keep their old meaning (raw = HU + 1024).
    const Grey16Statistics statistics;
    QCOMPARE(windowForPreset(WindowPreset::CtBone, statistics, ModalityMapping()),
             windowForPreset(WindowPreset::CtBone, statistics));
    ModalityMapping ct;
    ct.intercept = -1024 - 32768;
    ct.unit = QStringLiteral("HU");
    const WindowLevel bone = windowForPreset(WindowPreset::CtBone, statistics, ct);
    QCOMPARE(ct.windowToModality(bone), (WindowLevel {400, 2000}));
    QCOMPARE(windowForPreset(WindowPreset::Auto, statistics, ct),
             windowForPreset(WindowPreset::Auto, statistics));
}

QTEST_GUILESS_MAIN(tst_ModalityMapping)
#include "tst_modalitymapping.moc"
