#include "objectreview.h"

#include "store/recordcodec.h"

#include <QCoreApplication>

#include <algorithm>

namespace Boucle::ObjectReview {

namespace {

const QString objectKey = QStringLiteral("object");
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
    }
    return QCoreApplication::translate("Boucle::ReviewSession", "object");
}

QJsonArray boxJson(const QRectF &box)
{
    return {box.x(), box.y(), box.width(), box.height()};
}

QString boxText(const QRectF &box)
{
    return QStringLiteral("%1,%2 %3×%4")
            .arg(box.x(), 0, 'f', 0)
            .arg(box.y(), 0, 'f', 0)
            .arg(box.width(), 0, 'f', 0)
            .arg(box.height(), 0, 'f', 0);
}

} // namespace

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
    if (corrected.shape == PredictedObject::Shape::Box && corrected.box != predicted.box)
        json.insert(QStringLiteral("predicted_bbox"), boxJson(predicted.box));
    if (corrected.shape == PredictedObject::Shape::Span
        && (corrected.spanStart != predicted.spanStart || corrected.spanEnd != predicted.spanEnd))
        json.insert(QStringLiteral("predicted_span"),
                    QJsonArray {predicted.spanStart, predicted.spanEnd});
    return json;
}

int indexOf(const QJsonObject &entry)
{
    const QJsonValue value = entry.value(objectKey);
    return value.isDouble() ? value.toInt(-1) : -1;
}

QJsonArray withEntry(const QJsonArray &objects, const QJsonObject &decided)
{
    const int index = indexOf(decided);
    QJsonArray result;
    bool placed = false;
    for (const auto &value : objects) {
        const QJsonObject existing = value.toObject();
        const int existingIndex = indexOf(existing);
        if (existingIndex == index)
            continue; // replaced below, in order
        if (!placed && existingIndex > index) {
            result.append(decided);
            placed = true;
        }
        result.append(existing);
    }
    if (!placed)
        result.append(decided);
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
        const auto action = reviewActionFromName(json.value(decisionKey).toString());
        if (index >= 0 && action)
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
    case PredictedObject::Shape::Span:
        return a.spanStart != b.spanStart || a.spanEnd != b.spanEnd;
    }
    return false;
}

QString describe(int index, ReviewAction action, const PredictedObject &predicted,
                 const PredictedObject &corrected)
{
    const QString what = QStringLiteral("%1 %2 (%3)")
                                 .arg(shapeName(predicted))
                                 .arg(index + 1)
                                 .arg(predicted.label.isEmpty() ? QCoreApplication::translate(
                                              "Boucle::ReviewSession", "no label")
                                                                : predicted.label);
    QStringList changes;
    if (corrected.label != predicted.label)
        changes.append(
                QCoreApplication::translate("Boucle::ReviewSession", "label '%1' changed to '%2'")
                        .arg(predicted.label, corrected.label));
    if (corrected.text != predicted.text)
        changes.append(
                QCoreApplication::translate("Boucle::ReviewSession", "text '%1' corrected to '%2'")
                        .arg(predicted.text, corrected.text));
    if (corrected.shape == PredictedObject::Shape::Box && corrected.box != predicted.box)
        changes.append(QCoreApplication::translate("Boucle::ReviewSession", "box %1 moved to %2")
                               .arg(boxText(predicted.box), boxText(corrected.box)));
    if (corrected.shape == PredictedObject::Shape::Span
        && (corrected.spanStart != predicted.spanStart || corrected.spanEnd != predicted.spanEnd))
        changes.append(QCoreApplication::translate("Boucle::ReviewSession",
                                                   "extent %1–%2 changed to %3–%4")
                               .arg(predicted.spanStart)
                               .arg(predicted.spanEnd)
                               .arg(corrected.spanStart)
                               .arg(corrected.spanEnd));
    if (changes.isEmpty())
        return QCoreApplication::translate("Boucle::ReviewSession", "%1: %2")
                .arg(what, reviewActionName(action));
    return QCoreApplication::translate("Boucle::ReviewSession", "%1: %2")
            .arg(what, changes.join(QStringLiteral("; ")));
}

} // namespace Boucle::ObjectReview
