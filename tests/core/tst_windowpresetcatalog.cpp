// The window presets are data: the built-in file parses and holds the CT presets the issue
// names, a user's file replaces it, and a bad file is refused with the field that is wrong.
#include "imaging/windowpresetcatalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>

using namespace Boucle;

class TestWindowPresetCatalog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void theBuiltInCatalogHoldsTheCtPresets();
    void lookupIgnoresCase();
    void badFilesNameTheField_data();
    void badFilesNameTheField();
    void aUsersFileReplacesTheBuiltInOne();
    void aBrokenUsersFileIsSaidAndLeftAside();
};

void TestWindowPresetCatalog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QFile::remove(WindowPresetCatalog::userFilePath());
}

void TestWindowPresetCatalog::theBuiltInCatalogHoldsTheCtPresets()
{
    const WindowPresetCatalog catalog = WindowPresetCatalog::builtIn();
    QCOMPARE(catalog.unitOf(QStringLiteral("CT")), QStringLiteral("HU"));
    const auto presets = catalog.presetsFor(QStringLiteral("CT"));
    QVERIFY(presets.size() >= 4);
    QVERIFY(presets.size() <= 9); // one key each
    // A window of width 0 when the preset is missing (no preset has one).
    auto find = [&](const QString &name, const QString &source) {
        for (const auto &preset : presets) {
            if (preset.name == name && preset.source == source)
                return preset.window;
        }
        return WindowLevel {0, 0};
    };
    // OHIF: lung 1500/-600, soft tissue 400/40, bone 2500/480; Slicer: CT-Lung 1400/-500,
    // CT-Brain 100/50.
    QCOMPARE(find(QStringLiteral("Lung"), QStringLiteral("OHIF")), (WindowLevel {-600, 1500}));
    QCOMPARE(find(QStringLiteral("Soft tissue"), QStringLiteral("OHIF")), (WindowLevel {40, 400}));
    QCOMPARE(find(QStringLiteral("Bone"), QStringLiteral("OHIF")), (WindowLevel {480, 2500}));
    QCOMPARE(find(QStringLiteral("CT-Lung"), QStringLiteral("3D Slicer")),
             (WindowLevel {-500, 1400}));
    QCOMPARE(find(QStringLiteral("CT-Brain"), QStringLiteral("3D Slicer")),
             (WindowLevel {50, 100}));
    QVERIFY(catalog.presetsFor(QStringLiteral("XA")).isEmpty());
}

void TestWindowPresetCatalog::lookupIgnoresCase()
{
    const WindowPresetCatalog catalog = WindowPresetCatalog::builtIn();
    QCOMPARE(catalog.presetsFor(QStringLiteral("ct")).size(),
             catalog.presetsFor(QStringLiteral("CT")).size());
}

void TestWindowPresetCatalog::badFilesNameTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    const QByteArray head = R"({"format": "boucle-window-presets", "version": 1, )";
    QTest::newRow("not JSON") << QByteArray("{\"format\": ") << QStringLiteral("not JSON");
    QTest::newRow("format") << QByteArray(R"({"format": "x", "version": 1, "modalities": {}})")
                            << QStringLiteral("format");
    QTest::newRow("version") << QByteArray(R"({"format": "boucle-window-presets", "version": 2,)"
                                           R"( "modalities": {}})")
                             << QStringLiteral("version");
    QTest::newRow("modalities") << head + R"("modalities": []})" << QStringLiteral("modalities");
    QTest::newRow("presets") << head + R"("modalities": {"CT": {"presets": 3}}})"
                             << QStringLiteral("modalities.CT.presets");
    QTest::newRow("width") << head
                                      + R"("modalities": {"CT": {"presets": [{"name": "a", )"
                                        R"("width": 400, "centre": 40}, {"name": "b", )"
                                        R"("width": 0, "centre": 40}]}}})"
                           << QStringLiteral("modalities.CT.presets[1].width");
    QTest::newRow("centre") << head
                                       + R"("modalities": {"MR": {"presets": [{"name": "a", )"
                                         R"("width": 400, "centre": "40"}]}}})"
                            << QStringLiteral("modalities.MR.presets[0].centre");
    QTest::newRow("name") << head
                                     + R"("modalities": {"CT": {"presets": [{"name": " ", )"
                                       R"("width": 400, "centre": 40}]}}})"
                          << QStringLiteral("modalities.CT.presets[0].name");
}

void TestWindowPresetCatalog::badFilesNameTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QString error;
    QVERIFY(!WindowPresetCatalog::parse(json, QStringLiteral("mine.json"), &error));
    QVERIFY2(error.startsWith(QStringLiteral("mine.json: ")), qPrintable(error));
    QVERIFY2(error.contains(field), qPrintable(error));
}

void TestWindowPresetCatalog::aUsersFileReplacesTheBuiltInOne()
{
    const QString path = WindowPresetCatalog::userFilePath();
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "boucle-window-presets", "version": 1, "modalities": {"CT": )"
               R"({"unit": "HU", "presets": [{"name": "Mediastinum", "width": 350, )"
               R"("centre": 50}]}}})");
    file.close();
    QString problem;
    const WindowPresetCatalog catalog = WindowPresetCatalog::load(&problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(catalog.origin(), path);
    QCOMPARE(catalog.presetsFor(QStringLiteral("CT")).size(), 1);
    QCOMPARE(catalog.presetsFor(QStringLiteral("CT")).constFirst().window, (WindowLevel {50, 350}));
    QFile::remove(path);
}

void TestWindowPresetCatalog::aBrokenUsersFileIsSaidAndLeftAside()
{
    const QString path = WindowPresetCatalog::userFilePath();
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"boucle-window-presets\", \"version\": 1, \"modalities\": {\"CT\": "
               "{\"presets\": [{\"name\": \"x\"}]}}}");
    file.close();
    QString problem;
    const WindowPresetCatalog catalog = WindowPresetCatalog::load(&problem);
    QVERIFY2(problem.contains(path), qPrintable(problem));
    QVERIFY2(problem.contains(QStringLiteral("presets[0].width")), qPrintable(problem));
    QCOMPARE(catalog.presetsFor(QStringLiteral("CT")).size(),
             WindowPresetCatalog::builtIn().presetsFor(QStringLiteral("CT")).size());
    QFile::remove(path);
}

QTEST_GUILESS_MAIN(TestWindowPresetCatalog)
#include "tst_windowpresetcatalog.moc"
