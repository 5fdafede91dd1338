// CVAT for images 1.1 XML: <image name width height> holding <box>, <polygon>, <points> and
// <tag>. Corners are continuous pixels as Boucle's own; a box's rotation turns it about its
// centre, converted here once to Boucle's top-left pivot. docs/formats/labelstudio-labelme-cvat.md.
#include "annotationreader.h"
#include "boxrotation.h"
#include "imaging/regularfile.h"
#include "progress/progresssink.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QXmlStreamReader>

#include <cmath>

namespace Boucle::AnnotationReaders {

namespace {

constexpr qint64 maxFileBytes = 1024ll * 1024 * 1024;
constexpr double tolerancePixels = 1e-6;
constexpr double maxSide = 1'000'000;

class CvatFileReader
{
public:
    CvatFileReader(QIODevice *device, const QString &file, const AnnotationReadOptions &options,
                   AnnotationReadResult &result)
        : m_xml(device)
        , m_file(QDir::toNativeSeparators(file))
        , m_options(options)
        , m_result(result)
    { }

    void read();

private:
    bool fail(const QString &field, const QString &message, qint64 line = -1)
    {
        m_result.addProblem({m_file, line >= 0 ? line : m_xml.lineNumber(), field, message},
                            m_options.listedProblems);
        return false;
    }
    QString element() const { return m_xml.name().toString(); }
    // A required attribute of the current element.
    bool text(const QString &name, QString *out);
    bool number(const QString &name, double *out, bool required = true);
    bool readMeta();
    bool readImage();
    bool readShape(AnnotatedImage *image);
    void noteLabel(const QString &label, qint64 line)
    {
        m_used.append({label, line});
        if (!m_classNames.contains(label)) {
            m_classNames.insert(label);
            m_found.append(label);
        }
    }

