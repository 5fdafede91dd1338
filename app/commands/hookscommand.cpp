// boucle hooks PROJECT [--batch-completed CMD] [--version-committed CMD] [--timeout SECONDS]
//                      [--clear EVENT] [--runs [--limit N]] [--output RUN]
// Sets, clears and lists the project's hooks, and shows what they did (docs/hooks.md). Without
// an option it prints the hooks that are set.
#include "argumentparser.h"
#include "hooks/hookinvocation.h"
#include "projectarguments.h"

namespace Boucle::Cli {
namespace {

QString describeRun(const HookRunRecord &run)
{
    QString subject = run.batchId > 0 ? QStringLiteral("batch %1").arg(run.batchId)
                                      : QStringLiteral("version %1").arg(run.version);
    QString status = hookOutcomeName(run.outcome);
    if (run.outcome == HookRunRecord::Outcome::Failed && run.exitCode >= 0)
        status += QStringLiteral(" (exit %1)").arg(run.exitCode);
    return QStringLiteral("%1  %2  %3  %4  %5  %6 s  %7 bytes of output%8")
            .arg(run.id)
            .arg(run.startedAt.toUTC().toString(Qt::ISODate), run.event, subject, status)
            .arg(QString::number(run.durationMs / 1000.0, 'f', 1))
            .arg(run.output.size())
            .arg(run.outputTruncated ? QStringLiteral(" (truncated)") : QString());
}

int runHooks(CommandContext &context)
{
    const QString name = QStringLiteral("hooks");
    const QString batchOption = QStringLiteral("--batch-completed");
    const QString versionOption = QStringLiteral("--version-committed");
    ArgumentParser parser({batchOption, versionOption, QStringLiteral("--timeout"),
                           QStringLiteral("--clear"), QStringLiteral("--limit"),
                           QStringLiteral("--output")},
                          {QStringLiteral("--runs")});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 1)
        return usage(context, name, QStringLiteral("expected one PROJECT"));

    struct Change
    {
        QString key;
        QString value;
    };
    QList<Change> changes;
    const QString emptyValue = QStringLiteral(""); // a cleared hook is stored as empty, not NULL
    if (parser.isSet(batchOption))
        changes.append(
                {HookInvocation::settingKey(HookEvent::BatchCompleted), parser.value(batchOption)});
    if (parser.isSet(versionOption))
        changes.append({HookInvocation::settingKey(HookEvent::VersionCommitted),
                        parser.value(versionOption)});
    for (const auto &event : parser.values(QStringLiteral("--clear"))) {
        if (event == QLatin1String("all")) {
            for (auto each : {HookEvent::BatchCompleted, HookEvent::VersionCommitted})
                changes.append({HookInvocation::settingKey(each), emptyValue});
            continue;
        }
        const auto parsed = HookInvocation::eventFromName(event);
        if (!parsed)
            return usage(context, name,
                         QStringLiteral("--clear expects batch_completed, version_committed or "
                                        "all, not '%1'")
                                 .arg(event));
        changes.append({HookInvocation::settingKey(*parsed), emptyValue});
    }
    if (parser.isSet(QStringLiteral("--timeout"))) {
        bool ok = false;
        const int seconds = parser.value(QStringLiteral("--timeout")).toInt(&ok);
        if (!ok || seconds <= 0)
            return usage(context, name,
                         QStringLiteral("--timeout expects a positive number of seconds, not "
                                        "'%1'")
                                 .arg(parser.value(QStringLiteral("--timeout"))));
        changes.append({HookInvocation::timeoutKey(), QString::number(seconds)});
    }
    int limit = 20;
    if (!readWholeNumber(context, name, parser, QStringLiteral("--limit"), 1, &limit))
        return UsageError;

    auto store = openProject(parser.positional(0), context,
                             changes.isEmpty() ? ProjectStore::OpenMode::ReadOnly
                                               : ProjectStore::OpenMode::ReadWrite);
    if (!store)
        return Failure;
    for (const auto &change : changes)
        if (const auto error = store->setSetting(change.key, change.value))
            return fail(context, name, error.message);

    if (parser.isSet(QStringLiteral("--output"))) {
        bool ok = false;
        const qint64 id = parser.value(QStringLiteral("--output")).toLongLong(&ok);
        const auto run = ok ? store->hookRun(id) : std::nullopt;
        if (!run)
            return fail(
                    context, name,
                    QStringLiteral("no hook run '%1' in %2; 'boucle hooks %2 --runs' lists "
                                   "them")
                            .arg(parser.value(QStringLiteral("--output")), parser.positional(0)));
        context.out << describeRun(*run) << "\ncommand: " << run->command << '\n';
        context.out.flush();
        context.out << QString::fromUtf8(run->output);
        if (!run->output.isEmpty() && !run->output.endsWith('\n'))
            context.out << '\n';
        return Success;
    }
    if (parser.isSet(QStringLiteral("--runs"))) {
        const auto runs = store->hookRuns(limit);
        if (runs.isEmpty())
            context.out << "no hook has run in this project\n";
        for (const auto &run : runs)
            context.out << describeRun(run) << '\n';
        return Success;
    }
    for (auto event : {HookEvent::BatchCompleted, HookEvent::VersionCommitted}) {
        const QString command = store->setting(HookInvocation::settingKey(event));
        context.out << HookInvocation::eventName(event) << ": "
                    << (command.trimmed().isEmpty() ? QStringLiteral("(not set)") : command)
                    << '\n';
    }
    context.out << "timeout: "
                << store->setting(HookInvocation::timeoutKey(),
                                  QString::number(HookInvocation::defaultTimeoutSeconds))
                << " s\n";
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("hooks"),
         QStringLiteral("hooks PROJECT [--batch-completed CMD] [--version-committed CMD] "
                        "[--timeout S] [--clear EVENT] [--runs] [--output RUN]"),
         QStringLiteral("set, clear and list the commands run when a batch is done or a version "
                        "is committed (docs/hooks.md)"),
         runHooks});

} // namespace
} // namespace Boucle::Cli
