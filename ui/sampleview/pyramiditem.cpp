#include "sampleview/pyramiditem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace Boucle {

PyramidItem::PyramidItem(QGraphicsItem *parent)
    : QGraphicsItem(parent)
{
    // exposedRect is only filled in with this flag; it lets paint() draw just the visible part.
    setFlag(QGraphicsItem::ItemUsesExtendedStyleOption, true);
}

void PyramidItem::setLevels(QSize fullSize, const QList<QImage> &levels)
{
    prepareGeometryChange();
    m_fullSize = fullSize;
    m_levels.clear();
    m_table.reset();
    for (const QImage &image : levels)
        m_levels.append(Level {image, {}, {}, {}});
    update();
}

void PyramidItem::setGrey16Levels(const QList<QImage> &grey16Levels, const WindowLevel &mappedWith,
                                  std::shared_ptr<const WindowLevelTable> mappedCurve)
{
    m_table = mappedCurve ? std::move(mappedCurve)
                          : std::make_shared<const WindowLevelTable>(mappedWith);
    for (int i = 0; i < m_levels.size() && i < grey16Levels.size(); ++i) {
        m_levels[i].grey16 = grey16Levels[i];
        m_levels[i].mappedWith = m_table;
    }
}

void PyramidItem::setOrientation(const QTransform &orientation)
{
    setTransform(orientation);
}

QSize PyramidItem::orientedSize() const
{
    return transform().mapRect(QRect(QPoint(0, 0), m_fullSize)).size();
}

void PyramidItem::clear()
{
    setLevels({}, {});
    setTransform(QTransform());
}

void PyramidItem::setWindowLevel(const WindowLevel &window)
{
    if (!m_table || (!m_table->isCurve() && m_table->window() == window))
        return;
    m_table = std::make_shared<const WindowLevelTable>(window);
    update();
}

void PyramidItem::setCurve(std::shared_ptr<const WindowLevelTable> curve)
{
    if (!m_table || !curve || m_table == curve)
        return;
    m_table = std::move(curve);
    update();
}

QRectF PyramidItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), QSizeF(m_fullSize));
}

int PyramidItem::levelFor(double scale) const
{
    // The smallest level still at least as large as what reaches the screen; a 2 % slack keeps
    // "fit" from jumping to a level four times larger for a rounding difference.
    int chosen = -1;
    for (int i = 0; i < m_levels.size(); ++i) {
        if (m_levels[i].image.isNull() && m_levels[i].grey16.isNull())
            continue;
        const QImage &level = m_levels[i].image.isNull() ? m_levels[i].grey16 : m_levels[i].image;
        const double levelScale = double(level.width()) / m_fullSize.width();
        if (chosen < 0 || levelScale >= scale * 0.98)
            chosen = i;
        else
            break;
    }
    return chosen;
}

const QPixmap &PyramidItem::pixmapOf(int index)
{
    Level &level = m_levels[index];
    // Tables are replaced, never changed: the same table means the same greys.
    if (m_table && !level.grey16.isNull()
        && (level.image.isNull() || level.mappedWith != m_table)) {
        level.image = m_table->toRgb32(level.grey16);
        level.mappedWith = m_table;
        level.pixmap = QPixmap();
    }
    if (level.pixmap.isNull())
        level.pixmap = QPixmap::fromImage(level.image);
    return level.pixmap;
}

void PyramidItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (m_levels.isEmpty() || m_fullSize.isEmpty())
        return;
    const double scale
            = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    const int index = levelFor(scale);
    if (index < 0)
        return;
    const QPixmap &pixmap = pixmapOf(index);
    const double scaleX = double(pixmap.width()) / m_fullSize.width();
    const double scaleY = double(pixmap.height()) / m_fullSize.height();
    const double ratio = scale / scaleX; // screen pixels per level pixel
    const bool smooth = m_smoothField ? ratio > 1.5 : ratio < 0.99;
    painter->setRenderHint(QPainter::SmoothPixmapTransform, smooth);
    // Draw only the exposed part: at high zoom this is a few hundred source pixels.
    const QRectF exposed = option->exposedRect.isEmpty()
                                   ? boundingRect()
                                   : option->exposedRect.intersected(boundingRect());
    // Whole source pixels avoid a seam where the exposed edge falls inside a pixel.
    const QRectF source = QRectF(QPointF(std::floor(exposed.left() * scaleX),
                                         std::floor(exposed.top() * scaleY)),
                                 QPointF(std::ceil(exposed.right() * scaleX),
                                         std::ceil(exposed.bottom() * scaleY)))
                                  .intersected(QRectF(pixmap.rect()));
    const QRectF target(source.left() / scaleX, source.top() / scaleY, source.width() / scaleX,
                        source.height() / scaleY);
    painter->drawPixmap(target, pixmap, source);
}

} // namespace Boucle
