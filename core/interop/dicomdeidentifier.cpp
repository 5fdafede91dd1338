#include "dicomdeidentifier.h"

#include "dicombasicprofile.h"
#include "imaging/dicomcodecs.h"
#include "imaging/dicomheader.h"
#include "imaging/regularfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcvr.h>

#include <limits>

namespace Boucle {

namespace {

QString readError(const QString &path, const QString &reason)
{
    return QCoreApplication::translate("Boucle::DicomDeidentifier", "Cannot read %1: %2")
            .arg(QDir::toNativeSeparators(path), reason);
}

QByteArray stringOf(DcmItem &item, const DcmTagKey &key)
{
    OFString value;
    if (item.findAndGetOFStringArray(key, value).bad())
        return {};
    return QByteArray(value.c_str(), qsizetype(value.length())).trimmed();
}

// A value of the attribute's VR that says nothing about the patient (the profile's D).
QByteArray dummyValue(DcmEVR vr)
{
    switch (vr) {
    case EVR_DA:
        return QByteArrayLiteral("19000101");
    case EVR_TM:
        return QByteArrayLiteral("000000");
    case EVR_DT:
        return QByteArrayLiteral("19000101000000");
    case EVR_AS:
        return QByteArrayLiteral("000Y");
    case EVR_IS:
    case EVR_DS:
    case EVR_US:
    case EVR_SS:
    case EVR_UL:
    case EVR_SL:
    case EVR_FL:
    case EVR_FD:
        return QByteArrayLiteral("0");
    case EVR_AE:
    case EVR_CS:
    case EVR_SH:
    case EVR_LO:
    case EVR_ST:
    case EVR_LT:
    case EVR_UT:
    case EVR_UC:
    case EVR_PN:
        return QByteArrayLiteral("ANONYMIZED");
    default:
        return {}; // binary and unknown values: emptied
    }
}

struct Walk
{
    DicomUidMap &uids;
    const QByteArray &pseudonym;
    DicomDeidentification &result;

    void replaceUids(DcmElement &element)
    {
        OFString value;
        if (element.getOFStringArray(value).bad() || value.empty())
            return;
        QList<QByteArray> parts = QByteArray(value.c_str(), qsizetype(value.length())).split('\\');
        for (QByteArray &part : parts)
            part = uids.replace(part.trimmed());
        element.putString(parts.join('\\').constData());
        ++result.uidsReplaced;
    }

