#include "chartlegend.h"

#include <QLinearGradient>
#include <QPainter>

#include <algorithm>

namespace Boucle {

AxisTitle::AxisTitle(const QString &text, Qt::Orientation orientation, QWidget *parent)
    : QLabel(text, parent)
    , m_orientation(orientation)
{
    QFont bold = font();
    bold.setBold(true);
    setFont(bold);
    setAlignment(Qt::AlignCenter);
    if (orientation == Qt::Vertical)
        setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
}

QSize AxisTitle::sizeHint() const
{
    const QSize size = QLabel::sizeHint();
    return m_orientation == Qt::Vertical ? size.transposed() : size;
}

QSize AxisTitle::minimumSizeHint() const
{
    const QSize size = QLabel::minimumSizeHint();
    return m_orientation == Qt::Vertical ? size.transposed() : size;
}

void AxisTitle::paintEvent(QPaintEvent *event)
{
    if (m_orientation == Qt::Horizontal) {
        QLabel::paintEvent(event);
        return;
    }
    QPainter painter(this);
    painter.setFont(font());
    painter.setPen(palette().color(QPalette::WindowText));
    painter.translate(0, height());
    painter.rotate(-90);
    painter.drawText(QRect(0, 0, height(), width()), Qt::AlignCenter, text());
}

ColourScaleBar::ColourScaleBar(const QColor &colour, QWidget *parent)
    : QWidget(parent)
    , m_colour(colour)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QColor ColourScaleBar::shade(const QColor &colour, double share)
{
    share = std::clamp(share, 0.0, 1.0);
    return QColor::fromRgbF(float(1.0 - share * (1.0 - colour.redF())),
                            float(1.0 - share * (1.0 - colour.greenF())),
                            float(1.0 - share * (1.0 - colour.blueF())));
}

QSize ColourScaleBar::sizeHint() const
{
    return {160, fontMetrics().height()};
}

void ColourScaleBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect bar = rect().adjusted(0, 0, -1, -1);
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    gradient.setColorAt(0.0, shade(m_colour, 0.0));
    gradient.setColorAt(1.0, shade(m_colour, 1.0));
    painter.fillRect(bar, gradient);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(bar);
}

} // namespace Boucle
