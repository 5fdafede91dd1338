// boucle suspects PROJECT [--version N] [--folds K] [--model NAME@VERSION] [--limit N]
//                         [--selection noise_rate|low_margin] [--format text|json]
//
// The labels of a dataset version that are probably wrong, most suspect first, found by
// confident learning (docs/suspect-labels.md): from the stored predictions' probabilities, or
// with --folds K from K-fold cross-validation of the committee (projects of boucle demo).
#include "argumentparser.h"
#include "loop/suspectlabelsearch.h"
#include "policy/triggerpolicy.h"
#include "projectarguments.h"
#include "terminalprogress.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace Boucle::Cli {
namespace {

QJsonValue numberOrNull(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue();
}

int runSuspects(CommandContext &context)
{
    const QString name = QStringLiteral("suspects");
    ArgumentParser parser({QStringLiteral("--format"), QStringLiteral("--version"),
                           QStringLiteral("--folds"), QStringLiteral("--model"),
                           QStringLiteral("--limit"), QStringLiteral("--selection")},
                          {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 1)
        return usage(context, name, QStringLiteral("expected PROJECT"));
    bool json = false;
    if (!readTextOrJson(context, name, parser, &json))
        return UsageError;
    SuspectLabelSearch::Options options;
    int limit = 0;
    if (!readWholeNumber(context, name, parser, QStringLiteral("--version"), 1, &options.version)
        || !readWholeNumber(context, name, parser, QStringLiteral("--folds"), 2, &options.folds)
        || !readWholeNumber(context, name, parser, QStringLiteral("--limit"), 1, &limit))
        return UsageError;
    options.model = parser.value(QStringLiteral("--model"));
    const QString selection = parser.value(QStringLiteral("--selection"),
                                           TriggerPolicy::selectionName(options.selection));
    if (const auto chosen = TriggerPolicy::selectionFromName(selection))
        options.selection = *chosen;
    else
        return usage(
                context, name,
                QStringLiteral("--selection is noise_rate or low_margin, not '%1'").arg(selection));
    auto store = openProject(parser.positional(0), context, ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return Failure;
    TerminalProgress progress(context.err);
    const auto found = SuspectLabelSearch::run(
            *store, options, [&progress](const QString &message, double fraction) {
                progress.progress(qint64(fraction * 1000), 1000, message);
            });
    progress.finish();
    if (found.error)
        return fail(context, name, found.error.message);
    const auto &result = found.value;
    const auto &learning = result.learning;
    const qsizetype shown = limit > 0 ? std::min<qsizetype>(limit, result.suspects.size())
                                      : result.suspects.size();
    if (json) {
        QJsonArray suspects;
        for (qsizetype i = 0; i < shown; ++i) {
            const auto &suspect = result.suspects.at(i);
            suspects.append(QJsonObject {
                    {QStringLiteral("rank"), i + 1},
                    {QStringLiteral("sample"), suspect.samplePath},
                    {QStringLiteral("sample_id"), suspect.sampleId},
                    {QStringLiteral("given"), suspect.given},
                    {QStringLiteral("suspected"), suspect.suspected},
                    {QStringLiteral("p_suspected"), suspect.suspectedProbability},
                    {QStringLiteral("p_given"), suspect.givenProbability},
                    {QStringLiteral("given_threshold"), numberOrNull(suspect.givenThreshold)},
                    {QStringLiteral("score"), suspect.score}});
        }
        QJsonArray classes;
        const int classCount = int(result.classes.size());
        for (int i = 0; i < classCount; ++i) {
            QJsonArray noise;
            for (int j = 0; j < classCount; ++j)
                noise.append(learning.noiseMatrix.at(size_t(learning.cell(i, j))));
            classes.append(QJsonObject {
                    {QStringLiteral("class"), result.classes.at(i)},
                    {QStringLiteral("labelled"), qint64(learning.labelCounts.at(size_t(i)))},
                    {QStringLiteral("threshold"), numberOrNull(learning.thresholds.at(size_t(i)))},
                    {QStringLiteral("estimated_errors"), learning.estimatedErrors.at(size_t(i))},
                    {QStringLiteral("suspects"), qint64(learning.suspectsPerClass.at(size_t(i)))},
                    {QStringLiteral("noise_given_true"), noise}});
        }
        const QJsonObject document {
                {QStringLiteral("version"), result.version},
                {QStringLiteral("probabilities"), result.source},
                {QStringLiteral("labels_checked"), qint64(result.rowsWithProbabilities)},
                {QStringLiteral("estimated_errors"), learning.estimatedErrorTotal},
                {QStringLiteral("suspect_count"), qint64(result.suspects.size())},
                {QStringLiteral("classes"), classes},
                {QStringLiteral("suspects"), suspects}};
        context.out << QJsonDocument(document).toJson(QJsonDocument::Indented);
        return Success;
    }
    context.out << QStringLiteral("version %1: %2 labels checked with %3; %4 suspect(s), about "
                                  "%5 errors estimated\n")
                           .arg(result.version)
                           .arg(result.rowsWithProbabilities)
                           .arg(result.source)
                           .arg(result.suspects.size())
                           .arg(learning.estimatedErrorTotal, 0, 'f', 1);
    for (qsizetype i = 0; i < shown; ++i) {
        const auto &suspect = result.suspects.at(i);
        context.out << QStringLiteral("%1  %2  labelled '%3', model gives '%4' %5 and '%3' %6 "
                                      "(class '%3' usually >= %7)\n")
                               .arg(i + 1, 4)
                               .arg(suspect.samplePath)
                               .arg(suspect.given, suspect.suspected)
                               .arg(suspect.suspectedProbability, 0, 'f', 2)
                               .arg(suspect.givenProbability, 0, 'f', 2)
                               .arg(suspect.givenThreshold, 0, 'f', 2);
    }
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("suspects"),
         QStringLiteral("suspects PROJECT [--version N] [--folds K] [--model NAME@VERSION] "
                        "[--limit N] [--selection noise_rate|low_margin] [--format text|json]"),
         QStringLiteral("list the labels that are probably wrong, most suspect first "
                        "(confident learning)"),
         runSuspects});

} // namespace
} // namespace Boucle::Cli
