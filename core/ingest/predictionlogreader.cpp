#include "predictionlogreader.h"

#include "datarootfile.h"
#include "inputrules.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <simdjson.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <string_view>
#include <vector>

namespace Boucle {

namespace {

QString fromView(std::string_view view)
{
    return QString::fromUtf8(view.data(), qsizetype(view.size()));
}

constexpr qsizetype chunkBytes = 1 << 20;

} // namespace

// The simdjson state, kept out of the header so only this file sees simdjson.
struct PredictionLogReader::JsonParser
{
    simdjson::ondemand::parser parser;
    std::vector<char> padded; // the current line followed by SIMDJSON_PADDING bytes
    bool syntaxError = false;

    // Where in the line the parser is ("committee[2].probs[4]"), kept as views into the line
    // and numbers: the text is only composed for a message.
    struct Segment
    {
        std::string_view name;
        int index = -1;
    };
    static constexpr int maxDepth = 8;
    Segment path[maxDepth];
    int depth = 0;

    void enter(std::string_view name)
    {
        if (depth < maxDepth)
            path[depth] = {name, -1};
        ++depth;
    }
    void leave() { --depth; }
    void at(int index)
    {
        if (depth > 0 && depth <= maxDepth)
            path[depth - 1].index = index;
    }
    QString field() const
    {
        QString text;
        for (int i = 0; i < std::min(depth, maxDepth); ++i) {
            if (i > 0)
                text += QLatin1Char('.');
            text += fromView(path[i].name);
            if (path[i].index >= 0)
                text += QLatin1Char('[') + QString::number(path[i].index) + QLatin1Char(']');
        }
        return text;
    }

    PredictionLogReader &reader;
    explicit JsonParser(PredictionLogReader &owner)
        : reader(owner)
    { }

    static QString typeName(simdjson::ondemand::value &value)
    {
        simdjson::ondemand::json_type type;
        if (value.type().get(type))
            return QCoreApplication::translate("Boucle::PredictionLogReader", "an invalid value");
        switch (type) {
        case simdjson::ondemand::json_type::array:
            return QCoreApplication::translate("Boucle::PredictionLogReader", "an array");
        case simdjson::ondemand::json_type::object:
            return QCoreApplication::translate("Boucle::PredictionLogReader", "an object");
        case simdjson::ondemand::json_type::number:
            return QCoreApplication::translate("Boucle::PredictionLogReader", "a number");
        case simdjson::ondemand::json_type::string:
            return QCoreApplication::translate("Boucle::PredictionLogReader", "a string");
        case simdjson::ondemand::json_type::boolean:
            return QCoreApplication::translate("Boucle::PredictionLogReader", "true or false");
        case simdjson::ondemand::json_type::null:
            return QCoreApplication::translate("Boucle::PredictionLogReader", "null");
        }
        return QCoreApplication::translate("Boucle::PredictionLogReader", "an invalid value");
    }

    bool fail(const QString &message) { return reader.setError(field(), message); }

    bool failSimdjson(simdjson::error_code error)
    {
        syntaxError = true;
        if (!reader.m_lineTerminated)
            return reader.setError(
                    field(),
                    QCoreApplication::translate(
                            "Boucle::PredictionLogReader",
                            "the last line is truncated: the file ends inside a JSON value"));
        return reader.setError(
                field(),
                QCoreApplication::translate("Boucle::PredictionLogReader", "malformed JSON (%1)")
                        .arg(QString::fromUtf8(simdjson::error_message(error))));
    }

    bool wrongType(simdjson::ondemand::value &value, const QString &expected)
    {
        simdjson::ondemand::json_type type;
        if (const auto error = value.type().get(type))
            return failSimdjson(error);
        const QString actual = typeName(value);
        return fail(
                QCoreApplication::translate("Boucle::PredictionLogReader", "expected %1, found %2")
                        .arg(expected, actual));
    }

    bool number(simdjson::ondemand::value &value, double &out)
    {
        const std::string_view token = value.raw_json_token();
        const auto first = token.empty() ? '\0' : token.front();
        const bool nonFinite = first == 'N' || first == 'n' || first == 'I' || first == 'i'
                               || ((first == '-' || first == '+') && token.size() > 1
                                   && (token[1] == 'I' || token[1] == 'i' || token[1] == 'N'));
        if (nonFinite)
            return fail(QCoreApplication::translate("Boucle::PredictionLogReader",
                                                    "NaN and infinite numbers are not allowed"));
        const auto error = value.get_double().get(out);
        if (!error && std::isfinite(out))
            return true;
        simdjson::ondemand::json_type type;
        const bool looksNumeric
                = !value.type().get(type) && type == simdjson::ondemand::json_type::number;
        if (error == simdjson::INCORRECT_TYPE && !looksNumeric)
            return wrongType(
                    value, QCoreApplication::translate("Boucle::PredictionLogReader", "a number"));
        if (error && error != simdjson::NUMBER_ERROR && error != simdjson::INCORRECT_TYPE)
            return failSimdjson(error);
        // Only a well-formed number that overflows a double is "not finite"; anything else that
        // starts like a number ("-x", "1.", a control character after the digits) is not one.
        const std::string_view written = trimmedToken(token);
        if (isJsonNumber(written))
            return fail(QCoreApplication::translate("Boucle::PredictionLogReader",
                                                    "%1 is not a finite number (beyond ±1.8e308)")
                                .arg(fromView(written)));
        return fail(QCoreApplication::translate("Boucle::PredictionLogReader",
                                                "'%1' is not a valid number")
                            .arg(InputRules::quoted(
                                    QByteArrayView(written.data(), qsizetype(written.size())))));
    }

    static std::string_view trimmedToken(std::string_view token)
    {
        while (!token.empty()
               && (token.back() == ' ' || token.back() == '\t' || token.back() == '\r'
                   || token.back() == '\n'))
            token.remove_suffix(1);
        // The token runs to the next structural character; a number is never longer than this.
        return token.substr(0, std::min<size_t>(token.size(), 64));
    }

