// Writing an AnnotationSet (annotationset.h) in an outside format, for the next training run or
// another tool. One function per format, each in its own file (cocowriter.cpp, yolowriter.cpp,
// ...); write() picks by format. Writers are deterministic: the same set gives the same bytes
// (numbers in their shortest exact form, keys and files in a fixed order), and atomic: the
// output appears whole or not at all (AtomicOutput). Any thread.
#pragma once

#include "annotationset.h"
#include "interopformat.h"

namespace Boucle {

class ProgressSink;

struct AnnotationWriteOptions
{
    // The folder the set's image paths are relative to (the project's data root); writers that
    // lay out images (YOLO's images/, ImageFolder's class folders) link to the files there.
    QString imagesFolder;
    // ImageFolder: a CSV of path,label instead of a tree of symbolic links.
    bool imageFolderAsCsv = false;
    ProgressSink *progress = nullptr; // may be null
};

struct AnnotationWriteResult
{
    QString error;     // empty on success; the output is then untouched
    int images = 0;    // images written
    int objects = 0;   // objects written
    QStringList files; // what was written, relative to the output
    bool cancelled = false;

    bool isSuccess() const { return error.isEmpty() && !cancelled; }
};

namespace AnnotationWriters {

// `output` is a file for COCO, COCO results, Label Studio, CVAT and ImageFolder-as-CSV, and a
// folder for YOLO, VOC, labelme and ImageFolder (created; an existing folder is replaced whole).
AnnotationWriteResult writeCoco(const AnnotationSet &set, const QString &output,
                                const AnnotationWriteOptions &options);
AnnotationWriteResult writeCocoResults(const AnnotationSet &set, const QString &output,
                                       const AnnotationWriteOptions &options);
AnnotationWriteResult writeYolo(const AnnotationSet &set, const QString &output,
                                const AnnotationWriteOptions &options);
AnnotationWriteResult writeVoc(const AnnotationSet &set, const QString &output,
                               const AnnotationWriteOptions &options);
AnnotationWriteResult writeLabelStudio(const AnnotationSet &set, const QString &output,
                                       const AnnotationWriteOptions &options);
AnnotationWriteResult writeLabelme(const AnnotationSet &set, const QString &output,
                                   const AnnotationWriteOptions &options);
AnnotationWriteResult writeCvat(const AnnotationSet &set, const QString &output,
                                const AnnotationWriteOptions &options);
AnnotationWriteResult writeImageFolder(const AnnotationSet &set, const QString &output,
                                       const AnnotationWriteOptions &options);

AnnotationWriteResult write(InteropFormat format, const AnnotationSet &set, const QString &output,
                            const AnnotationWriteOptions &options);

} // namespace AnnotationWriters

} // namespace Boucle
