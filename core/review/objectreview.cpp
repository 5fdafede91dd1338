#include "objectreview.h"

#include "store/recordcodec.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace Boucle::ObjectReview {

namespace {

const QString objectKey = QStringLiteral("object");
const QString addedKey = QStringLiteral("added");
const QString decisionKey = QStringLiteral("decision");

QString shapeName(const PredictedObject &object)
{
    switch (object.shape) {
    case PredictedObject::Shape::Box:
        return QCoreApplication::translate("Boucle::ReviewSession", "box");
    case PredictedObject::Shape::Polygon:
        return QCoreApplication::translate("Boucle::ReviewSession", "polygon");
    case PredictedObject::Shape::Span:
        return QCoreApplication::translate("Boucle::ReviewSession", "span");
    case PredictedObject::Shape::Mask:
        return QCoreApplication::translate("Boucle::ReviewSession", "mask");
    }
    return QCoreApplication::translate("Boucle::ReviewSession", "object");
}

QString labelOf(const PredictedObject &object)
{
    return object.label.isEmpty() ? QCoreApplication::translate("Boucle::ReviewSession", "no label")
                                  : object.label;
}

QString whatOf(const PredictedObject &object, int number)
{
    return QStringLiteral("%1 %2 (%3)").arg(shapeName(object)).arg(number).arg(labelOf(object));
}

QJsonArray boxJson(const QRectF &box)
{
    return {box.x(), box.y(), box.width(), box.height()};
}

QJsonArray polygonJson(const QPolygonF &polygon)
{
    QJsonArray points;
    for (const QPointF &point : polygon)
        points.append(QJsonArray {point.x(), point.y()});
    return points;
}

QJsonObject maskJson(const RleMask &mask)
{
    QJsonArray counts;
    for (const quint32 run : mask.counts)
        counts.append(qint64(run));
    return {{QStringLiteral("size"), QJsonArray {mask.height, mask.width}},
            {QStringLiteral("counts"), counts}};
}

// A length in pixels as a reviewer reads it: whole pixels when whole, else one decimal.
QString pixels(double value)
{
    const double magnitude = std::abs(value);
    if (std::abs(magnitude - std::round(magnitude)) < 0.05)
        return QString::number(qint64(std::round(magnitude)));
    return QString::number(magnitude, 'f', 1);
}

bool noticeable(double delta)
{
    return std::abs(delta) >= 0.05;
}

// "moved 12 px right, 3 px up" for a shift of the whole shape.
void describeShift(QStringList &changes, double dx, double dy)
{
    QStringList parts;
    if (noticeable(dx))
        parts.append((dx > 0 ? QCoreApplication::translate("Boucle::ReviewSession", "%1 px right")
                             : QCoreApplication::translate("Boucle::ReviewSession", "%1 px left"))
                             .arg(pixels(dx)));
    if (noticeable(dy))
        parts.append((dy > 0 ? QCoreApplication::translate("Boucle::ReviewSession", "%1 px down")
                             : QCoreApplication::translate("Boucle::ReviewSession", "%1 px up"))
                             .arg(pixels(dy)));
    if (!parts.isEmpty())
        changes.append(QCoreApplication::translate("Boucle::ReviewSession", "moved %1")
                               .arg(parts.join(QStringLiteral(", "))));
}

void describeBox(QStringList &changes, const QRectF &before, const QRectF &after)
{
    const double dw = after.width() - before.width();
    const double dh = after.height() - before.height();
    // A box resized by dragging one edge did not move: "widened 8 px" alone. When both edges
    // moved, the shift is the left (top) edge's.
    double dx = after.left() - before.left();
    double dy = after.top() - before.top();
    if (noticeable(dw) && !noticeable(after.right() - before.right()))
        dx = 0;
    if (noticeable(dh) && !noticeable(after.bottom() - before.bottom()))
        dy = 0;
    describeShift(changes, dx, dy);
    if (noticeable(dw))
        changes.append(
                (dw > 0 ? QCoreApplication::translate("Boucle::ReviewSession", "widened %1 px")
                        : QCoreApplication::translate("Boucle::ReviewSession", "narrowed %1 px"))
                        .arg(pixels(dw)));
    if (noticeable(dh))
        changes.append(
                (dh > 0 ? QCoreApplication::translate("Boucle::ReviewSession", "made %1 px taller")
                        : QCoreApplication::translate("Boucle::ReviewSession",
                                                      "made %1 px shorter"))
                        .arg(pixels(dh)));
}

void describePolygon(QStringList &changes, const QPolygonF &before, const QPolygonF &after)
{
    if (after.size() > before.size()) {
        changes.append(QCoreApplication::translate("Boucle::ReviewSession", "%n vertex(es) added",
                                                   nullptr, int(after.size() - before.size())));
        return;
    }
    if (after.size() < before.size()) {
        changes.append(QCoreApplication::translate("Boucle::ReviewSession", "%n vertex(es) removed",
                                                   nullptr, int(before.size() - after.size())));
        return;
    }
    QList<int> movedVertices;
    for (qsizetype i = 0; i < before.size(); ++i) {
        const QPointF delta = after.at(i) - before.at(i);
        if (noticeable(delta.x()) || noticeable(delta.y()))
            movedVertices.append(int(i));
    }
    if (movedVertices.isEmpty())
        return;
    if (movedVertices.size() == before.size()) {
        const QPointF delta = after.at(0) - before.at(0);
        bool rigid = true;
        for (qsizetype i = 1; i < before.size() && rigid; ++i) {
            const QPointF other = after.at(i) - before.at(i);
            rigid = !noticeable(other.x() - delta.x()) && !noticeable(other.y() - delta.y());
        }
        if (rigid) {
            describeShift(changes, delta.x(), delta.y());
            return;
        }
    }
    if (movedVertices.size() == 1) {
        const int vertex = movedVertices.first();
        const QPointF delta = after.at(vertex) - before.at(vertex);
        const double distance = std::hypot(delta.x(), delta.y());
        changes.append(QCoreApplication::translate("Boucle::ReviewSession", "vertex %1 moved %2 px")
                               .arg(vertex + 1)
                               .arg(pixels(distance)));
        return;
    }
    changes.append(QCoreApplication::translate("Boucle::ReviewSession", "%n vertex(es) moved",
                                               nullptr, int(movedVertices.size())));
}

void describeMask(QStringList &changes, const RleMask &before, const RleMask &after)
{
    if (before == after)
        return;
    const QRect extent = before.bounds().toAlignedRect().united(after.bounds().toAlignedRect());
    const QImage a = before.toLocal(extent);
    const QImage b = after.toLocal(extent);
    qint64 painted = 0, erased = 0;
    for (int y = 0; y < extent.height(); ++y) {
        const uchar *was = a.constScanLine(y);
        const uchar *now = b.constScanLine(y);
        for (int x = 0; x < extent.width(); ++x) {
            painted += (!was[x] && now[x]) ? 1 : 0;
            erased += (was[x] && !now[x]) ? 1 : 0;
        }
    }
    if (painted > 0)
        changes.append(QCoreApplication::translate("Boucle::ReviewSession", "%n px painted",
                                                   nullptr, int(painted)));
    if (erased > 0)
        changes.append(QCoreApplication::translate("Boucle::ReviewSession", "%n px erased", nullptr,
                                                   int(erased)));
}

QString scoreText(double score)
{
    return QString::number(score, 'f', 2);
}

} // namespace