    // The JSON number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    static bool isJsonNumber(std::string_view text)
    {
        size_t i = 0;
        const auto digits = [&]() {
            const size_t from = i;
            while (i < text.size() && text[i] >= '0' && text[i] <= '9')
                ++i;
            return i > from;
        };
        if (i < text.size() && text[i] == '-')
            ++i;
        if (i < text.size() && text[i] == '0')
            ++i;
        else if (!digits())
            return false;
        if (i < text.size() && text[i] == '.') {
            ++i;
            if (!digits())
                return false;
        }
        if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
            ++i;
            if (i < text.size() && (text[i] == '+' || text[i] == '-'))
                ++i;
            if (!digits())
                return false;
        }
        return i == text.size();
    }

    bool string(simdjson::ondemand::value &value, QString &out)
    {
        std::string_view view;
        const auto error = value.get_string().get(view);
        if (error == simdjson::INCORRECT_TYPE)
            return wrongType(
                    value, QCoreApplication::translate("Boucle::PredictionLogReader", "a string"));
        if (error)
            return failSimdjson(error);
        out = fromView(view);
        return true;
    }

    bool array(simdjson::ondemand::value &value, simdjson::ondemand::array &out)
    {
        const auto error = value.get_array().get(out);
        if (error == simdjson::INCORRECT_TYPE)
            return wrongType(
                    value, QCoreApplication::translate("Boucle::PredictionLogReader", "an array"));
        if (error)
            return failSimdjson(error);
        return true;
    }

    bool object(simdjson::ondemand::value &value, simdjson::ondemand::object &out)
    {
        const auto error = value.get_object().get(out);
        if (error == simdjson::INCORRECT_TYPE)
            return wrongType(
                    value, QCoreApplication::translate("Boucle::PredictionLogReader", "an object"));
        if (error)
            return failSimdjson(error);
        return true;
    }

    // Calls each(element) for the elements of an array, with the error position at each index.
    template<typename Each>
    bool forEachElement(simdjson::ondemand::value &value, Each &&each)
    {
        simdjson::ondemand::array list;
        if (!array(value, list))
            return false;
        int index = 0;
        for (auto element : list) {
            at(index++);
            simdjson::ondemand::value item;
            if (const auto error = std::move(element).get(item))
                return failSimdjson(error);
            if (!each(item))
                return false;
        }
        return true;
    }

    // Calls each(key, value) for the members of an object, with the error position in each.
    template<typename Each>
    bool forEachMember(simdjson::ondemand::value &value, Each &&each)
    {
        simdjson::ondemand::object json;
        if (!object(value, json))
            return false;
        for (auto member : json) {
            simdjson::ondemand::field entry;
            if (const auto error = std::move(member).get(entry))
                return failSimdjson(error);
            std::string_view key;
            if (const auto error = entry.unescaped_key().get(key))
                return failSimdjson(error);
            enter(key);
            if (!each(key, entry.value()))
                return false;
            leave();
        }
        return true;
    }

    // A list of numbers, all finite as 32-bit floats (what they are stored as).
    bool numbers(simdjson::ondemand::value &value, QVector<float> &out)
    {
        out.clear();
        const bool read = forEachElement(value, [&](simdjson::ondemand::value &item) {
            double number = 0;
            if (!this->number(item, number))
                return false;
            // The token is still there after the value was read (simdjson keeps its start).
            if (std::abs(number) > double(std::numeric_limits<float>::max()))
                return fail(QCoreApplication::translate(
                                    "Boucle::PredictionLogReader",
                                    "%1 does not fit a 32-bit float (at most ±3.4e38)")
                                    .arg(fromView(trimmedToken(item.raw_json_token()))));
            out.append(float(number));
            return true;
        });
        if (!read)
            return false;
        at(-1);
        return true;
    }

