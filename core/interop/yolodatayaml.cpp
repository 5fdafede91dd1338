#include "yolodatayaml.h"

#include <QCoreApplication>

namespace Boucle {

namespace {

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

// Reads one scalar of `text` from *pos: quoted, or plain up to a comment, or (in a flow
// collection) up to ',' ']' '}'. False with *error set for an unterminated quote.
bool readScalar(const QString &text, qsizetype *pos, bool inFlow, QString *out, QString *error)
{
    qsizetype at = *pos;
    while (at < text.size() && isBlank(text.at(at)))
        ++at;
    out->clear();
    if (at < text.size() && text.at(at) == QLatin1Char('\'')) {
        ++at;
        for (;;) {
            if (at >= text.size()) {
                *error = QCoreApplication::translate("Boucle::YoloDataYaml",
                                                     "a quote ' is not closed");
                return false;
            }
            const QChar c = text.at(at++);
            if (c == QLatin1Char('\'')) {
                if (at < text.size() && text.at(at) == QLatin1Char('\'')) {
                    out->append(c);
                    ++at;
                    continue;
                }
                break;
            }
            out->append(c);
        }
    } else if (at < text.size() && text.at(at) == QLatin1Char('"')) {
        ++at;
        for (;;) {
            if (at >= text.size()) {
                *error = QCoreApplication::translate("Boucle::YoloDataYaml",
                                                     "a quote \" is not closed");
                return false;
            }
            const QChar c = text.at(at++);
            if (c == QLatin1Char('"'))
                break;
            if (c != QLatin1Char('\\')) {
                out->append(c);
                continue;
            }
            if (at >= text.size()) {
                *error = QCoreApplication::translate("Boucle::YoloDataYaml",
                                                     "a quote \" is not closed");
                return false;
            }
            const QChar e = text.at(at++);
            switch (e.unicode()) {
            case 'n':
                out->append(QLatin1Char('\n'));
                break;
            case 't':
                out->append(QLatin1Char('\t'));
                break;
            case 'r':
                out->append(QLatin1Char('\r'));
                break;
            case '0':
                out->append(QChar(0));
                break;
            case 'x':
            case 'u':
            case 'U': {
                const int digits = e == QLatin1Char('x') ? 2 : e == QLatin1Char('u') ? 4 : 8;
                bool ok = false;
                const uint code = text.mid(at, digits).toUInt(&ok, 16);
                if (!ok || at + digits > text.size()) {
                    *error = QCoreApplication::translate(
                                     "Boucle::YoloDataYaml",
                                     "the escape \\%1 needs %2 hexadecimal digits")
                                     .arg(e)
                                     .arg(digits);
                    return false;
                }
                at += digits;
                const char32_t c32 = code;
                out->append(QString::fromUcs4(&c32, 1));
                break;
            }
            default:
                out->append(e); // \" \\ \/ and the rest stand for themselves
            }
        }
    } else {
        const qsizetype start = at;
        while (at < text.size()) {
            const QChar c = text.at(at);
            if (inFlow && (c == QLatin1Char(',') || c == QLatin1Char(']') || c == QLatin1Char('}')))
                break;
            if (c == QLatin1Char('#') && (at == start || isBlank(text.at(at - 1))))
                break;
            ++at;
        }
        *out = text.mid(start, at - start).trimmed();
        *pos = at;
        return true;
    }
    *pos = at;
    return true;
}

// The rest of a line after a quoted scalar must be blank or a comment.
bool onlyCommentFollows(const QString &text, qsizetype pos)
{
    while (pos < text.size() && isBlank(text.at(pos)))
        ++pos;
    return pos >= text.size() || text.at(pos) == QLatin1Char('#');
}

// Strips a trailing comment from a line that holds no quotes after `from`.
QString withoutComment(const QString &line)
{
    bool single = false, dbl = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('\'') && !dbl)
            single = !single;
        else if (c == QLatin1Char('"') && !single)
            dbl = !dbl;
        else if (c == QLatin1Char('#') && !single && !dbl && (i == 0 || isBlank(line.at(i - 1))))
            return line.left(i);
    }
    return line;
}

struct Parser
{
    QStringList lines;
    YoloDataYaml result;

    void problem(qint64 line, const QString &field, const QString &message)
    {
        result.problems.append({line, field, message});
    }

