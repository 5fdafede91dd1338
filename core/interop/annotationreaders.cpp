#include "annotationreader.h"

#include <QCoreApplication>
#include <QDir>

namespace Boucle {

void AnnotationReadResult::addProblem(LogProblem problem, int listed)
{
    ++problemCount;
    if (problems.size() < listed)
        problems.append(std::move(problem));
}

namespace AnnotationReaders {

AnnotationReadResult read(InteropFormat format, const QString &path,
                          const AnnotationReadOptions &options)
{
    switch (format) {
    case InteropFormat::Coco:
        return readCoco(path, options);
    case InteropFormat::CocoResults:
        return readCocoResults(path, options);
    case InteropFormat::Yolo:
        return readYolo(path, options);
    case InteropFormat::Voc:
        return readVoc(path, options);
    case InteropFormat::LabelStudio:
        return readLabelStudio(path, options);
    case InteropFormat::Labelme:
        return readLabelme(path, options);
    case InteropFormat::Cvat:
        return readCvat(path, options);
    case InteropFormat::Native:
    case InteropFormat::ImageFolder:
        break;
    }
    AnnotationReadResult result;
    result.addProblem({QDir::toNativeSeparators(path),
                       0,
                       {},
                       QCoreApplication::translate("Boucle::AnnotationReaders",
                                                   "the %1 format is not read as annotations")
                               .arg(InteropFormats::displayName(format))});
    return result;
}

} // namespace AnnotationReaders
} // namespace Boucle
