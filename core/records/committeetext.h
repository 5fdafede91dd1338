// CommitteeText: the compact JSON text of a prediction's committee, as the predictions table
// stores it and RecordCodec::committeeFromJson reads it back:
//   [{"model":"c0@1","label":"cat","probs":[0.0739,0.143]},...]
// written by hand, because QJsonDocument costs more than the rest of a row of a large import.
// Each probability is the shortest text that reads back as the same 32-bit float
// (std::to_chars). A reader that still holds the log's own text of each number passes it: a
// text that is already that shortest form is copied instead of formatted again, which is most
// of the cost of a committee of a log that writes rounded probabilities. Any thread.
#pragma once

#include "projectrecords.h"

#include <QByteArray>

#include <string_view>
#include <vector>

namespace Boucle::CommitteeText {

// The text of `votes` into `out` (cleared first; its capacity is kept). `numberTexts`, when
// given, holds the log's text of every probability, vote after vote in the order of their
// `probs` (an empty view where the log had none, as for a class it did not name).
void write(const QList<CommitteeVote> &votes, QByteArray &out,
           const std::vector<std::string_view> *numberTexts = nullptr);

// True when `text`, a JSON number, is exactly what std::to_chars writes for the float it reads
// as (through a double, as the readers read it): at most 6 significant digits (so the float
// gives them back, FLT_DIG) and 8 decimals, no exponent, no trailing zero, not zero, and in
// fixed notation where to_chars chooses fixed (up to 5 digits before the point; "0.001" yes,
// "0.0001" no: that one is "1e-04").
bool isShortestFloatText(std::string_view text);

} // namespace Boucle::CommitteeText
