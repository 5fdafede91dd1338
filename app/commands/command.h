// The command-line sub-commands of the boucle binary. Each sub-command lives in its own file
// under app/commands and registers itself with a static CommandRegistration, so adding one
// touches no shared list. Main thread only.
#pragma once

#include <QStringList>
#include <QTextStream>

#include <functional>

namespace Boucle::Cli {

// What a sub-command gets: its arguments (after the sub-command's name) and the two streams.
// Output meant for scripts goes to `out`; messages and progress go to `err`.
struct CommandContext
{
    QStringList arguments;
    QTextStream &out;
    QTextStream &err;
    // Set by a command that wants the review workspace opened on a project once it is done
    // (`boucle demo`).
    QString openInWindow = {};
};

struct Command
{
    QString name;
    QString usage;   // e.g. "init PROJECT.boucle [--data-root DIR]"
    QString summary; // one line for `boucle --help`
    std::function<int(CommandContext &)> run;
    // Draws text (charts, PDF): runs under a QGuiApplication, on the offscreen platform unless
    // QT_QPA_PLATFORM says otherwise.
    bool needsGui = false;
};

// Exit codes shared by every sub-command.
enum ExitCode { Success = 0, Failure = 1, UsageError = 2, VerifyFailed = 3 };

class CommandRegistration
{
public:
    explicit CommandRegistration(Command command);
};

const QList<Command> &registeredCommands();
const Command *findCommand(const QString &name);

} // namespace Boucle::Cli