QString decisionName(ObjectDecision decision)
{
    switch (decision) {
    case ObjectDecision::Approved:
        return QStringLiteral("approve");
    case ObjectDecision::Corrected:
        return QStringLiteral("override");
    case ObjectDecision::Relabelled:
        return QStringLiteral("relabel");
    case ObjectDecision::Removed:
        return QStringLiteral("remove");
    case ObjectDecision::Added:
        return QStringLiteral("add");
    case ObjectDecision::Undecided:
        break;
    }
    return {};
}

ObjectDecision decisionFromName(const QString &name)
{
    for (const ObjectDecision decision :
         {ObjectDecision::Approved, ObjectDecision::Corrected, ObjectDecision::Relabelled,
          ObjectDecision::Removed, ObjectDecision::Added}) {
        if (name == decisionName(decision))
            return decision;
    }
    return ObjectDecision::Undecided;
}

QJsonObject entry(int index, ReviewAction action, const PredictedObject &predicted,
                  const PredictedObject &corrected)
{
    QJsonObject json = RecordCodec::objectsToJson({corrected}).first().toObject();
    json.insert(objectKey, index);
    json.insert(decisionKey, reviewActionName(action));
    if (corrected.label != predicted.label)
        json.insert(QStringLiteral("predicted_label"), predicted.label);
    if (corrected.text != predicted.text)
        json.insert(QStringLiteral("predicted_text"), predicted.text);
    switch (corrected.shape) {
    case PredictedObject::Shape::Box:
        if (corrected.box != predicted.box)
            json.insert(QStringLiteral("predicted_bbox"), boxJson(predicted.box));
        break;
    case PredictedObject::Shape::Polygon:
        if (corrected.polygon != predicted.polygon)
            json.insert(QStringLiteral("predicted_polygon"), polygonJson(predicted.polygon));
        break;
    case PredictedObject::Shape::Mask:
        if (corrected.mask != predicted.mask) {
            json.insert(QStringLiteral("predicted_mask"), maskJson(predicted.mask));
            json.insert(QStringLiteral("predicted_bbox"), boxJson(predicted.box));
        }
        break;
    case PredictedObject::Shape::Span:
        if (corrected.spanStart != predicted.spanStart || corrected.spanEnd != predicted.spanEnd)
            json.insert(QStringLiteral("predicted_span"),
                        QJsonArray {predicted.spanStart, predicted.spanEnd});
        break;
    }
    return json;
}

