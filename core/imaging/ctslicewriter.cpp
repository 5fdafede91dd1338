#include "imaging/ctslicewriter.h"

#include <QCoreApplication>
#include <QFile>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

namespace Boucle {

QString CtSliceWriter::newUid()
{
    char buffer[100];
    return QString::fromLatin1(dcmGenerateUniqueIdentifier(buffer, SITE_INSTANCE_UID_ROOT));
}

QString CtSliceWriter::write(const QString &path, const CtSlice &slice)
{
    const size_t pixels = size_t(std::max(0, slice.rows)) * size_t(std::max(0, slice.columns));
    if (slice.rows <= 0 || slice.columns <= 0 || slice.rows > 65535 || slice.columns > 65535
        || slice.hounsfield.size() != pixels)
        return QCoreApplication::translate("Boucle::CtSliceWriter",
                                           "%1: a CT slice needs rows × columns values")
                .arg(path);
    DcmFileFormat file;
    DcmDataset *data = file.getDataset();
    OFCondition status = EC_Normal;
    const auto put = [&](const DcmTagKey &key, const QString &value) {
        if (status.good())
            status = data->putAndInsertString(key, value.toLatin1().constData());
    };
    const auto putNumber = [&](const DcmTagKey &key, Uint16 value) {
        if (status.good())
            status = data->putAndInsertUint16(key, value);
    };
    put(DCM_SOPClassUID, QString::fromLatin1(UID_CTImageStorage));
    put(DCM_SOPInstanceUID, newUid());
    put(DCM_StudyInstanceUID, slice.studyInstanceUid);
    put(DCM_SeriesInstanceUID, slice.seriesInstanceUid);
    put(DCM_Modality, QStringLiteral("CT"));
    put(DCM_PatientName, slice.patientName);
    put(DCM_PatientID, slice.patientId);
    put(DCM_StudyID, QStringLiteral("1"));
    put(DCM_SeriesNumber, QStringLiteral("1"));
    put(DCM_SeriesDescription, QStringLiteral("Boucle demo phantom"));
    put(DCM_InstanceNumber, QString::number(slice.instanceNumber));
    put(DCM_ImagePositionPatient, QStringLiteral("0\\0\\%1").arg(slice.positionZ, 0, 'f', 2));
    put(DCM_ImageOrientationPatient, QStringLiteral("1\\0\\0\\0\\1\\0"));
    put(DCM_PixelSpacing, QStringLiteral("%1\\%1").arg(slice.pixelSpacing, 0, 'f', 3));
    put(DCM_BurnedInAnnotation, QStringLiteral("NO"));
    putNumber(DCM_SamplesPerPixel, 1);
    put(DCM_PhotometricInterpretation, QStringLiteral("MONOCHROME2"));
    putNumber(DCM_Rows, Uint16(slice.rows));
    putNumber(DCM_Columns, Uint16(slice.columns));
    putNumber(DCM_BitsAllocated, 16);
    putNumber(DCM_BitsStored, 16);
    putNumber(DCM_HighBit, 15);
    putNumber(DCM_PixelRepresentation, 1);
    put(DCM_RescaleIntercept, QStringLiteral("-1024"));
    put(DCM_RescaleSlope, QStringLiteral("1"));
    put(DCM_RescaleType, QStringLiteral("HU"));
    put(DCM_WindowCenter, QStringLiteral("40"));
    put(DCM_WindowWidth, QStringLiteral("400"));
    put(DCM_WindowCenterWidthExplanation, QStringLiteral("SOFT TISSUE"));
    std::vector<Uint16> stored(pixels);
    for (size_t i = 0; i < pixels; ++i)
        stored[i] = Uint16(qint16(std::clamp(int(slice.hounsfield[i]) + 1024, -32768, 32767)));
    if (status.good())
        status = data->putAndInsertUint16Array(DCM_PixelData, stored.data(),
                                               static_cast<unsigned long>(pixels));
    if (status.good())
        status = file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit);
    if (status.bad())
        return QCoreApplication::translate("Boucle::CtSliceWriter", "%1 cannot be written (%2)")
                .arg(path, QString::fromLatin1(status.text()));
    return {};
}

} // namespace Boucle
