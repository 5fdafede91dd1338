#include "predictionlogline.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>

namespace Boucle {

namespace {

QJsonArray rounded(const std::vector<float> &values)
{
    QJsonArray array;
    for (const float value : values)
        array.append(std::round(double(value) * 1e4) / 1e4);
    return array;
}

} // namespace

QByteArray PredictionLogLine::toJson(const QStringList &classes) const
{
    QJsonObject object;
    object.insert(QStringLiteral("sample"), sample);
    object.insert(QStringLiteral("model"), model);
    object.insert(QStringLiteral("label"), classes.value(label));
    object.insert(QStringLiteral("confidence"), std::round(double(confidence) * 1e4) / 1e4);
    object.insert(QStringLiteral("probs"), rounded(probs));
    if (!committee.isEmpty()) {
        QJsonArray opinions;
        for (const Opinion &opinion : committee) {
            QJsonObject member;
            member.insert(QStringLiteral("model"), opinion.model);
            member.insert(QStringLiteral("label"), classes.value(opinion.label));
            member.insert(QStringLiteral("probs"), rounded(opinion.probs));
            opinions.append(member);
        }
        object.insert(QStringLiteral("committee"), opinions);
    }
    if (!embedding.empty())
        object.insert(QStringLiteral("embedding"), rounded(embedding));
    if (!heatmap.isEmpty())
        object.insert(QStringLiteral("heatmap"), heatmap);
    if (truth >= 0)
        object.insert(QStringLiteral("truth"), classes.value(truth));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray PredictionLogLine::classesLine(const QStringList &classes)
{
    QJsonObject object;
    object.insert(QStringLiteral("classes"), QJsonArray::fromStringList(classes));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool PredictionLogLine::writeLog(const QString &path, const QStringList &classes,
                                 const QList<PredictionLogLine> &records, QString *error)
{
    QByteArray text = classesLine(classes) + '\n';
    for (const PredictionLogLine &record : records)
        text += record.toJson(classes) + '\n';
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("Boucle::PredictionLogLine", "cannot write %1: %2")
                             .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace Boucle