QJsonObject removalEntry(int index, const PredictedObject &predicted)
{
    QJsonObject json = RecordCodec::objectsToJson({predicted}).first().toObject();
    json.insert(objectKey, index);
    json.insert(decisionKey, decisionName(ObjectDecision::Removed));
    return json;
}

QJsonObject additionEntry(int added, const PredictedObject &object)
{
    QJsonObject json = RecordCodec::objectsToJson({object}).first().toObject();
    json.remove(QStringLiteral("score")); // a person drew it: it has no model score
    json.insert(addedKey, added);
    json.insert(decisionKey, decisionName(ObjectDecision::Added));
    return json;
}

int indexOf(const QJsonObject &entry)
{
    const QJsonValue value = entry.value(objectKey);
    return value.isDouble() ? value.toInt(-1) : -1;
}

int addedOf(const QJsonObject &entry)
{
    const QJsonValue value = entry.value(addedKey);
    return value.isDouble() ? std::max(0, value.toInt(0)) : 0;
}

int nextAdded(const QJsonArray &objects)
{
    int last = 0;
    for (const auto &value : objects)
        last = std::max(last, addedOf(value.toObject()));
    return last + 1;
}

namespace {

// Predicted objects by index, then added ones by number; entries of neither kind go last.
qint64 orderOf(const QJsonObject &entry)
{
    const int index = indexOf(entry);
    if (index >= 0)
        return index;
    const int added = addedOf(entry);
    if (added > 0)
        return (qint64(1) << 32) + added;
    return qint64(1) << 40;
}

bool sameObject(const QJsonObject &a, const QJsonObject &b)
{
    const int index = indexOf(a);
    if (index >= 0)
        return index == indexOf(b);
    const int added = addedOf(a);
    return added > 0 && added == addedOf(b);
}

} // namespace