    QXmlStreamReader m_xml;
    QString m_file;
    const AnnotationReadOptions &m_options;
    AnnotationReadResult &m_result;
    bool m_labelsListed = false;
    QStringList m_listed;
    QStringList m_found;
    QSet<QString> m_classNames;
    QList<QPair<QString, qint64>> m_used;
};

bool CvatFileReader::text(const QString &name, QString *out)
{
    const QXmlStreamAttributes attributes = m_xml.attributes();
    if (!attributes.hasAttribute(name))
        return fail(name,
                    QCoreApplication::translate("Boucle::CvatReader", "<%1> lacks the attribute %2")
                            .arg(element(), name));
    *out = attributes.value(name).toString();
    return true;
}

bool CvatFileReader::number(const QString &name, double *out, bool required)
{
    const QXmlStreamAttributes attributes = m_xml.attributes();
    if (!attributes.hasAttribute(name)) {
        if (required)
            return fail(name, QCoreApplication::translate("Boucle::CvatReader",
                                                          "<%1> lacks the attribute %2")
                                      .arg(element(), name));
        return true;
    }
    const QString value = attributes.value(name).toString();
    bool ok = false;
    *out = value.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(*out))
        return fail(name,
                    QCoreApplication::translate("Boucle::CvatReader", "'%1' is not a finite number")
                            .arg(value));
    return true;
}

void CvatFileReader::read()
{
    if (!m_xml.readNextStartElement()) {
        fail({}, QCoreApplication::translate("Boucle::CvatReader", "this is not XML (%1)")
                         .arg(m_xml.errorString()));
        return;
    }
    if (m_xml.name() != QLatin1String("annotations")) {
        fail({}, QCoreApplication::translate(
                         "Boucle::CvatReader",
                         "the root element is <%1>; CVAT for images has <annotations>")
                         .arg(element()));
        return;
    }
    qint64 images = 0;
    while (m_xml.readNextStartElement()) {
        if (m_options.progress && m_options.progress->isCancelled()) {
            m_result.cancelled = true;
            return;
        }
        if (m_xml.name() == QLatin1String("version")) {
            const qint64 line = m_xml.lineNumber();
            const QString version = m_xml.readElementText().trimmed();
            if (version != QLatin1String("1.1"))
                fail(QStringLiteral("version"),
                     QCoreApplication::translate("Boucle::CvatReader",
                                                 "version '%1'; Boucle reads CVAT for images 1.1")
                             .arg(version),
                     line);
        } else if (m_xml.name() == QLatin1String("meta")) {
            readMeta();
        } else if (m_xml.name() == QLatin1String("image")) {
            readImage();
            if (m_options.progress && ++images % 256 == 0)
                m_options.progress->progress(
                        m_xml.characterOffset(), 0,
                        QCoreApplication::translate("Boucle::CvatReader",
                                                    "Reading CVAT annotations"));
        } else {
            m_xml.skipCurrentElement(); // <track> and others belong to CVAT for video
        }
    }
    if (m_xml.hasError()) {
        fail({},
             QCoreApplication::translate("Boucle::CvatReader", "this is not well-formed XML (%1)")
                     .arg(m_xml.errorString()));
        return;
    }
    if (m_labelsListed) {
        const QSet<QString> listed(m_listed.begin(), m_listed.end());
        for (const auto &[label, line] : std::as_const(m_used))
            if (!listed.contains(label))
                fail(QStringLiteral("label"),
                     QCoreApplication::translate("Boucle::CvatReader",
                                                 "unknown label '%1'; <meta> does not list it")
                             .arg(label),
                     line);
    }
    for (const QString &name : m_labelsListed ? m_listed : m_found)
        m_result.set.classes.append({name, -1, {}});
}

bool CvatFileReader::readMeta()
{
    // Labels sit in <meta><task> or <meta><project> (or <job>): <labels><label><name>.
    int depth = 1;
    while (depth > 0 && !m_xml.atEnd()) {
        const QXmlStreamReader::TokenType token = m_xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            --depth;
        } else if (token == QXmlStreamReader::StartElement) {
            if (m_xml.name() == QLatin1String("labels")) {
                m_labelsListed = true;
                ++depth;
            } else if (m_xml.name() == QLatin1String("label")) {
                // <label><name>cat</name><attributes>...</attributes></label>
                while (m_xml.readNextStartElement()) {
                    if (m_xml.name() == QLatin1String("name")) {
                        const QString name = m_xml.readElementText().trimmed();
                        if (!m_listed.contains(name))
                            m_listed.append(name);
                    } else {
                        m_xml.skipCurrentElement();
                    }
                }
            } else {
                ++depth;
            }
        }
    }
    return true;
}

bool CvatFileReader::readImage()
{
    AnnotatedImage image;
    image.originFile = m_file;
    image.originLine = m_xml.lineNumber();
    double id = 0, width = 0, height = 0;
    QString name;
    if (!text(QStringLiteral("name"), &name) || !number(QStringLiteral("width"), &width)
        || !number(QStringLiteral("height"), &height)
        || !number(QStringLiteral("id"), &id, false)) {
        m_xml.skipCurrentElement();
        return false;
    }
    for (const auto &[key, side] :
         {std::pair {QStringLiteral("width"), width}, std::pair {QStringLiteral("height"), height}})
        if (!(side >= 1 && side <= maxSide && side == std::floor(side))) {
            fail(key,
                 QCoreApplication::translate("Boucle::CvatReader",
                                             "%1 is not a whole number of pixels from 1 to 1000000")
                         .arg(side, 0, 'g', 17));
            m_xml.skipCurrentElement();
            return false;
        }
    if (name.isEmpty()) {
        fail(QStringLiteral("name"),
             QCoreApplication::translate("Boucle::CvatReader", "the image's name is empty"));
        m_xml.skipCurrentElement();
        return false;
    }
    image.path = name;
    image.size = QSize(int(width), int(height));
    image.originField = QStringLiteral("image '%1'").arg(name);
    if (m_xml.attributes().hasAttribute(QLatin1String("id")))
        image.attributes.insert(QStringLiteral("id"), id);
    bool ok = true;
    while (m_xml.readNextStartElement())
        if (!readShape(&image))
            ok = false;
    if (ok)
        m_result.set.images.append(std::move(image));
    return ok;
}