    // Probabilities as an array in the log's class order or an object {label: p}; the result is
    // in the reader's class order.
    bool probabilities(simdjson::ondemand::value &value, QVector<float> &out)
    {
        simdjson::ondemand::json_type type;
        if (const auto error = value.type().get(type))
            return failSimdjson(error);
        out.clear();
        if (type == simdjson::ondemand::json_type::array) {
            QVector<float> raw;
            if (!numbers(value, raw))
                return false;
            if (reader.m_headerToProject.isEmpty())
                return fail(QCoreApplication::translate(
                        "Boucle::PredictionLogReader",
                        "probabilities given as an array need a classes header (first "
                        "line {\"classes\": [...]}); give them as an object "
                        "{\"label\": p} instead"));
            if (raw.size() != reader.m_headerToProject.size())
                return fail(QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "%1 probabilities for %2 classes")
                                    .arg(raw.size())
                                    .arg(reader.m_headerToProject.size()));
            out.fill(0.0f, reader.m_classes.size());
            for (qsizetype i = 0; i < raw.size(); ++i)
                out[reader.m_headerToProject[i]] = raw[i];
            return checkProbabilities(out);
        }
        if (type != simdjson::ondemand::json_type::object)
            return wrongType(value, QCoreApplication::translate(
                                            "Boucle::PredictionLogReader",
                                            "an array or an object {label: probability}"));
        const bool read = forEachMember(
                value, [&](std::string_view key, simdjson::ondemand::value &probability) {
                    QString problem;
                    const int index = reader.classIndex(fromView(key), true, &problem);
                    if (index < 0)
                        return fail(problem);
                    double p = 0;
                    if (!number(probability, p))
                        return false;
                    if (out.size() < reader.m_classes.size())
                        out.resize(reader.m_classes.size());
                    out[index] = float(p);
                    return true;
                });
        if (!read)
            return false;
        out.resize(reader.m_classes.size());
        return checkProbabilities(out);
    }

    bool checkProbabilities(const QVector<float> &probs)
    {
        const QString problem = reader.probabilityProblem(probs);
        return problem.isEmpty() || fail(problem);
    }

    bool committee(simdjson::ondemand::value &value, QList<CommitteeVote> &votes)
    {
        votes.clear();
        return forEachElement(value, [&](simdjson::ondemand::value &item) {
            CommitteeVote parsed;
            const bool read = forEachMember(
                    item, [&](std::string_view key, simdjson::ondemand::value &content) {
                        if (key == "model")
                            return string(content, parsed.model);
                        if (key == "label") {
                            if (!string(content, parsed.label))
                                return false;
                            QString problem;
                            if (reader.classIndex(parsed.label, true, &problem) < 0)
                                return fail(problem);
                        } else if (key == "probs") {
                            return probabilities(content, parsed.probs);
                        }
                        return true;
                    });
            if (!read)
                return false;
            if (parsed.label.isEmpty() && parsed.probs.isEmpty())
                return fail(QCoreApplication::translate(
                        "Boucle::PredictionLogReader",
                        "a committee member needs a label or probabilities"));
            if (parsed.model.isEmpty()) {
                enter("model");
                return fail(QCoreApplication::translate(
                        "Boucle::PredictionLogReader",
                        "each committee member needs the model that voted"));
            }
            if (parsed.label.isEmpty()) {
                const auto top = std::max_element(parsed.probs.cbegin(), parsed.probs.cend());
                parsed.label = reader.m_classes.at(int(top - parsed.probs.cbegin()));
            }
            votes.append(parsed);
            return true;
        });
    }

    bool pointList(simdjson::ondemand::value &value, QPolygonF &polygon)
    {
        simdjson::ondemand::array list;
        if (!array(value, list))
            return false;
        for (auto element : list) {
            simdjson::ondemand::value item;
            if (const auto error = std::move(element).get(item))
                return failSimdjson(error);
            QVector<float> xy;
            if (!numbers(item, xy))
                return false;
            if (xy.size() != 2)
                return fail(QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "each polygon point is [x, y]"));
            polygon.append(QPointF(xy[0], xy[1]));
        }
        if (polygon.size() < 3)
            return fail(QCoreApplication::translate("Boucle::PredictionLogReader",
                                                    "a polygon needs at least 3 points"));
        return true;
    }

    // {"size": [height, width], "counts": [n, ...] | "compressed"}: COCO's run-length encoding.
    bool maskRle(simdjson::ondemand::value &value, RleMask &mask)
    {
        bool hasSize = false, hasCounts = false;
        const bool read = forEachMember(value, [&](std::string_view key,
                                                   simdjson::ondemand::value &content) {
            if (key == "size") {
                QVector<double> size;
                const bool listed = forEachElement(content, [&](simdjson::ondemand::value &n) {
                    double number = 0;
                    if (!this->number(n, number))
                        return false;
                    size.append(number);
                    return true;
                });
                if (!listed)
                    return false;
                at(-1);
                if (size.size() != 2 || size[0] < 1 || size[1] < 1 || size[0] > 1e5 || size[1] > 1e5
                    || size[0] != std::floor(size[0]) || size[1] != std::floor(size[1]))
                    return fail(QCoreApplication::translate(
                            "Boucle::PredictionLogReader",
                            "a mask's size is [height, width], whole numbers from 1 to 100000"));
                mask.height = int(size[0]);
                mask.width = int(size[1]);
                hasSize = true;
            } else if (key == "counts") {
                mask.counts.clear();
                std::string_view compressed;
                simdjson::ondemand::json_type type {};
                if (content.type().get(type))
                    return fail(QCoreApplication::translate("Boucle::PredictionLogReader",
                                                            "mask counts are not readable"));
                if (type == simdjson::ondemand::json_type::string) {
                    if (content.get_string().get(compressed))
                        return fail(QCoreApplication::translate("Boucle::PredictionLogReader",
                                                                "mask counts are not readable"));
                    if (!RleMask::fromCompressedString(
                                QByteArray(compressed.data(), qsizetype(compressed.size())),
                                &mask.counts))
                        return fail(QCoreApplication::translate(
                                "Boucle::PredictionLogReader",
                                "mask counts are not a valid compressed run-length string"));
                } else {
                    const bool listed = forEachElement(content, [&](simdjson::ondemand::value &n) {
                        double number = 0;
                        if (!this->number(n, number))
                            return false;
                        if (number < 0 || number != std::floor(number)
                            || number > double(std::numeric_limits<quint32>::max()))
                            return fail(QCoreApplication::translate(
                                    "Boucle::PredictionLogReader",
                                    "mask counts are whole numbers from 0"));
                        mask.counts.append(quint32(number));
                        return true;
                    });
                    if (!listed)
                        return false;
                    at(-1);
                }
                hasCounts = true;
            }
            return true;
        });
        if (!read)
            return false;
        if (!hasSize || !hasCounts)
            return fail(QCoreApplication::translate("Boucle::PredictionLogReader",
                                                    "a mask needs a size and counts"));
        if (!mask.isConsistent())
            return fail(QCoreApplication::translate(
                                "Boucle::PredictionLogReader",
                                "a mask's counts add up to %1 pixels, not height × width = %2")
                                .arg(std::accumulate(mask.counts.cbegin(), mask.counts.cend(),
                                                     qint64(0)))
                                .arg(qint64(mask.width) * qint64(mask.height)));
        if (mask.area() == 0)
            return fail(QCoreApplication::translate("Boucle::PredictionLogReader",
                                                    "a mask sets no pixel"));
        return true;
    }

    bool objects(simdjson::ondemand::value &value, QList<PredictedObject> &out)
    {
        out.clear();
        return forEachElement(value, [&](simdjson::ondemand::value &item) {
            PredictedObject parsed;
            bool hasShape = false, hasScore = false, hasMask = false;
            const bool read = forEachMember(item, [&](std::string_view key,
                                                      simdjson::ondemand::value &content) {
                if (key == "label") {
                    if (!string(content, parsed.label))
                        return false;
                } else if (key == "score") {
                    if (!number(content, parsed.score))
                        return false;
                    if (parsed.score < 0 || parsed.score > 1)
                        return fail(QCoreApplication::translate("Boucle::PredictionLogReader",
                                                                "a score lies between 0 and 1"));
                    hasScore = true;
                } else if (key == "bbox") {
                    QVector<float> box;
                    if (!numbers(content, box))
                        return false;
                    if (box.size() != 4)
                        return fail(QCoreApplication::translate("Boucle::PredictionLogReader",
                                                                "a box is [x, y, width, height]"));
                    if (box[2] < 0 || box[3] < 0)
                        return fail(QCoreApplication::translate(
                                "Boucle::PredictionLogReader",
                                "a box has no negative width or height"));
                    parsed.shape = PredictedObject::Shape::Box;
                    parsed.box = QRectF(box[0], box[1], box[2], box[3]);
                    hasShape = true;
                } else if (key == "mask") {
                    if (!maskRle(content, parsed.mask))
                        return false;
                    hasMask = true;
                    hasShape = true;
                } else if (key == "polygon") {
                    parsed.shape = PredictedObject::Shape::Polygon;
                    if (!pointList(content, parsed.polygon))
                        return false;
                    hasShape = true;
                } else if (key == "span") {
                    // Read as doubles: a float loses character offsets above 2^24.
                    QVector<double> span;
                    const bool listed
                            = forEachElement(content, [&](simdjson::ondemand::value &element) {
                                  double position = 0;
                                  if (!number(element, position))
                                      return false;
                                  span.append(position);
                                  return true;
                              });
                    if (!listed)
                        return false;
                    at(-1);
                    if (span.size() != 2 || span[0] < 0 || span[1] < span[0])
                        return fail(QCoreApplication::translate(
                                "Boucle::PredictionLogReader",
                                "a span is [start, end] with 0 <= start <= end"));
                    if (span[1] > double(std::numeric_limits<int>::max()))
                        return fail(
                                QCoreApplication::translate("Boucle::PredictionLogReader",
                                                            "a span's start and end are at most %1")
                                        .arg(std::numeric_limits<int>::max()));
                    parsed.shape = PredictedObject::Shape::Span;
                    parsed.spanStart = int(span[0]);
                    parsed.spanEnd = int(span[1]);
                    hasShape = true;
                } else if (key == "text") {
                    if (!string(content, parsed.text))
                        return false;
                } else if (key == "page") {
                    double page = 0;
                    if (!number(content, page))
                        return false;
                    if (page < 0 || page != std::floor(page))
                        return fail(QCoreApplication::translate(
                                "Boucle::PredictionLogReader",
                                "a page number is a whole number from 0"));
                    if (page > double(std::numeric_limits<int>::max()))
                        return fail(QCoreApplication::translate("Boucle::PredictionLogReader",
                                                                "a page number is at most %1")
                                            .arg(std::numeric_limits<int>::max()));
                    parsed.page = int(page);
                }
                return true;
            });
            if (!read)
                return false;
            if (parsed.label.isEmpty())
                return fail(QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "each object needs a label"));
            if (reader.hasClassesHeader()) {
                QString problem;
                if (reader.classIndex(parsed.label, false, &problem) < 0) {
                    enter("label");
                    return fail(problem);
                }
            }
            if (!hasScore)
                parsed.score = 1.0;
            if (!hasShape)
                return fail(QCoreApplication::translate(
                        "Boucle::PredictionLogReader",
                        "each object needs a bbox, a polygon, a mask or a span"));
            if (hasMask) {
                // The mask is the object; a bbox beside it is only its extent.
                parsed.shape = PredictedObject::Shape::Mask;
                parsed.box = parsed.mask.bounds();
            }
            out.append(parsed);
            return true;
        });
    }

    bool flags(simdjson::ondemand::value &value, QList<UpstreamFlag> &out)
    {
        out.clear();
        return forEachElement(value, [&](simdjson::ondemand::value &item) {
            UpstreamFlag flag;
            const bool read = forEachMember(
                    item, [&](std::string_view key, simdjson::ondemand::value &content) {
                        if (key == "trigger") {
                            if (!string(content, flag.trigger))
                                return false;
                        } else if (key == "detail") {
                            if (!string(content, flag.detail))
                                return false;
                        }
                        return true;
                    });
            if (!read)
                return false;
            if (flag.trigger.isEmpty()) {
                enter("trigger");
                return fail(QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "each upstream flag names its trigger"));
            }
            out.append(flag);
            return true;
        });
    }

    // Any JSON value as a QJsonValue, for fields the contract does not know (kept as metadata).
    bool anyValue(simdjson::ondemand::value &value, QJsonValue &out)
    {
        simdjson::ondemand::json_type type;
        if (const auto error = value.type().get(type))
            return failSimdjson(error);
        std::string_view raw;
        if (type == simdjson::ondemand::json_type::object) {
            simdjson::ondemand::object json;
            if (const auto error = value.get_object().get(json))
                return failSimdjson(error);
            if (const auto error = json.raw_json().get(raw))
                return failSimdjson(error);
        } else if (type == simdjson::ondemand::json_type::array) {
            simdjson::ondemand::array json;
            if (const auto error = value.get_array().get(json))
                return failSimdjson(error);
            if (const auto error = json.raw_json().get(raw))
                return failSimdjson(error);
        } else {
            raw = value.raw_json_token();
        }
        QByteArray wrapped = "[";
        wrapped.append(raw.data(), qsizetype(raw.size()));
        wrapped.append(']');
        QJsonParseError error;
        const auto document = QJsonDocument::fromJson(wrapped, &error);
        if (error.error != QJsonParseError::NoError) {
            syntaxError = true;
            if (!reader.m_lineTerminated)
                return fail(QCoreApplication::translate(
                        "Boucle::PredictionLogReader",
                        "the last line is truncated: the file ends inside a JSON value"));
            const bool nonFinite = raw.find("NaN") != std::string_view::npos
                                   || raw.find("Infinity") != std::string_view::npos;
            return fail(nonFinite ? QCoreApplication::translate(
                                "Boucle::PredictionLogReader",
                                "NaN and infinite numbers are not allowed")
                                  : QCoreApplication::translate("Boucle::PredictionLogReader",
                                                                "malformed JSON (%1)")
                                            .arg(error.errorString()));
        }
        out = document.array().at(0);
        return true;
    }
};

