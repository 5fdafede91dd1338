// DocumentError: why one document (a PDF, a text file, an OCR output) cannot be used, in words
// a reviewer can act on. It names the file and the reason; the queue shows it for that sample
// and goes on with the next. A plain value; any thread.
#pragma once

#include <QString>

namespace Boucle {

struct DocumentError
{
    enum class Code {
        None,
        NotFound,    // the file does not exist or cannot be read
        Encrypted,   // the PDF needs a password
        Corrupt,     // the file is damaged or not of the expected kind
        Empty,       // a PDF without pages
        TooLarge,    // a page too big to render, a file too big to load
        InvalidText, // text that is not valid UTF-8
        InvalidSpan, // a predicted span outside the text
        Malformed,   // OCR output that cannot be parsed (TSV, hOCR)
        ToolMissing, // an external program (Tesseract) is not installed
        ToolFailed,  // the external program ran and failed
        OutOfRange,  // a page number outside the document
    };

    Code code = Code::None;
    QString path;   // the file concerned
    QString reason; // what is wrong, with the place in the file when known

    bool isError() const { return code != Code::None; }
    explicit operator bool() const { return isError(); }

    // "invoice.pdf: the file is encrypted; ..." — path first, so a list of errors reads well.
    QString message() const
    {
        return path.isEmpty() ? reason : path + QLatin1String(": ") + reason;
    }

    static DocumentError make(Code code, const QString &path, const QString &reason)
    {
        return DocumentError {code, path, reason};
    }
};

} // namespace Boucle
