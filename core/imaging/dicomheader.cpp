#include "imaging/dicomheader.h"

#include "imaging/dicomcodecs.h"
#include "imaging/dicomdataset_p.h"
#include "imaging/regularfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <dcmtk/dcmdata/dccodec.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <algorithm>
#include <cmath>

namespace Boucle {

namespace {

// "Rows (0028,0010)": how an attribute is named in messages, as the standard names it.
QString attributeLabel(const DcmTagKey &key)
{
    DcmTag tag(key);
    return QStringLiteral("%1 (%2,%3)")
            .arg(QString::fromLatin1(tag.getTagName()),
                 QStringLiteral("%1").arg(key.getGroup(), 4, 16, QLatin1Char('0')).toUpper(),
                 QStringLiteral("%1").arg(key.getElement(), 4, 16, QLatin1Char('0')).toUpper());
}

QString stringOf(DcmItem &item, const DcmTagKey &key)
{
    OFString value;
    if (item.findAndGetOFString(key, value).bad())
        return {};
    return QString::fromLatin1(value.c_str()).trimmed();
}

std::optional<double> doubleOf(DcmItem &item, const DcmTagKey &key, unsigned long index = 0)
{
    Float64 value = 0;
    if (item.findAndGetFloat64(key, value, index).bad() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<long> integerOf(DcmItem &item, const DcmTagKey &key)
{
    // US attributes (Rows) and IS attributes (Number of Frames, Instance Number) alike.
    Uint16 unsignedValue = 0;
    if (item.findAndGetUint16(key, unsignedValue).good())
        return long(unsignedValue);
    Sint32 value = 0;
    if (item.findAndGetSint32(key, value).good())
        return long(value);
    return std::nullopt;
}

template<size_t N>
std::optional<std::array<double, N>> vectorOf(DcmItem &item, const DcmTagKey &key)
{
    std::array<double, N> values {};
    for (size_t i = 0; i < N; ++i) {
        const auto value = doubleOf(item, key, i);
        if (!value)
            return std::nullopt;
        values[i] = *value;
    }
    return values;
}

bool isPresent(DcmItem &item, const DcmTagKey &key)
{
    return item.tagExists(key);
}

// LUT Descriptor values are US or SS (the first value mapped is signed for signed pixels); both
// are read as their 16 bits.
std::optional<quint16> descriptorValue(DcmItem &item, unsigned long index)
{
    Uint16 unsignedValue = 0;
    if (item.findAndGetUint16(DCM_LUTDescriptor, unsignedValue, index).good())
        return quint16(unsignedValue);
    Sint16 signedValue = 0;
    if (item.findAndGetSint16(DCM_LUTDescriptor, signedValue, index).good())
        return quint16(signedValue);
    return std::nullopt;
}

// The first item of the VOI LUT Sequence into header.voiLut, or the reason it is not used into
// header.voiLutProblem. Never refuses the file: a bad LUT leaves the window, if any, to stand.
void readVoiLut(DcmItem &data, DicomHeader &header)
{
    DcmItem *item = nullptr;
    if (data.findAndGetSequenceItem(DCM_VOILUTSequence, item, 0).bad() || !item)
        return;
    const QString fallback
            = header.windowCentre && header.windowWidth
                      ? QCoreApplication::translate("Boucle::DicomHeader",
                                                    "the file's window is shown instead")
                      : QCoreApplication::translate("Boucle::DicomHeader",
                                                    "the image is shown without it");
    const auto refuse = [&](const DcmTagKey &key, const QString &why) {
        header.voiLutProblem
                = QCoreApplication::translate(
                          "Boucle::DicomHeader",
                          "%1: the VOI LUT is not applied: the attribute %2 of the VOI LUT "
                          "Sequence (0028,3010) %3; %4.")
                          .arg(QDir::toNativeSeparators(header.path), attributeLabel(key), why,
                               fallback);
    };

    const auto entriesField = descriptorValue(*item, 0);
    const auto firstField = descriptorValue(*item, 1);
    const auto bitsField = descriptorValue(*item, 2);
    if (!entriesField || !firstField || !bitsField)
        return refuse(DCM_LUTDescriptor,
                      QCoreApplication::translate("Boucle::DicomHeader",
                                                  "is missing or does not hold three numbers"));
    // PS3.3 C.11.2.1.1: 0 entries means 65536; the first value mapped is signed when the pixels
    // are.
    const size_t count = *entriesField == 0 ? 65536 : size_t(*entriesField);
    const double first = header.pixelSigned ? double(qint16(*firstField)) : double(*firstField);
    const int bits = int(*bitsField);
    if (bits < 8 || bits > 16)
        return refuse(DCM_LUTDescriptor,
                      QCoreApplication::translate("Boucle::DicomHeader",
                                                  "says %1 bits an entry; Boucle reads 8 to 16")
                              .arg(bits));

    DcmElement *element = nullptr;
    Uint16 *words = nullptr;
    if (item->findAndGetElement(DCM_LUTData, element).bad() || !element
        || element->getUint16Array(words).bad() || !words)
        return refuse(DCM_LUTData,
                      QCoreApplication::translate("Boucle::DicomHeader", "is missing or empty"));
    const size_t held = size_t(element->getLength()) / 2;
    VoiLut lut;
    lut.firstMapped = first;
    lut.bitsPerEntry = bits;
    if (held == count) {
        lut.entries.assign(words, words + count);
    } else if (bits == 8 && held == (count + 1) / 2) {
        // 8-bit entries may be packed two to a word, the first in the low byte.
        lut.entries.resize(count);
        for (size_t i = 0; i < count; ++i)
            lut.entries[i] = quint16((words[i / 2] >> (i % 2 == 0 ? 0 : 8)) & 0xFF);
    } else {
        return refuse(DCM_LUTData, QCoreApplication::translate(
                                           "Boucle::DicomHeader",
                                           "holds %1 entries, but the LUT Descriptor (0028,3002) "
                                           "says %2")
                                           .arg(held)
                                           .arg(count));
    }
    const quint16 top = quint16((1u << bits) - 1u);
    const auto highest = std::max_element(lut.entries.begin(), lut.entries.end());
    if (*highest > top)
        return refuse(DCM_LUTData,
                      QCoreApplication::translate("Boucle::DicomHeader",
                                                  "holds the entry %1, more than %2 bits can hold")
                              .arg(*highest)
                              .arg(bits));
    OFString explanation;
    if (item->findAndGetOFString(DCM_LUTExplanation, explanation).good())
        lut.explanation = QString::fromLatin1(explanation.c_str()).trimmed();
    header.voiLut = std::move(lut);
}

} // namespace

namespace DicomDataset {

QString fileError(const QString &path, const QString &reason)
{
    return QCoreApplication::translate("Boucle::DicomHeader", "Cannot read %1: %2")
            .arg(QDir::toNativeSeparators(path), reason);
}

bool load(const QString &path, DcmFileFormat &file, QString *error)
{
    const QString problem = DicomCodecs::ensureRegistered();
    if (!problem.isEmpty()) {
        *error = fileError(path, problem);
        return false;
    }
    // The same rule as every sample: a regular file (never a pipe), checked before DCMTK opens it.
    RegularFile regular;
    if (!regular.open(path, std::numeric_limits<qint64>::max())) {
        *error = fileError(path, regular.reason());
        return false;
    }
    if (!DicomHeader::hasDicomMarker(regular.read(0, DicomHeader::markerEnd))) {
        *error = fileError(path,
                           QCoreApplication::translate(
                                   "Boucle::DicomHeader",
                                   "it is not a DICOM file (no \"DICM\" marker at byte 128)"));
        return false;
    }
    const QByteArray name = QFile::encodeName(path);
    const OFCondition status = file.loadFile(OFFilename(name.constData()), EXS_Unknown,
                                             EGL_noChange, maxLoadedValueBytes, ERM_fileOnly);
    if (status.bad()) {
        *error = fileError(path, QCoreApplication::translate(
                                         "Boucle::DicomHeader",
                                         "the DICOM data is damaged or the file is truncated (%1)")
                                         .arg(QString::fromLatin1(status.text())));
        return false;
    }
    return true;
}

std::optional<DicomHeader> headerOf(const QString &path, DcmFileFormat &file, QString *error)
{
    DicomHeader header;
    header.path = path;
    DcmMetaInfo *meta = file.getMetaInfo();
    DcmDataset *data = file.getDataset();
    if (!meta || !data) {
        *error = fileError(path, QCoreApplication::translate("Boucle::DicomHeader",
                                                             "it holds no DICOM data set"));
        return std::nullopt;
    }
    const QString mediaClass = stringOf(*meta, DCM_MediaStorageSOPClassUID);
    header.transferSyntaxUid = stringOf(*meta, DCM_TransferSyntaxUID);
    const DcmXfer xfer(data->getOriginalXfer());
    if (header.transferSyntaxUid.isEmpty())
        header.transferSyntaxUid = QString::fromLatin1(xfer.getXferID());
    header.transferSyntaxName = QString::fromLatin1(xfer.getXferName());
    header.isDicomDir = mediaClass == QLatin1String(UID_MediaStorageDirectoryStorage);

    header.modality = stringOf(*data, DCM_Modality);
    header.sopClassUid = stringOf(*data, DCM_SOPClassUID);
    header.sopInstanceUid = stringOf(*data, DCM_SOPInstanceUID);
    header.studyInstanceUid = stringOf(*data, DCM_StudyInstanceUID);
    header.seriesInstanceUid = stringOf(*data, DCM_SeriesInstanceUID);
    header.seriesDescription = stringOf(*data, DCM_SeriesDescription);
    header.burnedInAnnotation = stringOf(*data, DCM_BurnedInAnnotation).toUpper();
    if (header.isDicomDir)
        return header;

    const auto missing = [&](const DcmTagKey &key) {
        *error = fileError(path, QCoreApplication::translate("Boucle::DicomHeader",
                                                             "the attribute %1 is missing")
                                         .arg(attributeLabel(key)));
        return std::nullopt;
    };
    const auto invalid = [&](const DcmTagKey &key, const QString &why) {
        *error = fileError(path,
                           QCoreApplication::translate("Boucle::DicomHeader", "the attribute %1 %2")
                                   .arg(attributeLabel(key), why));
        return std::nullopt;
    };

    if (!isPresent(*data, DCM_PixelData)) {
        if (isPresent(*data, DCM_FloatPixelData) || isPresent(*data, DCM_DoubleFloatPixelData))
            return invalid(DCM_FloatPixelData,
                           QCoreApplication::translate("Boucle::DicomHeader",
                                                       "holds floating-point pixels, which Boucle "
                                                       "does not read"));
        return missing(DCM_PixelData);
    }
    const auto rows = integerOf(*data, DCM_Rows);
    if (!rows)
        return missing(DCM_Rows);
    if (*rows <= 0)
        return invalid(DCM_Rows,
                       QCoreApplication::translate("Boucle::DicomHeader",
                                                   "is %1; an image needs at least one row")
                               .arg(*rows));
    const auto columns = integerOf(*data, DCM_Columns);
    if (!columns)
        return missing(DCM_Columns);
    if (*columns <= 0)
        return invalid(DCM_Columns,
                       QCoreApplication::translate("Boucle::DicomHeader",
                                                   "is %1; an image needs at least one column")
                               .arg(*columns));
    header.rows = int(*rows);
    header.columns = int(*columns);
    if (isPresent(*data, DCM_NumberOfFrames)) {
        const auto frames = integerOf(*data, DCM_NumberOfFrames);
        if (!frames || *frames < 1 || *frames > 1'000'000)
            return invalid(DCM_NumberOfFrames,
                           QCoreApplication::translate("Boucle::DicomHeader",
                                                       "is \"%1\", not a number of frames")
                                   .arg(stringOf(*data, DCM_NumberOfFrames)));
        header.frames = int(*frames);
    }

    header.photometric = stringOf(*data, DCM_PhotometricInterpretation).toUpper();
    if (header.photometric.isEmpty())
        return missing(DCM_PhotometricInterpretation);
    static const QStringList greyModels
            = {QStringLiteral("MONOCHROME1"), QStringLiteral("MONOCHROME2")};
    static const QStringList colourModels = {QStringLiteral("RGB"),
                                             QStringLiteral("YBR_FULL"),
                                             QStringLiteral("YBR_FULL_422"),
                                             QStringLiteral("YBR_PARTIAL_422"),
                                             QStringLiteral("YBR_PARTIAL_420"),
                                             QStringLiteral("YBR_ICT"),
                                             QStringLiteral("YBR_RCT"),
                                             QStringLiteral("PALETTE COLOR")};
    const bool grey = greyModels.contains(header.photometric);
    if (!grey && !colourModels.contains(header.photometric))
        return invalid(DCM_PhotometricInterpretation,
                       QCoreApplication::translate("Boucle::DicomHeader",
                                                   "is \"%1\", which Boucle does not show")
                               .arg(header.photometric));
    const auto samples = integerOf(*data, DCM_SamplesPerPixel);
    const int expectedSamples
            = grey || header.photometric == QLatin1String("PALETTE COLOR") ? 1 : 3;
    header.samplesPerPixel = int(samples.value_or(expectedSamples));
    if (header.samplesPerPixel != expectedSamples)
        return invalid(
                DCM_SamplesPerPixel,
                QCoreApplication::translate("Boucle::DicomHeader", "is %1, but %2 images have %3")
                        .arg(header.samplesPerPixel)
                        .arg(header.photometric)
                        .arg(expectedSamples));
    header.planarConfiguration = int(integerOf(*data, DCM_PlanarConfiguration).value_or(0));

    const auto bitsAllocated = integerOf(*data, DCM_BitsAllocated);
    if (!bitsAllocated)
        return missing(DCM_BitsAllocated);
    if (*bitsAllocated != 8 && *bitsAllocated != 16)
        return invalid(DCM_BitsAllocated,
                       QCoreApplication::translate("Boucle::DicomHeader",
                                                   "is %1; Boucle reads 8- and 16-bit pixels")
                               .arg(*bitsAllocated));
    header.bitsAllocated = int(*bitsAllocated);
    header.bitsStored = int(integerOf(*data, DCM_BitsStored).value_or(header.bitsAllocated));
    if (header.bitsStored < 1 || header.bitsStored > header.bitsAllocated)
        return invalid(DCM_BitsStored, QCoreApplication::translate("Boucle::DicomHeader",
                                                                   "is %1 with %2 bits allocated")
                                               .arg(header.bitsStored)
                                               .arg(header.bitsAllocated));
    header.highBit = int(integerOf(*data, DCM_HighBit).value_or(header.bitsStored - 1));
    if (header.highBit < header.bitsStored - 1 || header.highBit >= header.bitsAllocated)
        return invalid(DCM_HighBit,
                       QCoreApplication::translate("Boucle::DicomHeader",
                                                   "is %1 with %2 bits stored of %3 allocated")
                               .arg(header.highBit)
                               .arg(header.bitsStored)
                               .arg(header.bitsAllocated));
    const long representation = integerOf(*data, DCM_PixelRepresentation).value_or(0);
    if (representation != 0 && representation != 1)
        return invalid(
                DCM_PixelRepresentation,
                QCoreApplication::translate("Boucle::DicomHeader", "is %1; it must be 0 or 1")
                        .arg(representation));
    header.pixelSigned = representation == 1 && grey;

    // Enhanced multi-frame images (Enhanced CT, MR, XA) keep the rescale, the window and the
    // orientation shared by their frames in functional group macros rather than at the top.
    DcmItem *shared = nullptr;
    data->findAndGetSequenceItem(DCM_SharedFunctionalGroupsSequence, shared, 0);
    const auto sourceOf = [&](const DcmTagKey &attribute, const DcmTagKey &macro) -> DcmItem * {
        DcmItem *item = nullptr;
        if (isPresent(*data, attribute) || !shared
            || shared->findAndGetSequenceItem(macro, item, 0).bad() || !item)
            return data;
        return item;
    };
    DcmItem &rescale = *sourceOf(DCM_RescaleIntercept, DCM_PixelValueTransformationSequence);
    if (isPresent(rescale, DCM_RescaleSlope)) {
        const auto slope = doubleOf(rescale, DCM_RescaleSlope);
        if (!slope || *slope == 0.0)
            return invalid(DCM_RescaleSlope,
                           QCoreApplication::translate("Boucle::DicomHeader",
                                                       "is \"%1\", not a non-zero number")
                                   .arg(stringOf(rescale, DCM_RescaleSlope)));
        header.rescaleSlope = *slope;
    }
    if (isPresent(rescale, DCM_RescaleIntercept)) {
        const auto intercept = doubleOf(rescale, DCM_RescaleIntercept);
        if (!intercept)
            return invalid(
                    DCM_RescaleIntercept,
                    QCoreApplication::translate("Boucle::DicomHeader", "is \"%1\", not a number")
                            .arg(stringOf(rescale, DCM_RescaleIntercept)));
        header.rescaleIntercept = *intercept;
    }
    header.rescaleType = stringOf(rescale, DCM_RescaleType).toUpper();
    header.hasModalityLutSequence = isPresent(*data, DCM_ModalityLUTSequence);

    // The first window of several (the file's preferred one); a width below 1 is no window.
    DcmItem &voi = *sourceOf(DCM_WindowCenter, DCM_FrameVOILUTSequence);
    DcmElement *centres = nullptr;
    if (voi.findAndGetElement(DCM_WindowCenter, centres).good() && centres)
        header.windowCount = int(centres->getVM());
    const auto centre = doubleOf(voi, DCM_WindowCenter);
    const auto width = doubleOf(voi, DCM_WindowWidth);
    if (centre && width && *width >= 1.0) {
        header.windowCentre = centre;
        header.windowWidth = width;
        OFString explanation;
        if (voi.findAndGetOFString(DCM_WindowCenterWidthExplanation, explanation, 0).good())
            header.windowExplanation = QString::fromLatin1(explanation.c_str()).trimmed();
    }
    if (grey)
        readVoiLut(*data, header);

    header.instanceNumber = isPresent(*data, DCM_InstanceNumber)
                                    ? std::optional<int>(integerOf(*data, DCM_InstanceNumber))
                                    : std::nullopt;
    header.imagePosition = vectorOf<3>(*data, DCM_ImagePositionPatient);
    header.imageOrientation
            = vectorOf<6>(*sourceOf(DCM_ImageOrientationPatient, DCM_PlaneOrientationSequence),
                          DCM_ImageOrientationPatient);
    header.sliceLocation = doubleOf(*data, DCM_SliceLocation);
    header.pixelSpacing = vectorOf<2>(*data, DCM_PixelSpacing);

    // Native pixel data must hold every frame: a short one is refused here, before any decode.
    if (!xfer.isEncapsulated()) {
        DcmElement *pixels = nullptr;
        if (data->findAndGetElement(DCM_PixelData, pixels).good() && pixels) {
            const quint64 frameBytes = quint64(header.rows) * quint64(header.columns)
                                       * quint64(header.samplesPerPixel)
                                       * quint64(header.bitsAllocated / 8);
            quint64 needed = frameBytes * quint64(header.frames);
            if (header.photometric == QLatin1String("YBR_FULL_422")
                || header.photometric == QLatin1String("YBR_PARTIAL_422"))
                needed = needed * 2 / 3; // two luma and one pair of chroma samples per 2 pixels
            const quint64 held = pixels->getLength();
            if (held < needed)
                return invalid(
                        DCM_PixelData,
                        QCoreApplication::translate(
                                "Boucle::DicomHeader",
                                "holds %1 bytes, fewer than the %2 bytes that %3 × %4 pixels "
                                "× %5 frames need")
                                .arg(held)
                                .arg(needed)
                                .arg(header.columns)
                                .arg(header.rows)
                                .arg(header.frames));
        }
    } else if (!DcmCodecList::canChangeCoding(data->getOriginalXfer(), EXS_LittleEndianExplicit)) {
        *error = fileError(path, QCoreApplication::translate(
                                         "Boucle::DicomHeader",
                                         "its pixels are compressed as %1, which Boucle does not "
                                         "decode (it reads JPEG, JPEG-LS and RLE)")
                                         .arg(header.transferSyntaxName));
        return std::nullopt;
    }
    return header;
}

} // namespace DicomDataset

bool DicomHeader::hasDicomMarker(const QByteArray &head)
{
    return head.size() >= markerEnd && head.mid(128, 4) == "DICM";
}

bool DicomHeader::isCompressed() const
{
    const DcmXfer xfer(transferSyntaxUid.toLatin1().constData());
    return xfer.isEncapsulated();
}

ModalityMapping DicomHeader::modalityMapping() const
{
    // stored = sign * raw + offset: signed values are kept offset by 32768, MONOCHROME1 inverted.
    const double sign = isMonochrome1() ? -1.0 : 1.0;
    const double offset = (isMonochrome1() ? 65535.0 : 0.0) - (pixelSigned ? 32768.0 : 0.0);
    ModalityMapping mapping;
    mapping.slope = sign * rescaleSlope;
    mapping.intercept = offset * rescaleSlope + rescaleIntercept;
    if (rescaleType == QLatin1String("HU")
        || (rescaleType.isEmpty() && modality == QLatin1String("CT") && !hasModalityLutSequence))
        mapping.unit = QStringLiteral("HU");
    else if (!rescaleType.isEmpty() && rescaleType != QLatin1String("US"))
        mapping.unit = rescaleType;
    return mapping;
}

std::optional<WindowLevel> DicomHeader::defaultWindow() const
{
    if (!isGrey())
        return std::nullopt;
    if (windowCentre && windowWidth)
        return modalityMapping().windowToRaw(WindowLevel {*windowCentre, *windowWidth});
    if (voiLut)
        return modalityMapping().windowToRaw(voiLut->inputRange());
    return std::nullopt;
}

std::optional<WindowLevelTable> DicomHeader::voiLutTable() const
{
    if (!isGrey() || !voiLut)
        return std::nullopt;
    return voiLut->greyTable(modalityMapping(), isMonochrome1());
}

std::optional<std::array<double, 3>> DicomHeader::sliceNormal() const
{
    if (!imageOrientation)
        return std::nullopt;
    const auto &o = *imageOrientation;
    std::array<double, 3> normal
            = {o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]};
    const double length
            = std::sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
    if (length < 1e-6)
        return std::nullopt;
    for (double &value : normal)
        value /= length;
    return normal;
}

std::optional<DicomHeader> DicomHeader::read(const QString &path, QString *error)
{
    DcmFileFormat file;
    QString reason;
    std::optional<DicomHeader> header;
    if (DicomDataset::load(path, file, &reason))
        header = DicomDataset::headerOf(path, file, &reason);
    if (!header && error)
        *error = reason;
    return header;
}

} // namespace Boucle
