// boucle report PROJECT --out DIR [--batch NAME] [--model NAME@VERSION] [--version N]
//                       [--reviewer NAME] [--from DATE] [--to DATE] [--bins N] [--iou T]
// The lead's audit as audit.html, audit.pdf and one CSV per table in DIR. A project with
// reviewed detection samples also gets the detector audit, at IoU 0.5 and at T when given.
#include "argumentparser.h"
#include "projectarguments.h"
#include "report/auditreportwriter.h"
#include "report/reviewanalyticsquery.h"

#include <QDir>

namespace Boucle::Cli {
namespace {

// A date (whole day, UTC) or an ISO time. `endOfDay` turns a date into the start of the next
// day, so "--to 2026-03-31" includes the 31st.
std::optional<QDateTime> parseTime(const QString &text, bool endOfDay)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid())
        return QDateTime(endOfDay ? date.addDays(1) : date, QTime(0, 0), Qt::UTC);
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time;
}

int runReport(CommandContext &context)
{
    const QString name = QStringLiteral("report");
    ArgumentParser parser(
            {QStringLiteral("--out"), QStringLiteral("--batch"), QStringLiteral("--model"),
             QStringLiteral("--version"), QStringLiteral("--reviewer"), QStringLiteral("--from"),
             QStringLiteral("--to"), QStringLiteral("--bins"), QStringLiteral("--iou")},
            {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 1)
        return usage(context, name, QStringLiteral("expected one PROJECT"));
    const QString out = parser.value(QStringLiteral("--out"));
    if (out.isEmpty())
        return usage(context, name, QStringLiteral("--out DIR is required"));

    AnalyticsFilter filter;
    filter.batch = parser.value(QStringLiteral("--batch"));
    filter.model = parser.value(QStringLiteral("--model"));
    filter.reviewer = parser.value(QStringLiteral("--reviewer"));
    if (parser.isSet(QStringLiteral("--version"))) {
        QString text = parser.value(QStringLiteral("--version"));
        if (text.startsWith(QLatin1Char('v')))
            text.remove(0, 1);
        bool ok = false;
        filter.datasetVersion = text.toInt(&ok);
        if (!ok || filter.datasetVersion < 1)
            return usage(context, name,
                         QStringLiteral("--version expects a version number, got '%1'")
                                 .arg(parser.value(QStringLiteral("--version"))));
    }
    for (const auto &[option, endOfDay] :
         {std::pair {QStringLiteral("--from"), false}, std::pair {QStringLiteral("--to"), true}}) {
        if (!parser.isSet(option))
            continue;
        const auto time = parseTime(parser.value(option), endOfDay);
        if (!time)
            return usage(context, name,
                         QStringLiteral("%1 expects a date (2026-03-31) or an ISO time, got '%2'")
                                 .arg(option, parser.value(option)));
        (endOfDay ? filter.to : filter.from) = *time;
    }
    if (filter.from.isValid() && filter.to.isValid() && filter.to <= filter.from)
        return usage(context, name, QStringLiteral("--to must come after --from"));
    int bins = 10;
    if (!readWholeNumber(context, name, parser, QStringLiteral("--bins"), 1, &bins, 100))
        return UsageError;

    double iou = 0.5;
    if (parser.isSet(QStringLiteral("--iou"))) {
        bool ok = false;
        iou = parser.value(QStringLiteral("--iou")).toDouble(&ok);
        if (!ok || !(iou > 0.0 && iou <= 1.0))
            return usage(context, name,
                         QStringLiteral("--iou expects an IoU threshold above 0 and at most 1, "
                                        "got '%1'")
                                 .arg(parser.value(QStringLiteral("--iou"))));
    }

    auto store = openProject(parser.positional(0), context, ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return Failure;
    ReviewAnalyticsQuery query(*store);
    AuditInputs inputs;
    if (const auto error = query.load(filter, inputs, bins))
        return fail(context, name, error.message);
    AuditOptions options;
    options.calibrationBins = bins;
    options.iouThreshold = iou;
    const auto report = AuditReport::compute(inputs, options);

    ReportHeading heading {QDir::toNativeSeparators(store->path()), filter.description(),
                           store->now()};
    // The signatures of the batch reported, or of every batch.
    const auto batch = filter.batch.isEmpty() ? std::nullopt : store->batchByName(filter.batch);
    if (filter.batch.isEmpty() || batch) {
        for (const auto &signature : store->signatures(batch ? batch->id : 0)) {
            const auto signed_ = store->batch(signature.batchId);
            heading.signatures.append({signed_ ? signed_->name : QString::number(signature.batchId),
                                       signature.printedName, signature.signerId,
                                       signature.signedAt, signatureMeaningName(signature.meaning),
                                       QString::fromLatin1(signature.contentHash)});
        }
    }
    AuditReportWriter writer(report, heading);
    QStringList written;
    if (!writer.writeAll(out, &written))
        return fail(context, name, writer.errorString());
    context.err << "boucle report: " << report.confusion.total() << " reviewed samples ("
                << filter.description() << ")\n";
    if (!report.detector.isEmpty())
        context.err << "boucle report: " << report.detector.samples
                    << " reviewed detection samples, "
                    << report.detector.atHalf.overall.truePositives << " true positives, "
                    << report.detector.atHalf.overall.falsePositives << " false positives, "
                    << report.detector.atHalf.overall.misses << " misses at IoU 0.5\n";
    for (const auto &path : std::as_const(written))
        context.out << QDir::toNativeSeparators(path) << '\n';
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("report"),
         QStringLiteral("report PROJECT --out DIR [--batch NAME] "
                        "[--model NAME@VERSION] [--version N] "
                        "[--reviewer NAME] [--from DATE] [--to DATE] "
                        "[--bins N] [--iou T]"),
         QStringLiteral("write the lead's audit: HTML, PDF and a CSV "
                        "per table"),
         runReport, true});

} // namespace
} // namespace Boucle::Cli