PredictionLogReader::PredictionLogReader(Options options)
    : m_options(std::move(options))
    , m_json(std::make_unique<JsonParser>(*this))
{
    for (const auto &name : std::as_const(m_options.projectClasses)) {
        m_classIndex.insert(name, int(m_classes.size()));
        m_classes.append(name);
    }
}

PredictionLogReader::~PredictionLogReader() = default;

bool PredictionLogReader::setError(const QString &field, const QString &message)
{
    m_problem.file = m_displayPath;
    m_problem.line = m_lineNumber;
    m_problem.field = field;
    m_problem.message = message;
    return false;
}

int PredictionLogReader::classIndex(const QString &name, bool mayAdd, QString *problem)
{
    if (name.isEmpty()) {
        *problem = QCoreApplication::translate("Boucle::PredictionLogReader",
                                               "a class name is empty");
        return -1;
    }
    if (m_headerClasses) {
        // Once a header fixed the classes, only they are allowed.
        const int index = m_classIndex.value(name, -1);
        if (index < 0 || !m_listedInHeader.value(index)) {
            *problem = QCoreApplication::translate(
                               "Boucle::PredictionLogReader",
                               "unknown class '%1'; the classes header does not list it")
                               .arg(name);
            return -1;
        }
        return index;
    }
    const auto found = m_classIndex.constFind(name);
    if (found != m_classIndex.cend())
        return found.value();
    if (!mayAdd) {
        *problem = QCoreApplication::translate("Boucle::PredictionLogReader", "unknown class '%1'")
                           .arg(name);
        return -1;
    }
    if (*problem = InputRules::classNameProblem(name); !problem->isEmpty())
        return -1;
    if (m_classes.size() >= InputRules::maxClasses) {
        *problem = tooManyClasses(m_classes.size() + 1);
        return -1;
    }
    const int index = int(m_classes.size());
    m_classIndex.insert(name, index);
    m_classes.append(name);
    return index;
}

