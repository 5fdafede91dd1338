// DicomDeidentifier against DICOM PS3.15 Annex E's Basic Profile: every attribute of the
// profile's table, written into a file with a value of its own, is gone, empty or replaced in the
// copy; UIDs are replaced the same way across the files of one export; the markers are written;
// private attributes are gone; the pixel data is the same bytes; burned-in text is warned about.
#include "dicomtestelements.h"
#include "dicomtestfiles.h"
#include "interop/dicombasicprofile.h"
#include "interop/dicomdeidentifier.h"
#include "interop/dicomuidmap.h"

#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

quint32 tagOf(quint16 group, quint16 element)
{
    return (quint32(group) << 16) | element;
}

DicomTestImage smallImage(const QString &series = {})
{
    DicomTestImage image;
    image.rows = 6;
    image.columns = 8;
    image.seriesInstanceUid = series;
    image.allocate();
    for (int y = 0; y < image.rows; ++y)
        for (int x = 0; x < image.columns; ++x)
            image.at(0, x, y) = quint16(100 * y + x);
    return image;
}

// The dictionary's VR, made concrete where the dictionary allows a choice (OB or OW, US or SS).
QString concreteVr(quint32 tag)
{
    const QString vr = dictionaryVr(tag);
    if (vr == QLatin1String("ox") || vr == QLatin1String("lt") || vr == QLatin1String("px"))
        return QStringLiteral("OW");
    if (vr == QLatin1String("xs"))
        return QStringLiteral("US");
    if (vr == QLatin1String("up"))
        return QStringLiteral("UL");
    if (vr == QLatin1String("UN") || vr == QLatin1String("na"))
        return QStringLiteral("LO");
    return vr;
}

QString valueFor(const QString &vr, int seed)
{
    if (vr == QLatin1String("OB") || vr == QLatin1String("OW") || vr == QLatin1String("OF")
        || vr == QLatin1String("OD") || vr == QLatin1String("OL") || vr == QLatin1String("OV"))
        return QStringLiteral("12\\34");
    return distinctiveValue(vr, seed);
}

QHash<QString, DicomTestElement> byPath(const QList<DicomTestElement> &elements)
{
    QHash<QString, DicomTestElement> map;
    for (const auto &element : elements)
        map.insert(element.path(), element);
    return map;
}

QString valueAt(const QList<DicomTestElement> &elements, quint32 tag)
{
    for (const auto &element : elements)
        if (element.sequences.isEmpty() && element.tag == tag)
            return element.value;
    return {};
}

} // namespace

class TestDicomDeidentifier : public QObject
{
    Q_OBJECT

private slots:
    void tableResolvesEachCodeToOneAction()
    {
        // Table E.1-1 lists several hundred attributes; every row has an action.
        const auto &entries = DicomBasicProfile::entries();
        QVERIFY2(entries.size() > 400, qPrintable(QString::number(entries.size())));
        QCOMPARE(DicomBasicProfile::actionForCode(QStringLiteral("X")), DicomProfileAction::Remove);
        QCOMPARE(DicomBasicProfile::actionForCode(QStringLiteral("X/Z/D")),
                 DicomProfileAction::Remove);
        QCOMPARE(DicomBasicProfile::actionForCode(QStringLiteral("X/Z/U*")),
                 DicomProfileAction::Remove);
        QCOMPARE(DicomBasicProfile::actionForCode(QStringLiteral("Z/D")),
                 DicomProfileAction::Empty);
        QCOMPARE(DicomBasicProfile::actionForCode(QStringLiteral("D")), DicomProfileAction::Dummy);
        QCOMPARE(DicomBasicProfile::actionForCode(QStringLiteral("U")),
                 DicomProfileAction::ReplaceUid);
        const auto name = DicomBasicProfile::entryFor(0x0010, 0x0010);
        QVERIFY(name);
        QCOMPARE(name->code, QStringLiteral("Z"));
        QCOMPARE(name->name, QStringLiteral("Patient's Name"));
        // Repeating groups: overlay data of any 60xx group, curve data of any 50xx group.
        const auto overlay = DicomBasicProfile::entryFor(0x6002, 0x3000);
        QVERIFY(overlay);
        QCOMPARE(overlay->tag(), QStringLiteral("(60xx,3000)"));
        QVERIFY(DicomBasicProfile::entryFor(0x501E, 0x3000));
        // Image attributes are not listed: they are kept.
        QVERIFY(!DicomBasicProfile::entryFor(0x0028, 0x0010));
        QVERIFY(!DicomBasicProfile::entryFor(0x7FE0, 0x0010));
        QVERIFY(DicomBasicProfile::isPrivate(0x0009));
    }

