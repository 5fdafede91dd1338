#include "cocoelements.h"

#include "ingest/inputrules.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cmath>

namespace Boucle::CocoElements {

using simdjson::dom::element;
using simdjson::dom::element_type;

QString fromView(std::string_view view)
{
    return QString::fromUtf8(view.data(), qsizetype(view.size()));
}

QString Where::at(QStringView field) const
{
    QString text = QString::fromLatin1(list);
    if (index >= 0)
        text += QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
    if (!field.isEmpty()) {
        if (!text.isEmpty() && !field.startsWith(QLatin1Char('[')))
            text += QLatin1Char('.');
        text += field;
    }
    return text;
}

void Reporter::problem(const QString &field, const QString &message, qint64 line)
{
    m_result.addProblem({QDir::toNativeSeparators(m_file), line, field, message}, m_listed);
}

QString typeName(const element &value)
{
    switch (value.type()) {
    case element_type::ARRAY:
        return QCoreApplication::translate("Boucle::CocoReader", "an array");
    case element_type::OBJECT:
        return QCoreApplication::translate("Boucle::CocoReader", "an object");
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
        return QCoreApplication::translate("Boucle::CocoReader", "a number");
    case element_type::STRING:
        return QCoreApplication::translate("Boucle::CocoReader", "a string");
    case element_type::BOOL:
        return QCoreApplication::translate("Boucle::CocoReader", "true or false");
    case element_type::NULL_VALUE:
        return QCoreApplication::translate("Boucle::CocoReader", "null");
    }
    return {};
}

bool parseFile(const QString &path, simdjson::dom::parser &parser, element *root,
               Reporter &reporter)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        reporter.problem(
                {}, QCoreApplication::translate("Boucle::CocoReader", "the file does not exist"));
        return false;
    }
    if (!info.isFile()) {
        reporter.problem({}, QCoreApplication::translate("Boucle::CocoReader",
                                                         "this is not a regular file"));
        return false;
    }
    if (info.size() > maxFileBytes) {
        reporter.problem(
                {}, QCoreApplication::translate(
                            "Boucle::CocoReader",
                            "the file is %1 MiB, more than the limit of %2 MiB for a COCO file")
                            .arg(info.size() >> 20)
                            .arg(maxFileBytes >> 20));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        reporter.problem(
                {}, QCoreApplication::translate("Boucle::CocoReader", "cannot open the file: %1")
                            .arg(file.errorString()));
        return false;
    }
    const qint64 size = file.size();
    simdjson::padded_string text(size_t(std::max<qint64>(size, 0)));
    if (size > 0 && file.read(text.data(), size) != size) {
        reporter.problem(
                {}, QCoreApplication::translate("Boucle::CocoReader", "cannot read the file: %1")
                            .arg(file.errorString()));
        return false;
    }
    const QString encoding = InputRules::encodingProblem(
            QByteArrayView(text.data(), qsizetype(std::min<qint64>(size, 4))));
    if (!encoding.isEmpty()) {
        reporter.problem({}, encoding);
        return false;
    }
    // The parser keeps pointing into its own copy of the text; `text` may go.
    const simdjson::error_code error = parser.parse(text).get(*root);
    if (!error)
        return true;
    // simdjson says what is wrong but not where; Qt's parser is slower but gives the offset.
    qint64 line = 0;
    QString message = QString::fromUtf8(simdjson::error_message(error));
    if (size <= (qint64(128) << 20)) {
        QJsonParseError qtError;
        QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), qsizetype(size)), &qtError);
        if (qtError.error != QJsonParseError::NoError) {
            line = 1 + std::count(text.data(), text.data() + qtError.offset, '\n');
            message = qtError.errorString();
        }
    }
    reporter.problem({},
                     QCoreApplication::translate("Boucle::CocoReader", "this is not valid JSON: %1")
                             .arg(message),
                     line);
    return false;
}

