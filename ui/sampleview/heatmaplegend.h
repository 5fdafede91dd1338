// HeatmapLegend: what the heatmap's colours mean — the colour map from low to high evidence, and
// the class the heatmap explains ("evidence for 'cat'"), so a reviewer never reads a map of one
// class as the map of another. Paints itself from the colour map's table. GUI thread only.
#pragma once

#include "imaging/colourmap.h"

#include <QWidget>

namespace Boucle {

class HeatmapLegend : public QWidget
{
    Q_OBJECT

public:
    explicit HeatmapLegend(QWidget *parent = nullptr);

    void setColourMap(ColourMap map);
    // Empty: the sample has no heatmap.
    void setExplainedClass(const QString &label);
    QString text() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    ColourMap m_map = ColourMap::Viridis;
    QString m_label;
};

} // namespace Boucle
