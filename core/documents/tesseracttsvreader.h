// TesseractTsvReader: reads the TSV Tesseract writes (`tesseract IMAGE - tsv`): one row per
// page, block, paragraph, line and word; the word rows (level 5) become OcrWords. Columns are
// found by their header names, so a reordered file still reads. A bad row is an error naming
// the line and the field. Any thread.
#pragma once

#include "ocrwords.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Boucle {

class TesseractTsvReader
{
    Q_DECLARE_TR_FUNCTIONS(Boucle::TesseractTsvReader)

public:
    static OcrWords read(const QString &path);
    // `source` names the data in errors (a file path, "tesseract output for IMAGE").
    static OcrWords parse(const QByteArray &data, const QString &source);
};

} // namespace Boucle
