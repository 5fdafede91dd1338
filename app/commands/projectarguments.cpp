#include "projectarguments.h"

#include "store/serverconnection.h"

#include <QFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace Boucle::Cli {

bool askServerPassword(const QString &address, const StoreError &error, CommandContext &context)
{
    if (!ServerConnection::needsPassword(error) && !ServerConnection::passwordRefused(error))
        return false;
    const auto location = ProjectLocation::parse(address);
    // Only a person at a terminal is asked; a script gets the server's refusal.
    if (location.isError() || location.value.isFile() || !isatty(STDIN_FILENO))
        return false;
    FILE *terminal = std::fopen("/dev/tty", "r+");
    if (!terminal)
        return false;
    const int descriptor = fileno(terminal);
    termios saved {};
    const bool canHide = tcgetattr(descriptor, &saved) == 0;
    if (canHide) {
        termios hidden = saved;
        hidden.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(descriptor, TCSAFLUSH, &hidden);
    }
    const QString user = location.value.user().isEmpty() ? qEnvironmentVariable("USER")
                                                         : location.value.user();
    if (ServerConnection::passwordRefused(error))
        std::fprintf(terminal, "The server refused that password.\n");
    std::fprintf(terminal, "Password of %s for %s: ", qPrintable(user),
                 qPrintable(location.value.displayText()));
    std::fflush(terminal);
    char line[1024] = {};
    const bool read = std::fgets(line, sizeof line, terminal) != nullptr;
    if (canHide)
        tcsetattr(descriptor, TCSAFLUSH, &saved);
    std::fputc('\n', terminal);
    std::fclose(terminal);
    QString password = QString::fromLocal8Bit(line);
    while (password.endsWith(QLatin1Char('\n')) || password.endsWith(QLatin1Char('\r')))
        password.chop(1);
    std::fill(std::begin(line), std::end(line), '\0');
    if (!read) {
        context.err << "boucle: no password was given\n";
        return false;
    }
    ServerConnection::rememberPassword(location.value, password);
    return true;
}

std::unique_ptr<ProjectStore> openProject(const QString &path, CommandContext &context,
                                          ProjectStore::OpenMode mode)
{
    auto store = std::make_unique<ProjectStore>();
    auto error = store->open(path, mode);
    // Three tries at a terminal, as psql and sudo give.
    for (int attempt = 0; error && attempt < 3 && askServerPassword(path, error, context);
         ++attempt)
        error = store->open(path, mode);
    if (error) {
        context.err << "boucle: " << error.message << '\n';
        return nullptr;
    }
    return store;
}

QString authorName(const QString &given)
{
    if (!given.trimmed().isEmpty())
        return given.trimmed();
    for (const char *variable : {"BOUCLE_AUTHOR", "USER", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(variable);
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("unknown");
}

int fail(CommandContext &context, const QString &command, const QString &message)
{
    context.err << "boucle " << command << ": " << message << '\n';
    return Failure;
}

QString unknownVersion(const QString &given, int head)
{
    if (head == 0)
        return QStringLiteral("there is no version '%1': the project has no versions yet")
                .arg(given);
    return QStringLiteral("there is no version '%1' (the project has versions 1 to %2)")
            .arg(given)
            .arg(head);
}

int usage(CommandContext &context, const QString &command, const QString &message)
{
    const auto *found = findCommand(command);
    context.err << "boucle " << command << ": " << message << '\n';
    if (found)
        context.err << "usage: boucle " << found->usage << '\n';
    return UsageError;
}

bool readTextOrJson(CommandContext &context, const QString &command, const ArgumentParser &parser,
                    bool *json)
{
    const QString format = parser.value(QStringLiteral("--format"), QStringLiteral("text"));
    *json = format == QLatin1String("json");
    if (*json || format == QLatin1String("text"))
        return true;
    usage(context, command, QStringLiteral("--format is text or json"));
    return false;
}

bool readWholeNumber(CommandContext &context, const QString &command, const ArgumentParser &parser,
                     const QString &option, int minimum, int *value, int maximum)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const int given = parser.value(option).toInt(&ok);
    if (ok && given >= minimum && given <= maximum) {
        *value = given;
        return true;
    }
    const QString range = maximum == std::numeric_limits<int>::max()
                                  ? QStringLiteral("from %1").arg(minimum)
                                  : QStringLiteral("from %1 to %2").arg(minimum).arg(maximum);
    usage(context, command,
          QStringLiteral("%1 expects a whole number %2, not '%3'")
                  .arg(option, range, parser.value(option)));
    return false;
}

} // namespace Boucle::Cli