bool CvatFileReader::readShape(AnnotatedImage *image)
{
    const QString kind = element();
    const qint64 line = m_xml.lineNumber();
    auto skip = [&](bool value) {
        if (m_xml.tokenType() == QXmlStreamReader::StartElement && m_xml.name() == kind)
            m_xml.skipCurrentElement();
        return value;
    };
    if (kind != QLatin1String("box") && kind != QLatin1String("polygon")
        && kind != QLatin1String("points") && kind != QLatin1String("tag"))
        return skip(
                fail({}, QCoreApplication::translate(
                                 "Boucle::CvatReader",
                                 "<%1> shapes are not read by Boucle (box, polygon, points and tag "
                                 "are)")
                                 .arg(kind)));
    QString label;
    if (!text(QStringLiteral("label"), &label))
        return skip(false);
    if (label.isEmpty())
        return skip(fail(QStringLiteral("label"),
                         QCoreApplication::translate("Boucle::CvatReader", "the label is empty")));

    if (kind == QLatin1String("tag")) {
        if (!image->label.isEmpty())
            return skip(fail(QStringLiteral("label"),
                             QCoreApplication::translate(
                                     "Boucle::CvatReader",
                                     "a second <tag> ('%1' after '%2'); Boucle keeps one label per "
                                     "image")
                                     .arg(label, image->label)));
        image->label = label;
        noteLabel(label, line);
        return skip(true);
    }

    Annotation annotation;
    annotation.label = label;
    const QXmlStreamAttributes attributes = m_xml.attributes();
    double occluded = 0, zOrder = 0, group = 0;
    if (!number(QStringLiteral("occluded"), &occluded, false)
        || !number(QStringLiteral("z_order"), &zOrder, false)
        || !number(QStringLiteral("group_id"), &group, false))
        return skip(false);
    if (attributes.hasAttribute(QLatin1String("occluded")))
        annotation.attributes.insert(QStringLiteral("occluded"), occluded != 0);
    if (attributes.hasAttribute(QLatin1String("z_order")))
        annotation.attributes.insert(QStringLiteral("z_order"), zOrder);
    if (attributes.hasAttribute(QLatin1String("group_id")))
        annotation.attributes.insert(QStringLiteral("group_id"), group);
    if (attributes.hasAttribute(QLatin1String("source")))
        annotation.attributes.insert(QStringLiteral("source"),
                                     attributes.value(QLatin1String("source")).toString());
    const double width = image->size.width(), height = image->size.height();
    auto outside = [&](const QPointF &point) {
        return point.x() < -tolerancePixels || point.y() < -tolerancePixels
               || point.x() > width + tolerancePixels || point.y() > height + tolerancePixels;
    };

    QList<Annotation> made;
    if (kind == QLatin1String("box")) {
        double xtl = 0, ytl = 0, xbr = 0, ybr = 0, rotation = 0;
        if (!number(QStringLiteral("xtl"), &xtl) || !number(QStringLiteral("ytl"), &ytl)
            || !number(QStringLiteral("xbr"), &xbr) || !number(QStringLiteral("ybr"), &ybr)
            || !number(QStringLiteral("rotation"), &rotation, false))
            return skip(false);
        if (xbr < xtl)
            return skip(fail(
                    QStringLiteral("xbr"),
                    QCoreApplication::translate("Boucle::CvatReader", "xbr %1 is left of xtl %2")
                            .arg(xbr, 0, 'g', 17)
                            .arg(xtl, 0, 'g', 17)));
        if (ybr < ytl)
            return skip(
                    fail(QStringLiteral("ybr"),
                         QCoreApplication::translate("Boucle::CvatReader", "ybr %1 is above ytl %2")
                                 .arg(ybr, 0, 'g', 17)
                                 .arg(ytl, 0, 'g', 17)));
        const QRectF centred(xtl, ytl, xbr - xtl, ybr - ytl);
        annotation.shape = Annotation::Shape::Box;
        annotation.rotation = rotation;
        annotation.box = BoxRotation::centrePivotToCornerPivot(centred, rotation);
        for (const QPointF &corner : BoxRotation::cornersAboutTopLeft(annotation.box, rotation))
            if (outside(corner))
                return skip(fail(
                        {}, QCoreApplication::translate("Boucle::CvatReader",
                                                        "the box reaches beyond the %1×%2 image")
                                    .arg(image->size.width())
                                    .arg(image->size.height())));
        made.append(annotation);
    } else {
        QString text;
        if (!this->text(QStringLiteral("points"), &text))
            return skip(false);
        QPolygonF points;
        const QStringList pairs = text.split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString &pair : pairs) {
            const QStringList xy = pair.split(QLatin1Char(','));
            bool okX = false, okY = false;
            const QPointF point(xy.value(0).trimmed().toDouble(&okX),
                                xy.value(1).trimmed().toDouble(&okY));
            if (xy.size() != 2 || !okX || !okY || !std::isfinite(point.x())
                || !std::isfinite(point.y()))
                return skip(fail(
                        QStringLiteral("points"),
                        QCoreApplication::translate("Boucle::CvatReader",
                                                    "'%1' is not a point x,y of two finite numbers")
                                .arg(pair)));
            if (outside(point))
                return skip(fail(QStringLiteral("points"),
                                 QCoreApplication::translate("Boucle::CvatReader",
                                                             "%1 is outside the %2×%3 image")
                                         .arg(pair)
                                         .arg(image->size.width())
                                         .arg(image->size.height())));
            points.append(point);
        }
        if (kind == QLatin1String("polygon")) {
            if (points.size() < 3)
                return skip(
                        fail(QStringLiteral("points"),
                             QCoreApplication::translate("Boucle::CvatReader",
                                                         "%1 points; a polygon needs at least 3")
                                     .arg(points.size())));
            annotation.shape = Annotation::Shape::Polygon;
            annotation.polygons.append(points);
            annotation.box = points.boundingRect();
            made.append(annotation);
        } else {
            if (points.isEmpty())
                return skip(fail(QStringLiteral("points"),
                                 QCoreApplication::translate("Boucle::CvatReader", "no point")));
            // Boucle's point is one point: <points> with several becomes one object each.
            for (const QPointF &point : points) {
                Annotation one = annotation;
                one.shape = Annotation::Shape::Point;
                one.polygons = {QPolygonF {point}};
                one.box = QRectF(point, QSizeF(0, 0));
                made.append(one);
            }
        }
    }
    // <attribute name="...">value</attribute> children.
    QJsonObject extra;
    bool namedAttributes = true;
    while (m_xml.readNextStartElement()) {
        if (m_xml.name() == QLatin1String("attribute")) {
            const QString name = m_xml.attributes().value(QLatin1String("name")).toString();
            if (name.isEmpty()) {
                namedAttributes
                        = fail(QStringLiteral("name"),
                               QCoreApplication::translate("Boucle::CvatReader",
                                                           "<attribute> lacks the attribute name"));
                m_xml.skipCurrentElement();
                continue;
            }
            extra.insert(name, m_xml.readElementText());
        } else {
            m_xml.skipCurrentElement();
        }
    }
    if (!namedAttributes)
        return false;
    for (Annotation &one : made) {
        if (!extra.isEmpty())
            one.attributes.insert(QStringLiteral("attribute"), extra);
        image->objects.append(std::move(one));
    }
    noteLabel(label, line);
    return true;
}

} // namespace

AnnotationReadResult readCvat(const QString &path, const AnnotationReadOptions &options)
{
    AnnotationReadResult result;
    QFile file;
    QString reason;
    if (!RegularFile::openInto(file, path, maxFileBytes, &reason)) {
        result.addProblem({QDir::toNativeSeparators(path), 0, {}, reason}, options.listedProblems);
        return result;
    }
    CvatFileReader(&file, path, options, result).read();
    return result;
}

} // namespace Boucle::AnnotationReaders
