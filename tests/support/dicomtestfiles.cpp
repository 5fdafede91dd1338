#include "dicomtestfiles.h"

#include <QDir>
#include <QFile>

#include <dcmtk/dcmdata/dcddirif.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcrleerg.h>
#include <dcmtk/dcmdata/dcrlerp.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcvrobow.h>
#include <dcmtk/dcmdata/dcvrus.h>
#include <dcmtk/dcmjpeg/djencode.h>
#include <dcmtk/dcmjpeg/djrplol.h>
#include <dcmtk/dcmjpeg/djrploss.h>
#include <dcmtk/dcmjpls/djencode.h>
#include <dcmtk/dcmjpls/djrparam.h>
#include <dcmtk/oflog/oflog.h>

#include <mutex>

namespace Boucle::Testing {

namespace {

void registerEncoders()
{
    static std::once_flag once;
    std::call_once(once, [] {
        OFLog::configure(OFLogger::ERROR_LOG_LEVEL);
        DJEncoderRegistration::registerCodecs();
        DJLSEncoderRegistration::registerCodecs();
        DcmRLEEncoderRegistration::registerCodecs();
    });
}

QString describe(const char *what, const OFCondition &status)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QLatin1String(status.text()));
}

std::string latin1(const QString &text)
{
    return text.toLatin1().toStdString();
}

QString joined(const double *values, int count)
{
    QStringList parts;
    for (int i = 0; i < count; ++i)
        parts.append(QString::number(values[i], 'g', 10));
    return parts.join(QLatin1Char('\\'));
}

} // namespace

QString newDicomUid()
{
    char uid[100];
    return QString::fromLatin1(dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT));
}

