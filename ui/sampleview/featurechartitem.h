// FeatureChartItem: a bar chart of a tabular sample's feature vector (e.g. the 16 features of the
// "letters" data set), drawn in the sample view where an image would be, so that tabular and image
// samples are reviewed in the same place. GUI thread only.
#pragma once

#include <QGraphicsItem>
#include <QStringList>
#include <QVector>

namespace Boucle {

class FeatureChartItem : public QGraphicsItem
{
public:
    // names may be shorter than values (missing names show the feature's index).
    FeatureChartItem(const QVector<float> &values, const QStringList &names,
                     QGraphicsItem *parent = nullptr);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QVector<float> m_values;
    QStringList m_names;
    float m_largest = 0; // largest magnitude, the full bar height
    bool m_hasNegative = false;
};

} // namespace Boucle
