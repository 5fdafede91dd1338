#include "auditcharts.h"

#include "triggers/triggernames.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>

namespace Boucle::AuditCharts {

namespace {

const QColor ink(0x33, 0x33, 0x33);
const QColor grid(0xdd, 0xdd, 0xdd);
const QColor bar(0x3a, 0x6e, 0xa5);
const QColor control(0xd9, 0x8c, 0x1f);

QImage canvas(const QSize &size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    return image;
}

void setFont(QPainter &painter, int pixelSize, bool bold = false)
{
    QFont font = painter.font();
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    painter.setFont(font);
}

void drawTitle(QPainter &painter, const QSize &size, const QString &title)
{
    setFont(painter, 15, true);
    painter.setPen(ink);
    painter.drawText(QRect(0, 4, size.width(), 24), Qt::AlignCenter, title);
    setFont(painter, 11);
}

void drawEmpty(QPainter &painter, const QSize &size)
{
    painter.setPen(Qt::gray);
    painter.drawText(QRect(QPoint(0, 0), size), Qt::AlignCenter,
                     QCoreApplication::translate("Boucle::AuditCharts", "No reviewed samples"));
}

// A vertical 0-100 % axis with grid lines, for the bar charts.
void drawPercentAxis(QPainter &painter, const QRectF &plot)
{
    setFont(painter, 11);
    for (int tick = 0; tick <= 100; tick += 20) {
        const double y = plot.bottom() - plot.height() * tick / 100.0;
        painter.setPen(grid);
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(ink);
        painter.drawText(QRectF(plot.left() - 48, y - 8, 42, 16), Qt::AlignRight | Qt::AlignVCenter,
                         QStringLiteral("%1 %").arg(tick));
    }
}

void drawWhisker(QPainter &painter, double x, double yLow, double yHigh)
{
    painter.setPen(QPen(ink, 1.5));
    painter.drawLine(QPointF(x, yLow), QPointF(x, yHigh));
    painter.drawLine(QPointF(x - 5, yLow), QPointF(x + 5, yLow));
    painter.drawLine(QPointF(x - 5, yHigh), QPointF(x + 5, yHigh));
}

} // namespace

QImage confusionHeatmap(const ConfusionMatrix &matrix, const QSize &size)
{
    QImage image = canvas(size);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    drawTitle(painter, size,
              QCoreApplication::translate(
                      "Boucle::AuditCharts",
                      "Confusion: reviewed label (rows) against prediction (columns)"));
    const int n = matrix.classCount();
    if (n == 0 || matrix.total() == 0) {
        drawEmpty(painter, size);
        return image;
    }
    const double left = 120, top = 110;
    const double cell = std::min((size.width() - left - 20) / n, (size.height() - top - 20) / n);
    setFont(painter, std::clamp(int(cell / 3), 7, 12));
    for (int r = 0; r < n; ++r) {
        qint64 rowTotal = matrix.unpredicted(r);
        for (int p = 0; p < n; ++p)
            rowTotal += matrix.cell(r, p);
        for (int p = 0; p < n; ++p) {
            const qint64 count = matrix.cell(r, p);
            const double share = rowTotal > 0 ? double(count) / double(rowTotal) : 0.0;
            // Right answers in blue, confusions in red, both darker with their share of the row.
            const QColor base = r == p ? QColor(0x2b, 0x6c, 0xb0) : QColor(0xc0, 0x39, 0x2b);
            QColor fill = QColor::fromRgbF(1.0 - share * (1.0 - base.redF()),
                                           1.0 - share * (1.0 - base.greenF()),
                                           1.0 - share * (1.0 - base.blueF()));
            const QRectF rect(left + p * cell, top + r * cell, cell, cell);
            painter.fillRect(rect, fill);
            painter.setPen(grid);
            painter.drawRect(rect);
            if (count > 0 && cell >= 18) {
                painter.setPen(share > 0.5 ? Qt::white : ink);
                painter.drawText(rect, Qt::AlignCenter, QString::number(count));
            }
        }
        painter.setPen(ink);
        painter.drawText(QRectF(4, top + r * cell, left - 10, cell),
                         Qt::AlignRight | Qt::AlignVCenter,
                         painter.fontMetrics().elidedText(matrix.classNames().at(r), Qt::ElideRight,
                                                          int(left - 10)));
    }
    for (int p = 0; p < n; ++p) {
        painter.save();
        painter.translate(left + (p + 0.5) * cell, top - 6);
        painter.rotate(-60);
        painter.setPen(ink);
        painter.drawText(
                QRectF(0, -8, 90, 16), Qt::AlignLeft | Qt::AlignVCenter,
                painter.fontMetrics().elidedText(matrix.classNames().at(p), Qt::ElideRight, 90));
        painter.restore();
    }
    return image;
}

QImage triggerYield(const TriggerYield &yield, const QSize &size)
{
    QImage image = canvas(size);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    drawTitle(painter, size,
              QCoreApplication::translate("Boucle::AuditCharts",
                                          "Share of flagged samples found wrong, by trigger"));
    if (yield.triggers.isEmpty() && !yield.hasControl()) {
        drawEmpty(painter, size);
        return image;
    }
    const QRectF plot(60, 40, size.width() - 80, size.height() - 100);
    drawPercentAxis(painter, plot);
    if (yield.hasControl()) {
        const double yRate = plot.bottom() - plot.height() * yield.control.rate;
        const double yLow = plot.bottom() - plot.height() * yield.control.low;
        const double yHigh = plot.bottom() - plot.height() * yield.control.high;
        QColor band = control;
        band.setAlpha(50);
        painter.fillRect(QRectF(plot.left(), yHigh, plot.width(), yLow - yHigh), band);
        painter.setPen(QPen(control, 2, Qt::DashLine));
        painter.drawLine(QPointF(plot.left(), yRate), QPointF(plot.right(), yRate));
        painter.drawText(QRectF(plot.right() - 260, yRate - 18, 256, 16), Qt::AlignRight,
                         QCoreApplication::translate("Boucle::AuditCharts", "control samples: %1 %")
                                 .arg(yield.control.rate * 100.0, 0, 'f', 1));
    }
    const int n = int(yield.triggers.size());
    const double slot = n > 0 ? plot.width() / n : plot.width();
    for (int i = 0; i < n; ++i) {
        const auto &row = yield.triggers.at(i);
        const double x = plot.left() + slot * (i + 0.5);
        const double width = std::min(60.0, slot * 0.6);
        const double y = plot.bottom() - plot.height() * row.yield.rate;
        painter.fillRect(QRectF(x - width / 2, y, width, plot.bottom() - y), bar);
        drawWhisker(painter, x, plot.bottom() - plot.height() * row.yield.low,
                    plot.bottom() - plot.height() * row.yield.high);
        painter.setPen(ink);
        painter.drawText(QRectF(x - slot / 2, plot.bottom() + 4, slot, 32),
                         Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                         QStringLiteral("%1\n(%2)")
                                 .arg(triggerDisplayName(row.trigger))
                                 .arg(row.yield.total));
    }
    return image;
}

QImage reliabilityDiagram(const Calibration &calibration, const QSize &size)
{
    QImage image = canvas(size);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    drawTitle(painter, size,
              QCoreApplication::translate("Boucle::AuditCharts",
                                          "Reliability: accuracy against confidence (ECE %1 %)")
                      .arg(calibration.expectedCalibrationError * 100.0, 0, 'f', 1));
    if (calibration.total == 0) {
        drawEmpty(painter, size);
        return image;
    }
    const double side = std::min(size.width() - 90.0, size.height() - 90.0);
    const QRectF plot(60, 40, side, side);
    drawPercentAxis(painter, plot);
    for (int tick = 0; tick <= 100; tick += 20) {
        const double x = plot.left() + plot.width() * tick / 100.0;
        painter.setPen(ink);
        painter.drawText(QRectF(x - 24, plot.bottom() + 4, 48, 16), Qt::AlignCenter,
                         QStringLiteral("%1").arg(tick / 100.0, 0, 'f', 1));
    }
    painter.drawText(QRectF(plot.left(), plot.bottom() + 20, plot.width(), 16), Qt::AlignCenter,
                     QCoreApplication::translate("Boucle::AuditCharts", "confidence"));
    for (const auto &bin : calibration.bins) {
        if (bin.count == 0)
            continue;
        const double x0 = plot.left() + plot.width() * bin.lower;
        const double x1 = plot.left() + plot.width() * bin.upper;
        const double y = plot.bottom() - plot.height() * bin.accuracy;
        painter.fillRect(QRectF(x0 + 1, y, x1 - x0 - 2, plot.bottom() - y), bar);
        const double yConfidence = plot.bottom() - plot.height() * bin.meanConfidence;
        painter.setPen(QPen(control, 2));
        painter.drawLine(QPointF(x0 + 1, yConfidence), QPointF(x1 - 1, yConfidence));
    }
    painter.setPen(QPen(ink, 1, Qt::DashLine));
    painter.drawLine(plot.bottomLeft(), plot.topRight());
    return image;
}

QImage loopChart(const LoopProgress &loop, const QSize &size)
{
    QImage image = canvas(size);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    drawTitle(painter, size,
              QCoreApplication::translate("Boucle::AuditCharts",
                                          "Model versions on the same %1 reviewed samples")
                      .arg(loop.sharedSamples));
    if (loop.models.isEmpty() || loop.sharedSamples == 0) {
        drawEmpty(painter, size);
        return image;
    }
    const QRectF plot(60, 40, size.width() - 80, size.height() - 100);
    drawPercentAxis(painter, plot);
    const int n = int(loop.models.size());
    const double slot = plot.width() / n;
    for (int i = 0; i < n; ++i) {
        const auto &model = loop.models.at(i);
        const double x = plot.left() + slot * (i + 0.5);
        const double width = std::min(70.0, slot * 0.6);
        const double y = plot.bottom() - plot.height() * model.accuracy.rate;
        painter.fillRect(QRectF(x - width / 2, y, width, plot.bottom() - y), bar);
        drawWhisker(painter, x, plot.bottom() - plot.height() * model.accuracy.low,
                    plot.bottom() - plot.height() * model.accuracy.high);
        painter.setPen(ink);
        const qint64 reviews = i < loop.steps.size() ? loop.steps.at(i).reviewsSpent : 0;
        painter.drawText(QRectF(x - slot / 2, plot.bottom() + 4, slot, 40),
                         Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                         QCoreApplication::translate("Boucle::AuditCharts", "%1\n%2 reviews")
                                 .arg(model.model)
                                 .arg(reviews));
    }
    return image;
}

} // namespace Boucle::AuditCharts