    void newUidsAreRandomOidsUnderTwoTwentyFive()
    {
        DicomUidMap map;
        const QByteArray first = map.replace("1.2.3.4");
        QVERIFY(first.startsWith("2.25."));
        QVERIFY(first.size() <= 64);
        QVERIFY(first.at(5) != '0');
        QCOMPARE(map.replace("1.2.3.4\0"), first);
        QVERIFY(map.replace("1.2.3.5") != first);
        QCOMPARE(map.size(), 2);
        DicomUidMap other;
        QVERIFY(other.replace("1.2.3.4") != first);
    }

    void noAttributeOfTheTableKeepsItsValue()
    {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("source.dcm"));
        QCOMPARE(writeDicomFile(source, smallImage()), QString());

        // Every row of the table, each with a value of its own; sequences hold a name.
        QList<DicomTestElement> planted;
        QStringList notPlanted;
        int seed = 1;
        for (const DicomProfileEntry &entry : DicomBasicProfile::entries()) {
            // Command (0000) and file meta (0002) attributes are not part of a data set, and
            // DICOMDIR records (0004) belong to a DICOMDIR; the meta header is checked below.
            if (entry.group == 0x0000 || entry.group == 0x0002 || entry.group == 0x0004) {
                notPlanted.append(entry.tag());
                continue;
            }
            // Curves and overlays: the first group of the range; curve data is (50xx,3000).
            const quint16 element = entry.elementMask == 0 ? quint16(0x3000) : entry.element;
            DicomTestElement planting;
            planting.tag = tagOf(entry.group, element);
            planting.vr = concreteVr(planting.tag);
            if (planting.vr == QLatin1String("SQ")) {
                planted.append(planting);
                DicomTestElement inner;
                inner.sequences = {planting.tag};
                inner.tag = tagOf(0x0008, 0x0104); // Code Meaning: kept unless the item goes
                inner.vr = QStringLiteral("LO");
                inner.value = QStringLiteral("Secret^InSequence%1").arg(seed++);
                planted.append(inner);
                continue;
            }
            planting.value = valueFor(planting.vr, seed++);
            QVERIFY2(!planting.value.isEmpty(), qPrintable(entry.tag() + u' ' + planting.vr));
            planted.append(planting);
        }
        QCOMPARE(notPlanted.size(), 4);
        // A kept sequence holding names: the profile applies inside it too.
        DicomTestElement procedure;
        procedure.tag = tagOf(0x0008, 0x1032); // Procedure Code Sequence (not listed: kept)
        planted.append(procedure);
        DicomTestElement nameInItem;
        nameInItem.sequences = {procedure.tag};
        nameInItem.tag = tagOf(0x0010, 0x0010);
        nameInItem.value = QStringLiteral("Doe^Jane^InSequence");
        planted.append(nameInItem);
        DicomTestElement personInItem = nameInItem;
        personInItem.tag = tagOf(0x0040, 0xA123); // Person Name: D
        personInItem.value = QStringLiteral("Roe^Richard");
        planted.append(personInItem);
        DicomTestElement meaning = nameInItem;
        meaning.tag = tagOf(0x0008, 0x0100); // Code Value: not listed, kept
        meaning.value = QStringLiteral("CTCHEST");
        planted.append(meaning);
        // Private attributes, with their creator.
        planted.append({{},
                        tagOf(0x0009, 0x0010),
                        QStringLiteral("LO"),
                        QStringLiteral("SECRET CREATOR")});
        planted.append({{},
                        tagOf(0x0009, 0x1001),
                        QStringLiteral("LO"),
                        QStringLiteral("Private Doe^Jane")});
        planted.append({{procedure.tag},
                        tagOf(0x0011, 0x0010),
                        QStringLiteral("LO"),
                        QStringLiteral("NESTED CREATOR")});
        QCOMPARE(putDicomElements(source, planted), QString());

