#include "pagecanvas.h"

#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>

namespace Boucle {

namespace {

// OCR pages carry hundreds of words: their tags are shown only when a word needs a look.
constexpr int tagAllObjectsBelow = 60;

} // namespace

PageCanvas::PageCanvas(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::NoFocus);
}

void PageCanvas::setPage(int page, const QSizeF &pageSize, double scale)
{
    m_page = page;
    m_pageSize = pageSize;
    m_scale = scale;
    const QSize size(qCeil(pageSize.width() * scale), qCeil(pageSize.height() * scale));
    setFixedSize(size.expandedTo(QSize(1, 1)));
    update();
}

void PageCanvas::setImage(const QImage &image)
{
    m_image = image;
    if (!image.isNull())
        m_message.clear();
    update();
}

void PageCanvas::setMessage(const QString &message)
{
    m_message = message;
    update();
}

void PageCanvas::setObjects(const QList<PredictedObject> *objects)
{
    m_objects = objects;
    update();
}

void PageCanvas::setCurrentObject(int index)
{
    m_currentObject = index;
    update();
}

void PageCanvas::setLowConfidenceThreshold(double threshold)
{
    m_threshold = threshold;
    update();
}

QSize PageCanvas::sizeHint() const
{
    return size();
}

QColor PageCanvas::scoreColour(double score, double threshold)
{
    if (score < threshold)
        return QColor(0xd3, 0x2f, 0x2f); // red: needs a look
    if (score < qMax(0.8, threshold))
        return QColor(0xef, 0x8f, 0x00); // amber
    return QColor(0x2e, 0x7d, 0x32);     // green
}

QRectF PageCanvas::objectRect(const PredictedObject &object) const
{
    if (object.shape == PredictedObject::Shape::Polygon)
        return QRectF(object.polygon.boundingRect().topLeft() * m_scale,
                      object.polygon.boundingRect().size() * m_scale);
    return QRectF(object.box.topLeft() * m_scale, object.box.size() * m_scale);
}

void PageCanvas::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    painter.fillRect(event->rect(), Qt::white);
    if (!m_image.isNull())
        painter.drawImage(QRectF(rect()), m_image);
    if (!m_message.isEmpty()) {
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
                         m_message);
    }
    if (!m_objects || m_image.isNull())
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    int onPage = 0;
    for (const auto &object : *m_objects)
        onPage += object.page == m_page && object.shape != PredictedObject::Shape::Span ? 1 : 0;
    const bool tagAll = onPage < tagAllObjectsBelow;
    for (int i = 0; i < m_objects->size(); ++i) {
        const PredictedObject &object = m_objects->at(i);
        if (object.page != m_page || object.shape == PredictedObject::Shape::Span
            || i == m_currentObject)
            continue;
        paintObject(painter, i, tagAll || object.score < m_threshold);
    }
    // The current object last, so that its outline and tag are on top.
    if (m_currentObject >= 0 && m_currentObject < m_objects->size()
        && m_objects->at(m_currentObject).page == m_page)
        paintObject(painter, m_currentObject, true);
}

void PageCanvas::paintObject(QPainter &painter, int index, bool tag)
{
    const PredictedObject &object = m_objects->at(index);
    const bool current = index == m_currentObject;
    const QColor colour = scoreColour(object.score, m_threshold);
    QColor fill = colour;
    fill.setAlpha(current ? 60 : 22);
    painter.setPen(QPen(colour, current ? 3.0 : 1.5));
    painter.setBrush(fill);
    if (object.shape == PredictedObject::Shape::Polygon) {
        QPolygonF scaled;
        for (const QPointF &point : object.polygon)
            scaled.append(point * m_scale);
        painter.drawPolygon(scaled);
    } else {
        painter.drawRect(objectRect(object));
    }
    if (!tag)
        return;

    QString text = QStringLiteral("%1 %2").arg(object.label).arg(object.score, 0, 'f', 2);
    if (!object.text.isEmpty())
        text += QStringLiteral(" \u201c%1\u201d").arg(object.text);
    QFont tagFont = font();
    tagFont.setPointSizeF(qMax(7.0, tagFont.pointSizeF() * 0.85));
    tagFont.setBold(current);
    painter.setFont(tagFont);
    const QFontMetricsF metrics(tagFont);
    const QRectF box = objectRect(object);
    QRectF label(box.left(), box.top() - metrics.height() - 2, metrics.horizontalAdvance(text) + 8,
                 metrics.height() + 2);
    if (label.top() < 0)
        label.moveTop(box.bottom());
    if (label.right() > width())
        label.moveRight(width());
    QColor background = colour;
    background.setAlpha(current ? 240 : 200);
    painter.setPen(Qt::NoPen);
    painter.setBrush(background);
    painter.drawRoundedRect(label, 2, 2);
    painter.setPen(Qt::white);
    painter.drawText(label.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
}

} // namespace Boucle
