// Pieces that explain the dashboard's confusion heatmap to someone seeing it for the first time:
// an axis title that may stand vertically beside the rows, and a colour scale bar (white to the
// cell colour) whose ends are labelled by the caller. GUI thread.
#pragma once

#include <QColor>
#include <QLabel>

namespace Boucle {

// A QLabel that draws its text rotated a quarter turn (read bottom to top) when vertical.
class AxisTitle : public QLabel
{
    Q_OBJECT

public:
    AxisTitle(const QString &text, Qt::Orientation orientation, QWidget *parent = nullptr);

    Qt::Orientation orientation() const { return m_orientation; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Qt::Orientation m_orientation;
};

// A horizontal bar shading from white (no share) to `colour` (the whole row), as the cells are.
class ColourScaleBar : public QWidget
{
    Q_OBJECT

public:
    explicit ColourScaleBar(const QColor &colour, QWidget *parent = nullptr);

    QColor colour() const { return m_colour; }
    // The colour of a cell holding `share` (0–1) of its row: the dashboard paints cells with it.
    static QColor shade(const QColor &colour, double share);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor m_colour;
};

} // namespace Boucle