QJsonArray withEntry(const QJsonArray &objects, const QJsonObject &decided)
{
    const qint64 order = orderOf(decided);
    QJsonArray result;
    bool placed = false;
    for (const auto &value : objects) {
        const QJsonObject existing = value.toObject();
        if (sameObject(existing, decided))
            continue; // replaced below, in order
        if (!placed && orderOf(existing) > order) {
            result.append(decided);
            placed = true;
        }
        result.append(existing);
    }
    if (!placed)
        result.append(decided);
    return result;
}

QJsonArray withoutAdded(const QJsonArray &objects, int added)
{
    QJsonArray result;
    for (const auto &value : objects) {
        if (addedOf(value.toObject()) != added)
            result.append(value);
    }
    return result;
}

QList<ReviewedObject> reviewed(const QList<PredictedObject> &predicted, const QJsonArray &objects)
{
    QList<ReviewedObject> result;
    result.reserve(predicted.size());
    for (qsizetype i = 0; i < predicted.size(); ++i) {
        ReviewedObject object;
        object.index = int(i);
        object.predicted = predicted.at(i);
        object.object = predicted.at(i);
        result.append(object);
    }
    QList<ReviewedObject> added;
    for (const auto &value : objects) {
        const QJsonObject json = value.toObject();
        const ObjectDecision decision = decisionFromName(json.value(decisionKey).toString());
        const int index = indexOf(json);
        if (index >= 0 && index < result.size() && decision != ObjectDecision::Added) {
            ReviewedObject &object = result[index];
            object.decision = decision;
            if (decision != ObjectDecision::Removed && decision != ObjectDecision::Undecided)
                object.object = RecordCodec::objectsFromJson(QJsonArray {json}).first();
            continue;
        }
        const int number = addedOf(json);
        if (number > 0 && decision == ObjectDecision::Added) {
            ReviewedObject object;
            object.added = number;
            object.decision = ObjectDecision::Added;
            object.object = RecordCodec::objectsFromJson(QJsonArray {json}).first();
            added.append(object);
        }
    }
    std::sort(added.begin(), added.end(),
              [](const ReviewedObject &a, const ReviewedObject &b) { return a.added < b.added; });
    result.append(added);
    return result;
}

QList<PredictedObject> corrected(const QList<PredictedObject> &predicted, const QJsonArray &objects)
{
    QList<PredictedObject> result = predicted;
    for (const auto &value : objects) {
        const QJsonObject json = value.toObject();
        const int index = indexOf(json);
        if (index < 0 || index >= result.size())
            continue;
        if (decisionFromName(json.value(decisionKey).toString()) == ObjectDecision::Removed)
            continue; // shown where the model put it, marked removed
        result[index] = RecordCodec::objectsFromJson(QJsonArray {json}).first();
    }
    return result;
}

QHash<int, ReviewAction> decisions(const QJsonArray &objects)
{
    QHash<int, ReviewAction> result;
    for (const auto &value : objects) {
        const QJsonObject json = value.toObject();
        const int index = indexOf(json);
        if (index < 0)
            continue;
        const QString name = json.value(decisionKey).toString();
        // Removing a false positive corrects the prediction.
        const auto action = name == decisionName(ObjectDecision::Removed)
                                    ? std::optional<ReviewAction>(ReviewAction::Override)
                                    : reviewActionFromName(name);
        if (action)
            result.insert(index, *action);
    }
    return result;
}

bool differs(const PredictedObject &a, const PredictedObject &b)
{
    if (a.label != b.label || a.text != b.text || a.shape != b.shape || a.page != b.page)
        return true;
    switch (a.shape) {
    case PredictedObject::Shape::Box:
        return a.box != b.box;
    case PredictedObject::Shape::Polygon:
        return a.polygon != b.polygon;
    case PredictedObject::Shape::Mask:
        return a.mask != b.mask;
    case PredictedObject::Shape::Span:
        return a.spanStart != b.spanStart || a.spanEnd != b.spanEnd;
    }
    return false;
}

