// Writes predictions on documents (OCR words, layout fields, text spans) as prediction-log
// JSON Lines in the format of docs/formats.md, so that OCR results are imported by the same path as
// any model's log:
//   {"sample":"scans/p1.png","model":"tesseract@5.3.0","confidence":0.91,
//    "objects":[{"label":"word","score":0.96,"bbox":[x,y,w,h],"text":"Total","page":0}]}
// Boxes are in the sample's pixels for images and in PDF points (top-left origin) for PDFs;
// spans are [start, end) in code points. A line without a document-level label carries the mean
// object score as its confidence, which the log format requires. Any thread.
#pragma once

#include "documenterror.h"
#include "records/projectrecords.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Boucle {

struct DocumentPrediction
{
    QString sample; // relative to the log's folder, '/' separators
    QString model;  // name@version
    QList<PredictedObject> objects;
    QString label;          // document-level class; empty when none
    double confidence = -1; // of the label; < 0: the mean object score
    QJsonObject extra;      // further fields written as they are (e.g. "source": "demo")
};

class DocumentPredictionLog
{
    Q_DECLARE_TR_FUNCTIONS(Boucle::DocumentPredictionLog)

public:
    static QJsonObject toJson(const DocumentPrediction &prediction);
    // One line, compact, ending with '\n'.
    static QByteArray toLine(const DocumentPrediction &prediction);
    // Writes the whole log (replacing the file) atomically.
    static DocumentError write(const QString &path, const QList<DocumentPrediction> &predictions);
    // `file` relative to `logFolder` with '/' separators; empty when it lies outside the folder
    // (the importer refuses paths that leave the data root).
    static QString samplePath(const QString &logFolder, const QString &file);
};

} // namespace Boucle
