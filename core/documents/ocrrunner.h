// OcrRunner: runs Tesseract (`tesseract IMAGE - tsv`) on an image and reads its words.
// Where Tesseract is not installed it says so, with the Debian package to install, instead
// of failing obscurely. Tesseract is limited to one thread (OMP_THREAD_LIMIT=1) so that
// several pages can be read side by side without oversubscribing the machine.
//
// Threads: recognise() and recognisePdf() block until Tesseract ends; call it from a worker thread
// (or a command-line tool), never the GUI thread. Each call starts its own process.
#pragma once

#include "ocrwords.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace Boucle {

class OcrRunner
{
    Q_DECLARE_TR_FUNCTIONS(Boucle::OcrRunner)

public:
    // `program` is the Tesseract executable; empty means "tesseract" found on PATH.
    explicit OcrRunner(QString language = QStringLiteral("eng"), QString program = {});

    bool isAvailable() const { return !m_program.isEmpty(); }
    // Why recognise() cannot run: the program is missing. Empty error when available.
    DocumentError availabilityError() const;
    QString program() const { return m_program; }
    // The version Tesseract reports, e.g. "5.3.0"; empty when unavailable.
    QString version() const;
    // The model key for prediction logs: "tesseract@5.3.0".
    QString modelKey() const;

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // Words of one image, pages numbered from `page`.
    OcrWords recognise(const QString &imagePath, int page = 0) const;

    // Tesseract reads images, not PDFs: each page is rendered with poppler at `dpi` (300 by
    // default; lower for a page too large to render at that resolution) into a temporary PNG and
    // read, and the word boxes are brought back to PDF points (1/72 inch, top-left origin) on
    // their page, as the document view draws them. An error names the file and the page.
    // `pageDone(page, pageCount)` is called after each page.
    static constexpr double pdfDpi = 300.0;
    OcrWords recognisePdf(const QString &pdfPath, double dpi = pdfDpi,
                          const std::function<void(int, int)> &pageDone = {}) const;

private:
    QString m_language;
    QString m_requestedProgram;
    QString m_program;
    mutable QString m_version;
    int m_timeoutMs = 120000;
};

} // namespace Boucle