QString writeDicomFile(const QString &path, const DicomTestImage &image)
{
    registerEncoders();
    DcmFileFormat file;
    DcmDataset *data = file.getDataset();
    const bool grey = image.photometric.startsWith(QLatin1String("MONOCHROME"));
    const auto put = [&](const DcmTagKey &key, const QString &value) {
        return data->putAndInsertString(key, latin1(value).c_str());
    };
    put(DCM_SOPClassUID,
        QLatin1String(grey ? UID_CTImageStorage : UID_SecondaryCaptureImageStorage));
    put(DCM_SOPInstanceUID, newDicomUid());
    put(DCM_StudyInstanceUID, QStringLiteral("1.2.826.0.1.3680043.2.1125.1.1"));
    put(DCM_SeriesInstanceUID,
        image.seriesInstanceUid.isEmpty() ? newDicomUid() : image.seriesInstanceUid);
    put(DCM_Modality, image.modality);
    put(DCM_PatientName, QStringLiteral("Test^Phantom"));
    put(DCM_PatientID, QStringLiteral("PHANTOM1"));
    put(DCM_StudyDate, QStringLiteral("20260101"));
    put(DCM_StudyTime, QStringLiteral("120000"));
    put(DCM_StudyID, QStringLiteral("1"));
    put(DCM_SeriesNumber, QStringLiteral("1"));
    if (image.instanceNumber)
        put(DCM_InstanceNumber, QString::number(*image.instanceNumber));
    if (image.imagePosition)
        put(DCM_ImagePositionPatient, joined(image.imagePosition->data(), 3));
    put(DCM_ImageOrientationPatient, joined(image.imageOrientation.data(), 6));
    if (!image.burnedInAnnotation.isEmpty())
        put(DCM_BurnedInAnnotation, image.burnedInAnnotation);

    data->putAndInsertUint16(DCM_SamplesPerPixel, grey ? 1 : 3);
    put(DCM_PhotometricInterpretation, image.photometric);
    if (!image.omitRows)
        data->putAndInsertUint16(DCM_Rows, Uint16(image.rows));
    data->putAndInsertUint16(DCM_Columns, Uint16(image.columns));
    if (image.frames > 1)
        put(DCM_NumberOfFrames, QString::number(image.frames));
    data->putAndInsertUint16(DCM_BitsAllocated, Uint16(image.bitsAllocated));
    data->putAndInsertUint16(DCM_BitsStored, Uint16(image.bitsStored));
    data->putAndInsertUint16(DCM_HighBit, Uint16(image.highBit));
    data->putAndInsertUint16(DCM_PixelRepresentation, image.pixelSigned ? 1 : 0);
    if (!grey)
        data->putAndInsertUint16(DCM_PlanarConfiguration, 0);
    DcmItem *rescale = data;
    DcmItem *voi = data;
    if (image.functionalGroups) {
        DcmItem *shared = nullptr;
        data->findOrCreateSequenceItem(DCM_SharedFunctionalGroupsSequence, shared, 0);
        if (shared) {
            shared->findOrCreateSequenceItem(DCM_PixelValueTransformationSequence, rescale, 0);
            shared->findOrCreateSequenceItem(DCM_FrameVOILUTSequence, voi, 0);
        }
        if (!shared || !rescale || !voi)
            return QStringLiteral("functional groups: cannot be created");
    }
    const auto putIn = [&](DcmItem *item, const DcmTagKey &key, const QString &value) {
        return item->putAndInsertString(key, latin1(value).c_str());
    };
    if (image.rescaleSlope)
        putIn(rescale, DCM_RescaleSlope, QString::number(*image.rescaleSlope, 'g', 10));
    if (image.rescaleIntercept)
        putIn(rescale, DCM_RescaleIntercept, QString::number(*image.rescaleIntercept, 'g', 10));
    if (!image.rescaleType.isEmpty())
        putIn(rescale, DCM_RescaleType, image.rescaleType);
    if (image.windowCentre && image.windowWidth) {
        putIn(voi, DCM_WindowCenter, QString::number(*image.windowCentre, 'g', 10));
        putIn(voi, DCM_WindowWidth, QString::number(*image.windowWidth, 'g', 10));
        if (!image.windowExplanation.isEmpty())
            putIn(voi, DCM_WindowCenterWidthExplanation, image.windowExplanation);
    }
    if (image.voiLut) {
        const DicomTestImage::VoiLut &lut = *image.voiLut;
        DcmItem *item = nullptr;
        if (data->findOrCreateSequenceItem(DCM_VOILUTSequence, item, 0).bad() || !item)
            return QStringLiteral("VOI LUT Sequence: cannot be created");
        const Uint16 descriptor[3]
                = {lut.entries, Uint16(qint16(lut.firstMapped)), lut.bitsPerEntry};
        auto *descriptorElement = new DcmUnsignedShort(DcmTag(DCM_LUTDescriptor, EVR_US));
        descriptorElement->putUint16Array(descriptor, 3);
        item->insert(descriptorElement, true);
        DcmElement *dataElement = nullptr;
        if (lut.dataAsOw)
            dataElement = new DcmOtherByteOtherWord(DcmTag(DCM_LUTData, EVR_OW));
        else
            dataElement = new DcmUnsignedShort(DcmTag(DCM_LUTData, EVR_US));
        dataElement->putUint16Array(lut.data.data(), static_cast<unsigned long>(lut.data.size()));
        item->insert(dataElement, true);
        if (!lut.explanation.isEmpty())
            item->putAndInsertString(DCM_LUTExplanation, latin1(lut.explanation).c_str());
    }

    OFCondition status;
    if (grey && image.bitsAllocated == 16) {
        const size_t count = image.grey.size() - size_t(image.pixelWordsDropped);
        status = data->putAndInsertUint16Array(DCM_PixelData, image.grey.data(),
                                               static_cast<unsigned long>(count));
    } else {
        std::vector<quint8> bytes;
        if (grey) {
            for (quint16 word : image.grey)
                bytes.push_back(quint8(word));
        } else {
            bytes = image.rgb;
        }
        bytes.resize(bytes.size() - size_t(image.pixelWordsDropped));
        status = data->putAndInsertUint8Array(DCM_PixelData, bytes.data(),
                                              static_cast<unsigned long>(bytes.size()));
    }
    if (status.bad())
        return describe("pixel data", status);

    E_TransferSyntax xfer = EXS_LittleEndianExplicit;
    if (image.encoding == DicomTestImage::Encoding::JpegLs) {
        const DJLSRepresentationParameter lossless(2, OFTrue);
        xfer = EXS_JPEGLSLossless;
        status = data->chooseRepresentation(xfer, &lossless);
    } else if (image.encoding == DicomTestImage::Encoding::JpegLossless) {
        const DJ_RPLossless lossless(6, 0);
        xfer = EXS_JPEGProcess14SV1;
        status = data->chooseRepresentation(xfer, &lossless);
    } else if (image.encoding == DicomTestImage::Encoding::JpegBaseline) {
        // Lossy; DCMTK stores colour as YBR_FULL_422, as scanners and cameras do.
        const DJ_RPLossy quality(95);
        xfer = EXS_JPEGProcess1;
        status = data->chooseRepresentation(xfer, &quality);
    } else if (image.encoding == DicomTestImage::Encoding::Rle) {
        const DcmRLERepresentationParameter rle;
        xfer = EXS_RLELossless;
        status = data->chooseRepresentation(xfer, &rle);
    }
    if (status.bad() || !data->canWriteXfer(xfer))
        return describe("compression", status.bad() ? status : EC_CannotChangeRepresentation);
    status = file.saveFile(QFile::encodeName(path).constData(), xfer);
    if (status.bad())
        return describe("saving", status);
    return {};
}

QString writeDicomDir(const QString &folder, const QStringList &fileNames)
{
    registerEncoders();
    const QString previous = QDir::currentPath();
    // DICOMDIR file IDs are relative to the DICOMDIR's folder.
    QDir::setCurrent(folder);
    DicomDirInterface dicomDir;
    dicomDir.enableInventMode(OFTrue);
    OFCondition status = dicomDir.createNewDicomDir(DicomDirInterface::AP_GeneralPurpose,
                                                    OFFilename("DICOMDIR"));
    for (const QString &name : fileNames) {
        if (status.good())
            status = dicomDir.addDicomFile(OFFilename(latin1(name).c_str()));
    }
    if (status.good())
        status = dicomDir.writeDicomDir();
    QDir::setCurrent(previous);
    return status.good() ? QString() : describe("DICOMDIR", status);
}

} // namespace Boucle::Testing
