#include "imaging/dicomattributes.h"

#include "imaging/dicomdataset_p.h"

#include <QCoreApplication>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dctag.h>
#include <dcmtk/dcmdata/dcvr.h>

namespace Boucle {

namespace {

bool isBinary(DcmEVR vr)
{
    switch (vr) {
    case EVR_OB:
    case EVR_OW:
    case EVR_OF:
    case EVR_OD:
    case EVR_OL:
    case EVR_OV:
    case EVR_UN:
    case EVR_ox:
    case EVR_px:
    case EVR_pixelSQ:
        return true;
    default:
        return false;
    }
}

QString summary(qint64 bytes)
{
    return QCoreApplication::translate("Boucle::DicomAttributes", "<%1 bytes>").arg(bytes);
}

void collect(DcmItem &item, int depth, bool utf8, QList<DicomAttribute> &out)
{
    for (unsigned long i = 0; i < item.card(); ++i) {
        DcmElement *element = item.getElement(i);
        if (!element)
            continue;
        DcmTag tag = element->getTag();
        DicomAttribute attribute;
        attribute.group = tag.getGroup();
        attribute.element = tag.getElement();
        attribute.depth = depth;
        const char *name = tag.getTagName();
        // DCMTK names what it does not know "Unknown Tag & Data"; a browser shows the tag alone.
        if (name && qstrcmp(name, DcmTag_ERROR_TagName) != 0)
            attribute.name = QString::fromLatin1(name);
        attribute.vr = QString::fromLatin1(DcmVR(element->getVR()).getVRName());
        if (element->ident() == EVR_SQ) {
            auto *sequence = static_cast<DcmSequenceOfItems *>(element);
            attribute.value = QCoreApplication::translate("Boucle::DicomAttributes", "%n item(s)",
                                                          nullptr, int(sequence->card()));
            out.append(attribute);
            for (unsigned long j = 0; j < sequence->card(); ++j) {
                if (DcmItem *child = sequence->getItem(j))
                    collect(*child, depth + 1, utf8, out);
            }
            continue;
        }
        if (tag.getXTag() == DCM_PixelData) {
            const Uint32 length = element->getLength();
            attribute.value = length == DCM_UndefinedLength ? QCoreApplication::translate(
                                      "Boucle::DicomAttributes", "<compressed frames>")
                                                            : summary(length);
        } else if (isBinary(element->getVR())) {
            attribute.value = summary(element->getLength());
        } else {
            OFString text;
            if (element->getOFStringArray(text).good()) {
                attribute.value = utf8 ? QString::fromUtf8(text.c_str())
                                       : QString::fromLatin1(text.c_str());
                if (attribute.value.size() > DicomAttributes::maxValueLength) {
                    attribute.value.truncate(DicomAttributes::maxValueLength);
                    attribute.value.append(QChar(0x2026));
                }
            }
        }
        out.append(attribute);
    }
}

} // namespace

QString DicomAttribute::tag() const
{
    return QStringLiteral("(%1,%2)").arg(
            QStringLiteral("%1").arg(group, 4, 16, QLatin1Char('0')).toUpper(),
            QStringLiteral("%1").arg(element, 4, 16, QLatin1Char('0')).toUpper());
}

std::optional<QList<DicomAttribute>> DicomAttributes::read(const QString &path, QString *error)
{
    DcmFileFormat file;
    QString reason;
    if (!DicomDataset::load(path, file, &reason)) {
        if (error)
            *error = reason;
        return std::nullopt;
    }
    OFString charset;
    file.getDataset()->findAndGetOFStringArray(DCM_SpecificCharacterSet, charset);
    const bool utf8 = QString::fromLatin1(charset.c_str()).contains(QLatin1String("ISO_IR 192"));
    QList<DicomAttribute> attributes;
    if (DcmMetaInfo *meta = file.getMetaInfo())
        collect(*meta, 0, false, attributes);
    collect(*file.getDataset(), 0, utf8, attributes);
    return attributes;
}

} // namespace Boucle
