// PyramidItem: draws an image from the level of its pyramid nearest above the current zoom, so
// that a 4096-pixel image at "fit" costs no more per frame than a viewport-sized one and shows no
// aliasing. For 16-bit grey images it also keeps the raw levels and re-maps only the level being
// drawn when window/level changes (a drag stays fluid on a large image). GUI thread only: pixmaps
// are made here, from the QImages the worker threads prepared.
#pragma once

#include "imaging/windowlevel.h"

#include <QGraphicsItem>
#include <QImage>
#include <QPixmap>

#include <memory>

namespace Boucle {

class PyramidItem : public QGraphicsItem
{
public:
    explicit PyramidItem(QGraphicsItem *parent = nullptr);

    // levels[0] is drawn over (0, 0, fullSize); a null level is skipped (the next coarser one
    // is drawn instead).
    void setLevels(QSize fullSize, const QList<QImage> &levels);
    // Raw 16-bit levels matching the display levels, which were mapped with `mappedWith`, or
    // through the curve `mappedCurve` when it is set (a DICOM VOI LUT, see voilut.h).
    void setGrey16Levels(const QList<QImage> &grey16Levels, const WindowLevel &mappedWith,
                         std::shared_ptr<const WindowLevelTable> mappedCurve = {});
    // Turns the stored pixels upright (EXIF orientation) when painting, so the worker never
    // rotates a full-size image; the item's parent sees the sample in its own coordinates.
    void setOrientation(const QTransform &orientation);
    void clear();
    bool isEmpty() const { return m_levels.isEmpty(); }

    // A linear window, or a curve: the last one set is drawn.
    void setWindowLevel(const WindowLevel &window);
    void setCurve(std::shared_ptr<const WindowLevelTable> curve);
    bool hasWindowLevel() const { return m_table != nullptr; }
    bool showsCurve() const { return m_table && m_table->isCurve(); }

    // How the level is filtered. An image is filtered when shrunk and shows its pixels when
    // magnified (as any viewer meant for inspection). A smooth field, such as a heatmap, is
    // filtered only when magnified enough for blocks to show: nearest sampling of a smooth field
    // looks the same and costs a fraction of bilinear blending.
    void setSmoothField(bool smoothField) { m_smoothField = smoothField; }

    QSize fullSize() const { return m_fullSize; } // as stored, before the orientation
    QSize orientedSize() const;
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    struct Level
    {
        QImage image;
        QPixmap pixmap;
        QImage grey16;
        std::shared_ptr<const WindowLevelTable> mappedWith; // the table `image` was made with
    };

    int levelFor(double scale) const;
    const QPixmap &pixmapOf(int index);

    QSize m_fullSize;
    QList<Level> m_levels;
    std::shared_ptr<const WindowLevelTable> m_table; // non-null for 16-bit grey images
    bool m_smoothField = false;
};

} // namespace Boucle
