#include "annotationwriter.h"

namespace Boucle::AnnotationWriters {

AnnotationWriteResult writeVoc(const AnnotationSet &, const QString &,
                               const AnnotationWriteOptions &)
{
    AnnotationWriteResult result;
    result.error = QStringLiteral("not writable yet");
    return result;
}

} // namespace Boucle::AnnotationWriters
