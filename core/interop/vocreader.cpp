// Pascal VOC XML: one <annotation> per image, boxes as 1-based inclusive pixel corners
// (xmin = 1 is the first column, xmax = W the last). Turned here, once, into the continuous
// convention: x = xmin - 1, w = xmax - xmin + 1. docs/formats/yolo-voc-imagefolder.md is the
// users' contract.
#include "annotationreader.h"
#include "imagesize.h"
#include "imaging/regularfile.h"
#include "progress/progresssink.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QImageReader>
#include <QSet>
#include <QXmlStreamReader>

#include <cmath>

namespace Boucle::AnnotationReaders {

namespace {

constexpr qint64 maxXmlFileBytes = 16ll * 1024 * 1024;
constexpr double pixelTolerance = 1e-6;

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

struct FileReader
{
    const AnnotationReadOptions &options;
    AnnotationReadResult &result;
    QString file; // absolute
    QXmlStreamReader xml;

    void problem(qint64 line, const QString &field, const QString &message)
    {
        result.addProblem({native(file), line, field, message}, options.listedProblems);
    }

    struct Number
    {
        bool present = false;
        double value = 0.0;
        qint64 line = 0;
        QString text;
    };

    // The text of the current element as a finite number; a problem otherwise.
    bool readNumber(const QString &field, Number *number)
    {
        number->present = true;
        number->line = xml.lineNumber();
        number->text = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
        bool ok = false;
        number->value = number->text.toDouble(&ok);
        if (!ok) {
            problem(number->line, field,
                    QCoreApplication::translate("Boucle::VocReader", "'%1' is not a number")
                            .arg(number->text));
            return false;
        }
        if (!std::isfinite(number->value)) {
            problem(number->line, field,
                    QCoreApplication::translate("Boucle::VocReader",
                                                "NaN and infinite numbers are not allowed"));
            return false;
        }
        return true;
    }

    static QJsonValue attributeValue(const QString &text)
    {
        bool ok = false;
        const int value = text.toInt(&ok);
        return ok ? QJsonValue(value) : QJsonValue(text);
    }