bool integer(const element &value, qint64 *out, qint64 min, qint64 max)
{
    qint64 number = 0;
    switch (value.type()) {
    case element_type::INT64:
        number = value.get_int64().value_unsafe();
        break;
    case element_type::UINT64:
        return false; // above qint64's range, so above every max used here
    case element_type::DOUBLE: {
        const double d = value.get_double().value_unsafe();
        if (!std::isfinite(d) || d != std::floor(d) || d < -9.0e15 || d > 9.0e15)
            return false;
        number = qint64(d);
        break;
    }
    default:
        return false;
    }
    if (number < min || number > max)
        return false;
    *out = number;
    return true;
}

bool readInteger(const element &value, const Where &where, QStringView field, Reporter &reporter,
                 qint64 *out, qint64 min, qint64 max)
{
    if (integer(value, out, min, max))
        return true;
    const bool isNumber = value.is_number();
    if (!isNumber)
        reporter.problem(where.at(field), QCoreApplication::translate("Boucle::CocoReader",
                                                                      "must be an integer, not %1")
                                                  .arg(typeName(value)));
    else if (min == 0 && max == std::numeric_limits<qint64>::max())
        reporter.problem(where.at(field),
                         QCoreApplication::translate("Boucle::CocoReader",
                                                     "must be a whole number of at least 0, not %1")
                                 .arg(value.get_double().value_unsafe(), 0, 'g', 17));
    else
        reporter.problem(where.at(field),
                         QCoreApplication::translate("Boucle::CocoReader",
                                                     "must be a whole number from %1 to %2, not %3")
                                 .arg(min)
                                 .arg(max)
                                 .arg(value.get_double().value_unsafe(), 0, 'g', 17));
    return false;
}

