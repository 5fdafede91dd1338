#include "audittables.h"

#include <QCoreApplication>

#include <cmath>

namespace Boucle {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Boucle::AuditTables", text);
}

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

    auto summary = table(QStringLiteral("summary"), tr("Error rates"),
                         {{tr("Measure"), K::Text},
                          {tr("Value"), K::Ratio},
                          {tr("95 % low"), K::Ratio},
                          {tr("95 % high"), K::Ratio},
                          {tr("Samples"), K::Count}});
    const auto errors = report.confusion.errorRate();
    summary.rows.append({tr("Model error rate on reviewed samples"),
                         rateOrNothing(errors, &RateEstimate::rate),
                         rateOrNothing(errors, &RateEstimate::low),
                         rateOrNothing(errors, &RateEstimate::high), errors.total});
    const auto &control = report.triggerYield.control;
    summary.rows.append({tr("Model error rate on control samples (unbiased)"),
                         rateOrNothing(control, &RateEstimate::rate),
                         rateOrNothing(control, &RateEstimate::low),
                         rateOrNothing(control, &RateEstimate::high), control.total});
    tables.append(summary);

    const auto &matrix = report.confusion;
    QList<std::pair<QString, K>> matrixColumns = {{tr("Reviewed \\ predicted"), K::Text}};
    for (const auto &name : matrix.classNames())
        matrixColumns.append({name, K::Count});
    matrixColumns.append({tr("No prediction"), K::Count});
    auto confusion = table(QStringLiteral("confusion_matrix"),
                           tr("Confusion matrix (rows: reviewed label, columns: prediction)"),
                           matrixColumns);
    for (int r = 0; r < matrix.classCount(); ++r) {
        QVariantList row = {matrix.classNames().at(r)};
        for (int p = 0; p < matrix.classCount(); ++p)
            row.append(matrix.cell(r, p));
        row.append(matrix.unpredicted(r));
        confusion.rows.append(row);
    }
    tables.append(confusion);

    auto perClass = table(QStringLiteral("per_class"), tr("Per class"),
                          {{tr("Class"), K::Text},
                           {tr("Reviewed"), K::Count},
                           {tr("Predicted"), K::Count},
                           {tr("Error rate"), K::Ratio},
                           {tr("95 % low"), K::Ratio},
                           {tr("95 % high"), K::Ratio},
                           {tr("Precision"), K::Ratio},
                           {tr("Recall"), K::Ratio},
                           {tr("Top confusions"), K::Text}});
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

    auto yield = table(QStringLiteral("trigger_yield"),
                       tr("Trigger yield: share of flagged samples found wrong"),
                       {{tr("Trigger"), K::Text},
                        {tr("Reviewed"), K::Count},
                        {tr("Wrong"), K::Count},
                        {tr("Yield"), K::Ratio},
                        {tr("95 % low"), K::Ratio},
                        {tr("95 % high"), K::Ratio},
                        {tr("Lift over control"), K::Number},
                        {tr("Better than control"), K::Text}});
    for (const auto &t : report.triggerYield.triggers) {
        yield.rows.append({t.trigger, t.yield.total, t.yield.count, t.yield.rate, t.yield.low,
                           t.yield.high, optional(t.lift),
                           report.triggerYield.hasControl()
                                   ? QVariant(t.aboveControl ? tr("yes") : tr("not shown"))
                                   : QVariant()});
    }
    yield.rows.append({tr("control (random draw)"), control.total, control.count,
                       rateOrNothing(control, &RateEstimate::rate),
                       rateOrNothing(control, &RateEstimate::low),
                       rateOrNothing(control, &RateEstimate::high), QVariant(), QVariant()});
    tables.append(yield);

    auto calibration = table(QStringLiteral("calibration"), tr("Calibration (reliability bins)"),
                             {{tr("From"), K::Number},
                              {tr("To"), K::Number},
                              {tr("Samples"), K::Count},
                              {tr("Mean confidence"), K::Ratio},
                              {tr("Accuracy"), K::Ratio},
                              {tr("Gap"), K::Ratio}});
    for (const auto &bin : report.calibration.bins) {
        const bool empty = bin.count == 0;
        calibration.rows.append(
                {bin.lower, bin.upper, bin.count, empty ? QVariant() : QVariant(bin.meanConfidence),
                 empty ? QVariant() : QVariant(bin.accuracy),
                 empty ? QVariant() : QVariant(std::abs(bin.accuracy - bin.meanConfidence))});
    }
    tables.append(calibration);

    auto reviewers = table(QStringLiteral("reviewers"), tr("Reviewers"),
                           {{tr("Reviewer"), K::Text},
                            {tr("Decisions"), K::Count},
                            {tr("Decisions per hour"), K::Number},
                            {tr("Median seconds per decision"), K::Number},
                            {tr("Override rate"), K::Ratio},
                            {tr("95 % low"), K::Ratio},
                            {tr("95 % high"), K::Ratio}});
    for (const auto &r : report.reviewers) {
        reviewers.rows.append({r.reviewer, r.decisions, optional(r.decisionsPerHour),
                               optional(r.medianSeconds), r.overrideRate.rate, r.overrideRate.low,
                               r.overrideRate.high});
    }
    tables.append(reviewers);

    auto agreement = table(QStringLiteral("agreement"),
                           tr("Agreement on samples seen by two or more reviewers"),
                           {{tr("Reviewers"), K::Text},
                            {tr("Shared samples"), K::Count},
                            {tr("Observed agreement"), K::Ratio},
                            {tr("Kappa"), K::Number}});
    for (const auto &pair : report.agreement.pairs) {
        agreement.rows.append({QStringLiteral("%1 / %2").arg(pair.first, pair.second), pair.samples,
                               pair.observed, optional(pair.kappa)});
    }
    if (report.agreement.method == ReviewerAgreement::Method::Fleiss) {
        agreement.rows.append({tr("all %1 reviewers (Fleiss)").arg(report.agreement.reviewers),
                               report.agreement.samples, report.agreement.observed,
                               optional(report.agreement.kappa)});
    }
    tables.append(agreement);

    QList<std::pair<QString, K>> modelColumns = {{tr("Model"), K::Text},
                                                 {tr("Trained on version"), K::Count},
                                                 {tr("Shared samples"), K::Count},
                                                 {tr("Accuracy"), K::Ratio},
                                                 {tr("95 % low"), K::Ratio},
                                                 {tr("95 % high"), K::Ratio},
                                                 {tr("Gain"), K::Ratio}};
    for (const auto &name : report.confusion.classNames())
        modelColumns.append({tr("Accuracy on %1").arg(name), K::Ratio});
    auto models = table(QStringLiteral("models"), tr("Model versions on the same reviewed samples"),
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

    auto versions = table(QStringLiteral("versions"), tr("Dataset versions"),
                          {{tr("Version"), K::Count},
                           {tr("Decisions"), K::Count},
                           {tr("Corrections"), K::Count}});
    for (const auto &v : report.loop.versions)
        versions.rows.append({v.version, v.reviews, v.corrections});
    tables.append(versions);

    auto loop = table(QStringLiteral("loop"), tr("Reviews spent against accuracy gained"),
                      {{tr("Model"), K::Text},
                       {tr("Trained on version"), K::Count},
                       {tr("Reviews spent"), K::Count},
                       {tr("Accuracy"), K::Ratio},
                       {tr("Gained"), K::Ratio},
                       {tr("Points per 1000 reviews"), K::Number}});
    for (const auto &s : report.loop.steps) {
        loop.rows.append({s.model, s.trainedOnVersion, s.reviewsSpent, optional(s.accuracy),
                          optional(s.gained), optional(s.gainPerThousandReviews)});
    }
    tables.append(loop);
    return tables;
}

} // namespace AuditTables

} // namespace Boucle