        QString error;
        const auto before = readDicomElements(source, &error);
        QVERIFY2(before, qPrintable(error));
        const QHash<QString, DicomTestElement> original = byPath(*before);
        // Everything planted is really in the source file, with its value.
        for (const auto &element : planted)
            QVERIFY2(original.contains(element.path()), qPrintable(element.path()));

        const QString copy = dir.filePath(QStringLiteral("copy.dcm"));
        DicomDeidentifier deidentifier;
        const DicomDeidentification done
                = deidentifier.deidentify(source, copy, QStringLiteral("case-0001"));
        QVERIFY2(done.isSuccess(), qPrintable(done.error));
        QVERIFY(done.warning.isEmpty());
        const auto after = readDicomElements(copy, &error);
        QVERIFY2(after, qPrintable(error));
        const QHash<QString, DicomTestElement> result = byPath(*after);

        // The whole table: no listed attribute keeps the value it had.
        int removed = 0, emptied = 0, replaced = 0;
        for (const auto &element : planted) {
            const auto entry = DicomBasicProfile::entryFor(element.group(), element.element());
            if (!entry || element.sequences.size() > 0)
                continue;
            const QString what = entry->tag() + u' ' + entry->name + u' ' + entry->code;
            const auto found = result.constFind(element.path());
            const QString was = original.value(element.path()).value;
            if (found == result.constEnd()) {
                ++removed;
                continue;
            }
            if (found->value.isEmpty() || found->value == QLatin1String("0"))
                ++emptied;
            else
                ++replaced;
            QVERIFY2(found->value != was || was.isEmpty() || element.vr == QLatin1String("SQ"),
                     qPrintable(what + QStringLiteral(" kept ") + was));
            switch (entry->action) {
            case DicomProfileAction::Remove:
                QFAIL(qPrintable(what + QStringLiteral(" was not removed")));
                break;
            case DicomProfileAction::Empty:
                if (element.tag != tagOf(0x0010, 0x0010) && element.tag != tagOf(0x0010, 0x0020))
                    QVERIFY2(found->value.isEmpty() || found->value == QLatin1String("0"),
                             qPrintable(what + QStringLiteral(" is ") + found->value));
                break;
            case DicomProfileAction::Dummy:
                break;
            case DicomProfileAction::ReplaceUid:
                QVERIFY2(found->value.startsWith(QLatin1String("2.25.")), qPrintable(what));
                break;
            }
        }
        QVERIFY(removed > 300);
        QVERIFY(replaced > 20);
        // Nothing planted inside a listed sequence survives, and no value planted anywhere.
        for (const auto &element : *after) {
            QVERIFY2(!element.value.contains(QLatin1String("Secret")),
                     qPrintable(element.path() + u' ' + element.value));
            QVERIFY2(!element.value.contains(QLatin1String("Doe")), qPrintable(element.path()));
            QVERIFY2(!element.value.contains(QLatin1String("Roe")), qPrintable(element.path()));
            QVERIFY2(!element.value.contains(QLatin1String("PHANTOM")), qPrintable(element.path()));
            QVERIFY2((element.group() & 1) == 0, qPrintable(element.path()));
            for (const quint32 sequence : element.sequences)
                QVERIFY2((sequence >> 16 & 1) == 0, qPrintable(element.path()));
        }
        // The kept sequence is still there, its names replaced and its code kept.
        QCOMPARE(result.value(QStringLiteral("(0008,1032)/(0010,0010)")).value,
                 QStringLiteral("case-0001"));
        QCOMPARE(result.value(QStringLiteral("(0008,1032)/(0040,A123)")).value,
                 QStringLiteral("ANONYMIZED"));
        QCOMPARE(result.value(QStringLiteral("(0008,1032)/(0008,0100)")).value,
                 QStringLiteral("CTCHEST"));
        // The pseudonym, and the image attributes as they were.
        QCOMPARE(valueAt(*after, tagOf(0x0010, 0x0010)), QStringLiteral("case-0001"));
        QCOMPARE(valueAt(*after, tagOf(0x0010, 0x0020)), QStringLiteral("case-0001"));
        QCOMPARE(valueAt(*after, tagOf(0x0028, 0x0010)), QStringLiteral("6"));
        QCOMPARE(valueAt(*after, tagOf(0x0028, 0x0011)), QStringLiteral("8"));
        QCOMPARE(valueAt(*after, tagOf(0x0008, 0x0060)), QStringLiteral("CT"));
        // The meta header follows the new SOP Instance UID, and the original is nowhere.
        const QString oldInstance = valueAt(*before, tagOf(0x0008, 0x0018));
        const QString newInstance = valueAt(*after, tagOf(0x0008, 0x0018));
        QVERIFY(newInstance.startsWith(QLatin1String("2.25.")));
        QCOMPARE(valueAt(*after, tagOf(0x0002, 0x0003)), newInstance);
        for (const auto &element : *after)
            QVERIFY2(!element.value.contains(oldInstance), qPrintable(element.path()));
        QCOMPARE(dicomPixelBytes(copy), dicomPixelBytes(source));
    }

    void markersSayWhatWasDone()
    {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("a.dcm"));
        QCOMPARE(writeDicomFile(source, smallImage()), QString());
        const QString copy = dir.filePath(QStringLiteral("b.dcm"));
        DicomDeidentifier deidentifier(QStringLiteral("anon-"));
        const auto done = deidentifier.deidentify(source, copy);
        QVERIFY2(done.isSuccess(), qPrintable(done.error));
        QCOMPARE(done.patientPseudonym, QStringLiteral("anon-0001"));
        QString error;
        const auto after = readDicomElements(copy, &error);
        QVERIFY2(after, qPrintable(error));
        const auto result = byPath(*after);
        QCOMPARE(result.value(QStringLiteral("(0012,0062)")).value, QStringLiteral("YES"));
        QVERIFY(result.value(QStringLiteral("(0012,0063)"))
                        .value.contains(
                                QLatin1String("Basic Application Confidentiality Profile")));
        QCOMPARE(result.value(QStringLiteral("(0012,0064)")).value, QStringLiteral("1"));
        QCOMPARE(result.value(QStringLiteral("(0012,0064)/(0008,0100)")).value,
                 QStringLiteral("113100"));
        QCOMPARE(result.value(QStringLiteral("(0012,0064)/(0008,0102)")).value,
                 QStringLiteral("DCM"));
        QCOMPARE(result.value(QStringLiteral("(0012,0064)/(0008,0104)")).value,
                 QStringLiteral("Basic Application Confidentiality Profile"));
        QCOMPARE(result.value(QStringLiteral("(0010,0010)")).value, QStringLiteral("anon-0001"));
        // The copy is still an image Boucle reads.
        QVERIFY(result.contains(QStringLiteral("(7FE0,0010)")));
    }

    void uidsStayConsistentAcrossTheFilesOfOneExport()
    {
        QTemporaryDir dir;
        const QString series = newDicomUid();
        const QString first = dir.filePath(QStringLiteral("1.dcm"));
        const QString second = dir.filePath(QStringLiteral("2.dcm"));
        const QString otherPatient = dir.filePath(QStringLiteral("3.dcm"));
        QCOMPARE(writeDicomFile(first, smallImage(series)), QString());
        QCOMPARE(writeDicomFile(second, smallImage(series)), QString());
        QCOMPARE(writeDicomFile(otherPatient, smallImage()), QString());
        QString error;
        const QString firstInstance
                = valueAt(*readDicomElements(first, &error), tagOf(0x0008, 0x0018));
        // The second file refers to the first, as a derived image would.
        QCOMPARE(putDicomElements(
                         second,
                         {{{tagOf(0x0008, 0x2112)}, tagOf(0x0008, 0x1155), {}, firstInstance}}),
                 QString());
        // Procedure Code Sequence is kept, so a UID in it is replaced, not dropped.
        QCOMPARE(putDicomElements(
                         second,
                         {{{tagOf(0x0008, 0x1032)}, tagOf(0x0008, 0x1155), {}, firstInstance}}),
                 QString());
        QCOMPARE(putDicomElements(otherPatient,
                                  {{{}, tagOf(0x0010, 0x0020), {}, QStringLiteral("OTHER1")}}),
                 QString());

        DicomDeidentifier deidentifier;
        QList<QList<DicomTestElement>> copies;
        QStringList pseudonyms;
        for (const QString &path : {first, second, otherPatient}) {
            const QString copy = path + QStringLiteral(".out");
            const auto done = deidentifier.deidentify(path, copy);
            QVERIFY2(done.isSuccess(), qPrintable(done.error));
            pseudonyms.append(done.patientPseudonym);
            const auto read = readDicomElements(copy, &error);
            QVERIFY2(read, qPrintable(error));
            copies.append(*read);
        }
        const quint32 seriesTag = tagOf(0x0020, 0x000E);
        const quint32 studyTag = tagOf(0x0020, 0x000D);
        const quint32 instanceTag = tagOf(0x0008, 0x0018);
        // One series stays one series, under a new UID.
        QCOMPARE(valueAt(copies[0], seriesTag), valueAt(copies[1], seriesTag));
        QVERIFY(valueAt(copies[0], seriesTag) != series);
        QVERIFY(valueAt(copies[0], seriesTag).startsWith(QLatin1String("2.25.")));
        QVERIFY(valueAt(copies[2], seriesTag) != valueAt(copies[0], seriesTag));
        // The study UID (the same in all three test files) stays shared.
        QCOMPARE(valueAt(copies[0], studyTag), valueAt(copies[2], studyTag));
        QVERIFY(valueAt(copies[0], instanceTag) != valueAt(copies[1], instanceTag));
        // Source Image Sequence is removed (X/Z/U*); the kept reference follows the new UID.
        const auto second_ = byPath(copies[1]);
        QVERIFY(!second_.contains(QStringLiteral("(0008,2112)")));
        QCOMPARE(second_.value(QStringLiteral("(0008,1032)/(0008,1155)")).value,
                 valueAt(copies[0], instanceTag));
        // One pseudonym per patient.
        QCOMPARE(pseudonyms,
                 QStringList({QStringLiteral("patient-0001"), QStringLiteral("patient-0001"),
                              QStringLiteral("patient-0002")}));
        // Another export gives other UIDs.
        DicomDeidentifier another;
        const QString again = first + QStringLiteral(".again");
        QVERIFY(another.deidentify(first, again).isSuccess());
        QVERIFY(valueAt(*readDicomElements(again, &error), seriesTag)
                != valueAt(copies[0], seriesTag));
    }

    void pixelDataIsCopiedByteForByte_data()
    {
        QTest::addColumn<int>("encoding");
        QTest::addColumn<int>("frames");
        QTest::newRow("native") << int(DicomTestImage::Encoding::Native) << 1;
        QTest::newRow("native, 3 frames") << int(DicomTestImage::Encoding::Native) << 3;
        QTest::newRow("JPEG-LS") << int(DicomTestImage::Encoding::JpegLs) << 1;
        QTest::newRow("JPEG lossless, 2 frames")
                << int(DicomTestImage::Encoding::JpegLossless) << 2;
        QTest::newRow("RLE") << int(DicomTestImage::Encoding::Rle) << 1;
    }

    void pixelDataIsCopiedByteForByte()
    {
        QFETCH(int, encoding);
        QFETCH(int, frames);
        QTemporaryDir dir;
        DicomTestImage image = smallImage();
        image.frames = frames;
        image.encoding = DicomTestImage::Encoding(encoding);
        image.allocate();
        for (size_t i = 0; i < image.grey.size(); ++i)
            image.grey[i] = quint16((i * 37) % 4096);
        image.bitsStored = 12;
        image.highBit = 11;
        const QString source = dir.filePath(QStringLiteral("s.dcm"));
        QCOMPARE(writeDicomFile(source, image), QString());
        const QString copy = dir.filePath(QStringLiteral("c.dcm"));
        DicomDeidentifier deidentifier;
        const auto done = deidentifier.deidentify(source, copy);
        QVERIFY2(done.isSuccess(), qPrintable(done.error));
        const QByteArray before = dicomPixelBytes(source);
        QVERIFY(!before.isEmpty());
        QCOMPARE(dicomPixelBytes(copy), before);
        QString error;
        const auto after = readDicomElements(copy, &error);
        const auto original = readDicomElements(source, &error);
        QCOMPARE(valueAt(*after, tagOf(0x0002, 0x0010)), valueAt(*original, tagOf(0x0002, 0x0010)));
    }

    void burnedInTextIsWarnedAbout_data()
    {
        QTest::addColumn<QString>("modality");
        QTest::addColumn<QString>("burnedIn");
        QTest::addColumn<bool>("warns");
        QTest::newRow("CT, YES") << "CT"
                                 << "YES" << true;
        QTest::newRow("CT, NO") << "CT"
                                << "NO" << false;
        QTest::newRow("CT, not said") << "CT"
                                      << "" << false;
        QTest::newRow("US, not said") << "US"
                                      << "" << true;
        QTest::newRow("US, NO") << "US"
                                << "NO" << false;
    }

    void burnedInTextIsWarnedAbout()
    {
        QFETCH(QString, modality);
        QFETCH(QString, burnedIn);
        QFETCH(bool, warns);
        QTemporaryDir dir;
        DicomTestImage image = smallImage();
        image.modality = modality;
        image.burnedInAnnotation = burnedIn;
        const QString source = dir.filePath(QStringLiteral("scan-with-text.dcm"));
        QCOMPARE(writeDicomFile(source, image), QString());
        DicomDeidentifier deidentifier;
        const auto done = deidentifier.deidentify(source, dir.filePath(QStringLiteral("c.dcm")));
        // Written either way: the pixels are never changed, the person exporting decides.
        QVERIFY2(done.isSuccess(), qPrintable(done.error));
        QCOMPARE(!done.warning.isEmpty(), warns);
        if (warns)
            QVERIFY2(done.warning.contains(QLatin1String("scan-with-text.dcm")),
                     qPrintable(done.warning));
    }

    void unreadableFilesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not DICOM") << QByteArray("just text") << "not a DICOM file";
        QByteArray truncated(128, '\0');
        truncated += "DICM";
        truncated += QByteArray("\x02\x00\x10\x00UI\x40\x00", 8);
        QTest::newRow("truncated") << truncated << "damaged or the file is truncated";
    }

    void unreadableFilesAreNamed()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("broken.dcm"));
        QFile file(source);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const QString copy = dir.filePath(QStringLiteral("c.dcm"));
        DicomDeidentifier deidentifier;
        const auto done = deidentifier.deidentify(source, copy);
        QVERIFY(!done.isSuccess());
        QVERIFY2(done.error.contains(QLatin1String("broken.dcm")), qPrintable(done.error));
        QVERIFY2(done.error.contains(reason), qPrintable(done.error));
        QVERIFY(!QFile::exists(copy));
    }
};

QTEST_GUILESS_MAIN(TestDicomDeidentifier)
#include "tst_dicomdeidentifier.moc"
