// A small mixed batch of documents for review tests: a text note with predicted spans, a
// one-page invoice PDF with layout boxes, a scanned page with OCR words, a photo (an image with no
// objects), and a PDF that is not a PDF. Files are drawn by the fixture under the project's data
// root when asked. Test thread only (drawing needs a QGuiApplication).
#pragma once

#include "store/projectstore.h"

namespace Boucle::Testing {

struct DocumentFixture
{
    // Positions of the items in the batch.
    enum Item { Note, Invoice, Scan, Photo, BrokenPdf, ItemCount };

    QStringList classes;
    QString noteText;
    BatchRecord batch;
    QList<BatchItemRecord> items;
    QList<PredictionRecord> predictions; // same order as items
};

StoreError makeDocumentFixture(ProjectStore &store, DocumentFixture &fixture, bool writeFiles);

} // namespace Boucle::Testing