    void read(const QString &imagePathPrefix, const QString &imagesFolder)
    {
        QString reason;
        const std::optional<QByteArray> bytes
                = RegularFile::readAll(file, maxXmlFileBytes, &reason);
        if (!bytes) {
            problem(0, {}, reason);
            return;
        }
        xml.addData(*bytes);
        if (!xml.readNextStartElement()) {
            problem(xml.lineNumber(), {},
                    xml.hasError() ? xml.errorString()
                                   : QCoreApplication::translate("Boucle::VocReader",
                                                                 "the file holds no XML element"));
            return;
        }
        if (xml.name() != QLatin1String("annotation")) {
            problem(xml.lineNumber(), {},
                    QCoreApplication::translate(
                            "Boucle::VocReader",
                            "the root element is <%1>; a Pascal VOC file has <annotation>")
                            .arg(xml.name()));
            return;
        }
        const qint64 rootLine = xml.lineNumber();
        const qint64 before = result.problemCount;
        AnnotatedImage image;
        image.originFile = native(file);
        image.originLine = rootLine;
        QString filename;
        qint64 filenameLine = 0;
        bool hasSize = false;
        qint64 sizeLine = 0;
        Number width, height;
        struct PendingObject
        {
            Annotation object;
            qint64 line = 0;
            QString field;
            Number xmin, ymin, xmax, ymax;
        };
        QList<PendingObject> objects;
        while (xml.readNextStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("filename")) {
                filenameLine = xml.lineNumber();
                filename = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
            } else if (name == QLatin1String("size")) {
                hasSize = true;
                sizeLine = xml.lineNumber();
                while (xml.readNextStartElement()) {
                    const auto child = xml.name();
                    if (child == QLatin1String("width"))
                        readNumber(QStringLiteral("annotation/size/width"), &width);
                    else if (child == QLatin1String("height"))
                        readNumber(QStringLiteral("annotation/size/height"), &height);
                    else if (child == QLatin1String("depth")) {
                        const QString depth
                                = xml.readElementText(QXmlStreamReader::SkipChildElements)
                                          .trimmed();
                        image.attributes.insert(QStringLiteral("depth"), attributeValue(depth));
                    } else
                        xml.skipCurrentElement();
                }
            } else if (name == QLatin1String("object")) {
                PendingObject pending;
                pending.line = xml.lineNumber();
                pending.field = QStringLiteral("annotation/object[%1]").arg(objects.size() + 1);
                bool hasBox = false, hasName = false;
                while (xml.readNextStartElement()) {
                    const auto child = xml.name();
                    if (child == QLatin1String("name")) {
                        hasName = true;
                        pending.object.label
                                = xml.readElementText(QXmlStreamReader::SkipChildElements)
                                          .trimmed();
                    } else if (child == QLatin1String("pose") || child == QLatin1String("truncated")
                               || child == QLatin1String("difficult")
                               || child == QLatin1String("occluded")) {
                        const QString key = child.toString();
                        const QString text
                                = xml.readElementText(QXmlStreamReader::SkipChildElements)
                                          .trimmed();
                        pending.object.attributes.insert(key, key == QLatin1String("pose")
                                                                      ? QJsonValue(text)
                                                                      : attributeValue(text));
                    } else if (child == QLatin1String("bndbox")) {
                        hasBox = true;
                        const QString box = pending.field + QStringLiteral("/bndbox/");
                        while (xml.readNextStartElement()) {
                            const auto corner = xml.name();
                            if (corner == QLatin1String("xmin"))
                                readNumber(box + QStringLiteral("xmin"), &pending.xmin);
                            else if (corner == QLatin1String("ymin"))
                                readNumber(box + QStringLiteral("ymin"), &pending.ymin);
                            else if (corner == QLatin1String("xmax"))
                                readNumber(box + QStringLiteral("xmax"), &pending.xmax);
                            else if (corner == QLatin1String("ymax"))
                                readNumber(box + QStringLiteral("ymax"), &pending.ymax);
                            else
                                xml.skipCurrentElement();
                        }
                    } else {
                        xml.skipCurrentElement(); // <part>, <actions>, <point>, ...
                    }
                }
                if (!hasName || pending.object.label.isEmpty())
                    problem(pending.line, pending.field + QStringLiteral("/name"),
                            QCoreApplication::translate("Boucle::VocReader",
                                                        "the object has no class name"));
                if (!hasBox)
                    problem(pending.line, pending.field + QStringLiteral("/bndbox"),
                            QCoreApplication::translate("Boucle::VocReader",
                                                        "the object has no <bndbox>"));
                else
                    for (const auto &[corner, label] :
                         {std::pair {&pending.xmin, "xmin"}, std::pair {&pending.ymin, "ymin"},
                          std::pair {&pending.xmax, "xmax"}, std::pair {&pending.ymax, "ymax"}})
                        if (!corner->present)
                            problem(pending.line,
                                    pending.field + QStringLiteral("/bndbox/")
                                            + QLatin1String(label),
                                    QCoreApplication::translate("Boucle::VocReader",
                                                                "the box has no <%1>")
                                            .arg(QLatin1String(label)));
                objects.append(std::move(pending));
            } else {
                xml.skipCurrentElement(); // folder, path, source, owner, segmented, ...
            }
        }
        if (xml.hasError()) {
            problem(xml.lineNumber(), {}, xml.errorString());
            return;
        }
        if (filename.isEmpty())
            problem(filenameLine ? filenameLine : rootLine, QStringLiteral("annotation/filename"),
                    QCoreApplication::translate("Boucle::VocReader",
                                                "the file names no image (<filename>)"));
        if (!hasSize) {
            problem(rootLine, QStringLiteral("annotation/size"),
                    QCoreApplication::translate(
                            "Boucle::VocReader",
                            "the file has no <size>; VOC boxes need the image's width and height"));
            return;
        }
        for (const auto &[number, label] :
             {std::pair {&width, "width"}, std::pair {&height, "height"}}) {
            const QString field = QStringLiteral("annotation/size/") + QLatin1String(label);
            if (!number->present)
                problem(sizeLine, field,
                        QCoreApplication::translate("Boucle::VocReader", "<size> has no <%1>")
                                .arg(QLatin1String(label)));
            else if (number->value != std::floor(number->value) || number->value <= 0
                     || number->value > 1e9)
                problem(number->line, field,
                        QCoreApplication::translate(
                                "Boucle::VocReader",
                                "the %1 '%2' is not a whole number of pixels above 0")
                                .arg(QLatin1String(label), number->text));
        }
        if (result.problemCount > before)
            return;
        const double w = width.value, h = height.value;
        image.size = QSize(int(w), int(h));
        if (filename.contains(QLatin1Char('\\')))
            filename.replace(QLatin1Char('\\'), QLatin1Char('/'));
        image.path = imagePathPrefix + filename;
        if (QDir::isAbsolutePath(filename)
            || filename.split(QLatin1Char('/')).contains(QStringLiteral(".."))) {
            problem(filenameLine, QStringLiteral("annotation/filename"),
                    QCoreApplication::translate("Boucle::VocReader",
                                                "'%1' is not a path inside the images folder")
                            .arg(filename));
            return;
        }
        for (PendingObject &pending : objects) {
            const double x = pending.xmin.value - 1.0, y = pending.ymin.value - 1.0;
            const double boxWidth = pending.xmax.value - pending.xmin.value + 1.0;
            const double boxHeight = pending.ymax.value - pending.ymin.value + 1.0;
            const QString box = pending.field + QStringLiteral("/bndbox/");
            if (!(boxWidth > 0.0)) {
                problem(pending.xmax.line, box + QStringLiteral("xmax"),
                        QCoreApplication::translate("Boucle::VocReader",
                                                    "xmax %1 is less than xmin %2")
                                .arg(pending.xmax.text, pending.xmin.text));
                continue;
            }
            if (!(boxHeight > 0.0)) {
                problem(pending.ymax.line, box + QStringLiteral("ymax"),
                        QCoreApplication::translate("Boucle::VocReader",
                                                    "ymax %1 is less than ymin %2")
                                .arg(pending.ymax.text, pending.ymin.text));
                continue;
            }
            const Number *outside = x < -pixelTolerance                  ? &pending.xmin
                                    : y < -pixelTolerance                ? &pending.ymin
                                    : x + boxWidth > w + pixelTolerance  ? &pending.xmax
                                    : y + boxHeight > h + pixelTolerance ? &pending.ymax
                                                                         : nullptr;
            if (outside) {
                const char *corner = outside == &pending.xmin   ? "xmin"
                                     : outside == &pending.ymin ? "ymin"
                                     : outside == &pending.xmax ? "xmax"
                                                                : "ymax";
                problem(outside->line, box + QLatin1String(corner),
                        QCoreApplication::translate("Boucle::VocReader",
                                                    "the box (%1, %2)-(%3, %4) is outside the %5 x "
                                                    "%6 image; VOC corners "
                                                    "are 1-based, from 1 to the width or height")
                                .arg(pending.xmin.text, pending.ymin.text, pending.xmax.text,
                                     pending.ymax.text)
                                .arg(image.size.width())
                                .arg(image.size.height()));
                continue;
            }
            pending.object.shape = Annotation::Shape::Box;
            pending.object.box = QRectF(x, y, boxWidth, boxHeight);
            image.objects.append(pending.object);
        }
        if (result.problemCount > before)
            return;
        // The image, when it is there, must be the size the file states once its EXIF
        // orientation is applied: tools that ignore EXIF write the stored size.
        QString sizeError;
        QSize displayed;
        if (options.imageSize) {
            displayed = options.imageSize(image.path, &sizeError);
        } else {
            const QString imageFile = QDir(imagesFolder).filePath(image.path);
            if (QFileInfo(imageFile).isFile())
                displayed = imageDisplayedSize(imageFile, &sizeError);
        }
        if (displayed.isValid() && displayed != image.size) {
            const bool swapped = displayed.transposed() == image.size;
            problem(sizeLine, QStringLiteral("annotation/size"),
                    (swapped ? QCoreApplication::translate(
                             "Boucle::VocReader",
                             "<size> says %1 x %2 but %3 is displayed %4 x %5: the file "
                             "was written for the stored image without its EXIF "
                             "orientation, so its boxes are on the image turned")
                             : QCoreApplication::translate(
                                     "Boucle::VocReader",
                                     "<size> says %1 x %2 but %3 is %4 x %5 as displayed"))
                            .arg(image.size.width())
                            .arg(image.size.height())
                            .arg(image.path)
                            .arg(displayed.width())
                            .arg(displayed.height()));
            return;
        }
        result.set.images.append(std::move(image));
    }
};

} // namespace

