#include "dicomtestelements.h"

#include <QFile>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcvr.h>

namespace Boucle::Testing {

namespace {

QString tagText(quint32 tag)
{
    return QStringLiteral("(%1,%2)").arg(
            QStringLiteral("%1").arg(tag >> 16, 4, 16, QLatin1Char('0')).toUpper(),
            QStringLiteral("%1").arg(tag & 0xFFFF, 4, 16, QLatin1Char('0')).toUpper());
}

DcmTagKey keyOf(quint32 tag)
{
    return DcmTagKey(Uint16(tag >> 16), Uint16(tag & 0xFFFF));
}

void collect(DcmItem &item, const QList<quint32> &sequences, QList<DicomTestElement> &out)
{
    for (unsigned long i = 0; i < item.card(); ++i) {
        DcmElement *element = item.getElement(i);
        DicomTestElement entry;
        entry.sequences = sequences;
        entry.tag = (quint32(element->getGTag()) << 16) | element->getETag();
        entry.vr = QString::fromLatin1(DcmVR(element->ident()).getVRName());
        if (element->ident() == EVR_SQ) {
            auto *sequence = static_cast<DcmSequenceOfItems *>(element);
            entry.value = QString::number(sequence->card());
            out.append(entry);
            QList<quint32> inner = sequences;
            inner.append(entry.tag);
            for (unsigned long j = 0; j < sequence->card(); ++j)
                collect(*sequence->getItem(j), inner, out);
            continue;
        }
        const DcmEVR vr = element->ident();
        if (vr != EVR_OB && vr != EVR_OW && vr != EVR_UN && vr != EVR_pixelSQ && vr != EVR_OF
            && vr != EVR_OD && vr != EVR_OL && vr != EVR_OV) {
            OFString value;
            if (element->getOFStringArray(value).good())
                entry.value = QString::fromLatin1(value.c_str(), qsizetype(value.length()));
        } else {
            entry.value = QStringLiteral("<%1 bytes>").arg(element->getLength());
        }
        out.append(entry);
    }
}

} // namespace

QString DicomTestElement::path() const
{
    QStringList parts;
    for (const quint32 sequence : sequences)
        parts.append(tagText(sequence));
    parts.append(tagText(tag));
    return parts.join(QLatin1Char('/'));
}

QString dictionaryVr(quint32 tag)
{
    const DcmTag dcmTag(keyOf(tag));
    return QString::fromLatin1(dcmTag.getVRName());
}

QString distinctiveValue(const QString &vr, int seed)
{
    const QString number = QString::number(seed);
    if (vr == QLatin1String("PN"))
        return QStringLiteral("Secret%1^Person").arg(number);
    if (vr == QLatin1String("DA"))
        return QStringLiteral("1987%1").arg(100 + seed % 800, 4, 10, QLatin1Char('0')).left(8);
    if (vr == QLatin1String("TM"))
        return QStringLiteral("13%1").arg(seed % 5959, 4, 10, QLatin1Char('0'));
    if (vr == QLatin1String("DT"))
        return QStringLiteral("19870412134%1").arg(seed % 10);
    if (vr == QLatin1String("UI"))
        return QStringLiteral("1.2.3.4.5.%1").arg(number);
    if (vr == QLatin1String("AS"))
        return QStringLiteral("0%1Y").arg(10 + seed % 90);
    if (vr == QLatin1String("IS") || vr == QLatin1String("DS") || vr == QLatin1String("US")
        || vr == QLatin1String("SS") || vr == QLatin1String("UL") || vr == QLatin1String("SL")
        || vr == QLatin1String("FL") || vr == QLatin1String("FD"))
        return QString::number(1000 + seed % 30000);
    if (vr == QLatin1String("CS"))
        return QStringLiteral("SECRET%1").arg(number);
    if (vr == QLatin1String("AE") || vr == QLatin1String("SH"))
        return QStringLiteral("Secret%1").arg(number);
    if (vr == QLatin1String("LO") || vr == QLatin1String("ST") || vr == QLatin1String("LT")
        || vr == QLatin1String("UT") || vr == QLatin1String("UC") || vr == QLatin1String("UR"))
        return QStringLiteral("Secret value %1").arg(number);
    return {};
}

QString putDicomElements(const QString &path, const QList<DicomTestElement> &elements)
{
    DcmFileFormat file;
    const QByteArray name = QFile::encodeName(path);
    OFCondition status = file.loadFile(OFFilename(name.constData()));
    if (status.bad())
        return QStringLiteral("loading %1: %2").arg(path, QLatin1String(status.text()));
    // Everything in memory: the file is written over itself below.
    file.loadAllDataIntoMemory();
    for (const DicomTestElement &element : elements) {
        DcmItem *item = file.getDataset();
        for (const quint32 sequence : element.sequences) {
            DcmItem *inner = nullptr;
            status = item->findOrCreateSequenceItem(keyOf(sequence), inner, 0);
            if (status.bad() || !inner)
                return QStringLiteral("item of %1: %2")
                        .arg(tagText(sequence), QLatin1String(status.text()));
            item = inner;
        }
        DcmTag tag(keyOf(element.tag));
        if (!element.vr.isEmpty())
            tag.setVR(DcmVR(element.vr.toLatin1().constData()));
        if (tag.getEVR() == EVR_SQ) {
            if (!item->tagExists(tag))
                status = item->insertEmptyElement(tag);
        } else {
            const QByteArray value = element.value.toLatin1();
            DcmElement *created = nullptr;
            status = DcmItem::newDicomElementWithVR(created, tag);
            if (status.bad() || !created)
                return QStringLiteral("cannot make %1").arg(element.path());
            status = created->putString(value.constData());
            if (status.good())
                status = item->insert(created, true);
            else
                delete created;
        }
        if (status.bad())
            return QStringLiteral("putting %1: %2")
                    .arg(element.path(), QLatin1String(status.text()));
    }
    const E_TransferSyntax xfer = file.getDataset()->getOriginalXfer();
    status = file.saveFile(OFFilename(name.constData()), xfer);
    if (status.bad())
        return QStringLiteral("saving %1: %2").arg(path, QLatin1String(status.text()));
    return {};
}

std::optional<QList<DicomTestElement>> readDicomElements(const QString &path, QString *error)
{
    DcmFileFormat file;
    const QByteArray name = QFile::encodeName(path);
    const OFCondition status = file.loadFile(OFFilename(name.constData()));
    if (status.bad()) {
        *error = QStringLiteral("loading %1: %2").arg(path, QLatin1String(status.text()));
        return std::nullopt;
    }
    QList<DicomTestElement> elements;
    collect(*file.getMetaInfo(), {}, elements);
    collect(*file.getDataset(), {}, elements);
    return elements;
}

QByteArray dicomPixelBytes(const QString &path)
{
    DcmFileFormat file;
    const QByteArray name = QFile::encodeName(path);
    if (file.loadFile(OFFilename(name.constData())).bad())
        return {};
    DcmElement *element = nullptr;
    if (file.getDataset()->findAndGetElement(DCM_PixelData, element).bad() || !element)
        return {};
    auto *pixels = static_cast<DcmPixelData *>(element);
    DcmPixelSequence *sequence = nullptr;
    const E_TransferSyntax xfer = file.getDataset()->getOriginalXfer();
    if (pixels->getEncapsulatedRepresentation(xfer, nullptr, sequence).good() && sequence) {
        QByteArray bytes;
        for (unsigned long i = 0; i < sequence->card(); ++i) {
            DcmPixelItem *item = nullptr;
            Uint8 *data = nullptr;
            if (sequence->getItem(item, i).good() && item && item->getUint8Array(data).good()
                && data)
                bytes.append(reinterpret_cast<const char *>(data), qsizetype(item->getLength()));
        }
        return bytes;
    }
    Uint8 *data = nullptr;
    if (pixels->getUint8Array(data).bad() || !data)
        return {};
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(pixels->getLength()));
}

} // namespace Boucle::Testing
