// YOLO (Ultralytics/Darknet) labels: one .txt per image, `class cx cy w h [score]` or
// `class x1 y1 x2 y2 x3 y3 ... [score]`, every coordinate normalised to the image AS DISPLAYED
// (0..1). The image sizes come from the image headers (EXIF orientation applied); the
// normalised values are turned into pixels here, once. docs/formats/yolo-voc-imagefolder.md is
// the users' contract.
#include "annotationreader.h"
#include "imagesize.h"
#include "imaging/regularfile.h"
#include "progress/progresssink.h"
#include "relativepath.h"
#include "yolodatayaml.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QMap>

#include <cmath>

namespace Boucle::AnnotationReaders {

namespace {

// A label file is text of at most 16 MB (about 400k boxes); data.yaml and classes.txt at most 1 MB.
constexpr qint64 maxLabelFileBytes = 16ll * 1024 * 1024;
constexpr qint64 maxNamesFileBytes = 1024ll * 1024;
// Normalised values may stray this far outside 0..1 (rounding of the 6 significant digits
// Ultralytics writes); they are kept as they are, not clamped.
constexpr double tolerance = 1e-6;

const QStringList &imageSuffixes()
{
    static const QStringList suffixes
            = {QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"),
               QStringLiteral("bmp"), QStringLiteral("tif"),  QStringLiteral("tiff"),
               QStringLiteral("webp")};
    return suffixes;
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

struct Layout
{
    QString labelsDir;     // absolute
    QString imagesDir;     // absolute; where images are looked for
    QString singleFile;    // absolute; set when one .txt was given
    QStringList namesDirs; // where data.yaml / classes.txt are looked for, in order
    bool listUnlabelled = true;
};

// The images folder for a labels folder: the last "labels" component replaced by "images"
// (Ultralytics' rule), else the labels folder itself (LabelImg writes .txt beside the images).
QString imagesDirFor(const QString &labelsDir)
{
    const QStringList parts = labelsDir.split(QLatin1Char('/'));
    for (qsizetype i = parts.size() - 1; i >= 0; --i) {
        if (parts.at(i) == QLatin1String("labels")) {
            QStringList swapped = parts;
            swapped[i] = QStringLiteral("images");
            const QString candidate = swapped.join(QLatin1Char('/'));
            if (QFileInfo(candidate).isDir())
                return candidate;
            break;
        }
    }
    return labelsDir;
}

// Folders searched for the class names: the labels folder and its parents up to the dataset
// folder (the one holding labels/) and the folder above it.
QStringList namesDirsFor(const QString &labelsDir)
{
    QStringList dirs {labelsDir};
    QDir dir(labelsDir);
    const qsizetype labelsAt
            = labelsDir.split(QLatin1Char('/')).lastIndexOf(QStringLiteral("labels"));
    // Up to the folder holding labels/ and its parent (a split-first layout, train/labels,
    // keeps data.yaml above the split).
    const int levels
            = labelsAt >= 0 ? int(labelsDir.split(QLatin1Char('/')).size() - labelsAt) + 1 : 1;
    for (int i = 0; i < levels && dir.cdUp(); ++i)
        dirs.append(dir.absolutePath());
    return dirs;
}

Layout layoutFor(const QString &path)
{
    Layout layout;
    const QFileInfo info(path);
    if (info.isFile()) {
        layout.singleFile = info.absoluteFilePath();
        layout.labelsDir = info.absolutePath();
        layout.imagesDir = imagesDirFor(layout.labelsDir);
        layout.namesDirs = namesDirsFor(layout.labelsDir);
        layout.listUnlabelled = false;
        return layout;
    }
    const QString dir = info.absoluteFilePath();
    if (QFileInfo(dir + QStringLiteral("/labels")).isDir()) {
        layout.labelsDir = dir + QStringLiteral("/labels");
        layout.imagesDir = dir + QStringLiteral("/images");
        // A split folder of a split-first layout (train/images, train/labels) finds the
        // dataset's data.yaml one level up.
        layout.namesDirs = {dir, layout.labelsDir, info.absolutePath()};
        return layout;
    }
    layout.labelsDir = dir;
    layout.imagesDir = imagesDirFor(dir);
    layout.namesDirs = namesDirsFor(dir);
    return layout;
}

struct Names
{
    QMap<int, QString> byIndex;
    QString file; // absolute
};

void addProblem(AnnotationReadResult &result, const AnnotationReadOptions &options,
                const QString &file, qint64 line, const QString &field, const QString &message)
{
    result.addProblem({native(file), line, field, message}, options.listedProblems);
}

Names readNames(const Layout &layout, AnnotationReadResult &result,
                const AnnotationReadOptions &options)
{
    Names names;
    QString yamlFile, classesFile;
    for (const QString &dir : layout.namesDirs) {
        for (const char *name : {"data.yaml", "data.yml"}) {
            const QString candidate = dir + QLatin1Char('/') + QLatin1String(name);
            if (QFileInfo(candidate).isFile()) {
                yamlFile = candidate;
                break;
            }
        }
        if (!yamlFile.isEmpty())
            break;
        const QString candidate = dir + QStringLiteral("/classes.txt");
        if (QFileInfo(candidate).isFile()) {
            classesFile = candidate;
            break;
        }
    }
    if (yamlFile.isEmpty() && classesFile.isEmpty()) {
        addProblem(result, options,
                   layout.singleFile.isEmpty() ? layout.labelsDir : layout.singleFile, 0, {},
                   QCoreApplication::translate(
                           "Boucle::YoloReader",
                           "no data.yaml or classes.txt names the classes (looked in %1)")
                           .arg(native(layout.namesDirs.join(QStringLiteral(", ")))));
        return names;
    }
    names.file = yamlFile.isEmpty() ? classesFile : yamlFile;
    QString reason;
    const std::optional<QByteArray> bytes
            = RegularFile::readAll(names.file, maxNamesFileBytes, &reason);
    if (!bytes) {
        addProblem(result, options, names.file, 0, {}, reason);
        return names;
    }
    if (!yamlFile.isEmpty()) {
        const YoloDataYaml yaml = YoloDataYaml::parse(*bytes);
        for (const auto &problem : yaml.problems)
            addProblem(result, options, names.file, problem.line, problem.field, problem.message);
        if (!yaml.problems.isEmpty())
            return names;
        names.byIndex = yaml.names;
        if (yaml.names.isEmpty() && yaml.nc) {
            // Ultralytics' own default when only nc is given.
            for (int i = 0; i < *yaml.nc; ++i)
                names.byIndex.insert(i, QStringLiteral("class_%1").arg(i));
        } else if (yaml.names.isEmpty()) {
            addProblem(result, options, names.file, 0, QStringLiteral("names"),
                       QCoreApplication::translate("Boucle::YoloReader",
                                                   "the file has neither names nor nc"));
        } else if (yaml.nc && *yaml.nc != yaml.names.size()) {
            addProblem(result, options, names.file, yaml.ncLine, QStringLiteral("nc"),
                       QCoreApplication::translate("Boucle::YoloReader",
                                                   "nc is %1 but names has %2 classes")
                               .arg(*yaml.nc)
                               .arg(yaml.names.size()));
        }
        for (auto it = names.byIndex.cbegin(); it != names.byIndex.cend(); ++it) {
            if (it.value().trimmed().isEmpty())
                addProblem(result, options, names.file, yaml.namesLine,
                           QStringLiteral("names[%1]").arg(it.key()),
                           QCoreApplication::translate("Boucle::YoloReader",
                                                       "class %1 has an empty name")
                                   .arg(it.key()));
        }
    } else {
        QList<QByteArray> lines = bytes->split('\n');
        while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
            lines.removeLast();
        for (int i = 0; i < lines.size(); ++i) {
            QByteArray line = lines.at(i);
            if (line.endsWith('\r'))
                line.chop(1);
            if (i == 0 && line.startsWith("\xEF\xBB\xBF"))
                line.remove(0, 3);
            const QString name = QString::fromUtf8(line).trimmed();
            if (name.isEmpty())
                addProblem(result, options, names.file, i + 1, {},
                           QCoreApplication::translate("Boucle::YoloReader",
                                                       "class %1 has an empty name")
                                   .arg(i));
            names.byIndex.insert(i, name);
        }
        if (names.byIndex.isEmpty())
            addProblem(
                    result, options, names.file, 0, {},
                    QCoreApplication::translate("Boucle::YoloReader", "the file names no class"));
    }
    QHash<QString, int> seen;
    for (auto it = names.byIndex.cbegin(); it != names.byIndex.cend(); ++it) {
        if (it.value().isEmpty())
            continue;
        if (seen.contains(it.value()))
            addProblem(result, options, names.file, 0, {},
                       QCoreApplication::translate("Boucle::YoloReader",
                                                   "classes %1 and %2 have the same name '%3'")
                               .arg(seen.value(it.value()))
                               .arg(it.key())
                               .arg(it.value()));
        else
            seen.insert(it.value(), it.key());
    }
    return names;
}

// Relative paths (with '/') of the files under `dir` whose suffix is one of `suffixes`, sorted.
QStringList filesUnder(const QString &dir, const QStringList &suffixes)
{
    QStringList found;
    if (!QFileInfo(dir).isDir())
        return found;
    const QDir base(dir);
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (suffixes.contains(QFileInfo(file).suffix().toLower()))
            found.append(base.relativeFilePath(file));
    }
    found.sort();
    return found;
}

enum class LineKind { Box, Polygon };

struct ParsedLine
{
    LineKind kind = LineKind::Box;
    bool hasScore = false;
    int classIndex = -1;
    QVector<double> values; // normalised coordinates (no class, no score)
    double score = 0.0;
};

struct KindDecision
{
    bool decided = false;
    bool predictions = false;
    QString file;
    qint64 line = 0;
};

QString coordinateName(LineKind kind, int index)
{
    if (kind == LineKind::Box) {
        static const char *const names[] = {"cx", "cy", "w", "h"};
        return QString::fromLatin1(names[index]);
    }
    return QStringLiteral("%1%2")
            .arg(index % 2 == 0 ? QLatin1Char('x') : QLatin1Char('y'))
            .arg(index / 2 + 1);
}

// Parses one non-empty line; false after adding its problems.
bool parseLine(const QList<QByteArray> &tokens, const QString &file, qint64 lineNumber,
               ParsedLine *parsed, AnnotationReadResult &result,
               const AnnotationReadOptions &options)
{
    const qsizetype n = tokens.size();
    if (n < 5) {
        addProblem(result, options, file, lineNumber, {},
                   QCoreApplication::translate(
                           "Boucle::YoloReader",
                           "the line has %1 numbers; a box is 'class cx cy w h' (5 numbers) and a "
                           "polygon 'class x1 y1 x2 y2 x3 y3 ...' (at least 7)")
                           .arg(n));
        return false;
    }
    const QByteArray &classToken = tokens.at(0);
    bool ok = !classToken.isEmpty();
    for (char c : classToken)
        ok = ok && c >= '0' && c <= '9';
    const int classIndex = ok ? classToken.toInt(&ok) : -1;
    if (!ok) {
        addProblem(result, options, file, lineNumber, QStringLiteral("class"),
                   QCoreApplication::translate("Boucle::YoloReader",
                                               "'%1' is not a class index (a whole number from 0)")
                           .arg(QString::fromUtf8(classToken)));
        return false;
    }
    parsed->classIndex = classIndex;
    if (n == 5 || n == 6) {
        parsed->kind = LineKind::Box;
        parsed->hasScore = n == 6;
    } else {
        parsed->kind = LineKind::Polygon;
        parsed->hasScore = n % 2 == 0;
    }
    const qsizetype coordinates = n - 1 - (parsed->hasScore ? 1 : 0);
    parsed->values.resize(coordinates);
    bool good = true;
    for (qsizetype i = 1; i < n; ++i) {
        const bool isScore = parsed->hasScore && i == n - 1;
        const QString field
                = isScore ? QStringLiteral("score") : coordinateName(parsed->kind, int(i - 1));
        bool numberOk = false;
        const double value = tokens.at(i).toDouble(&numberOk);
        if (!numberOk) {
            addProblem(result, options, file, lineNumber, field,
                       QCoreApplication::translate("Boucle::YoloReader", "'%1' is not a number")
                               .arg(QString::fromUtf8(tokens.at(i))));
            good = false;
            continue;
        }
        if (!std::isfinite(value)) {
            addProblem(result, options, file, lineNumber, field,
                       QCoreApplication::translate("Boucle::YoloReader",
                                                   "NaN and infinite numbers are not allowed"));
            good = false;
            continue;
        }
        if (isScore) {
            if (value < 0.0 || value > 1.0) {
                addProblem(result, options, file, lineNumber, field,
                           QCoreApplication::translate("Boucle::YoloReader",
                                                       "the score %1 is outside 0..1")
                                   .arg(QString::fromUtf8(tokens.at(i))));
                good = false;
            }
            parsed->score = value;
            continue;
        }
        if (value < -tolerance || value > 1.0 + tolerance) {
            addProblem(result, options, file, lineNumber, field,
                       QCoreApplication::translate(
                               "Boucle::YoloReader",
                               "%1 is outside 0..1; YOLO coordinates are fractions of the image's "
                               "width and height")
                               .arg(QString::fromUtf8(tokens.at(i))));
            good = false;
        }
        parsed->values[i - 1] = value;
    }
    if (!good)
        return false;
    if (parsed->kind == LineKind::Box) {
        const double cx = parsed->values[0], cy = parsed->values[1], w = parsed->values[2],
                     h = parsed->values[3];
        if (w <= 0.0 || h <= 0.0) {
            addProblem(
                    result, options, file, lineNumber,
                    w <= 0.0 ? QStringLiteral("w") : QStringLiteral("h"),
                    QCoreApplication::translate("Boucle::YoloReader",
                                                "the box has no area (width %1, height %2)")
                            .arg(QString::fromUtf8(tokens.at(3)), QString::fromUtf8(tokens.at(4))));
            return false;
        }
        if (cx - w / 2 < -tolerance || cx + w / 2 > 1.0 + tolerance || cy - h / 2 < -tolerance
            || cy + h / 2 > 1.0 + tolerance) {
            addProblem(
                    result, options, file, lineNumber, {},
                    QCoreApplication::translate(
                            "Boucle::YoloReader",
                            "the box (centre %1, %2, size %3 x %4) reaches outside the image")
                            .arg(QString::fromUtf8(tokens.at(1)), QString::fromUtf8(tokens.at(2)),
                                 QString::fromUtf8(tokens.at(3)), QString::fromUtf8(tokens.at(4))));
            return false;
        }
    }
    return true;
}

} // namespace

AnnotationReadResult readYolo(const QString &path, const AnnotationReadOptions &options)
{
    AnnotationReadResult result;
    const QFileInfo info(path);
    if (!info.exists()) {
        addProblem(result, options, path, 0, {},
                   QCoreApplication::translate("Boucle::YoloReader",
                                               "the file or folder does not exist"));
        return result;
    }
    if (info.isFile() && info.suffix().toLower() != QLatin1String("txt")) {
        addProblem(result, options, path, 0, {},
                   QCoreApplication::translate(
                           "Boucle::YoloReader",
                           "a YOLO label file is a .txt file; give it, its labels folder or the "
                           "dataset folder (with labels/ and images/)"));
        return result;
    }
    Layout layout = layoutFor(path);
    if (!options.imagesFolder.isEmpty())
        layout.imagesDir = QFileInfo(options.imagesFolder).absoluteFilePath();
    result.set.imagesFolder = layout.imagesDir;

    const Names names = readNames(layout, result, options);
    if (!result.isValid())
        return result;
    for (auto it = names.byIndex.cbegin(); it != names.byIndex.cend(); ++it)
        result.set.classes.append({it.value(), it.key(), {}});

    // Label files, relative to the labels folder, without ".txt".
    QStringList labelFiles;
    if (!layout.singleFile.isEmpty()) {
        labelFiles.append(QDir(layout.labelsDir).relativeFilePath(layout.singleFile));
    } else {
        labelFiles = filesUnder(layout.labelsDir, {QStringLiteral("txt")});
        const QString namesRelative = QDir(layout.labelsDir).relativeFilePath(names.file);
        labelFiles.removeAll(namesRelative);
        labelFiles.removeAll(QStringLiteral("classes.txt"));
    }
    QMap<QString, QString> labelByKey; // key (relative path without suffix) -> label file
    for (const QString &file : labelFiles)
        labelByKey.insert(RelativePath::withoutSuffix(file), file);

    // Images by key; two images with one key (a.jpg and a.png) cannot share a label file.
    QMap<QString, QStringList> imagesByKey;
    for (const QString &image : filesUnder(layout.imagesDir, imageSuffixes()))
        imagesByKey[RelativePath::withoutSuffix(image)].append(image);

    QStringList keys;
    if (layout.listUnlabelled) {
        keys = imagesByKey.keys();
        for (auto it = labelByKey.cbegin(); it != labelByKey.cend(); ++it)
            if (!imagesByKey.contains(it.key()))
                keys.append(it.key());
        keys.sort();
    } else {
        keys = labelByKey.keys();
    }

    KindDecision kind;
    const QDir labelsBase(layout.labelsDir);
    const QDir imagesBase(layout.imagesDir);
    qint64 done = 0;
    for (const QString &key : std::as_const(keys)) {
        if (options.progress) {
            if (options.progress->isCancelled()) {
                result.cancelled = true;
                return result;
            }
            options.progress->progress(
                    done, keys.size(),
                    QCoreApplication::translate("Boucle::YoloReader", "Reading YOLO labels"));
        }
        ++done;
        const QString labelFile = labelByKey.value(key);
        const QString labelPath = labelFile.isEmpty() ? QString() : labelsBase.filePath(labelFile);
        const QStringList images = imagesByKey.value(key);
        if (images.isEmpty()) {
            addProblem(result, options, labelPath, 0, {},
                       QCoreApplication::translate("Boucle::YoloReader",
                                                   "no image %1.* (%2) in %3 for this label file")
                               .arg(key, imageSuffixes().join(QStringLiteral(", ")),
                                    native(layout.imagesDir)));
            continue;
        }
        if (images.size() > 1) {
            addProblem(result, options,
                       labelPath.isEmpty() ? imagesBase.filePath(images.first()) : labelPath, 0, {},
                       QCoreApplication::translate(
                               "Boucle::YoloReader",
                               "the images %1 share one label file name; rename one of them")
                               .arg(images.join(QStringLiteral(", "))));
            continue;
        }
        AnnotatedImage image;
        image.path = images.first();
        image.originFile
                = native(labelPath.isEmpty() ? imagesBase.filePath(image.path) : labelPath);
        QString sizeError;
        const QSize size = options.imageSize ? options.imageSize(image.path, &sizeError)
                                             : imageDisplayedSize(imagesBase.filePath(image.path),
                                                                  &sizeError);
        if (!size.isValid() || size.isEmpty()) {
            addProblem(result, options, imagesBase.filePath(image.path), 0, {},
                       sizeError.isEmpty() ? QCoreApplication::translate("Boucle::YoloReader",
                                                                         "the image has no size")
                                           : sizeError);
            continue;
        }
        image.size = size;
        if (labelPath.isEmpty()) {
            result.set.images.append(std::move(image));
            continue;
        }
        QString reason;
        const std::optional<QByteArray> bytes
                = RegularFile::readAll(labelPath, maxLabelFileBytes, &reason);
        if (!bytes) {
            addProblem(result, options, labelPath, 0, {}, reason);
            continue;
        }
        const QList<QByteArray> lines = bytes->split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QByteArray line = lines.at(i);
            if (i == 0 && line.startsWith("\xEF\xBB\xBF"))
                line.remove(0, 3);
            line.replace('\t', ' ');
            line.replace('\r', ' ');
            const QList<QByteArray> tokens = line.simplified().split(' ');
            if (line.trimmed().isEmpty())
                continue;
            const qint64 lineNumber = i + 1;
            ParsedLine parsed;
            if (!parseLine(tokens, labelPath, lineNumber, &parsed, result, options))
                continue;
            if (!names.byIndex.contains(parsed.classIndex)) {
                addProblem(result, options, labelPath, lineNumber, QStringLiteral("class"),
                           QCoreApplication::translate("Boucle::YoloReader",
                                                       "class %1 is not in the %2 classes of %3")
                                   .arg(parsed.classIndex)
                                   .arg(names.byIndex.size())
                                   .arg(native(names.file)));
                continue;
            }
            if (!kind.decided) {
                kind = {true, parsed.hasScore, labelPath, lineNumber};
            } else if (kind.predictions != parsed.hasScore) {
                const QString first = QStringLiteral("%1:%2").arg(native(kind.file)).arg(kind.line);
                QString message;
                if (parsed.kind == LineKind::Polygon)
                    message = parsed.hasScore
                                      ? QCoreApplication::translate(
                                                "Boucle::YoloReader",
                                                "the polygon has an odd number of coordinates "
                                                "(%1), or a score "
                                                "column that the first line (%2) does not have")
                                                .arg(tokens.size() - 1)
                                                .arg(first)
                                      : QCoreApplication::translate(
                                                "Boucle::YoloReader",
                                                "the polygon has no score column but the first "
                                                "line (%1) has one; "
                                                "or its coordinates are one short")
                                                .arg(first);
                else
                    message = parsed.hasScore
                                      ? QCoreApplication::translate(
                                                "Boucle::YoloReader",
                                                "the line has a score column but the first line "
                                                "(%1) has none")
                                                .arg(first)
                                      : QCoreApplication::translate(
                                                "Boucle::YoloReader",
                                                "the line has no score column but the first "
                                                "line (%1) has one")
                                                .arg(first);
                addProblem(result, options, labelPath, lineNumber, {}, message);
                continue;
            }
            Annotation object;
            object.label = names.byIndex.value(parsed.classIndex);
            if (parsed.hasScore)
                object.score = parsed.score;
            const double width = size.width(), height = size.height();
            if (parsed.kind == LineKind::Box) {
                const double w = parsed.values[2] * width, h = parsed.values[3] * height;
                object.shape = Annotation::Shape::Box;
                object.box = QRectF(parsed.values[0] * width - w / 2,
                                    parsed.values[1] * height - h / 2, w, h);
            } else {
                object.shape = Annotation::Shape::Polygon;
                QPolygonF polygon;
                polygon.reserve(parsed.values.size() / 2);
                for (qsizetype p = 0; p + 1 < parsed.values.size(); p += 2)
                    polygon.append(
                            QPointF(parsed.values[p] * width, parsed.values[p + 1] * height));
                object.box = polygon.boundingRect();
                object.polygons.append(polygon);
            }
            image.objects.append(std::move(object));
        }
        result.set.images.append(std::move(image));
    }
    if (kind.predictions)
        result.set.kind = AnnotationSet::Kind::Predictions;
    if (options.progress)
        options.progress->progress(
                done, keys.size(),
                QCoreApplication::translate("Boucle::YoloReader", "Reading YOLO labels"));
    return result;
}

} // namespace Boucle::AnnotationReaders