    void apply(DcmItem &item)
    {
        // Backwards, so that removing an element leaves the ones still to visit in place.
        for (unsigned long i = item.card(); i > 0; --i) {
            DcmElement *element = item.getElement(i - 1);
            if (!element)
                continue;
            const DcmTagKey key = element->getTag();
            const quint16 group = key.getGroup();
            const quint16 number = key.getElement();
            if (DicomBasicProfile::isPrivate(group)) {
                delete item.remove(i - 1);
                ++result.removed;
                continue;
            }
            const bool isSequence = element->ident() == EVR_SQ;
            if (key == DCM_PatientName || key == DCM_PatientID) {
                // Z in the table; a pseudonym is a dummy that keeps the files of one patient
                // together, which the profile allows for Z.
                element->putString(pseudonym.constData());
                ++result.dummies;
                continue;
            }
            const auto entry = DicomBasicProfile::entryFor(group, number);
            if (!entry) {
                if (isSequence) {
                    auto *sequence = static_cast<DcmSequenceOfItems *>(element);
                    for (unsigned long j = 0; j < sequence->card(); ++j)
                        if (DcmItem *nested = sequence->getItem(j))
                            apply(*nested);
                }
                continue;
            }
            switch (entry->action) {
            case DicomProfileAction::Remove:
                delete item.remove(i - 1);
                ++result.removed;
                break;
            case DicomProfileAction::Empty:
                element->clear();
                ++result.emptied;
                break;
            case DicomProfileAction::Dummy: {
                // A sequence has no dummy of its own: it keeps no item, as with Z.
                const QByteArray dummy = isSequence ? QByteArray() : dummyValue(element->ident());
                element->clear();
                if (!dummy.isEmpty())
                    element->putString(dummy.constData());
                ++result.dummies;
                break;
            }
            case DicomProfileAction::ReplaceUid:
                if (isSequence)
                    element->clear();
                else
                    replaceUids(*element);
                break;
            }
        }
    }
};

} // namespace

DicomDeidentifier::DicomDeidentifier(const QString &pseudonymPrefix)
    : m_prefix(pseudonymPrefix)
{ }

QString DicomDeidentifier::methodDescription()
{
    // LO: at most 64 characters.
    return QStringLiteral("Basic Application Confidentiality Profile; Boucle %1")
            .arg(QLatin1String(BOUCLE_VERSION))
            .left(64);
}

bool DicomDeidentifier::oftenBurnsInText(const QString &modality)
{
    static const QStringList modalities {
            QStringLiteral("US"), QStringLiteral("XA"), QStringLiteral("RF"), QStringLiteral("ES"),
            QStringLiteral("XC"), QStringLiteral("OT"), QStringLiteral("DOC")};
    return modalities.contains(modality.trimmed().toUpper());
}

QString DicomDeidentifier::pseudonymFor(const QByteArray &patientKey)
{
    auto found = m_pseudonyms.constFind(patientKey);
    if (found == m_pseudonyms.constEnd())
        found = m_pseudonyms.insert(patientKey,
                                    m_prefix
                                            + QStringLiteral("%1").arg(m_pseudonyms.size() + 1, 4,
                                                                       10, QLatin1Char('0')));
    return *found;
}

DicomDeidentification DicomDeidentifier::deidentify(const QString &source,
                                                    const QString &destination,
                                                    const QString &patientPseudonym)
{
    DicomDeidentification result;
    const QString problem = DicomCodecs::ensureRegistered();
    if (!problem.isEmpty()) {
        result.error = readError(source, problem);
        return result;
    }
    RegularFile regular;
    if (!regular.open(source, std::numeric_limits<qint64>::max())) {
        result.error = readError(source, regular.reason());
        return result;
    }
    if (!DicomHeader::hasDicomMarker(regular.read(0, DicomHeader::markerEnd))) {
        result.error = readError(
                source, QCoreApplication::translate(
                                "Boucle::DicomDeidentifier",
                                "it is not a DICOM file (no \"DICM\" marker at byte 128)"));
        return result;
    }
    DcmFileFormat file;
    const QByteArray sourceName = QFile::encodeName(source);
    OFCondition status = file.loadFile(OFFilename(sourceName.constData()), EXS_Unknown,
                                       EGL_noChange, 4096, ERM_fileOnly);
    DcmDataset *data = file.getDataset();
    if (status.bad() || !data) {
        result.error = readError(source,
                                 QCoreApplication::translate(
                                         "Boucle::DicomDeidentifier",
                                         "the DICOM data is damaged or the file is truncated (%1)")
                                         .arg(QString::fromLatin1(status.text())));
        return result;
    }
    if (!data->tagExists(DCM_SOPInstanceUID)) {
        result.error = readError(
                source,
                QCoreApplication::translate("Boucle::DicomDeidentifier",
                                            "the attribute SOPInstanceUID (0008,0018) is missing"));
        return result;
    }

    const QByteArray burnedIn = stringOf(*data, DCM_BurnedInAnnotation).toUpper();
    const QString modality = QString::fromLatin1(stringOf(*data, DCM_Modality));
    if (burnedIn == "YES")
        result.warning = QCoreApplication::translate(
                                 "Boucle::DicomDeidentifier",
                                 "%1 says text is burned into its pixels (Burned In Annotation "
                                 "(0028,0301) is YES): it may show the patient's name or other "
                                 "identifying text, which de-identification does not remove")
                                 .arg(QDir::toNativeSeparators(source));
    else if (burnedIn.isEmpty() && oftenBurnsInText(modality))
        result.warning
                = QCoreApplication::translate(
                          "Boucle::DicomDeidentifier",
                          "%1 does not say whether text is burned into its pixels (Burned In "
                          "Annotation (0028,0301) is absent), and %2 images often have some: "
                          "check it before sharing")
                          .arg(QDir::toNativeSeparators(source), modality);

    QByteArray patientKey = stringOf(*data, DCM_PatientID);
    if (patientKey.isEmpty())
        patientKey = "name:" + stringOf(*data, DCM_PatientName);
    result.patientPseudonym
            = patientPseudonym.isEmpty() ? pseudonymFor(patientKey) : patientPseudonym;
    const QByteArray pseudonym = result.patientPseudonym.toLatin1();
    if (!data->tagExists(DCM_PatientName))
        data->putAndInsertString(DCM_PatientName, "");
    if (!data->tagExists(DCM_PatientID))
        data->putAndInsertString(DCM_PatientID, "");

    Walk walk {m_uids, pseudonym, result};
    walk.apply(*data);

    // What was done, as PS3.15 E.1.1 asks.
    data->putAndInsertString(DCM_PatientIdentityRemoved, "YES");
    data->putAndInsertString(DCM_DeidentificationMethod,
                             methodDescription().toLatin1().constData());
    data->findAndDeleteElement(DCM_DeidentificationMethodCodeSequence);
    DcmItem *code = nullptr;
    if (data->findOrCreateSequenceItem(DCM_DeidentificationMethodCodeSequence, code, -2).good()
        && code) {
        code->putAndInsertString(DCM_CodeValue, "113100");
        code->putAndInsertString(DCM_CodingSchemeDesignator, "DCM");
        code->putAndInsertString(DCM_CodeMeaning, "Basic Application Confidentiality Profile");
    }
    // The study's dates and times are emptied and the others removed.
    data->putAndInsertString(DCM_LongitudinalTemporalInformationModified, "REMOVED");

    // A new file meta header (EWM_createNewMeta): its SOP Instance UID follows the data set's
    // new one, and the sender's AE title and private meta attributes are left behind. The pixel
    // data is written in the transfer syntax it was read in, byte for byte.
    const E_TransferSyntax xfer = data->getOriginalXfer();
    QFile::remove(destination);
    const QByteArray destinationName = QFile::encodeName(destination);
    status = file.saveFile(OFFilename(destinationName.constData()), xfer, EET_ExplicitLength,
                           EGL_recalcGL, EPD_noChange, 0, 0, EWM_createNewMeta);
    if (status.bad()) {
        QFile::remove(destination);
        result.error
                = QCoreApplication::translate("Boucle::DicomDeidentifier",
                                              "Cannot write the de-identified copy of %1 to %2: %3")
                          .arg(QDir::toNativeSeparators(source),
                               QDir::toNativeSeparators(destination),
                               QString::fromLatin1(status.text()));
    }
    return result;
}

} // namespace Boucle
