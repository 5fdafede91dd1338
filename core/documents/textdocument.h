// TextDocument: a plain-text or Markdown document whose spans a model predicted. Loading is
// strict: a byte sequence that is not UTF-8 is refused with its byte offset, never replaced.
// Span offsets count Unicode code points from the start of the text, after a UTF-8 byte-order
// mark (as Python, spaCy and Prodigy count characters); spanRange() converts them to QString
// positions for display. Markdown is kept as its source text, so offsets refer to the source.
//
// A plain value once loaded; any thread.
#pragma once

#include "documenterror.h"
#include "records/projectrecords.h"

#include <QCoreApplication>
#include <QString>
#include <QVector>

namespace Boucle {

class TextDocument
{
    Q_DECLARE_TR_FUNCTIONS(Boucle::TextDocument)

public:
    enum class Format { PlainText, Markdown };

    // Larger texts are refused: a reviewer cannot read them, and spans into them are a bug.
    static constexpr qint64 maxBytes = 32LL * 1024 * 1024;

    // Byte offset of the first byte that does not start a valid UTF-8 sequence (overlong forms,
    // surrogates, code points above U+10FFFF and truncated sequences are invalid); -1 when valid.
    static qint64 firstInvalidUtf8Offset(const QByteArray &bytes);

    DocumentError load(const QString &path);
    // `path` names the source in errors; the format follows its suffix (.md, .markdown).
    DocumentError setContent(const QByteArray &bytes, const QString &path);

    QString path() const { return m_path; }
    Format format() const { return m_format; }
    const QString &text() const { return m_text; }
    // Length in code points: the largest valid span end.
    int length() const;

    // The first span of `objects` whose offsets are outside the text or reversed, named by its
    // index, label and offsets; objects that are not spans are ignored.
    DocumentError validateSpans(const QList<PredictedObject> &objects) const;
    // QString positions [start, end) of a span given in code points; clamped into the text.
    std::pair<int, int> spanRange(int start, int end) const;
    QString spanText(const PredictedObject &span) const;

private:
    int utf16Position(int codePoint) const;

    QString m_path;
    Format m_format = Format::PlainText;
    QString m_text;
    // utf16 position of each code point; empty when the text has no surrogate pairs.
    QVector<int> m_codePointPositions;
};

} // namespace Boucle
