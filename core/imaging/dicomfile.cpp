#include "imaging/dicomfile.h"

#include "imaging/dicomdataset_p.h"
#include "imaging/imagelimits.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfcache.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmimage/diregist.h> // colour models for DicomImage
#include <dcmtk/dcmimgle/dcmimage.h>

#include <vector>

namespace Boucle {

namespace {

// Stored grey words (8 or 16 bits allocated) to Boucle's 16-bit values: the stored bits taken
// from under the high bit, sign-extended, offset by 32768 when signed, inverted for MONOCHROME1.
template<typename Word>
void toGrey16(const Word *words, const DicomHeader &header, QImage &image)
{
    const int shift = header.highBit + 1 - header.bitsStored;
    const quint32 mask = header.bitsStored >= 32 ? 0xffffffffu : (1u << header.bitsStored) - 1u;
    const quint32 signBit = 1u << (header.bitsStored - 1);
    const int offset = header.pixelSigned ? 32768 : 0;
    const bool invert = header.isMonochrome1();
    const int width = header.columns;
    for (int y = 0; y < header.rows; ++y) {
        const Word *in = words + qsizetype(y) * width;
        auto *out = reinterpret_cast<quint16 *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const quint32 bits = (quint32(in[x]) >> shift) & mask;
            int value = int(bits);
            if (header.pixelSigned && (bits & signBit))
                value -= int(mask) + 1;
            const int raw = value + offset;
            out[x] = quint16(invert ? 65535 - raw : raw);
        }
    }
}

} // namespace

struct DicomFile::Private
{
    DcmFileFormat file;
    DicomHeader header;
    DcmFileCache cache; // keeps the file open from one frame to the next
    bool open = false;
};

DicomFile::DicomFile()
    : d(std::make_unique<Private>())
{ }

DicomFile::~DicomFile() = default;

bool DicomFile::open(const QString &path, QString *error)
{
    d = std::make_unique<Private>();
    QString reason;
    std::optional<DicomHeader> header;
    if (DicomDataset::load(path, d->file, &reason))
        header = DicomDataset::headerOf(path, d->file, &reason);
    if (header && header->isDicomDir) {
        header.reset();
        reason = DicomDataset::fileError(
                path, QCoreApplication::translate("Boucle::DicomFile",
                                                  "it is a DICOMDIR, a list of files, not an "
                                                  "image; open it as a series"));
    }
    if (!header) {
        if (error)
            *error = reason;
        return false;
    }
    d->header = *header;
    d->open = true;
    return true;
}

bool DicomFile::isOpen() const
{
    return d->open;
}

const DicomHeader &DicomFile::header() const
{
    return d->header;
}

QImage DicomFile::decodeFrame(int index, QString *error)
{
    const DicomHeader &header = d->header;
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = DicomDataset::fileError(header.path, reason);
        return QImage();
    };
    if (!d->open)
        return fail(QCoreApplication::translate("Boucle::DicomFile", "the file is not open"));
    if (index < 0 || index >= header.frames)
        return fail(
                QCoreApplication::translate("Boucle::DicomFile", "it has no frame %1 (it has %2)")
                        .arg(index + 1)
                        .arg(header.frames));
    const QString limit = ImageLimits::checkImage(QFileInfo(header.path).fileName(), header.size(),
                                                  header.decodedBytesPerPixel());
    if (!limit.isEmpty())
        return fail(limit);
    DcmDataset *data = d->file.getDataset();

    if (!header.isGrey()) {
        // DCMTK's image module knows every colour model and planar configuration; it reads only
        // this frame from the file (partial access).
        DicomImage image(data, data->getOriginalXfer(), CIF_UsePartialAccessToPixelData,
                         ulong(index), 1);
        if (image.getStatus() != EIS_Normal)
            return fail(
                    QCoreApplication::translate("Boucle::DicomFile",
                                                "its colour pixels cannot be decoded (%1)")
                            .arg(QString::fromLatin1(DicomImage::getString(image.getStatus()))));
        const auto *rgb = static_cast<const uchar *>(image.getOutputData(8, 0, 0));
        if (!rgb || int(image.getWidth()) != header.columns
            || int(image.getHeight()) != header.rows)
            return fail(QCoreApplication::translate("Boucle::DicomFile",
                                                    "its colour pixels cannot be decoded"));
        QImage result(header.columns, header.rows, QImage::Format_RGB32);
        if (result.isNull())
            return fail(QCoreApplication::translate("Boucle::DicomFile",
                                                    "there is not enough memory for its pixels"));
        for (int y = 0; y < header.rows; ++y) {
            const uchar *in = rgb + qsizetype(y) * header.columns * 3;
            auto *out = reinterpret_cast<QRgb *>(result.scanLine(y));
            for (int x = 0; x < header.columns; ++x)
                out[x] = qRgb(in[3 * x], in[3 * x + 1], in[3 * x + 2]);
        }
        return result;
    }

    DcmElement *pixels = nullptr;
    if (data->findAndGetElement(DCM_PixelData, pixels).bad() || !pixels)
        return fail(QCoreApplication::translate("Boucle::DicomFile",
                                                "the attribute PixelData (7FE0,0010) is missing"));
    Uint32 frameBytes = 0;
    if (pixels->getUncompressedFrameSize(data, frameBytes).bad() || frameBytes == 0)
        return fail(QCoreApplication::translate(
                "Boucle::DicomFile",
                "the size of a frame cannot be worked out from its attributes"));
    const quint64 needed
            = quint64(header.rows) * quint64(header.columns) * quint64(header.bitsAllocated / 8);
    if (frameBytes < needed)
        return fail(QCoreApplication::translate(
                            "Boucle::DicomFile",
                            "a frame takes %1 bytes, fewer than its %2 × %3 pixels need")
                            .arg(frameBytes)
                            .arg(header.columns)
                            .arg(header.rows));
    // 16-bit words, so that the buffer is aligned for either width of word.
    std::vector<quint16> buffer((size_t(frameBytes) + 1) / 2);
    Uint32 startFragment = 0;
    OFString colourModel;
    const OFCondition status = pixels->getUncompressedFrame(
            data, Uint32(index), startFragment, buffer.data(), frameBytes, colourModel, &d->cache);
    if (status.bad())
        return fail(
                QCoreApplication::translate(
                        "Boucle::DicomFile",
                        "frame %1 cannot be decoded: the pixel data is damaged or truncated (%2)")
                        .arg(index + 1)
                        .arg(QString::fromLatin1(status.text())));
    QImage image(header.columns, header.rows, QImage::Format_Grayscale16);
    if (image.isNull())
        return fail(QCoreApplication::translate("Boucle::DicomFile",
                                                "there is not enough memory for its pixels"));
    if (header.bitsAllocated == 8)
        toGrey16(reinterpret_cast<const quint8 *>(buffer.data()), header, image);
    else
        toGrey16(buffer.data(), header, image);
    return image;
}

QImage DicomFile::decodeFrame(const QString &path, int index, DicomHeader *header, QString *error)
{
    DicomFile file;
    if (!file.open(path, error))
        return {};
    if (header)
        *header = file.header();
    return file.decodeFrame(index, error);
}

} // namespace Boucle