    // Flow collection `text` ("[a, b]" or "{0: a}") as items; false after a problem.
    bool parseFlow(const QString &text, qint64 line, const QString &key, QStringList *listItems,
                   QMap<int, QString> *mapItems)
    {
        const bool isMap = text.startsWith(QLatin1Char('{'));
        const QChar close = isMap ? QLatin1Char('}') : QLatin1Char(']');
        qsizetype pos = 1;
        int index = 0;
        for (;;) {
            while (pos < text.size() && text.at(pos).isSpace())
                ++pos;
            if (pos < text.size() && text.at(pos) == close)
                break;
            QString item, error;
            if (isMap) {
                QString keyText;
                const qsizetype colon = text.indexOf(QLatin1Char(':'), pos);
                if (colon < 0) {
                    problem(line, key,
                            QCoreApplication::translate("Boucle::YoloDataYaml",
                                                        "an entry of the mapping has no ':'"));
                    return false;
                }
                qsizetype keyPos = pos;
                QString keyError;
                if (!readScalar(text.left(colon), &keyPos, true, &keyText, &keyError)) {
                    problem(line, key, keyError);
                    return false;
                }
                pos = colon + 1;
                if (!readScalar(text, &pos, true, &item, &error)) {
                    problem(line, key, error);
                    return false;
                }
                if (!addMapItem(keyText.trimmed(), item, line, key, mapItems))
                    return false;
            } else {
                if (!readScalar(text, &pos, true, &item, &error)) {
                    problem(line, key, error);
                    return false;
                }
                listItems->append(item);
            }
            ++index;
            while (pos < text.size() && text.at(pos).isSpace())
                ++pos;
            if (pos < text.size() && text.at(pos) == QLatin1Char(',')) {
                ++pos;
                continue;
            }
            if (pos < text.size() && text.at(pos) == close)
                break;
            problem(line, key,
                    QCoreApplication::translate("Boucle::YoloDataYaml",
                                                "expected ',' or '%1' after item %2 of the list")
                            .arg(close)
                            .arg(index));
            return false;
        }
        if (!onlyCommentFollows(text, pos + 1)) {
            problem(line, key,
                    QCoreApplication::translate("Boucle::YoloDataYaml",
                                                "unexpected text after '%1'")
                            .arg(close));
            return false;
        }
        return true;
    }

    bool addMapItem(const QString &keyText, const QString &value, qint64 line, const QString &key,
                    QMap<int, QString> *mapItems)
    {
        bool ok = false;
        const int index = keyText.toInt(&ok);
        if (!ok || index < 0) {
            problem(line, key,
                    QCoreApplication::translate("Boucle::YoloDataYaml",
                                                "'%1' is not a class index (a whole number from 0)")
                            .arg(keyText));
            return false;
        }
        if (mapItems->contains(index)) {
            problem(line, QStringLiteral("%1[%2]").arg(key).arg(index),
                    QCoreApplication::translate("Boucle::YoloDataYaml", "class %1 is named twice")
                            .arg(index));
            return false;
        }
        mapItems->insert(index, value);
        return true;
    }

    // Reads the value of the top-level key on line `at` (0-based); returns the next line to read.
    int readKey(int at, const QString &key, const QString &inlineValue, QStringList *listItems,
                QMap<int, QString> *mapItems, QString *scalar, bool *isScalar)
    {
        const qint64 line = at + 1;
        *isScalar = false;
        int next = at + 1;
        const QString value = withoutComment(inlineValue).trimmed();
        if (value.startsWith(QLatin1Char('[')) || value.startsWith(QLatin1Char('{'))) {
            // A flow collection may continue on the following lines until its bracket closes.
            QString text = inlineValue.trimmed();
            auto balanced = [](const QString &t) {
                int depth = 0;
                bool single = false, dbl = false;
                for (qsizetype i = 0; i < t.size(); ++i) {
                    const QChar c = t.at(i);
                    if (c == QLatin1Char('\'') && !dbl)
                        single = !single;
                    else if (c == QLatin1Char('"') && !single
                             && (i == 0 || t.at(i - 1) != QLatin1Char('\\')))
                        dbl = !dbl;
                    else if (!single && !dbl && (c == QLatin1Char('[') || c == QLatin1Char('{')))
                        ++depth;
                    else if (!single && !dbl && (c == QLatin1Char(']') || c == QLatin1Char('}')))
                        --depth;
                    else if (!single && !dbl && c == QLatin1Char('#')
                             && (i == 0 || isBlank(t.at(i - 1))))
                        return depth <= 0; // the rest of the line is a comment
                }
                return depth <= 0;
            };
            while (!balanced(text) && next < lines.size()) {
                text += QLatin1Char(' ') + withoutComment(lines.at(next)).trimmed();
                ++next;
            }
            if (!balanced(text)) {
                problem(line, key,
                        QCoreApplication::translate("Boucle::YoloDataYaml",
                                                    "the list opened here is not closed"));
                return next;
            }
            parseFlow(text, line, key, listItems, mapItems);
            return next;
        }
        if (!value.isEmpty()) {
            qsizetype pos = 0;
            QString error;
            const QString trimmed = inlineValue.trimmed();
            if (!readScalar(trimmed, &pos, false, scalar, &error))
                problem(line, key, error);
            else
                *isScalar = true;
            return next;
        }
        // A block: the indented lines (or lines starting with '-') that follow.
        while (next < lines.size()) {
            const QString raw = lines.at(next);
            const QString content = withoutComment(raw).trimmed();
            const bool indented = !raw.isEmpty() && isBlank(raw.at(0));
            if (content.isEmpty()) {
                ++next;
                continue;
            }
            if (!indented && !raw.startsWith(QLatin1Char('-')))
                break;
            const qint64 itemLine = next + 1;
            ++next;
            if (content.startsWith(QLatin1Char('-'))) {
                QString item, error;
                qsizetype pos = 0;
                const QString rest = raw.trimmed().mid(1);
                if (!readScalar(rest, &pos, false, &item, &error)) {
                    problem(itemLine, key, error);
                    continue;
                }
                listItems->append(item);
                continue;
            }
            const QString trimmed = raw.trimmed();
            qsizetype colon = -1;
            if (trimmed.startsWith(QLatin1Char('\'')) || trimmed.startsWith(QLatin1Char('"'))) {
                const qsizetype close = trimmed.indexOf(trimmed.at(0), 1);
                colon = close < 0 ? -1 : trimmed.indexOf(QLatin1Char(':'), close);
            } else {
                colon = trimmed.indexOf(QLatin1Char(':'));
            }
            if (colon < 0) {
                problem(itemLine, key,
                        QCoreApplication::translate("Boucle::YoloDataYaml",
                                                    "expected '- name' or 'index: name'"));
                continue;
            }
            QString keyText, item, error;
            qsizetype pos = 0;
            if (!readScalar(trimmed.left(colon), &pos, false, &keyText, &error)) {
                problem(itemLine, key, error);
                continue;
            }
            pos = colon + 1;
            if (!readScalar(trimmed, &pos, false, &item, &error)) {
                problem(itemLine, key, error);
                continue;
            }
            addMapItem(keyText, item, itemLine, key, mapItems);
        }
        return next;
    }

