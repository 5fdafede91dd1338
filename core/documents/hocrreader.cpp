#include "hocrreader.h"

#include <QFile>
#include <QXmlStreamReader>

namespace Boucle {

namespace {

bool hasClass(const QXmlStreamAttributes &attributes, QLatin1String name)
{
    const QStringView classes = attributes.value(QLatin1String("class"));
    for (const auto part : classes.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (part == name)
            return true;
    }
    return false;
}

// hOCR properties live in the title attribute: "bbox 36 92 96 116; x_wconf 93".
QStringList property(QStringView title, QLatin1String name)
{
    for (const auto entry : title.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList parts
                = entry.trimmed().toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (!parts.isEmpty() && parts.first() == name)
            return parts.mid(1);
    }
    return {};
}

} // namespace

OcrWords HocrReader::read(const QString &path)
{
    OcrWords result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error
                = DocumentError::make(DocumentError::Code::NotFound, path,
                                      tr("the file cannot be read (%1)").arg(file.errorString()));
        return result;
    }
    return parse(file.readAll(), path);
}

OcrWords HocrReader::parse(const QByteArray &data, const QString &source)
{
    using Code = DocumentError::Code;
    OcrWords result;
    QXmlStreamReader xml(data);
    int page = -1;
    const auto fail = [&](qint64 line, qint64 columnNumber, const QString &reason) {
        result.words.clear();
        result.error = DocumentError::make(
                Code::Malformed, source,
                tr("line %1, column %2: %3").arg(line).arg(columnNumber).arg(reason));
        return result;
    };

    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const QXmlStreamAttributes attributes = xml.attributes();
        if (hasClass(attributes, QLatin1String("ocr_page"))) {
            ++page;
            continue;
        }
        if (!hasClass(attributes, QLatin1String("ocrx_word")))
            continue;
        const qint64 line = xml.lineNumber();
        const qint64 columnNumber = xml.columnNumber();
        const QStringView title = attributes.value(QLatin1String("title"));
        const QStringList bbox = property(title, QLatin1String("bbox"));
        const QStringList confidence = property(title, QLatin1String("x_wconf"));
        const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
        if (xml.hasError())
            break;
        if (bbox.size() != 4)
            return fail(line, columnNumber,
                        tr("the word '%1' has no bbox of four numbers in its title").arg(text));
        double corners[4] = {};
        for (int k = 0; k < 4; ++k) {
            bool ok = false;
            corners[k] = bbox.at(k).toDouble(&ok);
            if (!ok)
                return fail(line, columnNumber,
                            tr("the word '%1' has a bbox value '%2' that is not a number")
                                    .arg(text, bbox.at(k)));
        }
        if (text.isEmpty())
            continue;
        PredictedObject word;
        word.shape = PredictedObject::Shape::Box;
        word.label = OcrWords::wordLabel;
        word.box = QRectF(QPointF(corners[0], corners[1]), QPointF(corners[2], corners[3]));
        word.score = confidence.isEmpty() ? 0.0
                                          : qBound(0.0, confidence.first().toDouble() / 100.0, 1.0);
        word.text = text;
        word.page = qMax(0, page);
        result.words.append(word);
    }
    if (xml.hasError())
        return fail(xml.lineNumber(), xml.columnNumber(),
                    tr("the hOCR is not well-formed XML (%1)").arg(xml.errorString()));
    result.pageCount = page + 1;
    return result;
}

} // namespace Boucle
