// Reading an outside annotation format into an AnnotationSet (annotationset.h). One function per
// format, each in its own file (cocoreader.cpp, yoloreader.cpp, ...); read() picks by format.
// A reader checks everything the format itself says (JSON types, unknown category ids, boxes
// outside the stated image size, a YOLO line with 4 numbers, a VOC file without <size>) and
// reports each problem with its file, line and field or JSON path; it never touches a project.
// A result with any problem must not be stored. Any thread, one call at a time per result.
#pragma once

#include "annotationset.h"
#include "ingest/logproblem.h"
#include "interopformat.h"

#include <functional>

namespace Boucle {

class ProgressSink;

struct AnnotationReadOptions
{
    // Where the image paths the files name start (COCO file_name, VOC <filename>, labelme
    // imagePath, ...). Empty: the folder of the file read (for YOLO: the images/ folder beside
    // labels/, else the labels' folder). The importer resolves the paths under the data root.
    QString imagesFolder;
    // COCO results name images by id only: the ground-truth file that names them.
    QString cocoGroundTruth;
    // Reads an image's displayed size (EXIF orientation applied) from its header, for formats
    // that do not state it (YOLO); `path` is relative to imagesFolder. Invalid size with *error
    // set when it cannot. Left empty, readers use imageDisplayedSize (imagesize.h).
    std::function<QSize(const QString &path, QString *error)> imageSize;
    ProgressSink *progress = nullptr; // may be null
    int listedProblems = 1000;        // problems kept; all are counted
};

struct AnnotationReadResult
{
    AnnotationSet set;
    QList<LogProblem> problems; // the first listedProblems of them
    qint64 problemCount = 0;
    bool cancelled = false;

    bool isValid() const { return problemCount == 0 && !cancelled; }
    // Adds a problem, keeping at most `listed`.
    void addProblem(LogProblem problem, int listed = 1000);
};

namespace AnnotationReaders {

AnnotationReadResult readCoco(const QString &path, const AnnotationReadOptions &options);
AnnotationReadResult readCocoResults(const QString &path, const AnnotationReadOptions &options);
AnnotationReadResult readYolo(const QString &path, const AnnotationReadOptions &options);
AnnotationReadResult readVoc(const QString &path, const AnnotationReadOptions &options);
AnnotationReadResult readLabelStudio(const QString &path, const AnnotationReadOptions &options);
AnnotationReadResult readLabelme(const QString &path, const AnnotationReadOptions &options);
AnnotationReadResult readCvat(const QString &path, const AnnotationReadOptions &options);

// The reader for `format`; a problem "... cannot be read from" for Native and ImageFolder.
AnnotationReadResult read(InteropFormat format, const QString &path,
                          const AnnotationReadOptions &options);

} // namespace AnnotationReaders

} // namespace Boucle
