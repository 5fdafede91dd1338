#include "documentpredictionlog.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>

namespace Boucle {

namespace {

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

QJsonObject objectJson(const PredictedObject &object)
{
    QJsonObject json;
    json.insert(QStringLiteral("label"), object.label);
    json.insert(QStringLiteral("score"), rounded(object.score, 4));
    switch (object.shape) {
    case PredictedObject::Shape::Box:
        json.insert(QStringLiteral("bbox"),
                    QJsonArray {rounded(object.box.x(), 2), rounded(object.box.y(), 2),
                                rounded(object.box.width(), 2), rounded(object.box.height(), 2)});
        break;
    case PredictedObject::Shape::Polygon: {
        QJsonArray points;
        for (const QPointF &point : object.polygon)
            points.append(QJsonArray {rounded(point.x(), 2), rounded(point.y(), 2)});
        json.insert(QStringLiteral("polygon"), points);
        break;
    }
    case PredictedObject::Shape::Span:
        json.insert(QStringLiteral("span"), QJsonArray {object.spanStart, object.spanEnd});
        break;
    case PredictedObject::Shape::Mask:
        break; // text recognisers give boxes and polygons, never masks
    }
    if (!object.text.isEmpty())
        json.insert(QStringLiteral("text"), object.text);
    json.insert(QStringLiteral("page"), object.page);
    return json;
}

} // namespace

QJsonObject DocumentPredictionLog::toJson(const DocumentPrediction &prediction)
{
    QJsonObject json = prediction.extra;
    json.insert(QStringLiteral("sample"), prediction.sample);
    json.insert(QStringLiteral("model"), prediction.model);
    if (!prediction.label.isEmpty())
        json.insert(QStringLiteral("label"), prediction.label);
    double confidence = prediction.confidence;
    if (confidence < 0) {
        double sum = 0;
        for (const auto &object : prediction.objects)
            sum += object.score;
        confidence = prediction.objects.isEmpty() ? 0.0 : sum / prediction.objects.size();
    }
    json.insert(QStringLiteral("confidence"), rounded(confidence, 4));
    QJsonArray objects;
    for (const auto &object : prediction.objects)
        objects.append(objectJson(object));
    json.insert(QStringLiteral("objects"), objects);
    return json;
}

QByteArray DocumentPredictionLog::toLine(const DocumentPrediction &prediction)
{
    return QJsonDocument(toJson(prediction)).toJson(QJsonDocument::Compact) + '\n';
}

DocumentError DocumentPredictionLog::write(const QString &path,
                                           const QList<DocumentPrediction> &predictions)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return DocumentError::make(DocumentError::Code::NotFound, path,
                                   tr("the log cannot be written (%1)").arg(file.errorString()));
    for (const auto &prediction : predictions)
        file.write(toLine(prediction));
    if (!file.commit())
        return DocumentError::make(DocumentError::Code::NotFound, path,
                                   tr("the log cannot be written (%1)").arg(file.errorString()));
    return {};
}

QString DocumentPredictionLog::samplePath(const QString &logFolder, const QString &file)
{
    const QString relative = QDir(QFileInfo(logFolder).absoluteFilePath())
                                     .relativeFilePath(QFileInfo(file).absoluteFilePath());
    if (relative.startsWith(QLatin1String("../")) || relative == QLatin1String("..")
        || QDir::isAbsolutePath(relative))
        return {};
    return QDir::fromNativeSeparators(relative);
}

} // namespace Boucle
