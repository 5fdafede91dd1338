// `boucle loop`: the active-learning loop simulated on a real data set, with reviewers who answer
// with the known labels. Prints how many labels each strategy needs to reach 99 % of the accuracy
// of training on the whole pool, and writes the curves (loop.csv, loop-summary.csv, loop.png).
#include "argumentparser.h"
#include "command.h"

#include "learning/datasetloader.h"
#include "learning/loopsimulation.h"

#include <QCoreApplication>
#include <QDir>

#include <cmath>

namespace Boucle::Cli {

namespace {

bool positiveNumber(const QString &text, int &value)
{
    bool ok = false;
    value = text.toInt(&ok);
    return ok && value > 0;
}

int runLoop(CommandContext &context)
{
    ArgumentParser parser({QStringLiteral("--dataset"), QStringLiteral("--strategy"),
                           QStringLiteral("--budget"), QStringLiteral("--step"),
                           QStringLiteral("--seeds"), QStringLiteral("--out"),
                           QStringLiteral("--data")},
                          {});
    if (!parser.parse(context.arguments)) {
        context.err << "boucle loop: " << parser.error() << '\n';
        return UsageError;
    }
    if (!parser.positionals().isEmpty()) {
        context.err << "boucle loop: "
                    << QCoreApplication::translate("Boucle::Cli::LoopCommand",
                                                   "unexpected argument %1")
                               .arg(parser.positional(0))
                    << '\n';
        return UsageError;
    }
    const QString dataset = parser.value(QStringLiteral("--dataset"), QStringLiteral("digits"));
    if (!DatasetLoader::datasetNames().contains(dataset)) {
        context.err << "boucle loop: "
                    << QCoreApplication::translate(
                               "Boucle::Cli::LoopCommand",
                               "unknown data set '%1' (expected digits or letters)")
                               .arg(dataset)
                    << '\n';
        return UsageError;
    }
    LoopSimulation::Options options;
    QStringList strategyNames;
    for (const QString &value : parser.values(QStringLiteral("--strategy")))
        strategyNames += value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!strategyNames.isEmpty()) {
        options.strategies.clear();
        for (const QString &name : strategyNames) {
            const auto kind = AcquisitionStrategy::fromName(name.trimmed());
            if (!kind) {
                context.err << "boucle loop: "
                            << QCoreApplication::translate(
                                       "Boucle::Cli::LoopCommand",
                                       "unknown strategy '%1' (expected random, least-confidence, "
                                       "margin, entropy, committee or diverse)")
                                       .arg(name)
                            << '\n';
                return UsageError;
            }
            if (!options.strategies.contains(*kind))
                options.strategies.append(*kind);
        }
    }
    const struct
    {
        const char *option;
        int *target;
    } numbers[] = {
            {"--budget", &options.budget}, {"--step", &options.step}, {"--seeds", &options.seeds}};
    for (const auto &number : numbers) {
        const QString option = QString::fromLatin1(number.option);
        if (parser.isSet(option) && !positiveNumber(parser.value(option), *number.target)) {
            context.err << "boucle loop: "
                        << QCoreApplication::translate("Boucle::Cli::LoopCommand",
                                                       "%1 needs a positive whole number, not '%2'")
                                   .arg(option, parser.value(option))
                        << '\n';
            return UsageError;
        }
    }

    QString error;
    const QString dataPath
            = parser.value(QStringLiteral("--data"), DatasetLoader::defaultPath(dataset));
    const auto samples = dataset == QLatin1String("digits")
                                 ? DatasetLoader::loadDigits(dataPath, &error)
                                 : DatasetLoader::loadLetters(dataPath, &error);
    if (!samples) {
        context.err << "boucle loop: " << error << '\n';
        return Failure;
    }
    const QDir out(parser.value(QStringLiteral("--out"), QDir::currentPath()));
    context.err
            << QCoreApplication::translate(
                       "Boucle::Cli::LoopCommand",
                       "Simulating %1 strategies on %2 (%3 samples): budget %4, step %5, %6 seeds")
                       .arg(options.strategies.size())
                       .arg(dataset)
                       .arg(samples->size())
                       .arg(options.budget)
                       .arg(options.step)
                       .arg(options.seeds)
            << '\n';
    context.err.flush();
    const LoopResult result = LoopSimulation::run(
            *samples, options, [&context](const QString &message, double fraction) {
                context.err << QStringLiteral("[%1%] ").arg(std::lround(fraction * 100), 3)
                            << message << '\n';
                context.err.flush();
            });

    context.out << QCoreApplication::translate(
                           "Boucle::Cli::LoopCommand",
                           "Full-pool accuracy %1 %, target (99 %) %2 %; pool %3, test %4")
                           .arg(result.fullPoolAccuracy * 100, 0, 'f', 2)
                           .arg(result.target() * 100, 0, 'f', 2)
                           .arg(result.poolSize)
                           .arg(result.testSize)
                << '\n';
    context.out
            << QCoreApplication::translate("Boucle::Cli::LoopCommand", "strategy").leftJustified(18)
            << QCoreApplication::translate("Boucle::Cli::LoopCommand", "labels to 99 %")
                       .rightJustified(16)
            << QCoreApplication::translate("Boucle::Cli::LoopCommand", "saving vs random")
                       .rightJustified(18)
            << QCoreApplication::translate("Boucle::Cli::LoopCommand", "final accuracy")
                       .rightJustified(16)
            << '\n';
    for (int k = 0; k < result.strategies.size(); ++k) {
        const int labels = result.labelsToTarget(k);
        const double saving = result.savingVsRandom(k);
        context.out << AcquisitionStrategy::name(result.strategies.at(k)).leftJustified(18)
                    << (labels > 0 ? QString::number(labels)
                                   : QStringLiteral("> %1").arg(result.labelCounts.back()))
                               .rightJustified(16)
                    << (std::isnan(saving) ? QStringLiteral("-")
                                           : QStringLiteral("%1 %").arg(saving * 100, 0, 'f', 1))
                               .rightJustified(18)
                    << QStringLiteral("%1 %")
                               .arg(result.accuracy[static_cast<std::size_t>(k)].back() * 100, 0,
                                    'f', 2)
                               .rightJustified(16)
                    << '\n';
    }
    if (!result.writeCsv(out.filePath(QStringLiteral("loop.csv")),
                         out.filePath(QStringLiteral("loop-summary.csv")), &error)
        || !result.writeChart(out.filePath(QStringLiteral("loop.png")), &error)) {
        context.err << "boucle loop: " << error << '\n';
        return Failure;
    }
    context.err << QCoreApplication::translate("Boucle::Cli::LoopCommand", "Wrote %1, %2 and %3")
                           .arg(out.filePath(QStringLiteral("loop.csv")),
                                out.filePath(QStringLiteral("loop-summary.csv")),
                                out.filePath(QStringLiteral("loop.png")))
                << '\n';
    return Success;
}

const CommandRegistration registration(Command {
        QStringLiteral("loop"),
        QStringLiteral("loop [--dataset digits|letters] [--strategy NAME[,NAME...]] [--budget B] "
                       "[--step S] [--seeds K] [--out DIR]"),
        QStringLiteral("Simulate active learning with known labels; labels needed per strategy"),
        runLoop});

} // namespace

} // namespace Boucle::Cli
