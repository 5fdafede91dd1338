#include "sampleview/heatmaplegend.h"

#include <QFontMetrics>
#include <QLinearGradient>
#include <QPainter>

namespace Boucle {

namespace {

constexpr int barWidth = 64;
constexpr int barHeight = 10;
constexpr int gap = 6;

} // namespace

HeatmapLegend::HeatmapLegend(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("heatmapLegend"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void HeatmapLegend::setColourMap(ColourMap map)
{
    m_map = map;
    update();
}

void HeatmapLegend::setExplainedClass(const QString &label)
{
    m_label = label;
    setToolTip(m_label.isEmpty()
                       ? tr("This sample has no heatmap.")
                       : tr("The heatmap shows where the model found evidence for class %1: "
                            "low on the left of the bar, high on the right.")
                                 .arg(m_label));
    updateGeometry();
    update();
}

QString HeatmapLegend::text() const
{
    return m_label.isEmpty() ? tr("no heatmap") : tr("evidence for %1").arg(m_label);
}

QSize HeatmapLegend::sizeHint() const
{
    const QFontMetrics metrics(font());
    return {barWidth + gap + metrics.horizontalAdvance(text()) + 4,
            std::max(barHeight, metrics.height()) + 4};
}

QSize HeatmapLegend::minimumSizeHint() const
{
    const QFontMetrics metrics(font());
    return {barWidth + gap + metrics.horizontalAdvance(QStringLiteral("…")) * 6,
            std::max(barHeight, metrics.height()) + 4};
}

void HeatmapLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect bar(0, (height() - barHeight) / 2, barWidth, barHeight);
    const auto &table = colourMapTable(m_map);
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    for (int stop = 0; stop <= 8; ++stop)
        gradient.setColorAt(stop / 8.0, QColor::fromRgb(table[size_t(stop * 255 / 8)]));
    painter.setOpacity(m_label.isEmpty() ? 0.35 : 1.0);
    painter.fillRect(bar, gradient);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(bar.adjusted(0, 0, -1, -1));
    painter.setOpacity(1.0);
    painter.setPen(palette().color(QPalette::WindowText));
    const QRect textRect(bar.right() + gap, 0, width() - bar.right() - gap, height());
    painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                     fontMetrics().elidedText(text(), Qt::ElideRight, textRect.width()));
}

} // namespace Boucle
