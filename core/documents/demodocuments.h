// DemoDocuments: documents we make ourselves for the demo, the tests and the benchmark:
// invoices and forms drawn with QPainter into PDFs (QPdfWriter) and into PNG page images,
// some pages degraded like a poor scan (OpenCV blur and noise), short clinical notes in plain
// text and Markdown, and a prediction log with what the "models" saw:
//   - fieldfinder@1, a simulated layout model: field boxes (invoice_total, ...) with text,
//     some of it misread, and a document class;
//   - notes-ner@1, a simulated span tagger on the notes;
//   - Tesseract, run for real on every page image when it is installed.
// Generation is deterministic for a given seed (apart from Tesseract's output).
//
// Threads: any one thread; generate() blocks (it runs Tesseract when asked).
#pragma once

#include "documenterror.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QPainter;

namespace Boucle {

struct DemoDocumentOptions
{
    int invoices = 3;      // one page each
    int forms = 2;         // two pages each
    int degradedPages = 2; // page images that also get a degraded copy
    int notes = 2;         // text documents (alternately .txt and .md)
    double imageDpi = 150.0;
    unsigned int seed = 20261128;
    bool runOcr = true; // run Tesseract on the page images when installed
};

struct DemoDocumentSet
{
    QString folder;
    QStringList pdfs;           // absolute paths
    QStringList pageImages;     // clean page images
    QStringList degradedImages; // their degraded copies
    QStringList textDocuments;
    QString predictionLog; // folder/predictions.jsonl
    int predictionCount = 0;
    int ocrPageCount = 0; // page images Tesseract read
    int ocrWordCount = 0;
    QString ocrNote; // why OCR did not run, when it did not
    QList<DocumentError> errors;
};

class DemoDocuments
{
    Q_DECLARE_TR_FUNCTIONS(Boucle::DemoDocuments)

public:
    static constexpr double pageWidthPoints = 595.0; // A4
    static constexpr double pageHeightPoints = 842.0;

    static DemoDocumentSet generate(const QString &folder, const DemoDocumentOptions &options,
                                    const std::function<void(const QString &)> &progress = {});

    // Writes a plain PDF of `pages` numbered pages of text and rules (for benchmarks and tests).
    static DocumentError writeSimplePdf(const QString &path, int pages);
};

} // namespace Boucle
