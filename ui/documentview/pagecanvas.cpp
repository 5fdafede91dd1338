#include "pagecanvas.h"

#include "editing/objecteditor.h"

#include <QPaintEvent>
#include <QPainter>
#include <QtMath>

namespace Boucle {

PageCanvas::PageCanvas(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::NoFocus);
    // A polygon being drawn follows the pointer between clicks.
    setMouseTracking(true);
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

void PageCanvas::setEditor(const ObjectEditor *editor)
{
    if (m_editor)
        disconnect(m_editor, nullptr, this, nullptr);
    m_editor = editor;
    if (m_editor)
        connect(m_editor, &ObjectEditor::changed, this, &PageCanvas::updateUnits);
    update();
}

void PageCanvas::updateUnits(const QRectF &region)
{
    const double margin = ObjectOverlayPainter::screenMargin;
    const QRectF scaled(region.topLeft() * m_scale, region.size() * m_scale);
    update(scaled.adjusted(-margin, -margin, margin, margin).toAlignedRect());
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
    const QRectF extent = ObjectEditor::extent(object);
    return QRectF(extent.topLeft() * m_scale, extent.size() * m_scale);
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
    if (!m_editor || m_image.isNull())
        return;
    QFont captionFont = font();
    captionFont.setPointSizeF(qMax(7.0, captionFont.pointSizeF() * 0.85));
    painter.setFont(captionFont);
    painter.scale(m_scale, m_scale);
    const QRectF exposed(QPointF(event->rect().topLeft()) / m_scale,
                         QSizeF(event->rect().size()) / m_scale);
    m_overlay.paint(&painter, *m_editor, exposed);
}

} // namespace Boucle
