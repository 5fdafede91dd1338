#include "imaging/sampleimageloader.h"

#include "imaging/dicomfile.h"
#include "imaging/dicomseries.h"
#include "imaging/imageheader.h"
#include "imaging/imagelimits.h"
#include "imaging/imagepyramid.h"
#include "imaging/regularfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <mutex>

namespace Boucle {

namespace {

cv::Mat header(QImage &image, int type)
{
    return cv::Mat(image.height(), image.width(), type, image.bits(), size_t(image.bytesPerLine()));
}

// Brings whatever a reader produced to one of the formats the view and the pyramid handle.
QImage toDisplayFormat(QImage image)
{
    switch (image.format()) {
    case QImage::Format_RGB32:
    case QImage::Format_ARGB32_Premultiplied:
    case QImage::Format_Grayscale16:
        return image;
    default:
        break;
    }
    if (image.format() == QImage::Format_RGBX64 || image.format() == QImage::Format_RGBA64
        || image.format() == QImage::Format_RGBA64_Premultiplied) {
        // A 16-bit colour image: no window/level for colour, so show it at 8 bits.
        return image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied
                                                             : QImage::Format_RGB32);
    }
    image.convertTo(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied
                                            : QImage::Format_RGB32);
    return image;
}

QImage decodeWithQt(QIODevice *device, QImageIOHandler::Transformations *orientation,
                    QString *error)
{
    device->seek(0);
    QImageReader reader(device);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(orientation == nullptr);
    QImage image;
    if (!reader.read(&image)) {
        *error = reader.errorString();
        return {};
    }
    if (orientation)
        *orientation = reader.transformation();
    return toDisplayFormat(std::move(image));
}

// Decodes above this size take turns (see decodeBounded).
constexpr qint64 largeDecodeBytes = 64ll * 1024 * 1024;

std::mutex &largeDecodeMutex()
{
    static std::mutex mutex;
    return mutex;
}

// A small image for a list: JPEG decodes straight at a reduced scale; other formats are decoded
// and then scaled.
QImage decodeThumbnailWithQt(QIODevice *device, QSize box, QString *error)
{
    device->seek(0);
    QImageReader reader(device);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    if (full.isValid())
        reader.setScaledSize(full.scaled(box, Qt::KeepAspectRatio).expandedTo(QSize(1, 1)));
    QImage image;
    if (!reader.read(&image)) {
        *error = reader.errorString();
        return {};
    }
    if (image.width() > box.width() || image.height() > box.height())
        image = image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

QImage fromMat(const cv::Mat &mat)
{
    cv::Mat source = mat;
    if (source.depth() == CV_16U && source.channels() > 1) {
        source.convertTo(source, CV_8U, 1.0 / 257.0);
    } else if (source.depth() != CV_8U && source.depth() != CV_16U) {
        // Float or signed data: stretch to 8 bits, the only honest default without metadata.
        cv::Mat stretched;
        cv::normalize(source, stretched, 0, 255, cv::NORM_MINMAX, CV_8U);
        source = stretched;
    }
    QImage image;
    if (source.type() == CV_16UC1) {
        image = QImage(source.cols, source.rows, QImage::Format_Grayscale16);
        cv::Mat target = header(image, CV_16UC1);
        source.copyTo(target);
    } else if (source.channels() == 1) {
        image = QImage(source.cols, source.rows, QImage::Format_RGB32);
        cv::Mat target = header(image, CV_8UC4);
        cv::cvtColor(source, target, cv::COLOR_GRAY2BGRA);
    } else if (source.channels() == 3) {
        image = QImage(source.cols, source.rows, QImage::Format_RGB32);
        cv::Mat target = header(image, CV_8UC4);
        // Writes straight into the QImage: B,G,R,255 in memory is RGB32 on little-endian hosts.
        cv::cvtColor(source, target, cv::COLOR_BGR2BGRA);
    } else if (source.channels() == 4) {
        image = QImage(source.cols, source.rows, QImage::Format_ARGB32);
        cv::Mat target = header(image, CV_8UC4);
        source.copyTo(target);
        image.convertTo(QImage::Format_ARGB32_Premultiplied);
    }
    return image;
}

QImage decodeWithOpenCv(RegularFile &file, QString *error)
{
    // Read, not mapped: a mapped file that shrinks under the decoder would crash the process.
    const QByteArray bytes = file.read(0, file.size());
    if (bytes.isEmpty()) {
        *error = QCoreApplication::translate("Boucle::SampleImageLoader", "the file is empty");
        return {};
    }
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    const cv::Mat buffer(1, int(bytes.size()), CV_8UC1, const_cast<uchar *>(data));
    cv::Mat decoded;
    try {
        // JPEG: applies the EXIF orientation. Others: IMREAD_UNCHANGED, the only mode that keeps
        // an alpha channel (it ignores orientation, which PNG and TIFF samples rarely carry).
        const bool isJpeg = bytes.size() > 2 && data[0] == 0xFF && data[1] == 0xD8;
        decoded = cv::imdecode(buffer, isJpeg ? cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR
                                              : cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception &exception) {
        *error = QString::fromStdString(exception.msg);
        return {};
    }
    if (decoded.empty()) {
        *error = QCoreApplication::translate("Boucle::SampleImageLoader",
                                             "the format is unknown or the data is damaged");
        return {};
    }
    return fromMat(decoded);
}

// True when `path` is a regular file with DICOM's Part 10 marker, whatever its name.
// The frame to decode: `frame` when the file has it, else the first, with a sentence saying so
// (a log that names a frame the file lacks must not leave the reviewer without an image).
int frameWithin(int frame, int frameCount, const QString &path, QString *problem)
{
    if (frame >= 0 && frame < frameCount)
        return frame;
    const QString name = QFileInfo(path).fileName();
    *problem = frameCount == 1
                       ? QCoreApplication::translate("Boucle::SampleImageLoader",
                                                     "The log names frame %1 (counted from 0), "
                                                     "but %2 has one frame; it is shown.")
                                 .arg(frame)
                                 .arg(name)
                       : QCoreApplication::translate("Boucle::SampleImageLoader",
                                                     "The log names frame %1 (counted from 0), "
                                                     "but %2 has %3 frames; the first is shown.")
                                 .arg(frame)
                                 .arg(name)
                                 .arg(frameCount);
    return 0;
}

bool isDicomFile(const QString &path)
{
    RegularFile file;
    return file.open(path, ImageLimits::anyFileSize)
           && DicomHeader::hasDicomMarker(file.read(0, DicomHeader::markerEnd));
}

// The first frame of a DICOM file (the first slice of a DICOMDIR's series) for decode() and
// decodeThumbnail(): 16-bit grey as Boucle keeps it, or for a thumbnail shown through the file's
// window (or the 1–99 % range) and scaled. DCMTK's messages are whole sentences naming the file.
QImage decodeDicomFrame(const QString &path, QSize thumbnailBox, QString *error)
{
    DicomHeader header;
    QString reason;
    QImage image = DicomFile::decodeFrame(path, 0, &header, &reason);
    if (image.isNull()) {
        const std::optional<DicomHeader> directory = DicomHeader::read(path, nullptr);
        if (directory && directory->isDicomDir) {
            if (const auto series = DicomSeries::open(path, &reason))
                image = series->decodeSlice(0, &header, &reason);
        }
    }
    if (image.isNull()) {
        if (error)
            *error = reason;
        return image;
    }
    if (!thumbnailBox.isValid())
        return image;
    if (image.format() == QImage::Format_Grayscale16) {
        if (const auto curve = header.voiLutTable()) {
            image = curve->toRgb32(image);
        } else {
            const WindowLevel window = header.defaultWindow().value_or(windowForPreset(
                    WindowPreset::Auto, Grey16Statistics::of(image), header.modalityMapping()));
            image = WindowLevelTable(window).toRgb32(image);
        }
    }
    if (image.width() > thumbnailBox.width() || image.height() > thumbnailBox.height())
        image = image.scaled(thumbnailBox, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

// Levels, statistics and the initial window of a decoded image: `result`'s modality mapping and
// file window are already set.
void buildLevels(DecodedImage &result, const QImage &image,
                 const SampleImageLoader::Options &options)
{
    const int smallestSide = options.buildLevels ? 256 : std::max(image.width(), image.height());
    if (image.format() != QImage::Format_Grayscale16) {
        result.levels = buildImagePyramid(image, smallestSide);
        return;
    }
    result.grey16Levels = buildImagePyramid(image, smallestSide);
    // Percentiles from the first level of at most about a megapixel: as good for a window and
    // up to 16 times cheaper than the full image.
    QImage sampled = result.grey16Levels.last();
    for (const QImage &level : std::as_const(result.grey16Levels)) {
        if (qint64(level.width()) * level.height() <= (1 << 20)) {
            sampled = level;
            break;
        }
    }
    result.statistics = Grey16Statistics::of(sampled);
    const bool fileChoice = options.initialWindow == WindowPreset::Auto && options.preferFileWindow;
    if (fileChoice && result.fileWindow)
        result.window = *result.fileWindow;
    else
        result.window = windowForPreset(options.initialWindow, result.statistics, result.modality);
    result.mappedWithFileCurve = fileChoice && result.fileCurve;
    // The full-size display image is only needed when zoomed in past the first halved level, and
    // window/level changes replace it anyway: the view maps it from the raw values on demand.
    const WindowLevelTable window(result.window);
    const WindowLevelTable &table = result.mappedWithFileCurve ? *result.fileCurve : window;
    for (int i = 0; i < result.grey16Levels.size(); ++i) {
        const bool deferred = i == 0 && result.grey16Levels.size() > 1;
        result.levels.append(deferred ? QImage() : table.toRgb32(result.grey16Levels[i]));
    }
}

// What a DICOM header adds to a decoded frame.
void describeDicom(DecodedImage &result, const DicomHeader &header)
{
    if (!header.isGrey())
        return;
    result.modality = header.modalityMapping();
    result.monochrome1 = header.isMonochrome1();
    result.fileWindow = header.defaultWindow();
    if (result.fileWindow)
        result.fileWindowExplanation = header.windowExplanation;
    result.voiLutProblem = header.voiLutProblem;
    if (auto curve = header.voiLutTable()) {
        // The curve is what the file suggests; its window is only the band a drag starts from.
        result.fileCurve = std::make_shared<const WindowLevelTable>(std::move(*curve));
        result.fileCurveExplanation = header.voiLut->explanation;
    }
}

void finishDicom(DecodedImage &result, const QImage &image, const DicomHeader &header,
                 const SampleImageLoader::Options &options)
{
    result.storedSize = image.size();
    result.size = image.size();
    describeDicom(result, header);
    buildLevels(result, image, options);
}

} // namespace

qint64 DecodedImage::byteCount() const
{
    qint64 bytes = 0;
    for (const QImage &level : levels)
        bytes += level.sizeInBytes();
    for (const QImage &level : grey16Levels)
        bytes += level.sizeInBytes();
    if (fileCurve)
        bytes += 65536;
    return bytes;
}

QImage SampleImageLoader::decode(const QString &path, Decoder decoder, QString *error)
{
    return decodeStored(path, decoder, nullptr, error);
}

QTransform SampleImageLoader::orientationTransform(QImageIOHandler::Transformations orientation,
                                                   QSize storedSize)
{
    const qreal width = storedSize.width();
    const qreal height = storedSize.height();
    // Qt mirrors and flips first, then turns a quarter clockwise (as qt_imageTransform does).
    QTransform transform;
    if (orientation == QImageIOHandler::TransformationRotate270)
        return QTransform(0, -1, 1, 0, 0, width); // (x, y) -> (y, width - x)
    const bool mirror = orientation.testFlag(QImageIOHandler::TransformationMirror);
    const bool flip = orientation.testFlag(QImageIOHandler::TransformationFlip);
    if (mirror || flip)
        transform = QTransform(mirror ? -1 : 1, 0, 0, flip ? -1 : 1, mirror ? width : 0,
                               flip ? height : 0);
    if (orientation.testFlag(QImageIOHandler::TransformationRotate90))
        transform *= QTransform(0, 1, -1, 0, height, 0); // (x, y) -> (height - y, x)
    return transform;
}

QImage SampleImageLoader::decodeStored(const QString &path, Decoder decoder,
                                       QImageIOHandler::Transformations *orientation,
                                       QString *error)
{
    return decodeBounded(path, decoder, orientation, nullptr, {}, error);
}

QImage SampleImageLoader::decodeThumbnail(const QString &path, QSize box, QString *error,
                                          const std::atomic<bool> *cancelled)
{
    return decodeBounded(path, Decoder::Qt, nullptr, cancelled, box, error);
}

QImage SampleImageLoader::decodeBounded(const QString &path, Decoder decoder,
                                        QImageIOHandler::Transformations *orientation,
                                        const std::atomic<bool> *cancelled, QSize thumbnailBox,
                                        QString *error)
{
    ImageLimits::applyToQt();
    if (orientation)
        *orientation = QImageIOHandler::TransformationNone;
    // DICOM by its marker, before the size cap: a multi-frame file may be large, and only one
    // frame of it is read (DicomFile checks that frame against the limits).
    if (isDicomFile(path)) {
        if (cancelled && cancelled->load())
            return {};
        return decodeDicomFrame(path, thumbnailBox, error);
    }
    QString reason;
    QImage image;
    RegularFile file;
    if (!file.open(path, ImageLimits::maxFileBytes)) {
        reason = file.reason();
    } else if (file.size() == 0) {
        reason = QCoreApplication::translate("Boucle::SampleImageLoader", "the file is empty");
    } else {
        // The header first, by content (a TIFF named .png is a TIFF): nothing is allocated for
        // pixels until the size is known to be within the limits.
        const ImageHeader header = ImageHeader::read(file.device());
        if (!header.isRecognised()) {
            reason = QCoreApplication::translate("Boucle::SampleImageLoader",
                                                 "the format is unknown or the data is damaged");
        } else {
            reason = ImageLimits::checkImage(path, header.size, header.bytesPerPixel);
        }
        if (reason.isEmpty()) {
            if (decoder == Decoder::Auto)
                decoder = header.qtReads ? Decoder::Qt : Decoder::OpenCv;
            // Large decodes take turns across the process (prefetcher and thumbnails alike), so
            // that a queue of large images costs one large decode at a time, not one per thread.
            const qint64 bytes
                    = qint64(header.size.width()) * header.size.height() * header.bytesPerPixel;
            std::unique_lock<std::mutex> turn(largeDecodeMutex(), std::defer_lock);
            if (bytes > largeDecodeBytes)
                turn.lock();
            if (cancelled && cancelled->load())
                return {};
            if (thumbnailBox.isValid())
                image = decodeThumbnailWithQt(file.device(), thumbnailBox, &reason);
            else if (decoder == Decoder::Qt)
                image = decodeWithQt(file.device(), orientation, &reason);
            else
                image = decodeWithOpenCv(file, &reason);
            if (image.isNull() && reason.isEmpty())
                reason = QCoreApplication::translate("Boucle::SampleImageLoader",
                                                     "the image could not be decoded");
        }
    }
    if (image.isNull() && error)
        *error = QCoreApplication::translate("Boucle::SampleImageLoader", "Cannot show %1: %2")
                         .arg(QDir::toNativeSeparators(path), reason);
    return image;
}

DecodedImage SampleImageLoader::load(const QString &path, const Options &options)
{
    if (isDicomFile(path))
        return loadDicom(path, options);
    DecodedImage result;
    result.path = path;
    QImageIOHandler::Transformations orientation = QImageIOHandler::TransformationNone;
    QImage image = decodeBounded(path, options.decoder, &orientation, options.cancelled, {},
                                 &result.error);
    if (image.isNull())
        return result;
    result.storedSize = image.size();
    result.orientation = orientationTransform(orientation, image.size());
    result.size = result.orientation.mapRect(QRect(QPoint(0, 0), image.size())).size();
    buildLevels(result, image, options);
    return result;
}

DecodedImage SampleImageLoader::loadDicom(const QString &path, const Options &options)
{
    DecodedImage result;
    result.path = path;
    DicomFile file;
    if (!file.open(path, &result.error)) {
        // A DICOMDIR is not an image of its own: it shows its series.
        const std::optional<DicomHeader> header = DicomHeader::read(path, nullptr);
        if (!header || !header->isDicomDir)
            return result;
        const std::optional<DicomSeries> series = DicomSeries::open(path, &result.error);
        if (!series)
            return result;
        // The log's frame of a DICOMDIR is a slice of its series; one it lacks shows the first.
        QString problem;
        const int slice = frameWithin(options.frame, series->sliceCount(), path, &problem);
        DecodedImage shown = loadSlice(*series, slice, options);
        shown.frameProblem = problem;
        return shown;
    }
    result.frameCount = file.frameCount();
    result.frameIndex = frameWithin(options.frame, result.frameCount, path, &result.frameProblem);
    if (options.cancelled && options.cancelled->load())
        return result;
    const QImage image = file.decodeFrame(result.frameIndex, &result.error);
    if (!image.isNull())
        finishDicom(result, image, file.header(), options);
    return result;
}

DecodedImage SampleImageLoader::loadSlice(const DicomSeries &series, int slice,
                                          const Options &options)
{
    DecodedImage result;
    result.path = series.path();
    result.frameCount = series.sliceCount();
    result.frameIndex = slice;
    if (options.cancelled && options.cancelled->load())
        return result;
    DicomHeader header;
    const QImage image = series.decodeSlice(result.frameIndex, &header, &result.error);
    if (!image.isNull())
        finishDicom(result, image, header, options);
    return result;
}

} // namespace Boucle
