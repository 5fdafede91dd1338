// `boucle export PROJECT --deidentify --format dicom OUT`: the DICOM samples of a version written
// de-identified with pseudonymous cases and their labels, nothing in the folder naming the
// patient, the original paths or UIDs; other samples left out and said; burned-in text warned
// about; a damaged DICOM file stops the export with its name and leaves no folder behind.
#include "boucleprocess.h"
#include "dataset/labelimporter.h"
#include "dicomtestelements.h"
#include "dicomtestfiles.h"
#include "interop/deidentifiedexport.h"
#include "temporaryproject.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

const QString patientName = QStringLiteral("Doe^Jane");
const QString patientId = QStringLiteral("MRN-8812734");
const QString seriesUid = QStringLiteral("1.2.826.0.1.3680043.2.1125.77.1");

quint32 tagOf(quint16 group, quint16 element)
{
    return (quint32(group) << 16) | element;
}

QByteArray pngOf(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::gray);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// A CT slice of the series, with what a hospital's file carries about the patient.
QString writeIdentifyingSlice(const QString &path, int instance, const QString &burnedIn = {})
{
    DicomTestImage image;
    image.rows = 6;
    image.columns = 8;
    image.seriesInstanceUid = seriesUid;
    image.instanceNumber = instance;
    image.burnedInAnnotation = burnedIn;
    image.allocate();
    for (size_t i = 0; i < image.grey.size(); ++i)
        image.grey[i] = quint16(i * 11 + size_t(instance));
    if (const QString error = writeDicomFile(path, image); !error.isEmpty())
        return error;
    return putDicomElements(
            path,
            {{{}, tagOf(0x0010, 0x0010), {}, patientName},
             {{}, tagOf(0x0010, 0x0020), {}, patientId},
             {{}, tagOf(0x0010, 0x0030), {}, QStringLiteral("19610215")},
             {{}, tagOf(0x0008, 0x0080), {}, QStringLiteral("Hopital Saint-Louis")},
             {{}, tagOf(0x0008, 0x0090), {}, QStringLiteral("House^Gregory")},
             {{}, tagOf(0x0008, 0x0050), {}, QStringLiteral("ACC-55501")},
             {{}, tagOf(0x0018, 0x1000), {}, QStringLiteral("SN-0042-XYZ")},
             {{}, tagOf(0x0009, 0x0010), QStringLiteral("LO"), QStringLiteral("ACME 1.0")},
             {{}, tagOf(0x0009, 0x1002), QStringLiteral("LO"), QStringLiteral("Jane's ward 4")},
             {{tagOf(0x0008, 0x1032)}, tagOf(0x0040, 0xA123), {}, patientName}});
}

QStringList filesUnder(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

} // namespace

