// The ids of a project's rows: the store's row ids, 0 meaning "not stored yet". Plain integers,
// so that any part (imaging, documents, triggers) can name a row without the store.
#pragma once

#include <QtGlobal>

namespace Boucle {

using SampleId = qint64;
using ModelId = qint64;
using PredictionId = qint64;
using BatchId = qint64;
using BatchItemId = qint64;
using ReviewId = qint64;
using RevisionId = qint64;

} // namespace Boucle
