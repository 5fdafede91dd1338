// AuditCharts: the audit's charts drawn with QPainter into images (the HTML report embeds them
// as PNG, the PDF as document resources): confusion heatmap, trigger yield against the control
// rate, reliability diagram, and model accuracy across the loop.
// Any thread, but text needs a QGuiApplication (fonts) to exist.
#pragma once

#include "metrics/auditreport.h"

#include <QImage>

namespace Boucle::AuditCharts {

// Cells coloured by their share of the reviewed class's row; counts written in them.
QImage confusionHeatmap(const ConfusionMatrix &matrix, const QSize &size = {720, 560});
// One bar per trigger with its Wilson interval; the control rate and its interval as a band.
QImage triggerYield(const TriggerYield &yield, const QSize &size = {720, 360});
// Accuracy per confidence bin against the diagonal of perfect calibration.
QImage reliabilityDiagram(const Calibration &calibration, const QSize &size = {560, 420});
// Each model version's accuracy on the shared reviewed samples, with the reviews spent.
QImage loopChart(const LoopProgress &loop, const QSize &size = {720, 360});

} // namespace Boucle::AuditCharts