namespace {

// `field` composes the path's last part, only for a message.
template<typename Field>
bool numberAt(const element &value, const Where &where, Field &&field, Reporter &reporter,
              double *out)
{
    if (value.get_double().get(*out) != simdjson::SUCCESS) {
        reporter.problem(where.at(field()), QCoreApplication::translate("Boucle::CocoReader",
                                                                        "must be a number, not %1")
                                                    .arg(typeName(value)));
        return false;
    }
    if (!std::isfinite(*out)) {
        reporter.problem(where.at(field()),
                         QCoreApplication::translate("Boucle::CocoReader",
                                                     "NaN and infinite numbers are not allowed"));
        return false;
    }
    return true;
}

QString pixels(double value)
{
    return QString::number(value, 'g', 10);
}

template<typename Field>
bool pointInside(double x, double y, QSize image, const Where &where, Field &&field,
                 Reporter &reporter)
{
    if (!image.isValid())
        return true;
    if (x < -outsideTolerance || y < -outsideTolerance || x > image.width() + outsideTolerance
        || y > image.height() + outsideTolerance) {
        reporter.problem(where.at(field()),
                         QCoreApplication::translate(
                                 "Boucle::CocoReader",
                                 "the point (%1, %2) is outside the image, which is %3×%4 pixels")
                                 .arg(pixels(x), pixels(y))
                                 .arg(image.width())
                                 .arg(image.height()));
        return false;
    }
    return true;
}

bool readCounts(const element &value, const Where &where, Reporter &reporter, RleMask *mask,
                bool *asList)
{
    const QString field = QStringLiteral("segmentation.counts");
    std::string_view text;
    if (value.get_string().get(text) == simdjson::SUCCESS) {
        *asList = false;
        if (!RleMask::fromCompressedString(
                    QByteArray::fromRawData(text.data(), qsizetype(text.size())), &mask->counts)) {
            reporter.problem(where.at(field),
                             QCoreApplication::translate(
                                     "Boucle::CocoReader",
                                     "is not a compressed RLE string as pycocotools writes it"));
            return false;
        }
        return true;
    }
    simdjson::dom::array list;
    if (value.get_array().get(list) != simdjson::SUCCESS) {
        reporter.problem(
                where.at(field),
                QCoreApplication::translate("Boucle::CocoReader",
                                            "must be a string or an array of integers, not %1")
                        .arg(typeName(value)));
        return false;
    }
    *asList = true;
    mask->counts.reserve(qsizetype(list.size()));
    qsizetype i = 0;
    for (const element item : list) {
        qint64 run = 0;
        if (!integer(item, &run, 0, 0xffffffffLL)) {
            readInteger(item, where, QStringLiteral("segmentation.counts[%1]").arg(i), reporter,
                        &run, 0, 0xffffffffLL);
            return false;
        }
        mask->counts.append(quint32(run));
        ++i;
    }
    return true;
}

bool readRle(const simdjson::dom::object &object, const Where &where, QSize image,
             Reporter &reporter, Annotation *annotation)
{
    element size, counts;
    bool hasSize = false, hasCounts = false;
    for (const auto field : object) {
        if (field.key == "size") {
            size = field.value;
            hasSize = true;
        } else if (field.key == "counts") {
            counts = field.value;
            hasCounts = true;
        }
    }
    if (!hasSize || !hasCounts) {
        reporter.problem(where.at(u"segmentation"),
                         QCoreApplication::translate(
                                 "Boucle::CocoReader",
                                 "an RLE segmentation needs both \"size\" and \"counts\""));
        return false;
    }
    simdjson::dom::array sizeList;
    if (size.get_array().get(sizeList) != simdjson::SUCCESS || sizeList.size() != 2) {
        reporter.problem(
                where.at(u"segmentation.size"),
                QCoreApplication::translate("Boucle::CocoReader",
                                            "must be an array of 2 integers [height, width]"));
        return false;
    }
    qint64 height = 0, width = 0;
    if (!readInteger(sizeList.at(0).value_unsafe(), where, u"segmentation.size[0]", reporter,
                     &height, 0, maxImageSide)
        || !readInteger(sizeList.at(1).value_unsafe(), where, u"segmentation.size[1]", reporter,
                        &width, 0, maxImageSide))
        return false;
    if (image.isValid() && (width != image.width() || height != image.height())) {
        reporter.problem(
                where.at(u"segmentation.size"),
                QCoreApplication::translate(
                        "Boucle::CocoReader",
                        "is [%1, %2] ([height, width]) but the image is %3 high and %4 wide")
                        .arg(height)
                        .arg(width)
                        .arg(image.height())
                        .arg(image.width()));
        return false;
    }
    RleMask mask;
    mask.width = int(width);
    mask.height = int(height);
    bool asList = false;
    if (!readCounts(counts, where, reporter, &mask, &asList))
        return false;
    if (!mask.isConsistent()) {
        qint64 total = 0;
        for (const quint32 run : mask.counts)
            total += run;
        reporter.problem(
                where.at(u"segmentation.counts"),
                QCoreApplication::translate("Boucle::CocoReader",
                                            "the runs add up to %1 pixels, not %2 × %3 = %4")
                        .arg(total)
                        .arg(height)
                        .arg(width)
                        .arg(height * width));
        return false;
    }
    annotation->shape = Annotation::Shape::Mask;
    annotation->mask = std::move(mask);
    if (asList)
        annotation->attributes.insert(QStringLiteral("rle_counts"), QStringLiteral("list"));
    return true;
}

} // namespace