QString PredictionLogReader::tooManyClasses(qsizetype count) const
{
    return QCoreApplication::translate("Boucle::PredictionLogReader",
                                       "%1 classes are more than a project may hold (%2)")
            .arg(count)
            .arg(InputRules::maxClasses);
}

int PredictionLogReader::addHeaderClass(const QString &name)
{
    int index = m_classIndex.value(name, -1);
    if (index < 0) {
        index = int(m_classes.size());
        m_classIndex.insert(name, index);
        m_classes.append(name);
    }
    m_headerToProject.append(index);
    if (m_listedInHeader.size() < m_classes.size())
        m_listedInHeader.resize(m_classes.size());
    m_listedInHeader[index] = true;
    return index;
}

QString PredictionLogReader::probabilityProblem(const QVector<float> &probs) const
{
    double sum = 0;
    for (qsizetype i = 0; i < probs.size(); ++i) {
        const float p = probs[i];
        if (p < 0.0f || p > 1.0f)
            return QCoreApplication::translate("Boucle::PredictionLogReader",
                                               "probability %1 of class '%2' lies outside 0..1")
                    .arg(double(p))
                    .arg(m_classes.value(int(i)));
        sum += p;
    }
    if (std::abs(sum - 1.0) > m_options.probabilityTolerance)
        return QCoreApplication::translate("Boucle::PredictionLogReader",
                                           "probabilities sum to %1, not 1")
                .arg(sum, 0, 'g', 4);
    return {};
}

bool PredictionLogReader::open(const QString &path)
{
    m_path = path;
    m_displayPath = QDir::toNativeSeparators(path);
    m_problem = {};
    m_format = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? Format::Csv
                                                                         : Format::JsonLines;
    const QFileInfo info(path);
    if (!info.exists())
        return setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "the file does not exist"));
    if (info.isDir())
        return setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "this is a folder, not a prediction log"));
    // A FIFO or a device named as the log is refused before it is opened (it would block).
    QString openError;
    if (!DataRootFile::openInput(path, m_file, &openError))
        return setError({}, openError);
    m_fileSize = m_file.size();
    if (m_fileSize == 0)
        return setError(
                {}, QCoreApplication::translate("Boucle::PredictionLogReader", "the log is empty"));
    m_resolver = std::make_unique<LogPathResolver>(info.absolutePath(), m_options.dataRoot);

    // The header: the first line that holds anything.
    LineStatus status;
    do {
        status = readLine();
    } while (status == LineStatus::Line && m_line.trimmed().isEmpty());
    if (status == LineStatus::Failed)
        return false;
    if (status == LineStatus::End) {
        m_lineNumber = 0;
        return setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "the log holds no predictions"));
    }
    if (status == LineStatus::TooLong)
        return setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "the first line is longer than %1 MiB")
                                    .arg(m_options.maxLineBytes >> 20));
    if (m_format == Format::Csv)
        return parseCsvHeader();

    // A JSON header is an object with a "classes" key and no "sample" key (a class may well be
    // named "sample", so the keys are read, not the text searched).
    const auto trimmed = m_line.trimmed();
    if (!trimmed.startsWith('{') || !trimmed.contains("\"classes\"")) {
        m_pendingFirstLine = true;
        return true;
    }
    QJsonParseError parseError;
    const QJsonDocument header = QJsonDocument::fromJson(trimmed, &parseError);
    const bool isRecord = parseError.error == QJsonParseError::NoError
                                  ? header.object().contains(QStringLiteral("sample"))
                                  : trimmed.contains("\"sample\"");
    if (isRecord) {
        m_pendingFirstLine = true; // a prediction: read (and judged) as one
        return true;
    }
    if (parseError.error != QJsonParseError::NoError)
        return setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "malformed JSON in the classes header "
                                                        "(%1 at byte %2)")
                                    .arg(parseError.errorString())
                                    .arg(parseError.offset));
    const QJsonValue classes = header.object().value(QStringLiteral("classes"));
    if (!classes.isArray())
        return setError(QStringLiteral("classes"),
                        QCoreApplication::translate("Boucle::PredictionLogReader",
                                                    "the classes header is a list of class names"));
    const auto list = classes.toArray();
    if (list.isEmpty())
        return setError(QStringLiteral("classes"),
                        QCoreApplication::translate("Boucle::PredictionLogReader",
                                                    "the classes header lists no class"));
    if (list.size() > InputRules::maxClasses)
        return setError(QStringLiteral("classes"), tooManyClasses(list.size()));
    QSet<QString> seen;
    seen.reserve(list.size());
    for (int i = 0; i < list.size(); ++i) {
        const QString field = QStringLiteral("classes[%1]").arg(i);
        if (!list.at(i).isString() || list.at(i).toString().isEmpty())
            return setError(field,
                            QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "a class name is a non-empty string"));
        const QString name = list.at(i).toString();
        if (seen.contains(name))
            return setError(field, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                               "class '%1' is listed twice")
                                           .arg(name));
        seen.insert(name);
        if (!m_classIndex.contains(name)) {
            if (const QString problem = InputRules::classNameProblem(name); !problem.isEmpty())
                return setError(field, problem);
            if (m_classes.size() >= InputRules::maxClasses)
                return setError(QStringLiteral("classes"), tooManyClasses(m_classes.size() + 1));
        }
        addHeaderClass(name);
    }
    m_headerClasses = true;
    m_closedTaxonomy = true;
    return true;
}

