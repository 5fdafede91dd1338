// HocrReader: reads hOCR (the XHTML Tesseract and other engines write) with QXmlStreamReader.
// Each `ocrx_word` element with a `bbox` in its title becomes a word; `x_wconf` gives its
// confidence; the enclosing `ocr_page` gives its page. A file that is not well-formed XML is
// an error with the line and column where the parser stopped. Any thread.
#pragma once

#include "ocrwords.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Boucle {

class HocrReader
{
    Q_DECLARE_TR_FUNCTIONS(Boucle::HocrReader)

public:
    static OcrWords read(const QString &path);
    static OcrWords parse(const QByteArray &data, const QString &source);
};

} // namespace Boucle
