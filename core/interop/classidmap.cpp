#include "classidmap.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Boucle::ClassIdMap {

namespace {

// COCO and COCO results share one numbering: results name the ground truth's categories.
QString settingKey(InteropFormat format)
{
    return format == InteropFormat::Yolo ? QStringLiteral("interop.class_ids.yolo")
                                         : QStringLiteral("interop.class_ids.coco");
}

int firstId(InteropFormat format)
{
    return format == InteropFormat::Yolo ? 0 : 1;
}

} // namespace

bool numbersClasses(InteropFormat format)
{
    return format == InteropFormat::Coco || format == InteropFormat::CocoResults
           || format == InteropFormat::Yolo;
}

QHash<QString, int> load(const ProjectStore &store, InteropFormat format)
{
    QHash<QString, int> ids;
    if (!numbersClasses(format))
        return ids;
    const QJsonObject object
            = QJsonDocument::fromJson(store.setting(settingKey(format)).toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        if (it.value().isDouble())
            ids.insert(it.key(), it.value().toInt());
    return ids;
}

StoreError record(ProjectStore &store, InteropFormat format, const QList<AnnotationClass> &classes)
{
    if (!numbersClasses(format))
        return {};
    QHash<QString, int> ids = load(store, format);
    QSet<int> taken;
    for (const int id : std::as_const(ids))
        taken.insert(id);
    bool changed = false;
    for (const auto &entry : classes) {
        if (entry.id < 0 || ids.contains(entry.name) || taken.contains(entry.id))
            continue;
        ids.insert(entry.name, entry.id);
        taken.insert(entry.id);
        changed = true;
    }
    if (!changed)
        return {};
    QJsonObject object;
    for (auto it = ids.cbegin(); it != ids.cend(); ++it)
        object.insert(it.key(), it.value());
    return store.setSetting(settingKey(format), QString::fromUtf8(QJsonDocument(object).toJson(
                                                        QJsonDocument::Compact)));
}

QList<AnnotationClass> forExport(const ProjectStore &store, InteropFormat format)
{
    const QHash<QString, int> ids = load(store, format);
    int next = firstId(format);
    for (const int id : ids)
        next = std::max(next, id + 1);
    QList<AnnotationClass> classes;
    for (const auto &record : store.classes(true)) {
        AnnotationClass entry;
        entry.name = record.name;
        if (numbersClasses(format))
            entry.id = ids.value(record.name, -1) >= 0 ? ids.value(record.name) : next++;
        classes.append(entry);
    }
    // YOLO numbers classes 0..n-1 with no gap: a name list fills each index.
    std::stable_sort(
            classes.begin(), classes.end(),
            [](const AnnotationClass &a, const AnnotationClass &b) { return a.id < b.id; });
    return classes;
}

} // namespace Boucle::ClassIdMap
