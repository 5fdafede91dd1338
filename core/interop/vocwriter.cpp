// Pascal VOC in its de-facto layout: Annotations/<image>.xml, JPEGImages/<image> (links to the
// project's files) and ImageSets/Main/trainval.txt. Boxes leave the continuous convention here,
// once: xmin = x + 1, xmax = x + w (1-based, inclusive). docs/formats/yolo-voc-imagefolder.md is
// the users' contract.
#include "annotationwriter.h"
#include "atomicoutput.h"
#include "exactnumber.h"
#include "imagesize.h"
#include "progress/progresssink.h"
#include "relativepath.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <cmath>

namespace Boucle::AnnotationWriters {

namespace {

constexpr double pixelTolerance = 1e-6;

// XML character data; false when `text` holds a character XML 1.0 cannot carry.
bool escapeXml(const QString &text, QByteArray *out)
{
    out->clear();
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r')
            return false;
        if (u == 0xFFFE || u == 0xFFFF)
            return false;
    }
    QString escaped = text.toHtmlEscaped(); // & < > "
    *out = escaped.toUtf8();
    return true;
}

QString jsonText(const QJsonValue &value)
{
    if (value.isDouble())
        return ExactNumber::toString(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    return value.toString();
}

} // namespace

AnnotationWriteResult writeVoc(const AnnotationSet &set, const QString &output,
                               const AnnotationWriteOptions &options)
{
    AnnotationWriteResult result;
    const QDir imagesFolder(options.imagesFolder.isEmpty() ? QDir::currentPath()
                                                           : options.imagesFolder);
    AtomicOutput out(output, AtomicOutput::Kind::Folder);
    if (!out.begin()) {
        result.error = out.error();
        return result;
    }
    QHash<QString, QString> owner; // xml file -> image
    QStringList files;
    QByteArray imageSet;
    qint64 done = 0;
    for (const AnnotatedImage &image : set.images) {
        if (options.progress) {
            if (options.progress->isCancelled()) {
                result.cancelled = true;
                return result;
            }
            options.progress->progress(
                    done, set.images.size(),
                    QCoreApplication::translate("Boucle::VocWriter", "Writing Pascal VOC files"));
        }
        ++done;
        if (!RelativePath::staysInside(image.path)) {
            result.error = QCoreApplication::translate(
                                   "Boucle::VocWriter",
                                   "the image path '%1' is not a relative path inside the images "
                                   "folder")
                                   .arg(image.path);
            return result;
        }
        const QString id = RelativePath::withoutSuffix(image.path);
        const QString xmlFile = QStringLiteral("Annotations/") + id + QStringLiteral(".xml");
        if (owner.contains(xmlFile)) {
            result.error
                    = QCoreApplication::translate("Boucle::VocWriter",
                                                  "the images %1 and %2 would share the file %3")
                              .arg(owner.value(xmlFile), image.path, xmlFile);
            return result;
        }
        owner.insert(xmlFile, image.path);
        QSize size = image.size;
        if (!size.isValid() || size.isEmpty()) {
            QString sizeError;
            size = imageDisplayedSize(imagesFolder.filePath(image.path), &sizeError);
            if (!size.isValid() || size.isEmpty()) {
                result.error = sizeError.isEmpty()
                                       ? QCoreApplication::translate("Boucle::VocWriter",
                                                                     "the size of %1 is unknown")
                                                 .arg(image.path)
                                       : sizeError;
                return result;
            }
        }
        QByteArray filename;
        if (!escapeXml(image.path.mid(image.path.lastIndexOf(QLatin1Char('/')) + 1), &filename)) {
            result.error
                    = QCoreApplication::translate("Boucle::VocWriter",
                                                  "the image name '%1' holds a control character")
                              .arg(image.path);
            return result;
        }
        const QJsonValue depth = image.attributes.value(QStringLiteral("depth"));
        QByteArray xml
                = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<annotation>\n"
                  "    <folder>JPEGImages</folder>\n    <filename>"
                  + filename + "</filename>\n    <size>\n        <width>"
                  + QByteArray::number(size.width()) + "</width>\n        <height>"
                  + QByteArray::number(size.height()) + "</height>\n        <depth>"
                  + (depth.isDouble() ? ExactNumber::toText(depth.toDouble()) : QByteArray("3"))
                  + "</depth>\n    </size>\n    <segmented>0</segmented>\n";
        int objectNumber = 0;
        for (const Annotation &object : image.objects) {
            ++objectNumber;
            auto refuse = [&](const QString &why) {
                result.error = QCoreApplication::translate("Boucle::VocWriter", "%1, object %2: %3")
                                       .arg(image.path)
                                       .arg(objectNumber)
                                       .arg(why);
            };
            if (object.shape == Annotation::Shape::Point) {
                refuse(QCoreApplication::translate("Boucle::VocWriter",
                                                   "Pascal VOC has no points"));
                return result;
            }
            QByteArray name;
            if (object.label.isEmpty() || !escapeXml(object.label, &name)) {
                refuse(QCoreApplication::translate(
                        "Boucle::VocWriter",
                        "the class name is empty or holds a control character"));
                return result;
            }
            QRectF box = object.box;
            if (object.shape == Annotation::Shape::Polygon && box.isEmpty()) {
                QPolygonF all;
                for (const QPolygonF &polygon : object.polygons)
                    all += polygon;
                box = all.boundingRect();
            } else if (object.shape == Annotation::Shape::Box && object.rotation != 0.0) {
                // VOC cannot turn a box: the upright box around the turned one.
                const double angle = object.rotation * M_PI / 180.0;
                const double c = std::cos(angle), s = std::sin(angle);
                QPolygonF corners;
                for (const QPointF &d :
                     {QPointF(0, 0), QPointF(box.width(), 0), QPointF(box.width(), box.height()),
                      QPointF(0, box.height())})
                    corners.append(QPointF(box.x() + d.x() * c - d.y() * s,
                                           box.y() + d.x() * s + d.y() * c));
                box = corners.boundingRect();
            }
            if (!std::isfinite(box.x()) || !std::isfinite(box.y()) || !(box.width() > 0.0)
                || !(box.height() > 0.0) || !std::isfinite(box.width())
                || !std::isfinite(box.height())) {
                refuse(QCoreApplication::translate("Boucle::VocWriter", "the box has no area"));
                return result;
            }
            if (box.x() < -pixelTolerance || box.y() < -pixelTolerance
                || box.right() > size.width() + pixelTolerance
                || box.bottom() > size.height() + pixelTolerance) {
                refuse(QCoreApplication::translate(
                               "Boucle::VocWriter",
                               "the box %1, %2, %3 x %4 reaches outside the %5 x %6 image")
                               .arg(box.x())
                               .arg(box.y())
                               .arg(box.width())
                               .arg(box.height())
                               .arg(size.width())
                               .arg(size.height()));
                return result;
            }
            xml += "    <object>\n        <name>" + name + "</name>\n";
            const QJsonObject &attributes = object.attributes;
            QByteArray value;
            escapeXml(attributes.contains(QStringLiteral("pose"))
                              ? jsonText(attributes.value(QStringLiteral("pose")))
                              : QStringLiteral("Unspecified"),
                      &value);
            xml += "        <pose>" + value + "</pose>\n";
            for (const char *key : {"truncated", "difficult", "occluded"}) {
                const QString field = QString::fromLatin1(key);
                if (!attributes.contains(field) && field == QLatin1String("occluded"))
                    continue;
                const QString text = attributes.contains(field) ? jsonText(attributes.value(field))
                                                                : QStringLiteral("0");
                escapeXml(text, &value);
                xml += QByteArray("        <") + key + '>' + value + "</" + key + ">\n";
            }
            xml += "        <bndbox>\n            <xmin>" + ExactNumber::toText(box.x() + 1.0)
                   + "</xmin>\n            <ymin>" + ExactNumber::toText(box.y() + 1.0)
                   + "</ymin>\n            <xmax>" + ExactNumber::toText(box.x() + box.width())
                   + "</xmax>\n            <ymax>" + ExactNumber::toText(box.y() + box.height())
                   + "</ymax>\n        </bndbox>\n    </object>\n";
            ++result.objects;
        }
        xml += "</annotation>\n";
        if (!out.writeFile(xmlFile, xml)
            || !out.link(QStringLiteral("JPEGImages/") + image.path,
                         QFileInfo(imagesFolder.filePath(image.path)).absoluteFilePath())) {
            result.error = out.error();
            return result;
        }
        imageSet += id.toUtf8() + '\n';
        files.append(xmlFile);
        files.append(QStringLiteral("JPEGImages/") + image.path);
        ++result.images;
    }
    const QString imageSetFile = QStringLiteral("ImageSets/Main/trainval.txt");
    if (!out.writeFile(imageSetFile, imageSet) || !out.commit()) {
        result.error = out.error();
        return result;
    }
    files.append(imageSetFile);
    files.sort();
    result.files = files;
    return result;
}

} // namespace Boucle::AnnotationWriters
