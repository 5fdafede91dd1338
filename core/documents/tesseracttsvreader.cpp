#include "tesseracttsvreader.h"

#include <QFile>
#include <QHash>
#include <QList>

#include <cmath>

namespace Boucle {

OcrWords TesseractTsvReader::read(const QString &path)
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

OcrWords TesseractTsvReader::parse(const QByteArray &data, const QString &source)
{
    using Code = DocumentError::Code;
    OcrWords result;
    const QList<QByteArray> lines = data.split('\n');
    const auto fail = [&](int line, const QString &reason) {
        result.words.clear();
        result.error = DocumentError::make(Code::Malformed, source,
                                           tr("line %1: %2").arg(line).arg(reason));
        return result;
    };
    if (lines.isEmpty() || lines.first().trimmed().isEmpty())
        return fail(1, tr("the file is empty; expected Tesseract's TSV header"));

    static const char *const required[]
            = {"level", "page_num", "left", "top", "width", "height", "conf", "text"};
    QHash<QByteArray, int> column;
    const QList<QByteArray> header = lines.first().trimmed().split('\t');
    for (int i = 0; i < header.size(); ++i)
        column.insert(header.at(i).trimmed(), i);
    for (const char *name : required) {
        if (!column.contains(name))
            return fail(1, tr("the header lacks the column '%1'; is this Tesseract's TSV?")
                                   .arg(QLatin1String(name)));
    }
    const int textColumn = column.value("text");

    int maxPage = -1;
    for (int index = 1; index < lines.size(); ++index) {
        QByteArray line = lines.at(index);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        const int lineNumber = index + 1;
        const QList<QByteArray> fields = line.split('\t');
        // Tesseract leaves the text column off rows that have none.
        if (fields.size() < header.size() - 1)
            return fail(
                    lineNumber,
                    tr("%1 fields where the header has %2").arg(fields.size()).arg(header.size()));
        const auto number = [&](const char *name, bool *ok) {
            return fields.value(column.value(name)).trimmed().toDouble(ok);
        };
        double values[7] = {};
        for (int k = 0; k < 7; ++k) {
            bool ok = false;
            values[k] = number(required[k], &ok);
            if (!ok)
                return fail(lineNumber, tr("field '%1' is '%2', not a number")
                                                .arg(QLatin1String(required[k]))
                                                .arg(QString::fromUtf8(
                                                        fields.value(column.value(required[k])))));
            // Pixel positions, page numbers and confidences all fit well within an int; anything
            // else (inf, nan, 1e46) is not Tesseract's output and must not reach int().
            if (!std::isfinite(values[k]) || std::abs(values[k]) > 1e9)
                return fail(lineNumber,
                            tr("field '%1' is '%2', out of range")
                                    .arg(QLatin1String(required[k]))
                                    .arg(QString::fromUtf8(
                                            fields.value(column.value(required[k])).trimmed())));
        }
        const int level = int(values[0]);
        const int page = qMax(0, int(values[1]) - 1);
        maxPage = qMax(maxPage, page);
        if (level != 5)
            continue;
        const QString text = QString::fromUtf8(fields.value(textColumn)).trimmed();
        if (text.isEmpty())
            continue;
        if (values[4] < 0 || values[5] < 0)
            return fail(lineNumber, tr("the word '%1' has a negative width or height").arg(text));
        PredictedObject word;
        word.shape = PredictedObject::Shape::Box;
        word.label = OcrWords::wordLabel;
        word.box = QRectF(values[2], values[3], values[4], values[5]);
        word.score = qBound(0.0, values[6] / 100.0, 1.0);
        word.text = text;
        word.page = page;
        result.words.append(word);
    }
    result.pageCount = maxPage + 1;
    return result;
}

} // namespace Boucle
