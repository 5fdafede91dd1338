// A PDF made by the test itself: A4 pages in points (72 dpi, no margins), one line of large print
// on each, for the OCR and document tests. Test thread only.
#pragma once

#include <QPointF>
#include <QStringList>

namespace Boucle::Testing {

// Writes one page per entry of `pages`, its text at `baseline` in `pixelSize` DejaVu Sans.
// False when the file cannot be written.
bool writePrintedPdf(const QString &path, const QStringList &pages, int pixelSize = 40,
                     QPointF baseline = QPointF(60, 150));

} // namespace Boucle::Testing
