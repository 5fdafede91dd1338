#include "annotationwriter.h"

#include <QCoreApplication>

namespace Boucle::AnnotationWriters {

AnnotationWriteResult write(InteropFormat format, const AnnotationSet &set, const QString &output,
                            const AnnotationWriteOptions &options)
{
    switch (format) {
    case InteropFormat::Coco:
        return writeCoco(set, output, options);
    case InteropFormat::CocoResults:
        return writeCocoResults(set, output, options);
    case InteropFormat::Yolo:
        return writeYolo(set, output, options);
    case InteropFormat::Voc:
        return writeVoc(set, output, options);
    case InteropFormat::LabelStudio:
        return writeLabelStudio(set, output, options);
    case InteropFormat::Labelme:
        return writeLabelme(set, output, options);
    case InteropFormat::Cvat:
        return writeCvat(set, output, options);
    case InteropFormat::ImageFolder:
        return writeImageFolder(set, output, options);
    case InteropFormat::Native:
        break;
    }
    AnnotationWriteResult result;
    result.error = QCoreApplication::translate("Boucle::AnnotationWriters",
                                               "the %1 format is not written from annotations")
                           .arg(InteropFormats::displayName(format));
    return result;
}

} // namespace Boucle::AnnotationWriters
