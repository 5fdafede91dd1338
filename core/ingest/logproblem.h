// LogProblem: one thing wrong with a prediction log, located by file, line and field, in words
// the person who wrote the log can act on. A plain value; any thread.
#pragma once

#include <QString>
#include <QtGlobal>

namespace Boucle {

struct LogProblem
{
    QString file;    // the log's path as the user gave it
    qint64 line = 0; // 1-based; 0 when the problem concerns the whole file
    QString field;   // e.g. "confidence", "committee[2].probs"; empty for the whole line
    QString message;

    bool isValid() const { return !message.isEmpty(); }
    // "preds.jsonl:12: field 'confidence': NaN and infinite numbers are not allowed"
    QString toString() const;
};

} // namespace Boucle
