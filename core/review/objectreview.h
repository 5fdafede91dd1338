// ObjectReview: how the per-object decisions on a document (a box on a page, a span in a text)
// are kept in a label revision's `objects` array, and read back.
//
// The array holds one entry per decided object, in the order of the prediction's objects. An entry
// is the object as the reviewer settled it, in the prediction log's own shape ({label, score,
// bbox | polygon | span, text, page}), plus
//   "object":   its index in the prediction's objects,
//   "decision": "approve", "override" or "relabel",
// and, when the reviewer changed it, what the model had said ("predicted_label",
// "predicted_text", "predicted_bbox", "predicted_span"). Objects nobody decided are not in it: an
// export holds what a person checked, never an unchecked prediction.
//
// Pure functions; any thread.
#pragma once

#include "store/storerecords.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace Boucle::ObjectReview {

// The entry for `corrected`, decided with `action`, for object `index` whose prediction was
// `predicted`.
QJsonObject entry(int index, ReviewAction action, const PredictedObject &predicted,
                  const PredictedObject &corrected);

// `objects` with `decided` in place of any earlier entry for the same object.
QJsonArray withEntry(const QJsonArray &objects, const QJsonObject &decided);

// The index an entry is about; -1 when it names none (objects written by something else).
int indexOf(const QJsonObject &entry);

// The prediction's objects with the reviewer's corrections applied: what the document shows.
QList<PredictedObject> corrected(const QList<PredictedObject> &predicted,
                                 const QJsonArray &objects);

// The decision on each object decided so far, by index.
QHash<int, ReviewAction> decisions(const QJsonArray &objects);

// True when the two objects differ in what a reviewer can correct (label, text, box, extent).
bool differs(const PredictedObject &a, const PredictedObject &b);

// A sentence for the label revision and the version diff, e.g.
// "box 3 (invoice_total): text '31O.25' corrected to '310.25'".
QString describe(int index, ReviewAction action, const PredictedObject &predicted,
                 const PredictedObject &corrected);

} // namespace Boucle::ObjectReview
