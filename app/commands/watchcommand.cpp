// boucle watch PROJECT DIR --policy FILE [--batch-size N] [--interval SECONDS] [--settle SECONDS]
// Imports each prediction log that lands in DIR once it is complete, flags a batch with the
// policy after each one, and keeps a ledger in the project so a restart imports nothing twice.
// SIGINT and SIGTERM stop it between files; an import under way is cancelled and rolled back
// (the file is taken again at the next start). The contract is docs/hooks.md.
#include "argumentparser.h"
#include "ingest/logimporter.h"
#include "ingest/settledfiles.h"
#include "policy/batchbuilder.h"
#include "progress/progresssink.h"
#include "projectarguments.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QSet>
#include <QSocketNotifier>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace Boucle::Cli {
namespace {

std::atomic_bool stopRequested {false};
int signalPipe[2] = {-1, -1};

extern "C" void onStopSignal(int)
{
    stopRequested.store(true);
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

// Cancels an import under way when a stop signal arrives (the import then rolls back).
class StopSink : public ProgressSink
{
public:
    void progress(qint64, qint64, const QString &) override { }
    bool isCancelled() const override { return stopRequested.load(); }
};

QByteArray fileSha256(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        *error = file.errorString();
        return {};
    }
    return hash.result().toHex();
}

bool positiveSeconds(const QString &text, double *seconds)
{
    bool ok = false;
    *seconds = text.toDouble(&ok);
    return ok && *seconds > 0 && *seconds <= 86400;
}

class FolderWatch
{
public:
    FolderWatch(CommandContext &context, ProjectStore &store, const QString &folder,
                const TriggerPolicy &policy, int batchSize, qint64 settleMs)
        : m_context(context)
        , m_store(store)
        , m_policy(policy)
        , m_batchSize(batchSize)
        , m_files(folder, settleMs)
    {
        m_clock.start();
    }

    // Takes every settled file not yet handled; returns early when a stop is asked for.
    void look()
    {
        for (const QString &path : m_files.look(m_clock.elapsed())) {
            if (stopRequested.load())
                return;
            const auto seen = m_files.seen(path);
            const QString key = QStringLiteral("%1|%2|%3")
                                        .arg(path)
                                        .arg(seen.size)
                                        .arg(seen.modified.toMSecsSinceEpoch());
            if (m_handled.contains(key))
                continue;
            if (take(path, seen))
                m_handled.insert(key);
        }
    }

private:
    void say(const QString &path, const QString &what)
    {
        m_context.err << "watch: " << QDir::toNativeSeparators(path) << ": " << what << '\n';
        m_context.err.flush();
    }

    // True when the file needs no more attention at this size and time.
    bool take(const QString &path, const SettledFiles::Seen &seen)
    {
        const auto latest = m_store.latestWatchedFile(path);
        if (latest && latest->size == seen.size && latest->modifiedAt == seen.modified) {
            say(path, latest->outcome == WatchedFileRecord::Outcome::Imported
                              ? QStringLiteral("already imported (ledger); skipped")
                              : QStringLiteral("failed before and has not changed; skipped"));
            return true;
        }
        QString error;
        const QByteArray sha = fileSha256(path, &error);
        if (sha.isEmpty()) {
            say(path, QStringLiteral("cannot be read (%1); will try again").arg(error));
            return false;
        }
        if (m_store.hasWatchedFile(path, sha)) {
            say(path, QStringLiteral("same content as before (ledger); skipped"));
            return true;
        }

        WatchedFileRecord record;
        record.path = path;
        record.size = seen.size;
        record.modifiedAt = seen.modified;
        record.sha256 = sha;
        LogImporter importer(m_store);
        StopSink stop;
        const ImportReport report = importer.import(path, &stop);
        if (report.outcome == ImportReport::Outcome::Cancelled) {
            say(path, QStringLiteral("import cancelled by the stop signal; nothing was stored and "
                                     "it will be imported at the next start"));
            return false;
        }
        if (!report.isSuccess()) {
            QString message = report.summary();
            if (!report.problems.isEmpty())
                message += QLatin1Char(' ') + report.problemList().section(QLatin1Char('\n'), 0, 0);
            record.outcome = WatchedFileRecord::Outcome::Failed;
            record.message = message;
            if (const auto ledger = m_store.addWatchedFile(record))
                say(path, QStringLiteral("the ledger cannot be written: %1").arg(ledger.message));
            say(path, QStringLiteral("refused; not retried until it changes: %1").arg(message));
            return true;
        }

        record.outcome = WatchedFileRecord::Outcome::Imported;
        QString flagged;
        const QString name = batchName(path, sha);
        BatchBuilder builder(m_store);
        const auto result = builder.build(m_policy, name, m_batchSize,
                                          authorName(QStringLiteral("boucle watch")));
        if (result.error) {
            flagged = QStringLiteral("no batch: %1").arg(result.error.message);
        } else {
            record.batchId = result.batch.id;
            flagged = QStringLiteral("flagged batch '%1' with %2 item(s)")
                              .arg(result.batch.name)
                              .arg(result.selection.items.size());
        }
        record.message = QStringLiteral("%1 prediction(s) added, %2 already present, %3 new "
                                        "sample(s) (%4 missing); %5")
                                 .arg(report.predictionsAdded)
                                 .arg(report.predictionsKnown)
                                 .arg(report.samplesAdded)
                                 .arg(report.samplesMissing)
                                 .arg(flagged);
        if (const auto ledger = m_store.addWatchedFile(record))
            say(path, QStringLiteral("imported, but the ledger cannot be written: %1")
                              .arg(ledger.message));
        say(path, QStringLiteral("imported: %1").arg(record.message));
        return true;
    }

