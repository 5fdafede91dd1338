#include "audittables.h"

#include <QCoreApplication>

#include <cmath>

namespace Boucle {

namespace {

QVariant optional(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant rateOrNothing(const RateEstimate &rate, double RateEstimate::*field)
{
    return rate.isEmpty() ? QVariant() : QVariant(rate.*field);
}

QString csvQuoted(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

ReportTable table(const QString &id, const QString &title,
                  const QList<std::pair<QString, ReportTable::Kind>> &columns)
{
    ReportTable t;
    t.id = id;
    t.title = title;
    for (const auto &[name, kind] : columns) {
        t.header.append(name);
        t.kinds.append(kind);
    }
    return t;
}

using K = ReportTable::Kind;

// The detector's classes at one IoU threshold, and all classes together in the last row.
ReportTable detectorTable(const DetectorMatching &matching, const QString &id, bool ownAp)
{
    QList<std::pair<QString, K>> columns
            = {{QCoreApplication::translate("Boucle::AuditTables", "Class"), K::Text},
               {QCoreApplication::translate("Boucle::AuditTables", "True objects"), K::Count},
               {QCoreApplication::translate("Boucle::AuditTables", "Predicted"), K::Count},
               {QCoreApplication::translate("Boucle::AuditTables", "True positives"), K::Count},
               {QCoreApplication::translate("Boucle::AuditTables", "False positives"), K::Count},
               {QCoreApplication::translate("Boucle::AuditTables", "Misses"), K::Count},
               {QCoreApplication::translate("Boucle::AuditTables", "Precision"), K::Ratio},
               {QCoreApplication::translate("Boucle::AuditTables", "95 % low"), K::Ratio},
               {QCoreApplication::translate("Boucle::AuditTables", "95 % high"), K::Ratio},
               {QCoreApplication::translate("Boucle::AuditTables", "Recall"), K::Ratio},
               {QCoreApplication::translate("Boucle::AuditTables", "95 % low"), K::Ratio},
               {QCoreApplication::translate("Boucle::AuditTables", "95 % high"), K::Ratio},
               {QCoreApplication::translate("Boucle::AuditTables", "Mean IoU"), K::Number}};
    if (ownAp)
        columns.append({QCoreApplication::translate("Boucle::AuditTables", "AP at IoU %1")
                                .arg(matching.iouThreshold, 0, 'f', 2),
                        K::Number});
    columns.append(
            {QCoreApplication::translate("Boucle::AuditTables", "AP at IoU 0.50"), K::Number});
    columns.append(
            {QCoreApplication::translate("Boucle::AuditTables", "AP at IoU 0.50:0.95"), K::Number});
    auto t = table(id,
                   QCoreApplication::translate("Boucle::AuditTables",
                                               "Detector by class at IoU %1 (matched greedily "
                                               "by score)")
                           .arg(matching.iouThreshold, 0, 'f', 2),
                   columns);
    QList<DetectorClassRow> rows = matching.classes;
    rows.append(matching.overall);
    for (const auto &r : std::as_const(rows)) {
        QVariantList row = {r.label.isEmpty() ? QCoreApplication::translate("Boucle::AuditTables",
                                                                            "all classes")
                                              : r.label,
                            r.truths,
                            r.predictions,
                            r.truePositives,
                            r.falsePositives,
                            r.misses,
                            rateOrNothing(r.precision, &RateEstimate::rate),
                            rateOrNothing(r.precision, &RateEstimate::low),
                            rateOrNothing(r.precision, &RateEstimate::high),
                            rateOrNothing(r.recall, &RateEstimate::rate),
                            rateOrNothing(r.recall, &RateEstimate::low),
                            rateOrNothing(r.recall, &RateEstimate::high),
                            optional(r.meanIou)};
        if (ownAp)
            row.append(optional(r.ap));
        row.append(optional(r.ap50));
        row.append(optional(r.ap50to95));
        t.rows.append(row);
    }
    return t;
}

void appendDetectorTables(QList<ReportTable> &tables, const AuditReport &report)
{
    const DetectorAudit &audit = report.detector;
    if (audit.isEmpty())
        return;
    auto summary
            = table(QStringLiteral("detector_summary"),
                    QCoreApplication::translate("Boucle::AuditTables", "Detector audit"),
                    {{QCoreApplication::translate("Boucle::AuditTables", "Measure"), K::Text},
                     {QCoreApplication::translate("Boucle::AuditTables", "Samples"), K::Count}});
    summary.rows.append(
            {QCoreApplication::translate("Boucle::AuditTables", "Reviewed detection samples"),
             audit.samples});
    summary.rows.append({QCoreApplication::translate("Boucle::AuditTables",
                                                     "of which with no object, predicted or true"),
                         audit.emptySamples});
    summary.rows.append(
            {QCoreApplication::translate("Boucle::AuditTables", "of which corrected by reviewers"),
             qint64(audit.correctedSamples.size())});
    summary.rows.append(
            {QCoreApplication::translate("Boucle::AuditTables",
                                         "Left out: some predicted objects not yet decided"),
             report.undecidedDetections});
    tables.append(summary);

    tables.append(detectorTable(audit.atHalf, QStringLiteral("detector_iou50"), false));
    if (audit.hasOtherThreshold())
        tables.append(detectorTable(audit.chosen, QStringLiteral("detector_chosen_iou"), true));

    auto yield = table(
            QStringLiteral("detector_trigger_yield"),
            QCoreApplication::translate(
                    "Boucle::AuditTables",
                    "Trigger yield on detection samples: share with an object corrected, "
                    "removed or added"),
            {{QCoreApplication::translate("Boucle::AuditTables", "Trigger"), K::Text},
             {QCoreApplication::translate("Boucle::AuditTables", "Reviewed"), K::Count},
             {QCoreApplication::translate("Boucle::AuditTables", "Corrected"), K::Count},
             {QCoreApplication::translate("Boucle::AuditTables", "Yield"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "95 % low"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "95 % high"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "Lift over control"), K::Number}});
    for (const auto &t : audit.triggerYield.triggers)
        yield.rows.append({t.trigger, t.yield.total, t.yield.count, t.yield.rate, t.yield.low,
                           t.yield.high, optional(t.lift)});
    const auto &control = audit.triggerYield.control;
    yield.rows.append({QCoreApplication::translate("Boucle::AuditTables", "control (random draw)"),
                       control.total, control.count, rateOrNothing(control, &RateEstimate::rate),
                       rateOrNothing(control, &RateEstimate::low),
                       rateOrNothing(control, &RateEstimate::high), QVariant()});
    tables.append(yield);
}

} // namespace

QString ReportTable::displayText(int row, int column) const
{
    const QVariant value = rows.at(row).value(column);
    if (!value.isValid())
        return QStringLiteral("–");
    switch (kinds.value(column, Kind::Text)) {
    case Kind::Text:
        return value.toString();
    case Kind::Count:
        return QString::number(value.toLongLong());
    case Kind::Ratio:
        return QString::number(value.toDouble() * 100.0, 'f', 1) + QStringLiteral(" %");
    case Kind::Number:
        return QString::number(value.toDouble(), 'f', 3);
    }
    return value.toString();
}

QString ReportTable::csvText(int row, int column) const
{
    const QVariant value = rows.at(row).value(column);
    if (!value.isValid())
        return {};
    switch (kinds.value(column, Kind::Text)) {
    case Kind::Text:
        return csvQuoted(value.toString());
    case Kind::Count:
        return QString::number(value.toLongLong());
    case Kind::Ratio:
    case Kind::Number: {
        const double number = value.toDouble();
        return std::isfinite(number) ? QString::number(number, 'g', 6) : QString();
    }
    }
    return csvQuoted(value.toString());
}

QString ReportTable::toCsv() const
{
    QString text;
    QStringList cells;
    for (const auto &name : header)
        cells.append(csvQuoted(name));
    text += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (int r = 0; r < rows.size(); ++r) {
        cells.clear();
        for (int c = 0; c < header.size(); ++c)
            cells.append(csvText(r, c));
        text += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return text;
}

namespace AuditTables {

QList<ReportTable> build(const AuditReport &report)
{
    QList<ReportTable> tables;

    auto summary
            = table(QStringLiteral("summary"),
                    QCoreApplication::translate("Boucle::AuditTables", "Error rates"),
                    {{QCoreApplication::translate("Boucle::AuditTables", "Measure"), K::Text},
                     {QCoreApplication::translate("Boucle::AuditTables", "Value"), K::Ratio},
                     {QCoreApplication::translate("Boucle::AuditTables", "95 % low"), K::Ratio},
                     {QCoreApplication::translate("Boucle::AuditTables", "95 % high"), K::Ratio},
                     {QCoreApplication::translate("Boucle::AuditTables", "Samples"), K::Count}});
    const auto errors = report.confusion.errorRate();
    summary.rows.append({QCoreApplication::translate("Boucle::AuditTables",
                                                     "Model error rate on reviewed samples"),
                         rateOrNothing(errors, &RateEstimate::rate),
                         rateOrNothing(errors, &RateEstimate::low),
                         rateOrNothing(errors, &RateEstimate::high), errors.total});
    const auto &control = report.triggerYield.control;
    summary.rows.append(
            {QCoreApplication::translate("Boucle::AuditTables",
                                         "Model error rate on control samples (unbiased)"),
             rateOrNothing(control, &RateEstimate::rate),
             rateOrNothing(control, &RateEstimate::low),
             rateOrNothing(control, &RateEstimate::high), control.total});
    tables.append(summary);

    const auto &matrix = report.confusion;
    QList<std::pair<QString, K>> matrixColumns = {
            {QCoreApplication::translate("Boucle::AuditTables", "Reviewed \\ predicted"), K::Text}};
    for (const auto &name : matrix.classNames())
        matrixColumns.append({name, K::Count});
    matrixColumns.append(
            {QCoreApplication::translate("Boucle::AuditTables", "No prediction"), K::Count});
    auto confusion = table(QStringLiteral("confusion_matrix"),
                           QCoreApplication::translate(
                                   "Boucle::AuditTables",
                                   "Confusion matrix (rows: reviewed label, columns: prediction)"),
                           matrixColumns);
    for (int r = 0; r < matrix.classCount(); ++r) {
        QVariantList row = {matrix.classNames().at(r)};
        for (int p = 0; p < matrix.classCount(); ++p)
            row.append(matrix.cell(r, p));
        row.append(matrix.unpredicted(r));
        confusion.rows.append(row);
    }
    tables.append(confusion);

    auto perClass = table(
            QStringLiteral("per_class"),
            QCoreApplication::translate("Boucle::AuditTables", "Per class"),
            {{QCoreApplication::translate("Boucle::AuditTables", "Class"), K::Text},
             {QCoreApplication::translate("Boucle::AuditTables", "Reviewed"), K::Count},
             {QCoreApplication::translate("Boucle::AuditTables", "Predicted"), K::Count},
             {QCoreApplication::translate("Boucle::AuditTables", "Error rate"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "95 % low"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "95 % high"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "Precision"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "Recall"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "Top confusions"), K::Text}});
    for (const auto &c : report.classes) {
        QStringList confusions;
        for (const auto &confused : c.topConfusions)
            confusions.append(
                    QStringLiteral("%1 (%2)").arg(confused.predictedName).arg(confused.count));
        perClass.rows.append(
                {c.name, c.reviewed, c.predicted, rateOrNothing(c.errorRate, &RateEstimate::rate),
                 rateOrNothing(c.errorRate, &RateEstimate::low),
                 rateOrNothing(c.errorRate, &RateEstimate::high), optional(c.precision),
                 optional(c.recall), confusions.join(QStringLiteral("; "))});
    }
    tables.append(perClass);

    auto yield = table(
            QStringLiteral("trigger_yield"),
            QCoreApplication::translate("Boucle::AuditTables",
                                        "Trigger yield: share of flagged samples found wrong"),
            {{QCoreApplication::translate("Boucle::AuditTables", "Trigger"), K::Text},
             {QCoreApplication::translate("Boucle::AuditTables", "Reviewed"), K::Count},
             {QCoreApplication::translate("Boucle::AuditTables", "Wrong"), K::Count},
             {QCoreApplication::translate("Boucle::AuditTables", "Yield"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "95 % low"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "95 % high"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "Lift over control"), K::Number},
             {QCoreApplication::translate("Boucle::AuditTables", "Better than control"), K::Text}});
    for (const auto &t : report.triggerYield.triggers) {
        yield.rows.append(
                {t.trigger, t.yield.total, t.yield.count, t.yield.rate, t.yield.low, t.yield.high,
                 optional(t.lift),
                 report.triggerYield.hasControl() ? QVariant(
                         t.aboveControl
                                 ? QCoreApplication::translate("Boucle::AuditTables", "yes")
                                 : QCoreApplication::translate("Boucle::AuditTables", "not shown"))
                                                  : QVariant()});
    }
    yield.rows.append({QCoreApplication::translate("Boucle::AuditTables", "control (random draw)"),
                       control.total, control.count, rateOrNothing(control, &RateEstimate::rate),
                       rateOrNothing(control, &RateEstimate::low),
                       rateOrNothing(control, &RateEstimate::high), QVariant(), QVariant()});
    tables.append(yield);

    // The suspect-label trigger doubts the dataset, not the model: its yield is the share of
    // doubted labels reviewers changed, by the class doubted.
    if (!report.suspectYield.isEmpty()) {
        auto suspects = table(
                QStringLiteral("suspect_label_yield"),
                QCoreApplication::translate("Boucle::AuditTables",
                                            "Suspect labels: share confirmed wrong by review"),
                {{QCoreApplication::translate("Boucle::AuditTables", "Labelled"), K::Text},
                 {QCoreApplication::translate("Boucle::AuditTables", "Reviewed"), K::Count},
                 {QCoreApplication::translate("Boucle::AuditTables", "Confirmed"), K::Count},
                 {QCoreApplication::translate("Boucle::AuditTables", "Yield"), K::Ratio},
                 {QCoreApplication::translate("Boucle::AuditTables", "95 % low"), K::Ratio},
                 {QCoreApplication::translate("Boucle::AuditTables", "95 % high"), K::Ratio}});
        const auto row = [&suspects](const QString &name, const RateEstimate &rate) {
            suspects.rows.append({name, rate.total, rate.count,
                                  rateOrNothing(rate, &RateEstimate::rate),
                                  rateOrNothing(rate, &RateEstimate::low),
                                  rateOrNothing(rate, &RateEstimate::high)});
        };
        for (const auto &one : report.suspectYield.classes)
            row(one.className, one.confirmed);
        row(QCoreApplication::translate("Boucle::AuditTables", "all suspects"),
            report.suspectYield.total);
        row(QCoreApplication::translate("Boucle::AuditTables",
                                        "control (random draw): model wrong"),
            report.suspectYield.control);
        tables.append(suspects);
    }

    auto calibration = table(
            QStringLiteral("calibration"),
            QCoreApplication::translate("Boucle::AuditTables", "Calibration (reliability bins)"),
            {{QCoreApplication::translate("Boucle::AuditTables", "From"), K::Number},
             {QCoreApplication::translate("Boucle::AuditTables", "To"), K::Number},
             {QCoreApplication::translate("Boucle::AuditTables", "Samples"), K::Count},
             {QCoreApplication::translate("Boucle::AuditTables", "Mean confidence"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "Accuracy"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "Gap"), K::Ratio}});
    for (const auto &bin : report.calibration.bins) {
        const bool empty = bin.count == 0;
        calibration.rows.append(
                {bin.lower, bin.upper, bin.count, empty ? QVariant() : QVariant(bin.meanConfidence),
                 empty ? QVariant() : QVariant(bin.accuracy),
                 empty ? QVariant() : QVariant(std::abs(bin.accuracy - bin.meanConfidence))});
    }
    tables.append(calibration);

    auto reviewers = table(
            QStringLiteral("reviewers"),
            QCoreApplication::translate("Boucle::AuditTables", "Reviewers"),
            {{QCoreApplication::translate("Boucle::AuditTables", "Reviewer"), K::Text},
             {QCoreApplication::translate("Boucle::AuditTables", "Decisions"), K::Count},
             {QCoreApplication::translate("Boucle::AuditTables", "Decisions per hour"), K::Number},
             {QCoreApplication::translate("Boucle::AuditTables", "Median seconds per decision"),
              K::Number},
             {QCoreApplication::translate("Boucle::AuditTables", "Override rate"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "95 % low"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "95 % high"), K::Ratio}});
    for (const auto &r : report.reviewers) {
        reviewers.rows.append({r.reviewer, r.decisions, optional(r.decisionsPerHour),
                               optional(r.medianSeconds), r.overrideRate.rate, r.overrideRate.low,
                               r.overrideRate.high});
    }
    tables.append(reviewers);

    auto agreement = table(
            QStringLiteral("agreement"),
            QCoreApplication::translate("Boucle::AuditTables",
                                        "Agreement on samples seen by two or more reviewers"),
            {{QCoreApplication::translate("Boucle::AuditTables", "Reviewers"), K::Text},
             {QCoreApplication::translate("Boucle::AuditTables", "Shared samples"), K::Count},
             {QCoreApplication::translate("Boucle::AuditTables", "Observed agreement"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "Kappa"), K::Number}});
    for (const auto &pair : report.agreement.pairs) {
        agreement.rows.append({QStringLiteral("%1 / %2").arg(pair.first, pair.second), pair.samples,
                               pair.observed, optional(pair.kappa)});
    }
    if (report.agreement.method == ReviewerAgreement::Method::Fleiss) {
        agreement.rows.append(
                {QCoreApplication::translate("Boucle::AuditTables", "all %1 reviewers (Fleiss)")
                         .arg(report.agreement.reviewers),
                 report.agreement.samples, report.agreement.observed,
                 optional(report.agreement.kappa)});
    }
    tables.append(agreement);

    QList<std::pair<QString, K>> modelColumns
            = {{QCoreApplication::translate("Boucle::AuditTables", "Model"), K::Text},
               {QCoreApplication::translate("Boucle::AuditTables", "Trained on version"), K::Count},
               {QCoreApplication::translate("Boucle::AuditTables", "Shared samples"), K::Count},
               {QCoreApplication::translate("Boucle::AuditTables", "Accuracy"), K::Ratio},
               {QCoreApplication::translate("Boucle::AuditTables", "95 % low"), K::Ratio},
               {QCoreApplication::translate("Boucle::AuditTables", "95 % high"), K::Ratio},
               {QCoreApplication::translate("Boucle::AuditTables", "Gain"), K::Ratio}};
    for (const auto &name : report.confusion.classNames())
        modelColumns.append(
                {QCoreApplication::translate("Boucle::AuditTables", "Accuracy on %1").arg(name),
                 K::Ratio});
    auto models = table(QStringLiteral("models"),
                        QCoreApplication::translate("Boucle::AuditTables",
                                                    "Model versions on the same reviewed samples"),
                        modelColumns);
    for (const auto &m : report.loop.models) {
        QVariantList row = {m.model,
                            m.trainedOnVersion,
                            m.accuracy.total,
                            rateOrNothing(m.accuracy, &RateEstimate::rate),
                            rateOrNothing(m.accuracy, &RateEstimate::low),
                            rateOrNothing(m.accuracy, &RateEstimate::high),
                            optional(m.gain)};
        for (const auto &perClassRate : m.perClass)
            row.append(rateOrNothing(perClassRate, &RateEstimate::rate));
        models.rows.append(row);
    }
    tables.append(models);

    auto versions = table(
            QStringLiteral("versions"),
            QCoreApplication::translate("Boucle::AuditTables", "Dataset versions"),
            {{QCoreApplication::translate("Boucle::AuditTables", "Version"), K::Count},
             {QCoreApplication::translate("Boucle::AuditTables", "Decisions"), K::Count},
             {QCoreApplication::translate("Boucle::AuditTables", "Corrections"), K::Count}});
    for (const auto &v : report.loop.versions)
        versions.rows.append({v.version, v.reviews, v.corrections});
    tables.append(versions);

    auto loop = table(
            QStringLiteral("loop"),
            QCoreApplication::translate("Boucle::AuditTables",
                                        "Reviews spent against accuracy gained"),
            {{QCoreApplication::translate("Boucle::AuditTables", "Model"), K::Text},
             {QCoreApplication::translate("Boucle::AuditTables", "Trained on version"), K::Count},
             {QCoreApplication::translate("Boucle::AuditTables", "Reviews spent"), K::Count},
             {QCoreApplication::translate("Boucle::AuditTables", "Accuracy"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "Gained"), K::Ratio},
             {QCoreApplication::translate("Boucle::AuditTables", "Points per 1000 reviews"),
              K::Number}});
    for (const auto &s : report.loop.steps) {
        loop.rows.append({s.model, s.trainedOnVersion, s.reviewsSpent, optional(s.accuracy),
                          optional(s.gained), optional(s.gainPerThousandReviews)});
    }
    tables.append(loop);
    appendDetectorTables(tables, report);
    return tables;
}

} // namespace AuditTables

} // namespace Boucle