bool readBox(const element &value, const Where &where, QSize image, Reporter &reporter, QRectF *box)
{
    simdjson::dom::array list;
    if (value.get_array().get(list) != simdjson::SUCCESS) {
        reporter.problem(
                where.at(u"bbox"),
                QCoreApplication::translate("Boucle::CocoReader",
                                            "must be an array [x, y, width, height], not %1")
                        .arg(typeName(value)));
        return false;
    }
    if (list.size() != 4) {
        reporter.problem(
                where.at(u"bbox"),
                QCoreApplication::translate("Boucle::CocoReader",
                                            "must hold 4 numbers [x, y, width, height], not %1")
                        .arg(list.size()));
        return false;
    }
    double v[4];
    int i = 0;
    for (const element item : list) {
        if (!numberAt(
                    item, where, [i] { return QStringLiteral("bbox[%1]").arg(i); }, reporter,
                    &v[i]))
            return false;
        ++i;
    }
    if (v[2] < 0 || v[3] < 0) {
        reporter.problem(
                where.at(v[2] < 0 ? u"bbox[2]" : u"bbox[3]"),
                QCoreApplication::translate("Boucle::CocoReader",
                                            "a box cannot have a negative width or height (%1)")
                        .arg(pixels(v[2] < 0 ? v[2] : v[3])));
        return false;
    }
    if (image.isValid()
        && (v[0] < -outsideTolerance || v[1] < -outsideTolerance
            || v[0] + v[2] > image.width() + outsideTolerance
            || v[1] + v[3] > image.height() + outsideTolerance)) {
        reporter.problem(where.at(u"bbox"),
                         QCoreApplication::translate(
                                 "Boucle::CocoReader",
                                 "the box [%1, %2, %3, %4] leaves the image, which is %5×%6 pixels "
                                 "(a box may end at most at the image's width and height)")
                                 .arg(pixels(v[0]), pixels(v[1]), pixels(v[2]), pixels(v[3]))
                                 .arg(image.width())
                                 .arg(image.height()));
        return false;
    }
    *box = QRectF(v[0], v[1], v[2], v[3]);
    return true;
}

bool readSegmentation(const element &value, const Where &where, QSize image, Reporter &reporter,
                      Annotation *annotation)
{
    simdjson::dom::object object;
    if (value.get_object().get(object) == simdjson::SUCCESS)
        return readRle(object, where, image, reporter, annotation);
    simdjson::dom::array parts;
    if (value.get_array().get(parts) != simdjson::SUCCESS) {
        reporter.problem(
                where.at(u"segmentation"),
                QCoreApplication::translate("Boucle::CocoReader",
                                            "must be an array of polygons or an RLE object, not %1")
                        .arg(typeName(value)));
        return false;
    }
    if (parts.size() == 0)
        return true; // "segmentation": [] is a plain box
    QList<QPolygonF> polygons;
    polygons.reserve(qsizetype(parts.size()));
    int p = 0;
    for (const element part : parts) {
        simdjson::dom::array coordinates;
        if (part.get_array().get(coordinates) != simdjson::SUCCESS) {
            reporter.problem(where.at(QStringLiteral("segmentation[%1]").arg(p)),
                             QCoreApplication::translate(
                                     "Boucle::CocoReader",
                                     "a polygon must be an array [x1, y1, x2, y2, ...], not %1")
                                     .arg(typeName(part)));
            return false;
        }
        const size_t count = coordinates.size();
        if (count % 2 != 0 || count < 6) {
            reporter.problem(
                    where.at(QStringLiteral("segmentation[%1]").arg(p)),
                    QCoreApplication::translate(
                            "Boucle::CocoReader",
                            "a polygon needs an even count of at least 6 numbers (3 points), "
                            "not %1")
                            .arg(count));
            return false;
        }
        QPolygonF polygon;
        polygon.reserve(qsizetype(count / 2));
        double pair[2];
        int k = 0;
        for (const element item : coordinates) {
            if (!numberAt(
                        item, where,
                        [p, k] { return QStringLiteral("segmentation[%1][%2]").arg(p).arg(k); },
                        reporter, &pair[k % 2]))
                return false;
            if (k % 2 == 1) {
                if (!pointInside(
                            pair[0], pair[1], image, where,
                            [p, k] {
                                return QStringLiteral("segmentation[%1][%2]").arg(p).arg(k - 1);
                            },
                            reporter))
                    return false;
                polygon.append(QPointF(pair[0], pair[1]));
            }
            ++k;
        }
        polygons.append(std::move(polygon));
        ++p;
    }
    annotation->shape = Annotation::Shape::Polygon;
    annotation->polygons = std::move(polygons);
    return true;
}

} // namespace Boucle::CocoElements