PredictionLogReader::LineStatus PredictionLogReader::readLine()
{
    m_line.clear();
    bool discarding = false;
    for (;;) {
        const char *start = m_buffer.constData() + m_bufferPos;
        const qsizetype available = m_buffer.size() - m_bufferPos;
        const void *newline = available > 0 ? std::memchr(start, '\n', size_t(available)) : nullptr;
        const qsizetype length = newline ? static_cast<const char *>(newline) - start : available;
        if (!discarding && m_line.size() + length > m_options.maxLineBytes) {
            discarding = true;
            m_line.clear();
        }
        if (!discarding)
            m_line.append(start, length);
        if (newline) {
            m_bufferPos += length + 1;
            m_bytesConsumed += length + 1;
            ++m_lineNumber;
            m_lineTerminated = true;
            if (discarding)
                return LineStatus::TooLong;
            if (m_line.endsWith('\r'))
                m_line.chop(1);
            return LineStatus::Line;
        }
        m_bytesConsumed += available;
        m_buffer.resize(0);
        m_bufferPos = 0;
        if (m_eof) {
            if (m_line.isEmpty() && !discarding)
                return LineStatus::End;
            ++m_lineNumber;
            m_lineTerminated = false;
            if (discarding)
                return LineStatus::TooLong;
            if (m_line.endsWith('\r'))
                m_line.chop(1);
            return LineStatus::Line;
        }
        m_buffer.resize(chunkBytes);
        const qint64 got = m_file.read(m_buffer.data(), chunkBytes);
        if (got < 0) {
            setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                     "reading failed after %1 bytes (%2)")
                                 .arg(m_bytesConsumed)
                                 .arg(m_file.errorString()));
            return LineStatus::Failed;
        }
        m_buffer.resize(got);
        if (got == 0)
            m_eof = true;
        if (m_firstChunk && got > 0) {
            m_firstChunk = false;
            if (m_buffer.startsWith("\xEF\xBB\xBF")) {
                m_bufferPos = 3; // a UTF-8 byte-order mark says nothing we need
                m_bytesConsumed += 3;
            } else if (const QString encoding = InputRules::encodingProblem(m_buffer);
                       !encoding.isEmpty()) {
                m_lineNumber = 1;
                setError({}, encoding);
                m_problem.line = 0;
                return LineStatus::Failed;
            }
        }
    }
}

PredictionLogReader::Result PredictionLogReader::next(LogEntry &entry)
{
    m_problem = {};
    for (;;) {
        LineStatus status = LineStatus::Line;
        if (m_pendingFirstLine)
            m_pendingFirstLine = false;
        else
            status = readLine();
        switch (status) {
        case LineStatus::Failed:
            return Result::Failed;
        case LineStatus::End:
            return Result::End;
        case LineStatus::TooLong:
            setError({},
                     QCoreApplication::translate("Boucle::PredictionLogReader",
                                                 "the line is longer than %1 MiB; it was not read")
                             .arg(double(m_options.maxLineBytes) / (1 << 20)));
            return Result::Invalid;
        case LineStatus::Line:
            break;
        }
        bool blank = true;
        for (const char c : std::as_const(m_line)) {
            if (c != ' ' && c != '\t') {
                blank = false;
                break;
            }
        }
        if (blank)
            continue; // blank lines separate nothing; they are not predictions
        entry.line = m_lineNumber;
        const bool ok = m_format == Format::Csv ? parseCsvLine(entry) : parseJsonLine(entry);
        if (!ok)
            return Result::Invalid;
        ++m_entries;
        return Result::Entry;
    }
}

bool PredictionLogReader::parseJsonLine(LogEntry &entry)
{
    auto &json = *m_json;
    json.depth = 0;
    json.syntaxError = false;
    const size_t length = size_t(m_line.size());
    json.padded.resize(length + simdjson::SIMDJSON_PADDING);
    std::memcpy(json.padded.data(), m_line.constData(), length);
    std::memset(json.padded.data() + length, 0, simdjson::SIMDJSON_PADDING);

    simdjson::ondemand::document document;
    if (const auto error
        = json.parser.iterate(json.padded.data(), length, json.padded.size()).get(document))
        return json.failSimdjson(error);
    simdjson::ondemand::object object;
    {
        const auto error = document.get_object().get(object);
        if (error == simdjson::INCORRECT_TYPE) {
            if (!m_lineTerminated && !m_line.trimmed().endsWith('}'))
                return setError(
                        {},
                        QCoreApplication::translate(
                                "Boucle::PredictionLogReader",
                                "the last line is truncated: the file ends inside a JSON value"));
            return setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                            "each line is a JSON object {...}"));
        }
        if (error)
            return json.failSimdjson(error);
    }

    PredictionRecord &p = entry.prediction;
    p = PredictionRecord();
    QString sample, model;
    bool hasConfidence = false, hasProbs = false;
    for (auto member : object) {
        simdjson::ondemand::field field;
        if (const auto error = std::move(member).get(field))
            return json.failSimdjson(error);
        std::string_view key;
        if (const auto error = field.unescaped_key().get(key))
            return json.failSimdjson(error);
        json.depth = 0;
        json.enter(key);
        simdjson::ondemand::value value = field.value();
        if (key == "sample") {
            if (!json.string(value, sample))
                return false;
        } else if (key == "model") {
            if (!json.string(value, model))
                return false;
        } else if (key == "label") {
            if (!json.string(value, p.label))
                return false;
        } else if (key == "confidence") {
            if (!json.number(value, p.confidence))
                return false;
            if (p.confidence < 0 || p.confidence > 1)
                return json.fail(QCoreApplication::translate("Boucle::PredictionLogReader",
                                                             "confidence %1 lies outside 0..1")
                                         .arg(p.confidence));
            hasConfidence = true;
        } else if (key == "probs") {
            if (!json.probabilities(value, p.probs))
                return false;
            hasProbs = true;
        } else if (key == "committee") {
            if (!json.committee(value, p.committee))
                return false;
        } else if (key == "embedding") {
            if (!json.numbers(value, p.embedding))
                return false;
        } else if (key == "objects") {
            if (!json.objects(value, p.objects))
                return false;
        } else if (key == "heatmap") {
            QString written;
            if (!json.string(value, written))
                return false;
            QString error;
            p.heatmapPath = m_resolver->resolve(written, &error);
            if (p.heatmapPath.isEmpty())
                return json.fail(error);
        } else if (key == "time") {
            QString text;
            if (!json.string(value, text))
                return false;
            p.predictedAt = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (!p.predictedAt.isValid())
                return json.fail(
                        QCoreApplication::translate(
                                "Boucle::PredictionLogReader",
                                "'%1' is not an ISO-8601 time such as 2024-05-01T12:30:00Z")
                                .arg(text));
            p.predictedAt = p.predictedAt.toUTC();
        } else if (key == "truth") {
            if (!json.string(value, p.truth))
                return false;
        } else if (key == "report") {
            if (!json.string(value, p.report))
                return false;
        } else if (key == "flags") {
            if (!json.flags(value, p.upstreamFlags))
                return false;
        } else {
            QJsonValue kept;
            if (!json.anyValue(value, kept))
                return false;
            p.metadata.insert(fromView(key), kept);
        }
    }
    json.depth = 0;
    // simdjson 3.0 has no document::at_end(): after the object, the document has a current
    // location only when more JSON follows ("{...}{...}", "{...}}}").
    const char *after = nullptr;
    if (!document.current_location().get(after))
        return setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "unexpected text after the JSON object: %1")
                                    .arg(InputRules::quoted(QByteArrayView(
                                            after, json.padded.data() + m_line.size() - after))));
    if (!m_line.trimmed().endsWith('}')) {
        if (!m_lineTerminated)
            return setError(
                    {}, QCoreApplication::translate(
                                "Boucle::PredictionLogReader",
                                "the last line is truncated: the file ends inside a JSON value"));
        return setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "unexpected text after the JSON object"));
    }
    Q_UNUSED(hasProbs)
    return finishEntry(entry, sample, model, hasConfidence);
}

