// YOLO as a training script expects it: images/ (links to the project's files), labels/ (one
// .txt per image, normalised to the displayed image), data.yaml and classes.txt. Pixels are
// turned into fractions here, once. docs/formats/yolo-voc-imagefolder.md is the contract.
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
#include <QMap>

#include <cmath>

namespace Boucle::AnnotationWriters {

namespace {

// Coordinates may stray this far outside the image (in pixels) and are still written as they
// are; further out the export is refused, since the reader would refuse it.
constexpr double pixelTolerance = 1e-6;

// YAML double-quoted scalar.
QByteArray yamlQuoted(const QString &text)
{
    QByteArray out = "\"";
    for (const char32_t c : text.toUcs4()) {
        if (c == U'"')
            out += "\\\"";
        else if (c == U'\\')
            out += "\\\\";
        else if (c == U'\n')
            out += "\\n";
        else if (c == U'\t')
            out += "\\t";
        else if (c < 0x20 || c == 0x7f)
            out += QByteArray("\\x") + QByteArray::number(uint(c), 16).rightJustified(2, '0');
        else
            out += QString::fromUcs4(&c, 1).toUtf8();
    }
    return out + '"';
}

// The class index of each name: set.classes' id when >= 0, then the smallest free index for
// the others in list order, then labels used by objects but absent from set.classes, in the
// order they first appear. Shared by the writers that number classes from 0.
QMap<int, QString> yoloClassIndices(const AnnotationSet &set, QString *error)
{
    QMap<int, QString> byIndex;
    QHash<QString, int> byName;
    for (const AnnotationClass &cls : set.classes) {
        if (cls.id < 0)
            continue;
        if (byIndex.contains(cls.id) && byIndex.value(cls.id) != cls.name) {
            *error = QCoreApplication::translate("Boucle::YoloWriter",
                                                 "the classes '%1' and '%2' both have the index %3")
                             .arg(byIndex.value(cls.id), cls.name)
                             .arg(cls.id);
            return {};
        }
        if (byName.contains(cls.name) && byName.value(cls.name) != cls.id) {
            *error = QCoreApplication::translate("Boucle::YoloWriter",
                                                 "the class '%1' has two indices, %2 and %3")
                             .arg(cls.name)
                             .arg(byName.value(cls.name))
                             .arg(cls.id);
            return {};
        }
        byIndex.insert(cls.id, cls.name);
        byName.insert(cls.name, cls.id);
    }
    int next = 0;
    auto add = [&](const QString &name) {
        if (name.isEmpty() || byName.contains(name))
            return;
        while (byIndex.contains(next))
            ++next;
        byIndex.insert(next, name);
        byName.insert(name, next);
    };
    for (const AnnotationClass &cls : set.classes)
        add(cls.name);
    for (const AnnotatedImage &image : set.images)
        for (const Annotation &object : image.objects)
            add(object.label);
    return byIndex;
}

} // namespace

AnnotationWriteResult writeYolo(const AnnotationSet &set, const QString &output,
                                const AnnotationWriteOptions &options)
{
    AnnotationWriteResult result;
    QMap<int, QString> byIndex = yoloClassIndices(set, &result.error);
    if (!result.error.isEmpty())
        return result;
    QHash<QString, int> indexOf;
    for (auto it = byIndex.cbegin(); it != byIndex.cend(); ++it) {
        if (it.value().contains(QLatin1Char('\n')) || it.value().contains(QLatin1Char('\r'))) {
            result.error
                    = QCoreApplication::translate(
                              "Boucle::YoloWriter",
                              "the class name '%1' holds a line break, which classes.txt cannot "
                              "hold")
                              .arg(it.value());
            return result;
        }
        indexOf.insert(it.value(), it.key());
    }
    // A list needs every index up to the largest: a gap (a class no longer used keeps its
    // index) is filled with Ultralytics' own name for an unnamed class.
    QStringList names;
    const int count = byIndex.isEmpty() ? 0 : byIndex.lastKey() + 1;
    for (int i = 0; i < count; ++i) {
        QString name = byIndex.value(i);
        if (!byIndex.contains(i)) {
            name = QStringLiteral("class_%1").arg(i);
            while (indexOf.contains(name))
                name += QLatin1Char('_');
        }
        names.append(name);
    }

    const bool predictions = set.kind == AnnotationSet::Kind::Predictions;
    const QDir imagesFolder(options.imagesFolder.isEmpty() ? QDir::currentPath()
                                                           : options.imagesFolder);
    AtomicOutput out(output, AtomicOutput::Kind::Folder);
    if (!out.begin()) {
        result.error = out.error();
        return result;
    }
    QHash<QString, QString> labelOwner; // label file -> image that writes it
    QStringList files;
    qint64 done = 0;
    for (const AnnotatedImage &image : set.images) {
        if (options.progress) {
            if (options.progress->isCancelled()) {
                result.cancelled = true;
                return result;
            }
            options.progress->progress(
                    done, set.images.size(),
                    QCoreApplication::translate("Boucle::YoloWriter", "Writing YOLO labels"));
        }
        ++done;
        if (!RelativePath::staysInside(image.path)) {
            result.error = QCoreApplication::translate(
                                   "Boucle::YoloWriter",
                                   "the image path '%1' is not a relative path inside the images "
                                   "folder")
                                   .arg(image.path);
            return result;
        }
        const QString labelFile = QStringLiteral("labels/")
                                  + RelativePath::withoutSuffix(image.path)
                                  + QStringLiteral(".txt");
        if (labelOwner.contains(labelFile)) {
            result.error = QCoreApplication::translate(
                                   "Boucle::YoloWriter",
                                   "the images %1 and %2 would share the label file %3")
                                   .arg(labelOwner.value(labelFile), image.path, labelFile);
            return result;
        }
        labelOwner.insert(labelFile, image.path);
        QSize size = image.size;
        if (!image.objects.isEmpty() && (!size.isValid() || size.isEmpty())) {
            QString sizeError;
            size = imageDisplayedSize(imagesFolder.filePath(image.path), &sizeError);
            if (!size.isValid() || size.isEmpty()) {
                result.error = sizeError.isEmpty()
                                       ? QCoreApplication::translate("Boucle::YoloWriter",
                                                                     "the size of %1 is unknown")
                                                 .arg(image.path)
                                       : sizeError;
                return result;
            }
        }
        const double width = size.width(), height = size.height();
        QByteArray text;
        int objectNumber = 0;
        for (const Annotation &object : image.objects) {
            ++objectNumber;
            auto refuse = [&](const QString &why) {
                result.error
                        = QCoreApplication::translate("Boucle::YoloWriter", "%1, object %2: %3")
                                  .arg(image.path)
                                  .arg(objectNumber)
                                  .arg(why);
            };
            if (object.shape == Annotation::Shape::Point) {
                refuse(QCoreApplication::translate("Boucle::YoloWriter", "YOLO has no points"));
                return result;
            }
            if (object.label.isEmpty()) {
                refuse(QCoreApplication::translate("Boucle::YoloWriter",
                                                   "an object without a class"));
                return result;
            }
            if (predictions && !object.score) {
                refuse(QCoreApplication::translate("Boucle::YoloWriter",
                                                   "a prediction without a score"));
                return result;
            }
            if (predictions && !(*object.score >= 0.0 && *object.score <= 1.0)) {
                refuse(QCoreApplication::translate("Boucle::YoloWriter",
                                                   "the score %1 is outside 0..1")
                               .arg(*object.score));
                return result;
            }
            const QByteArray prefix = QByteArray::number(indexOf.value(object.label));
            const QByteArray suffix = predictions
                                              ? QByteArray(" ") + ExactNumber::toText(*object.score)
                                              : QByteArray();
            auto inside = [&](const QPointF &p) {
                return std::isfinite(p.x()) && std::isfinite(p.y()) && p.x() >= -pixelTolerance
                       && p.y() >= -pixelTolerance && p.x() <= width + pixelTolerance
                       && p.y() <= height + pixelTolerance;
            };
            auto writePolygon = [&](const QPolygonF &polygon) {
                for (const QPointF &p : polygon)
                    if (!inside(p)) {
                        refuse(QCoreApplication::translate(
                                       "Boucle::YoloWriter",
                                       "the point (%1, %2) is outside the %3 x %4 image")
                                       .arg(p.x())
                                       .arg(p.y())
                                       .arg(size.width())
                                       .arg(size.height()));
                        return false;
                    }
                QByteArray line = prefix;
                for (const QPointF &p : polygon)
                    line += ' ' + ExactNumber::toText(p.x() / width) + ' '
                            + ExactNumber::toText(p.y() / height);
                text += line + suffix + '\n';
                ++result.objects;
                return true;
            };
            if (object.shape == Annotation::Shape::Polygon) {
                for (const QPolygonF &polygon : object.polygons) {
                    if (polygon.size() < 3) {
                        refuse(QCoreApplication::translate("Boucle::YoloWriter",
                                                           "a polygon of fewer than 3 points"));
                        return result;
                    }
                    if (!writePolygon(polygon))
                        return result;
                }
                continue;
            }
            // A mask is written as its extent, the box the set carries for it.
            const QRectF box = object.box;
            if (object.shape == Annotation::Shape::Box && object.rotation != 0.0) {
                // The rotated box as its four corners, turned clockwise about its top-left.
                const double angle = object.rotation * M_PI / 180.0;
                const double c = std::cos(angle), s = std::sin(angle);
                QPolygonF corners;
                for (const QPointF &d :
                     {QPointF(0, 0), QPointF(box.width(), 0), QPointF(box.width(), box.height()),
                      QPointF(0, box.height())})
                    corners.append(QPointF(box.x() + d.x() * c - d.y() * s,
                                           box.y() + d.x() * s + d.y() * c));
                if (!writePolygon(corners))
                    return result;
                continue;
            }
            if (!(box.width() > 0.0) || !(box.height() > 0.0)) {
                refuse(QCoreApplication::translate("Boucle::YoloWriter", "the box has no area"));
                return result;
            }
            if (!inside(box.topLeft()) || !inside(box.bottomRight())) {
                refuse(QCoreApplication::translate(
                               "Boucle::YoloWriter",
                               "the box %1, %2, %3 x %4 reaches outside the %5 x %6 image")
                               .arg(box.x())
                               .arg(box.y())
                               .arg(box.width())
                               .arg(box.height())
                               .arg(size.width())
                               .arg(size.height()));
                return result;
            }
            text += prefix + ' ' + ExactNumber::toText((box.x() + box.width() / 2) / width) + ' '
                    + ExactNumber::toText((box.y() + box.height() / 2) / height) + ' '
                    + ExactNumber::toText(box.width() / width) + ' '
                    + ExactNumber::toText(box.height() / height) + suffix + '\n';
            ++result.objects;
        }
        if (!out.writeFile(labelFile, text)
            || !out.link(QStringLiteral("images/") + image.path,
                         QFileInfo(imagesFolder.filePath(image.path)).absoluteFilePath())) {
            result.error = out.error();
            return result;
        }
        files.append(labelFile);
        files.append(QStringLiteral("images/") + image.path);
        ++result.images;
    }

    QByteArray yaml = "# YOLO dataset written by Boucle: images/ and labels/ beside each other.\n"
                      "path: .\n"
                      "train: images\n"
                      "val: images\n"
                      "nc: "
                      + QByteArray::number(names.size()) + "\nnames:\n";
    QByteArray classes;
    for (const QString &name : std::as_const(names)) {
        yaml += "  - " + yamlQuoted(name) + '\n';
        classes += name.toUtf8() + '\n';
    }
    if (!out.writeFile(QStringLiteral("data.yaml"), yaml)
        || !out.writeFile(QStringLiteral("classes.txt"), classes) || !out.commit()) {
        result.error = out.error();
        return result;
    }
    files.append(QStringLiteral("data.yaml"));
    files.append(QStringLiteral("classes.txt"));
    files.sort();
    result.files = files;
    return result;
}

} // namespace Boucle::AnnotationWriters
