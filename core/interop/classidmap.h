// ClassIdMap: the numbers COCO and YOLO give classes, kept in the project so that they stay the
// same across imports, versions and exports. A training script that hard-codes "category 3 is
// car" keeps working: an import records the ids its file used for classes not yet numbered,
// and an export numbers every class from the record, giving classes never numbered the next free
// ids in the project's class order. Formats that name classes (VOC, CVAT, Label Studio, labelme)
// need no map. Kept as the project setting "interop.class_ids.<format>" (a JSON object of
// name → id). Same thread as the store.
#pragma once

#include "annotationset.h"
#include "interopformat.h"
#include "store/projectstore.h"

#include <QHash>

namespace Boucle::ClassIdMap {

// Whether `format` numbers its classes (COCO, COCO results, YOLO).
bool numbersClasses(InteropFormat format);

QHash<QString, int> load(const ProjectStore &store, InteropFormat format);

// Records the ids of `classes` (id >= 0) for names not numbered yet whose id is free.
StoreError record(ProjectStore &store, InteropFormat format, const QList<AnnotationClass> &classes);

// Every class of the project (retired ones too, so ids never shift), in the project's order,
// with the id an export uses.
QList<AnnotationClass> forExport(const ProjectStore &store, InteropFormat format);

} // namespace Boucle::ClassIdMap
