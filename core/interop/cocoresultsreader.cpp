#include "annotationreader.h"

namespace Boucle::AnnotationReaders {

AnnotationReadResult readCocoResults(const QString &path, const AnnotationReadOptions &)
{
    AnnotationReadResult result;
    result.addProblem({path, 0, {}, QStringLiteral("not readable yet")});
    return result;
}

} // namespace Boucle::AnnotationReaders
