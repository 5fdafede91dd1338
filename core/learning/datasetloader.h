// DatasetLoader: reads the two real data sets that Debian's opencv-doc package ships, the
// handwritten digits (digits.png) and the UCI letters (letter-recognition.data), into
// LabelledSamples. Loading is deterministic: samples keep the order of the file.
// Stateless; any thread.
#pragma once

#include "labelledsamples.h"

#include <QString>

#include <optional>

namespace Boucle {

class DatasetLoader
{
public:
    // Where opencv-doc installs its sample data.
    static QString defaultDataDirectory();
    static QString defaultPath(const QString &dataset);
    static QStringList datasetNames(); // "digits", "letters"

    // 5,000 tiles of 20x20 pixels, 500 per digit, labels 0..9 in file order.
    static std::optional<LabelledSamples> loadDigits(const QString &path, QString *error);
    // 20,000 rows: a letter A..Z then 16 integer features.
    static std::optional<LabelledSamples> loadLetters(const QString &path, QString *error);
    // By name, from the default path.
    static std::optional<LabelledSamples> load(const QString &dataset, QString *error);
};

} // namespace Boucle
