// PredictionLogLine: one line of a prediction log in the JSON Lines format of docs/formats.md, as
// the learning core produces it, and the writer of a whole log (first line {"classes": [...]}).
// Probabilities are arrays in class order, rounded to 4 decimals (so a row may sum to 1 +- 5e-4).
// A plain value; any thread.
#pragma once

#include <QList>
#include <QStringList>

#include <vector>

namespace Boucle {

struct PredictionLogLine
{
    struct Opinion
    {
        QString model;
        int label = -1;
        std::vector<float> probs;
    };

    QString sample; // relative to the log's folder
    QString model;  // name@version
    int label = -1; // class index
    float confidence = 0;
    std::vector<float> probs;
    QList<Opinion> committee;
    std::vector<float> embedding;
    QString heatmap; // relative path, empty when none
    int truth = -1;  // class index, -1 when unknown

    QByteArray toJson(const QStringList &classes) const;

    static QByteArray classesLine(const QStringList &classes);
    static bool writeLog(const QString &path, const QStringList &classes,
                         const QList<PredictionLogLine> &records, QString *error);
};

} // namespace Boucle