class TestDeidentifiedExport : public QObject
{
    Q_OBJECT

private:
    // Two slices of one series with labels and a box, a PNG, committed as version 1.
    void makeProject(TemporaryProject &project)
    {
        QVERIFY(project.isValid());
        QVERIFY(QDir().mkpath(project.filePath(QStringLiteral("scans/jane"))));
        QCOMPARE(
                writeIdentifyingSlice(project.filePath(QStringLiteral("scans/jane/IM0001.dcm")), 1),
                QString());
        QCOMPARE(writeIdentifyingSlice(project.filePath(QStringLiteral("scans/jane/IM0002.dcm")), 2,
                                       QStringLiteral("YES")),
                 QString());
        QVERIFY(project.writeFile(QStringLiteral("scans/photo.png"), pngOf(8, 6)));
        AnnotationSet set;
        set.classes = {{QStringLiteral("nodule"), 1, {}}, {QStringLiteral("normal"), 2, {}}};
        AnnotatedImage first;
        first.path = QStringLiteral("jane/IM0001.dcm");
        first.size = QSize(8, 6);
        first.label = QStringLiteral("nodule");
        Annotation box;
        box.label = QStringLiteral("nodule");
        box.box = QRectF(1, 2, 3, 2);
        first.objects = {box};
        AnnotatedImage second;
        second.path = QStringLiteral("jane/IM0002.dcm");
        second.size = QSize(8, 6);
        second.label = QStringLiteral("normal");
        AnnotatedImage photo;
        photo.path = QStringLiteral("photo.png");
        photo.size = QSize(8, 6);
        photo.label = QStringLiteral("normal");
        set.images = {first, second, photo};
        LabelImporter importer(project.store());
        const auto result = importer.importSet(set, project.filePath(QStringLiteral("gt.json")),
                                               project.filePath(QStringLiteral("scans")),
                                               QStringLiteral("dr.house"));
        QVERIFY2(!result.error,
                 qPrintable(result.error.message + result.problems.join(QLatin1Char('\n'))));
        QVERIFY(!project.store().commitVersion(QStringLiteral("dr.house"),
                                               QStringLiteral("reviewed")));
    }

private slots:
    void writesPseudonymousCasesAndLabels()
    {
        TemporaryProject project;
        makeProject(project);
        if (QTest::currentTestFailed())
            return;
        const QString out = project.filePath(QStringLiteral("shared"));
        const BoucleRun run = runBoucle({QStringLiteral("export"), project.projectPath(),
                                         QStringLiteral("--deidentify"), QStringLiteral("--format"),
                                         QStringLiteral("dicom"), out});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // The PNG is left out and said; the burned-in slice is warned about, by its name.
        QVERIFY2(run.err.contains(QLatin1String("left out scans/photo.png: not a DICOM file")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("warning: "))
                         && run.err.contains(QLatin1String("IM0002.dcm")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("wrote 2 de-identified DICOM files of version 1")),
                 qPrintable(run.err));

        const QStringList files = filesUnder(out);
        QCOMPARE(files.size(), 3);
        QCOMPARE(QDir(out).entryList(QDir::Files, QDir::Name),
                 QStringList({QStringLiteral("case-0001.dcm"), QStringLiteral("case-0002.dcm"),
                              QStringLiteral("labels.jsonl")}));
        QFile labelsFile(QDir(out).filePath(QStringLiteral("labels.jsonl")));
        QVERIFY(labelsFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = labelsFile.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(first.value(QStringLiteral("id")).toString(), QStringLiteral("case-0001"));
        QCOMPARE(first.value(QStringLiteral("sample")).toString(), QStringLiteral("case-0001.dcm"));
        QCOMPARE(first.value(QStringLiteral("patient")).toString(), QStringLiteral("patient-0001"));
        QCOMPARE(first.value(QStringLiteral("label")).toString(), QStringLiteral("nodule"));
        const QJsonArray objects = first.value(QStringLiteral("objects")).toArray();
        QCOMPARE(objects.size(), 1);
        QCOMPARE(objects.at(0).toObject().value(QStringLiteral("bbox")).toArray(),
                 QJsonArray({1, 2, 3, 2}));
        const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
        QCOMPARE(second.value(QStringLiteral("label")).toString(), QStringLiteral("normal"));
        QCOMPARE(second.value(QStringLiteral("patient")).toString(),
                 QStringLiteral("patient-0001"));

        // Nothing in the folder names the patient, the hospital, the files or the UIDs.
        const QList<QByteArray> secrets {"Doe",
                                         "Jane",
                                         "MRN-8812734",
                                         "19610215",
                                         "Saint-Louis",
                                         "House",
                                         "ACC-55501",
                                         "SN-0042",
                                         "ACME",
                                         "IM0001",
                                         "scans/",
                                         "jane/",
                                         seriesUid.toLatin1(),
                                         "1.2.826.0.1.3680043.2.1125.1.1"};
        for (const QString &file : files) {
            QFile read(file);
            QVERIFY(read.open(QIODevice::ReadOnly));
            const QByteArray bytes = read.readAll();
            for (const QByteArray &secret : secrets)
                QVERIFY2(!bytes.contains(secret), qPrintable(file + QStringLiteral(" holds ")
                                                             + QString::fromLatin1(secret)));
        }
        // The two slices are still one series, and their pixels the same bytes.
        QString error;
        const auto a
                = readDicomElements(QDir(out).filePath(QStringLiteral("case-0001.dcm")), &error);
        const auto b
                = readDicomElements(QDir(out).filePath(QStringLiteral("case-0002.dcm")), &error);
        QVERIFY2(a && b, qPrintable(error));
        auto valueOf = [](const QList<DicomTestElement> &elements, quint32 tag) {
            for (const auto &element : elements)
                if (element.sequences.isEmpty() && element.tag == tag)
                    return element.value;
            return QString();
        };
        QCOMPARE(valueOf(*a, tagOf(0x0020, 0x000E)), valueOf(*b, tagOf(0x0020, 0x000E)));
        QVERIFY(valueOf(*a, tagOf(0x0020, 0x000E)).startsWith(QLatin1String("2.25.")));
        QCOMPARE(valueOf(*a, tagOf(0x0012, 0x0062)), QStringLiteral("YES"));
        QCOMPARE(dicomPixelBytes(QDir(out).filePath(QStringLiteral("case-0001.dcm"))),
                 dicomPixelBytes(project.filePath(QStringLiteral("scans/jane/IM0001.dcm"))));
    }

    void aDamagedFileStopsTheExportAndLeavesNothing()
    {
        TemporaryProject project;
        makeProject(project);
        if (QTest::currentTestFailed())
            return;
        const QString out = project.filePath(QStringLiteral("shared"));
        // The file is damaged after it was reviewed: its header ends half-way.
        QFile file(project.filePath(QStringLiteral("scans/jane/IM0002.dcm")));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(200));
        file.close();
        const BoucleRun run = runBoucle({QStringLiteral("export"), project.projectPath(),
                                         QStringLiteral("--deidentify"), QStringLiteral("--format"),
                                         QStringLiteral("dicom"), QStringLiteral("--out"), out});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("IM0002.dcm")), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(out));
        // Nothing staged is left beside it either.
        const QStringList beside
                = QDir(project.directory())
                          .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        for (const QString &name : beside)
            QVERIFY2(!name.contains(QLatin1String("shared")), qPrintable(name));
    }

    void formatAndFlagGoTogether()
    {
        TemporaryProject project;
        makeProject(project);
        if (QTest::currentTestFailed())
            return;
        const QString out = project.filePath(QStringLiteral("shared"));
        const BoucleRun noFlag = runBoucle({QStringLiteral("export"), project.projectPath(),
                                            QStringLiteral("--format"), QStringLiteral("dicom"),
                                            QStringLiteral("--out"), out});
        QCOMPARE(noFlag.exitCode, 2);
        QVERIFY2(noFlag.err.contains(QLatin1String("--deidentify")), qPrintable(noFlag.err));
        const BoucleRun noFormat = runBoucle(
                {QStringLiteral("export"), project.projectPath(), QStringLiteral("--deidentify"),
                 QStringLiteral("--format"), QStringLiteral("coco"), QStringLiteral("--out"), out});
        QCOMPARE(noFormat.exitCode, 2);
        QVERIFY2(noFormat.err.contains(QLatin1String("--format dicom")), qPrintable(noFormat.err));
        QVERIFY(!QFileInfo::exists(out));
        const BoucleRun badPrefix = runBoucle(
                {QStringLiteral("export"), project.projectPath(), QStringLiteral("--deidentify"),
                 QStringLiteral("--format"), QStringLiteral("dicom"),
                 QStringLiteral("--pseudonym-prefix"), QStringLiteral("Doe^"), out});
        QCOMPARE(badPrefix.exitCode, 1);
        QVERIFY2(badPrefix.err.contains(QLatin1String("pseudonym prefix")),
                 qPrintable(badPrefix.err));
        QVERIFY(!QFileInfo::exists(out));
        const BoucleRun prefixAlone
                = runBoucle({QStringLiteral("export"), project.projectPath(),
                             QStringLiteral("--pseudonym-prefix"), QStringLiteral("x-"),
                             QStringLiteral("--out"), project.filePath(QStringLiteral("a.jsonl"))});
        QCOMPARE(prefixAlone.exitCode, 2);
    }

    void aVersionWithoutDicomIsRefused()
    {
        TemporaryProject project;
        QVERIFY(project.isValid());
        QVERIFY(project.writeFile(QStringLiteral("a.png"), pngOf(4, 4)));
        AnnotationSet set;
        AnnotatedImage image;
        image.path = QStringLiteral("a.png");
        image.size = QSize(4, 4);
        image.label = QStringLiteral("x");
        set.images = {image};
        LabelImporter importer(project.store());
        QVERIFY(!importer.importSet(set, project.filePath(QStringLiteral("gt.json")),
                                    project.directory(), QStringLiteral("ann"))
                         .error);
        QVERIFY(!project.store().commitVersion(QStringLiteral("ann"), QStringLiteral("v1")));
        DeidentifiedExportRequest request;
        request.version = 1;
        request.output = project.filePath(QStringLiteral("out"));
        const auto result = DeidentifiedExport::run(project.store(), request);
        QVERIFY(!result.isSuccess());
        QVERIFY2(result.error.contains(QLatin1String("no DICOM image")), qPrintable(result.error));
        QCOMPARE(result.leftOut.size(), 1);
        QVERIFY(!QFileInfo::exists(request.output));
    }
};

QTEST_GUILESS_MAIN(TestDeidentifiedExport)
#include "tst_deidentifiedexport.moc"
