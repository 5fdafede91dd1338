// ObjectReview: how the per-object decisions on an image or a document (a box, a polygon, a mask,
// a span in a text) are kept in a label revision's `objects` array, and read back.
//
// The array holds one entry per decided object: first the prediction's objects in their order,
// then the objects the reviewer added, in the order they were added. An entry is the object as
// the reviewer settled it, in the prediction log's own shape ({label, score, bbox | polygon |
// mask + bbox | span, text, page}), plus
//   "object":   its index in the prediction's objects (a predicted object), or
//   "added":    its number among the objects the reviewer added (1, 2, ...; a missed object),
//   "decision": "approve", "override", "relabel", "remove" (a false positive: the entry keeps
//               the object as predicted) or "add",
// and, when the reviewer changed it, what the model had said ("predicted_label",
// "predicted_text", "predicted_bbox", "predicted_polygon", "predicted_mask", "predicted_span").
// Objects nobody decided are not in it: an export holds what a person checked, never an
// unchecked prediction.
//
// Pure functions; any thread.
#pragma once

#include "records/projectrecords.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace Boucle {

// Where one object stands in review.
enum class ObjectDecision { Undecided, Approved, Corrected, Relabelled, Removed, Added };

// One object of a sample as review left it.
struct ReviewedObject
{
    int index = -1; // in the prediction's objects; -1 for an added object
    int added = 0;  // the number of an added object; 0 for a predicted one
    ObjectDecision decision = ObjectDecision::Undecided;
    PredictedObject predicted; // as the model gave it (empty for an added object)
    PredictedObject object;    // as the reviewer settled it (the prediction while undecided)

    bool isDecided() const { return decision != ObjectDecision::Undecided; }
    // True for what a person confirmed is there: approved, corrected, relabelled or added.
    bool isGroundTruth() const
    {
        return decision != ObjectDecision::Undecided && decision != ObjectDecision::Removed;
    }
};

} // namespace Boucle

namespace Boucle::ObjectReview {

// The decision's name in an entry ("approve", "override", "relabel", "remove", "add"), and back.
QString decisionName(ObjectDecision decision);
ObjectDecision decisionFromName(const QString &name);

// The entry for `corrected`, decided with `action`, for object `index` whose prediction was
// `predicted`.
QJsonObject entry(int index, ReviewAction action, const PredictedObject &predicted,
                  const PredictedObject &corrected);

// The entry removing predicted object `index` as a false positive.
QJsonObject removalEntry(int index, const PredictedObject &predicted);
// The entry for a missed object the reviewer added as number `added`.
QJsonObject additionEntry(int added, const PredictedObject &object);

// `objects` with `decided` in place of any earlier entry for the same object.
QJsonArray withEntry(const QJsonArray &objects, const QJsonObject &decided);
// `objects` without the entry of added object `added`.
QJsonArray withoutAdded(const QJsonArray &objects, int added);

// The index an entry is about; -1 when it names none (an added object, or objects written by
// something else).
int indexOf(const QJsonObject &entry);
// The number of an added object's entry; 0 for any other entry.
int addedOf(const QJsonObject &entry);
// The number the next added object takes.
int nextAdded(const QJsonArray &objects);

// Every predicted object (decided or not) and every added one, as review left them.
QList<ReviewedObject> reviewed(const QList<PredictedObject> &predicted, const QJsonArray &objects);

// The prediction's objects with the reviewer's corrections applied: what the document shows.
QList<PredictedObject> corrected(const QList<PredictedObject> &predicted,
                                 const QJsonArray &objects);

// The decision on each object decided so far, by index.
QHash<int, ReviewAction> decisions(const QJsonArray &objects);

// True when the two objects differ in what a reviewer can correct (label, text, geometry).
bool differs(const PredictedObject &a, const PredictedObject &b);

// A sentence for the label revision and the version diff, saying what changed from `before` (the
// object as it stood before this step) to `after`, e.g.
// "box 3 (invoice_total): text '31O.25' corrected to '310.25'" or
// "box 4 (pedestrian): moved 12 px right, widened 8 px".
QString describe(int index, ReviewAction action, const PredictedObject &before,
                 const PredictedObject &after);
// "false positive removed: car 0.41" (object `index` of the prediction).
QString describeRemoval(int index, const PredictedObject &predicted);
// "missed object added: cyclist", or for a later edit of it, what changed.
QString describeAddition(int added, const PredictedObject &object);
QString describeAddedEdit(int added, const PredictedObject &before, const PredictedObject &after);
QString describeAddedDeletion(int added, const PredictedObject &object);
// What changed in the per-object decisions from one version of a sample's objects to another,
// one sentence per object ("box 4 (pedestrian): moved 12 px right", "false positive removed:
// car 0.41 (box 2)", "missed object added: cyclist (box +1)"); empty when no entry changed.
// Arrays without review entries (imported ground truth) give "N objects before, M after".
QStringList versionChanges(const QJsonArray &before, const QJsonArray &after);

// The geometry change alone ("moved 12 px right, widened 8 px"); empty when there is none.
QString geometryChange(const PredictedObject &before, const PredictedObject &after);

} // namespace Boucle::ObjectReview