    QString batchName(const QString &path, const QByteArray &sha) const
    {
        const QString base = QStringLiteral("%1-%2").arg(QFileInfo(path).completeBaseName(),
                                                         QString::fromLatin1(sha.left(8)));
        QString name = base;
        for (int n = 2; m_store.batchByName(name); ++n)
            name = QStringLiteral("%1-%2").arg(base).arg(n);
        return name;
    }

    CommandContext &m_context;
    ProjectStore &m_store;
    TriggerPolicy m_policy;
    int m_batchSize;
    SettledFiles m_files;
    QElapsedTimer m_clock;
    QSet<QString> m_handled;
};

int runWatch(CommandContext &context)
{
    const QString name = QStringLiteral("watch");
    ArgumentParser parser({QStringLiteral("--policy"), QStringLiteral("--batch-size"),
                           QStringLiteral("--interval"), QStringLiteral("--settle")},
                          {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 2)
        return usage(context, name, QStringLiteral("expected PROJECT and DIR"));
    if (!parser.isSet(QStringLiteral("--policy")))
        return usage(context, name, QStringLiteral("--policy FILE is required"));
    int batchSize = 0;
    if (!readWholeNumber(context, name, parser, QStringLiteral("--batch-size"), 1, &batchSize))
        return UsageError;
    double interval = 2;
    double settle = 2;
    for (const auto &[option, target] : {std::pair {QStringLiteral("--interval"), &interval},
                                         std::pair {QStringLiteral("--settle"), &settle}}) {
        if (parser.isSet(option) && !positiveSeconds(parser.value(option), target))
            return usage(context, name,
                         QStringLiteral("%1 expects a number of seconds above 0, not '%2'")
                                 .arg(option, parser.value(option)));
    }
    const QString folder = parser.positional(1);
    if (!QFileInfo(folder).isDir())
        return fail(context, name, QStringLiteral("%1 is not a folder").arg(folder));
    QString policyError;
    const auto policy = TriggerPolicy::load(parser.value(QStringLiteral("--policy")), &policyError);
    if (!policy)
        return fail(context, name, policyError);
    auto store = openProject(parser.positional(0), context);
    if (!store)
        return Failure;

    if (::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return fail(context, name, QStringLiteral("cannot set up the signal handling"));
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);

    FolderWatch watch(context, *store, folder, *policy, batchSize, qint64(settle * 1000));
    QSocketNotifier stopNotifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&stopNotifier, &QSocketNotifier::activated, qApp, [] {
        char byte;
        while (::read(signalPipe[0], &byte, 1) > 0) {
        }
        QCoreApplication::quit();
    });
    // inotify tells at once when a file appears or is renamed into the folder; the timer also
    // looks at it regularly, which finds appends (no folder event) and files on network mounts
    // (where inotify sees nothing). A file still settling is looked at again by the timer.
    QFileSystemWatcher watcher({folder});
    QTimer timer;
    timer.setInterval(int(qMin(interval, settle) * 1000));
    QObject::connect(&timer, &QTimer::timeout, qApp, [&watch] { watch.look(); });
    QObject::connect(&watcher, &QFileSystemWatcher::directoryChanged, qApp,
                     [&watch] { watch.look(); });
    context.err << "watch: watching " << QDir::toNativeSeparators(QDir(folder).absolutePath())
                << " (Ctrl+C stops)\n";
    context.err.flush();
    watch.look();
    timer.start();
    if (!stopRequested.load())
        QCoreApplication::exec();
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    ::close(signalPipe[0]);
    ::close(signalPipe[1]);
    context.err << "watch: stopped\n";
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("watch"),
         QStringLiteral("watch PROJECT DIR --policy FILE [--batch-size N] [--interval S] "
                        "[--settle S]"),
         QStringLiteral("import each complete log that lands in DIR and flag a batch "
                        "(docs/hooks.md)"),
         runWatch});

} // namespace
} // namespace Boucle::Cli