QString geometryChange(const PredictedObject &before, const PredictedObject &after)
{
    QStringList changes;
    switch (after.shape) {
    case PredictedObject::Shape::Box:
        describeBox(changes, before.box, after.box);
        break;
    case PredictedObject::Shape::Polygon:
        describePolygon(changes, before.polygon, after.polygon);
        break;
    case PredictedObject::Shape::Mask:
        describeMask(changes, before.mask, after.mask);
        break;
    case PredictedObject::Shape::Span:
        if (after.spanStart != before.spanStart || after.spanEnd != before.spanEnd)
            changes.append(QCoreApplication::translate("Boucle::ReviewSession",
                                                       "extent %1–%2 changed to %3–%4")
                                   .arg(before.spanStart)
                                   .arg(before.spanEnd)
                                   .arg(after.spanStart)
                                   .arg(after.spanEnd));
        break;
    }
    return changes.join(QStringLiteral(", "));
}

namespace {

QString changesBetween(const PredictedObject &before, const PredictedObject &after)
{
    QStringList changes;
    if (after.label != before.label)
        changes.append(
                QCoreApplication::translate("Boucle::ReviewSession", "label '%1' changed to '%2'")
                        .arg(before.label, after.label));
    if (after.text != before.text)
        changes.append(
                QCoreApplication::translate("Boucle::ReviewSession", "text '%1' corrected to '%2'")
                        .arg(before.text, after.text));
    const QString geometry = geometryChange(before, after);
    if (!geometry.isEmpty())
        changes.append(geometry);
    return changes.join(QStringLiteral("; "));
}

} // namespace

QString describe(int index, ReviewAction action, const PredictedObject &before,
                 const PredictedObject &after)
{
    const QString what = whatOf(before, index + 1);
    const QString changes = changesBetween(before, after);
    if (changes.isEmpty())
        return QCoreApplication::translate("Boucle::ReviewSession", "%1: %2")
                .arg(what, reviewActionName(action));
    return QCoreApplication::translate("Boucle::ReviewSession", "%1: %2").arg(what, changes);
}

QString describeRemoval(int index, const PredictedObject &predicted)
{
    return QCoreApplication::translate("Boucle::ReviewSession",
                                       "false positive removed: %1 %2 (%3 %4)")
            .arg(labelOf(predicted), scoreText(predicted.score), shapeName(predicted))
            .arg(index + 1);
}

QString describeAddition(int added, const PredictedObject &object)
{
    return QCoreApplication::translate("Boucle::ReviewSession", "missed object added: %1 (%2 %3)")
            .arg(labelOf(object), shapeName(object),
                 QCoreApplication::translate("Boucle::ReviewSession", "+%1").arg(added));
}

QString describeAddedEdit(int added, const PredictedObject &before, const PredictedObject &after)
{
    const QString what = QCoreApplication::translate("Boucle::ReviewSession", "added %1 +%2 (%3)")
                                 .arg(shapeName(before))
                                 .arg(added)
                                 .arg(labelOf(before));
    return QCoreApplication::translate("Boucle::ReviewSession", "%1: %2")
            .arg(what, changesBetween(before, after));
}

QString describeAddedDeletion(int added, const PredictedObject &object)
{
    return QCoreApplication::translate("Boucle::ReviewSession", "added %1 +%2 (%3) deleted")
            .arg(shapeName(object))
            .arg(added)
            .arg(labelOf(object));
}

