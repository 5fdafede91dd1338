// torchvision's ImageFolder layout: <output>/<class>/<file> symbolic links to the project's
// files, or (imageFolderAsCsv) a CSV of path,label. Only images with an image-level label are
// written. docs/formats/yolo-voc-imagefolder.md is the users' contract.
#include "annotationwriter.h"
#include "atomicoutput.h"
#include "progress/progresssink.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace Boucle::AnnotationWriters {

namespace {

// A class name as one folder name, reversibly: '%', '/', '\', control characters and a leading
// '.' (".", "..", hidden folders) are percent-encoded; every other character stays.
QString folderName(const QString &label)
{
    QString name;
    for (qsizetype i = 0; i < label.size(); ++i) {
        const QChar c = label.at(i);
        if (c == QLatin1Char('%') || c == QLatin1Char('/') || c == QLatin1Char('\\')
            || c.unicode() < 0x20 || c.unicode() == 0x7f || (i == 0 && c == QLatin1Char('.')))
            name += QStringLiteral("%%1").arg(int(c.unicode()), 2, 16, QLatin1Char('0')).toUpper();
        else
            name += c;
    }
    return name;
}

QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n')
        || bytes.contains('\r')) {
        bytes.replace("\"", "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

} // namespace

AnnotationWriteResult writeImageFolder(const AnnotationSet &set, const QString &output,
                                       const AnnotationWriteOptions &options)
{
    AnnotationWriteResult result;
    if (options.imageFolderAsCsv) {
        AtomicOutput out(output, AtomicOutput::Kind::File);
        if (!out.begin()) {
            result.error = out.error();
            return result;
        }
        QByteArray csv = "path,label\r\n";
        for (const AnnotatedImage &image : set.images) {
            if (image.label.isEmpty())
                continue;
            csv += csvField(image.path) + ',' + csvField(image.label) + "\r\n";
            ++result.images;
        }
        if (!out.writeAll(csv) || !out.commit()) {
            result.error = out.error();
            return result;
        }
        result.files = {QFileInfo(output).fileName()};
        return result;
    }

    const QDir imagesFolder(options.imagesFolder.isEmpty() ? QDir::currentPath()
                                                           : options.imagesFolder);
    // Sorted by path, so that which of two same-named files keeps its name does not depend on
    // the set's order.
    QList<const AnnotatedImage *> labelled;
    for (const AnnotatedImage &image : set.images)
        if (!image.label.isEmpty())
            labelled.append(&image);
    std::stable_sort(
            labelled.begin(), labelled.end(),
            [](const AnnotatedImage *a, const AnnotatedImage *b) { return a->path < b->path; });
    QSet<QString> taken; // "<folder>/<file>"
    AtomicOutput out(output, AtomicOutput::Kind::Folder);
    if (!out.begin()) {
        result.error = out.error();
        return result;
    }
    QStringList files;
    qint64 done = 0;
    for (const AnnotatedImage *image : std::as_const(labelled)) {
        if (options.progress) {
            if (options.progress->isCancelled()) {
                result.cancelled = true;
                return result;
            }
            options.progress->progress(done, labelled.size(),
                                       QCoreApplication::translate("Boucle::ImageFolderWriter",
                                                                   "Writing ImageFolder links"));
        }
        ++done;
        const QString folder = folderName(image->label);
        if (folder.toUtf8().size() > 255) {
            result.error = QCoreApplication::translate(
                                   "Boucle::ImageFolderWriter",
                                   "the class name '%1' is too long for a folder name")
                                   .arg(image->label);
            return result;
        }
        const QString fileName = image->path.mid(image->path.lastIndexOf(QLatin1Char('/')) + 1);
        if (fileName.isEmpty() || fileName == QLatin1String(".")
            || fileName == QLatin1String("..")) {
            result.error = QCoreApplication::translate("Boucle::ImageFolderWriter",
                                                       "the image path '%1' names no file")
                                   .arg(image->path);
            return result;
        }
        // A second file of the same name in one class becomes "name (2).ext", and so on.
        QString linkName = fileName;
        const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
        const QString stem = dot > 0 ? fileName.left(dot) : fileName;
        const QString suffix = dot > 0 ? fileName.mid(dot) : QString();
        for (int n = 2; taken.contains(folder + QLatin1Char('/') + linkName); ++n)
            linkName = QStringLiteral("%1 (%2)%3").arg(stem).arg(n).arg(suffix);
        const QString relative = folder + QLatin1Char('/') + linkName;
        taken.insert(relative);
        if (!out.link(relative, QFileInfo(imagesFolder.filePath(image->path)).absoluteFilePath())) {
            result.error = out.error();
            return result;
        }
        files.append(relative);
        ++result.images;
    }
    if (!out.commit()) {
        result.error = out.error();
        return result;
    }
    files.sort();
    result.files = files;
    return result;
}

} // namespace Boucle::AnnotationWriters
