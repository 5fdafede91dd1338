#include "textdocument.h"

#include <QFile>
#include <QFileInfo>

namespace Boucle {

qint64 TextDocument::firstInvalidUtf8Offset(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qint64 size = bytes.size();
    qint64 i = 0;
    while (i < size) {
        const unsigned char lead = data[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80;  // bounds of the second byte, which rule out overlong forms,
        unsigned char high = 0xBF; // surrogates and code points above U+10FFFF
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                low = 0xA0;
            else if (lead == 0xED)
                high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                low = 0x90;
            else if (lead == 0xF4)
                high = 0x8F;
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        if (data[i + 1] < low || data[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k) {
            if (data[i + k] < 0x80 || data[i + k] > 0xBF)
                return i;
        }
        i += length;
    }
    return -1;
}

DocumentError TextDocument::load(const QString &path)
{
    using Code = DocumentError::Code;
    m_path = path;
    m_text.clear();
    m_codePointPositions.clear();
    QFile file(path);
    if (!QFileInfo(path).isFile())
        return DocumentError::make(Code::NotFound, path, tr("the file does not exist"));
    if (file.size() > maxBytes)
        return DocumentError::make(
                Code::TooLarge, path,
                tr("the text is %1 MiB, more than the %2 MiB a document may have")
                        .arg(file.size() / (1024 * 1024))
                        .arg(maxBytes / (1024 * 1024)));
    if (!file.open(QIODevice::ReadOnly))
        return DocumentError::make(Code::NotFound, path,
                                   tr("the file cannot be read (%1)").arg(file.errorString()));
    return setContent(file.readAll(), path);
}

DocumentError TextDocument::setContent(const QByteArray &bytes, const QString &path)
{
    m_path = path;
    m_text.clear();
    m_codePointPositions.clear();
    const QString suffix = QFileInfo(path).suffix().toLower();
    m_format = suffix == QLatin1String("md") || suffix == QLatin1String("markdown")
                       ? Format::Markdown
                       : Format::PlainText;

    const qint64 invalid = firstInvalidUtf8Offset(bytes);
    if (invalid >= 0) {
        const QByteArray around = bytes.mid(invalid, 4).toHex(' ');
        return DocumentError::make(
                DocumentError::Code::InvalidText, path,
                tr("the text is not valid UTF-8: invalid byte sequence at byte offset %1 (%2)")
                        .arg(invalid)
                        .arg(QString::fromLatin1(around)));
    }
    const bool hasBom = bytes.startsWith("\xEF\xBB\xBF");
    m_text = QString::fromUtf8(hasBom ? bytes.mid(3) : bytes);

    bool surrogates = false;
    for (const QChar c : std::as_const(m_text)) {
        if (c.isHighSurrogate()) {
            surrogates = true;
            break;
        }
    }
    if (surrogates) {
        m_codePointPositions.reserve(m_text.size() + 1);
        for (int i = 0; i < m_text.size(); ++i) {
            m_codePointPositions.append(i);
            if (m_text.at(i).isHighSurrogate() && i + 1 < m_text.size()
                && m_text.at(i + 1).isLowSurrogate())
                ++i;
        }
        m_codePointPositions.append(m_text.size());
    }
    return {};
}

int TextDocument::length() const
{
    return m_codePointPositions.isEmpty() ? int(m_text.size()) : m_codePointPositions.size() - 1;
}

int TextDocument::utf16Position(int codePoint) const
{
    const int clamped = qBound(0, codePoint, length());
    return m_codePointPositions.isEmpty() ? clamped : m_codePointPositions.at(clamped);
}

std::pair<int, int> TextDocument::spanRange(int start, int end) const
{
    const int from = utf16Position(start);
    return {from, qMax(from, utf16Position(end))};
}

QString TextDocument::spanText(const PredictedObject &span) const
{
    const auto [from, to] = spanRange(span.spanStart, span.spanEnd);
    return m_text.mid(from, to - from);
}

DocumentError TextDocument::validateSpans(const QList<PredictedObject> &objects) const
{
    const int size = length();
    for (int index = 0; index < objects.size(); ++index) {
        const PredictedObject &object = objects.at(index);
        if (object.shape != PredictedObject::Shape::Span)
            continue;
        QString problem;
        if (object.spanStart < 0 || object.spanEnd < 0)
            problem = tr("a negative offset");
        else if (object.spanStart > object.spanEnd)
            problem = tr("its start after its end");
        else if (object.spanEnd > size)
            problem = tr("its end beyond the text, which has %n character(s)", nullptr, size);
        if (problem.isEmpty())
            continue;
        return DocumentError::make(DocumentError::Code::InvalidSpan, m_path,
                                   tr("span %1 ('%2', [%3, %4]) has %5")
                                           .arg(index + 1)
                                           .arg(object.label)
                                           .arg(object.spanStart)
                                           .arg(object.spanEnd)
                                           .arg(problem));
    }
    return {};
}

} // namespace Boucle
