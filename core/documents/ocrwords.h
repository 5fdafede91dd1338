// OcrWords: the words an OCR engine read on one image or document, as predicted objects
// (shape Box, label "word", text set, score = confidence in [0, 1], page 0-based), or the reason
// they could not be read. A plain value; any thread.
#pragma once

#include "documenterror.h"
#include "records/projectrecords.h"

#include <QList>

namespace Boucle {

struct OcrWords
{
    static inline const QString wordLabel = QStringLiteral("word");

    QList<PredictedObject> words;
    int pageCount = 0;
    DocumentError error;

    // Mean score of the words; 0 when there are none.
    double meanConfidence() const
    {
        double sum = 0;
        for (const auto &word : words)
            sum += word.score;
        return words.isEmpty() ? 0.0 : sum / words.size();
    }
};

} // namespace Boucle