bool PredictionLogReader::finishEntry(LogEntry &entry, const QString &sample, const QString &model,
                                      bool hasConfidence)
{
    PredictionRecord &p = entry.prediction;
    p.logLine = entry.line;
    if (sample.isEmpty())
        return setError(QStringLiteral("sample"),
                        QCoreApplication::translate("Boucle::PredictionLogReader",
                                                    "the sample path is missing"));
    QString error;
    entry.sampleWritten = sample;
    entry.samplePath = m_resolver->resolve(sample, &error);
    if (entry.samplePath.isEmpty())
        return setError(QStringLiteral("sample"), error);
    if (model.isEmpty())
        return setError(QStringLiteral("model"),
                        QCoreApplication::translate("Boucle::PredictionLogReader",
                                                    "the model is missing (write name@version)"));
    // Most logs name one model on every line: split it once.
    if (model != entry.modelKey || entry.modelName.isEmpty()) {
        const qsizetype at = model.lastIndexOf(QLatin1Char('@'));
        if (at <= 0 || at == model.size() - 1)
            return setError(QStringLiteral("model"),
                            QCoreApplication::translate(
                                    "Boucle::PredictionLogReader",
                                    "'%1' is not name@version (e.g. resnet50@2024-05-01)")
                                    .arg(model));
        entry.modelKey = model;
        entry.modelName = model.left(at);
        entry.modelVersion = model.mid(at + 1);
    }

    QString problem;
    if (!p.label.isEmpty() && classIndex(p.label, true, &problem) < 0)
        return setError(QStringLiteral("label"), problem);
    if (!p.truth.isEmpty() && classIndex(p.truth, true, &problem) < 0)
        return setError(QStringLiteral("truth"), problem);
    if (!p.probs.isEmpty()) {
        p.probs.resize(m_classes.size());
        const auto top = std::max_element(p.probs.cbegin(), p.probs.cend());
        const int topIndex = int(top - p.probs.cbegin());
        if (p.label.isEmpty())
            p.label = m_classes.at(topIndex);
        if (!hasConfidence)
            p.confidence = p.probs.at(m_classIndex.value(p.label));
    } else if (p.label.isEmpty() && p.objects.isEmpty()) {
        return setError(
                QStringLiteral("label"),
                QCoreApplication::translate("Boucle::PredictionLogReader",
                                            "give label and confidence, or probs (or objects)"));
    } else if (!p.label.isEmpty() && !hasConfidence) {
        return setError(
                QStringLiteral("confidence"),
                QCoreApplication::translate("Boucle::PredictionLogReader",
                                            "a label needs its confidence (or give probs)"));
    }
    if (!p.embedding.isEmpty()) {
        const QString &key = entry.modelKey;
        const auto known = m_embeddingSize.constFind(key);
        if (known == m_embeddingSize.cend())
            m_embeddingSize.insert(key, int(p.embedding.size()));
        else if (known.value() != p.embedding.size())
            return setError(
                    QStringLiteral("embedding"),
                    QCoreApplication::translate("Boucle::PredictionLogReader",
                                                "%1 values; earlier lines of model %2 have %3")
                            .arg(p.embedding.size())
                            .arg(key)
                            .arg(known.value()));
    }
    return true;
}

