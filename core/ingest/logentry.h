// LogEntry: one valid line of a prediction log, resolved and checked, ready for the store.
// The reader reuses one entry per line to spare allocations; copy it to keep it. Any thread.
#pragma once

#include "records/projectrecords.h"

namespace Boucle {

struct LogEntry
{
    qint64 line = 0;
    QString samplePath;    // relative to the data root, '/' separators
    QString sampleWritten; // as the log wrote it, for messages
    QString modelKey;      // name@version as written
    QString modelName;
    QString modelVersion;
    // sampleId and modelId are 0; probs and committee probs are in the reader's class order
    // (PredictionLogReader::classes()), which extends the project's order.
    PredictionRecord prediction;
    // The committee column's text, when the reader wrote it from the log's own number texts
    // (CommitteeText::write); empty otherwise. PredictionBulkWriter::encode takes it.
    QByteArray committeeText;
};

} // namespace Boucle
