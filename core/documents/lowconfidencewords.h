// Flags the words an OCR engine was unsure of: each word (or any object with text) scored below
// a threshold gives a FlagReason whose sentence names the word, its page and its confidence,
// least confident first. Any thread.
#pragma once

#include "records/projectrecords.h"

#include <QList>

namespace Boucle {

inline constexpr char lowConfidenceWordTrigger[] = "ocr_low_confidence";

// Indexes into `objects` of those scored below `threshold`, in document order (page, then
// position in the list): the order the views step through them.
QList<int> lowConfidenceObjects(const QList<PredictedObject> &objects, double threshold);

// One reason per word below `threshold`, least confident first; past `limit` words one more
// reason counts the rest. The reason's score is how far below the threshold the word fell,
// relative to the threshold (0..1).
QList<FlagReason> lowConfidenceWords(const QList<PredictedObject> &objects, double threshold,
                                     int limit = 20);

} // namespace Boucle