namespace {

// The object an entry holds, and what the model had said (from its predicted_* fields).
PredictedObject entryObject(const QJsonObject &entry)
{
    return RecordCodec::objectsFromJson(QJsonArray {entry}).first();
}

PredictedObject entryPrediction(const QJsonObject &entry)
{
    QJsonObject predicted = entry;
    for (const char *field : {"label", "text", "bbox", "polygon", "span"}) {
        const QString name = QLatin1String("predicted_") + QLatin1String(field);
        if (entry.contains(name))
            predicted.insert(QLatin1String(field), entry.value(name));
    }
    if (entry.contains(QStringLiteral("predicted_mask")))
        predicted.insert(QStringLiteral("mask"), entry.value(QStringLiteral("predicted_mask")));
    return entryObject(predicted);
}

QString entryKey(const QJsonObject &entry)
{
    const int index = indexOf(entry);
    if (index >= 0)
        return QStringLiteral("o%1").arg(index);
    const int added = addedOf(entry);
    return added > 0 ? QStringLiteral("a%1").arg(added) : QString();
}

QString sentenceFor(const QJsonObject &entry)
{
    const ObjectDecision decision = decisionFromName(entry.value(decisionKey).toString());
    const int index = indexOf(entry);
    switch (decision) {
    case ObjectDecision::Removed:
        return describeRemoval(index, entryObject(entry));
    case ObjectDecision::Added:
        return describeAddition(addedOf(entry), entryObject(entry));
    case ObjectDecision::Approved:
    case ObjectDecision::Corrected:
    case ObjectDecision::Relabelled: {
        const auto action = reviewActionFromName(entry.value(decisionKey).toString());
        return describe(index, action.value_or(ReviewAction::Override), entryPrediction(entry),
                        entryObject(entry));
    }
    case ObjectDecision::Undecided:
        break;
    }
    return {};
}

} // namespace

QStringList versionChanges(const QJsonArray &before, const QJsonArray &after)
{
    QHash<QString, QJsonObject> old;
    bool reviewed = false;
    for (const auto &value : before) {
        const QJsonObject entry = value.toObject();
        const QString key = entryKey(entry);
        reviewed = reviewed || !key.isEmpty();
        if (!key.isEmpty())
            old.insert(key, entry);
    }
    QStringList sentences;
    QSet<QString> seen;
    for (const auto &value : after) {
        const QJsonObject entry = value.toObject();
        const QString key = entryKey(entry);
        if (key.isEmpty())
            continue;
        reviewed = true;
        seen.insert(key);
        const auto was = old.constFind(key);
        if (was == old.cend()) {
            sentences.append(sentenceFor(entry));
            continue;
        }
        if (*was == entry)
            continue;
        const ObjectDecision oldDecision = decisionFromName(was->value(decisionKey).toString());
        const ObjectDecision newDecision = decisionFromName(entry.value(decisionKey).toString());
        if (oldDecision == newDecision && newDecision != ObjectDecision::Removed) {
            const PredictedObject a = entryObject(*was), b = entryObject(entry);
            sentences.append(newDecision == ObjectDecision::Added
                                     ? describeAddedEdit(addedOf(entry), a, b)
                                     : describe(indexOf(entry), ReviewAction::Override, a, b));
        } else {
            sentences.append(sentenceFor(entry));
        }
    }
    for (const auto &value : before) {
        const QJsonObject entry = value.toObject();
        const QString key = entryKey(entry);
        if (key.isEmpty() || seen.contains(key))
            continue;
        const int added = addedOf(entry);
        sentences.append(added > 0 ? describeAddedDeletion(added, entryObject(entry))
                                   : QCoreApplication::translate("Boucle::ReviewSession",
                                                                 "%1: decision withdrawn")
                                             .arg(whatOf(entryObject(entry), indexOf(entry) + 1)));
    }
    if (!reviewed && before != after)
        sentences.append(QCoreApplication::translate("Boucle::ReviewSession",
                                                     "%n object(s) before, %1 after", nullptr,
                                                     int(before.size()))
                                 .arg(after.size()));
    return sentences;
}

} // namespace Boucle::ObjectReview
