#include "sampleview/featurechartitem.h"

#include <QPainter>

#include <cmath>

namespace Boucle {

namespace {

constexpr double barPitch = 48; // width of one feature's column
constexpr double barWidth = 32;
constexpr double plotHeight = 320; // height of a bar at the largest magnitude
constexpr double margin = 16;
constexpr double valueBand = 22; // room for the numbers above the bars
constexpr double nameBand = 72;  // room for the rotated names below

} // namespace

FeatureChartItem::FeatureChartItem(const QVector<float> &values, const QStringList &names,
                                   QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_values(values)
    , m_names(names)
{
    for (float value : values) {
        if (std::isfinite(value)) {
            m_largest = std::max(m_largest, std::abs(value));
            m_hasNegative = m_hasNegative || value < 0;
        }
    }
}

QRectF FeatureChartItem::boundingRect() const
{
    const double plot = m_hasNegative ? 2 * plotHeight : plotHeight;
    // The rotated names lean left, past the first column.
    return QRectF(-nameBand / 2, 0,
                  nameBand / 2 + 2 * margin + std::max<qsizetype>(1, m_values.size()) * barPitch,
                  2 * margin + valueBand + plot + nameBand);
}

void FeatureChartItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QRectF bounds = boundingRect();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->fillRect(bounds, QColor(250, 250, 250));

    const double zeroY = margin + valueBand + plotHeight;
    const double scale = m_largest > 0 ? plotHeight / m_largest : 0.0;
    QFont font = painter->font();
    font.setPixelSize(12);
    painter->setFont(font);

    for (qsizetype i = 0; i < m_values.size(); ++i) {
        const float value = m_values[i];
        const double x = margin + i * barPitch + (barPitch - barWidth) / 2;
        if (std::isfinite(value)) {
            const double height = value * scale;
            const QRectF bar = QRectF(x, zeroY - std::max(0.0, height), barWidth, std::abs(height));
            painter->fillRect(bar, value < 0 ? QColor(214, 96, 77) : QColor(67, 147, 195));
            const QRectF valueRect(x - 8, value < 0 ? zeroY - valueBand : bar.top() - valueBand,
                                   barWidth + 16, valueBand);
            painter->setPen(QColor(40, 40, 40));
            painter->drawText(valueRect, Qt::AlignHCenter | Qt::AlignBottom,
                              QString::number(value, 'g', 4));
        } else {
            painter->setPen(QColor(150, 150, 150));
            painter->drawText(QRectF(x - 8, zeroY - valueBand, barWidth + 16, valueBand),
                              Qt::AlignHCenter | Qt::AlignBottom, QStringLiteral("—"));
        }
        const QString name = i < m_names.size() ? m_names[i] : QString::number(i);
        painter->save();
        const double labelTop = m_hasNegative ? zeroY + plotHeight + 4 : zeroY + 4;
        painter->translate(x + barWidth / 2 + 5, labelTop);
        painter->rotate(-60);
        painter->setPen(QColor(60, 60, 60));
        painter->drawText(QRectF(-nameBand - 20, -8, nameBand + 20, 16),
                          Qt::AlignRight | Qt::AlignVCenter, name);
        painter->restore();
    }
    painter->setPen(QPen(QColor(90, 90, 90), 1));
    painter->drawLine(QPointF(margin, zeroY), QPointF(bounds.right() - margin, zeroY));
}

} // namespace Boucle
