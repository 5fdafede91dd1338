// Fuzzes the readers of the outside annotation formats (COCO, YOLO, Pascal VOC, Label Studio,
// labelme, CVAT), one target per format chosen by BOUCLE_FUZZ_FORMAT and BOUCLE_FUZZ_NAME (the
// input's file name). Besides the sanitizers, checks what every caller relies on: a file the
// reader accepts holds only finite coordinates and scores in [0, 1], and a refused file lists at
// least one problem.
#include "fuzzinput.h"
#include "interop/annotationreader.h"

#include <QDir>
#include <QFile>

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace Boucle;

namespace {

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "fuzz_annotationreader (%s): %s\n", BOUCLE_FUZZ_NAME, what);
    std::abort();
}

bool finite(const QRectF &box)
{
    return std::isfinite(box.x()) && std::isfinite(box.y()) && std::isfinite(box.width())
           && std::isfinite(box.height());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Fuzzing::quietQtMessages();
    // YOLO names its classes in a file beside the labels.
    QFile names(QDir(Fuzzing::scratchFolder()).filePath(QStringLiteral("classes.txt")));
    if (names.open(QIODevice::WriteOnly))
        names.write("car\nperson\ncyclist\n");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = Fuzzing::writeInput(QStringLiteral(BOUCLE_FUZZ_NAME), data, size);
    AnnotationReadOptions options;
    options.imagesFolder = Fuzzing::scratchFolder();
    // No image is decoded: every image is 640×480 as displayed.
    options.imageSize = [](const QString &, QString *) {
        return QSize(640, 480);
    };
    const AnnotationReadResult result
            = AnnotationReaders::read(InteropFormat::BOUCLE_FUZZ_FORMAT, path, options);
    if (!result.isValid()) {
        if (result.problems.isEmpty() && !result.cancelled)
            fail("a refused file lists no problem");
        return 0;
    }
    for (const AnnotatedImage &image : result.set.images) {
        if (image.labelScore && !(*image.labelScore >= 0.0 && *image.labelScore <= 1.0))
            fail("an image's score is outside [0, 1]");
        for (const Annotation &object : image.objects) {
            if (!finite(object.box) || !std::isfinite(object.rotation))
                fail("an accepted object has a coordinate that is not finite");
            if (object.score && !(*object.score >= 0.0 && *object.score <= 1.0))
                fail("an accepted object's score is outside [0, 1]");
            for (const QPolygonF &polygon : object.polygons)
                for (const QPointF &point : polygon)
                    if (!std::isfinite(point.x()) || !std::isfinite(point.y()))
                        fail("an accepted polygon has a point that is not finite");
        }
    }
    return 0;
}