AnnotationReadResult readVoc(const QString &path, const AnnotationReadOptions &options)
{
    AnnotationReadResult result;
    const QFileInfo info(path);
    if (!info.exists()) {
        result.addProblem({native(path),
                           0,
                           {},
                           QCoreApplication::translate("Boucle::VocReader",
                                                       "the file or folder does not exist")},
                          options.listedProblems);
        return result;
    }
    // The annotations root: the folder given (its Annotations/ when it has one) or the file's.
    QString root;
    QStringList files; // relative to root
    if (info.isDir()) {
        root = info.absoluteFilePath();
        if (QFileInfo(root + QStringLiteral("/Annotations")).isDir())
            root += QStringLiteral("/Annotations");
        QDirIterator it(root, {QStringLiteral("*.xml"), QStringLiteral("*.XML")}, QDir::Files,
                        QDirIterator::Subdirectories);
        const QDir base(root);
        while (it.hasNext())
            files.append(base.relativeFilePath(it.next()));
        files.sort();
        if (files.isEmpty())
            result.addProblem({native(path),
                               0,
                               {},
                               QCoreApplication::translate("Boucle::VocReader",
                                                           "the folder holds no .xml file")},
                              options.listedProblems);
    } else {
        root = info.absolutePath();
        files.append(info.fileName());
    }
    QString imagesFolder = options.imagesFolder;
    if (imagesFolder.isEmpty()) {
        const QFileInfo rootInfo(root);
        const QString jpegImages = rootInfo.absolutePath() + QStringLiteral("/JPEGImages");
        imagesFolder = rootInfo.fileName() == QLatin1String("Annotations")
                                       && QFileInfo(jpegImages).isDir()
                               ? jpegImages
                               : root;
    }
    result.set.imagesFolder = QFileInfo(imagesFolder).absoluteFilePath();
    QSet<QString> seenClasses;
    qint64 done = 0;
    for (const QString &relative : std::as_const(files)) {
        if (options.progress) {
            if (options.progress->isCancelled()) {
                result.cancelled = true;
                return result;
            }
            options.progress->progress(
                    done, files.size(),
                    QCoreApplication::translate("Boucle::VocReader", "Reading Pascal VOC files"));
        }
        ++done;
        const qsizetype slash = relative.lastIndexOf(QLatin1Char('/'));
        const QString prefix = slash >= 0 ? relative.left(slash + 1) : QString();
        FileReader reader {options, result, QDir(root).filePath(relative), {}};
        reader.read(prefix, imagesFolder);
    }
    for (const AnnotatedImage &image : std::as_const(result.set.images))
        for (const Annotation &object : image.objects)
            if (!seenClasses.contains(object.label)) {
                seenClasses.insert(object.label);
                result.set.classes.append({object.label, -1, {}});
            }
    return result;
}

} // namespace Boucle::AnnotationReaders