namespace {

// Splits one CSV record (RFC 4180 quoting; a record does not span lines).
bool splitCsv(const QByteArray &line, QList<QByteArray> &cells, QString *error)
{
    cells.clear();
    QByteArray cell;
    bool quoted = false, wasQuoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line.at(i);
        if (quoted) {
            if (c == '"') {
                if (i + 1 < line.size() && line.at(i + 1) == '"') {
                    cell.append('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell.append(c);
            }
        } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (c == ',') {
            cells.append(wasQuoted ? cell : cell.trimmed());
            cell.clear();
            wasQuoted = false;
        } else {
            cell.append(c);
        }
    }
    if (quoted) {
        *error = QCoreApplication::translate("Boucle::PredictionLogReader",
                                             "a quoted cell is not closed");
        return false;
    }
    cells.append(wasQuoted ? cell : cell.trimmed());
    return true;
}

} // namespace

bool PredictionLogReader::parseCsvHeader()
{
    QList<QByteArray> cells;
    QString error;
    if (!splitCsv(m_line, cells, &error))
        return setError({}, error);
    QSet<QString> seen;
    seen.reserve(cells.size());
    for (int i = 0; i < cells.size(); ++i) {
        const QString name = QString::fromUtf8(cells.at(i));
        // A second "sample" column would silently win over the first (500 rows became one).
        if (seen.contains(name))
            return setError(name, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                              "the column '%1' appears twice")
                                          .arg(InputRules::quoted(cells.at(i))));
        seen.insert(name);
        m_csvColumns.append(name);
        if (name == QLatin1String("sample"))
            m_csvSample = i;
        else if (name == QLatin1String("model"))
            m_csvModel = i;
        else if (name == QLatin1String("label"))
            m_csvLabel = i;
        else if (name == QLatin1String("confidence"))
            m_csvConfidence = i;
        else if (name == QLatin1String("time"))
            m_csvTime = i;
        else if (name == QLatin1String("truth"))
            m_csvTruth = i;
        else if (name == QLatin1String("report"))
            m_csvReport = i;
        else if (name == QLatin1String("heatmap"))
            m_csvHeatmap = i;
        else if (name.startsWith(QLatin1String("p_")) && name.size() > 2) {
            const QString className = name.mid(2);
            if (!m_classIndex.contains(className)) {
                if (const QString problem = InputRules::classNameProblem(className);
                    !problem.isEmpty())
                    return setError(name, problem);
                if (m_classes.size() >= InputRules::maxClasses)
                    return setError(name, tooManyClasses(m_classes.size() + 1));
            }
            addHeaderClass(className);
            m_csvProbColumns.append(i);
        }
    }
    // Which columns the contract reads; the others are kept as metadata.
    m_csvKnownColumn.fill(false, m_csvColumns.size());
    for (const int column : {m_csvSample, m_csvModel, m_csvLabel, m_csvConfidence, m_csvTime,
                             m_csvTruth, m_csvReport, m_csvHeatmap}) {
        if (column >= 0)
            m_csvKnownColumn[column] = true;
    }
    for (const int column : std::as_const(m_csvProbColumns))
        m_csvKnownColumn[column] = true;
    if (m_csvSample < 0 || m_csvModel < 0)
        return setError(
                {}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                "the first line of a CSV log names its columns: "
                                                "sample,model,label,confidence[,p_<class>...]"));
    if (m_csvLabel < 0 && m_csvProbColumns.isEmpty())
        return setError({}, QCoreApplication::translate(
                                    "Boucle::PredictionLogReader",
                                    "the CSV log needs a label column or p_<class> columns"));
    if (!m_csvProbColumns.isEmpty()) {
        m_headerClasses = true;
        m_closedTaxonomy = true;
    }
    return true;
}

bool PredictionLogReader::parseCsvLine(LogEntry &entry)
{
    QList<QByteArray> cells;
    QString error;
    if (!splitCsv(m_line, cells, &error)) {
        if (!m_lineTerminated)
            return setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                            "the last line is truncated: %1")
                                        .arg(error));
        return setError({}, error);
    }
    if (cells.size() != m_csvColumns.size()) {
        if (!m_lineTerminated && cells.size() < m_csvColumns.size())
            return setError(
                    {}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                    "the last line is truncated: %1 of %2 columns")
                                .arg(cells.size())
                                .arg(m_csvColumns.size()));
        return setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "%1 columns where the header has %2")
                                    .arg(cells.size())
                                    .arg(m_csvColumns.size()));
    }
    PredictionRecord &p = entry.prediction;
    p = PredictionRecord();
    auto number = [&](int column, double &out) {
        const QByteArray &cell = cells.at(column);
        bool ok = false;
        out = cell.toDouble(&ok);
        if (ok && std::isfinite(out))
            return true; // the common case costs no allocation
        const QString &field = m_csvColumns.at(column);
        const QByteArray lower = cell.toLower();
        if (lower.contains("nan") || lower.contains("inf"))
            return setError(
                    field, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                       "NaN and infinite numbers are not allowed"));
        return setError(field, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                           "'%1' is not a finite number")
                                       .arg(InputRules::quoted(cell)));
    };
    bool hasConfidence = false;
    if (m_csvLabel >= 0)
        p.label = QString::fromUtf8(cells.at(m_csvLabel));
    if (m_csvConfidence >= 0 && !cells.at(m_csvConfidence).isEmpty()) {
        if (!number(m_csvConfidence, p.confidence))
            return false;
        if (p.confidence < 0 || p.confidence > 1)
            return setError(QStringLiteral("confidence"),
                            QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "confidence %1 lies outside 0..1")
                                    .arg(p.confidence));
        hasConfidence = true;
    }
    if (!m_csvProbColumns.isEmpty()) {
        p.probs.fill(0.0f, m_classes.size());
        bool any = false;
        for (qsizetype i = 0; i < m_csvProbColumns.size(); ++i) {
            const int column = m_csvProbColumns.at(i);
            if (cells.at(column).isEmpty())
                continue;
            double value = 0;
            if (!number(column, value))
                return false;
            p.probs[m_headerToProject.at(i)] = float(value);
            any = true;
        }
        if (!any)
            p.probs.clear();
        else if (const QString problem = probabilityProblem(p.probs); !problem.isEmpty())
            return setError(QStringLiteral("p_*"), problem);
    }
    if (m_csvTime >= 0 && !cells.at(m_csvTime).isEmpty()) {
        const QString text = QString::fromUtf8(cells.at(m_csvTime));
        p.predictedAt = QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
        if (!p.predictedAt.isValid())
            return setError(QStringLiteral("time"),
                            QCoreApplication::translate(
                                    "Boucle::PredictionLogReader",
                                    "'%1' is not an ISO-8601 time such as 2024-05-01T12:30:00Z")
                                    .arg(text));
    }
    if (m_csvTruth >= 0)
        p.truth = QString::fromUtf8(cells.at(m_csvTruth));
    if (m_csvReport >= 0)
        p.report = QString::fromUtf8(cells.at(m_csvReport));
    if (m_csvHeatmap >= 0 && !cells.at(m_csvHeatmap).isEmpty()) {
        QString resolveError;
        p.heatmapPath
                = m_resolver->resolve(QString::fromUtf8(cells.at(m_csvHeatmap)), &resolveError);
        if (p.heatmapPath.isEmpty())
            return setError(QStringLiteral("heatmap"), resolveError);
    }
    for (int i = 0; i < cells.size(); ++i) {
        if (!m_csvKnownColumn.at(i) && !cells.at(i).isEmpty())
            p.metadata.insert(m_csvColumns.at(i), QString::fromUtf8(cells.at(i)));
    }
    return finishEntry(entry, QString::fromUtf8(cells.at(m_csvSample)),
                       QString::fromUtf8(cells.at(m_csvModel)), hasConfidence);
}

} // namespace Boucle