    void run()
    {
        int at = 0;
        while (at < lines.size()) {
            const QString raw = lines.at(at);
            if (raw.isEmpty() || isBlank(raw.at(0)) || raw.startsWith(QLatin1Char('#'))
                || raw.startsWith(QLatin1Char('-'))) {
                ++at; // comments, document markers, blocks of keys skipped
                continue;
            }
            qsizetype colon = raw.indexOf(QLatin1Char(':'));
            while (colon >= 0 && colon + 1 < raw.size() && !isBlank(raw.at(colon + 1)))
                colon = raw.indexOf(QLatin1Char(':'), colon + 1);
            if (colon < 0) {
                ++at;
                continue;
            }
            const QString key = raw.left(colon).trimmed();
            const QString value = raw.mid(colon + 1);
            static const QStringList known
                    = {QStringLiteral("names"), QStringLiteral("nc"),  QStringLiteral("path"),
                       QStringLiteral("train"), QStringLiteral("val"), QStringLiteral("test")};
            if (!known.contains(key)) {
                ++at;
                continue;
            }
            QStringList listItems;
            QMap<int, QString> mapItems;
            QString scalar;
            bool isScalar = false;
            const qint64 line = at + 1;
            at = readKey(at, key, value, &listItems, &mapItems, &scalar, &isScalar);
            if (key == QLatin1String("names")) {
                result.namesLine = line;
                if (isScalar) {
                    problem(line, key,
                            QCoreApplication::translate(
                                    "Boucle::YoloDataYaml",
                                    "names is a list or a mapping of class names, not '%1'")
                                    .arg(scalar));
                    continue;
                }
                for (int i = 0; i < listItems.size(); ++i)
                    result.names.insert(i, listItems.at(i));
                for (auto it = mapItems.cbegin(); it != mapItems.cend(); ++it)
                    result.names.insert(it.key(), it.value());
            } else if (key == QLatin1String("nc")) {
                result.ncLine = line;
                bool ok = false;
                const int nc = scalar.toInt(&ok);
                if (!isScalar || !ok || nc < 0)
                    problem(line, key,
                            QCoreApplication::translate(
                                    "Boucle::YoloDataYaml",
                                    "nc is the number of classes, a whole number from 0"));
                else
                    result.nc = nc;
            } else {
                QStringList values = isScalar ? QStringList {scalar} : listItems;
                if (key == QLatin1String("path"))
                    result.path = values.value(0);
                else if (key == QLatin1String("train"))
                    result.train = values;
                else if (key == QLatin1String("val"))
                    result.val = values;
                else
                    result.test = values;
            }
        }
    }
};

} // namespace

YoloDataYaml YoloDataYaml::parse(const QByteArray &text)
{
    Parser parser;
    QString decoded = QString::fromUtf8(text);
    if (decoded.startsWith(QChar(0xFEFF)))
        decoded.remove(0, 1);
    decoded.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    parser.lines = decoded.split(QLatin1Char('\n'));
    parser.run();
    return parser.result;
}

} // namespace Boucle
